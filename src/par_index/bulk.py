"""Compatibility path: the names of :mod:`par_index.service.columnar`,
:mod:`par_index.formats.columnar_reader`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.formats.columnar_reader import (
    DossierExport,
    DuplicateCode,
    Duplicates,
    ExportReport,
    count_dossier_export,
    read_dossier_export,
    read_dossier_table,
)
from par_index.service.columnar import (
    COLUMNS,
    GROUP_KEYS,
    DossierTable,
    GroupMeasures,
    Window,
    WindowKind,
    combine_counts,
    finish_counts,
    measure_groups,
    measure_table,
    partition_counts,
    polars_module,
)

__all__ = [
    "COLUMNS",
    "GROUP_KEYS",
    "DossierExport",
    "DossierTable",
    "DuplicateCode",
    "Duplicates",
    "ExportReport",
    "GroupMeasures",
    "Window",
    "WindowKind",
    "combine_counts",
    "count_dossier_export",
    "finish_counts",
    "measure_groups",
    "measure_table",
    "partition_counts",
    "polars_module",
    "read_dossier_export",
    "read_dossier_table",
]

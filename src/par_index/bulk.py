"""Compatibility path: the names of :mod:`par_index.service.columnar`,
:mod:`par_index.formats.columnar_reader`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.formats.columnar_reader import (
    read_dossier_table,
)
from par_index.service.columnar import DossierTable, measure_table

__all__ = [
    "DossierTable",
    "measure_table",
    "read_dossier_table",
]

"""Compatibility path: the names of :mod:`par_index.formats.json`, :mod:`par_index.formats.portal`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.formats.json import (
    LoadResult,
    Rejected,
    Rejections,
    configure_converter,
    default_converter,
    dump,
    dumps,
    finish,
    load,
    loads,
    make_converter,
    parse_json,
    problems_from,
    read_json,
)
from par_index.formats.portal import (
    CSV_COLUMNS,
    VN_TZ,
    load_dossiers,
    load_procedures,
    loads_dossiers_csv,
    loads_dossiers_json,
    loads_procedures_json,
    parse_vn_moment,
)

__all__ = [
    "CSV_COLUMNS",
    "VN_TZ",
    "LoadResult",
    "Rejected",
    "Rejections",
    "configure_converter",
    "default_converter",
    "dump",
    "dumps",
    "finish",
    "load",
    "load_dossiers",
    "load_procedures",
    "loads",
    "loads_dossiers_csv",
    "loads_dossiers_json",
    "loads_procedures_json",
    "make_converter",
    "parse_json",
    "parse_vn_moment",
    "problems_from",
    "read_json",
]

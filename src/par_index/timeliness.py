"""Compatibility path: the names of :mod:`par_index.service.timeliness`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.service.timeliness import (
    DEFAULT_POLICY,
    Comparison,
    DossierColumns,
    DueSource,
    EarlyRule,
    RepeatedSupplement,
    SupplementClock,
    Timeliness,
    TimelinessError,
    TimelinessMode,
    TimelinessPolicy,
    TimelinessResult,
    classify,
    classify_columns,
    columns_from_days,
    dossier_columns,
    due_moment,
)

__all__ = [
    "DEFAULT_POLICY",
    "Comparison",
    "DossierColumns",
    "DueSource",
    "EarlyRule",
    "RepeatedSupplement",
    "SupplementClock",
    "Timeliness",
    "TimelinessError",
    "TimelinessMode",
    "TimelinessPolicy",
    "TimelinessResult",
    "classify",
    "classify_columns",
    "columns_from_days",
    "dossier_columns",
    "due_moment",
]

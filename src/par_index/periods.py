"""Compatibility path: the names of :mod:`par_index.model.periods`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.periods import (
    FoundPeriod,
    PeriodKind,
    PeriodMention,
    ReportingPeriod,
    find_period,
    find_period_mentions,
    find_periods,
)

__all__ = [
    "FoundPeriod",
    "PeriodKind",
    "PeriodMention",
    "ReportingPeriod",
    "find_period",
    "find_period_mentions",
    "find_periods",
]

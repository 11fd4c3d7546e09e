"""Compatibility path: the names of :mod:`par_index.model.procedures`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.procedures import (
    OnlineServiceLevel,
    Procedure,
    ProcedureLevel,
    TimeLimit,
    TimeUnit,
)

__all__ = [
    "OnlineServiceLevel",
    "Procedure",
    "ProcedureLevel",
    "TimeLimit",
    "TimeUnit",
]

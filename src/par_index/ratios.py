"""Compatibility path: the names of :mod:`par_index.model.ratios`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.ratios import (
    NOT_APPLICABLE,
    InvalidRatio,
    NotApplicable,
    Ratio,
    Rounding,
)

__all__ = [
    "NOT_APPLICABLE",
    "InvalidRatio",
    "NotApplicable",
    "Ratio",
    "Rounding",
]

"""Compatibility path: the names of :mod:`par_index.model.units`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.units import (
    COMMUNE_LEVEL_UNITS_2025,
    PROVINCES_2025,
    TWO_TIER_FROM,
    AdministrativeUnit,
    PeriodStructure,
    UnitLevel,
    UnitStructure,
    UnitTier,
    structure_for_period,
    structure_on,
)

__all__ = [
    "COMMUNE_LEVEL_UNITS_2025",
    "PROVINCES_2025",
    "TWO_TIER_FROM",
    "AdministrativeUnit",
    "PeriodStructure",
    "UnitLevel",
    "UnitStructure",
    "UnitTier",
    "structure_for_period",
    "structure_on",
]

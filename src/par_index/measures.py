"""Compatibility path: the names of :mod:`par_index.service.measures`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.service.measures import (
    DossierMeasures,
    measure_dossiers,
    period_bounds,
    satisfaction_5_4,
)

__all__ = [
    "DossierMeasures",
    "measure_dossiers",
    "period_bounds",
    "satisfaction_5_4",
]

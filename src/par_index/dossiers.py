"""Compatibility path: the names of :mod:`par_index.model.dossiers`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.dossiers import (
    VN_TZ,
    Channel,
    Dossier,
    DossierStatus,
    SupplementRequest,
)

__all__ = [
    "VN_TZ",
    "Channel",
    "Dossier",
    "DossierStatus",
    "SupplementRequest",
]

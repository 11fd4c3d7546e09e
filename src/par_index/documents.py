"""Compatibility path: the names of :mod:`par_index.model.documents`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.documents import (
    DocumentKind,
    DocumentRef,
    FoundDocumentRef,
    find_document_refs,
)

__all__ = [
    "DocumentKind",
    "DocumentRef",
    "FoundDocumentRef",
    "find_document_refs",
]

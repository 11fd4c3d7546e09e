"""Hypothesis strategy for :class:`~par_index.model.documents.DocumentRef`.

Re-exported from ``par_index.testing.strategies``; the model module itself never imports Hypothesis.
"""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from par_index.model.documents import _MAX_YEAR, _MIN_YEAR, DocumentKind, DocumentRef, _kind_of_code

__all__ = ["document_refs"]

_KINDS: st.SearchStrategy[DocumentKind | None] = st.none() | st.sampled_from(DocumentKind)
_DATES: st.SearchStrategy[date | None] = st.none() | st.dates(
    date(_MIN_YEAR, 1, 1), date(_MAX_YEAR, 12, 31)
)

# Real issuers, drafting units and Party bodies (docs/sources.md; the seed report).
_ISSUERS = ("UBND", "CP", "TTg", "BNV", "VPCP", "HĐND", "BTC", "CTN", "BGDĐT", "UBTVQH15")
_LETTER_ISSUERS = ("BNV-CCHC", "VPCP-KGVX", "UBND-NC", "UBND-VX", "BTC-NSNN")
_LAW_ISSUERS = ("QH13", "QH14", "QH15", "UBTVQH14")
_PARTY_ISSUERS = ("ĐU", "TW", "TU", "HU", "VPTW", "BTCTW")

_NUMBERS: st.SearchStrategy[str] = st.from_regex(r"[0-9]{1,5}[a-z]?", fullmatch=True)
_SEGMENTS: st.SearchStrategy[str] = st.from_regex(r"[A-ZĐ][A-ZĐ0-9]{0,5}", fullmatch=True)


def _issuers(min_segments: int, max_segments: int) -> st.SearchStrategy[str]:
    return st.lists(_SEGMENTS, min_size=min_segments, max_size=max_segments).map("-".join)


# An official letter's issuer must not start with a kind code ("CT-TTHT" would read back as
# a Chỉ thị), so that every draw reads back to itself.
_LETTER_ISSUER: st.SearchStrategy[str] = st.sampled_from(_LETTER_ISSUERS) | _issuers(2, 3).filter(
    lambda issuer: _kind_of_code(issuer.partition("-")[0]) is None
)


def document_refs(
    *,
    kinds: st.SearchStrategy[DocumentKind | None] = _KINDS,
    dates: st.SearchStrategy[date | None] = _DATES,
) -> st.SearchStrategy[DocumentRef]:
    """Valid document references of every shape.

    A kind is drawn first; with a kind the shape is ``4559/QĐ-UBND`` (possibly a draft
    ``/BC-UBND``), ``59/2019/NĐ-CP`` or Party ``225-CV/ĐU``; without one it is an official
    letter ``581/BNV-CCHC``, a law ``45/2019/QH14`` or a bare ``45/UBND``. Every draw reads
    back to itself: ``DocumentRef.parse(str(ref)) == ref``.

    Args:
        kinds: the kinds to draw (``None`` for the kind-less shapes).
        dates: the dates of issue to draw; dates outside 1945–2100 are filtered out, and a
            reference with a year in its number takes the date's year.

    Returns:
        A strategy of :class:`DocumentRef`.
    """
    valid_dates = dates.filter(lambda d: d is None or _MIN_YEAR <= d.year <= _MAX_YEAR)

    @st.composite
    def draw_ref(draw: st.DrawFn) -> DocumentRef:
        kind = draw(kinds)
        when = draw(valid_dates)
        number: str | None = draw(_NUMBERS)
        if kind is not None:
            shape = draw(st.sampled_from(("plain", "year", "party")))
        else:
            shape = draw(st.sampled_from(("letter", "law", "bare")))
        year: int | None = None
        if shape in ("year", "law"):
            year = when.year if when is not None else draw(st.integers(_MIN_YEAR, _MAX_YEAR))
        if shape == "party":
            issuer = draw(st.sampled_from(_PARTY_ISSUERS) | _issuers(1, 2))
        elif shape == "letter":
            issuer = draw(_LETTER_ISSUER)
        elif shape == "law":
            issuer = draw(st.sampled_from(_LAW_ISSUERS) | _issuers(1, 1))
        elif shape == "bare":
            issuer = draw(st.sampled_from(_ISSUERS) | _issuers(1, 1))
        else:
            issuer = draw(st.sampled_from(_ISSUERS) | _issuers(1, 3))
        if shape != "party" and draw(st.integers(0, 4)) == 0:
            number = None  # a draft, "Số: /BC-UBND"
        return DocumentRef(number, issuer, kind, year, when, party=shape == "party")

    return draw_ref()

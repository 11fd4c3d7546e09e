"""Classification of an index: schemes as data (national A/B/C; Quảng Trị 3009/QĐ-UBND
Tốt/Khá/Trung bình/Yếu).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

import attrs

from par_index.core.lang import Lang
from par_index.exceptions import InvalidValueError, Problem
from par_index.frameworks.model import (
    Framework,
)

__all__ = [
    "NATIONAL",
    "QUANG_TRI_3009",
    "SCHEMES",
    "Classification",
    "ClassificationScheme",
    "Grade",
    "InvalidScorecard",
    "resolve_scheme",
    "scheme_named",
]


class InvalidScorecard(InvalidValueError):
    """Scorecards (phiếu chấm điểm) that cannot be compared or a scheme that does not exist."""

    term = "phiếu chấm điểm"
    what = "scorecard"


# --------------------------------------------------------------------------- classification


@attrs.frozen
class Grade:
    """One class of a scheme: an index at or above ``min_index`` (and below the next)."""

    code: str
    label_vi: str
    label_en: str
    min_index: Decimal


@attrs.frozen
class ClassificationScheme:
    """A classification of indices into grades, highest first.

    Attributes:
        id: a stable identifier.
        name_vi: the Vietnamese name.
        name_en: an English name.
        source: the decision or publication it comes from.
        grades: the grades, highest minimum first; an index below the last is unclassified.

    Raises:
        InvalidScorecard: for grades out of order.
    """

    id: str
    name_vi: str
    name_en: str
    source: str
    grades: tuple[Grade, ...]

    def __attrs_post_init__(self) -> None:
        mins = [g.min_index for g in self.grades]
        if not self.grades or mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise InvalidScorecard(
                [Problem("grades", "grade-order", "grades with falling minimums", repr(mins))]
            )

    def classify(self, index: Decimal) -> Grade | None:
        """The grade of ``index`` (a percentage), or None below every grade."""
        for g in self.grades:
            if index >= g.min_index:
                return g
        return None


# National PAR INDEX groups, as the Ministry of Home Affairs publishes them (docs/sources.md):
# A ≥ 90%, B 80 to < 90%, C 70 to < 80%.
NATIONAL: Final = ClassificationScheme(
    "national",
    "Nhóm xếp hạng Chỉ số CCHC (Bộ Nội vụ)",
    "National PAR INDEX groups (Ministry of Home Affairs)",
    "Bộ Nội vụ, kết quả Chỉ số CCHC hằng năm: nhóm A từ 90%, B từ 80% đến dưới 90%, "
    "C từ 70% đến dưới 80%",
    (
        Grade("A", "Nhóm A", "Group A", Decimal(90)),
        Grade("B", "Nhóm B", "Group B", Decimal(80)),
        Grade("C", "Nhóm C", "Group C", Decimal(70)),
    ),
)

# Quảng Trị 3009/QĐ-UBND (2017) for departments, districts and communes (docs/sources.md):
# Tốt ≥ 80%, Khá 70 to < 80%, Trung bình 60 to < 70%, Yếu < 60%.
QUANG_TRI_3009: Final = ClassificationScheme(
    "quang-tri-3009-2017",
    "Xếp loại theo QĐ 3009/QĐ-UBND tỉnh Quảng Trị (2017)",
    "Quảng Trị 3009/QĐ-UBND (2017) classes",
    "Quyết định 3009/QĐ-UBND năm 2017 của UBND tỉnh Quảng Trị: Tốt từ 80%, Khá từ 70% đến "
    "dưới 80%, Trung bình từ 60% đến dưới 70%, Yếu dưới 60%",
    (
        Grade("tot", "Tốt", "Good", Decimal(80)),
        Grade("kha", "Khá", "Fair", Decimal(70)),
        Grade("trung_binh", "Trung bình", "Average", Decimal(60)),
        Grade("yeu", "Yếu", "Weak", Decimal(0)),
    ),
)

SCHEMES: Final[Mapping[str, ClassificationScheme]] = MappingProxyType(
    {s.id: s for s in (NATIONAL, QUANG_TRI_3009)}
)
"""The bundled classification schemes, by id."""


@attrs.frozen
class Classification:
    """The class a scorecard falls in under a scheme.

    Attributes:
        scheme: the scheme's id.
        code: the grade's code, None when the index is below every grade.
        label_vi: the grade's Vietnamese label ("Tốt", "Nhóm A", "Không xếp loại").
        label_en: its English label.
    """

    scheme: str
    code: str | None
    label_vi: str
    label_en: str

    def label(self, lang: Lang = "vi") -> str:
        """The label in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en


def resolve_scheme(
    scheme: ClassificationScheme | str | None, framework: Framework
) -> ClassificationScheme | None:
    if isinstance(scheme, ClassificationScheme):
        return scheme
    key = scheme if scheme is not None else framework.classification
    return None if key is None else scheme_named(key)


def scheme_named(key: str) -> ClassificationScheme:
    """The classification scheme of :data:`SCHEMES` named ``key``.

    Raises:
        InvalidScorecard: for a name not in :data:`SCHEMES`.
    """
    found = SCHEMES.get(key)
    if found is None:
        raise InvalidScorecard(
            [Problem("scheme", "unknown-scheme", "one of " + ", ".join(SCHEMES), repr(key))]
        )
    return found

"""Reporting periods (kỳ báo cáo) of periodic CCHC reports and their data cut-off windows.

The reporting regime is Nghị định 09/2019/NĐ-CP (chế độ báo cáo của cơ quan hành chính nhà
nước). Its Điều 12 fixes the data cut-off window (thời gian chốt số liệu) of each periodic
report: from the 15th of the month before the period to the 14th of the period's last month.
MOHA letter 581/BNV-CCHC sets the due date of the CCHC reports (quý I, 6 tháng, quý III,
năm) on the 20th of that last month.

A :class:`ReportingPeriod` is read from Vietnamese phrases ("Quý I năm 2025", "6 tháng đầu
năm 2023", "tháng 05/2023") by :meth:`ReportingPeriod.parse`; :func:`find_period`,
:func:`find_periods` and :func:`find_period_mentions` find such phrases inside longer texts
(report titles, sentences of a report body).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import date, datetime
from typing import Literal, Self

import attrs

from par_index.core.validation import Checker, show
from par_index.exceptions import InvalidPeriod, Problem
from par_index.model.units import PeriodStructure, structure_for_period

__all__ = [
    "FoundPeriod",
    "PeriodKind",
    "PeriodMention",
    "ReportingPeriod",
    "find_period",
    "find_period_mentions",
    "find_periods",
]

# The years par_index supports: a project choice, not a legal rule. 2100 is also where the
# lunar tables behind the working-day calendar stop being checked (docs/sources.md).
_MIN_YEAR = 1990
_MAX_YEAR = 2100

# NĐ 09/2019/NĐ-CP Điều 12: windows run from the 15th of the month before the period to the
# 14th of the period's last month. 581/BNV-CCHC: reports are due on the 20th of that month.
_CUT_OFF_START_DAY = 15
_CUT_OFF_END_DAY = 14
_DUE_DAY = 20

_DUE_SOURCE_VERIFIED = (
    "Công văn 581/BNV-CCHC (Bộ Nội vụ): due on the 20th of the last month of the period"
)
_DUE_SOURCE_BY_ANALOGY = (
    "by analogy with 581/BNV-CCHC (unverified): 20th of the last month of the period"
)


class PeriodKind(enum.StrEnum):
    """The kind of a reporting period (value: a stable English identifier)."""

    QUARTER = "quarter"  # báo cáo quý
    HALF_YEAR = "half_year"  # báo cáo 6 tháng đầu năm
    NINE_MONTHS = "nine_months"  # báo cáo 9 tháng đầu năm (a commune usage, docs/sources.md)
    YEAR = "year"  # báo cáo năm
    MONTH = "month"  # báo cáo tháng


# How many months a window spans; the last month of a window is fixed for the kinds that
# have no number (6 for 6 tháng, 9 for 9 tháng, 12 for năm).
_SPAN: dict[PeriodKind, int] = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.HALF_YEAR: 6,
    PeriodKind.NINE_MONTHS: 9,
    PeriodKind.YEAR: 12,
}
_ROMAN = ("I", "II", "III", "IV")
_ROMAN_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _field_problems(kind: object, year: object, number: object) -> list[Problem]:
    """Every rule that ``(kind, year, number)`` breaks, with the field names as paths."""
    c = Checker()
    c.of_type(kind, PeriodKind, "kind", "a PeriodKind")
    if c.of_type(year, int, "year", "an int (not bool)"):
        assert isinstance(year, int)
        c.check(
            _MIN_YEAR <= year <= _MAX_YEAR,
            "year",
            "year-out-of-range",
            f"a year from {_MIN_YEAR} to {_MAX_YEAR}",
            year,
        )
    if kind in (PeriodKind.QUARTER, PeriodKind.MONTH):
        top = 4 if kind is PeriodKind.QUARTER else 12
        what = "a quarter number 1–4" if top == 4 else "a month number 1–12"
        if number is None:
            c.add("number", "number-missing", what, number)
        elif c.of_type(number, int, "number", f"{what} (an int, not bool)"):
            assert isinstance(number, int)
            c.check(1 <= number <= top, "number", "number-out-of-range", what, number)
    elif isinstance(kind, PeriodKind):
        c.check(
            number is None,
            "number",
            "number-not-allowed",
            f"no number (None) for a {kind.value} period",
            number,
        )
    return c.problems


def _fifteenth(year: int, month_index: int) -> date:
    """The 15th of month ``month_index`` of ``year``; 0 is December of the year before."""
    extra_years, month0 = divmod(month_index - 1, 12)
    return date(year + extra_years, month0 + 1, _CUT_OFF_START_DAY)


@attrs.frozen
class ReportingPeriod:
    """One reporting period (kỳ báo cáo) of a periodic report.

    Two periods are equal when kind, year and number are equal. Periods sort by their
    window, ``(end, start)``: no two distinct periods share a window, so the order agrees
    with equality (a year sorts before its quý IV and its December, which end on the same
    day but start earlier).

    Attributes:
        kind: quarter, half year, nine months, year or month.
        year: the calendar year named by the period, 1990–2100.
        number: the quarter (1–4) for ``QUARTER``, the month (1–12) for ``MONTH``, None for
            every other kind.

    Raises:
        InvalidPeriod: listing every rule broken (wrong types too: ``bool`` is not ``int``).
    """

    kind: PeriodKind
    year: int
    number: int | None = None

    def __attrs_post_init__(self) -> None:
        problems = _field_problems(self.kind, self.year, self.number)
        if problems:
            raise InvalidPeriod(problems)

    # -- named constructors -------------------------------------------------------------

    @classmethod
    def quarter(cls, year: int, n: int) -> Self:
        """Quý ``n`` (1–4) of ``year``.

        Raises:
            InvalidPeriod: when ``year`` or ``n`` is out of range.
        """
        return cls(PeriodKind.QUARTER, year, n)

    @classmethod
    def half_year(cls, year: int) -> Self:
        """6 tháng đầu năm ``year``.

        Raises:
            InvalidPeriod: when ``year`` is out of range.
        """
        return cls(PeriodKind.HALF_YEAR, year)

    @classmethod
    def nine_months(cls, year: int) -> Self:
        """9 tháng đầu năm ``year``.

        Raises:
            InvalidPeriod: when ``year`` is out of range.
        """
        return cls(PeriodKind.NINE_MONTHS, year)

    @classmethod
    def annual(cls, year: int) -> Self:
        """Năm ``year`` (the annual report).

        Raises:
            InvalidPeriod: when ``year`` is out of range.
        """
        return cls(PeriodKind.YEAR, year)

    @classmethod
    def month(cls, year: int, m: int) -> Self:
        """Tháng ``m`` (1–12) of ``year``.

        Raises:
            InvalidPeriod: when ``year`` or ``m`` is out of range.
        """
        return cls(PeriodKind.MONTH, year, m)

    # -- the cut-off window and the due date ----------------------------------------------

    @property
    def _last_month(self) -> int:
        if self.kind is PeriodKind.MONTH:
            assert self.number is not None
            return self.number
        if self.kind is PeriodKind.QUARTER:
            assert self.number is not None
            return 3 * self.number
        return _SPAN[self.kind]  # 6 tháng, 9 tháng and năm all start with the year

    @property
    def start(self) -> date:
        """First day of the data cut-off window (thời gian chốt số liệu), inclusive.

        NĐ 09/2019/NĐ-CP Điều 12: the 15th of the month before the period, so quý I,
        6 tháng, 9 tháng and năm all start on 15/12 of the previous year. The 9-month window
        is a commune usage (docs/sources.md) that follows the same rule.
        """
        return _fifteenth(self.year, self._last_month - _SPAN[self.kind])

    @property
    def end(self) -> date:
        """Last day of the data cut-off window, inclusive: the 14th of the last month.

        NĐ 09/2019/NĐ-CP Điều 12 (quý I → 14/3, 6 tháng → 14/6, năm → 14/12).
        """
        return date(self.year, self._last_month, _CUT_OFF_END_DAY)

    @property
    def due(self) -> date:
        """The day the report is due: the 20th of the window's last month.

        581/BNV-CCHC states it for quý I, 6 tháng, quý III and năm; for the other kinds the
        same rule is applied by analogy (see :attr:`due_is_verified`).
        """
        return date(self.year, self._last_month, _DUE_DAY)

    @property
    def due_is_verified(self) -> bool:
        """Whether :attr:`due` comes from 581/BNV-CCHC rather than by analogy."""
        if self.kind is PeriodKind.QUARTER:
            return self.number in (1, 3)
        return self.kind in (PeriodKind.HALF_YEAR, PeriodKind.YEAR)

    @property
    def due_source(self) -> str:
        """The source of :attr:`due`, saying "unverified" when it is only by analogy."""
        return _DUE_SOURCE_VERIFIED if self.due_is_verified else _DUE_SOURCE_BY_ANALOGY

    def contains(self, d: date) -> bool:
        """Whether day ``d`` falls inside the cut-off window (both ends included).

        Raises:
            TypeError: when ``d`` is a ``datetime`` (convert it to the Vietnam local date
                first: which day a moment falls on depends on its time zone) or no date.
        """
        if isinstance(d, datetime) or not isinstance(d, date):
            raise TypeError(f"contains() needs a datetime.date, got {type(d).__name__}")
        return self.start <= d <= self.end

    def __contains__(self, item: object) -> bool:
        """``d in period``: like :meth:`contains`; False for anything that is not a date.

        Raises:
            TypeError: when ``item`` is a ``datetime`` (see :meth:`contains`).
        """
        if isinstance(item, date):
            return self.contains(item)
        return False

    # -- ordering ---------------------------------------------------------------------------

    @property
    def sort_key(self) -> tuple[date, date]:
        """``(end, start)``: the key periods sort by."""
        return (self.end, self.start)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ReportingPeriod):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, ReportingPeriod):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, ReportingPeriod):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, ReportingPeriod):
            return NotImplemented
        return self.sort_key >= other.sort_key

    # -- text -------------------------------------------------------------------------------

    def __str__(self) -> str:
        """The canonical Vietnamese label ("Quý I năm 2025"); :meth:`parse` reads it back."""
        return self.label("vi")

    def unit_structure(self) -> PeriodStructure:
        """The local-government structure the period reports under (the one in force on its
        last day) and whether it straddles 01/7/2025, when the district level ended
        (:func:`~par_index.model.units.structure_for_period`)."""
        return structure_for_period(self.start, self.end)

    def label(self, lang: Literal["vi", "en"] = "vi") -> str:
        """A label in Vietnamese (canonical, as in report titles) or English.

        Raises:
            ValueError: when ``lang`` is neither ``"vi"`` nor ``"en"``.
        """
        language: str = lang
        if language not in ("vi", "en"):
            raise ValueError(f"lang must be 'vi' or 'en', got {language!r}")
        vi = language == "vi"
        y = self.year
        if self.kind is PeriodKind.QUARTER:
            assert self.number is not None
            return f"Quý {_ROMAN[self.number - 1]} năm {y}" if vi else f"Q{self.number} {y}"
        if self.kind is PeriodKind.MONTH:
            assert self.number is not None
            return f"Tháng {self.number} năm {y}" if vi else f"{_MONTHS_EN[self.number - 1]} {y}"
        if self.kind is PeriodKind.HALF_YEAR:
            return f"6 tháng đầu năm {y}" if vi else f"First half of {y}"
        if self.kind is PeriodKind.NINE_MONTHS:
            return f"9 tháng đầu năm {y}" if vi else f"First nine months of {y}"
        return f"Năm {y}" if vi else f"Year {y}"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a whole phrase naming one period.

        The text is NFC-normalised, case-folded and stripped; runs of whitespace (also
        non-breaking spaces) count as one space, and a leading "kỳ" or "định kỳ" is allowed.
        Accepted forms: "Quý I năm 2025", "quý 1 năm 2025", "Quý I/2020"; "6 tháng đầu năm
        2023", "sáu tháng đầu năm 2023", "06 tháng đầu năm 2023", "6 tháng năm 2023"; the
        same for 9 tháng / chín tháng; "Năm 2023"; "Tháng 5 năm 2023", "tháng 05/2023".

        Raises:
            InvalidPeriod: when the text is not exactly one such phrase or names a period
                that does not exist ("Quý V", "tháng 13", "năm 23"). "6 tháng cuối năm" is
                refused too: it is not a reporting period of NĐ 09/2019/NĐ-CP.
        """
        if not isinstance(text, str):
            raise InvalidPeriod([_text_problem("wrong-type", "a string", text)])
        folded = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text).lower()).strip()
        if not folded:
            raise InvalidPeriod([_text_problem("empty", _ACCEPTED_FORMS, text)])
        m = _PARSE.fullmatch(folded)
        if m is None:
            raise InvalidPeriod([_text_problem("unknown-period-phrase", _ACCEPTED_FORMS, text)])
        tag = m.lastgroup
        if tag == "late":
            raise InvalidPeriod([_text_problem("not-a-reporting-period", _NOT_LATE_HALF, text)])
        kind = _KIND_OF_TAG[str(tag)]
        year = int(m[f"{tag}_y"])
        number: int | None = None
        problems: list[Problem] = []
        if tag == "q":
            token = m["q_n"]
            if token.isdigit():
                number = int(token)
            elif token in _ROMAN_VALUE:
                number = _ROMAN_VALUE[token]
            else:  # "Quý V": a Roman numeral past IV
                number = 1  # a stand-in so that the year is still checked below
                problems.append(
                    Problem(
                        path="text",
                        code="number-out-of-range",
                        expected="a quarter I, II, III or IV (1–4)",
                        found=f"{show(text)} (quarter {token.upper()})",
                    )
                )
        elif tag == "m":
            number = int(m["m_n"])
        problems.extend(
            attrs.evolve(p, path="text", found=f"{show(text)} ({p.path} {p.found})")
            for p in _field_problems(kind, year, number)
        )
        if problems:
            raise InvalidPeriod(problems)
        return cls(kind, year, number)


# -- parsing ----------------------------------------------------------------------------------

_ACCEPTED_FORMS = (
    "one reporting period phrase such as 'Quý I năm 2025' ('quý 1 năm 2025', 'Quý I/2025'), "
    "'6 tháng đầu năm 2023' ('sáu tháng đầu năm 2023', '6 tháng năm 2023'), "
    "'9 tháng đầu năm 2022', 'Năm 2023' or 'Tháng 5 năm 2023' ('tháng 05/2023'), "
    "optionally after 'kỳ' or 'định kỳ'"
)
_NOT_LATE_HALF = (
    "a reporting period of Nghị định 09/2019/NĐ-CP Điều 12 (tháng, quý, 6 tháng đầu năm, "
    "năm); '6 tháng cuối năm' is not one: use 'Năm' or 'Quý III'/'Quý IV'"
)


def _text_problem(code: str, expected: str, text: object) -> Problem:
    return Problem(path="text", code=code, expected=expected, found=show(text))


_KIND_OF_TAG: dict[str, PeriodKind] = {
    "q": PeriodKind.QUARTER,
    "h": PeriodKind.HALF_YEAR,
    "n": PeriodKind.NINE_MONTHS,
    "y": PeriodKind.YEAR,
    "m": PeriodKind.MONTH,
}

_WHITESPACE = re.compile(r"\s+")

# Words as they appear after NFC and lower(): both placements of the tone mark in "quý"
# ("qúy" is the old-style spelling) and both spellings of "kỳ"/"kì" are found in real texts.
_QUY = "(?:quý|qúy)"
_SIX = "(?:0?6|sáu)"
_NINE = "(?:0?9|chín)"
_OTHER_COUNTS = r"(?:một|hai|ba|bốn|năm|bảy|tám|mười(?:\s++(?:một|hai))?)"

# The parser runs on folded text (single spaces) with loose numbers so that "Quý V" or
# "năm 23" get a precise message; every year and number is range-checked afterwards.
_PARSE = re.compile(
    r"(?:(?:định )?k[ỳì] )?(?:"
    rf"(?P<q>{_QUY} (?P<q_n>[ivxlcdm]+|[0-9]{{1,3}})(?: năm | ?/ ?)(?P<q_y>[0-9]{{1,9}}))"
    rf"|(?P<late>{_SIX} tháng cuối năm(?: ?/? ?[0-9]{{1,9}})?)"
    rf"|(?P<h>{_SIX} tháng(?: đầu)?(?: năm | ?/ ?)(?P<h_y>[0-9]{{1,9}}))"
    rf"|(?P<n>{_NINE} tháng(?: đầu)?(?: năm | ?/ ?)(?P<n_y>[0-9]{{1,9}}))"
    r"|(?P<m>tháng (?P<m_n>[0-9]{1,3})(?: năm | ?/ ?)(?P<m_y>[0-9]{1,9}))"
    r"|(?P<y>năm (?P<y_y>[0-9]{1,9}))"
    r")"
)

# The finder runs on the original text (after NFC and lower()), so it allows any whitespace
# and uses strict numbers: a phrase with an impossible number is not a period. Possessive
# quantifiers (Python 3.11) keep every branch free of backtracking, so a scan is linear.
_S = r"\s++"
_YEAR = r"(?:199[0-9]|20[0-9][0-9]|2100)(?![0-9])"
_SEP = r"(?:\s++năm\s++|\s*+/\s*+)"
_FIND = re.compile(
    r"(?<!\w)(?:"
    # Blockers, matched only to be skipped: a date ("ngày 05 tháng 6 năm 2023") is not a
    # period, nor is "6 tháng cuối năm", and "quý V năm 2023" must not leave "năm 2023".
    rf"(?P<date>(?:ngày{_S})?[0-9]{{1,2}}{_S}tháng{_S}[0-9]{{1,2}}(?![0-9])(?:{_SEP}[0-9]++)?)"
    rf"|(?P<late>{_SIX}{_S}tháng{_S}cuối{_S}năm(?:{_S}{_YEAR})?)"
    # Periods, with a year when one follows.
    rf"|(?P<h>{_SIX}{_S}tháng(?:{_S}đầu)?{_SEP}(?P<h_y>{_YEAR}))"
    rf"|(?P<hm>{_SIX}{_S}tháng{_S}đầu{_S}năm(?!\w))"
    rf"|(?P<n>{_NINE}{_S}tháng(?:{_S}đầu)?{_SEP}(?P<n_y>{_YEAR}))"
    rf"|(?P<nm>{_NINE}{_S}tháng{_S}đầu{_S}năm(?!\w))"
    # "3 tháng đầu năm 2023", "12 tháng năm 2023": durations, not reporting periods.
    rf"|(?P<nx>(?:[0-9]++|{_OTHER_COUNTS}){_S}tháng(?:{_S}đầu|{_S}cuối)?{_SEP}[0-9]++)"
    rf"|(?P<q>{_QUY}{_S}(?P<q_n>iv|iii|ii|i|0?[1-4])(?!\w)(?:{_SEP}(?P<q_y>{_YEAR}))?)"
    rf"|(?P<qx>{_QUY}{_S}\w++(?:{_SEP}[0-9]++)?)"
    rf"|(?P<m>tháng{_S}(?P<m_n>1[0-2]|0?[1-9])(?![0-9])(?:{_SEP}(?P<m_y>{_YEAR}))?)"
    rf"|(?P<mx>tháng{_S}[0-9]++(?:{_SEP}[0-9]++)?)"
    rf"|(?P<y>năm{_S}(?P<y_y>{_YEAR}))"
    r")"
)

_KIND_OF_FIND_TAG: dict[str, PeriodKind] = {
    **_KIND_OF_TAG,
    "hm": PeriodKind.HALF_YEAR,
    "nm": PeriodKind.NINE_MONTHS,
}


def _fold(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """``text`` in NFC and lower case, with maps from folded positions back to ``text``.

    NFC can merge a letter with its combining marks and ``lower()`` can lengthen a letter,
    so each cluster (a starter and the combining marks after it) is folded on its own and
    every folded character remembers where its cluster starts and ends in ``text``. The maps
    are None when folding changes no length (the common case: text already in NFC).
    """
    if unicodedata.is_normalized("NFC", text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return lowered, None, None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j]).lower()
        parts.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(parts), starts, ends


@attrs.frozen
class PeriodMention:
    """A phrase naming a period, with or without its year ("trong quý I", "quý I/2020").

    Attributes:
        kind: the kind of period named.
        number: the quarter or month number, None for the other kinds.
        start: index of the phrase's first character in the searched text.
        end: index just after its last character (``text[start:end]`` is the phrase).
        year: the year written in the phrase, or None when the phrase has none.
    """

    kind: PeriodKind
    number: int | None
    start: int
    end: int
    year: int | None

    @property
    def period(self) -> ReportingPeriod | None:
        """The period named, when the phrase has a year."""
        if self.year is None:
            return None
        return ReportingPeriod(self.kind, self.year, self.number)


@attrs.frozen
class FoundPeriod:
    """A phrase naming a whole period, found in a longer text.

    Attributes:
        period: the period named.
        start: index of the phrase's first character in the searched text.
        end: index just after its last character (``text[start:end]`` is the phrase).
    """

    period: ReportingPeriod
    start: int
    end: int


def find_period_mentions(text: str) -> tuple[PeriodMention, ...]:
    """Every phrase naming a period, with or without a year, left to right.

    Phrases do not overlap; where several could start at one place the most specific wins
    ("6 tháng năm 2023" is a half year, not "năm 2023"). A bare "năm" or "6 tháng" is no
    mention (a year word or a duration), nor is a date ("ngày 05 tháng 6 năm 2023") or
    "6 tháng cuối năm". Offsets refer to ``text`` itself even when it is not in NFC.

    Raises:
        TypeError: when ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_period_mentions() needs a str, got {type(text).__name__}")
    folded, starts, ends = _fold(text)
    found: list[PeriodMention] = []
    for m in _FIND.finditer(folded):
        tag = str(m.lastgroup)
        kind = _KIND_OF_FIND_TAG.get(tag)
        if kind is None:
            continue  # a blocker
        year_text = m.groupdict().get(f"{tag}_y")
        number: int | None = None
        if tag == "q":
            token = m["q_n"]
            number = int(token) if token.isdigit() else _ROMAN_VALUE[token]
        elif tag == "m":
            number = int(m["m_n"])
        start, end = m.start(), m.end()
        if starts is not None and ends is not None:
            start, end = starts[start], ends[end - 1]
        found.append(
            PeriodMention(
                kind=kind,
                number=number,
                start=start,
                end=end,
                year=None if year_text is None else int(year_text),
            )
        )
    return tuple(found)


def find_periods(text: str) -> tuple[FoundPeriod, ...]:
    """Every phrase naming a whole period (with its year), left to right, not overlapping.

    The mentions of :func:`find_period_mentions` that carry a year.

    Raises:
        TypeError: when ``text`` is not a string.
    """
    return tuple(
        FoundPeriod(period=p, start=mention.start, end=mention.end)
        for mention in find_period_mentions(text)
        if (p := mention.period) is not None
    )


def find_period(text: str) -> FoundPeriod | None:
    """The first phrase naming a whole period in ``text``, or None.

    "BÁO CÁO Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang" gives the half year
    2023 (the most specific reading), "tình hình năm 2023" the year 2023.

    Raises:
        TypeError: when ``text`` is not a string.
    """
    found = find_periods(text)
    return found[0] if found else None

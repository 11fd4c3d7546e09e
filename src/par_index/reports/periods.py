"""Periods as report texts write them: the standard reporting periods, and the date ranges,
"từ đầu năm đến nay", "5 tháng đầu năm" and year spans that news items and partial reports use.

A :class:`StatedPeriod` is what a text says, with the standard reporting period it names when
there is one (NĐ 09/2019/NĐ-CP Điều 12: tháng, quý, 6 tháng, 9 tháng, năm):

* "quý III/2021", "quý III.2020", "quý I năm 2023", "trong quý I" (year from the context);
* "tháng 9/2021", "tháng 10-2020", "Tháng 10/2021 (Tính từ ngày 21/9/2021 đến ngày
  20/10/2021)": the month, with its data window;
* "6 tháng đầu năm 2023", "9 tháng năm 2020": the half year, the nine months;
* "5 tháng đầu năm 2023", "10 tháng đầu năm 2025": the first months of a year (no standard
  period);
* "từ ngày 21/7 đến 20/8/2021", "tính từ ngày 15/12/2022 đến 14/3/2023": a date range; a range
  equal to the data window of a standard period (15th of the month before to the 14th of the
  last month, NĐ 09/2019/NĐ-CP Điều 12) names that period;
* "từ đầu năm 2015 đến nay", "từ đầu năm đến nay": the year to date;
* "năm 2020", "Từ năm 2015-2020": a year, a span of years.

Every pattern is precompiled with bounded or possessive repetition, so a scan is linear.
"""

from __future__ import annotations

import bisect
import enum
import re
from datetime import date, timedelta

import attrs

from par_index.model.periods import PeriodKind, ReportingPeriod, find_period_mentions

__all__ = [
    "StatedPeriod",
    "StatedPeriodKind",
    "StatedPeriodMention",
    "find_stated_periods",
    "stated_period",
]


class StatedPeriodKind(enum.StrEnum):
    """The shape of a stated period (value: a stable English identifier)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    FIRST_MONTHS = "first_months"  # "5 tháng đầu năm 2023"
    YEAR_TO_DATE = "year_to_date"  # "từ đầu năm đến nay"
    RANGE = "range"  # "từ ngày 21/7 đến 20/8/2021"
    YEARS = "years"  # "từ năm 2015 đến năm 2020"


_OF_KIND: dict[PeriodKind, StatedPeriodKind] = {
    PeriodKind.MONTH: StatedPeriodKind.MONTH,
    PeriodKind.QUARTER: StatedPeriodKind.QUARTER,
    PeriodKind.HALF_YEAR: StatedPeriodKind.HALF_YEAR,
    PeriodKind.NINE_MONTHS: StatedPeriodKind.NINE_MONTHS,
    PeriodKind.YEAR: StatedPeriodKind.YEAR,
}


@attrs.frozen
class StatedPeriod:
    """A period as a text states it.

    Attributes:
        kind: its shape.
        year: the (last) year it falls in.
        number: the month or quarter number, or the count of first months; None otherwise.
        start: the first day, when the text gives it or the kind fixes it.
        end: the last day, when the text gives it or the kind fixes it.
        first_year: the first year of a span of years ("2015" in "2015-2020").
    """

    kind: StatedPeriodKind
    year: int
    number: int | None = None
    start: date | None = None
    end: date | None = None
    first_year: int | None = None

    @property
    def period(self) -> ReportingPeriod | None:
        """The standard reporting period it names, if any."""
        for pk, sk in _OF_KIND.items():
            if sk is self.kind:
                return ReportingPeriod(pk, self.year, self.number)
        if self.kind is StatedPeriodKind.RANGE and self.start and self.end:
            return _window_period(self.start, self.end)
        return None

    @property
    def key(self) -> str:
        """A short stable key: M2021-09, Q2021-3, H2023, N2023, Y2023, T2025-10, YTD2015,
        R2021-07-21..2021-08-20, Y2015..2020."""
        k, y, n = self.kind, self.year, self.number
        if k is StatedPeriodKind.MONTH:
            return f"M{y}-{n:02d}"
        if k is StatedPeriodKind.QUARTER:
            return f"Q{y}-{n}"
        if k is StatedPeriodKind.HALF_YEAR:
            return f"H{y}"
        if k is StatedPeriodKind.NINE_MONTHS:
            return f"N{y}"
        if k is StatedPeriodKind.YEAR:
            return f"Y{y}"
        if k is StatedPeriodKind.FIRST_MONTHS:
            return f"T{y}-{n}"
        if k is StatedPeriodKind.YEAR_TO_DATE:
            return f"YTD{y}"
        if k is StatedPeriodKind.YEARS:
            return f"Y{self.first_year}..{y}"
        return f"R{self.start}..{self.end}"

    def label(self, lang: str = "vi") -> str:
        """A readable label."""
        p = self.period
        if p is not None and self.kind is not StatedPeriodKind.RANGE:
            return p.label("en" if lang == "en" else "vi")
        vi = lang != "en"
        if self.kind is StatedPeriodKind.FIRST_MONTHS:
            return (
                f"{self.number} tháng đầu năm {self.year}"
                if vi
                else (f"First {self.number} months of {self.year}")
            )
        if self.kind is StatedPeriodKind.YEAR_TO_DATE:
            return f"Từ đầu năm {self.year} đến nay" if vi else f"{self.year} to date"
        if self.kind is StatedPeriodKind.YEARS:
            return f"{self.first_year}–{self.year}"
        return f"{_d(self.start)}–{_d(self.end)}"


def _d(day: date | None) -> str:
    return "?" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


def _window_period(start: date, end: date) -> ReportingPeriod | None:
    """The standard period whose data window (NĐ 09/2019/NĐ-CP Điều 12) or calendar span is
    exactly ``start``..``end``, if any (months, quarters, half year, nine months, year)."""
    y = end.year
    candidates = [ReportingPeriod.month(y, end.month)]
    if end.month % 3 == 0:
        candidates.append(ReportingPeriod.quarter(y, end.month // 3))
    if end.month == 6:
        candidates.append(ReportingPeriod.half_year(y))
    if end.month == 9:
        candidates.append(ReportingPeriod.nine_months(y))
    if end.month == 12:
        candidates.append(ReportingPeriod.annual(y))
    for p in candidates:
        if (p.start, p.end) == (start, end):
            return p
    for p in candidates:  # the calendar span: 1/9 to 30/9, 1/1 to 30/9
        first = date(p.year, (p.end.month - _months(p) + 1), 1)
        last = _month_end(p.year, p.end.month)
        if (first, last) == (start, end):
            return p
    return None


def _months(p: ReportingPeriod) -> int:
    return {
        PeriodKind.MONTH: 1,
        PeriodKind.QUARTER: 3,
        PeriodKind.HALF_YEAR: 6,
        PeriodKind.NINE_MONTHS: 9,
        PeriodKind.YEAR: 12,
    }[p.kind]


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def stated_period(period: ReportingPeriod) -> StatedPeriod:
    """The :class:`StatedPeriod` of a standard reporting period."""
    return StatedPeriod(_OF_KIND[period.kind], period.year, period.number)


@attrs.frozen
class StatedPeriodMention:
    """A stated period and where its phrase stands (``text[start:end]``)."""

    period: StatedPeriod
    start: int
    end: int


_S = r"[ \t]++"
_YEAR = r"(?:199[0-9]|20[0-9][0-9])(?![0-9])"
_DAY = (
    r"(?P<{0}d>[0-9]{{1,2}})[ \t]*+/[ \t]*+(?P<{0}m>[0-9]{{1,2}})(?:[ \t]*+/[ \t]*+(?P<{0}y>"
    + _YEAR
    + r"))?"
)
_RANGE = re.compile(
    r"(?<!\w)(?:tính[ \t]++)?từ(?:[ \t]++ngày)?[ \t]++"
    + _DAY.format("a")
    + r"[ \t]*+(?:đến|-|–)(?:[ \t]++(?:hết[ \t]++)?ngày)?[ \t]*+"
    + _DAY.format("b"),
    re.IGNORECASE,
)
_RANGE_MONTH = re.compile(
    r"(?<!\w)(?:tính[ \t]++)?từ(?:[ \t]++ngày)?[ \t]++"
    + _DAY.format("a")
    + r"[ \t]*+(?:đến|-|–)[ \t]++hết[ \t]++tháng[ \t]++(?P<bm>[0-9]{1,2})[ \t]*+/[ \t]*+"
    + r"(?P<by>"
    + _YEAR
    + r")",
    re.IGNORECASE,
)
_YTD = re.compile(
    rf"(?<!\w)từ{_S}đầu{_S}năm(?:{_S}(?P<y>{_YEAR}))?{_S}(?:đến{_S}nay|tới{_S}nay)",
    re.IGNORECASE,
)
_FIRST = re.compile(
    rf"(?<!\w)(?P<n>[0-9]{{1,2}}){_S}tháng(?:{_S}đầu)?(?:{_S}năm|[ \t]*+/)[ \t]*+(?P<y>{_YEAR})",
    re.IGNORECASE,
)
_YEARS = re.compile(
    rf"(?<!\w)(?:từ{_S})?năm{_S}(?P<a>{_YEAR})[ \t]*+(?:-|–|đến(?:{_S}năm)?)[ \t]*+(?P<b>{_YEAR})",
    re.IGNORECASE,
)
# "quý III.2020", "quý III-2020", "tháng 10-2020": the dash and dot forms of the press.
_DASH = re.compile(
    rf"(?<!\w)(?:(?P<q>quý|quí){_S}(?P<qn>IV|III|II|I|[1-4])|tháng{_S}(?P<mn>1[0-2]|0?[1-9]))"
    rf"[ \t]*+[.-][ \t]*+(?P<y>{_YEAR})",
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _date(day: str | None, month: str | None, year: int) -> date | None:
    try:
        return date(year, int(month or 0), int(day or 0))
    except ValueError:
        return None


def find_stated_periods(
    text: str, default_year: int | None = None
) -> tuple[StatedPeriodMention, ...]:
    """Every stated period of ``text``, left to right, not overlapping.

    ``default_year`` completes phrases without a year ("trong quý I", "từ đầu năm đến nay").
    """
    found: list[StatedPeriodMention] = []
    taken: list[tuple[int, int]] = []  # sorted, never overlapping

    def add(p: StatedPeriod, s: int, e: int) -> None:
        at = bisect.bisect_left(taken, (s, e))
        if at > 0 and taken[at - 1][1] > s:
            return
        if at < len(taken) and taken[at][0] < e:
            return
        taken.insert(at, (s, e))
        found.append(StatedPeriodMention(p, s, e))

    for m in (*_RANGE.finditer(text), *_RANGE_MONTH.finditer(text)):
        by = m["by"]
        if by is None:
            continue
        end_year = int(by)
        ay = int(m["ay"]) if m["ay"] else end_year
        start = _date(m["ad"], m["am"], ay)
        if "bd" in m.groupdict():
            end = _date(m["bd"], m["bm"], end_year)
        else:
            end = _month_end(end_year, int(m["bm"])) if 1 <= int(m["bm"]) <= 12 else None
        if start is None or end is None or start > end:
            continue
        named = _window_period(start, end)
        if named is not None:  # the data window or calendar span of a standard period
            add(attrs.evolve(stated_period(named), start=start, end=end), m.start(), m.end())
            continue
        add(StatedPeriod(StatedPeriodKind.RANGE, end_year, None, start, end), m.start(), m.end())
    for m in _YTD.finditer(text):
        y = int(m["y"]) if m["y"] else default_year
        if y is not None:
            add(StatedPeriod(StatedPeriodKind.YEAR_TO_DATE, y), m.start(), m.end())
    for m in _YEARS.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a < b:
            add(StatedPeriod(StatedPeriodKind.YEARS, b, first_year=a), m.start(), m.end())
    for m in _FIRST.finditer(text):
        n = int(m["n"])
        if n in (6, 9, 3, 12) or not 1 <= n <= 11:
            continue  # standard periods (or a quarter's "3 tháng") are read below
        add(StatedPeriod(StatedPeriodKind.FIRST_MONTHS, int(m["y"]), n), m.start(), m.end())
    for m in _DASH.finditer(text):
        y = int(m["y"])
        if m["q"]:
            token = m["qn"].casefold()
            n = int(token) if token.isdigit() else _ROMAN[token]
            add(StatedPeriod(StatedPeriodKind.QUARTER, y, n), m.start(), m.end())
        else:
            add(StatedPeriod(StatedPeriodKind.MONTH, y, int(m["mn"])), m.start(), m.end())
    for mention in find_period_mentions(text):
        y = mention.year if mention.year is not None else default_year
        if y is None:
            continue
        try:
            standard = ReportingPeriod(mention.kind, y, mention.number)
        except ValueError:  # pragma: no cover - mentions name existing periods
            continue
        add(stated_period(standard), mention.start, mention.end)
    return tuple(sorted(found, key=lambda f: f.start))

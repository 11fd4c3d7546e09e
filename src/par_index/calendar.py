"""Working days of the Vietnamese public sector (lịch làm việc) and time-limit arithmetic.

A :class:`WorkCalendar` is compiled once from three layers, each later layer winning over the
earlier ones:

1. the statutory holidays that the ``holidays`` package computes for Vietnam (Bộ luật Lao động
   2019 Điều 112: 1/1, five days of Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5,
   2/9 plus an adjacent day; a holiday on a weekly rest day is taken on the next working day),
   together with the public-sector swaps that the package knows;
2. the library's own table of official public-sector day changes
   (``par_index/data/calendar/vn_public_sector.toml``), each entry with its legal reference;
3. the caller's overrides: closures (a typhoon day, a local holiday) and extra working days.

Working days are Monday to Friday (the public sector's 40-hour week, Quyết định
188/1999/QĐ-TTg) plus worked weekend days, minus holidays, days off and closures. Compilation
builds flat tables indexed by day (working flags, cumulative counts, the working days in
order), so that every query is O(1): nothing walks day by day. A calendar has explicit bounds
and refuses dates, and results, outside them with :class:`CalendarRangeError`.

Time limits (:class:`~par_index.procedures.TimeLimit`) are counted as domain.md §4 says:

- working days: the n-th working day after the reception day; a reception on a non-working day,
  or after the cut-off time of the procedure (15:00 for some), counts from the next working day;
- calendar days: Bộ luật Dân sự 2015 Điều 147 (the period starts the day after the event) and
  Điều 148 (when the last day is a weekly rest day or a holiday, the period ends on the next
  working day);
- months: the corresponding day of the n-th month, or the last day of that month when it has no
  such day (Điều 148), then moved to the next working day like calendar days;
- working hours: counted inside office hours (:class:`OfficeHours`) on working days, to the
  exact moment; a fractional number of working days (0,5 ngày làm việc) is counted as that
  share of a day's office hours (4 working hours under the default hours).

Timestamps must be timezone-aware; they are read in Asia/Ho_Chi_Minh (UTC+7).

Example:
    >>> from datetime import date
    >>> cal = WorkCalendar.vietnam()
    >>> cal.add_working_days(date(2024, 4, 26), 3)  # 29/4 off, 30/4 and 1/5 holidays
    datetime.date(2024, 5, 4)
    >>> cal.is_working_day(date(2024, 5, 4))  # a Saturday worked (CV 2450/VPCP-KGVX)
    True
"""

from __future__ import annotations

import enum
import functools
import itertools
import tomllib
import unicodedata
from array import array
from collections.abc import Iterable, Mapping, Sequence
from datetime import MAXYEAR, MINYEAR, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, Final, cast

import attrs
from dateutil.relativedelta import relativedelta

from par_index._time import VN_TZ
from par_index._validation import Checker, show
from par_index.exceptions import InvalidValueError, LoadError, ParIndexError, Problem
from par_index.procedures import TimeLimit, TimeUnit

if TYPE_CHECKING:
    from holidays import HolidayBase

__all__ = [
    "DEFAULT_FIRST_YEAR",
    "DEFAULT_LAST_YEAR",
    "DEFAULT_OFFICE_HOURS",
    "VN_TZ",
    "CalendarDifference",
    "CalendarRangeError",
    "DayChange",
    "DayKind",
    "InvalidCalendar",
    "OfficeHours",
    "WorkCalendar",
    "default_calendar",
    "load_day_changes",
    "official_day_changes",
]


#: Bounds of :func:`default_calendar` and the defaults of :meth:`WorkCalendar.vietnam`.
DEFAULT_FIRST_YEAR: Final = 2000
DEFAULT_LAST_YEAR: Final = 2035

# The years the holidays package computes for Vietnam (its Vietnam.start_year/end_year).
_PACKAGE_FIRST_YEAR: Final = 1901
_PACKAGE_LAST_YEAR: Final = 2100
# The label the package (language "vi") gives to a weekday off swapped with a worked Saturday.
_SUBSTITUTE_PREFIX: Final = "Ngày nghỉ (thay cho"


def _vietnam_holidays(years: Iterable[int]) -> HolidayBase:
    """The ``holidays`` package's Vietnamese calendar, names in Vietnamese."""
    # Deferred: importing holidays costs ~10 ms, paid only when a calendar is compiled.
    import holidays  # noqa: PLC0415

    return holidays.country_holidays("VN", years=years, language="vi")


@functools.cache
def _package_label() -> str:
    """``holidays 0.109``: the package, and version, that a layer came from."""
    import holidays  # noqa: PLC0415

    return f"holidays {getattr(holidays, '__version__', '(unknown version)')}"


_US_PER_SECOND: Final = 1_000_000
_US_PER_HOUR: Final = 3_600 * _US_PER_SECOND

_TABLE_RESOURCE: Final = ("data", "calendar", "vn_public_sector.toml")
_TABLE_KEYS: Final = frozenset({"day", "kind", "name", "source", "note", "verified"})
_TABLE_REQUIRED: Final = ("day", "kind", "name", "source")


# --------------------------------------------------------------------------------------------
# Errors


class CalendarRangeError(ParIndexError, ValueError):
    """A date, or a result, outside the bounds of a working calendar (lịch làm việc).

    Attributes:
        value: the date concerned; for a result past the bounds, the date counted from.
        first: the first date the calendar covers.
        last: the last date the calendar covers.
        code: ``"date-outside-calendar"`` or ``"result-outside-calendar"``.
    """

    def __init__(
        self,
        value: date,
        first: date,
        last: date,
        *,
        subject: str | None = None,
        code: str = "date-outside-calendar",
    ) -> None:
        self.value = value
        self.first = first
        self.last = last
        self.code = code
        what = subject if subject is not None else f"date {value.isoformat()}"
        super().__init__(
            f"{what} is outside the working calendar (lịch làm việc) bounds "
            f"{first.isoformat()}..{last.isoformat()}"
        )


class InvalidCalendar(InvalidValueError):
    """A working calendar (lịch làm việc), day change, office hours or moment that is wrong."""

    term = "lịch làm việc"
    what = "working calendar"


# --------------------------------------------------------------------------------------------
# Day changes


class DayKind(enum.StrEnum):
    """How a :class:`DayChange` departs from the Monday-to-Friday week."""

    OFF = "off"  # a weekday on which offices are closed (ngày nghỉ)
    WORKED = "worked"  # a weekend day on which offices work (ngày làm bù)

    @property
    def name_vi(self) -> str:
        """The Vietnamese term."""
        return "ngày nghỉ" if self is DayKind.OFF else "ngày làm bù"


def _to_kind(value: DayKind | str) -> DayKind:
    if isinstance(value, DayKind):
        return value
    if value in ("off", "worked"):
        return DayKind(value)
    raise InvalidCalendar([Problem("kind", "day-kind", "'off' or 'worked'", show(value))])


def _nfc(value: Any) -> Any:
    # Vietnamese text is normalised to NFC on input; a non-string is left for the validator.
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _is_plain_date(value: object) -> bool:
    """A ``date`` that is not a ``datetime`` (which subclasses it)."""
    return isinstance(value, date) and not isinstance(value, datetime)


@attrs.frozen
class DayChange:
    """One day that departs from the ordinary week, with the text that decided it.

    Attributes:
        day: the date.
        kind: :attr:`DayKind.OFF` (closed) or :attr:`DayKind.WORKED` (open); the strings
            ``"off"`` and ``"worked"`` are accepted.
        name: the Vietnamese label ("Nghỉ hoán đổi dịp 30/4–1/5/2024", "Bão Yagi").
        source: the legal reference (``CV 2450/VPCP-KGVX``) or, for a caller's override, the
            reason and its document.
        note: free text (what the change pairs with, how the source was checked).
        verified: False when the reference could not be confirmed from a primary text.

    Raises:
        InvalidCalendar: listing every field that is wrong.
    """

    day: date
    kind: DayKind = attrs.field(converter=_to_kind)
    name: str = attrs.field(converter=_nfc)
    source: str = attrs.field(converter=_nfc)
    note: str = attrs.field(default="", converter=_nfc)
    verified: bool = True

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.check(
            _is_plain_date(self.day),
            "day",
            "wrong-type",
            "a datetime.date (not a datetime)",
            self.day,
        )
        for field, value in (("name", self.name), ("source", self.source)):
            if c.of_type(value, str, field, "a non-empty string"):
                c.check(bool(value.strip()), field, "blank", "a non-empty string", value)
        c.of_type(self.note, str, "note", "a string")
        c.of_type(self.verified, bool, "verified", "True or False")
        c.raise_if_any(InvalidCalendar)

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.kind.name_vi}: {self.name} ({self.source})"


@attrs.frozen
class CalendarDifference:
    """A day on which the library's table and the ``holidays`` package disagree.

    Attributes:
        day: the date.
        table: the library's entry, or None when only the package lists a swap on that day.
        package: the package's entry, or None when the package treats the day as ordinary
            (a working weekday or a weekend rest day).
    """

    day: date
    table: DayChange | None
    package: DayChange | None

    @property
    def working_per_table(self) -> bool:
        """Whether the day is a working day according to the library's table."""
        return _is_working_per(self.day, self.table)

    @property
    def working_per_package(self) -> bool:
        """Whether the day is a working day according to the ``holidays`` package."""
        return _is_working_per(self.day, self.package)

    def __str__(self) -> str:
        def side(change: DayChange | None, working: bool) -> str:
            status = "working" if working else "not working"
            return status if change is None else f"{status} ({change.name}; {change.source})"

        return (
            f"{self.day.isoformat()}: table says "
            f"{side(self.table, self.working_per_table)}, {_package_label()} says "
            f"{side(self.package, self.working_per_package)}"
        )


def _is_working_per(day: date, change: DayChange | None) -> bool:
    if change is None:
        return day.weekday() < 5
    return change.kind is DayKind.WORKED


# --------------------------------------------------------------------------------------------
# Office hours


def _us_of(t: time) -> int:
    return ((t.hour * 60 + t.minute) * 60 + t.second) * _US_PER_SECOND + t.microsecond


def _time_of(us: int) -> time:
    seconds, micro = divmod(us, _US_PER_SECOND)
    minutes, second = divmod(seconds, 60)
    hour, minute = divmod(minutes, 60)
    return time(hour, minute, second, micro)


_DEFAULT_INTERVALS: Final = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 30)))


@attrs.frozen
class OfficeHours:
    """The office hours (giờ làm việc) of a working day, as intervals of local time.

    The default, 07:30–11:30 and 13:30–17:30 (8 hours), is common but not national: each
    province sets its own hours, some with summer and winter timetables, so pass the hours of
    the office concerned. Working-hour limits count only time inside these intervals.

    Attributes:
        intervals: ``(start, end)`` pairs of naive :class:`~datetime.time`, in order, not
            overlapping, each with ``start < end``.

    Raises:
        InvalidCalendar: listing every interval that is wrong.
    """

    intervals: tuple[tuple[time, time], ...] = _DEFAULT_INTERVALS
    # (start µs, end µs, office µs elapsed before start) for each interval.
    _spans: tuple[tuple[int, int, int], ...] = attrs.field(init=False, eq=False, repr=False)
    _day_us: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        c = Checker()
        spans: list[tuple[int, int, int]] = []
        if c.of_type(self.intervals, tuple, "intervals", "a tuple of (start, end) pairs"):
            c.check(bool(self.intervals), "intervals", "no-hours", "at least one interval", ())
            previous_end = -1
            elapsed = 0
            pairs: tuple[object, ...] = self.intervals
            for i, pair in enumerate(pairs):
                path = f"intervals[{i}]"
                ok = (
                    isinstance(pair, tuple)
                    and len(pair) == 2
                    and all(isinstance(t, time) and t.tzinfo is None for t in pair)
                )
                if not c.check(ok, path, "interval", "a pair of naive times", pair):
                    continue
                opens, closes = cast("tuple[time, time]", pair)
                start, end = _us_of(opens), _us_of(closes)
                if not c.check(start < end, path, "interval-order", "start before end", pair):
                    continue
                c.check(
                    start >= previous_end,
                    path,
                    "interval-overlap",
                    "intervals in order, not overlapping",
                    pair,
                )
                spans.append((start, end, elapsed))
                elapsed += end - start
                previous_end = end
        c.raise_if_any(InvalidCalendar)
        object.__setattr__(self, "_spans", tuple(spans))
        object.__setattr__(self, "_day_us", sum(end - start for start, end, _ in spans))

    @property
    def opening(self) -> time:
        """When the office opens."""
        return self.intervals[0][0]

    @property
    def closing(self) -> time:
        """When the office closes: the moment a day-unit deadline falls."""
        return self.intervals[-1][1]

    @property
    def day_microseconds(self) -> int:
        """Office time in one working day, in microseconds."""
        return self._day_us

    @property
    def hours_per_day(self) -> Decimal:
        """Office hours in one working day (8 under the default)."""
        return Decimal(self._day_us) / Decimal(_US_PER_HOUR)

    def elapsed(self, at: time) -> int:
        """Office time, in microseconds, between midnight and ``at``."""
        us = _us_of(at)
        total = 0
        for start, end, _ in self._spans:
            if us <= start:
                break
            total += min(us, end) - start
        return total

    def time_at(self, offset: int, *, prefer_end: bool) -> time:
        """The time of day at which ``offset`` microseconds of office time have passed.

        At a boundary between intervals (4 hours under the default hours), ``prefer_end``
        picks the end of the earlier interval (11:30, when a count finishes) rather than the
        start of the next one (13:30, when a count starts).
        """
        for start, end, before in self._spans:
            length = end - start
            if offset < before + length or (prefer_end and offset == before + length):
                return _time_of(start + max(offset - before, 0))
        return self.closing  # pragma: no cover - offsets never pass a day's office time


#: 07:30–11:30 and 13:30–17:30; configurable because provinces differ.
DEFAULT_OFFICE_HOURS: Final = OfficeHours()


# --------------------------------------------------------------------------------------------
# The calendar


def _sorted_changes(value: Iterable[DayChange]) -> tuple[DayChange, ...]:
    items = tuple(value)
    if all(isinstance(c, DayChange) for c in items):
        return tuple(sorted(items, key=lambda c: c.day))
    return items  # the validator reports the odd ones


@attrs.frozen
class WorkCalendar:
    """The working days of the public sector between two dates, compiled for O(1) queries.

    Build it with :meth:`vietnam` (or take the cached :func:`default_calendar`); the
    constructor takes the merged result: the bounds and every day that departs from the
    Monday-to-Friday week (an ``off`` weekday or a ``worked`` weekend day).

    Attributes:
        first: the first date covered.
        last: the last date covered.
        day_changes: the departures from the ordinary week, sorted by day, one per day.
        differences: (keyword, stored privately) the disagreements between the library's table
            and the ``holidays`` package that :meth:`vietnam` found; read them with
            :meth:`differences`.

    Raises:
        InvalidCalendar: listing every problem (bounds out of order, a change outside the
            bounds or on the wrong kind of day, two changes on one day).
    """

    first: date
    last: date
    day_changes: tuple[DayChange, ...] = attrs.field(
        default=(), converter=_sorted_changes, repr=False
    )
    _differences: tuple[CalendarDifference, ...] = attrs.field(
        default=(), kw_only=True, eq=False, repr=False
    )
    # Compiled tables, indexed by i = ordinal - first.toordinal().
    _base: int = attrs.field(init=False, eq=False, repr=False)
    _flags: bytes = attrs.field(init=False, eq=False, repr=False)  # 1 = working day
    _cum: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)  # working in [first, i]
    _after: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)  # cum - 1
    _before: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)  # cum - flag
    _pos: dict[date, int] = attrs.field(init=False, eq=False, repr=False)
    _work_ordinals: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    _work_dates: tuple[date, ...] = attrs.field(init=False, eq=False, repr=False)
    _after_by_ordinal: dict[int, int] = attrs.field(init=False, eq=False, repr=False)
    _before_by_ordinal: dict[int, int] = attrs.field(init=False, eq=False, repr=False)
    _by_year: dict[int, tuple[DayChange, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._validate()
        base = self.first.toordinal()
        size = self.last.toordinal() - base + 1
        # Ordinal 1 (0001-01-01) is a Monday: weekday = (ordinal - 1) % 7, Saturday = 5.
        flags = bytearray(1 if (base + i - 1) % 7 < 5 else 0 for i in range(size))
        for change in self.day_changes:
            flags[change.day.toordinal() - base] = 1 if change.kind is DayKind.WORKED else 0
        cum = tuple(itertools.accumulate(flags))
        days = [date.fromordinal(base + i) for i in range(size)]
        after = tuple(c - 1 for c in cum)
        before = tuple(c - f for c, f in zip(cum, flags, strict=True))
        by_year: dict[int, list[DayChange]] = {}
        for change in self.day_changes:
            by_year.setdefault(change.day.year, []).append(change)
        setattr_ = object.__setattr__
        setattr_(self, "_base", base)
        setattr_(self, "_flags", bytes(flags))
        setattr_(self, "_cum", cum)
        setattr_(self, "_after", after)
        setattr_(self, "_before", before)
        setattr_(self, "_pos", {d: i for i, d in enumerate(days)})
        setattr_(self, "_work_ordinals", tuple(base + i for i in range(size) if flags[i]))
        setattr_(self, "_work_dates", tuple(d for d, f in zip(days, flags, strict=True) if f))
        setattr_(self, "_after_by_ordinal", {base + i: a for i, a in enumerate(after)})
        setattr_(self, "_before_by_ordinal", {base + i: b for i, b in enumerate(before)})
        setattr_(self, "_by_year", {y: tuple(v) for y, v in by_year.items()})

    def _validate(self) -> None:
        c = Checker()
        ok = True
        for field, value in (("first", self.first), ("last", self.last)):
            ok &= c.check(
                _is_plain_date(value),
                field,
                "wrong-type",
                "a datetime.date",
                value,
            )
        if ok:
            ok = c.check(
                self.first <= self.last,
                "last",
                "bounds-order",
                f"a date on or after first ({self.first.isoformat()})",
                self.last,
            )
        seen: set[date] = set()
        for i, change in enumerate(self.day_changes):
            path = f"day_changes[{i}]"
            if not c.of_type(change, DayChange, path, "a DayChange"):
                continue
            if ok:
                c.check(
                    self.first <= change.day <= self.last,
                    f"{path}.day",
                    "outside-calendar",
                    f"a day within {self.first.isoformat()}..{self.last.isoformat()}",
                    change.day,
                )
            weekday = change.day.weekday() < 5
            c.check(
                weekday == (change.kind is DayKind.OFF),
                f"{path}.kind",
                "not-a-change",
                "'off' on a weekday or 'worked' on a Saturday or Sunday",
                f"{change.kind.value} on {change.day:%A} {change.day.isoformat()}",
            )
            c.check(
                change.day not in seen, f"{path}.day", "duplicate-day", "one change per day", change
            )
            seen.add(change.day)
        c.raise_if_any(InvalidCalendar)

    # -- construction --------------------------------------------------------------------------

    @classmethod
    def vietnam(
        cls,
        *,
        first_year: int = DEFAULT_FIRST_YEAR,
        last_year: int = DEFAULT_LAST_YEAR,
        closures: Iterable[DayChange] = (),
        extra_working_days: Iterable[DayChange] = (),
    ) -> WorkCalendar:
        """The Vietnamese public-sector calendar from 1/1/``first_year`` to 31/12/``last_year``.

        Layers, each winning over the previous: the ``holidays`` package (statutory holidays,
        Bộ luật Lao động 2019 Điều 112, and the swaps it knows); the library's table of official
        day changes (:func:`official_day_changes`); then ``closures`` (``off`` changes: a
        typhoon day, a local holiday) and ``extra_working_days`` (``worked`` changes). A closure
        on a day that is not worked anyway changes nothing. The default bounds without overrides
        return the cached :func:`default_calendar`.

        Raises:
            InvalidCalendar: for years outside 1901–2100 or out of order, an override of the
                wrong kind, or a day both closed and worked.
            CalendarRangeError: for an override outside the bounds.
        """
        closures = tuple(closures)
        extra = tuple(extra_working_days)
        if (
            first_year == DEFAULT_FIRST_YEAR
            and last_year == DEFAULT_LAST_YEAR
            and not closures
            and not extra
        ):
            return default_calendar()
        return _build_vietnam(first_year, last_year, closures, extra)

    # -- days -----------------------------------------------------------------------------------

    def _outside(self, d: object) -> Exception:
        if isinstance(d, datetime):
            return TypeError(
                f"expected a datetime.date, got the datetime {d!r}: convert it to "
                "Asia/Ho_Chi_Minh and take .date()"
            )
        if not isinstance(d, date):
            return TypeError(f"expected a datetime.date, got {type(d).__name__}")
        return CalendarRangeError(d, self.first, self.last)

    def _index(self, d: date) -> int:
        try:
            return self._pos[d]
        except (KeyError, TypeError):
            raise self._outside(d) from None

    def __contains__(self, d: object) -> bool:
        """Whether ``d`` is a date within the bounds."""
        try:
            return d in self._pos
        except TypeError:
            return False

    def is_working_day(self, d: date) -> bool:
        """Whether offices work on ``d``.

        Raises:
            CalendarRangeError: when ``d`` is outside the bounds.
            TypeError: when ``d`` is not a date (a datetime is refused: take its local date).
        """
        try:
            return self._flags[self._pos[d]] == 1
        except (KeyError, TypeError):
            raise self._outside(d) from None

    def add_working_days(self, d: date, n: int) -> date:
        """The ``n``-th working day after ``d`` (before it when ``n`` is negative).

        Days are counted strictly after (before) ``d``, whether or not ``d`` is itself a
        working day: from Friday 26/4/2024, 3 working days is Saturday 4/5/2024. ``n == 0``
        returns ``d`` unchanged, even when ``d`` is not a working day. For a working day ``d``,
        ``working_days_between(d, add_working_days(d, n)) == n``.

        Raises:
            CalendarRangeError: when ``d`` or the result is outside the bounds.
            TypeError: when ``d`` is not a date.
        """
        try:
            i = self._pos[d]
        except (KeyError, TypeError):
            raise self._outside(d) from None
        if n > 0:
            try:  # after[i] + n >= 0, so only the far end can be missed
                return self._work_dates[self._after[i] + n]
            except IndexError:
                pass
        elif n < 0:
            k = self._before[i] + n
            if k >= 0:
                return self._work_dates[k]
        else:
            return d
        raise CalendarRangeError(
            d,
            self.first,
            self.last,
            subject=f"the result of counting {n} working days from {d.isoformat()}",
            code="result-outside-calendar",
        )

    def working_days_between(self, a: date, b: date) -> int:
        """The number of working days in ``(a, b]``; negative (``-between(b, a)``) if b < a.

        Raises:
            CalendarRangeError: when ``a`` or ``b`` is outside the bounds.
            TypeError: when either is not a date.
        """
        return self._cum[self._index(b)] - self._cum[self._index(a)]

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``.

        Raises:
            CalendarRangeError: when ``d`` or the result is outside the bounds.
        """
        return self.add_working_days(d, 1)

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before ``d``.

        Raises:
            CalendarRangeError: when ``d`` or the result is outside the bounds.
        """
        return self.add_working_days(d, -1)

    def changes(self, year: int) -> tuple[DayChange, ...]:
        """The weekdays off and the weekend days worked in ``year``, with their sources.

        Weekend holidays (2/9/2023, a Saturday) are not listed: they change nothing; their
        compensating weekday (nghỉ bù, 4/9/2023) is.

        Raises:
            CalendarRangeError: when the year is not wholly inside the bounds.
        """
        inside = (
            _is_int(year)
            and MINYEAR <= year <= MAXYEAR
            and self.first <= date(year, 1, 1)
            and date(year, 12, 31) <= self.last
        )
        if not inside:
            raise CalendarRangeError(
                self.first, self.first, self.last, subject=f"year {year!r}", code="year-outside"
            )
        return self._by_year.get(year, ())

    def differences(self) -> tuple[CalendarDifference, ...]:
        """Where the library's table and the ``holidays`` package disagree, within the bounds.

        Lists every table entry the package lacks or contradicts, and every swap the package
        lists in the years the table covers but the table does not have. Empty for a calendar
        not built by :meth:`vietnam`.
        """
        return self._differences

    # -- columnar paths -------------------------------------------------------------------------

    def add_working_days_many(self, days: Sequence[date], ns: Sequence[int]) -> list[date]:
        """:meth:`add_working_days` over two equal-length columns; same results, less overhead.

        Raises:
            CalendarRangeError: for the first pair whose date or result is outside the bounds.
            ValueError: when the columns differ in length.
        """
        pos = self._pos
        after = self._after
        before = self._before
        work = self._work_dates
        scalar = self.add_working_days  # the rare paths: n == 0, and errors
        try:
            return [
                work[after[pos[d]] + n]
                if n > 0
                else (work[k] if n and (k := before[pos[d]] + n) >= 0 else scalar(d, n))
                for d, n in zip(days, ns, strict=True)
            ]
        except (KeyError, IndexError, TypeError):
            for d, n in zip(days, ns, strict=True):
                scalar(d, n)
            raise  # pragma: no cover - the scalar loop raises the precise error first

    def add_working_days_ordinals(self, ordinals: Sequence[int], ns: Sequence[int]) -> array[int]:
        """:meth:`add_working_days` over proleptic ordinals (``date.toordinal()``).

        The columnar path for bulk dossier data: integers in, an ``array('q')`` of ordinals
        out, no date objects built. Results equal the scalar path.

        Raises:
            CalendarRangeError: for the first pair whose date or result is outside the bounds.
            ValueError: when the columns differ in length.
        """
        after = self._after_by_ordinal
        before = self._before_by_ordinal
        work = self._work_ordinals
        scalar = self._add_ordinal
        try:
            return array(
                "q",
                [
                    work[after[o] + n]
                    if n > 0
                    else (work[k] if n and (k := before[o] + n) >= 0 else scalar(o, n))
                    for o, n in zip(ordinals, ns, strict=True)
                ],
            )
        except (KeyError, IndexError, TypeError):
            for o, n in zip(ordinals, ns, strict=True):
                scalar(o, n)
            raise  # pragma: no cover - the scalar loop raises the precise error first

    def _add_ordinal(self, o: int, n: int) -> int:
        if o not in self._after_by_ordinal:
            if _is_int(o) and 1 <= o <= date.max.toordinal():
                raise CalendarRangeError(date.fromordinal(o), self.first, self.last)
            raise CalendarRangeError(self.first, self.first, self.last, subject=f"ordinal {o!r}")
        return self.add_working_days(date.fromordinal(o), n).toordinal()

    # -- time limits ----------------------------------------------------------------------------

    def due_date(
        self,
        received: datetime,
        limit: TimeLimit,
        *,
        cutoff: time | None = None,
        office_hours: OfficeHours = DEFAULT_OFFICE_HOURS,
    ) -> date:
        """The last day of ``limit`` for a dossier received at ``received``.

        See the module docstring for the rule of each unit. ``cutoff`` (15:00 for some
        procedures) makes a reception strictly after that local time count as a reception on
        the next working day, for every unit. Working-hour limits and fractional working days
        return the date of :meth:`deadline`.

        Raises:
            InvalidCalendar: for a naive ``received``, an aware ``cutoff`` or a wrong type.
            CalendarRangeError: when the reception or the due date is outside the bounds.
        """
        local, late = self._reception(received, limit, cutoff, office_hours)
        if _counts_hours(limit):
            return self._hours_deadline(local, late, limit, office_hours).date()
        return self._day_due(local.date(), late, limit)

    def deadline(
        self,
        received: datetime,
        limit: TimeLimit,
        *,
        office_hours: OfficeHours = DEFAULT_OFFICE_HOURS,
        cutoff: time | None = None,
    ) -> datetime:
        """The moment ``limit`` runs out, in Asia/Ho_Chi_Minh time.

        Working hours (and fractional working days) give the exact moment the count of office
        time completes: 4 working hours from 09:00 end at 14:30 under the default hours. Day
        units give the closing time of :meth:`due_date` (17:30 under the default hours).

        Raises:
            InvalidCalendar: for a naive ``received``, an aware ``cutoff`` or a wrong type.
            CalendarRangeError: when the reception or the deadline is outside the bounds.
        """
        local, late = self._reception(received, limit, cutoff, office_hours)
        if _counts_hours(limit):
            return self._hours_deadline(local, late, limit, office_hours)
        due = self._day_due(local.date(), late, limit)
        return datetime.combine(due, office_hours.closing, tzinfo=VN_TZ)

    def _reception(
        self,
        received: datetime,
        limit: TimeLimit,
        cutoff: time | None,
        office_hours: OfficeHours,
    ) -> tuple[datetime, bool]:
        """The local reception moment and whether it falls after the cut-off."""
        c = Checker()
        if c.of_type(received, datetime, "received", "a timezone-aware datetime"):
            c.aware(received, "received")
        c.of_type(limit, TimeLimit, "limit", "a TimeLimit")
        c.of_type(office_hours, OfficeHours, "office_hours", "an OfficeHours")
        if cutoff is not None and c.of_type(cutoff, time, "cutoff", "a time of day (15:00)"):
            c.check(
                cutoff.tzinfo is None,
                "cutoff",
                "aware-time",
                "a naive local time of day (15:00 Vietnam time)",
                cutoff,
            )
        c.raise_if_any(InvalidCalendar)
        local = received.astimezone(VN_TZ)
        return local, cutoff is not None and local.time() > cutoff

    def _day_due(self, day: date, late: bool, limit: TimeLimit) -> date:
        n = int(limit.amount)
        i = self._index(day)
        if limit.unit is TimeUnit.WORKING_DAYS:
            # domain.md §4: the n-th working day after the reception day; a reception on a
            # non-working day or after the cut-off counts from the next working day.
            start = day if self._flags[i] and not late else self.next_working_day(day)
            return self.add_working_days(start, n)
        event = self.next_working_day(day) if late else day
        what = f"the last day of {limit} from {event.isoformat()}"
        try:
            if limit.unit is TimeUnit.CALENDAR_DAYS:
                # Bộ luật Dân sự 2015 Điều 147: the first day of the period is the day after
                # the event; Điều 148: the period ends at the end of its last day.
                last = event + timedelta(days=n)
            else:
                # Điều 148: the corresponding day of the last month, or the last day of that
                # month when it has none (31/1 + 1 month = 28/2 or 29/2).
                last = event + relativedelta(months=n)
        except (OverflowError, ValueError):
            raise CalendarRangeError(
                event, self.first, self.last, subject=what, code="result-outside-calendar"
            ) from None
        if last not in self._pos:
            raise CalendarRangeError(
                event, self.first, self.last, subject=what, code="result-outside-calendar"
            )
        # Điều 148: a last day that is a weekly rest day or a holiday moves to the next
        # working day.
        return last if self.is_working_day(last) else self.next_working_day(last)

    def _hours_deadline(
        self, local: datetime, late: bool, limit: TimeLimit, office: OfficeHours
    ) -> datetime:
        day_us = office.day_microseconds
        # A fractional working-day limit is that share of a day's office time (0,5 ngày làm
        # việc = 4 giờ làm việc under the default hours).
        unit_us = _US_PER_HOUR if limit.unit is TimeUnit.WORKING_HOURS else day_us
        total = int((limit.amount * unit_us).to_integral_value(rounding=ROUND_HALF_UP))
        # A reception after the cut-off counts from the opening of the next working day.
        i = self._index(local.date())
        start = self._cum[i] * day_us if late else self._position(local, office)
        return self._moment_at(start + total, total > 0, office, local, f"the end of {limit}")

    # -- working time between moments -----------------------------------------------------------

    def _position(self, local: datetime, office: OfficeHours) -> int:
        """Office time (µs) from the opening of the first working day to ``local``.

        On a non-working day the position is the opening of the next working day.
        """
        i = self._index(local.date())
        if not self._flags[i]:
            return self._cum[i] * office.day_microseconds
        return self._before[i] * office.day_microseconds + office.elapsed(local.time())

    def _moment_at(
        self, position: int, counting: bool, office: OfficeHours, origin: datetime, what: str
    ) -> datetime:
        day_us = office.day_microseconds
        k, offset = divmod(position, day_us)
        if counting and offset == 0:
            k, offset = k - 1, day_us  # a count that completes at closing ends that day
        if not 0 <= k < len(self._work_dates):
            raise CalendarRangeError(
                origin.date(),
                self.first,
                self.last,
                subject=f"{what} from {origin.isoformat()}",
                code="result-outside-calendar",
            )
        moment = office.time_at(offset, prefer_end=counting)
        return datetime.combine(self._work_dates[k], moment, tzinfo=VN_TZ)

    def working_time_between(
        self, start: datetime, end: datetime, *, office_hours: OfficeHours = DEFAULT_OFFICE_HOURS
    ) -> timedelta:
        """Office time on working days between two moments (negative when ``end`` < ``start``).

        Only time inside ``office_hours`` on working days counts: from Friday 16:30 to Monday
        08:30 is 2 hours under the default hours (17:30 closing, 07:30 opening).

        Raises:
            InvalidCalendar: for a naive moment.
            CalendarRangeError: when a moment is outside the bounds.
        """
        a, b = self._local(start, "start"), self._local(end, "end")
        us = self._position(b, office_hours) - self._position(a, office_hours)
        return timedelta(microseconds=us)

    def add_working_time(
        self,
        start: datetime,
        amount: timedelta,
        *,
        office_hours: OfficeHours = DEFAULT_OFFICE_HOURS,
    ) -> datetime:
        """The moment when ``amount`` of office time has passed after ``start``.

        The inverse of :meth:`working_time_between` for a non-negative ``amount``: a count
        that completes at closing ends that day (17:30), not at the next opening.

        Raises:
            InvalidCalendar: for a naive ``start`` or a negative ``amount``.
            CalendarRangeError: when ``start`` or the result is outside the bounds.
        """
        local = self._local(start, "start")
        c = Checker()
        if c.of_type(amount, timedelta, "amount", "a timedelta"):
            c.check(amount >= timedelta(0), "amount", "negative-time", "0 or more", amount)
        c.raise_if_any(InvalidCalendar)
        total = amount // timedelta(microseconds=1)
        position = self._position(local, office_hours) + total
        return self._moment_at(position, total > 0, office_hours, local, f"{amount} of office time")

    def _local(self, moment: object, name: str) -> datetime:
        if isinstance(moment, datetime) and moment.utcoffset() is not None:
            return moment.astimezone(VN_TZ)  # the common case, without building a Checker
        c = Checker()
        if c.of_type(moment, datetime, name, "a timezone-aware datetime"):
            c.aware(cast(datetime, moment), name)
        c.raise_if_any(InvalidCalendar)
        raise AssertionError("unreachable: the checks above raised")  # pragma: no cover


def _counts_hours(limit: TimeLimit) -> bool:
    if limit.unit is TimeUnit.WORKING_HOURS:
        return True
    return limit.unit is TimeUnit.WORKING_DAYS and limit.amount != limit.amount.to_integral_value()


# --------------------------------------------------------------------------------------------
# Layers


@attrs.frozen
class _Table:
    changes: tuple[DayChange, ...]
    covers: tuple[int, int] | None


def load_day_changes(text: str, *, source: str = "<string>") -> tuple[DayChange, ...]:
    """Read day changes from TOML text in the format of the bundled table.

    The format: optional ``schema = 1`` and ``covers = [first_year, last_year]``, then one
    ``[[change]]`` table per day with ``day`` (a TOML date), ``kind`` (``"off"`` or
    ``"worked"``), ``name``, ``source`` and optional ``note`` and ``verified``. Use it for a
    province's list of closures.

    Raises:
        LoadError: listing every problem with its path (``$.change[3].kind``).
    """
    return _parse_table(text, source).changes


def _parse_table(text: str, source: str) -> _Table:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(
            [Problem("$", "toml-syntax", "valid TOML", str(exc))], source=source
        ) from exc
    c = Checker()
    for key in sorted(set(data) - {"schema", "covers", "change"}):
        c.add(f"$.{key}", "unknown-key", "schema, covers or change", key)
    c.check(data.get("schema", 1) == 1, "$.schema", "schema", "schema = 1", data.get("schema"))
    covers: tuple[int, int] | None = None
    raw_covers = data.get("covers")
    if raw_covers is not None and c.check(
        isinstance(raw_covers, list)
        and len(raw_covers) == 2
        and all(_is_int(y) for y in raw_covers)
        and raw_covers[0] <= raw_covers[1],
        "$.covers",
        "covers",
        "[first_year, last_year]",
        raw_covers,
    ):
        covers = (raw_covers[0], raw_covers[1])
    entries = data.get("change", [])
    changes: list[DayChange] = []
    if c.check(isinstance(entries, list), "$.change", "wrong-type", "[[change]] tables", entries):
        seen: dict[date, int] = {}
        for i, raw in enumerate(entries):
            change = _parse_entry(raw, f"$.change[{i}]", c)
            if change is None:
                continue
            if change.day in seen:
                c.add(
                    f"$.change[{i}].day",
                    "duplicate-day",
                    f"one entry per day (also $.change[{seen[change.day]}])",
                    change.day,
                )
            seen[change.day] = i
            changes.append(change)
    if c.problems:
        raise LoadError(c.problems, source=source)
    return _Table(tuple(sorted(changes, key=lambda ch: ch.day)), covers)


def _parse_entry(raw: object, path: str, c: Checker) -> DayChange | None:
    if not isinstance(raw, dict):
        c.add(path, "wrong-type", "a [[change]] table", raw)
        return None
    fields: Mapping[str, Any] = raw
    ok = True
    for key in sorted(set(fields) - _TABLE_KEYS):
        ok = False
        c.add(f"{path}.{key}", "unknown-key", ", ".join(sorted(_TABLE_KEYS)), key)
    for key in _TABLE_REQUIRED:
        if key not in fields:
            ok = False
            c.add(f"{path}.{key}", "missing", f"a {key}", None)
    if not ok:
        return None
    kind = fields["kind"]
    if kind not in ("off", "worked"):
        # Checked here, not by the converter, so that the other fields are checked too.
        c.add(f"{path}.kind", "day-kind", "'off' or 'worked'", kind)
        kind = "off"
    try:
        change = DayChange(
            day=fields["day"],
            kind=kind,
            name=fields["name"],
            source=fields["source"],
            note=fields.get("note", ""),
            verified=fields.get("verified", True),
        )
    except InvalidValueError as exc:
        c.problems.extend(p.under(path) for p in exc.problems)
        return None
    return change if kind == fields["kind"] else None


@functools.lru_cache(maxsize=1)
def _official_table() -> _Table:
    resource = resources.files("par_index").joinpath(*_TABLE_RESOURCE)
    return _parse_table(
        resource.read_text(encoding="utf-8"), "par_index/" + "/".join(_TABLE_RESOURCE)
    )


def official_day_changes() -> tuple[DayChange, ...]:
    """The library's table of official public-sector day changes (swaps), bundled as data.

    Raises:
        LoadError: if the bundled file is broken (a packaging bug).
    """
    return _official_table().changes


def _package_source(day: date, name: str) -> tuple[str, bool]:
    """The legal source of a day the ``holidays`` package lists, and whether it is verified."""
    if name.startswith(_SUBSTITUTE_PREFIX):
        return f"hoán đổi ngày làm việc listed by {_package_label()} (no reference recorded)", False
    if "Văn hóa" in name:
        return f"NQ 80-NQ/TW as cited by {_package_label()} (enacting text not checked)", False
    if day.year >= 2021:
        return "Bộ luật Lao động 2019 Điều 112", True
    if day.year >= 2013:
        return "Bộ luật Lao động 2012 Điều 115", True
    return "Bộ luật Lao động 1994 Điều 73", True


@functools.lru_cache(maxsize=8)
def _package_layer(first: date, last: date) -> tuple[DayChange, ...]:
    """The package's weekdays off and weekend days worked between ``first`` and ``last``."""
    # A swap may pair days of adjacent years (31/12/2018 off, 05/01/2019 worked), so the years
    # around the bounds are computed too.
    years = range(
        max(first.year - 1, _PACKAGE_FIRST_YEAR), min(last.year + 1, _PACKAGE_LAST_YEAR) + 1
    )
    vn = _vietnam_holidays(years)
    out: list[DayChange] = []
    for day, name in sorted(vn.items()):
        if first <= day <= last and day.weekday() < 5:
            source, verified = _package_source(day, name)
            out.append(DayChange(day, DayKind.OFF, name, source, _package_label(), verified))
    out.extend(
        DayChange(
            day,
            DayKind.WORKED,
            "Ngày làm bù (hoán đổi ngày làm việc)",
            f"hoán đổi ngày làm việc listed by {_package_label()} (no reference recorded)",
            _package_label(),
            verified=False,
        )
        for day in sorted(vn.weekend_workdays)
        if first <= day <= last and day.weekday() >= 5
    )
    return tuple(out)


def _merge(layers: Iterable[Iterable[DayChange]]) -> tuple[DayChange, ...]:
    """The departures from the ordinary week after applying ``layers`` in order."""
    effective: dict[date, DayChange] = {}
    for layer in layers:
        for change in layer:
            effective[change.day] = change
    return tuple(
        sorted(
            (ch for ch in effective.values() if (ch.kind is DayKind.OFF) == (ch.day.weekday() < 5)),
            key=lambda ch: ch.day,
        )
    )


def _differences(
    first: date, last: date, table: _Table, package: tuple[DayChange, ...]
) -> tuple[CalendarDifference, ...]:
    in_package = {ch.day: ch for ch in package}
    in_table = {ch.day: ch for ch in table.changes if first <= ch.day <= last}
    out = [
        CalendarDifference(day, ours, in_package.get(day))
        for day, ours in in_table.items()
        if _is_working_per(day, ours) != _is_working_per(day, in_package.get(day))
    ]
    if table.covers is not None:
        low, high = table.covers
        out.extend(
            CalendarDifference(day, None, theirs)
            for day, theirs in in_package.items()
            if day not in in_table
            and low <= day.year <= high
            and (theirs.kind is DayKind.WORKED or theirs.name.startswith(_SUBSTITUTE_PREFIX))
        )
    return tuple(sorted(out, key=lambda diff: diff.day))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _only_changes(values: tuple[object, ...]) -> list[DayChange]:
    return [v for v in values if isinstance(v, DayChange)]


def _build_vietnam(
    first_year: int,
    last_year: int,
    closures: tuple[DayChange, ...],
    extra: tuple[DayChange, ...],
) -> WorkCalendar:
    c = Checker()
    years_ok = True
    for field, year in (("first_year", first_year), ("last_year", last_year)):
        if c.of_type(year, int, field, "a year"):
            years_ok &= c.check(
                _PACKAGE_FIRST_YEAR <= year <= _PACKAGE_LAST_YEAR,
                field,
                "year-unsupported",
                f"a year from {_PACKAGE_FIRST_YEAR} to {_PACKAGE_LAST_YEAR}",
                year,
            )
        else:
            years_ok = False
    if years_ok:
        c.check(
            first_year <= last_year,
            "last_year",
            "bounds-order",
            f"a year on or after first_year ({first_year})",
            last_year,
        )
    for field, overrides, kind in (
        ("closures", closures, DayKind.OFF),
        ("extra_working_days", extra, DayKind.WORKED),
    ):
        for i, change in enumerate(overrides):
            if c.of_type(change, DayChange, f"{field}[{i}]", "a DayChange"):
                c.check(
                    change.kind is kind,
                    f"{field}[{i}].kind",
                    "override-kind",
                    f"a DayChange of kind {kind.value!r}",
                    change.kind.value,
                )
    closed = {ch.day for ch in _only_changes(closures)}
    for i, change in enumerate(_only_changes(extra)):
        if change.day in closed:
            c.add(
                f"extra_working_days[{i}].day",
                "override-conflict",
                "a day that is not also a closure",
                change.day,
            )
    c.raise_if_any(InvalidCalendar)
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    for change in (*closures, *extra):
        if not first <= change.day <= last:
            raise CalendarRangeError(
                change.day,
                first,
                last,
                subject=f"override {change.day.isoformat()} ({change.name})",
            )
    table = _official_table()
    package = _package_layer(first, last)
    ours = (ch for ch in table.changes if first <= ch.day <= last)
    return WorkCalendar(
        first,
        last,
        _merge((package, ours, closures, extra)),
        differences=_differences(first, last, table, package),
    )


@functools.lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """The Vietnamese public-sector calendar for 2000–2035, compiled once and cached."""
    return _build_vietnam(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR, (), ())

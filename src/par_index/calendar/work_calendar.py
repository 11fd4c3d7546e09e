"""Working days of the Vietnamese public sector (lịch làm việc) and time-limit arithmetic.

A :class:`WorkCalendar` is compiled once from three layers, each later layer winning over the
earlier ones:

1. the statutory holidays that the ``holidays`` package computes for Vietnam (Bộ luật Lao động
   2019 Điều 112: 1/1, five days of Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3 lunar, 30/4, 1/5,
   2/9 plus an adjacent day; a holiday on a weekly rest day is taken on the next working day),
   together with the public-sector swaps that the package knows;
2. the library's own table of official public-sector day changes
   (``par_index/calendar/data/vn_public_sector.toml``), each entry with its legal reference;
3. the caller's overrides: closures (a typhoon day, a local holiday) and extra working days.

Working days are Monday to Friday (the public sector's 40-hour week, Quyết định
188/1999/QĐ-TTg) plus worked weekend days, minus holidays, days off and closures. Compilation
builds flat tables indexed by day (working flags, cumulative counts, the working days in
order), so that every query is O(1): nothing walks day by day. A calendar has explicit bounds
and refuses dates, and results, outside them with :class:`CalendarRangeError`.

Time limits (:class:`~par_index.model.procedures.TimeLimit`) are counted as follows (the law and
the procedures' own rules; docs/sources.md, working days):

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

import functools
import itertools
from array import array
from collections.abc import Iterable, Sequence
from datetime import MAXYEAR, MINYEAR, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP
from typing import TYPE_CHECKING, Final, cast

import attrs
from dateutil.relativedelta import relativedelta

from par_index.calendar.days import (
    CalendarDifference,
    CalendarRangeError,
    DayChange,
    DayKind,
    InvalidCalendar,
    _is_plain_date,
)
from par_index.calendar.office_hours import DEFAULT_OFFICE_HOURS, OfficeHours
from par_index.calendar.sources import official_through, vietnam_layers
from par_index.core.tz import VN_TZ
from par_index.core.validation import Checker, is_int
from par_index.model.procedures import TimeLimit, TimeUnit

__all__ = [
    "DEFAULT_FIRST_YEAR",
    "DEFAULT_LAST_YEAR",
    "WorkCalendar",
    "default_calendar",
]

if TYPE_CHECKING:
    pass

_US_PER_SECOND: Final = 1_000_000
_US_PER_HOUR: Final = 3_600 * _US_PER_SECOND


#: Bounds of :func:`default_calendar` and the defaults of :meth:`WorkCalendar.vietnam`.
DEFAULT_FIRST_YEAR: Final = 2000
DEFAULT_LAST_YEAR: Final = 2035

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
        official_through: (keyword) the last year for which an official notice of the year's
            holidays and swaps was read; every later year is an estimate (the ``holidays``
            package's lunar dates and rules, no swap known): :meth:`is_estimated`. None when
            nothing is estimated (a calendar built from the caller's own table).

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
    official_through: int | None = attrs.field(default=None, kw_only=True)
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
        culture_day_makeup: bool = False,
    ) -> WorkCalendar:
        """The Vietnamese public-sector calendar from 1/1/``first_year`` to 31/12/``last_year``.

        Layers, each winning over the previous: the ``holidays`` package (statutory holidays,
        Bộ luật Lao động 2019 Điều 112, and the swaps it knows); the library's table of official
        day changes (:func:`official_day_changes`); then ``closures`` (``off`` changes: a
        typhoon day, a local holiday) and ``extra_working_days`` (``worked`` changes). A closure
        on a day that is not worked anyway changes nothing. The default bounds without overrides
        return the cached :func:`default_calendar`.

        ``culture_day_makeup`` is the policy for a 24/11 (Ngày Văn hóa Việt Nam, Nghị quyết
        28/2026/QH16 Điều 2) that falls on a Saturday or Sunday: no source found says whether
        it gives a make-up weekday, so by default (False) it does not; True follows the
        ``holidays`` package, which gives the next weekday off (Mon 26/11/2029, Mon
        25/11/2030) as Bộ luật Lao động 2019 Điều 112 khoản 3 does for the holidays it lists.

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
            and culture_day_makeup is False
        ):
            return default_calendar()
        return _compile_vietnam(first_year, last_year, closures, extra, culture_day_makeup)

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
            is_int(year)
            and MINYEAR <= year <= MAXYEAR
            and self.first <= date(year, 1, 1)
            and date(year, 12, 31) <= self.last
        )
        if not inside:
            raise CalendarRangeError(
                self.first, self.first, self.last, subject=f"year {year!r}", code="year-outside"
            )
        return self._by_year.get(year, ())

    @property
    def estimated_from(self) -> date | None:
        """The first estimated day within the bounds (1 January after :attr:`official_through`),
        or None when no day of the calendar is estimated."""
        if self.official_through is None or self.official_through >= self.last.year:
            return None
        return max(date(self.official_through + 1, 1, 1), self.first)

    def is_estimated(self, d: date) -> bool:
        """Whether ``d`` falls in a year without an official notice of holidays and swaps.

        Such a year's Tết and Quốc khánh days are the ``holidays`` package's estimate (lunar
        dates and the statutory rules), and its swaps are unknown: a working-day count that
        reaches into it may change when the year's notice is issued.

        Raises:
            TypeError: when ``d`` is not a date.
        """
        if not isinstance(d, date):
            raise TypeError(f"expected a datetime.date, found {type(d).__name__}")
        return self.official_through is not None and d.year > self.official_through

    def depends_on_estimate(self, *days: date) -> bool:
        """Whether a result computed between ``days`` (a start and a deadline, say) reaches a
        year without an official notice: True when any of them is estimated.

        Raises:
            TypeError: when an argument is not a date.
        """
        return any(self.is_estimated(d) for d in days)

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
            if is_int(o) and 1 <= o <= date.max.toordinal():
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
        try:
            local = received.astimezone(VN_TZ)
        except OverflowError:  # 9999-12-31T23:00-12:00 is in year 10000 in Vietnam
            raise CalendarRangeError(
                received.date(), self.first, self.last, subject=f"reception {received.isoformat()}"
            ) from None
        return local, cutoff is not None and local.time() > cutoff

    def _beyond(self, limit: TimeLimit, days_per_unit: int, origin: date) -> None:
        """Refuse, before any conversion, an amount that no date within the bounds can meet:
        ``int()`` of 10^999999 alone would take seconds, and relativedelta hours."""
        span = self.last.toordinal() - self.first.toordinal() + 1
        if limit.amount > span * days_per_unit:
            raise CalendarRangeError(
                origin,
                self.first,
                self.last,
                subject=f"a time limit of {limit.amount:.6g} {limit.unit.value} "
                f"from {origin.isoformat()}",
                code="result-outside-calendar",
            )

    def _day_due(self, day: date, late: bool, limit: TimeLimit) -> date:
        # A month is at least 28 days: no more months than days fit in the bounds.
        self._beyond(limit, 1, day)
        n = int(limit.amount)
        i = self._index(day)
        if limit.unit is TimeUnit.WORKING_DAYS:
            # Working days: the n-th working day after the reception day; a reception on a
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
        # A working day holds at most 24 hours.
        self._beyond(limit, 24, local.date())
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


def _compile_vietnam(
    first_year: int,
    last_year: int,
    closures: tuple[DayChange, ...],
    extra: tuple[DayChange, ...],
    culture_day_makeup: bool = False,
) -> WorkCalendar:
    changes, differences = vietnam_layers(
        first_year, last_year, closures, extra, culture_day_makeup
    )
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    return WorkCalendar(
        first, last, changes, differences=differences, official_through=official_through()
    )


@functools.lru_cache(maxsize=1)
def default_calendar() -> WorkCalendar:
    """The Vietnamese public-sector calendar for 2000–2035, compiled once and cached."""
    return _compile_vietnam(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR, (), ())

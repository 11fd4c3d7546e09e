"""Office hours of the public sector, for time limits counted in working hours."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from typing import TYPE_CHECKING, Final, cast

import attrs

from par_index.calendar.days import InvalidCalendar
from par_index.core.validation import Checker

__all__ = [
    "DEFAULT_OFFICE_HOURS",
    "OfficeHours",
]

if TYPE_CHECKING:
    pass

_US_PER_SECOND: Final = 1_000_000
_US_PER_HOUR: Final = 3_600 * _US_PER_SECOND


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

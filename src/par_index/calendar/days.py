"""Days of the calendar: what kind a day is (holiday, day off, worked weekend day, closure) and
where that comes from; the calendar's errors.
"""

from __future__ import annotations

import enum
import functools
import unicodedata
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from par_index.core.validation import Checker, show
from par_index.exceptions import InvalidValueError, ParIndexError, Problem

__all__ = [
    "CalendarDifference",
    "CalendarRangeError",
    "DayChange",
    "DayKind",
    "InvalidCalendar",
    "package_label",
]

if TYPE_CHECKING:
    pass


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
            f"{side(self.table, self.working_per_table)}, {package_label()} says "
            f"{side(self.package, self.working_per_package)}"
        )


def _is_working_per(day: date, change: DayChange | None) -> bool:
    if change is None:
        return day.weekday() < 5
    return change.kind is DayKind.WORKED


@functools.cache
def package_label() -> str:
    """``holidays 0.109``: the package, and version, that a layer came from."""
    import holidays  # noqa: PLC0415

    return f"holidays {getattr(holidays, '__version__', '(unknown version)')}"

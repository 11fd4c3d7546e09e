"""Tests of par_index.calendar.work_calendar: hand-computed days from the official calendars,
time-limit rules (docs/sources.md), bounds, overrides and the O(1) arithmetic against a day walk."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from par_index.calendar.days import (
    CalendarDifference,
    CalendarRangeError,
    DayChange,
    DayKind,
    InvalidCalendar,
)
from par_index.calendar.office_hours import DEFAULT_OFFICE_HOURS, OfficeHours
from par_index.calendar.sources import load_day_changes, official_day_changes
from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.core.tz import VN_TZ
from par_index.exceptions import InvalidProcedure, LoadError, ParIndexError
from par_index.model.procedures import TimeLimit, TimeUnit

CAL = default_calendar()


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    """A moment in Vietnam time."""
    return datetime(y, m, d, hh, mm, tzinfo=VN_TZ)


def wd(amount: int | str) -> TimeLimit:
    return TimeLimit(Decimal(amount), TimeUnit.WORKING_DAYS)


def hours(amount: int | str | Decimal) -> TimeLimit:
    return TimeLimit(Decimal(amount), TimeUnit.WORKING_HOURS)


def days(amount: int) -> TimeLimit:
    return TimeLimit(amount, TimeUnit.CALENDAR_DAYS)


def months(amount: int) -> TimeLimit:
    return TimeLimit(amount, TimeUnit.MONTHS)


def off(cal: WorkCalendar, *ds: date) -> list[date]:
    """The dates among ``ds`` that are (wrongly) working days."""
    return [d for d in ds if cal.is_working_day(d)]


# --- the worked example --------------------------------------------------------------------------


def test_worked_example_30_4_2024() -> None:
    # Fri 26/4/2024 + 3 working days: Sat 27, Sun 28 rest; Mon 29/4 off (CV 2450/VPCP-KGVX);
    # 30/4 and 1/5 holidays; Thu 2/5 = 1, Fri 3/5 = 2, Sat 4/5 (worked) = 3.
    assert CAL.due_date(at(2024, 4, 26), wd(3)) == date(2024, 5, 4)
    assert CAL.deadline(at(2024, 4, 26), wd(3)) == at(2024, 5, 4, 17, 30)
    assert CAL.add_working_days(date(2024, 4, 26), 3) == date(2024, 5, 4)


# --- holidays ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "offs", "after"),
    [
        # Tết Quý Mão 2023: 29 Tết Fri 20/1 to mùng 5 Thu 26/1.
        (date(2023, 1, 19), [date(2023, 1, d) for d in (20, 23, 24, 25, 26)], date(2023, 1, 27)),
        # Tết Giáp Thìn 2024: Thu 8/2 to Wed 14/2.
        (date(2024, 2, 7), [date(2024, 2, d) for d in (8, 9, 12, 13, 14)], date(2024, 2, 15)),
        # Tết Ất Tỵ 2025: Mon 27/1 to Fri 31/1 (Sat 1/2, mùng 4, compensated on Mon 27/1).
        (date(2025, 1, 24), [date(2025, 1, d) for d in (27, 28, 29, 30, 31)], date(2025, 2, 3)),
        # Tết Bính Ngọ 2026: Mon 16/2 to Fri 20/2.
        (date(2026, 2, 13), [date(2026, 2, d) for d in (16, 17, 18, 19, 20)], date(2026, 2, 23)),
    ],
)
def test_tet(before: date, offs: list[date], after: date) -> None:
    assert CAL.is_working_day(before)
    assert off(CAL, *offs) == []
    assert CAL.is_working_day(after)
    assert CAL.next_working_day(before) == after
    assert CAL.working_days_between(before, after) == 1


def test_tet_2026_due_date() -> None:
    assert CAL.due_date(at(2026, 2, 13), wd(1)) == date(2026, 2, 23)


def test_hung_kings_day() -> None:
    assert not CAL.is_working_day(date(2024, 4, 18))  # Thu, 10/3 Giáp Thìn
    assert not CAL.is_working_day(date(2025, 4, 7))  # Mon, 10/3 Ất Tỵ
    # 2026: 10/3 Bính Ngọ is Sun 26/4; taken on Mon 27/4 (BLLĐ 2019: next working day).
    assert not CAL.is_working_day(date(2026, 4, 27))
    assert CAL.is_working_day(date(2026, 4, 28))


def test_national_day_and_adjacent_day() -> None:
    # From 2021, 2/9 plus one adjacent day (BLLĐ 2019 Điều 112).
    assert off(CAL, date(2024, 9, 2), date(2024, 9, 3)) == []  # Mon, Tue
    assert CAL.is_working_day(date(2024, 9, 4))
    assert off(CAL, date(2025, 9, 1), date(2025, 9, 2)) == []  # Mon, Tue
    assert off(CAL, date(2026, 9, 1), date(2026, 9, 2)) == []  # Tue, Wed
    assert CAL.is_working_day(date(2024, 8, 30))


def test_holiday_on_a_weekend_moves_to_next_working_day() -> None:
    # 2023: 2/9 is a Saturday; the adjacent day is Fri 1/9 and 2/9 is made up on Mon 4/9.
    assert off(CAL, date(2023, 9, 1), date(2023, 9, 4)) == []
    assert CAL.is_working_day(date(2023, 9, 5))
    # 2018: 2/9 is a Sunday, taken on Mon 3/9.
    assert not CAL.is_working_day(date(2018, 9, 3))
    # 2023: Giỗ Tổ Sat 29/4 and 30/4 Sun are made up on Tue 2/5 and Wed 3/5.
    assert off(CAL, date(2023, 5, 1), date(2023, 5, 2), date(2023, 5, 3)) == []
    assert CAL.is_working_day(date(2023, 5, 4))
    # 2022: 1/1 Saturday, taken on Mon 3/1.
    assert not CAL.is_working_day(date(2022, 1, 3))


def test_swaps_2024_2025_2026() -> None:
    # 2024 (CV 2450/VPCP-KGVX): Mon 29/4 off, Sat 4/5 worked.
    assert not CAL.is_working_day(date(2024, 4, 29))
    assert CAL.is_working_day(date(2024, 5, 4))
    # 2025: Fri 2/5 off, Sat 26/4 worked.
    assert not CAL.is_working_day(date(2025, 5, 2))
    assert CAL.is_working_day(date(2025, 4, 26))
    assert CAL.add_working_days(date(2025, 4, 25), 1) == date(2025, 4, 26)
    assert CAL.add_working_days(date(2025, 4, 29), 1) == date(2025, 5, 5)
    # 2026 (CV 12729/VPCP-KGVX 25/12/2025): Fri 2/1 off, Sat 10/1 worked.
    assert not CAL.is_working_day(date(2026, 1, 2))
    assert CAL.is_working_day(date(2026, 1, 10))
    # 2026: Mon 31/8 off, Sat 22/8 worked.
    assert not CAL.is_working_day(date(2026, 8, 31))
    assert CAL.is_working_day(date(2026, 8, 22))
    assert CAL.next_working_day(date(2026, 8, 28)) == date(2026, 9, 3)


def test_year_boundaries() -> None:
    # Wed 31/12/2025 → Thu 1/1 holiday, Fri 2/1 off, weekend → Mon 5/1/2026.
    assert CAL.next_working_day(date(2025, 12, 31)) == date(2026, 1, 5)
    assert CAL.previous_working_day(date(2026, 1, 5)) == date(2025, 12, 31)
    assert CAL.working_days_between(date(2025, 12, 31), date(2026, 1, 5)) == 1
    # Mon 31/12/2018 off (swap with Sat 5/1/2019), Tue 1/1/2019 holiday.
    assert CAL.next_working_day(date(2018, 12, 28)) == date(2019, 1, 2)
    assert CAL.add_working_days(date(2019, 1, 4), 1) == date(2019, 1, 5)
    assert CAL.due_date(at(2025, 12, 31), wd(1)) == date(2026, 1, 5)


def test_tet_in_years_the_vietnamese_and_chinese_calendars_differ() -> None:
    cal = WorkCalendar.vietnam(first_year=1985, last_year=2030)
    # 1985: Tết on Mon 21/1 in Vietnam (20/2 in China).
    assert off(cal, date(1985, 1, 21), date(1985, 1, 22), date(1985, 1, 23)) == []
    assert cal.is_working_day(date(1985, 2, 20))
    # 2007: Tết on Sat 17/2 in Vietnam (Sun 18/2 in China): the eve, Fri 16/2, is off and
    # the weekend days are made up on Tue 20/2 and Wed 21/2; Thu 22/2 is worked.
    assert off(cal, date(2007, 2, 16), date(2007, 2, 19), date(2007, 2, 20)) == []
    assert not cal.is_working_day(date(2007, 2, 21))
    assert cal.is_working_day(date(2007, 2, 22))
    # 2030: Tết on Sat 2/2 in Vietnam (Sun 3/2 in China): 29 Tết, Thu 31/1, is off, and
    # Thu 7/2 is worked.
    assert off(cal, date(2030, 1, 31), date(2030, 2, 1), date(2030, 2, 6)) == []
    assert cal.is_working_day(date(2030, 2, 7))


def test_changes_lists_departures_with_sources() -> None:
    changes = CAL.changes(2024)
    assert changes == tuple(sorted(changes, key=lambda c: c.day))
    by_day = {c.day: c for c in changes}
    assert by_day[date(2024, 4, 29)].kind is DayKind.OFF
    assert by_day[date(2024, 4, 29)].source == "CV 2450/VPCP-KGVX ngày 12/4/2024"
    assert by_day[date(2024, 5, 4)].kind is DayKind.WORKED
    assert by_day[date(2024, 4, 30)].source == "Bộ luật Lao động 2019 Điều 112"
    assert all(c.day.year == 2024 and c.source for c in changes)
    # Weekday days off and worked weekend days only: Tết on Sat 10/2 is not a departure.
    assert date(2024, 2, 10) not in by_day
    assert all((c.kind is DayKind.OFF) == (c.day.weekday() < 5) for c in changes)
    assert str(by_day[date(2024, 5, 4)]).startswith("2024-05-04 ngày làm bù: ")
    assert CAL.changes(2026)[0].day == date(2026, 1, 1)


# --- the table and the holidays package ----------------------------------------------------------


def test_bundled_table() -> None:
    table = official_day_changes()
    by_day = {c.day: c for c in table}
    assert len(by_day) == len(table)
    for change in table:
        assert (change.kind is DayKind.OFF) == (change.day.weekday() < 5), change
        assert change.source.strip()
        assert change.name.strip()
    years = {c.day.year for c in table}
    assert {2018, 2019, 2024, 2025, 2026} <= years
    assert by_day[date(2024, 4, 29)].source == "CV 2450/VPCP-KGVX ngày 12/4/2024"
    assert by_day[date(2024, 5, 4)].verified
    assert by_day[date(2026, 1, 2)].source == "CV 12729/VPCP-KGVX ngày 25/12/2025"
    assert by_day[date(2026, 1, 10)].kind is DayKind.WORKED
    assert by_day[date(2025, 5, 2)].kind is DayKind.OFF
    assert by_day[date(2025, 4, 26)].kind is DayKind.WORKED
    assert by_day[date(2026, 8, 31)].kind is DayKind.OFF
    assert by_day[date(2026, 8, 22)].kind is DayKind.WORKED
    # Swaps come in pairs: as many Saturdays worked as weekdays given off (24/11 aside).
    swaps = [c for c in table if c.name != "Ngày Văn hóa Việt Nam"]
    worked = sum(c.kind is DayKind.WORKED for c in swaps)
    assert worked * 2 == len(swaps)
    assert not by_day[date(2026, 11, 24)].verified


def test_our_table_wins_over_the_package_for_2026_01() -> None:
    package = holidays.country_holidays("VN", years=2026)
    package_has_swap = date(2026, 1, 2) in package and date(2026, 1, 10) in package.weekend_workdays
    # Whatever the installed package says, our calendar has the official swap.
    assert not CAL.is_working_day(date(2026, 1, 2))
    assert CAL.is_working_day(date(2026, 1, 10))
    # And differences() records the disagreement exactly when the package lacks the swap
    # (holidays 0.109 does).
    listed = {d.day for d in CAL.differences()}
    assert ({date(2026, 1, 2), date(2026, 1, 10)} <= listed) == (not package_has_swap)


def test_differences_are_consistent() -> None:
    diffs = CAL.differences()
    assert diffs == tuple(sorted(diffs, key=lambda d: d.day))
    # Any other disagreement must be reviewed and added to this set with a reason.
    assert {d.day for d in diffs} <= {date(2026, 1, 2), date(2026, 1, 10)}
    for diff in diffs:
        assert isinstance(diff, CalendarDifference)
        assert diff.table is not None or diff.package is not None
        assert diff.working_per_table != diff.working_per_package
        # The table wins; a package swap the table lacks is kept from the package.
        expected = diff.working_per_table if diff.table is not None else diff.working_per_package
        assert CAL.is_working_day(diff.day) == expected
        assert diff.day.isoformat() in str(diff)
    if diffs:
        first = diffs[0]
        assert first.day == date(2026, 1, 2)
        assert first.table is not None
        assert first.package is None
        assert "working" in str(first)


def test_differences_report_package_swaps_missing_from_the_table() -> None:
    # A table that forgets the 2024 swap: the package's entries show up as differences.
    from par_index.calendar import sources as module

    table = module._Table(
        tuple(c for c in official_day_changes() if c.day.year != 2024), covers=(2018, 2026)
    )
    first, last = date(2024, 1, 1), date(2024, 12, 31)
    package = module._package_layer(first, last)
    diffs = module._differences(first, last, table, package)
    assert [(d.day, d.table) for d in diffs] == [
        (date(2024, 4, 29), None),
        (date(2024, 5, 4), None),
    ]
    assert not diffs[0].working_per_package
    assert diffs[1].working_per_package


def test_package_sources() -> None:
    changes = {
        c.day: c for c in WorkCalendar.vietnam(first_year=2010, last_year=2027).changes(2012)
    }
    # Swaps known only to the package are kept, flagged unverified.
    assert not changes[date(2012, 1, 27)].verified
    assert changes[date(2012, 2, 4)].kind is DayKind.WORKED
    assert changes[date(2012, 1, 2)].source == "Bộ luật Lao động 1994 Điều 73"
    cal = WorkCalendar.vietnam(first_year=2015, last_year=2027)
    assert cal.changes(2015)[0].source == "Bộ luật Lao động 2012 Điều 115"
    assert not cal.changes(2027)[-1].verified  # 24/11/2027, Ngày Văn hóa Việt Nam


# --- time limits ---------------------------------------------------------------------------------


def test_working_hours_across_lunch() -> None:
    assert CAL.deadline(at(2024, 5, 6, 10), hours(3)) == at(2024, 5, 6, 15)
    # A count ending at the start of lunch ends at 11:30, not 13:30.
    assert CAL.deadline(at(2024, 5, 6, 7, 30), hours(4)) == at(2024, 5, 6, 11, 30)
    # Received during lunch: counting starts at 13:30.
    assert CAL.deadline(at(2024, 5, 6, 12), hours(1)) == at(2024, 5, 6, 14, 30)


def test_working_hours_across_a_weekend() -> None:
    # Fri 10/5/2024 16:00: 1.5 h on Friday, 2.5 h on Monday 13/5.
    assert CAL.deadline(at(2024, 5, 10, 16), hours(4)) == at(2024, 5, 13, 10)
    assert CAL.due_date(at(2024, 5, 10, 16), hours(4)) == date(2024, 5, 13)
    # Fri 3/5/2024 13:30 + 16 h: 4 h Friday, 8 h on Saturday 4/5 (worked), 4 h Monday.
    assert CAL.deadline(at(2024, 5, 3, 13, 30), hours(16)) == at(2024, 5, 6, 11, 30)
    # Received on a Sunday: counting starts Monday 07:30.
    assert CAL.deadline(at(2024, 5, 12, 10), hours(2)) == at(2024, 5, 13, 9, 30)


def test_working_hours_outside_office_hours() -> None:
    # Before opening: 8 h fill the day and end at closing.
    assert CAL.deadline(at(2024, 5, 7, 6), hours(8)) == at(2024, 5, 7, 17, 30)
    # After closing: counting starts at the next opening.
    assert CAL.deadline(at(2024, 5, 6, 18), hours(1)) == at(2024, 5, 7, 8, 30)
    assert CAL.deadline(at(2024, 5, 6, 17, 30), hours(Decimal("0.5"))) == at(2024, 5, 7, 8)


def test_working_hours_zero_and_other_time_zones() -> None:
    assert CAL.deadline(at(2024, 5, 6, 9, 15), hours(0)) == at(2024, 5, 6, 9, 15)
    assert CAL.deadline(at(2024, 5, 6, 12), hours(0)) == at(2024, 5, 6, 13, 30)
    utc = datetime(2024, 5, 6, 2, 0, tzinfo=UTC)  # 09:00 in Vietnam
    result = CAL.deadline(utc, hours(4))
    assert result == at(2024, 5, 6, 15)
    assert result.tzinfo is VN_TZ


def test_fractional_working_days() -> None:
    # 0,5 ngày làm việc = 4 working hours under the default 8-hour day.
    assert CAL.deadline(at(2024, 5, 6, 9), wd("0.5")) == at(2024, 5, 6, 15)
    assert CAL.due_date(at(2024, 5, 6, 9), wd("0.5")) == date(2024, 5, 6)
    # 1,5 days = 12 h: 6.5 h on Monday, 5.5 h on Tuesday.
    assert CAL.deadline(at(2024, 5, 6, 9), wd("1.5")) == at(2024, 5, 7, 15)


def test_custom_office_hours() -> None:
    office = OfficeHours(((time(8), time(12)), (time(13), time(17))))
    assert office.hours_per_day == 8
    assert CAL.deadline(at(2024, 5, 6, 10), hours(4), office_hours=office) == at(2024, 5, 6, 15)
    assert CAL.deadline(at(2024, 5, 6, 10), wd(1), office_hours=office) == at(2024, 5, 7, 17)
    short = OfficeHours(((time(7), time(11)),))
    assert short.hours_per_day == 4
    assert CAL.deadline(at(2024, 5, 6, 10), wd("0.5"), office_hours=short) == at(2024, 5, 7, 8)
    assert DEFAULT_OFFICE_HOURS.hours_per_day == 8
    assert (DEFAULT_OFFICE_HOURS.opening, DEFAULT_OFFICE_HOURS.closing) == (
        time(7, 30),
        time(17, 30),
    )


def test_working_days_from_a_non_working_day() -> None:
    # Sat 27/4/2024 counts from the next working day, Thu 2/5: due Fri 3/5.
    assert CAL.due_date(at(2024, 4, 27, 10), wd(1)) == date(2024, 5, 3)
    assert CAL.due_date(at(2024, 4, 27, 10), wd(0)) == date(2024, 5, 2)
    assert CAL.due_date(at(2024, 5, 6, 10), wd(0)) == date(2024, 5, 6)


def test_cutoff_15h() -> None:
    cutoff = time(15)
    # Thu 2/5/2024: before the cut-off, 1 working day is Fri 3/5.
    assert CAL.due_date(at(2024, 5, 2, 14, 59), wd(1), cutoff=cutoff) == date(2024, 5, 3)
    assert CAL.due_date(at(2024, 5, 2, 15, 0), wd(1), cutoff=cutoff) == date(2024, 5, 3)
    # After 15:00 it counts from Fri 3/5: due Sat 4/5 (worked).
    assert CAL.due_date(at(2024, 5, 2, 15, 1), wd(1), cutoff=cutoff) == date(2024, 5, 4)
    assert CAL.due_date(at(2024, 5, 2, 15, 1), wd(1)) == date(2024, 5, 3)
    # "Trong ngày": a same-day procedure received after 15:00 is due the next working day.
    assert CAL.due_date(at(2024, 5, 2, 16), wd(0), cutoff=cutoff) == date(2024, 5, 3)
    assert CAL.deadline(at(2024, 5, 2, 16), hours(2), cutoff=cutoff) == at(2024, 5, 3, 9, 30)
    assert CAL.due_date(at(2024, 5, 3, 16), days(1), cutoff=cutoff) == date(2024, 5, 6)


def test_calendar_days_civil_code() -> None:
    # Điều 147: the period starts the day after reception.
    assert CAL.due_date(at(2024, 5, 8), days(2)) == date(2024, 5, 10)
    assert CAL.due_date(at(2024, 5, 5), days(1)) == date(2024, 5, 6)  # from a Sunday
    # Điều 148: ends on Sun 12/5 → next working day, Mon 13/5.
    assert CAL.due_date(at(2024, 5, 6), days(6)) == date(2024, 5, 13)
    # Ends on the 30/4 holiday → 1/5 holiday → Thu 2/5.
    assert CAL.due_date(at(2024, 4, 22), days(8)) == date(2024, 5, 2)
    assert CAL.deadline(at(2024, 4, 22), days(8)) == at(2024, 5, 2, 17, 30)
    # Ends on Sat 4/5/2024, a worked Saturday: that is the last day.
    assert CAL.due_date(at(2024, 5, 1), days(3)) == date(2024, 5, 4)


def test_months_civil_code() -> None:
    # 31/1 + 1 month: the month has no 31st → its last day.
    assert CAL.due_date(at(2024, 1, 31), months(1)) == date(2024, 2, 29)
    assert CAL.due_date(at(2025, 1, 31), months(1)) == date(2025, 2, 28)
    # 28/2/2026 is a Saturday → Mon 2/3/2026.
    assert CAL.due_date(at(2026, 1, 31), months(1)) == date(2026, 3, 2)
    assert CAL.deadline(at(2026, 1, 31), months(1)) == at(2026, 3, 2, 17, 30)
    # 17/1/2026 + 1 month = 17/2/2026, Tết → Mon 23/2/2026.
    assert CAL.due_date(at(2026, 1, 17), months(1)) == date(2026, 2, 23)
    assert CAL.due_date(at(2024, 3, 15), months(12)) == date(2025, 3, 17)  # Sat → Mon


def test_negative_limits_cannot_be_built() -> None:
    with pytest.raises(InvalidProcedure):
        TimeLimit(-1, TimeUnit.WORKING_DAYS)


# --- bounds and bad input ------------------------------------------------------------------------


def test_date_outside_bounds() -> None:
    with pytest.raises(CalendarRangeError) as info:
        CAL.is_working_day(date(1999, 12, 31))
    message = str(info.value)
    assert "lịch làm việc" in message
    assert "2000-01-01..2035-12-31" in message
    assert info.value.first == date(2000, 1, 1)
    assert info.value.last == date(2035, 12, 31)
    assert info.value.value == date(1999, 12, 31)
    assert isinstance(info.value, ParIndexError)
    assert isinstance(info.value, ValueError)
    for call in (
        lambda: CAL.add_working_days(date(2036, 1, 1), 1),
        lambda: CAL.working_days_between(date(2020, 1, 1), date(2036, 1, 1)),
        lambda: CAL.next_working_day(date(1990, 1, 1)),
        lambda: CAL.due_date(at(2036, 1, 2), wd(1)),
        lambda: CAL.changes(2036),
        lambda: CAL.changes(99999),
    ):
        with pytest.raises(CalendarRangeError, match=r"2000-01-01\.\.2035-12-31"):
            call()
    assert date(2000, 1, 1) in CAL
    assert date(1999, 12, 31) not in CAL
    assert [] not in CAL


def test_result_past_bounds() -> None:
    with pytest.raises(CalendarRangeError, match="30 working days") as info:
        CAL.add_working_days(date(2035, 12, 20), 30)
    assert info.value.code == "result-outside-calendar"
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(date(2000, 1, 5), -5)
    with pytest.raises(CalendarRangeError, match="lịch làm việc"):
        CAL.due_date(at(2035, 12, 20), days(30))
    with pytest.raises(CalendarRangeError):
        CAL.due_date(at(2035, 12, 20), months(1))
    with pytest.raises(CalendarRangeError):
        CAL.due_date(at(2035, 12, 20), days(10**9))
    with pytest.raises(CalendarRangeError):
        CAL.deadline(at(2035, 12, 28), hours(100))
    with pytest.raises(CalendarRangeError):
        CAL.due_date(at(2035, 12, 28), wd(10))


def test_naive_and_wrong_inputs() -> None:
    with pytest.raises(InvalidCalendar) as info:
        CAL.due_date(datetime(2024, 5, 6, 9), wd(1))
    assert info.value.code == "naive-datetime"
    assert isinstance(info.value, ValueError)
    with pytest.raises(InvalidCalendar):
        CAL.deadline(datetime(2024, 5, 6, 9), hours(1))
    with pytest.raises(InvalidCalendar, match="cutoff"):
        CAL.due_date(at(2024, 5, 6), wd(1), cutoff=time(15, tzinfo=VN_TZ))
    with pytest.raises(TypeError, match="datetime"):
        CAL.is_working_day(at(2024, 5, 6))
    with pytest.raises(TypeError):
        CAL.add_working_days("2024-05-06", 1)  # type: ignore[arg-type]


# --- overrides -----------------------------------------------------------------------------------

YAGI = DayChange(
    date(2024, 9, 9),
    "off",
    name="Nghỉ do bão số 3 (Yagi)",
    source="Công điện của Chủ tịch UBND tỉnh (ví dụ)",
)


def test_typhoon_closure_shifts_a_deadline() -> None:
    cal = WorkCalendar.vietnam(closures=[YAGI])
    received = at(2024, 9, 6, 10)  # Fri
    assert CAL.due_date(received, wd(2)) == date(2024, 9, 10)
    assert cal.due_date(received, wd(2)) == date(2024, 9, 11)
    assert cal.deadline(received, hours(8)) == at(2024, 9, 10, 10)
    assert YAGI in cal.changes(2024)
    assert cal.differences() == CAL.differences()


def test_extra_working_day() -> None:
    extra = DayChange(date(2024, 9, 14), DayKind.WORKED, "Làm thêm (ví dụ)", "QĐ .../UBND")
    cal = WorkCalendar.vietnam(extra_working_days=[extra])
    assert cal.due_date(at(2024, 9, 13), wd(1)) == date(2024, 9, 14)
    assert CAL.due_date(at(2024, 9, 13), wd(1)) == date(2024, 9, 16)


def test_overrides_beat_the_table() -> None:
    culture_day = DayChange(date(2026, 11, 24), "worked", "Ngày làm việc", "chưa có văn bản")
    cal = WorkCalendar.vietnam(
        extra_working_days=[culture_day],
        closures=[DayChange(date(2024, 5, 4), "off", "Đóng cửa", "ví dụ")],
    )
    assert cal.is_working_day(date(2026, 11, 24))
    assert not cal.is_working_day(date(2024, 5, 4))
    assert not CAL.is_working_day(date(2026, 11, 24))
    # A closure on a weekend rest day changes nothing.
    sunday = DayChange(date(2024, 9, 8), "off", "Bão", "ví dụ")
    assert WorkCalendar.vietnam(closures=[sunday]) == CAL


def test_bad_overrides() -> None:
    with pytest.raises(InvalidCalendar, match="override-kind"):
        WorkCalendar.vietnam(closures=[DayChange(date(2024, 9, 14), "worked", "x", "y")])
    with pytest.raises(InvalidCalendar, match="override-conflict"):
        WorkCalendar.vietnam(
            closures=[YAGI], extra_working_days=[DayChange(YAGI.day, "worked", "x", "y")]
        )
    with pytest.raises(CalendarRangeError, match="lịch làm việc"):
        WorkCalendar.vietnam(closures=[DayChange(date(2040, 1, 2), "off", "x", "y")])
    with pytest.raises(InvalidCalendar) as info:
        WorkCalendar.vietnam(first_year=2030, last_year=2020)
    assert info.value.code == "bounds-order"
    with pytest.raises(InvalidCalendar, match="year-unsupported"):
        WorkCalendar.vietnam(first_year=1800)


# --- construction and validation -----------------------------------------------------------------


def test_default_calendar_is_cached() -> None:
    assert WorkCalendar.vietnam() is default_calendar()
    small = WorkCalendar.vietnam(first_year=2024, last_year=2024)
    assert small == WorkCalendar.vietnam(first_year=2024, last_year=2024)
    assert small.first == date(2024, 1, 1)
    assert small.last == date(2024, 12, 31)
    assert "2024, 12, 31" in repr(small)


def test_direct_construction() -> None:
    change = DayChange(date(2024, 1, 3), DayKind.OFF, "Nghỉ", "ví dụ")
    cal = WorkCalendar(date(2024, 1, 1), date(2024, 1, 31), (change,))
    assert not cal.is_working_day(date(2024, 1, 3))
    assert cal.is_working_day(date(2024, 1, 1))  # no holidays but those given
    assert cal.working_days_between(date(2024, 1, 1), date(2024, 1, 8)) == 4
    assert cal.differences() == ()
    with pytest.raises(InvalidCalendar) as info:
        WorkCalendar(
            date(2024, 1, 1),
            date(2024, 1, 31),
            (
                DayChange(date(2024, 1, 6), "off", "Thứ Bảy", "x"),
                DayChange(date(2024, 2, 1), "off", "Ngoài", "x"),
                DayChange(date(2024, 1, 3), "off", "Hai lần", "x"),
                change,
            ),
        )
    codes = {p.code for p in info.value.problems}
    assert codes == {"not-a-change", "outside-calendar", "duplicate-day"}
    with pytest.raises(InvalidCalendar, match="bounds-order"):
        WorkCalendar(date(2024, 2, 1), date(2024, 1, 1))


def test_day_change_validation() -> None:
    with pytest.raises(InvalidCalendar) as info:
        DayChange(datetime(2024, 1, 1, tzinfo=VN_TZ), "off", " ", "")
    assert {p.path for p in info.value.problems} == {"day", "name", "source"}
    with pytest.raises(InvalidCalendar, match="day-kind"):
        DayChange(date(2024, 1, 1), "holiday", "x", "y")
    assert DayChange(date(2024, 1, 1), "off", "x", "y").kind is DayKind.OFF
    assert DayKind.WORKED.name_vi == "ngày làm bù"
    decomposed = "Nghi\u0309 le\u0302\u0303"  # NFD
    assert DayChange(date(2024, 1, 1), "off", decomposed, "y").name == "Nghỉ lễ"


def test_office_hours_validation() -> None:
    with pytest.raises(InvalidCalendar) as info:
        OfficeHours(
            (
                (time(8), time(12)),
                (time(11), time(13)),
                (time(15), time(14)),
                (time(16),),  # type: ignore[arg-type]
            )
        )
    assert {p.code for p in info.value.problems} == {
        "interval-overlap",
        "interval-order",
        "interval",
    }
    with pytest.raises(InvalidCalendar, match="no-hours"):
        OfficeHours(())


def test_load_day_changes() -> None:
    text = """
covers = [2024, 2024]
[[change]]
day = 2024-09-09
kind = "off"
name = "Bão Yagi"
source = "CĐ 01/CĐ-UBND"
"""
    (change,) = load_day_changes(text)
    assert change.day == date(2024, 9, 9)
    assert change.verified
    with pytest.raises(LoadError) as info:
        load_day_changes(
            """
schema = 2
colour = 1
covers = [2026, 2024]
[[change]]
day = "2024-09-09"
kind = "closed"
name = "x"
source = "y"
[[change]]
day = 2024-09-10
name = "x"
extra = 1
[[change]]
day = 2024-09-11
kind = "off"
name = "x"
source = "y"
[[change]]
day = 2024-09-11
kind = "off"
name = "x"
source = "y"
""",
            source="tinh.toml",
        )
    paths = {p.path for p in info.value.problems}
    assert paths == {
        "$.schema",
        "$.colour",
        "$.covers",
        "$.change[0].day",
        "$.change[0].kind",
        "$.change[1].extra",
        "$.change[1].kind",
        "$.change[1].source",
        "$.change[3].day",
    }
    assert "tinh.toml" in str(info.value)
    with pytest.raises(LoadError, match="toml-syntax"):
        load_day_changes("[[change]\n")
    with pytest.raises(LoadError, match="wrong-type"):
        load_day_changes("change = 3")
    with pytest.raises(LoadError) as bad_day:
        load_day_changes('[[change]]\nday = "2024-09-09"\nkind = "off"\nname = "x"\nsource = "y"')
    assert bad_day.value.problems[0].path == "$.change[0].day"


def test_wrong_types_are_reported() -> None:
    with pytest.raises(InvalidCalendar) as info:
        WorkCalendar(at(2024, 1, 1), "2024-12-31", ("x",))  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"first", "last", "day_changes[0]"}
    with pytest.raises(InvalidCalendar) as info:
        DayChange(date(2024, 1, 1), "off", 3, "y", note=4, verified="yes")  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"name", "note", "verified"}
    with pytest.raises(InvalidCalendar, match="intervals"):
        OfficeHours([(time(8), time(12))])  # type: ignore[arg-type]
    with pytest.raises(InvalidCalendar) as info:
        CAL.due_date(date(2024, 5, 6), "3 ngày", office_hours=None)  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"received", "limit", "office_hours"}
    with pytest.raises(InvalidCalendar) as info:
        WorkCalendar.vietnam(
            first_year="2020",  # type: ignore[arg-type]
            closures=["2024-09-09"],  # type: ignore[list-item]
            extra_working_days=[None],  # type: ignore[list-item]
        )
    assert {p.path for p in info.value.problems} == {
        "first_year",
        "closures[0]",
        "extra_working_days[0]",
    }
    with pytest.raises(LoadError, match=r"\$\.change\[0\]"):
        load_day_changes("change = [1]")


# --- columnar paths ------------------------------------------------------------------------------


def test_columnar_paths_raise_like_the_scalar_path() -> None:
    assert CAL.add_working_days_many([date(2024, 4, 26)], [3]) == [date(2024, 5, 4)]
    ordinal = date(2024, 4, 26).toordinal()
    assert list(CAL.add_working_days_ordinals([ordinal], [3])) == [date(2024, 5, 4).toordinal()]
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days_many([date(2024, 1, 1), date(2035, 12, 30)], [1, 5])
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days_many([date(2000, 1, 4)], [-10])
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days_many([date(1999, 1, 4)], [0])
    with pytest.raises(TypeError):
        CAL.add_working_days_many([at(2024, 1, 2)], [1])
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days_ordinals([ordinal, date(2035, 12, 30).toordinal()], [1, 5])
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days_ordinals([date(2000, 1, 4).toordinal()], [-10])
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days_ordinals([5], [1])
    with pytest.raises(CalendarRangeError, match="ordinal -3"):
        CAL.add_working_days_ordinals([-3], [0])
    with pytest.raises(ValueError, match="zip"):
        CAL.add_working_days_many([date(2024, 1, 2)], [1, 2])


# --- properties against a day-walking reference ---------------------------------------------------


@functools.cache
def reference_working_days() -> frozenset[date]:
    """Working days 2000–2035 built independently from the layers, day by day."""
    package = holidays.country_holidays("VN", years=range(1999, 2037))
    table = {c.day: c for c in official_day_changes()}
    working = set()
    d = date(2000, 1, 1)
    while d <= date(2035, 12, 31):
        if d in table:
            is_working = table[d].kind is DayKind.WORKED
        elif d.weekday() >= 5:
            is_working = d in package.weekend_workdays
        else:
            # The default calendar gives no make-up weekday for a 24/11 on a weekend (the
            # culture_day_makeup policy); the package does (26/11/2029, 25/11/2030, 26/11/2035).
            name = package.get(d, "")
            makeup = "Cultural Day" in name and (d.month, d.day) != (11, 24)
            is_working = d not in package or makeup
        if is_working:
            working.add(d)
        d += timedelta(days=1)
    return frozenset(working)


def walk(d: date, n: int) -> date:
    """The n-th working day after (before) d, one day at a time."""
    working = reference_working_days()
    step = timedelta(days=1 if n > 0 else -1)
    left = abs(n)
    while left:
        d += step
        if d in working:
            left -= 1
    return d


def test_reference_agrees_on_every_day() -> None:
    working = reference_working_days()
    d = date(2000, 1, 1)
    mismatches = []
    while d <= date(2035, 12, 31):
        if CAL.is_working_day(d) != (d in working):
            mismatches.append(d)
        d += timedelta(days=1)
    assert mismatches == []


# Two years inside each bound: 300 working days never leave the calendar.
any_day = st.dates(min_value=date(2002, 1, 1), max_value=date(2033, 12, 31))
steps = st.integers(min_value=-300, max_value=300)


@st.composite
def working_days(draw: st.DrawFn) -> date:
    return CAL.add_working_days(draw(any_day), 1)


@given(working_days(), steps)
def test_add_then_subtract_returns(d: date, n: int) -> None:
    assert CAL.add_working_days(CAL.add_working_days(d, n), -n) == d


@given(working_days(), steps)
def test_between_inverts_add(d: date, n: int) -> None:
    assert CAL.working_days_between(d, CAL.add_working_days(d, n)) == n


@given(any_day, steps.filter(bool))
def test_results_are_working_days(d: date, n: int) -> None:
    assert CAL.is_working_day(CAL.add_working_days(d, n))


@given(any_day)
def test_next_and_previous(d: date) -> None:
    assert CAL.next_working_day(d) == CAL.add_working_days(d, 1)
    assert CAL.previous_working_day(d) == CAL.add_working_days(d, -1)
    assert CAL.previous_working_day(d) < d < CAL.next_working_day(d)
    assert CAL.add_working_days(d, 0) == d


@given(any_day, any_day, any_day)
def test_between_is_additive(a: date, b: date, c: date) -> None:
    between = CAL.working_days_between
    assert between(a, b) + between(b, c) == between(a, c)
    assert between(a, b) == -between(b, a)


@given(any_day, st.integers(min_value=-40, max_value=40))
def test_agrees_with_a_day_walk(d: date, n: int) -> None:
    expected = d if n == 0 else walk(d, n)
    assert CAL.add_working_days(d, n) == expected
    working = reference_working_days()
    low, high = sorted((d, expected))
    count = sum(1 for i in range(1, (high - low).days + 1) if low + timedelta(days=i) in working)
    assert CAL.working_days_between(low, high) == count


@given(st.lists(st.tuples(any_day, steps), max_size=30))
def test_columnar_paths_equal_the_scalar_path(pairs: list[tuple[date, int]]) -> None:
    ds = [d for d, _ in pairs]
    ns = [n for _, n in pairs]
    expected = [CAL.add_working_days(d, n) for d, n in pairs]
    assert CAL.add_working_days_many(ds, ns) == expected
    ordinals = CAL.add_working_days_ordinals([d.toordinal() for d in ds], ns)
    assert list(ordinals) == [d.toordinal() for d in expected]


@given(working_days(), st.integers(min_value=0, max_value=60))
def test_due_date_for_working_days_is_add(d: date, n: int) -> None:
    received = datetime.combine(d, time(9), tzinfo=VN_TZ)
    assert CAL.due_date(received, wd(n)) == CAL.add_working_days(d, n)
    # n working days = 8n working hours, ending at closing of the same due date.
    if n:
        assert CAL.deadline(received, hours(8 * n)) == at(*_ymd(CAL.add_working_days(d, n)), 9)


def _ymd(d: date) -> tuple[int, int, int]:
    return d.year, d.month, d.day


# --- official notices re-read (docs/sources.md) and estimated years ---------------------------


def test_swaps_of_the_notices_read() -> None:
    # TB 6150/TB-BLĐTBXH ngày 03/12/2024: Fri 2/5/2025 swapped with Sat 26/4/2025.
    assert not CAL.is_working_day(date(2025, 5, 2))
    assert CAL.is_working_day(date(2025, 4, 26))
    # CV 12729/VPCP-KGVX ngày 25/12/2025: Fri 2/1/2026 off, Sat 10/1/2026 worked.
    assert not CAL.is_working_day(date(2026, 1, 2))
    assert CAL.is_working_day(date(2026, 1, 10))
    # TB 9441/TB-BNV ngày 16/10/2025: Tết 16/2–20/2/2026; Mon 31/8 off, Sat 22/8/2026 worked.
    assert [CAL.is_working_day(date(2026, 2, d)) for d in range(16, 21)] == [False] * 5
    assert not CAL.is_working_day(date(2026, 8, 31))
    assert CAL.is_working_day(date(2026, 8, 22))
    # 2026 has no swap around 30/4 (CV 3383/BNV-CVL): Sat 2/5 is not worked, Mon 4/5 is;
    # Giỗ Tổ (Sun 26/4) is taken on Mon 27/4.
    assert not CAL.is_working_day(date(2026, 5, 2))
    assert CAL.is_working_day(date(2026, 5, 4))
    assert not CAL.is_working_day(date(2026, 4, 27))
    by_day = {c.day: c for c in official_day_changes()}
    assert (by_day[date(2025, 5, 2)].source, by_day[date(2025, 5, 2)].verified) == (
        "TB 6150/TB-BLĐTBXH ngày 03/12/2024",
        True,
    )
    assert by_day[date(2026, 8, 31)].source == "TB 9441/TB-BNV ngày 16/10/2025"
    culture = by_day[date(2026, 11, 24)]
    assert culture.source == "Nghị quyết 28/2026/QH16, Điều 2 (hiệu lực 01/7/2026)"
    assert not culture.verified  # the enacting text could not be read


def test_culture_day_on_a_weekend_gives_no_make_up_day_by_default() -> None:
    # 24/11/2029 is a Saturday, 24/11/2030 a Sunday. The holidays package gives Mon 26/11/2029
    # and Mon 25/11/2030 off; no source settles it, so the default calendar keeps them
    # working days and culture_day_makeup=True follows the package.
    assert date(2029, 11, 24).weekday() == 5
    assert date(2030, 11, 24).weekday() == 6
    assert CAL.is_working_day(date(2029, 11, 26))
    assert CAL.is_working_day(date(2030, 11, 25))
    assert not CAL.is_working_day(date(2027, 11, 24))  # a Wednesday: off either way
    makeup = WorkCalendar.vietnam(first_year=2029, last_year=2030, culture_day_makeup=True)
    assert not makeup.is_working_day(date(2029, 11, 26))
    assert not makeup.is_working_day(date(2030, 11, 25))
    # Fri 23/11/2029 + 1 working day: Mon 26/11 by default, Tue 27/11 with the make-up day.
    assert CAL.add_working_days(date(2029, 11, 23), 1) == date(2029, 11, 26)
    assert makeup.add_working_days(date(2029, 11, 23), 1) == date(2029, 11, 27)
    with pytest.raises(InvalidCalendar):
        WorkCalendar.vietnam(culture_day_makeup="yes")  # type: ignore[arg-type]


def test_years_without_an_official_notice_are_estimated() -> None:
    assert CAL.official_through == 2026
    assert CAL.estimated_from == date(2027, 1, 1)
    assert not CAL.is_estimated(date(2026, 12, 31))
    assert CAL.is_estimated(date(2027, 1, 1))
    # Mon 28/12/2026 + 5 working days: 29, 30, 31/12, (Fri 1/1/2027 a holiday), Mon 4/1,
    # Tue 5/1/2027: a deadline that reaches 2027 depends on an estimate.
    due = CAL.add_working_days(date(2026, 12, 28), 5)
    assert due == date(2027, 1, 5)
    assert CAL.depends_on_estimate(date(2026, 12, 28), due)
    assert not CAL.depends_on_estimate(date(2026, 12, 1), date(2026, 12, 4))
    own = WorkCalendar(date(2024, 1, 1), date(2024, 12, 31))
    assert own.estimated_from is None
    assert not own.is_estimated(date(2024, 6, 1))
    with pytest.raises(TypeError):
        CAL.is_estimated("2027-01-01")  # type: ignore[arg-type]
    text = "schema = 1\nofficial_through = 2025\n"
    assert load_day_changes(text) == ()
    with pytest.raises(LoadError, match="official_through"):
        load_day_changes('official_through = "2025"\n')

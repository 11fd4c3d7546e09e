"""Working days of the Vietnamese public sector (lịch làm việc) and time-limit arithmetic.

:class:`WorkCalendar` is compiled from the statutory holidays (Bộ luật Lao động 2019 Điều
112), the library's table of official day changes (each with its legal reference) and the
caller's overrides; every query is O(1). See :mod:`par_index.calendar.work_calendar`.

Example:
    >>> from datetime import date
    >>> cal = default_calendar()
    >>> cal.add_working_days(date(2024, 4, 26), 3)  # 29/4 off, 30/4 and 1/5 holidays
    datetime.date(2024, 5, 4)
"""

from __future__ import annotations

from par_index.core.lazy import attach

TYPE_CHECKING = False
if TYPE_CHECKING:
    from par_index.calendar.days import (
        CalendarDifference,
        CalendarRangeError,
        DayChange,
        DayKind,
        InvalidCalendar,
        package_label,
    )
    from par_index.calendar.office_hours import (
        DEFAULT_OFFICE_HOURS,
        OfficeHours,
    )
    from par_index.calendar.sources import (
        load_day_changes,
        official_day_changes,
    )
    from par_index.calendar.work_calendar import (
        DEFAULT_FIRST_YEAR,
        DEFAULT_LAST_YEAR,
        WorkCalendar,
        default_calendar,
    )
    from par_index.core.tz import (
        VN_TZ,
    )

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
    "package_label",
]

__getattr__, __dir__ = attach(
    __name__,
    {
        "DEFAULT_FIRST_YEAR": "par_index.calendar.work_calendar",
        "DEFAULT_LAST_YEAR": "par_index.calendar.work_calendar",
        "DEFAULT_OFFICE_HOURS": "par_index.calendar.office_hours",
        "VN_TZ": "par_index.core.tz",
        "CalendarDifference": "par_index.calendar.days",
        "CalendarRangeError": "par_index.calendar.days",
        "DayChange": "par_index.calendar.days",
        "DayKind": "par_index.calendar.days",
        "InvalidCalendar": "par_index.calendar.days",
        "OfficeHours": "par_index.calendar.office_hours",
        "WorkCalendar": "par_index.calendar.work_calendar",
        "default_calendar": "par_index.calendar.work_calendar",
        "load_day_changes": "par_index.calendar.sources",
        "official_day_changes": "par_index.calendar.sources",
        "package_label": "par_index.calendar.days",
    },
)

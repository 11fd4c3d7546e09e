"""Hypothesis strategy for :class:`~par_index.model.periods.ReportingPeriod`.

Re-exported from ``par_index.testing.strategies``; the model module itself never imports Hypothesis.
"""

from __future__ import annotations

from hypothesis import strategies as st

from par_index.calendar.work_calendar import DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR
from par_index.model.periods import _MAX_YEAR, _MIN_YEAR, PeriodKind, ReportingPeriod

__all__ = ["reporting_periods"]

# By default, the years whose whole period (from 15/12 of the year before) lies inside the
# default working-day calendar, so that every date of a drawn period can be computed on.
CALENDAR_YEARS: st.SearchStrategy[int] = st.integers(DEFAULT_FIRST_YEAR + 1, DEFAULT_LAST_YEAR)
_YEARS = CALENDAR_YEARS
_KINDS: st.SearchStrategy[PeriodKind] = st.sampled_from(PeriodKind)


def reporting_periods(
    *,
    years: st.SearchStrategy[int] = _YEARS,
    kinds: st.SearchStrategy[PeriodKind] = _KINDS,
) -> st.SearchStrategy[ReportingPeriod]:
    """Valid reporting periods.

    Args:
        years: the years to draw from; default the years the default calendar covers
            whole (2001–2035). Years outside 1990–2100 are filtered out so that every draw
            is a valid period; widen with e.g. ``st.integers(1990, 2100)``.
        kinds: the kinds of period to draw; the quarter or month number is drawn to match.

    Returns:
        A strategy of :class:`ReportingPeriod`, shrinking towards the first kind and year.
    """
    valid_years = years.filter(lambda y: _MIN_YEAR <= y <= _MAX_YEAR)

    @st.composite
    def draw_period(draw: st.DrawFn) -> ReportingPeriod:
        kind = draw(kinds)
        year = draw(valid_years)
        number: int | None = None
        if kind is PeriodKind.QUARTER:
            number = draw(st.integers(1, 4))
        elif kind is PeriodKind.MONTH:
            number = draw(st.integers(1, 12))
        return ReportingPeriod(kind, year, number)

    return draw_period()

"""Invariants of the task measures, on plans with status histories drawn by the public
strategies (par_index.testing.strategies.plans_with_histories)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from par_index.formats.json import dumps, loads
from par_index.model.periods import ReportingPeriod
from par_index.model.tasks import Deadline, Plan
from par_index.service.plans import judge_plan
from par_index.testing import strategies as pst

_DAYS = st.integers(0, 800)


def _periods(plan: Plan) -> st.SearchStrategy[ReportingPeriod | None]:
    y = plan.year
    return st.sampled_from(
        [
            None,
            ReportingPeriod.quarter(y, 1),
            ReportingPeriod.quarter(y, 3),
            ReportingPeriod.half_year(y),
            ReportingPeriod.annual(y),
        ]
    )


@settings(max_examples=60)
@given(pst.plans_with_histories(), _DAYS, st.data())
def test_completion_is_a_share_and_on_time_never_exceeds_it(
    plan: Plan, days: int, data: st.DataObject
) -> None:
    period = data.draw(_periods(plan))
    m = judge_plan(plan, date(plan.year, 1, 1) + timedelta(days=days), period=period)
    for done, on_time in (
        (m.completion, m.on_time),
        (m.own_completion, m.own_on_time),
        (m.assigned_completion, m.assigned_on_time),
    ):
        assert done.numerator <= done.denominator
        assert on_time.numerator <= done.numerator
        assert on_time.denominator == done.denominator
    assert m.own_completion.denominator + m.assigned_completion.denominator == (
        m.completion.denominator
    )
    assert m.progress.numerator <= m.progress.denominator
    assert set(m.overdue) <= set(m.judgements)


@settings(max_examples=60)
@given(pst.plans_with_histories(), _DAYS, _DAYS, st.data())
def test_moving_the_as_of_day_forward_never_uncompletes_a_task(
    plan: Plan, a: int, b: int, data: st.DataObject
) -> None:
    period = data.draw(_periods(plan))
    first, second = sorted((a, b))
    start = date(plan.year, 1, 1)
    early = judge_plan(plan, start + timedelta(days=first), period=period)
    late = judge_plan(plan, start + timedelta(days=second), period=period)
    done_early = {j.occurrence.key for j in early.everything if j.outcome.is_done}
    done_late = {j.occurrence.key for j in late.everything if j.outcome.is_done}
    assert done_early <= done_late
    if period is not None:  # the same tasks are counted (less any cancelled since)
        assert early.completion.denominator >= late.completion.denominator
        assert early.completion.numerator <= late.completion.numerator


@settings(max_examples=80)
@given(pst.deadlines())
def test_completion_times_read_back(d: Deadline) -> None:
    assert Deadline.parse(d.text, year=d.start.year) == d
    assert d.start <= d.end


@settings(max_examples=30)
@given(pst.plans_with_histories(max_tasks=4))
def test_plans_with_histories_round_trip_through_json(plan: Plan) -> None:
    assert loads(Plan, dumps(plan)) == plan

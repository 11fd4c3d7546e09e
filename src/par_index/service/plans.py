"""Task measures of a reform plan, as of a date or over a period.

Provinces score a unit's annual plan by the share of its tasks completed and, apart, the share
completed on time (Cà Mau 1880/QĐ-UBND 2013, tiêu chí 1.1.4 "Mức độ thực hiện kế hoạch CCHC";
see docs/sources.md), and the tasks assigned by the level above apart from the unit's own. This
module judges every task of a :class:`~par_index.model.tasks.Plan` as of a day and turns the
judgements into exact :class:`~par_index.model.ratios.Ratio`\\ s with their parts.

Due dates. A completion time names a window ("Quý II/2023" = 01/04–30/06/2023); its last day
is the nominal due day (Bộ luật Dân sự 2015, Điều 146: "cuối tháng là ngày cuối cùng của
tháng", "giữa năm là ngày cuối cùng của tháng sáu", "cuối năm là ngày cuối cùng của tháng
mười hai"). On the working calendar a last day that is a weekend or holiday moves to the end
of the next working day (Điều 148 khoản 5), which BLDS applies to any time limit unless a law
or the parties say otherwise (Điều 145 khoản 1). "Trước 30/6/2023" is read as "by 30/6/2023"
by default; no text settles whether the day itself counts, so :class:`DeadlinePolicy` makes
both readings available.

Which tasks a measure counts:

* as of a day with no period: every task (occurrence) due on or before that day;
* for a period: the occurrences whose nominal due day falls in the period's calendar months
  (Quý II = April–June; 6 tháng đầu năm = January–June; not the report's data cut-off window),
  plus one occurrence of each continuous task ("Thường xuyên", "Cả năm") whose window meets
  the period; recurring tasks ("Hằng quý") have one occurrence per period of their kind.

A task or occurrence is done once an update (or the plan table's own status) says so on or
before the as-of day; it is early when done at least one working day before its due date,
on time when done by the due date, late after it. Cancelled tasks leave the counts. A task
whose status is unknown makes the measure incomplete: it is reported, never counted as done
or not done.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Final

import attrs

from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import PeriodKind, ReportingPeriod
from par_index.model.ratios import Ratio
from par_index.model.tasks import Deadline, DeadlineKind, Plan, Task, TaskStatus, TaskUpdate

__all__ = [
    "DeadlinePolicy",
    "Occurrence",
    "Outcome",
    "PlanMeasures",
    "TaskJudgement",
    "calendar_span",
    "due_date",
    "judge_plan",
    "nominal_due",
]


@attrs.frozen
class DeadlinePolicy:
    """How completion times become due dates.

    Attributes:
        before_inclusive: "Trước 30/6/2023" allows 30/6 itself (default); False makes it
            strictly before (29/6), and "Trước tháng 6/2023" the end of May.
        roll_forward: a last day that is a rest day moves to the next working day (BLDS 2015
            Điều 148 khoản 5; default); False keeps the calendar day.
    """

    before_inclusive: bool = True
    roll_forward: bool = True


def nominal_due(deadline: Deadline, policy: DeadlinePolicy = DeadlinePolicy()) -> date:
    """The calendar day a time is due by: the last day of its window (BLDS 2015 Điều 146), or
    the day before the window for a strict "Trước …" under the policy."""
    if deadline.before and not policy.before_inclusive:
        return deadline.start - timedelta(days=1)
    return deadline.end


def due_date(
    day: date,
    calendar: WorkCalendar | None = None,
    policy: DeadlinePolicy = DeadlinePolicy(),
) -> date:
    """``day`` on the working calendar: itself if offices work on it, else the next working
    day (BLDS 2015 Điều 148 khoản 5) unless the policy keeps the calendar day.

    Raises:
        CalendarRangeError: when ``day`` is outside the calendar's bounds.
    """
    if not policy.roll_forward:
        return day
    cal = calendar if calendar is not None else default_calendar()
    return day if cal.is_working_day(day) else cal.next_working_day(day)


def calendar_span(period: ReportingPeriod) -> tuple[date, date]:
    """The calendar months a period names (not its data cut-off window): Quý II/2023 is
    01/04–30/06/2023, 6 tháng đầu năm 2023 is 01/01–30/06/2023."""
    y = period.year
    if period.kind is PeriodKind.MONTH:
        assert period.number is not None
        first, last = period.number, period.number
    elif period.kind is PeriodKind.QUARTER:
        assert period.number is not None
        first, last = 3 * period.number - 2, 3 * period.number
    else:
        first = 1
        last = {PeriodKind.HALF_YEAR: 6, PeriodKind.NINE_MONTHS: 9}.get(period.kind, 12)
    end = date(y, 12, 31) if last == 12 else date(y, last + 1, 1) - timedelta(days=1)
    return date(y, first, 1), end


class Outcome(enum.StrEnum):
    """How one task (occurrence) stands as of a day."""

    DONE_EARLY = "done_early"  # hoàn thành trước hạn
    DONE_ON_TIME = "done_on_time"  # hoàn thành đúng hạn
    DONE_LATE = "done_late"  # hoàn thành quá hạn
    DONE = "done"  # hoàn thành (no due date to compare with)
    OPEN = "open"  # chưa đến hạn, chưa hoàn thành
    OVERDUE = "overdue"  # quá hạn, chưa hoàn thành
    CANCELLED = "cancelled"  # không thực hiện (điều chỉnh kế hoạch)
    UNKNOWN = "unknown"  # không rõ

    @property
    def is_done(self) -> bool:
        """Whether the task is done, whatever its timeliness."""
        return self in _DONE

    @property
    def name_vi(self) -> str:
        """The Vietnamese words."""
        return _OUTCOME_VI[self]

    @property
    def name_en(self) -> str:
        """The English words."""
        return _OUTCOME_EN[self]


_DONE: Final = frozenset(
    {Outcome.DONE_EARLY, Outcome.DONE_ON_TIME, Outcome.DONE_LATE, Outcome.DONE}
)
_OUTCOME_VI: Final = {
    Outcome.DONE_EARLY: "hoàn thành trước hạn",
    Outcome.DONE_ON_TIME: "hoàn thành đúng hạn",
    Outcome.DONE_LATE: "hoàn thành quá hạn",
    Outcome.DONE: "hoàn thành",
    Outcome.OPEN: "chưa đến hạn",
    Outcome.OVERDUE: "quá hạn, chưa hoàn thành",
    Outcome.CANCELLED: "không thực hiện",
    Outcome.UNKNOWN: "không rõ",
}
_OUTCOME_EN: Final = {
    Outcome.DONE_EARLY: "done early",
    Outcome.DONE_ON_TIME: "done on time",
    Outcome.DONE_LATE: "done late",
    Outcome.DONE: "done",
    Outcome.OPEN: "not yet due",
    Outcome.OVERDUE: "overdue",
    Outcome.CANCELLED: "cancelled",
    Outcome.UNKNOWN: "unknown",
}


@attrs.frozen
class Occurrence:
    """One thing to be done by a due date: a task, or one period of a periodic task.

    Attributes:
        task: the task.
        period: the period of a continuous or recurring task's occurrence; None for a task
            done once.
        start: the first day of its window, if known.
        nominal: the calendar day it is due by, if it has one.
        due: that day on the working calendar.
    """

    task: Task
    period: ReportingPeriod | None
    start: date | None
    nominal: date | None
    due: date | None

    @property
    def key(self) -> str:
        """The task id, with the period for a periodic occurrence ("3 (Quý I năm 2023)")."""
        return self.task.id if self.period is None else f"{self.task.id} ({self.period})"


@attrs.frozen
class TaskJudgement:
    """One occurrence as of a day.

    Attributes:
        occurrence: what was judged.
        status: its status as of the day.
        outcome: done early / on time / late, open, overdue, cancelled or unknown.
        completed_on: the completion day, for a done task.
        working_days: working days from the due date to completion (negative: early), or to
            the as-of day for an overdue task; None when there is nothing to compare.
        document: the product or the adjusting decision, if recorded.
        product: the product in words, if recorded.
        note: where the status comes from.
    """

    occurrence: Occurrence
    status: TaskStatus
    outcome: Outcome
    completed_on: date | None = None
    working_days: int | None = None
    document: DocumentRef | None = None
    product: str = ""
    note: str = ""

    @property
    def task(self) -> Task:
        """The task judged."""
        return self.occurrence.task


def _ratio(items: Iterable[TaskJudgement], on_time: bool = False) -> Ratio:
    counted = [j for j in items if j.outcome is not Outcome.CANCELLED]
    if on_time:
        hits = [j for j in counted if j.outcome in (Outcome.DONE_EARLY, Outcome.DONE_ON_TIME)]
    else:
        hits = [j for j in counted if j.outcome.is_done]
    return Ratio(len(hits), len(counted))


@attrs.frozen
class PlanMeasures:
    """The task measures of a plan as of a day, over a period or over everything due.

    Attributes:
        plan: the plan.
        as_of: the day the tasks are judged on.
        period: the period whose tasks are counted; None for every task due by ``as_of``.
        judgements: the occurrences counted, in plan order.
        everything: every occurrence of the plan as of ``as_of`` (for :attr:`progress`).
    """

    plan: Plan
    as_of: date
    period: ReportingPeriod | None
    judgements: tuple[TaskJudgement, ...]
    everything: tuple[TaskJudgement, ...]

    @property
    def completion(self) -> Ratio:
        """Tasks done / tasks counted (cancelled ones left out)."""
        return _ratio(self.judgements)

    @property
    def on_time(self) -> Ratio:
        """Tasks done early or on time / tasks counted; never above :attr:`completion`."""
        return _ratio(self.judgements, on_time=True)

    @property
    def assigned_completion(self) -> Ratio:
        """Tasks assigned by the level above: done / counted."""
        return _ratio(j for j in self.judgements if j.task.assigned)

    @property
    def assigned_on_time(self) -> Ratio:
        """Tasks assigned by the level above: done early or on time / counted."""
        return _ratio((j for j in self.judgements if j.task.assigned), on_time=True)

    @property
    def own_completion(self) -> Ratio:
        """The unit's own tasks: done / counted."""
        return _ratio(j for j in self.judgements if not j.task.assigned)

    @property
    def own_on_time(self) -> Ratio:
        """The unit's own tasks: done early or on time / counted."""
        return _ratio((j for j in self.judgements if not j.task.assigned), on_time=True)

    @property
    def progress(self) -> Ratio:
        """Every task of the plan, due or not: done / all (tiến độ so với kế hoạch năm)."""
        return _ratio(self.everything)

    @property
    def by_area(self) -> tuple[tuple[ReformArea | None, Ratio], ...]:
        """Completion per reform area (None: tasks without an area), in area order."""
        areas: list[ReformArea | None] = list(ReformArea)
        areas.append(None)
        out: list[tuple[ReformArea | None, Ratio]] = []
        for a in areas:
            items = [j for j in self.judgements if j.task.area is a]
            if items:
                out.append((a, _ratio(items)))
        return tuple(out)

    @property
    def overdue(self) -> tuple[TaskJudgement, ...]:
        """The tasks past their due date and not done, as inspectors ask for them."""
        return tuple(j for j in self.judgements if j.outcome is Outcome.OVERDUE)

    @property
    def unknown(self) -> tuple[TaskJudgement, ...]:
        """The counted tasks whose status is not known."""
        return tuple(j for j in self.judgements if j.outcome is Outcome.UNKNOWN)

    @property
    def unplaced(self) -> tuple[TaskJudgement, ...]:
        """The tasks with no completion time (the source says it does not know it), not
        cancelled: no period or day can say whether they were due."""
        return tuple(
            j
            for j in self.everything
            if j.occurrence.nominal is None and j.outcome is not Outcome.CANCELLED
        )

    def complete_for(self, *, assigned: bool | None = None) -> bool:
        """Whether the counts of the tasks assigned by the level above (True), of the unit's
        own (False) or of all (None) are complete: every counted task has a known status
        and every task has a completion time."""
        return not any(
            assigned is None or j.task.assigned is assigned for j in self.unknown + self.unplaced
        )

    @property
    def complete(self) -> bool:
        """Whether every count is complete (:meth:`complete_for` all tasks)."""
        return self.complete_for(assigned=None)


def _occurrences(
    task: Task,
    calendar: WorkCalendar,
    policy: DeadlinePolicy,
    period: ReportingPeriod | None,
) -> list[Occurrence]:
    t = task.time
    if t is None:
        return [Occurrence(task, None, None, None, None)]

    def occ(p: ReportingPeriod | None, start: date, nominal: date) -> Occurrence:
        return Occurrence(task, p, start, nominal, due_date(nominal, calendar, policy))

    if t.kind is DeadlineKind.RECURRING:
        return [occ(p, s, e) for p, s, e in t.occurrences()]
    if t.kind is DeadlineKind.CONTINUOUS:
        if period is not None:
            s, e = calendar_span(period)
            if t.start <= e and s <= t.end:
                return [occ(period, max(s, t.start), min(e, t.end))]
            return []
        years = range(t.start.year, t.end.year + 1)
        return [
            occ(ReportingPeriod.annual(y), max(t.start, date(y, 1, 1)), min(t.end, date(y, 12, 31)))
            for y in years
        ]
    return [occ(None, t.start, nominal_due(t, policy))]


def _in_scope(o: Occurrence, period: ReportingPeriod | None, as_of: date) -> bool:
    if period is None:
        return o.due is not None and o.due <= as_of
    if o.task.time is not None and o.task.time.kind is DeadlineKind.CONTINUOUS:
        return o.period == period
    s, e = calendar_span(period)
    return o.nominal is not None and s <= o.nominal <= e


def _judge(
    o: Occurrence, updates: tuple[TaskUpdate, ...], as_of: date, cal: WorkCalendar
) -> TaskJudgement:
    task = o.task
    relevant = [u for u in updates if u.on <= as_of and (o.period is None or u.period == o.period)]
    status = task.status
    completed = task.completed_on if status is TaskStatus.DONE else None
    document: DocumentRef | None = None
    product = ""
    note = "bảng kế hoạch"
    if o.period is not None and status is not TaskStatus.UNKNOWN:
        # A periodic task's table status says nothing about one period's occurrence.
        status, completed = TaskStatus.NOT_STARTED, None
    if completed is not None and completed > as_of:
        status, completed = TaskStatus.IN_PROGRESS, None
    for u in relevant:
        if status in (TaskStatus.DONE, TaskStatus.CANCELLED):
            break
        status, document, product, note = u.status, u.document, u.product, u.note
        completed = u.on if u.status is TaskStatus.DONE else None
    if status is TaskStatus.CANCELLED:
        return TaskJudgement(o, status, Outcome.CANCELLED, None, None, document, product, note)
    if status is TaskStatus.DONE:
        assert completed is not None
        if o.due is None:
            return TaskJudgement(o, status, Outcome.DONE, completed, None, document, product, note)
        wd = cal.working_days_between(o.due, completed)
        if completed > o.due:
            outcome = Outcome.DONE_LATE
        elif wd < 0:
            outcome = Outcome.DONE_EARLY
        else:
            outcome = Outcome.DONE_ON_TIME
        return TaskJudgement(o, status, outcome, completed, wd, document, product, note)
    if status is TaskStatus.UNKNOWN:
        return TaskJudgement(o, status, Outcome.UNKNOWN, None, None, document, product, note)
    if o.due is not None and as_of > o.due:
        wd = cal.working_days_between(o.due, as_of)
        return TaskJudgement(o, status, Outcome.OVERDUE, None, wd, document, product, note)
    return TaskJudgement(o, status, Outcome.OPEN, None, None, document, product, note)


def judge_plan(
    plan: Plan,
    as_of: date,
    *,
    period: ReportingPeriod | None = None,
    calendar: WorkCalendar | None = None,
    policy: DeadlinePolicy = DeadlinePolicy(),
) -> PlanMeasures:
    """Judge every task of ``plan`` as of ``as_of`` and keep those a measure counts.

    Args:
        plan: the plan with its status history.
        as_of: the day to judge on (updates after it are ignored).
        period: count the tasks due in this period's calendar months (and the period's
            occurrence of continuous and recurring tasks); None counts every task due by
            ``as_of``.
        calendar: the working calendar; the default public-sector calendar if None.
        policy: how completion times become due dates.

    Raises:
        CalendarRangeError: when a due date falls outside the calendar's bounds.
    """
    cal = calendar if calendar is not None else default_calendar()
    counted: list[TaskJudgement] = []
    everything: list[TaskJudgement] = []
    for task in plan.tasks:
        updates = plan.updates_of(task.id)
        for o in _occurrences(task, cal, policy, period):
            j = _judge(o, updates, as_of, cal)
            everything.append(j)
            if _in_scope(o, period, as_of):
                counted.append(j)
    return PlanMeasures(plan, as_of, period, tuple(counted), tuple(everything))

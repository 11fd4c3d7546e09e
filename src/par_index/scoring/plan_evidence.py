"""Evidence from a plan's tasks: the task measures a framework reads, with the tasks behind
each value in its source.

:func:`plan_measurements` turns :class:`~par_index.service.plans.PlanMeasures` into
:class:`~par_index.scoring.evidence.Measurement`\\ s; :func:`with_plan` puts them into an
:class:`~par_index.scoring.evidence.Evidence`, replacing what a report's figures said (the
report's "hoàn thành 100%" gives way to the count of the tasks themselves). A count that is
incomplete (a task's status or completion time is not known) gives no measurement at all: the
criterion then shows missing evidence, never a guessed value.

The unit's own tasks and the tasks assigned by the level above are measured apart
(``tasks.plan_*`` and ``tasks.assigned_*``), as provincial frameworks score them apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from par_index.model.ratios import Ratio
from par_index.scoring.evidence import Evidence, Measurement
from par_index.service.plans import Outcome, PlanMeasures, TaskJudgement

__all__ = ["plan_measurements", "with_plan"]

_LISTED = 30  # ids listed in a source before "…": enough for a commune's plan


def _ids(items: Sequence[TaskJudgement]) -> str:
    keys = [j.occurrence.key for j in items]
    shown = ", ".join(keys[:_LISTED])
    return shown + (f", … ({len(keys) - _LISTED} nữa)" if len(keys) > _LISTED else "")


def _where(m: PlanMeasures) -> str:
    scope = f", {m.period.label('vi')}" if m.period is not None else ", các nhiệm vụ đến hạn"
    return f"kế hoạch {m.plan.ref}{scope}, tính đến {m.as_of:%d/%m/%Y}"


def _source(m: PlanMeasures, items: Sequence[TaskJudgement], r: Ratio, what: str) -> str:
    counted = [j for j in items if j.outcome is not Outcome.CANCELLED]
    if not counted:
        return f"{_where(m)}: không có {what} trong phạm vi tính (không áp dụng)"
    done = [j for j in counted if j.outcome.is_done]
    late = [j for j in counted if j.outcome is Outcome.DONE_LATE]
    open_ = [j for j in counted if not j.outcome.is_done]
    parts = [f"{_where(m)}: {r.numerator}/{r.denominator} {what}"]
    if done:
        parts.append(f"hoàn thành: {_ids(done)}")
    if late:
        parts.append(f"trong đó quá hạn: {_ids(late)}")
    if open_:
        parts.append(f"chưa hoàn thành: {_ids(open_)}")
    return "; ".join(parts)


def plan_measurements(m: PlanMeasures) -> tuple[Measurement, ...]:
    """The task measures of ``m`` whose counts are complete.

    * ``tasks.plan_completion_rate``, ``tasks.plan_on_time_rate``: the unit's own tasks;
    * ``tasks.assigned_completion_rate``, ``tasks.assigned_on_time_rate``: the tasks
      assigned by the level above;
    * ``tasks.overdue``: tasks past their due date and not done.

    A rate with nothing to count is not applicable. Each source names the plan, the scope,
    the as-of day and the tasks behind the value ("4/4 nhiệm vụ …; hoàn thành: I.1, I.2").
    """
    out: list[Measurement] = []
    groups = (
        (False, "plan", "nhiệm vụ của đơn vị", m.own_completion, m.own_on_time),
        (True, "assigned", "nhiệm vụ cấp trên giao", m.assigned_completion, m.assigned_on_time),
    )
    for assigned, stem, what, done, on_time in groups:
        if not m.complete_for(assigned=assigned):
            continue
        items = [j for j in m.judgements if j.task.assigned is assigned]
        out.append(
            Measurement(
                f"tasks.{stem}_completion_rate",
                done.rate,
                _source(m, items, done, f"{what} đã hoàn thành"),
            )
        )
        timely = [j for j in items if j.outcome in (Outcome.DONE_EARLY, Outcome.DONE_ON_TIME)]
        out.append(
            Measurement(
                f"tasks.{stem}_on_time_rate",
                on_time.rate,
                f"{_where(m)}: {on_time.numerator}/{on_time.denominator} {what} hoàn thành "
                f"đúng hạn, trước hạn" + (f" ({_ids(timely)})" if timely else ""),
            )
        )
    if m.complete:
        overdue = m.overdue
        out.append(
            Measurement(
                "tasks.overdue",
                len(overdue),
                f"{_where(m)}: {len(overdue)} nhiệm vụ quá hạn chưa hoàn thành"
                + (f" ({_ids(overdue)})" if overdue else ""),
            )
        )
    return tuple(out)


def with_plan(evidence: Evidence, m: PlanMeasures) -> Evidence:
    """``evidence`` with the task measures of ``m`` in place of what a report said.

    Raises:
        InvalidEvidence: never for measures built here (their kinds suit the registry).
    """
    return evidence.with_measures(plan_measurements(m))

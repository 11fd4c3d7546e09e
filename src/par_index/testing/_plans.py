"""Strategies for completion times, plans and their status histories (re-exported by
:mod:`par_index.testing.strategies`)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import ReportingPeriod
from par_index.model.tasks import Deadline, Plan, Task, TaskStatus, TaskUpdate
from par_index.testing._documents import document_refs

__all__ = ["deadlines", "plans_with_histories", "task_updates"]

_ROMAN = ("I", "II", "III", "IV")
_PRODUCTS = ("Kế hoạch", "Báo cáo", "Quyết định", "Biên bản kiểm tra")
_BODIES = ("Văn phòng HĐND và UBND", "Công chức Tư pháp - Hộ tịch", "Phòng Nội vụ", "Sở Nội vụ")


@st.composite
def _deadlines(draw: st.DrawFn, years: st.SearchStrategy[int]) -> Deadline:
    y = draw(years)
    m = draw(st.integers(1, 12))
    d = draw(st.integers(1, 28))
    phrase = draw(
        st.sampled_from(
            [
                f"Quý {_ROMAN[(m - 1) // 3]}/{y}",
                f"Tháng {m}/{y}",
                f"Trước {d}/{m}/{y}",
                f"Ngày {d:02d}/{m:02d}/{y}",
                str(y),
                f"Năm {y}",
                f"{y}-{y + 1}",
                f"6 tháng đầu năm {y}",
                f"6 tháng cuối năm {y}",
                "Thường xuyên",
                "Cả năm",
                "Hằng quý",
                "Hằng tháng",
                "Định kỳ 6 tháng",
            ]
        )
    )
    return Deadline.parse(phrase, year=y)


def deadlines(*, years: st.SearchStrategy[int] | None = None) -> st.SearchStrategy[Deadline]:
    """Completion times as plans write them ("Quý II/2023", "Trước 30/6/2023", "Thường
    xuyên", "Hằng quý", ...), read by :meth:`Deadline.parse`."""
    return _deadlines(years if years is not None else st.integers(2018, 2030))


def _periods_of(deadline: Deadline | None) -> list[ReportingPeriod | None]:
    if deadline is None or not deadline.is_periodic:
        return [None]
    if deadline.occurrences():
        return [p for p, _, _ in deadline.occurrences()]
    y = deadline.start.year
    return [
        ReportingPeriod.quarter(y, 1),
        ReportingPeriod.half_year(y),
        ReportingPeriod.annual(y),
    ]


@st.composite
def _task_updates(draw: st.DrawFn, task: Task, start: date) -> list[TaskUpdate]:
    """A history for one task (per period for a periodic task): steps forward in time, at
    most one final step (done or cancelled), never a change after it."""
    out: list[TaskUpdate] = []
    for period in _periods_of(task.deadline):
        if not draw(st.booleans()):
            continue
        day = start
        for _ in range(draw(st.integers(1, 3))):
            day = day + timedelta(days=draw(st.integers(0, 120)))
            status = draw(st.sampled_from(TaskStatus))
            if status is TaskStatus.UNKNOWN:
                continue
            document: DocumentRef | None = None
            product = ""
            if status is TaskStatus.CANCELLED:
                document = draw(document_refs())
            elif status is TaskStatus.DONE:
                product = draw(st.sampled_from(_PRODUCTS))
            out.append(TaskUpdate(task.id, day, status, document, product, period))
            if status in (TaskStatus.DONE, TaskStatus.CANCELLED):
                break
    return out


def task_updates(task: Task, *, start: date) -> st.SearchStrategy[list[TaskUpdate]]:
    """Status histories of ``task`` starting on ``start``: valid in a plan by construction."""
    return _task_updates(task, start)


@st.composite
def _plans_with_histories(
    draw: st.DrawFn, refs: st.SearchStrategy[DocumentRef], max_tasks: int
) -> Plan:
    year = draw(st.integers(2019, 2030))
    n = draw(st.integers(0, max_tasks))
    tasks: list[Task] = []
    for i in range(1, n + 1):
        assigned = draw(st.booleans())
        tasks.append(
            Task(
                id=str(i),
                title=f"Nhiệm vụ {i}",
                area=draw(st.none() | st.sampled_from(ReformArea)),
                assigned_by="UBND huyện" if assigned else "",
                status=draw(st.sampled_from([TaskStatus.NOT_STARTED, TaskStatus.UNKNOWN])),
                deadline=draw(st.none() | deadlines(years=st.just(year))),
                lead=draw(st.sampled_from(_BODIES)),
                product=draw(st.sampled_from(_PRODUCTS)),
            )
        )
    updates: list[TaskUpdate] = []
    for t in tasks:
        updates.extend(draw(task_updates(t, start=date(year, 1, 1))))
    return Plan(
        ref=draw(refs),
        year=year,
        issuer="UBND xã Ba Trang",
        tasks=tuple(tasks),
        updates=tuple(updates),
    )


def plans_with_histories(
    *, refs: st.SearchStrategy[DocumentRef] | None = None, max_tasks: int = 8
) -> st.SearchStrategy[Plan]:
    """Plans whose tasks carry completion times (every kind, periodic ones too), some
    assigned by the level above, some of unknown status, with a status history that moves
    forward in time and stops at done or cancelled."""
    return _plans_with_histories(refs if refs is not None else document_refs(), max_tasks)

"""Reform plans (kế hoạch CCHC) and their tasks (nhiệm vụ).

A unit's annual reform plan is issued by decision (e.g. Quyết định 252/QĐ-UBND ngày
25/12/2022 of UBND xã Ba Trang for 2023) and lists tasks, each with a reform area, the body
that assigned it, a due date and a status. Plan completion is the share of tasks done
(the "mức độ thực hiện kế hoạch CCHC" criterion, docs/sources.md, Cà Mau 1880/QĐ-UBND 1.1.4).
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidTask
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef

__all__ = ["Plan", "Task", "TaskStatus"]


class TaskStatus(enum.StrEnum):
    """Where a task stands."""

    NOT_STARTED = "not_started"  # chưa thực hiện
    IN_PROGRESS = "in_progress"  # đang thực hiện
    DONE = "done"  # đã hoàn thành
    CANCELLED = "cancelled"  # không thực hiện (điều chỉnh, hủy bỏ)

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return {
            TaskStatus.NOT_STARTED: "chưa thực hiện",
            TaskStatus.IN_PROGRESS: "đang thực hiện",
            TaskStatus.DONE: "đã hoàn thành",
            TaskStatus.CANCELLED: "không thực hiện",
        }[self]


@attrs.frozen
class Task:
    """One task of a plan.

    Attributes:
        id: an identifier unique within its plan ("1", "II.3", ...).
        title: what is to be done.
        area: the reform area it belongs to.
        assigned_by: the body that assigned it ("UBND huyện Ba Tơ").
        due: the due date, if the plan sets one.
        status: where it stands.
        completed_on: the completion date; set exactly when the status is done.

    Raises:
        InvalidTask: listing every rule broken.
    """

    id: str
    title: str
    area: ReformArea
    assigned_by: str
    status: TaskStatus = TaskStatus.NOT_STARTED
    due: date | None = None
    completed_on: date | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        for name in ("id", "title", "assigned_by"):
            value = getattr(self, name)
            if c.of_type(value, str, name, "a non-empty text"):
                c.check(
                    value.strip() == value and value != "",
                    name,
                    "blank-text",
                    "a non-empty text without surrounding spaces",
                    value,
                )
        c.of_type(self.area, ReformArea, "area", "a ReformArea")
        status_ok = c.of_type(self.status, TaskStatus, "status", "a TaskStatus")
        for name in ("due", "completed_on"):
            value = getattr(self, name)
            if value is not None:
                c.check(
                    isinstance(value, date) and type(value) is date,
                    name,
                    "wrong-type",
                    "a date (not a datetime) or None",
                    value,
                )
        if status_ok:
            if self.status is TaskStatus.DONE:
                c.check(
                    self.completed_on is not None,
                    "completed_on",
                    "done-without-date",
                    "a completion date for a task that is done",
                    None,
                )
            else:
                c.check(
                    self.completed_on is None,
                    "completed_on",
                    "date-without-done",
                    f"no completion date while the task is {self.status.value}",
                    self.completed_on,
                )
        c.raise_if_any(InvalidTask)

    def is_late(self, as_of: date) -> bool:
        """Whether the task missed its due date as seen on ``as_of``.

        A done task is late when it was completed after its due date; an open task is late
        once ``as_of`` is past its due date. Tasks without a due date and cancelled tasks are
        never late.
        """
        if self.due is None or self.status is TaskStatus.CANCELLED:
            return False
        if self.completed_on is not None:
            return self.completed_on > self.due
        return as_of > self.due


@attrs.frozen
class Plan:
    """A reform plan: the issuing document and its tasks.

    Attributes:
        ref: the document that issued the plan (``252/QĐ-UBND ngày 25/12/2022``).
        year: the year the plan covers.
        issuer: the issuing body ("UBND xã Ba Trang").
        tasks: the tasks, ids unique.
        title: the plan's title, if known.

    Raises:
        InvalidTask: listing every rule broken (duplicate ids, wrong types).
    """

    ref: DocumentRef
    year: int
    issuer: str
    tasks: tuple[Task, ...] = ()
    title: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.ref, DocumentRef, "ref", "a DocumentRef")
        if c.of_type(self.year, int, "year", "a year"):
            c.check(1945 <= self.year <= 2100, "year", "year-range", "a year 1945-2100", self.year)
        if c.of_type(self.issuer, str, "issuer", "a non-empty issuer"):
            c.check(bool(self.issuer.strip()), "issuer", "blank-text", "a non-empty issuer", "")
        c.of_type(self.title, str, "title", "a text")
        if c.of_type(self.tasks, tuple, "tasks", "a tuple of Task"):
            seen: set[str] = set()
            for i, t in enumerate(self.tasks):
                if c.of_type(t, Task, f"tasks[{i}]", "a Task"):
                    c.check(t.id not in seen, f"tasks[{i}].id", "duplicate-id", "a unique id", t.id)
                    seen.add(t.id)
        c.raise_if_any(InvalidTask)

    def task(self, task_id: str) -> Task:
        """The task with this id.

        Raises:
            KeyError: when no task has it.
        """
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

"""Plans and tasks."""

from __future__ import annotations

from datetime import date

import pytest

from par_index.exceptions import InvalidTask
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.tasks import Plan, Task, TaskStatus

REF = DocumentRef.parse("Quyết định 252/QĐ-UBND ngày 25/12/2022")


def task(**kw: object) -> Task:
    base: dict[str, object] = {
        "id": "1",
        "title": "Ban hành kế hoạch tuyên truyền CCHC năm 2023",
        "area": ReformArea.DIRECTION,
        "assigned_by": "UBND huyện Ba Tơ",
    }
    base.update(kw)
    return Task(**base)  # type: ignore[arg-type]


def test_done_needs_a_date_and_only_done_has_one() -> None:
    with pytest.raises(InvalidTask) as info:
        task(status=TaskStatus.DONE)
    assert info.value.code == "done-without-date"
    with pytest.raises(InvalidTask) as info:
        task(status=TaskStatus.IN_PROGRESS, completed_on=date(2023, 3, 1))
    assert info.value.code == "date-without-done"


def test_lateness() -> None:
    due = date(2023, 3, 31)
    assert task(status=TaskStatus.DONE, due=due, completed_on=date(2023, 4, 3)).is_late(due)
    assert not task(status=TaskStatus.DONE, due=due, completed_on=due).is_late(date(2023, 6, 14))
    assert task(due=due).is_late(date(2023, 4, 1))
    assert not task(due=due).is_late(due)
    assert not task(status=TaskStatus.CANCELLED, due=due).is_late(date(2024, 1, 1))
    assert not task().is_late(date(2030, 1, 1))


def test_datetime_is_not_a_date() -> None:
    from datetime import datetime

    with pytest.raises(InvalidTask) as info:
        task(due=datetime(2023, 3, 31, 8))
    assert info.value.field == "due"


def test_plan_ids_are_unique() -> None:
    plan = Plan(REF, 2023, "UBND xã Ba Trang", (task(id="1"), task(id="2")))
    assert plan.task("2").id == "2"
    with pytest.raises(KeyError):
        plan.task("3")
    with pytest.raises(InvalidTask) as info:
        Plan(REF, 2023, "UBND xã Ba Trang", (task(id="1"), task(id="1")))
    assert info.value.field == "tasks[1].id"


def test_plan_problems_together() -> None:
    with pytest.raises(InvalidTask) as info:
        Plan("252/QĐ-UBND", 1900, " ", [task()])  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"ref", "year", "issuer", "tasks"}

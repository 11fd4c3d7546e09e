"""Ba Trang's 2023 reform plan as far as its six-month report states it, and its evidence.

The report (``ba-trang-2023-h1.md``) cites the commune's plan (Quyết định 252/QĐ-UBND ngày
25/12/2022) and the 11 tasks UBND huyện Ba Tơ assigned (Quyết định 4559/QĐ-UBND ngày
22/12/2022), without reproducing either table. The bundled plan table
(``ba-trang-2023-plan.md``) lists the reform activities the report states for the first half
of 2023 as the unit's own tasks, and the 11 assigned tasks with content, time and status
"Không rõ"; its status history (``ba-trang-2023-plan.updates.csv``) quotes the report's
sentence, with its line, for every update. A task the report says is done without its day
carries the report's day, 05/06/2023: it was done by then.

Scored from tasks, the completion criteria of the illustrative commune framework give what
the report's figures give: 12/12 own tasks of the first half done (the report: "hoàn thành
100% khối lượng công việc") → 1.1.2 full points; the assigned tasks' statuses are not stated
one by one → 1.1.3 missing evidence, as with the report alone.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Final

from par_index.examples.ba_trang import example_path
from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.plan_table import (
    plan_from_rows,
    rows_from_csv,
    rows_from_markdown,
    updates_from_rows,
)
from par_index.model.periods import ReportingPeriod
from par_index.model.tasks import Plan
from par_index.scoring.evidence import Evidence
from par_index.scoring.plan_evidence import with_plan
from par_index.service.plans import PlanMeasures, judge_plan

__all__ = [
    "BA_TRANG_REPORT_DATE",
    "ba_trang_plan",
    "ba_trang_plan_evidence",
    "ba_trang_plan_measures",
]

#: The date of the six-month report ("Ba Trang, ngày 05 tháng 6 năm 2023").
BA_TRANG_REPORT_DATE: Final = date(2023, 6, 5)


def _read(name: str) -> str:
    return example_path(name).read_text(encoding="utf-8")


@cache
def ba_trang_plan() -> Plan:
    """The plan with its status history (as the six-month report states them)."""
    rows, lines = rows_from_markdown(_read("ba-trang-2023-plan.md"))
    table = plan_from_rows(
        rows,
        lines,
        source="ba-trang-2023-plan.md",
        issuer="UBND xã Ba Trang",
        assigned_by="UBND huyện Ba Tơ",
    )
    updates = updates_from_rows(
        rows_from_csv(_read("ba-trang-2023-plan.updates.csv")),
        table.plan,
        source="ba-trang-2023-plan.updates.csv",
    )
    return table.plan.with_updates(*updates)


def ba_trang_plan_measures() -> PlanMeasures:
    """The plan's tasks of the first half of 2023, judged on the report's day."""
    return judge_plan(ba_trang_plan(), BA_TRANG_REPORT_DATE, period=ReportingPeriod.half_year(2023))


def ba_trang_plan_evidence() -> Evidence:
    """:func:`~par_index.examples.evidence.ba_trang_evidence` with the task measures of the
    plan in place of the report's completion figures."""
    return with_plan(ba_trang_evidence(), ba_trang_plan_measures())

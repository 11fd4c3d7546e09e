"""Plans and their tasks: completion times, plan tables, status histories and task measures.

The real tables are in tests/data/plans (sources in SOURCES.md), each with expectations
computed by hand. Due dates follow Bộ luật Dân sự 2015 Điều 146 (the last day of the window a
time names) and Điều 148 khoản 5 (a last day that is a rest day moves to the next working
day).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from par_index.exceptions import InvalidTask, LoadError
from par_index.formats.plan_table import (
    plan_from_rows,
    problem_text,
    read_plan_table,
    read_task_updates,
    rows_from_markdown,
)
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import PeriodKind, ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE
from par_index.model.tasks import (
    Deadline,
    DeadlineKind,
    Plan,
    Task,
    TaskStatus,
    TaskUpdate,
    deadline_problem,
)
from par_index.service.plans import (
    DeadlinePolicy,
    Outcome,
    calendar_span,
    due_date,
    judge_plan,
    nominal_due,
)

DATA = Path(__file__).parent / "data" / "plans"
NQ12 = DATA / "nq-12-nq-cp-2023-phu-luc.txt"
EXPECTED = json.loads((DATA / "nq-12-nq-cp-2023-phu-luc.expected.json").read_text("utf-8"))
REF = DocumentRef.parse("Quyết định 252/QĐ-UBND ngày 25/12/2022")


def nq12() -> Plan:
    return read_plan_table(NQ12, issuer="Chính phủ").plan


# --------------------------------------------------------------------------- completion times


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "before"),
    [
        # Điều 146 khoản 2 điểm c: cuối tháng là ngày cuối cùng của tháng.
        ("Tháng 6/2023", DeadlineKind.MONTH, date(2023, 6, 1), date(2023, 6, 30), False),
        ("tháng 02 năm 2024", DeadlineKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), False),
        ("Quý II/2023", DeadlineKind.QUARTER, date(2023, 4, 1), date(2023, 6, 30), False),
        ("Quý 4 năm 2023", DeadlineKind.QUARTER, date(2023, 10, 1), date(2023, 12, 31), False),
        ("Trước 30/6/2023", DeadlineKind.DATE, date(2023, 6, 30), date(2023, 6, 30), True),
        (
            "trước ngày 15 tháng 12 năm 2023",
            DeadlineKind.DATE,
            date(2023, 12, 15),
            date(2023, 12, 15),
            True,
        ),
        (
            "Chậm nhất ngày 20/6/2023",
            DeadlineKind.DATE,
            date(2023, 6, 20),
            date(2023, 6, 20),
            False,
        ),
        # Điều 146 khoản 3: giữa năm = ngày cuối cùng của tháng sáu; cuối năm = của tháng 12.
        ("Giữa năm 2023", DeadlineKind.DATE, date(2023, 6, 30), date(2023, 6, 30), False),
        ("Cuối năm 2023", DeadlineKind.DATE, date(2023, 12, 31), date(2023, 12, 31), False),
        (
            "6 tháng đầu năm 2023",
            DeadlineKind.HALF_YEAR,
            date(2023, 1, 1),
            date(2023, 6, 30),
            False,
        ),
        (
            "6 tháng cuối năm 2023",
            DeadlineKind.HALF_YEAR,
            date(2023, 7, 1),
            date(2023, 12, 31),
            False,
        ),
        (
            "9 tháng đầu năm 2023",
            DeadlineKind.NINE_MONTHS,
            date(2023, 1, 1),
            date(2023, 9, 30),
            False,
        ),
        ("Năm 2023", DeadlineKind.YEAR, date(2023, 1, 1), date(2023, 12, 31), False),
        ("Trong năm 2023", DeadlineKind.YEAR, date(2023, 1, 1), date(2023, 12, 31), False),
        ("2022 – 2030", DeadlineKind.RANGE, date(2022, 1, 1), date(2030, 12, 31), False),
        ("Tháng 3-4/2023", DeadlineKind.RANGE, date(2023, 3, 1), date(2023, 4, 30), False),
        ("Quý I - II/2023", DeadlineKind.RANGE, date(2023, 1, 1), date(2023, 6, 30), False),
        ("Thường xuyên", DeadlineKind.CONTINUOUS, date(2023, 1, 1), date(2023, 12, 31), False),
        ("Cả năm", DeadlineKind.CONTINUOUS, date(2023, 1, 1), date(2023, 12, 31), False),
        ("Quý II", DeadlineKind.QUARTER, date(2023, 4, 1), date(2023, 6, 30), False),
    ],
)
def test_completion_times_as_written(
    text: str, kind: DeadlineKind, start: date, end: date, before: bool
) -> None:
    d = Deadline.parse(text, year=2023)
    assert (d.kind, d.start, d.end, d.before) == (kind, start, end, before)
    assert d.text == text


def test_recurring_times_have_one_occurrence_per_period() -> None:
    q = Deadline.parse("Định kỳ hằng quý", year=2023)
    assert (q.kind, q.every) == (DeadlineKind.RECURRING, PeriodKind.QUARTER)
    assert [(str(p), e) for p, _, e in q.occurrences()] == [
        ("Quý I năm 2023", date(2023, 3, 31)),
        ("Quý II năm 2023", date(2023, 6, 30)),
        ("Quý III năm 2023", date(2023, 9, 30)),
        ("Quý IV năm 2023", date(2023, 12, 31)),
    ]
    # The six-month and annual reports of NĐ 09/2019/NĐ-CP Điều 12.
    h = Deadline.parse("Định kỳ 6 tháng", year=2023)
    assert [e for _, _, e in h.occurrences()] == [date(2023, 6, 30), date(2023, 12, 31)]
    assert len(Deadline.parse("Hằng tháng", year=2023).occurrences()) == 12
    assert Deadline.parse("Hàng năm", year=2023).occurrences()[0][2] == date(2023, 12, 31)
    assert Deadline.parse("2023").occurrences() == ()


@pytest.mark.parametrize(
    ("text", "year", "code"),
    [
        ("Quý II", None, "deadline-year-missing"),
        ("Thường xuyên", None, "deadline-year-missing"),
        ("Hằng quý", None, "deadline-year-missing"),
        ("sớm nhất có thể", 2023, "deadline-unreadable"),
        ("31/2/2023", None, "deadline-out-of-range"),
        ("Quý V/2023", None, "deadline-unreadable"),
        ("", 2023, "deadline-unreadable"),
    ],
)
def test_unreadable_times_are_problems(text: str, year: int | None, code: str) -> None:
    with pytest.raises(InvalidTask) as info:
        Deadline.parse(text, year=year)
    assert info.value.code == code
    problem = deadline_problem(text, year=year)
    assert problem is not None
    assert problem.code == code
    assert deadline_problem("Quý II/2023") is None


def test_a_deadline_window_never_ends_before_it_starts() -> None:
    with pytest.raises(InvalidTask) as info:
        Deadline("x", DeadlineKind.DATE, date(2023, 2, 1), date(2023, 1, 1))
    assert info.value.code == "end-before-start"
    with pytest.raises(InvalidTask) as info:
        Deadline(
            "x", DeadlineKind.YEAR, date(2023, 1, 1), date(2023, 12, 31), every=PeriodKind.MONTH
        )
    assert info.value.code == "every-mismatch"


def test_due_dates_on_the_working_calendar() -> None:
    # 31/12/2023 is a Sunday and 01/01/2024 Tết Dương lịch: due at the end of 02/01/2024.
    assert due_date(date(2023, 12, 31)) == date(2024, 1, 2)
    # 31/12/2022 Saturday, 01/01/2023 Sunday, 02/01/2023 the day off in lieu (BLLĐ 2019
    # Điều 112 khoản 3): due 03/01/2023.
    assert due_date(date(2022, 12, 31)) == date(2023, 1, 3)
    assert due_date(date(2023, 6, 30)) == date(2023, 6, 30)  # a Friday
    assert due_date(date(2023, 12, 31), policy=DeadlinePolicy(roll_forward=False)) == date(
        2023, 12, 31
    )
    before = Deadline.parse("Trước 30/6/2023")
    assert nominal_due(before) == date(2023, 6, 30)
    assert nominal_due(before, DeadlinePolicy(before_inclusive=False)) == date(2023, 6, 29)
    month = Deadline.parse("Trước tháng 6/2023")
    assert nominal_due(month, DeadlinePolicy(before_inclusive=False)) == date(2023, 5, 31)
    assert calendar_span(ReportingPeriod.quarter(2023, 2)) == (date(2023, 4, 1), date(2023, 6, 30))
    assert calendar_span(ReportingPeriod.half_year(2023)) == (date(2023, 1, 1), date(2023, 6, 30))
    assert calendar_span(ReportingPeriod.month(2024, 2)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert calendar_span(ReportingPeriod.annual(2023))[1] == date(2023, 12, 31)


# --------------------------------------------------------------------------- the real table


def test_nq12_table_read_as_published() -> None:
    table = read_plan_table(NQ12, issuer="Chính phủ")
    plan = table.plan
    assert table.complete
    assert str(plan.ref) == EXPECTED["ref"]
    assert plan.year == EXPECTED["year"]
    assert plan.title.startswith("PHỤ LỤC — NHIỆM VỤ, DỰ ÁN CỤ THỂ")
    assert table.rows == 19
    assert dict(table.columns)["Cấp trình"] == "ignored"
    assert [t.id for t in plan.tasks] == [t["id"] for t in EXPECTED["tasks"]]
    for task, want in zip(plan.tasks, EXPECTED["tasks"], strict=True):
        d = task.deadline
        assert d is not None
        assert (d.text, d.kind.value) == (want["time"], want["kind"])
        assert (d.start.isoformat(), nominal_due(d).isoformat()) == (want["start"], want["nominal"])
        assert due_date(nominal_due(d)).isoformat() == want["due"], task.id
    assert Counter(t.group for t in plan.tasks) == EXPECTED["groups"]
    assert (
        Counter(str(nominal_due(t.deadline).year) for t in plan.tasks if t.deadline)
        == (EXPECTED["by_year_of_nominal_end"])
    )
    assert Counter(t.lead for t in plan.tasks) == EXPECTED["by_lead"]
    assert Counter(t.product for t in plan.tasks) == EXPECTED["by_product"]
    assert plan.own_tasks == plan.tasks  # a government programme: nothing assigned from above


def test_nq12_measures_as_of_a_day_and_per_period() -> None:
    plan = nq12()
    m = judge_plan(plan, date(2023, 6, 30))
    want = EXPECTED["as_of_2023_06_30"]
    assert [j.task.id for j in m.judgements] == want["due"]
    # The table reports no progress: as issued, nothing is done.
    assert (m.completion.numerator, m.completion.denominator) == (want["done"], len(want["due"]))
    assert [j.task.id for j in m.overdue] == want["overdue"]
    assert m.judgements[2].outcome is Outcome.OPEN  # III.1, due that very day
    assert m.complete
    assert m.progress.denominator == 19
    year = judge_plan(plan, date(2024, 1, 31), period=ReportingPeriod.annual(2023))
    assert [j.task.id for j in year.judgements] == EXPECTED["period_year_2023"]
    half = judge_plan(plan, date(2023, 6, 30), period=ReportingPeriod.half_year(2023))
    assert [j.task.id for j in half.judgements] == EXPECTED["period_half_year_2023"]


# --------------------------------------------------------------------------- judgements


def _plan(*tasks: Task, updates: tuple[TaskUpdate, ...] = ()) -> Plan:
    return Plan(REF, 2023, "UBND xã Ba Trang", tasks, updates=updates)


def test_early_on_time_and_late_by_working_days() -> None:
    t = Task("1", "Ban hành kế hoạch", deadline=Deadline.parse("Năm 2023"))  # due 02/01/2024
    done = {
        date(2023, 12, 29): (Outcome.DONE_EARLY, -1),  # Friday: one working day to spare
        date(2023, 12, 31): (Outcome.DONE_EARLY, -1),  # Sunday: 02/01 still ahead
        date(2024, 1, 2): (Outcome.DONE_ON_TIME, 0),
        date(2024, 1, 3): (Outcome.DONE_LATE, 1),
    }
    for on, (outcome, days) in done.items():
        plan = _plan(t, updates=(TaskUpdate("1", on, TaskStatus.DONE, product="Kế hoạch"),))
        j = judge_plan(plan, date(2024, 2, 1)).judgements[0]
        assert (j.outcome, j.working_days, j.completed_on) == (outcome, days, on)
    # Not done: overdue once the due date has passed, by working days.
    j = judge_plan(_plan(t), date(2024, 1, 5)).judgements[0]
    assert (j.outcome, j.working_days) == (Outcome.OVERDUE, 3)
    assert judge_plan(_plan(t), date(2024, 1, 2)).judgements[0].outcome is Outcome.OPEN


def test_history_as_of_a_day_and_cancellation() -> None:
    a = Task("1", "A", deadline=Deadline.parse("Quý I/2023"))
    b = Task("2", "B", deadline=Deadline.parse("Quý I/2023"))
    decision = DocumentRef.parse("Quyết định 90/QĐ-UBND ngày 20/02/2023")
    updates = (
        TaskUpdate("1", date(2023, 2, 1), TaskStatus.IN_PROGRESS),
        TaskUpdate("1", date(2023, 4, 10), TaskStatus.DONE, product="Báo cáo"),
        TaskUpdate("2", date(2023, 2, 20), TaskStatus.CANCELLED, document=decision),
    )
    plan = _plan(a, b, updates=updates)
    m = judge_plan(plan, date(2023, 3, 31))
    assert [j.outcome for j in m.judgements] == [Outcome.OPEN, Outcome.CANCELLED]
    assert (m.completion.numerator, m.completion.denominator) == (0, 1)
    later = judge_plan(plan, date(2023, 4, 30))
    assert later.judgements[0].outcome is Outcome.DONE_LATE
    assert later.completion.rate == 1
    assert later.on_time.rate == 0
    assert judge_plan(plan, date(2023, 1, 15)).everything[1].outcome is Outcome.OPEN


def test_history_rules() -> None:
    t = Task("1", "A", deadline=Deadline.parse("Quý I/2023"))
    with pytest.raises(InvalidTask) as info:
        TaskUpdate("1", date(2023, 1, 1), TaskStatus.DONE)
    assert info.value.code == "done-without-product"
    with pytest.raises(InvalidTask) as info:
        TaskUpdate("1", date(2023, 1, 1), TaskStatus.CANCELLED)
    assert info.value.code == "cancelled-without-decision"
    with pytest.raises(InvalidTask) as info:
        TaskUpdate("1", date(2023, 1, 1), TaskStatus.UNKNOWN)
    assert info.value.code == "unknown-update"
    done = TaskUpdate("1", date(2023, 2, 1), TaskStatus.DONE, product="Báo cáo")
    with pytest.raises(InvalidTask) as info:
        _plan(t, updates=(done, TaskUpdate("1", date(2023, 3, 1), TaskStatus.IN_PROGRESS)))
    assert info.value.code == "update-after-final"
    with pytest.raises(InvalidTask) as info:
        _plan(t, updates=(done, TaskUpdate("1", date(2023, 1, 1), TaskStatus.IN_PROGRESS)))
    assert info.value.code == "update-order"
    with pytest.raises(InvalidTask) as info:
        _plan(t, updates=(TaskUpdate("9", date(2023, 1, 1), TaskStatus.IN_PROGRESS),))
    assert info.value.code == "unknown-task"


def test_periodic_tasks_are_judged_per_period() -> None:
    report = Task("1", "Báo cáo CCHC", deadline=Deadline.parse("Hằng quý", year=2023))
    check = Task("2", "Kiểm tra kỷ cương", deadline=Deadline.parse("Thường xuyên", year=2023))
    q1, q2 = ReportingPeriod.quarter(2023, 1), ReportingPeriod.quarter(2023, 2)
    updates = (
        TaskUpdate("1", date(2023, 3, 10), TaskStatus.DONE, product="Báo cáo", period=q1),
        TaskUpdate("2", date(2023, 3, 20), TaskStatus.DONE, product="Kiểm tra", period=q1),
    )
    plan = _plan(report, check, updates=updates)
    m1 = judge_plan(plan, date(2023, 3, 31), period=q1)
    assert [j.occurrence.key for j in m1.judgements] == ["1 (Quý I năm 2023)", "2 (Quý I năm 2023)"]
    assert m1.completion.rate == 1
    m2 = judge_plan(plan, date(2023, 7, 5), period=q2)  # nothing said for quý II
    assert [j.outcome for j in m2.judgements] == [Outcome.OVERDUE, Outcome.OVERDUE]
    assert m2.completion.rate == 0
    # As of a day with no period: each quarter due by then, the year of the continuous task.
    m = judge_plan(plan, date(2023, 7, 5))
    assert [j.occurrence.key for j in m.judgements] == ["1 (Quý I năm 2023)", "1 (Quý II năm 2023)"]


def test_unknown_status_or_time_makes_a_count_incomplete() -> None:
    own = Task("1", "A", deadline=Deadline.parse("Quý I/2023"), status=TaskStatus.UNKNOWN)
    assigned = Task("2", "B", assigned_by="UBND huyện Ba Tơ")  # no time
    m = judge_plan(_plan(own, assigned), date(2023, 4, 30))
    assert [j.outcome for j in m.unknown] == [Outcome.UNKNOWN]
    assert [j.task.id for j in m.unplaced] == ["2"]
    assert not m.complete_for(assigned=False)
    assert not m.complete_for(assigned=True)
    assert not m.complete
    assert m.completion.numerator == 0  # never counted as done


def test_per_area_and_assigned_apart() -> None:
    a = Task("1", "A", ReformArea.PROCEDURES, deadline=Deadline.parse("Quý I/2023"))
    b = Task("2", "B", ReformArea.PROCEDURES, "UBND huyện", deadline=Deadline.parse("Quý I/2023"))
    c = Task("3", "C", deadline=Deadline.parse("Quý I/2023"))
    plan = _plan(
        a, b, c, updates=(TaskUpdate("2", date(2023, 3, 1), TaskStatus.DONE, product="x"),)
    )
    m = judge_plan(plan, date(2023, 4, 30))
    assert [(area, str(r)) for area, r in m.by_area] == [
        (ReformArea.PROCEDURES, "1/2 (50.00%)"),
        (None, "0/1 (0.00%)"),
    ]
    assert str(m.assigned_completion) == "1/1 (100.00%)"
    assert str(m.own_completion) == "0/2 (0.00%)"
    assert plan.assigned_tasks == (b,)
    empty = judge_plan(_plan(), date(2023, 4, 30))
    assert empty.completion.rate is NOT_APPLICABLE


# --------------------------------------------------------------------------- other formats


def _nq12_rows() -> list[list[str]]:
    rows, _ = rows_from_markdown(NQ12.read_text("utf-8"))
    return [[c.text for c in r] for r in rows]


CAPTION = "(Kèm theo Nghị quyết 12/NQ-CP ngày 07 tháng 02 năm 2023 của Chính phủ)"


def test_same_plan_from_csv_xlsx_and_docx(tmp_path: Path) -> None:
    import csv

    import docx
    import openpyxl

    rows = _nq12_rows()
    want = nq12()
    path = tmp_path / "phu-luc.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow([CAPTION])
        w.writerows(rows)
    assert read_plan_table(path, issuer="Chính phủ").plan.tasks == want.tasks
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Phụ lục"
    ws.append([CAPTION])
    for r in rows:
        ws.append(r)
    ws["E6"] = date(2023, 6, 30)  # I.3 typed as a date: read as 30/06/2023
    xlsx = tmp_path / "phu-luc.xlsx"
    wb.save(xlsx)
    table = read_plan_table(xlsx, issuer="Chính phủ")
    assert table.plan.tasks[2].deadline is not None
    assert table.plan.tasks[2].deadline.text == "30/06/2023"
    assert table.plan.tasks[3:] == want.tasks[3:]
    document = docx.Document()
    document.add_paragraph(CAPTION)
    t = document.add_table(rows=len(rows), cols=7)
    for i, r in enumerate(rows):
        for k, text in enumerate(r):
            t.cell(i, k).text = text
    out = tmp_path / "phu-luc.docx"
    document.save(str(out))
    assert read_plan_table(out, issuer="Chính phủ").plan.tasks == want.tasks


def test_every_problem_with_its_place(tmp_path: Path) -> None:
    text = (
        "Kế hoạch CCHC năm 2023 (Kèm theo Quyết định số 252/QĐ-UBND ngày 25/12/2022)\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành | Sản phẩm |\n"
        "|---|---|---|---|---|\n"
        "| I | Cải cách thủ tục hành chính | | | |\n"
        "| 1 | Rà soát TTHC | Văn phòng | Quý V/2023 | Báo cáo |\n"
        "| 2 | | Văn phòng | Quý I/2023 | Báo cáo |\n"
        "| 3 | Niêm yết TTHC | Văn phòng | | Bảng niêm yết |\n"
        "| 3 | Cập nhật TTHC | Văn phòng | Thường xuyên | Danh mục |\n"
        "| 4 | Số hóa hồ sơ | Văn phòng | Không rõ | Hồ sơ số hóa |\n"
    )
    path = tmp_path / "ke-hoach.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_plan_table(path)
    got = [(p.path, p.code) for p in info.value.problems]
    assert got == [
        ("dòng 5, cột 4", "deadline-unreadable"),
        ("dòng 6, cột 2", "title-missing"),
        ("dòng 7, cột 4", "deadline-missing"),
        ("dòng 8, cột 1", "duplicate-id"),
    ]
    assert "dòng 5, cột 4: cần thời gian hoàn thành như" in problem_text(info.value.problems[0])
    assert problem_text(info.value.problems[0], "en").startswith("dòng 5, cột 4: expected")
    partial = read_plan_table(path, partial=True)
    assert not partial.complete
    assert [t.id for t in partial.plan.tasks] == ["I.4"]
    assert partial.plan.tasks[0].area is ReformArea.PROCEDURES
    assert partial.plan.tasks[0].deadline is None  # "Không rõ": stated unknown


def test_files_that_are_not_plan_tables(tmp_path: Path) -> None:
    bad = tmp_path / "x.md"
    bad.write_text("| a | b |\n| 1 | 2 |\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_plan_table(bad)
    assert info.value.code == "header-missing"
    no_ref = tmp_path / "y.md"
    no_ref.write_text("| STT | Nhiệm vụ | Thời gian |\n| 1 | A | Quý I |\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_plan_table(no_ref)
    assert {p.code for p in info.value.problems} == {"plan-ref-missing", "plan-year-missing"}
    given = read_plan_table(no_ref, ref=REF, year=2023, issuer="UBND xã Ba Trang")
    assert given.plan.tasks[0].deadline is not None
    for name, data, code in [
        ("z.pdf", b"%PDF", "unknown-format"),
        ("z.csv", b"\xff\xfe\x00", "not-utf8"),
        ("z.xlsx", b"not a zip", "not-a-workbook"),
        ("z.docx", b"not a zip", "not-a-document"),
    ]:
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(LoadError) as info:
            read_plan_table(p)
        assert info.value.code == code
        assert info.value.source == str(p)


def test_status_columns_and_update_files(tmp_path: Path) -> None:
    text = (
        "Kế hoạch CCHC năm 2023 (Kèm theo Quyết định số 252/QĐ-UBND ngày 25/12/2022)\n"
        "| STT | Nội dung | Thời hạn | Tình hình thực hiện | Ngày hoàn thành |\n"
        "| 1 | A | Quý I/2023 | Đã hoàn thành | 15/03/2023 |\n"
        "| 2 | B | Quý II/2023 | Đang thực hiện | |\n"
        "| 3 | C | Quý II/2023 | Đã hoàn thành | |\n"
        "| 4 | D | Quý II/2023 | xong rồi | 31/02/2023 |\n"
        "| 5 | E | Quý II/2023 | Hoàn thành một phần | 01/06/2023 |\n"
    )
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    table = read_plan_table(path, issuer="UBND xã Ba Trang", partial=True)
    assert [(p.path, p.code) for p in table.problems] == [
        ("dòng 5, cột 5", "done-without-date"),
        ("dòng 6, cột 4", "unknown-status"),
        ("dòng 6, cột 5", "bad-date"),
        ("dòng 7, cột 5", "date-without-done"),
    ]
    a, b = table.plan.tasks
    assert (a.status, a.completed_on, b.status) == (
        TaskStatus.DONE,
        date(2023, 3, 15),
        TaskStatus.IN_PROGRESS,
    )
    updates = tmp_path / "u.csv"
    updates.write_text(
        "STT,Ngày,Tình trạng,Văn bản,Sản phẩm,Kỳ,Ghi chú\n"
        "2,20/06/2023,Đã hoàn thành,Kế hoạch 14/KH-UBND ngày 30/01/2023,,,báo cáo quý II\n"
        "9,20/06/2023,Đang thực hiện,,,,\n"
        "1,xx,hoàn tất,Văn bản số lạ,,Quý IX,\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as info:
        read_task_updates(updates, table.plan)
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("dòng 3, cột 1", "unknown-task"),
        ("dòng 4, cột 2", "bad-date"),
        ("dòng 4, cột 3", "unknown-status"),
        ("dòng 4, cột 4", "bad-document"),
        ("dòng 4, cột 6", "bad-period"),
    ]
    updates.write_text(
        "STT,Ngày,Tình trạng,Văn bản\n2,20/06/2023,Đã hoàn thành,14/KH-UBND\n", encoding="utf-8"
    )
    (u,) = read_task_updates(updates, table.plan)
    assert (u.task_id, u.on, u.status, str(u.document)) == (
        "2",
        date(2023, 6, 20),
        TaskStatus.DONE,
        "14/KH-UBND",
    )


def test_plan_from_rows_of_any_reader() -> None:
    rows, lines = rows_from_markdown(NQ12.read_text("utf-8"))
    table = plan_from_rows(rows, lines, issuer="Chính phủ", source="NQ 12")
    assert table.source == "NQ 12"
    assert len(table.plan.tasks) == 19


# --------------------------------------------------------------------------- Ba Trang


def test_ba_trang_plan_as_its_report_states_it() -> None:
    from par_index.examples import ba_trang_plan, ba_trang_plan_measures

    plan = ba_trang_plan()
    assert (str(plan.ref), plan.year, plan.issuer) == (
        "252/QĐ-UBND ngày 25/12/2022",
        2023,
        "UBND xã Ba Trang",
    )
    # "Tổng số nhiệm vụ Ủy ban nhân dân huyện giao trong năm 2023 là 11 nhiệm vụ" (line 40).
    assigned = plan.assigned_tasks
    assert len(assigned) == 11
    assert {t.assigned_by for t in assigned} == {"UBND huyện Ba Tơ"}
    assert {t.status for t in assigned} == {TaskStatus.UNKNOWN}
    assert len(plan.own_tasks) == 13
    assert plan.task("II.1").area is ReformArea.INSTITUTIONS
    m = ba_trang_plan_measures()
    # The first half: 12 own occurrences (I.2, the internal inspection, is due in quý III),
    # all done by the report's day, 05/06/2023: "hoàn thành 100% khối lượng công việc".
    assert len([j for j in m.judgements if not j.task.assigned]) == 12
    assert "I.2" not in {j.task.id for j in m.judgements}
    assert str(m.own_completion) == "12/12 (100.00%)"
    assert str(m.own_on_time) == "12/12 (100.00%)"
    # "Thực hiện Kế hoạch 14/KH-UBND ngày 30/01/2023" (line 52): done on that day, early.
    ii1 = next(j for j in m.judgements if j.task.id == "II.1")
    assert (ii1.outcome, ii1.completed_on, str(ii1.document)) == (
        Outcome.DONE_EARLY,
        date(2023, 1, 30),
        "14/KH-UBND ngày 30/01/2023",
    )
    assert m.complete_for(assigned=False)
    assert not m.complete_for(assigned=True)  # the 11 assigned tasks: time and status not stated


def test_ba_trang_completion_criteria_scored_from_tasks_as_from_the_report() -> None:
    from par_index.examples import ba_trang_evidence, ba_trang_plan_evidence
    from par_index.frameworks.loader import get_framework
    from par_index.scoring.engine import score

    fw = get_framework("example-commune")
    by_report = score(fw, ba_trang_evidence())
    by_tasks = score(fw, ba_trang_plan_evidence())
    assert (by_tasks.total, by_tasks.index) == (by_report.total, by_report.index)
    for code in ("1.1.2", "1.1.3"):
        a = next(n for n in by_report.nodes if n.code == code)
        b = next(n for n in by_tasks.nodes if n.code == code)
        assert (a.points, a.status) == (b.points, b.status)
    leaf = next(n for n in by_tasks.nodes if n.code == "1.1.2")
    assert leaf.explanation is not None
    assert leaf.explanation.source.startswith(
        "kế hoạch 252/QĐ-UBND ngày 25/12/2022, 6 tháng đầu năm 2023, tính đến 05/06/2023: "
        "12/12 nhiệm vụ của đơn vị đã hoàn thành; hoàn thành: I.1, I.3 (6 tháng đầu năm 2023)"
    )


def test_plan_measurements_name_the_tasks_behind_each_value() -> None:
    from par_index.scoring.plan_evidence import plan_measurements

    late = Task("1", "A", deadline=Deadline.parse("Quý I/2023"))
    open_ = Task("2", "B", deadline=Deadline.parse("Quý I/2023"))
    plan = _plan(
        late, open_, updates=(TaskUpdate("1", date(2023, 4, 5), TaskStatus.DONE, product="x"),)
    )
    got = {m.name: m for m in plan_measurements(judge_plan(plan, date(2023, 4, 30)))}
    assert got["tasks.plan_completion_rate"].value == Decimal("0.5")
    assert got["tasks.plan_completion_rate"].source == (
        "kế hoạch 252/QĐ-UBND ngày 25/12/2022, các nhiệm vụ đến hạn, tính đến 30/04/2023: "
        "1/2 nhiệm vụ của đơn vị đã hoàn thành; hoàn thành: 1; trong đó quá hạn: 1; "
        "chưa hoàn thành: 2"
    )
    assert got["tasks.plan_on_time_rate"].value == 0
    assert got["tasks.overdue"].value == 1
    assert got["tasks.overdue"].source.endswith("1 nhiệm vụ quá hạn chưa hoàn thành (2)")
    # Nothing assigned from above: not applicable, and the source says why.
    assert got["tasks.assigned_completion_rate"].value is NOT_APPLICABLE
    assert "không có nhiệm vụ cấp trên giao" in got["tasks.assigned_completion_rate"].source


def test_each_field_takes_one_column_and_the_others_are_listed() -> None:
    rows, lines = rows_from_markdown(
        "Kèm theo Kế hoạch 14/KH-UBND ngày 30/01/2023\n"
        "| STT | Nhiệm vụ | Thời gian thực hiện (bắt đầu) | Thời gian hoàn thành | Ghi chú |\n"
        "| 1 | A | Quý I/2023 | Quý II/2023 | x |\n"
    )
    table = plan_from_rows(rows, lines, issuer="UBND xã Ba Trang")
    assert table.columns == (
        ("STT", "id"),
        ("Nhiệm vụ", "title"),
        ("Thời gian thực hiện (bắt đầu)", "ignored"),
        ("Thời gian hoàn thành", "deadline"),
        ("Ghi chú", "ignored"),
    )
    assert table.plan.tasks[0].deadline == Deadline.parse("Quý II/2023")

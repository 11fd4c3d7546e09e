"""``par-index plan check|stats`` on the real table and the bundled Ba Trang plan.

Golden renderings in tests/golden (regenerate on purpose with PAR_INDEX_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from par_index.cli import main

DATA = Path(__file__).parent / "data" / "plans"
NQ12 = str(DATA / "nq-12-nq-cp-2023-phu-luc.txt")
EXAMPLES = Path(__file__).parents[1] / "src" / "par_index" / "examples" / "data"
BA_TRANG = [
    str(EXAMPLES / "ba-trang-2023-plan.md"),
    "--issuer",
    "UBND xã Ba Trang",
    "--assigned-by",
    "UBND huyện Ba Tơ",
]
UPDATES = ["--updates", str(EXAMPLES / "ba-trang-2023-plan.updates.csv")]
GOLDEN = Path(__file__).parent / "golden"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PAR_INDEX_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_check_lists_columns_and_no_problem() -> None:
    status, text = run("plan", "check", *BA_TRANG)
    assert status == 0
    assert "24 nhiệm vụ (11 do cấp trên giao)" in text
    assert "Thời gian hoàn thành → deadline" in text
    status, text = run("plan", "check", NQ12, "--format", "json", "--lang", "en")
    data = json.loads(text)
    assert data["schema_version"] == "1"
    assert data["plan"]["tasks"] == 19
    assert {"header": "Cấp trình", "field": "ignored"} in data["columns"]
    assert data["tasks"][10] | {"title": ""} == {
        "id": "III.1",
        "title": "",
        "group": data["tasks"][10]["group"],
        "area": None,
        "assigned_by": "",
        "lead": "UBND thành phố Hà Nội",
        "partners": "Bộ Kế hoạch và Đầu tư và các cơ quan liên quan",
        "product": "Quyết định của Thủ tướng Chính phủ",
        "time": "Quý II/2023",
        "kind": "quarter",
        "start": "2023-04-01",
        "end": "2023-06-30",
        "status": "not_started",
    }


def test_check_reports_every_problem_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.md"
    path.write_text(
        "Kế hoạch năm 2023 (Kèm theo Kế hoạch số 14/KH-UBND ngày 30/01/2023)\n"
        "| STT | Nhiệm vụ | Thời gian hoàn thành |\n"
        "| 1 | A | sớm nhất |\n"
        "| 2 | B | Quý I/2023 |\n",
        encoding="utf-8",
    )
    status, text = run("plan", "check", str(path))
    assert status == 1
    assert "1 nhiệm vụ" in text
    err = capsys.readouterr().err
    assert "dòng 3, cột 3: cần thời gian hoàn thành như" in err
    status, _ = run("plan", "check", str(path), "--lang", "en")
    assert "dòng 3, cột 3: expected a completion time" in capsys.readouterr().err
    status, text = run("plan", "check", str(path), "--format", "json")
    assert status == 1
    assert json.loads(text)["problems"][0]["code"] == "deadline-unreadable"
    bad = tmp_path / "x.md"
    bad.write_text("nothing here\n", encoding="utf-8")
    status, text = run("plan", "check", str(bad), "--format", "json")
    assert (status, json.loads(text)["plan"]) == (1, None)
    status, _ = run("plan", "check", str(bad))
    assert status == 1
    assert "header-missing" in capsys.readouterr().err


def test_stats_of_ba_trang_golden() -> None:
    args = ("--as-of", "05/06/2023", "--period", "6 tháng đầu năm 2023")
    status, text = run("plan", "stats", *BA_TRANG, *UPDATES, *args)
    assert status == 0
    golden("plan-stats-ba-trang-2023-h1.txt", text)
    status, text = run("plan", "stats", *BA_TRANG, *UPDATES, *args, "--lang", "en")
    golden("plan-stats-ba-trang-2023-h1.en.txt", text)


def test_stats_lists_overdue_tasks_by_working_days() -> None:
    # Due 03/01/2023 (31/12/2022 Saturday, 01/01 Sunday, 02/01 nghỉ bù). Working days in
    # (03/01, 30/06/2023]: January 15 (Tết 20–26/01 off), February 20, March 23, April 20,
    # May 20 (29/4–03/5 off), June 22 = 120.
    status, text = run("plan", "stats", NQ12, "--as-of", "30/06/2023")
    assert status == 0
    assert "Nhiệm vụ quá hạn (3):" in text
    assert (
        "  I.1. Báo cáo tổng kết thi hành Luật Thủ đô — Bộ Tư pháp (hạn 03/01/2023, "
        "quá 120 ngày làm việc)" in text
    )
    status, text = run("plan", "stats", NQ12, "--as-of", "2023-06-30", "--format", "json")
    data = json.loads(text)
    assert data["schema_version"] == "1"
    assert data["overdue"] == ["I.1", "I.2", "IV.1"]
    assert data["measures"]["completion"] == {"numerator": 0, "denominator": 4, "rate": "0"}
    assert data["tasks"][0]["working_days"] == 120


def test_stats_csv_and_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    status, text = run(
        "plan", "stats", NQ12, "--as-of", "31/01/2024", "--period", "Năm 2023", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 10
    assert (rows[0]["id"], rows[0]["due"], rows[0]["outcome"]) == ("I.4", "2024-01-02", "overdue")
    out = tmp_path / "stats.xlsx"
    status, _ = run(
        "plan", "stats", NQ12, "--as-of", "31/01/2024", "--format", "xlsx", "--output", str(out)
    )
    assert status == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Chỉ số", "Nhiệm vụ", "Quá hạn"]
    assert wb["Quá hạn"].max_row == 1 + 13  # every task due by then is overdue: none reported
    tasks = wb["Nhiệm vụ"]
    assert tasks["A1"].value == "id"
    assert tasks.max_row == 1 + 13  # due by 31/01/2024: 3 of 2022 and 10 of 2023
    status, _ = run("plan", "stats", NQ12, "--as-of", "31/01/2024", "--format", "xlsx")
    assert status == 2
    assert "--output" in capsys.readouterr().err


def test_stats_policies_and_bad_updates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run(
        "plan", "stats", NQ12, "--as-of", "2023-06-30", "--calendar-days", "--format", "json"
    )
    assert json.loads(text)["tasks"][0]["due"] == "2022-12-31"
    status, text = run(
        "plan", "stats", NQ12, "--as-of", "2023-06-30", "--before-exclusive", "--format", "json"
    )
    assert status == 0
    updates = tmp_path / "u.csv"
    updates.write_text("STT,Ngày,Tình trạng\nX.9,01/01/2023,Đã hoàn thành\n", encoding="utf-8")
    status, _ = run("plan", "stats", NQ12, "--as-of", "2023-06-30", "--updates", str(updates))
    assert status == 1
    assert "dòng 2, cột 1: cần STT của một nhiệm vụ trong kế hoạch" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run("plan", "stats", NQ12, "--as-of", "31/02/2023")


def test_score_takes_its_task_measures_from_a_plan() -> None:
    plan = [
        "--plan",
        BA_TRANG[0],
        "--plan-issuer",
        "UBND xã Ba Trang",
        "--plan-assigned-by",
        "UBND huyện Ba Tơ",
        "--plan-updates",
        UPDATES[1],
        "--plan-as-of",
        "05/06/2023",
    ]
    status, by_tasks = run("score", *plan, "--format", "json")
    assert status == 0
    card = json.loads(by_tasks)
    _, by_report = run("score", "--format", "json")
    assert card["points"] == json.loads(by_report)["points"]
    text = json.dumps(card, ensure_ascii=False)
    assert "12/12 nhiệm vụ của đơn vị đã hoàn thành" in text
    status, text = run(
        "score", "--plan", NQ12, "--plan-period", "Năm 2023", "--plan-as-of", "31/01/2024"
    )
    assert status == 0
    assert "0/10 nhiệm vụ của đơn vị đã hoàn thành" in text  # any plan, any evidence

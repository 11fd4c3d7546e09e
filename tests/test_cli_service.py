"""par-index calendar ... and par-index dossiers stats."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from par_index.cli import main
from par_index.examples.ba_trang import example_path

DOSSIERS = str(example_path("ba-trang-2023-h1.synthetic-dossiers.csv"))
PROCEDURES = str(example_path("ba-trang-2023-h1.synthetic-procedures.json"))


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def test_calendar_add_across_the_2024_swap() -> None:
    assert run("calendar", "add", "2024-04-26", "3") == (0, "04/05/2024 (thứ Bảy)\n")
    assert run("calendar", "add", "26/04/2024", "3", "--lang", "en") == (
        0,
        "2024-05-04 (Saturday)\n",
    )
    status, text = run("calendar", "add", "2024-05-04", "-3", "--format", "json")
    assert status == 0
    assert json.loads(text)["date"] == "2024-04-26"


def test_calendar_between_and_due() -> None:
    # (26/4, 4/5] holds Thu 2/5, Fri 3/5 and Sat 4/5 (worked).
    assert run("calendar", "between", "2024-04-26", "2024-05-04") == (0, "3\n")
    # 4 office hours from 09:00: 09:00-11:30 (2h30), 13:30-15:00 (1h30).
    assert run("calendar", "due", "26/04/2024 09:00", "4 giờ làm việc") == (
        0,
        "26/04/2024 (thứ Sáu) 15:00\n",
    )
    status, text = run(
        "calendar",
        "due",
        "25/04/2024 15:30",
        "1 ngày làm việc",
        "--cutoff",
        "15:00",
        "--format",
        "json",
    )
    assert status == 0
    assert json.loads(text)["deadline"] == "2024-05-02T17:30:00+07:00"


def test_calendar_year_lists_sources() -> None:
    status, text = run("calendar", "year", "2026")
    assert status == 0
    assert "02/01/2026 (thứ Sáu)  nghỉ" in text
    assert "CV 12729/VPCP-KGVX" in text
    status, text = run("calendar", "year", "2025", "--format", "json", "--lang", "en")
    assert status == 0
    data = json.loads(text)
    assert (data["schema_version"], data["year"]) == ("1", 2025)
    days = {row["date"]: row["kind"] for row in data["days"]}
    assert days["2025-05-02"] == "off"
    assert days["2025-04-26"] == "worked"


def test_calendar_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run("calendar", "add", "26-04-2024", "3")
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run("calendar", "add", "1990-01-01", "3")[0] == 1
    assert "lịch làm việc" in capsys.readouterr().err
    assert run("calendar", "due", "26/04/2024 09:00", "-3 ngày")[0] == 1


def test_dossier_stats_on_the_synthetic_set() -> None:
    status, text = run("dossiers", "stats", DOSSIERS, "--period", "6 tháng đầu năm 2023")
    assert status == 0
    assert "Hồ sơ tiếp nhận hoặc đang giải quyết trong kỳ: 253" in text
    assert "96,84% (245/253)" in text
    assert "2,77% (7/253)" in text
    assert "cần danh mục TTHC" in text
    assert "Kết quả chưa đầy đủ." in text
    status, text = run(
        "dossiers",
        "stats",
        DOSSIERS,
        "--period",
        "6 tháng đầu năm 2023",
        "--procedures",
        PROCEDURES,
        "--complaints",
        "0",
        "--format",
        "json",
    )
    assert status == 0
    data = json.loads(text)
    assert data["complete"] is True
    assert data["measures"]["early_or_on_time_rate"]["percent"] == "96.84"
    assert data["measures"]["online_rate_766"]["numerator"] == 33
    # Every one of the 253 was received in the period (15/12/2022–14/6/2023): the base of 3.3.
    assert data["received"] == data["measures"]["online_rate_766"]["denominator"] == 253
    assert data["measures"]["satisfaction_rate_5_4"]["numerator"] == 246
    assert data["by_timeliness"]["late"] == 7


def test_dossier_stats_reports_every_bad_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = Path(DOSSIERS).read_text("utf-8").splitlines()
    lines[3] = lines[3].replace(",10,", ",11,", 1)  # status 11 does not exist
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    status, _ = run("dossiers", "stats", str(bad), "--period", "6 tháng đầu năm 2023")
    assert status == 1
    assert "row 4, column TrangThaiHoSo" in capsys.readouterr().err


def test_calendar_marks_estimated_years() -> None:
    # 2027 has no official notice yet: the result says so, in text and JSON.
    code, out = run("calendar", "add", "2026-12-28", "5")
    assert (code, out) == (
        0,
        "05/01/2027 (thứ Ba) (ước tính: năm 2027 chưa có thông báo chính thức về ngày nghỉ)\n",
    )
    code, out = run("calendar", "add", "2026-12-28", "5", "--lang", "en")
    assert out.endswith("(estimated: no official notice of 2027's days off yet)\n")
    code, out = run("calendar", "add", "2026-12-28", "5", "--format", "json")
    assert json.loads(out)["estimated"] is True
    code, out = run("calendar", "add", "2026-12-01", "3", "--format", "json")
    assert json.loads(out) == {
        "schema_version": "1",
        "from": "2026-12-01",
        "n": 3,
        "date": "2026-12-04",
        "estimated": False,
    }
    code, out = run("calendar", "due", "28/12/2026 09:00", "15 ngày làm việc", "--format", "json")
    assert json.loads(out)["estimated"] is True
    code, out = run("calendar", "between", "2026-12-01", "2027-01-05")
    assert "ước tính" in out
    code, out = run("calendar", "year", "2027", "--format", "json")
    assert {d["estimated"] for d in json.loads(out)["days"]} == {True}
    code, out = run("calendar", "year", "2027")
    assert out.splitlines()[0] == "Ước tính: năm 2027 chưa có thông báo chính thức về ngày nghỉ"
    assert all(line.endswith("[ước tính]") for line in out.splitlines()[1:])
    code, out = run("calendar", "year", "2026", "--format", "json")
    assert {d["estimated"] for d in json.loads(out)["days"]} == {False}

"""The par-index command."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from par_index.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def test_example_in_vietnamese() -> None:
    status, text = run("example")
    assert status == 0
    assert "Kỳ báo cáo: 6 tháng đầu năm 2023 (số liệu từ 15/12/2022 đến 14/06/2023" in text
    assert "Hồ sơ đã tiếp nhận" in text
    assert "96,83%" in text
    assert "hơn 500 lượt người" in text
    assert "4559/QĐ-UBND ngày 22/12/2022 (3 lần)" in text


def test_example_in_english_and_json() -> None:
    status, text = run("example", "--lang", "en")
    assert status == 0
    assert "Period: First half of 2023 (data 2022-12-15 to 2023-06-14, due 2023-06-20)" in text
    assert "Dossiers received" in text
    assert "96.83%" in text
    assert "more than 500" in text
    status, text = run("example", "--format", "json")
    data = json.loads(text)
    assert data["period"] == "6 tháng đầu năm 2023"


def test_period() -> None:
    status, text = run("period", "Quý I/2020")
    assert status == 0
    assert "15/12/2019 – 14/03/2020" in text
    assert "20/03/2020" in text
    status, text = run("period", "6 tháng đầu năm 2023", "--format", "json", "--lang", "en")
    assert json.loads(text)["start"] == "2022-12-15"


def test_bad_period(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("period", "6 tháng cuối năm 2023")
    assert status == 1
    assert "kỳ báo cáo" in capsys.readouterr().err


def test_refs(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("Căn cứ\nQuyết định số 4559/QĐ-UBND ngày 22/12/2022 của UBND huyện", "utf-8")
    status, text = run("refs", str(f))
    assert (status, text) == (0, "2: 4559/QĐ-UBND ngày 22/12/2022\n")
    status, text = run("refs", str(f), "--format", "json")
    data = json.loads(text)
    assert data["schema_version"] == "1"
    assert data["refs"][0]["ref"] == "4559/QĐ-UBND ngày 22/12/2022"
    f.write_text("không có", "utf-8")
    assert run("refs", str(f)) == (0, "Không tìm thấy văn bản nào.\n")


def test_dossiers_check(tmp_path: Path) -> None:
    good = {
        "code": "A1",
        "procedure_code": "1.000110",
        "unit_code": "H21.65",
        "channel": 1,
        "status": 2,
        "received_at": "2023-03-06T08:00:00+07:00",
    }
    bad = dict(good, code="A2", status=99)
    f = tmp_path / "d.json"
    f.write_text(json.dumps({"dossiers": [good, bad]}), "utf-8")
    status, text = run("dossiers", "check", str(f))
    assert status == 1
    assert "1 hồ sơ hợp lệ" in text
    assert "$.dossiers[1].status" in text
    status, text = run("dossiers", "check", str(f), "--format", "json", "--lang", "en")
    data = json.loads(text)
    assert data["valid"] == 1
    assert data["rejected"][0]["problems"][0]["path"] == "$.dossiers[1].status"
    f.write_text(json.dumps({"dossiers": [good]}), "utf-8")
    assert run("dossiers", "check", str(f), "--lang", "en")[0] == 0


def test_missing_file_and_bad_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("dossiers", "check", str(tmp_path / "none.json"))[0] == 1
    (tmp_path / "x.json").write_text("{", "utf-8")
    assert run("dossiers", "check", str(tmp_path / "x.json"))[0] == 1
    assert "bad-json" in capsys.readouterr().err


def test_console_script_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "par_index", "example", "--lang", "en"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Ba Trang" in done.stdout

"""Every door, tried as a careless user and a careful attacker would: no traceback, no hang,
no silent loss. Each test is one reproduction; big inputs are generated small, at the
smallest size that showed the old failure."""

from __future__ import annotations

import codecs
import decimal
import io
import json
import sys
from datetime import datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from linearity import growth, is_linear
from par_index.calendar.days import CalendarRangeError
from par_index.calendar.work_calendar import default_calendar
from par_index.cli import main
from par_index.core.limits import DEFAULT_LIMITS
from par_index.core.tz import VN_TZ
from par_index.examples.ba_trang import example_path
from par_index.examples.evidence import ba_trang_evidence
from par_index.exceptions import LoadError
from par_index.formats.columnar_reader import read_dossier_table
from par_index.formats.json import dumps, loads
from par_index.formats.portal import (
    loads_dossiers_csv,
    loads_dossiers_json,
    loads_procedures_json,
)
from par_index.formats.scorecard_text import scorecard_converter
from par_index.frameworks.loader import get_framework, loads_framework
from par_index.model.procedures import TimeLimit, TimeUnit
from par_index.scoring.classification import InvalidScorecard
from par_index.scoring.engine import score
from par_index.scoring.evidence import Assessment, CriterionAssessment, Evidence, InvalidEvidence
from par_index.scoring.scorecard import Scorecard
from vn_encodings import to_cp1258

CSV = example_path("ba-trang-2023-h1.synthetic-dossiers.csv").read_text(encoding="utf-8")
HEADER, FIRST, SECOND, *REST = CSV.splitlines()
PROCEDURES = json.loads(
    example_path("ba-trang-2023-h1.synthetic-procedures.json").read_text(encoding="utf-8")
)
FRAMEWORK = (
    resources.files("par_index.frameworks")
    .joinpath("data", "example-commune.toml")
    .read_text(encoding="utf-8")
)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def codes(error: LoadError) -> set[str]:
    return {p.code for p in error.problems}


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return str(path)


def card_json() -> dict[str, Any]:
    card = score(get_framework("example-commune"), ba_trang_evidence())
    data: dict[str, Any] = json.loads(dumps(card, converter=scorecard_converter()))
    return data


# --------------------------------------------------------------------------- hangs


def test_time_limit_of_1e9999999_is_refused_at_the_door(tmp_path: Path) -> None:
    data = json.loads(json.dumps(PROCEDURES))
    data["procedures"][0]["time_limit"]["amount"] = "1e9999999"
    path = write(tmp_path, "p.json", json.dumps(data))
    status, _ = run(
        "dossiers",
        "stats",
        str(example_path("ba-trang-2023-h1.synthetic-dossiers.csv")),
        "--period",
        "6 tháng đầu năm 2023",
        "--procedures",
        path,
    )
    assert status == 1
    with pytest.raises(LoadError) as info:
        loads_procedures_json(json.dumps(data))
    (problem,) = info.value.problems
    assert (problem.path, problem.code) == ("$.procedures[0].time_limit.amount", "out-of-range")


@pytest.mark.parametrize("unit", list(TimeUnit))
@pytest.mark.parametrize("amount", ["1e999999", "1e9999999", "100000"])
def test_deadline_of_a_huge_limit_is_out_of_the_calendar_at_once(
    unit: TimeUnit, amount: str
) -> None:
    # 100,000 of any unit is past the calendar (2000-2035) from 2023; 1e999999 once cost 32 s.
    with pytest.raises(CalendarRangeError):
        default_calendar().deadline(
            datetime(2023, 1, 2, 9, tzinfo=VN_TZ), TimeLimit(Decimal(amount), unit)
        )


def test_a_million_bad_rows_cost_a_capped_report() -> None:
    # 3 x the cap shows the shape of 10^6 rows: problems past the cap are only counted.
    n = 3 * DEFAULT_LIMITS.max_problems
    text = (
        HEADER + "\n" + "\n".join(f"H{i},9.000001,UBND,9,10,,,,,,0,0,0,0" for i in range(n)) + "\n"
    )
    result = loads_dossiers_csv(text, partial=True)
    assert len(result.problems) <= DEFAULT_LIMITS.max_problems
    assert result.rejected_count == n
    assert result.problem_count == n
    assert dict(result.omitted) == {"not-allowed": n - len(result.problems)}
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv(text)
    assert info.value.total == n
    assert len(str(info.value)) < 20_000


def test_check_of_many_bad_rows_writes_a_bounded_json(tmp_path: Path) -> None:
    n = 3 * DEFAULT_LIMITS.max_problems
    rows = "\n".join(f"H{i},9.000001,UBND,9,10,,,,,,0,0,0,0" for i in range(n))
    path = write(tmp_path, "bad.csv", HEADER + "\n" + rows + "\n")
    status, text = run("dossiers", "check", path, "--format", "json")
    assert status == 1
    data = json.loads(text)
    assert data["schema_version"] == "1"
    assert data["rejected_count"] == n
    assert len(data["rejected"]) == DEFAULT_LIMITS.max_problems
    assert data["omitted"] == {"not-allowed": n - DEFAULT_LIMITS.max_problems}
    status, text = run("dossiers", "check", path)
    assert "… và 2000 lỗi khác không liệt kê (not-allowed 2000)" in text


def test_refs_output_grows_linearly(tmp_path: Path) -> None:
    # Line numbers were counted from the start for every reference: quadratic (20 MB, 44 s).
    line = "Thực hiện Kế hoạch 14/KH-UBND ngày 30/01/2023 và Công văn 581/BNV-CCHC.\n"
    small = write(tmp_path, "small.txt", line * 1000)
    large = write(tmp_path, "large.txt", line * 8000)
    ratio = growth(lambda: run("refs", small), lambda: run("refs", large))
    assert is_linear(ratio, 8), ratio  # the quadratic count measured 34 here


def test_refs_counts_lines_once(tmp_path: Path) -> None:
    line = "Thực hiện Kế hoạch 14/KH-UBND ngày 30/01/2023.\n"
    text = "".join(line if i % 3 == 0 else "dòng trống\n" for i in range(3000))
    status, out = run("refs", write(tmp_path, "t.txt", text))
    assert status == 0
    numbers = [int(row.split(":", 1)[0]) for row in out.splitlines()]
    assert numbers == list(range(1, 3001, 3))


# --------------------------------------------------------------------------- tracebacks


def test_windows_1258_and_tcvn3_files_are_read_everywhere(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "t.txt",
        to_cp1258("Căn cứ Quyết định số 12/QĐ-UBND ngày 01/02/2023 của Ủy ban nhân dân"),
    )
    assert run("refs", path) == (0, "1: 12/QĐ-UBND ngày 01/02/2023\n")
    fw = write(tmp_path, "fw.toml", to_cp1258(FRAMEWORK))
    assert run("frameworks", "check", fw)[0] == 0
    assert run("frameworks", "show", fw)[0] == 0
    assert run("score", "--framework", fw)[0] == 0


def test_utf16_csv_and_a_framework_with_a_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", CSV.encode("utf-16"))
    assert run("dossiers", "check", path)[0] == 0
    fw = write(tmp_path, "fw.toml", codecs.BOM_UTF8 + FRAMEWORK.encode())
    assert run("frameworks", "check", fw)[0] == 0


def test_bytes_in_no_known_encoding_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "t.txt", b"abc \xff\xfe\x00 def")
    for argv in (
        ("refs", path),
        ("frameworks", "check", path),
        ("dossiers", "check", path.replace(".txt", ".csv")),
    ):
        if argv[0] == "dossiers":
            write(tmp_path, "t.csv", b"MaHoSo\xff,\x81\n")
        assert run(*argv)[0] == 1
    err = capsys.readouterr().err
    assert "bad-encoding" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "load",
    [
        loads_dossiers_json,
        loads_procedures_json,
        lambda t: loads(Evidence, t, converter=scorecard_converter()),
    ],
)
def test_deep_json_is_refused(load: Any) -> None:
    with pytest.raises(LoadError) as info:
        load("[" * 100_000)
    assert codes(info.value) == {"too-deep"}
    with pytest.raises(LoadError) as info:
        load('{"dossiers": ' + "[" * 100 + "]" * 100 + "}")
    assert "too-deep" in codes(info.value) or "bad-shape" in codes(info.value)


def test_deep_toml_and_deep_criteria_are_refused() -> None:
    with pytest.raises(LoadError) as info:
        loads_framework("a = " + "[" * 5000 + "]" * 5000 + "\n")
    assert codes(info.value) == {"too-deep"}
    lines = ['id="x"', 'version="1"', 'name="X"', "illustrative=true", "max_points=1"]
    lines += ["[[components]]", 'id="a"', 'name="A"', "max_points=1"]
    for d in range(DEFAULT_LIMITS.max_depth + 2):
        lines.append("[[" + ".".join(["criteria"] + ["children"] * d) + "]]")
        lines += [f'code="{".".join(["1"] * (d + 1))}"', 'name="n"', "max_points=1"]
    with pytest.raises(LoadError) as info:
        loads_framework("\n".join(lines) + "\n")
    assert "too-deep" in codes(info.value)


def test_5000_digit_numbers_are_refused() -> None:
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [' + "1" * 5000 + "]}")
    assert [(p.path, p.code) for p in info.value.problems] == [("$.dossiers[0]", "too-many-digits")]
    with pytest.raises(LoadError) as info:
        loads_framework("a = " + "1" * 5000 + "\n")
    assert codes(info.value) == {"bad-toml"}


def test_huge_max_points_and_working_hours_are_refused() -> None:
    with pytest.raises(LoadError) as info:
        loads_framework(FRAMEWORK.replace("max_points = 100\n", "max_points = 1e999999999\n", 1))
    assert ("max_points", "out-of-range") in {(p.path, p.code) for p in info.value.problems}
    data = json.loads(json.dumps(PROCEDURES))
    data["procedures"][0]["time_limit"] = {"amount": "1e999999999", "unit": "working_hours"}
    with pytest.raises(LoadError) as info:
        loads_procedures_json(json.dumps(data))
    assert codes(info.value) == {"out-of-range"}


def test_a_cell_past_the_csv_module_limit_is_a_problem_of_its_row() -> None:
    text = "\n".join([HEADER, FIRST.replace("UBND-BATRANG", "X" * 140_000), SECOND]) + "\n"
    result = loads_dossiers_csv(text, partial=True)
    assert len(result.records) == 1  # the next row is still read
    assert [(r.location, r.problems[0].code) for r in result.rejected] == [
        ("row 2", "cell-too-long")
    ]


def test_unhashable_categories_are_a_problem() -> None:
    text = (
        FRAMEWORK
        + '\n[[measures]]\nname = "x.y"\nkind = "category"\n'
        + 'description_vi = "x"\ncategories = [{}]\n'
    )
    with pytest.raises(LoadError) as info:
        loads_framework(text)
    assert ("measures[0].categories[0]", "wrong-type") in {
        (p.path, p.code) for p in info.value.problems
    }


def test_a_lone_surrogate_is_refused_at_load(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [{"code": "\\ud800"}]}')
    assert ("$.dossiers[0].code", "bad-text") in {(p.path, p.code) for p in info.value.problems}


def test_huge_evidence_values_and_wild_places(tmp_path: Path) -> None:
    data = json.loads(dumps(ba_trang_evidence(), converter=scorecard_converter()))
    data["measures"][0]["value"] = 10**30
    path = write(tmp_path, "e.json", json.dumps(data))
    for fmt in ("text", "md"):
        assert run("score", path, "--format", fmt)[0] == 1
    for places in (1_000_000, -5):
        card = card_json()
        card["places"] = places
        with pytest.raises(LoadError) as info:
            loads(Scorecard, json.dumps(card), converter=scorecard_converter())
        assert [(p.path, p.code) for p in info.value.problems] == [("$.places", "out-of-range")]
    with pytest.raises(InvalidScorecard):
        score(get_framework("example-commune"), ba_trang_evidence(), places=-5)


def test_due_at_the_end_of_time(capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = run("calendar", "due", "9999-12-31T23:00:00-12:00", "1 ngày làm việc")
    assert status == 1
    assert "lịch làm việc" in capsys.readouterr().err


def test_negative_and_excessive_complaints(capsys: pytest.CaptureFixture[str]) -> None:
    dossiers = str(example_path("ba-trang-2023-h1.synthetic-dossiers.csv"))
    with pytest.raises(SystemExit) as info:
        run("dossiers", "stats", dossiers, "--period", "6 tháng đầu năm 2023", "--complaints", "-5")
    assert info.value.code == 2
    status, _ = run(
        "dossiers", "stats", dossiers, "--period", "6 tháng đầu năm 2023", "--complaints", "500"
    )
    assert status == 1
    assert "out-of-range" in capsys.readouterr().err


def test_closed_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["period", "Quý I/2020"]) == 1
    assert "đầu ra chuẩn (stdout) đã bị đóng" in capsys.readouterr().err
    assert main(["period", "Quý I/2020", "--lang", "en"]) == 1
    assert "standard output is closed" in capsys.readouterr().err


class _Console(io.TextIOWrapper):
    """A console in another encoding, over bytes the test reads."""

    def __init__(self, encoding: str) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)

    def bytes_written(self) -> bytes:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue()


def test_output_is_utf8_whatever_the_console(monkeypatch: pytest.MonkeyPatch) -> None:
    console = _Console("cp1258")
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["period", "6 tháng đầu năm 2023"]) == 0
    assert "Kỳ báo cáo".encode() in console.bytes_written()


def test_a_file_name_that_is_not_utf8_gives_valid_json(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    console = _Console("ascii")
    monkeypatch.setattr(sys, "stdout", console)
    name = str(tmp_path / "bad\udcffname.csv")
    assert main(["dossiers", "check", name, "--format", "json"]) == 1
    data = json.loads(console.bytes_written().decode("utf-8"))
    assert data["schema_version"] == "1"
    assert data["error"]["kind"] == "FileNotFoundError"


def test_invalid_utf8_on_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"abc \xff\x00 def")))
    assert run("refs", "-")[0] == 1
    assert "bad-encoding" in capsys.readouterr().err


# --------------------------------------------------------------------------- silent loss


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [], "dossiers": [{"code": "x"}]}')
    assert ("$.dossiers", "duplicate-key") in {(p.path, p.code) for p in info.value.problems}
    record = '{"code": "A", "code": "B"}'
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [' + record + "]}")
    assert ("$.dossiers[0].code", "duplicate-key") in {
        (p.path, p.code) for p in info.value.problems
    }


def test_duplicate_dossier_codes_are_rejected_not_counted_twice() -> None:
    result = loads_dossiers_csv("\n".join([HEADER, FIRST, FIRST]) + "\n", partial=True)
    assert len(result.records) == 1
    (rejected,) = result.rejected
    assert (rejected.location, rejected.problems[0].code) == ("row 3", "duplicate-code")
    data = {"dossiers": [json.loads(dumps(result.records[0]))] * 2}
    result = loads_dossiers_json(json.dumps(data), partial=True)
    assert [r.problems[0].code for r in result.rejected] == ["duplicate-code"]


def test_a_stray_quote_is_named_and_swallows_no_row() -> None:
    bad = FIRST.replace(",UBND-BATRANG", ',"UBND-BATRANG', 1)
    text = "\n".join([HEADER, bad, SECOND, *REST[:5]]) + "\n"
    result = loads_dossiers_csv(text, partial=True)
    (rejected,) = result.rejected
    (problem,) = rejected.problems
    assert (problem.path, problem.code) == ("row 2, column MaDonVi", "unclosed-quote")
    assert "the next 6 lines" in problem.found
    assert len(result.records) == 6  # the rows after it are read as rows
    table, rejected_too = read_dossier_table(text, partial=True)
    assert rejected_too == result.rejected
    assert len(table) == 6


def test_every_stage_at_once() -> None:
    # A record problem with an unknown top-level key.
    with pytest.raises(LoadError) as info:
        loads_dossiers_json('{"dossiers": [{"code": 1}], "extra": 1}', partial=True)
    paths = {p.path for p in info.value.problems}
    assert "$.extra" in paths
    assert any(p.startswith("$.dossiers[0]") for p in paths)
    # Row problems with an unknown column.
    text = "\n".join([HEADER + ",Extra", FIRST.replace(",1,10,", ",9,10,", 1) + ",x"]) + "\n"
    with pytest.raises(LoadError) as info:
        loads_dossiers_csv(text, partial=True)
    assert {"unknown-column", "not-allowed"} <= codes(info.value)
    # A rule between cells with a bad cell elsewhere in the row: finished before received.
    row = FIRST.split(",")
    row[3] = "9"  # KenhThucHien: not a channel... required, so the rules wait for it
    row[9] = "31/02/2023"  # NgayTraKetQua: no such day
    row[8] = "14/12/2022 16:00"  # NgayKetThucXuLy before NgayTiepNhan
    row[3] = "1"
    result = loads_dossiers_csv("\n".join([HEADER, ",".join(row)]) + "\n", partial=True)
    assert {p.code for p in result.problems} >= {"bad-date"}
    assert len(result.problems) >= 2


def test_framework_problems_all_at_once_with_full_paths() -> None:
    # Two leaves of criterion 1.1 with negative maxima: both named, each with its own path.
    source = 'source = "Minh họa theo QĐ 1880/QĐ-UBND Cà Mau 2013, tiêu chí thành phần 1.1.'
    text = FRAMEWORK.replace(
        "max_points = 1\n    " + source + '1"',
        'max_points = -1\n    source = "x"',
        1,
    )
    text = text.replace(
        "max_points = 2\n    " + source + '4"',
        'max_points = -2\n    source = "x"',
        1,
    )
    assert text.count("max_points = -") == 2
    with pytest.raises(LoadError) as info:
        loads_framework(text)
    found = {(p.path, p.code) for p in info.value.problems}
    assert ("criteria[0].children[0].children[0].max_points", "negative-points") in found
    assert ("criteria[0].children[0].children[1].max_points", "negative-points") in found


def test_frameworks_check_json_lists_problems(tmp_path: Path) -> None:
    path = write(
        tmp_path, "fw.toml", FRAMEWORK.replace("max_points = 100\n", "max_points = -1\n", 1)
    )
    status, text = run("frameworks", "check", path, "--format", "json")
    assert status == 1
    assert json.loads(text)["problems"]


def test_an_edited_scorecard_is_refused_by_rank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.json", json.dumps(card_json()))
    edited = card_json()
    edited["points"], edited["index"] = "99.00", "137.50"
    bad = write(tmp_path, "bad.json", json.dumps(edited))
    assert run("rank", good)[0] == 0
    status, text = run("rank", bad, good, "--format", "json")
    assert status == 1
    error = json.loads(text)["error"]
    assert {p["path"] for p in error["problems"]} == {"$.points", "$.index"}
    other = card_json()
    other["framework_version"] = "1999.1"
    assert run("rank", write(tmp_path, "other.json", json.dumps(other)))[0] == 1
    assert "unverifiable" in capsys.readouterr().err


def test_a_scorecard_with_one_bad_field_names_it(tmp_path: Path) -> None:
    card = card_json()
    card["points"] = "lots"
    status, text = run("rank", write(tmp_path, "c.json", json.dumps(card)), "--format", "json")
    assert status == 1
    problems = json.loads(text)["error"]["problems"]
    assert [(p["path"], p["code"]) for p in problems] == [("$.points", "not-a-number")]
    assert "_index" not in text


def test_assessments_for_unknown_or_inner_codes_are_errors() -> None:
    evidence = attrs.evolve(
        ba_trang_evidence(),
        assessment=Assessment(
            (CriterionAssessment("99.99", Decimal(1)), CriterionAssessment("1", Decimal(1))),
            (),
            ("zz", ""),
        ),
    )
    with pytest.raises(InvalidEvidence) as info:
        score(get_framework("example-commune"), evidence)
    found = {(p.path, p.code) for p in info.value.problems}
    assert found >= {
        ("assessment.criteria[0].code", "unknown-criterion"),
        ("assessment.criteria[1].code", "assessment-on-inner"),
        ("assessment.not_applicable[0]", "unknown-criterion"),
        ("assessment.not_applicable[1]", "unknown-criterion"),
    }


def test_score_ignores_the_callers_decimal_context() -> None:
    expected = score(get_framework("example-commune"), ba_trang_evidence())
    caller = decimal.Context(prec=3)
    caller.traps[decimal.Inexact] = True
    with decimal.localcontext(caller):
        assert score(get_framework("example-commune"), ba_trang_evidence()) == expected


def test_check_exit_status_survives_a_closed_pipe(tmp_path: Path) -> None:
    class Head(io.StringIO):
        """``| head -1``: takes one write, then the reader is gone."""

        def write(self, s: str) -> int:
            if self.getvalue():
                raise BrokenPipeError
            return super().write(s)

    bad = "\n".join([HEADER, FIRST.replace(",1,10,", ",9,10,", 1), SECOND]) + "\n"
    assert main(["dossiers", "check", write(tmp_path, "bad.csv", bad)], Head()) == 1


def test_check_of_an_empty_file_writes_json(tmp_path: Path) -> None:
    status, text = run("dossiers", "check", write(tmp_path, "empty.csv", ""), "--format", "json")
    assert status == 1
    data = json.loads(text)
    assert data["schema_version"] == "1"
    assert data["error"]["problems"][0]["code"] == "empty-file"


def test_verification_reads_back_appraisals_surveys_and_marks() -> None:
    from par_index.scoring.evidence import AppraisalRound, SurveyResult
    from par_index.scoring.verification import verify_scorecard

    fw = get_framework("example-commune")
    base = ba_trang_evidence()
    assessments = (
        CriterionAssessment(
            "5.1", Decimal("2.5"), rounds=(AppraisalRound(1, Decimal(2), "thiếu"),)
        ),
        CriterionAssessment("1.1.1", rounds=(AppraisalRound(2, Decimal("0.5")),)),
    )
    survey = (SurveyResult("8.1", Decimal("4.2"), 120), SurveyResult("8.2", Decimal("3.9"), 118))
    evidence = attrs.evolve(base, assessment=Assessment(assessments, survey, ("2",)))
    card = score(fw, evidence)
    back = loads(
        Scorecard, dumps(card, converter=scorecard_converter()), converter=scorecard_converter()
    )
    assert verify_scorecard(back, fw) == back
    self_scored = attrs.evolve(
        evidence, assessment=Assessment((CriterionAssessment("5.1", Decimal(3)),), survey, ())
    )
    again = score(fw, self_scored)
    assert verify_scorecard(again, fw) is again
    with pytest.raises(InvalidScorecard) as info:
        verify_scorecard(card, get_framework("qd-766-2022"))
    assert info.value.problems[0].code == "unverifiable"


def test_a_bug_is_named_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import par_index.cli.period

    def broken(*_: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(par_index.cli.period, "_cmd_period", broken)
    assert run("period", "Quý I/2020", "--lang", "en") == (3, "")
    err = capsys.readouterr().err
    assert "internal error (RuntimeError)" in err
    assert "Traceback" not in err


def test_weight_files_are_read_through_the_boundary(tmp_path: Path) -> None:
    from par_index.frameworks.weights import read_weights

    with pytest.raises(LoadError) as info:
        read_weights(write(tmp_path, "w.csv", b"code,max_points\n1.1,\xff\x00\x81\n"))
    assert codes(info.value) == {"bad-encoding"}  # was replaced by U+FFFD, silently
    with pytest.raises(LoadError) as info:
        read_weights(write(tmp_path, "w.toml", "a = " + "[" * 5000 + "]" * 5000 + "\n"))
    assert codes(info.value) == {"bad-toml"}

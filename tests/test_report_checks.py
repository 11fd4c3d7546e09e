"""Consistency checks of reports, and the ``report parse`` / ``report check`` commands.

Expected findings are worked out by hand from the texts: 245/253 = 96,837… % rounds to
96,84 % and truncates to 96,83 %; 34/253 = 13,438… % while 34/63 = 53,968… % truncates to
the printed 53,96 %; and so on, as written next to each case.
"""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from par_index.cli import main
from par_index.examples.ba_trang import ba_trang_report, ba_trang_text
from par_index.formats.json import loads
from par_index.reports import Figure, Qualifier, Report
from par_index.reports.checks import Finding, Severity, check_report
from par_index.reports.parser import normalize_text, parse_report

DATA = Path(__file__).parent / "data" / "reports"
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


def fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def summary(findings: tuple[Finding, ...]) -> list[tuple[str, Severity, int | None, str | None]]:
    return [(f.code, f.severity, f.span.line if f.span else None, f.text) for f in findings]


# --- the seed --------------------------------------------------------------------------------


def test_seed_findings() -> None:
    findings = check_report(ba_trang_text())
    assert summary(findings) == [
        ("report-unnumbered", INFO, 3, None),  # "Số: /BC-UBND"
        ("report-before-cutoff", INFO, 5, None),  # dated 05/6/2023, data window ends 14/6/2023
        ("duplicated-word", W, 13, "bản bản"),  # "ban hành 60 bản bản các loại"
        ("list-count-mismatch", W, 15, None),  # "05 cuộc họp, hội nghị", then six "+" items
        ("period-narrower", INFO, 19, "quý I"),  # "Sơ kết công tác CCHC quý I": a review, info
        ("rate-truncated", W, 72, None),  # 96,83 % printed, 245/253 rounds to 96,84 %
        ("rate-denominator-unstated", W, 72, None),  # 53,96 % = 34/63 (truncated)
        ("duplicated-word", W, 76, "do do"),
        ("period-narrower", W, 80, "quý I"),  # "trong quý I đã luôn thực hiện tốt"
        ("plan-year-mismatch", W, 94, "kế hoạch đào tạo bồi dưỡng năm 2022"),
        (
            "plan-year-mismatch",
            W,
            146,
            "nhiệm vụ CCHC được ủy ban nhân dân huyện giao trong năm 2022",
        ),
    ]
    assert all(f.severity is not E for f in findings)


def test_seed_rate_findings_carry_their_numbers() -> None:
    by_code = {f.code: f for f in check_report(ba_trang_text())}
    truncated = by_code["rate-truncated"]
    assert (truncated.printed, truncated.computed) == (Decimal("96.83"), Decimal("96.84"))
    assert truncated.figures == (
        "dossiers_early_or_on_time_rate",
        "dossiers_early_or_on_time",
        "dossiers_received",
    )
    assert "truncated" in truncated.message
    assert "tỷ lệ hồ sơ trả trước và đúng hạn" in truncated.message.casefold()
    assert "96,84%" in truncated.message_vi
    online = by_code["rate-denominator-unstated"]
    assert (online.printed, online.computed, online.denominator) == (
        Decimal("53.96"),
        Decimal("13.44"),
        63,
    )
    text = normalize_text(ba_trang_text())
    assert online.span is not None
    assert text[online.span.start : online.span.end] == "53,96%"
    listed = by_code["list-count-mismatch"]
    assert (listed.printed, listed.computed) == (Decimal(5), Decimal(6))


def test_seed_model_only() -> None:
    """From the bundled model: no wording checks, the same numeric and header findings."""
    assert [(f.code, f.severity) for f in check_report(ba_trang_report())] == [
        ("report-before-cutoff", INFO),
        ("report-unnumbered", INFO),
        ("rate-truncated", W),
        ("rate-denominator-unstated", W),
    ]


# --- the fixtures ----------------------------------------------------------------------------


def test_quarterly_report_is_consistent() -> None:
    # 1.198 + 12 + 35 = 1.245; 1.198/1.245 = 96,224… → 96,22 %; 420/1.245 = 33,734… → 33,73 %.
    # Dated 12/3/2024, before the window of quý I ends on 14/3/2024.
    assert summary(check_report(fixture("quy-1-2024-xa-hanh-phuoc.txt"))) == [
        ("report-before-cutoff", INFO, 12, None),
    ]


def test_annual_report_after_its_due_date() -> None:
    # (4.870 + 1.201)/6.192 = 98,045… → 98,05 %; 3.105/6.192 = 50,145… → 50,15 %;
    # 4.870 + 1.201 + 21 + 100 = 6.192. Dated 22/12/2023, due 20/12/2023.
    findings = check_report(fixture("nam-2023-huyen-ba-to.md"))
    assert summary(findings) == [
        ("report-after-due", W, 4, None),
        ("period-narrower", INFO, 16, "6 tháng đầu năm"),  # "Hội nghị sơ kết 6 tháng đầu năm"
    ]
    assert "581/BNV-CCHC" in findings[0].message


def test_truncated_report_with_inconsistent_numbers() -> None:
    findings = check_report(fixture("9-thang-2023-phuong-nghia-chanh.md"))
    # The text stops mid-sentence: the sections after the cut are not missing from the report,
    # so no "missing-section" finding (a text cut off is read as partial).
    assert summary(findings) == [
        ("plan-year-mismatch", W, 16, "Kế hoạch kiểm tra cải cách hành chính năm 2022"),
        ("list-count-mismatch", W, 18, None),  # 03 cuộc họp, two items
        ("period-narrower", W, 21, "quý I"),
        ("duplicated-word", W, 21, "được được"),
        # 985 + 20 + 25 = 1.030 > 1.020 received.
        ("parts-exceed-total", E, 33, None),
        # 985/1.020 = 96,568… %; no whole denominator gives 97,50 % (985/1.010 = 97,52 %).
        ("rate-mismatch", E, 33, None),
    ]
    by_code = {f.code: f for f in findings}
    assert (by_code["parts-exceed-total"].printed, by_code["parts-exceed-total"].computed) == (
        Decimal(1020),
        Decimal(1030),
    )
    assert (by_code["rate-mismatch"].printed, by_code["rate-mismatch"].computed) == (
        Decimal("97.50"),
        Decimal("96.57"),
    )


def test_six_month_report_with_few_sections() -> None:
    codes = [(f.code, f.text) for f in check_report(fixture("6-thang-2024-xa-ba-vinh.txt"))]
    assert ("report-unnumbered", None) in codes
    assert ("missing-section", "Cải cách thể chế") in codes
    # 305/312 = 97,756… → 97,76 %; 7/312 = 2,243… → 2,24 %: no rate finding.
    assert not any(code.startswith("rate") for code, _ in codes)


# --- single checks ---------------------------------------------------------------------------


def _report(*figures: tuple[str, str, str]) -> Report:
    base = parse_report("BÁO CÁO\n6 tháng đầu năm 2023\n")
    return attrs.evolve(
        base,
        figures=tuple(Figure(name, Decimal(value), unit, name) for name, value, unit in figures),
    )


def codes(report: Report) -> list[str]:
    return [f.code for f in check_report(report) if f.code not in _ALWAYS]


_ALWAYS = {"missing-section", "report-undated", "report-unnumbered"}


def test_rate_rounded_truncated_and_wrong() -> None:
    received = ("dossiers_received", "3", "hồ sơ")
    late = ("dossiers_late", "2", "hồ sơ")
    assert codes(_report(received, late, ("dossiers_late_rate", "66.67", "%"))) == []
    assert codes(_report(received, late, ("dossiers_late_rate", "66.66", "%"))) == [
        "rate-truncated"
    ]
    assert codes(_report(received, late, ("dossiers_late_rate", "66.7", "%"))) == []
    assert codes(_report(received, late, ("dossiers_late_rate", "70.00", "%"))) == ["rate-mismatch"]
    assert codes(_report(received, late, ("dossiers_late_rate", "120", "%"))) == [
        "rate-out-of-range"
    ]
    # No total stated: 2/3 = 66,67 % is what the rate says, the text does not say of what.
    (finding,) = [
        f
        for f in check_report(_report(late, ("dossiers_late_rate", "66.67", "%")))
        if f.code == "rate-denominator-unstated"
    ]
    assert finding.denominator == 3


def test_approximate_figures_are_not_checked() -> None:
    received = Figure("dossiers_received", Decimal(10), "hồ sơ", "x")
    late = Figure("dossiers_late", Decimal(1), "hồ sơ", "x")
    # 1/10 = 10 %, and no whole number of dossiers gives 45 % of 1 (1/2 = 50 %, 1/3 = 33 %).
    rate = Figure("dossiers_late_rate", Decimal(45), "%", "x")
    base = parse_report("BÁO CÁO\n6 tháng đầu năm 2023\n")
    assert "rate-mismatch" in codes(attrs.evolve(base, figures=(received, late, rate)))
    about = attrs.evolve(received, qualifier=Qualifier.ABOUT)
    assert codes(attrs.evolve(base, figures=(about, late, rate))) == []


def test_parts_and_totals() -> None:
    received = ("dossiers_received", "100", "hồ sơ")
    parts = [
        ("dossiers_early_or_on_time", "90", "hồ sơ"),
        ("dossiers_late", "5", "hồ sơ"),
        ("dossiers_in_progress", "5", "hồ sơ"),
    ]
    assert codes(_report(received, *parts)) == []
    assert codes(_report(received, *parts[:2], ("dossiers_in_progress", "4", "hồ sơ"))) == [
        "parts-do-not-add-up"
    ]
    assert codes(_report(received, *parts[:2], ("dossiers_in_progress", "6", "hồ sơ"))) == [
        "parts-exceed-total"
    ]
    # Parts missing: only an excess can be told.
    assert codes(_report(received, parts[0])) == []
    split = [("dossiers_early", "50", "hồ sơ"), ("dossiers_on_time", "30", "hồ sơ")]
    assert codes(_report(*split, parts[0])) == ["parts-do-not-add-up"]
    assert codes(_report(("tasks_assigned", "5", "nhiệm vụ"), ("tasks_completed", "6", "nv"))) == [
        "parts-exceed-total"
    ]
    rates = [
        ("dossiers_early_or_on_time_rate", "90.00", "%"),
        ("dossiers_late_rate", "5.00", "%"),
        ("dossiers_in_progress_rate", "4.00", "%"),
    ]
    assert codes(_report(*rates)) == ["rates-do-not-add-up"]
    assert codes(_report(*rates[:2], ("dossiers_in_progress_rate", "4.99", "%"))) == []
    # Whole percentages may be off by their rounding: 90 + 5 + 4 = 99 is within it.
    whole = [(name, value.split(".")[0], unit) for name, value, unit in rates]
    assert codes(_report(*whole)) == []


@pytest.mark.parametrize(
    ("date_line", "code", "severity"),
    [
        ("Ba Trang, ngày 21 tháng 6 năm 2023", "report-after-due", W),
        ("Ba Trang, ngày 10 tháng 12 năm 2022", "report-before-period", E),
        ("Ba Trang, ngày 15 tháng 6 năm 2023", None, None),
        ("Ba Trang, ngày … tháng 6 năm 2023", "report-undated", INFO),
    ],
)
def test_report_date_against_its_period(
    date_line: str, code: str | None, severity: Severity | None
) -> None:
    text = f"Số: 12/BC-UBND\n{date_line}\nBÁO CÁO\n6 tháng đầu năm 2023\n"
    found = [
        (f.code, f.severity)
        for f in check_report(text)
        if f.code.startswith("report-") and f.code != "report-unnumbered"
    ]
    assert found == ([] if code is None else [(code, severity)])


def _text(body: str, period: str = "6 tháng đầu năm 2023") -> list[tuple[str, Severity, str]]:
    text = f"BÁO CÁO\n{period}\n\nI. CÔNG TÁC CHỈ ĐẠO\n{body}\n"
    return [
        (f.code, f.severity, f.text or "")
        for f in check_report(text)
        if f.code not in _ALWAYS and f.code != "report-undated"
    ]


def test_duplicated_words() -> None:
    assert _text("- Đã triển khai khai thác hồ sơ.") == []  # "khai khai" needs the whole word
    assert _text("- Đã triển khai triển khai.") == []  # two words repeated: not this check
    assert _text("- Các các đơn vị.") == [("duplicated-word", W, "Các các")]
    assert _text("- Chất lượng dần dần nâng lên; 2 2 hồ sơ.") == []


def test_periods_against_the_report_period() -> None:
    assert _text("- Triển khai trong quý II.") == [("period-narrower", W, "quý II")]
    assert _text("- Tổng kết quý I.") == [("period-narrower", INFO, "quý I")]
    assert _text("- Sẽ kiểm tra trong quý III năm 2023.") == []  # after the period: a plan
    assert _text("- Trong quý I đã làm.", "quý III năm 2023") == [("period-outside", W, "quý I")]
    assert _text("- Năm 2022 đạt kết quả tốt; chỉ số CCHC năm 2022 tăng.") == []
    assert _text("- Ban hành Kế hoạch CCHC năm 2022.") == [
        ("plan-year-mismatch", W, "Kế hoạch CCHC năm 2022")
    ]
    assert _text("- Đánh giá kết quả thực hiện kế hoạch năm 2022.") == []
    assert _text("- Xây dựng kế hoạch năm 2024.") == []  # a later year is a plan ahead


def test_list_counts() -> None:
    body = "- Tổ chức 02 cuộc họp, cụ thể:\n+ Họp A;\n+ Họp B;\n+ Họp C."
    assert [c for c, _, _ in _text(body)] == ["list-count-mismatch"]
    assert _text(body.replace("+ Họp C.", "")) == []
    # A breakdown is no list of the things counted.
    assert _text("- Tiếp nhận 253 hồ sơ, trong đó:\n+ trước hạn 245;\n+ quá hạn 8.") == []


# --- the commands ----------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


SEED = str(Path(__file__).parents[1] / "src/par_index/examples/data/ba-trang-2023-h1.md")


def test_report_parse_command() -> None:
    status, text = run("report", "parse", SEED)
    assert status == 0
    assert "Kỳ báo cáo: 6 tháng đầu năm 2023" in text
    assert "hơn 500 lượt người" in text
    status, text = run("report", "parse", SEED, "--lang", "en", "--format", "json")
    assert status == 0
    data = json.loads(text)
    assert data.pop("schema_version") == "1"
    assert loads(Report, json.dumps(data)) == parse_report(ba_trang_text())


def test_report_check_command() -> None:
    status, text = run("report", "check", SEED)
    assert status == 0  # warnings only
    assert text.startswith("11 phát hiện (lỗi: 0, cảnh báo: 8, thông tin: 3)")
    assert "dòng 72: [cảnh báo] rate-truncated: " in text
    status, text = run("report", "check", SEED, "--lang", "en")
    assert "line 13: [warning] duplicated-word: " in text
    bad = str(DATA / "9-thang-2023-phuong-nghia-chanh.md")
    status, text = run("report", "check", bad, "--format", "json")
    assert status == 1
    rows = json.loads(text)
    assert {"code": "rate-mismatch", "severity": "error"}.items() <= rows[-1].items()
    assert rows[-1]["printed"] == "97.50"


def test_report_check_command_without_findings_and_from_stdin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Số: 12/BC-UBND\nBa Trang, ngày 16 tháng 6 năm 2023\nBÁO CÁO\n6 tháng đầu năm 2023\n"
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nII. KẾT QUẢ\n1. Cải cách thể chế\n"
        "2. Cải cách thủ tục hành chính\n3. Cải cách tổ chức bộ máy\n"
        "4. Cải cách chế độ công vụ\n5. Cải cách tài chính công\n6. Chuyển đổi số\n"
        "III. ĐÁNH GIÁ CHUNG\nIV. PHƯƠNG HƯỚNG\nV. KIẾN NGHỊ\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    assert run("report", "check", "-", "--lang", "en") == (0, "No findings.\n")


def test_report_commands_fail_on_no_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("không phải báo cáo", encoding="utf-8")
    assert run("report", "check", str(empty)) == (1, "")
    assert "[no-content]" in capsys.readouterr().err
    assert run("report", "parse", str(tmp_path / "missing.md")) == (1, "")
    assert "missing.md" in capsys.readouterr().err

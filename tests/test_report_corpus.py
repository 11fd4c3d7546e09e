"""Reading the real texts of tests/data/reports/real: portal news items, partial reports, a
statistics page, letters, Word and PDF files, each with a hand-written expected reading.

Every expected value was worked out by hand from the text (the arithmetic is written in each
NAME.expected.toml). The floors below are the corpus's measured precision and recall
(benchmarks/bench_report_corpus.py prints the table); they may only rise.
"""

from __future__ import annotations

import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from par_index.examples.ba_trang import ba_trang_text
from par_index.formats.documents import read_document
from par_index.reports import ScopeKind, TextKind, check_report, parse_report
from par_index.reports.checks import Severity
from par_index.reports.parser import ReportParseError, read_report

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_report_corpus as bench

REAL = Path(__file__).parent / "data" / "reports" / "real"


def _expected(name: str) -> dict[str, object]:
    return tomllib.loads((REAL / f"{name}.expected.toml").read_text(encoding="utf-8"))


def _text(name: str) -> str:
    return read_document(next(REAL.glob(f"{name}.*[!l]"))).text


def test_the_corpus_has_the_texts_the_issue_asks_for() -> None:
    texts = list(bench.corpus())
    assert len(texts) >= 30
    kinds = [_expected(p.stem)["kind"] for p, _ in texts]
    assert kinds.count("news") >= 5
    partial = [p for p, e in texts if _expected(p.stem)["partial"]]
    assert len(partial) >= 5
    assert sum(p.suffix == ".docx" for p, _ in texts) >= 2
    assert sum(p.suffix == ".pdf" for p, _ in texts) >= 2
    levels = [
        p
        for p, _ in texts
        if any(
            str(f["scope"]).startswith("level:")
            for f in _expected(p.stem).get("figures", [])  # type: ignore[attr-defined]
        )
    ]
    assert len(levels) >= 3
    two_periods = [p for p, _ in texts if len(_expected(p.stem)["periods"]) >= 2]  # type: ignore[arg-type]
    assert len(two_periods) >= 3


def test_precision_recall_and_no_false_alarm_floors(capsys: pytest.CaptureFixture[str]) -> None:
    tally = bench.run(verbose=False)
    capsys.readouterr()
    precision = tally.right / tally.read
    recall = tally.right / tally.expected
    assert precision >= 0.98, f"figure precision {precision:.1%}"
    assert recall >= 0.90, f"figure recall {recall:.1%}"
    assert tally.clashes_flagged == tally.clashes_expected == 16
    assert tally.false_alarms == 0
    assert tally.refusals_right == tally.refusals_expected == 2


def test_a_month_and_its_quarter_keep_their_own_figures() -> None:
    # Vĩnh Phúc, tháng 9 and quý III/2021: 4.131 new dossiers in September, 14.043 in the
    # quarter; the month's figure never fills the quarter's.
    report = parse_report(_text("vinhphuc-ttpvhcc-thang-9-quy-3-2021"))
    assert report.kind is TextKind.NEWS
    assert report.period is not None
    assert report.period.label() == "Tháng 9 năm 2021"
    assert report.figure("dossiers_new") is not None
    assert report.figure("dossiers_new").value == Decimal(4131)  # type: ignore[union-attr]
    quarter = [f for f in report.other_figures if f.period and f.period.key == "Q2021-3"]
    by_name = {f.name: f.value for f in quarter}
    assert by_name["dossiers_new"] == Decimal(14043)
    assert by_name["dossiers_carried_over"] == Decimal(2191)
    assert by_name["dossiers_to_process"] == Decimal(16234)
    assert by_name["dossiers_early_or_on_time_rate"] == Decimal("99.74")
    assert "partial" in report.warnings  # the copy stops mid-sentence
    # 4131 + 2171 = 6302 and 14043 + 2191 = 16234; 90/4169 = 2,16 % (due is the total).
    assert not [
        f
        for f in check_report(_text("vinhphuc-ttpvhcc-thang-9-quy-3-2021"))
        if f.severity is Severity.ERROR
    ]


def test_per_level_blocks_become_figures_of_their_level() -> None:
    # Kon Tum, quý I/2023 "tính từ ngày 15/12/2022 đến 14/3/2023" (the data window of the
    # quarter, NĐ 09/2019/NĐ-CP Điều 12).
    text = _text("kontum-quy-1-2023-theo-cap")
    report = parse_report(text)
    assert report.period is not None
    assert report.period.label() == "Quý I năm 2023"
    level = {
        (f.scope.name, f.name): f.value
        for f in report.other_figures
        if f.scope.kind is ScopeKind.LEVEL
    }
    assert level[("huyện", "dossiers_received")] == Decimal(6776)
    assert level[("huyện", "dossiers_online")] == Decimal(2521)
    assert level[("xã", "dossiers_online_rate")] == Decimal("13.05")
    findings = {(f.code, f.scope): f for f in check_report(text)}
    # 2521/6776 = 37,205 %: the printed 37,76 % fits no stated total.
    flagged = findings[("rate-denominator-unstated", "level:huyện")]
    assert flagged.printed == Decimal("37.76")
    assert flagged.computed == Decimal("37.20")
    assert "2.521/6.776 = 37,20%" in flagged.message_vi
    # 3399/26030 = 13,058 % rounds to 13,06: the printed 13,05 is truncated.
    assert findings[("rate-truncated", "level:xã")].computed == Decimal("13.06")


def test_flow_identities_are_checked_per_scope() -> None:
    # Hội An, quý III/2020: 10.133 + 612 = 10.745, not the 10.455 printed; 9.143 + 743 =
    # 9.886, not 9.986; 9.986 + 844 = 10.830 > 10.455.
    findings = check_report(_text("baoquangnam-hoi-an-quy-3-2020"))
    clashes = [(f.code, f.printed, f.computed) for f in findings if f.code == "flow-mismatch"]
    assert sorted(clashes) == sorted(
        [
            ("flow-mismatch", Decimal(10455), Decimal(10745)),
            ("flow-mismatch", Decimal(9986), Decimal(9886)),
            ("flow-mismatch", Decimal(10455), Decimal(10830)),
        ]
    )
    # Lâm Đồng, quý I/2020: 635.593 + 7.677 = 643.270, the province resolved 643.272.
    lam_dong = check_report(_text("baolamdong-quy-1-2020-theo-cap"))
    assert ("flow-mismatch", None, Decimal(643272), Decimal(643270)) in [
        (f.code, f.scope, f.printed, f.computed) for f in lam_dong
    ]


def test_an_abbreviated_count_stands_for_a_range() -> None:
    # Bến Tre, tháng 5/2021: "4,52 ngàn HS giải quyết đúng và trước hạn" stands for 4.515 to
    # 4.525; with 12 late that is 4.527 to 4.537, not the 4.561 resolved ("4.561/5.650 HS").
    findings = [
        f
        for f in check_report(_text("baodongkhoi-ttpvhcc-ben-tre-thang-5-2021"))
        if f.code == "flow-mismatch"
    ]
    assert [(f.printed, f.computed) for f in findings] == [(Decimal(4561), Decimal(4532))]
    # Tháng 10/2020: "8,98 ngàn" resolved (8.975 to 8.985) and "8,96 ngàn" + 17 (8.972 to
    # 8.982) overlap: no clash.
    assert not [
        f
        for f in check_report(_text("baodongkhoi-ttpvhcc-ben-tre-thang-10-2020"))
        if f.code == "flow-mismatch"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "baodaknong-dak-glong-nam-2020",
        "condao-mot-cua-quy-1-2021",
        "thanhnien-quan-1-nam-2018",
        "baobinhduong-cap-xa-nam-2021",
        "vinhphuc-vpub-thang-10-2021",
        "baotintuc-sipas-2023",
        "khanhhoa-cchc-xep-hang-2021",
    ],
)
def test_consistent_texts_get_no_finding_on_their_figures(name: str) -> None:
    numeric = [
        f
        for f in check_report(_text(name))
        if f.code.startswith(("rate-", "parts-", "flow-", "levels-"))
        and f.code != "rate-denominator-unstated"
    ]
    assert numeric == []


@pytest.mark.parametrize(
    "name", ["gialai-motcua-cach-tinh-thong-ke", "hue-tuongtac-tra-loi-phan-anh"]
)
def test_a_text_with_no_period_and_no_figure_is_refused(name: str) -> None:
    with pytest.raises(ReportParseError) as info:
        parse_report(_text(name))
    assert info.value.code == "no-content"


def test_a_letter_is_read_with_its_period_and_documents() -> None:
    report = parse_report(_text("sonla-snv-924-bao-cao-cchc-quy-3-2015"))
    assert report.kind is TextKind.LETTER
    assert report.period is not None
    assert report.period.label() == "Quý III năm 2015"
    assert report.figures == report.other_figures == ()
    assert "no-figures" in report.warnings
    assert {str(r).split(" ")[0] for r in report.references} >= {"924/SNV-CCHC", "3545/QĐ-UBND"}


def test_the_ba_trang_word_file_reads_as_its_text() -> None:
    from_word = parse_report(_text("ba-trang-bao-cao-cchc-6-thang-2023"))
    from_text = parse_report(ba_trang_text())
    assert [(f.name, f.value, f.qualifier) for f in from_word.figures] == [
        (f.name, f.value, f.qualifier) for f in from_text.figures
    ]
    assert from_word.period == from_text.period
    assert from_word.unit == from_text.unit
    assert from_word.header.date == from_text.header.date


def test_a_partial_report_with_a_banner_on_top() -> None:
    parsed = read_report(_text("dungkno-bao-cao-cchc-quy-1-2025"))
    assert parsed.partial
    report = parsed.report
    assert report.kind is TextKind.REPORT
    assert str(report.header.number) == "31/BC-UBND"
    # Dated 07/3/2025, before the data window of quý I closes on 14/3/2025 (NĐ 09/2019/NĐ-CP
    # Điều 12); cut off, so no section is reported missing. (The plan "năm 2024" named 150
    # characters after "Kế hoạch số 11/KH-UBND" is beyond the reach of the plan-year check.)
    assert {f.code for f in check_report(parsed.text)} == {"report-before-cutoff"}

"""Report files as they arrive (par_index.formats.documents), the periods and figures of
texts without a report title (par_index.reports.periods, par_index.reports.flows), and the
``report`` and ``score`` commands on Word, PDF and HTML files.

Expected values are read by hand from the texts quoted in each test (real sentences of the
corpus in tests/data/reports/real, whose sources are named in each file's first line).
"""

from __future__ import annotations

import builtins
import io
import unicodedata
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linearity import growth, is_linear
from par_index.cli import main
from par_index.formats.documents import (
    DocumentReadError,
    MissingExtraError,
    html_to_text,
    read_document,
    read_document_bytes,
)
from par_index.reports import StatedPeriodKind, TextKind, parse_report
from par_index.reports.flows import read_flows
from par_index.reports.parser import ReportParseError
from par_index.reports.periods import find_stated_periods

REAL = Path(__file__).parent / "data" / "reports" / "real"
CONDAO = (REAL / "sources" / "condao-mot-cua-quy-1-2021.md").read_text(encoding="utf-8")


# --- files -----------------------------------------------------------------------------------


def test_word_and_pdf_files_are_told_by_content_not_by_name(tmp_path: Path) -> None:
    word = (REAL / "dungkno-bao-cao-cchc-quy-1-2025.docx").read_bytes()
    pdf = (REAL / "condao-mot-cua-quy-1-2021.pdf").read_bytes()
    (tmp_path / "a.txt").write_bytes(word)
    (tmp_path / "b.md").write_bytes(pdf)
    got_word, got_pdf = read_document(tmp_path / "a.txt"), read_document(tmp_path / "b.md")
    assert got_word.format == "docx"
    # The header table reads as Markdown rows, as the report header parser expects.
    assert "| XÃ ĐƯNG K’NỚ | Độc lập - Tự do - Hạnh phúc |" in got_word.text
    assert got_pdf.format == "pdf"
    # The PDF breaks lines inside sentences; they are joined again.
    assert "trong đó nhận mới 3.000 hồ sơ, kỳ trước chuyển qua 01 hồ sơ;" in got_pdf.text


def test_a_pdf_reads_like_its_source_text() -> None:
    from_pdf = parse_report(read_document(REAL / "condao-mot-cua-quy-1-2021.pdf").text)
    from_text = parse_report(CONDAO)
    assert [(f.name, f.value) for f in from_pdf.all_figures] == [
        (f.name, f.value) for f in from_text.all_figures
    ]
    # "Bộ phận một cửa đã tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000 hồ sơ, kỳ trước
    # chuyển qua 01 hồ sơ; đã giải quyết và trả kết quả 2.998 hồ sơ, đạt tỷ lệ 99,9%".
    values = {f.name: f.value for f in from_pdf.figures}
    assert values["dossiers_received"] == 3001
    assert values["dossiers_new"] == 3000
    assert values["dossiers_carried_over"] == 1
    assert values["dossiers_resolved"] == 2998
    assert values["dossiers_resolved_rate"] == Decimal("99.9")


def test_html_is_read_as_its_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body>"
        "<!-- banner --><div>Lượt xem: 842</div><h1>Côn Đảo quý I/2021</h1>"
        "<p>Bộ phận một cửa đã tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000&nbsp;hồ sơ.</p>"
        "<script>var x = 5;</script><table><tr><td>Mức 3</td><td>68544</td></tr></table>"
        "</body></html>"
    )
    got = read_document_bytes(page.encode("utf-8"))
    assert got.format == "html"
    assert "var x" not in got.text
    assert "banner" not in got.text
    assert "Mức 3 | 68544" in got.text
    report = parse_report(got.text)
    assert report.kind is TextKind.NEWS
    assert {f.name: f.value for f in report.figures}["dossiers_received"] == 3001
    assert html_to_text("<p>a</p><p>b</p>") == "a\n\nb\n"


def _cp1258(text: str) -> bytes:
    """``text`` as Windows-1258 writes it: ă, â, ê, ô, ơ, ư, đ whole, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = list(unicodedata.normalize("NFD", ch))
            shape = "".join(m for m in marks if m not in tones)
            tone = "".join(m for m in marks if m in tones)
            out += unicodedata.normalize("NFC", base + shape).encode("cp1258")
            out += tone.encode("cp1258")
    return bytes(out)


def test_text_encodings() -> None:
    text = "Quý I/2021, Bộ phận một cửa đã tiếp nhận 3.001 hồ sơ."
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"):
        got = read_document_bytes(text.encode(encoding))
        assert parse_report(got.text).figures[0].value == 3001, encoding
    legacy = read_document_bytes(_cp1258(text))
    assert (legacy.encoding, legacy.text) == ("cp1258", text)


def test_legacy_fonts_and_binary_are_refused_with_the_encoding_named() -> None:
    # TCVN3 (ABC) "Chương trình cải cách" read as Windows-1252 bytes.
    tcvn3 = (
        "Ch\u00acng tr\u00d7nh c\u00b8i c\u00b8ch h\u00b5nh ch\u00ddnh, b\u00b8o c\u00b8o".encode(
            "cp1252"
        )
    )
    with pytest.raises(DocumentReadError) as info:
        read_document_bytes(tcvn3 * 3, "abc.txt")
    assert info.value.code == "legacy-font-encoding"
    assert "abc.txt" in str(info.value)
    with pytest.raises(DocumentReadError) as info:
        read_document_bytes(bytes(range(128, 256)) * 4, "x.bin")
    assert info.value.code == "bad-encoding"


def test_broken_and_unknown_files(tmp_path: Path) -> None:
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(DocumentReadError) as info:
        read_document_bytes(other.getvalue(), "a.zip")
    assert info.value.code == "unknown-format"
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("word/document.xml", "<not xml")
    with pytest.raises(DocumentReadError) as info:
        read_document_bytes(broken.getvalue(), "broken.docx")
    assert info.value.code == "bad-docx"
    with pytest.raises(DocumentReadError) as info:
        read_document_bytes(b"%PDF-1.4 broken", "broken.pdf")
    assert info.value.code == "bad-pdf"


def test_a_pdf_without_text_is_refused() -> None:
    from pypdf import PdfWriter

    blank = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(blank)
    with pytest.raises(DocumentReadError) as info:
        read_document_bytes(blank.getvalue(), "scan.pdf")
    assert info.value.code == "pdf-without-text"


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_extras(name: str, *args: Any, **kwargs: Any) -> Any:
        if name in ("docx", "pypdf"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extras)
    for name in ("dungkno-bao-cao-cchc-quy-1-2025.docx", "condao-mot-cua-quy-1-2021.pdf"):
        with pytest.raises(MissingExtraError) as info:
            read_document(REAL / name)
        assert "pip install 'par_index[documents]'" in str(info.value)


# --- periods as written ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("từ ngày 21/7 đến 20/8/2021", "R2021-07-21..2021-08-20"),
        # The data window of quý I/2023 (15/12/2022 to 14/3/2023, NĐ 09/2019/NĐ-CP Điều 12).
        ("tính từ ngày 15/12/2022 đến 14/3/2023", "Q2023-1"),
        ("Từ ngày 1/9 đến 30/9/2024", "M2024-09"),  # the calendar month
        ("Từ ngày 02/6/2017 đến hết tháng 4/2018", "R2017-06-02..2018-04-30"),
        ("Từ đầu năm 2015 đến nay", "YTD2015"),
        ("10 tháng đầu năm 2025", "T2025-10"),
        ("Từ năm 2015 đến năm 2020", "Y2015..2020"),
        ("quý III.2020", "Q2020-3"),
        ("tháng 10-2020", "M2020-10"),
        ("9 tháng năm 2020", "N2020"),
        ("6 tháng đầu năm 2023", "H2023"),
    ],
)
def test_periods_as_written(phrase: str, key: str) -> None:
    found = find_stated_periods(f"Trong {phrase}, tỉnh tiếp nhận 10 hồ sơ.")
    assert found[0].period.key == key


def test_a_period_without_its_year_takes_the_context_year() -> None:
    (found,) = find_stated_periods("trong quý I", default_year=2023)
    assert found.period.key == "Q2023-1"
    assert found.period.kind is StatedPeriodKind.QUARTER
    (ytd,) = find_stated_periods("từ đầu năm đến nay", default_year=2015)
    assert ytd.period.label() == "Từ đầu năm 2015 đến nay"
    assert find_stated_periods("trong quý I") == ()


# --- figures with scope and period -----------------------------------------------------------


def _flows(text: str) -> list[tuple[str, str, str, Decimal]]:
    return [
        (f.name, f.scope.key, f.period.key if f.period else "", f.value)
        for f in read_flows(text, [(0, len(text))], None, 2023)
    ]


def test_words_after_a_number_name_it() -> None:
    # Kon Tum: "12.516 hồ sơ trực tuyến (đạt tỷ lệ 22,33% ...); 38.613 hồ sơ trực tiếp và bưu
    # chính; 4.910 hồ sơ từ kỳ trước chuyển sang".
    got = _flows(
        "Đã tiếp nhận 56.039 hồ sơ. Trong đó, có 12.516 hồ sơ trực tuyến (đạt tỷ lệ 22,33%); "
        "38.613 hồ sơ trực tiếp và bưu chính; 4.910 hồ sơ từ kỳ trước chuyển sang."
    )
    assert [(n, v) for n, _, _, v in got] == [
        ("dossiers_received", Decimal(56039)),
        ("dossiers_online", Decimal(12516)),
        ("dossiers_online_rate", Decimal("22.33")),
        ("dossiers_direct", Decimal(38613)),
        ("dossiers_carried_over", Decimal(4910)),
    ]


def test_feedback_in_progress_is_not_dossiers_in_progress() -> None:
    got = _flows(
        "Tỉnh tiếp nhận 677 phản ánh, kiến nghị; đã xử lý 629 phản ánh, kiến nghị; "
        "đang xử lý 48 phản ánh, kiến nghị còn trong hạn."
    )
    assert [n for n, *_ in got] == [
        "feedback_received",
        "feedback_resolved",
        "feedback_in_progress",
    ]


def test_levels_agencies_and_periods_open_a_clause() -> None:
    got = _flows(
        "Tháng 9/2021, Trung tâm đã tiếp nhận mới 4.131 hồ sơ.\n"
        "Quý III/2021, Trung tâm tiếp nhận mới 14.043 hồ sơ; cấp huyện tiếp nhận 6.776 hồ sơ.\n"
        "Các cơ quan tiếp nhận nhiều HS: Công an tỉnh 3,8 ngàn HS, Sở Tư pháp 829 HS."
    )
    assert got == [
        ("dossiers_new", "unit", "M2021-09", Decimal(4131)),
        ("dossiers_new", "unit", "Q2021-3", Decimal(14043)),
        ("dossiers_received", "level:huyện", "Q2021-3", Decimal(6776)),
        ("dossiers_received", "agency:Công an tỉnh", "", Decimal(3800)),
        ("dossiers_received", "agency:Sở Tư pháp", "", Decimal(829)),
    ]


def test_changes_and_comparisons_are_no_figures() -> None:
    got = _flows(
        "Số lượng hồ sơ trực tuyến tăng 34% so với tháng 9. Số HS tiếp nhận giảm 142 HS so với "
        "tháng 9-2020. Tỷ lệ hồ sơ trực tuyến tăng từ 18,9% trong tháng 9 lên 21,5%."
    )
    # "tăng 34% so với", "giảm 142 HS so với" compare; 18,9% is September's own rate and
    # 21,5% the text's period's.
    assert got == [
        ("dossiers_online_rate", "unit", "M2023-09", Decimal("18.9")),
        ("dossiers_online_rate", "unit", "", Decimal("21.5")),
    ]


def test_numbers_as_written() -> None:
    text = (
        "Tiếp nhận gần 43 nghìn hồ sơ; đã giải quyết 1,2 triệu hồ sơ; "
        "trả quá hạn 03 hồ sơ (0,4 %); lũy kế 268763 hồ sơ."
    )
    got = {
        f.name: (f.value, f.qualifier, f.approximate)
        for f in read_flows(text, [(0, len(text))], None, 2023)
    }
    assert got["dossiers_resolved"] == (Decimal(1_200_000), None, True)
    assert got["dossiers_late"] == (Decimal(3), None, False)
    assert got["dossiers_late_rate"] == (Decimal("0.4"), None, False)
    assert got["dossiers_to_process"] == (Decimal(268763), None, False)
    value, qualifier, approximate = got["dossiers_received"]
    assert (value, str(qualifier), approximate) == (Decimal(43000), "gần", True)


# --- texts of every kind -------------------------------------------------------------------


def test_a_news_item_with_a_portal_banner() -> None:
    report = parse_report(CONDAO)
    assert report.kind is TextKind.NEWS
    assert report.period is not None
    assert report.period.label() == "Quý I năm 2021"
    assert report.header.date == date(2021, 3, 26)
    # "Quyết định số 37 ngày 21/01/2021": a number without its symbol, its date after it.
    assert "no-number" in report.warnings


def test_strict_mode_keeps_the_full_report_contract() -> None:
    with pytest.raises(ReportParseError) as info:
        parse_report(CONDAO, strict=True)
    assert info.value.code == "no-report-title"


@given(st.text(alphabet=st.sampled_from("0123456789.,% hồsơtiếpnhậnmớicấphuyện;\n"), max_size=300))
def test_flows_never_fail_and_spans_index_the_text(text: str) -> None:
    for f in read_flows(text, [(0, len(text))], None, 2023):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.value >= 0


def test_loose_reading_is_linear_on_long_clauses() -> None:
    """A news item of one endless clause full of numbers and flow words."""
    piece = "tiếp nhận mới 4.131 hồ sơ (đạt 99,71%), cấp huyện 6.776 hồ sơ trực tuyến, "

    def text(n: int) -> str:
        return "Tháng 9/2021, Trung tâm " + piece * n

    small, large = text(150), text(600)
    ratio = growth(lambda: parse_report(small), lambda: parse_report(large), repeats=2)
    assert is_linear(ratio, 4), f"4x the text took {ratio:.1f}x the time"


# --- commands --------------------------------------------------------------------------------


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def test_report_commands_take_word_pdf_and_html(tmp_path: Path) -> None:
    code, out = _run("report", "parse", str(REAL / "dungkno-bao-cao-cchc-quy-1-2025.docx"))
    assert code == 0
    assert "Đưng K’Nớ" in out
    code, out = _run(
        "report", "check", str(REAL / "vinhphuc-mot-cua-huyen-xa-21-7-den-20-8-2021.pdf")
    )
    assert code == 0
    page = tmp_path / "kontum.html"
    text = (REAL / "kontum-quy-1-2023-theo-cap.md").read_text(encoding="utf-8")
    page.write_text(
        "<html><body>" + "".join(f"<p>{ln}</p>" for ln in text.splitlines()) + "</body></html>",
        encoding="utf-8",
    )
    code, out = _run("report", "check", "--lang", "en", str(page))
    assert code == 0  # warnings only: a rate of no stated total, a truncated rate
    assert "rate-truncated" in out
    assert "37.76" in out
    code, out = _run("report", "parse", "--format", "json", str(page))
    assert '"other_figures"' in out
    assert '"level"' in out


def test_score_takes_a_word_file() -> None:
    code, out = _run("score", str(REAL / "ba-trang-bao-cao-cchc-6-thang-2023.docx"))
    assert code == 0
    assert out


def test_a_document_dated_before_its_number() -> None:
    # Bắc Trà My: "Ngày 29/3/2023, UBND tỉnh Quảng Nam vừa ban hành Quyết định số
    # 617/QĐ-UBND về phê duyệt và công bố Chỉ số cải cách hành chính năm 2022".
    text = (REAL / "bactramy-chi-so-cchc-2022.md").read_text(encoding="utf-8")
    report = parse_report(text)
    (ref,) = report.references
    assert (str(ref), ref.date) == ("617/QĐ-UBND ngày 29/03/2023", date(2023, 3, 29))
    # PAR INDEX 2022 of the district: 91,44 %, first ("vị trí thứ nhất"); second in 2021.
    scores = {(f.name, f.period.key if f.period else ""): f.value for f in report.all_figures}
    assert scores[("par_index_score", "")] == Decimal("91.44")
    assert scores[("par_index_rank", "")] == 1
    assert scores[("par_index_rank", "Y2021")] == 2


def test_words_between_a_count_and_its_rate_name_the_rate() -> None:
    # Phong Điền: "đã giải quyết 3.654 hồ sơ, giải quyết đúng hẹn đạt 100%": the on-time
    # rate (read as early-or-on-time: no early count is stated), not the resolved rate.
    got = _flows(
        "Tháng 5/2023, UBND huyện tiếp nhận 1.234 hồ sơ; đã giải quyết 1.220 hồ sơ, giải quyết "
        "đúng hạn đạt 99,18%; quá hạn 10 hồ sơ.\nQua Tổng đài 1022 đã tiếp nhận 12 phản ánh, "
        "kiến nghị, đã xử lý 10, đang xử lý 2."
    )
    assert [(n, v) for n, _, _, v in got] == [
        ("dossiers_received", Decimal(1234)),
        ("dossiers_resolved", Decimal(1220)),
        ("dossiers_early_or_on_time_rate", Decimal("99.18")),
        ("dossiers_late", Decimal(10)),
        ("feedback_received", Decimal(12)),
        ("feedback_resolved", Decimal(10)),
        ("feedback_in_progress", Decimal(2)),
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_summary_shows_kind_period_scopes_and_warnings(lang: str) -> None:
    from par_index.reports.summary import render_summary

    text = (REAL / "kontum-quy-1-2023-theo-cap.md").read_text(encoding="utf-8")
    summary = render_summary(parse_report(text), lang)  # type: ignore[arg-type]
    if lang == "vi":
        assert "Loại văn bản: tin bài" in summary
        assert "Kỳ báo cáo: Quý I năm 2023" in summary
        assert "Số liệu theo cấp, đơn vị, kỳ khác (9):" in summary
        assert "[huyện]  37,76%" in summary
        assert "Không xác định được: số, ký hiệu văn bản (no-number)" in summary
    else:
        assert "Kind of text: news" in summary
        assert "[huyện]  37.76%" in summary
    vinh_phuc = (REAL / "vinhphuc-ttpvhcc-thang-9-quy-3-2021.md").read_text(encoding="utf-8")
    quarter = "Quý III năm 2021" if lang == "vi" else "Q3 2021"
    assert quarter in render_summary(parse_report(vinh_phuc), lang)  # type: ignore[arg-type]


def test_a_table_in_a_report_gives_figures_by_row() -> None:
    # Synthetic (a complement to the real statistics page): the rows of a Markdown table as
    # Word files export them. Cấp xã: 2.900 + 80 + 20 = 3.000, not the 2.990 resolved.
    text = (
        "BÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2024\n"
        "II. KẾT QUẢ\n2. Cải cách thủ tục hành chính\n\n"
        "| Cấp | Tiếp nhận | Đã giải quyết | Trước hạn | Đúng hạn | Quá hạn |\n"
        "|---|---|---|---|---|---|\n"
        "| Cấp huyện | 2.000 | 1.950 | 1.500 | 400 | 50 |\n"
        "| Cấp xã | 3.000 | 2.990 | 2.900 | 80 | 20 |\n"
        "| Tổng cộng | 5.000 | 4.940 | 4.400 | 480 | 60 |\n"
    )
    report = parse_report(text)
    assert {f.name: f.value for f in report.figures}["dossiers_resolved"] == 4940
    by_level = {(f.scope.name, f.name): f.value for f in report.other_figures}
    assert by_level[("huyện", "dossiers_late")] == 50
    assert by_level[("xã", "dossiers_early")] == 2900
    from par_index.reports import check_report

    clashes = [(f.code, f.scope, f.printed, f.computed) for f in check_report(text)]
    assert ("flow-mismatch", "level:xã", Decimal(2990), Decimal(3000)) in clashes
    assert not [c for c in clashes if c[0] == "levels-do-not-add-up"]  # 2.000 + 3.000 = 5.000


def test_a_title_without_its_year_takes_the_year_of_the_date_line() -> None:
    text = (
        "UBND XÃ A\nSố: 5/BC-UBND\nA, ngày 10 tháng 3 năm 2023\nBÁO CÁO\n"
        "Kết quả công tác cải cách hành chính quý I\nI. CÔNG TÁC CHỈ ĐẠO\n"
        "Trong quý I đã tiếp nhận 120 hồ sơ, giải quyết đúng hạn 118 hồ sơ.\n"
    )
    report = parse_report(text, strict=True)
    assert report.kind is TextKind.REPORT
    assert report.period is not None
    assert report.period.label() == "Quý I năm 2023"
    assert [(f.name, f.value) for f in report.figures] == [
        ("dossiers_received", Decimal(120)),
        ("dossiers_early_or_on_time", Decimal(118)),
    ]


def test_scores_out_of_their_maximum_and_ranks_out_of_their_total() -> None:
    report = parse_report(
        "Năm 2022, Chỉ số CCHC của huyện đạt 83,21/100 điểm, xếp thứ 3/10 huyện. "
        "Hội nghị diễn ra sáng nay 25/5 tại Hà Nội."
    )
    assert [(f.name, f.value) for f in report.all_figures] == [
        ("par_index_max", Decimal(100)),
        ("par_index_score", Decimal("83.21")),
        ("par_index_rank", Decimal(3)),
        ("par_index_rank_total", Decimal(10)),
    ]


def test_reports_of_every_kind_round_trip_through_json() -> None:
    from par_index.formats.json import dumps, loads
    from par_index.reports import Report

    for name in ("kontum-quy-1-2023-theo-cap", "baosonla-ttpvhcc-den-thang-4-2018"):
        report = parse_report((REAL / f"{name}.md").read_text(encoding="utf-8"))
        assert loads(Report, dumps(report)) == report


def test_score_reads_a_news_item_and_says_why_it_cannot_score_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A province's news item read through its figures; the commune framework scores only
    # xã, phường, thị trấn, and says so (no traceback).
    code, out = _run("score", str(REAL / "kontum-quy-1-2023-theo-cap.md"))
    assert (code, out) == (1, "")
    assert "tỉnh Kon Tum [framework-scope]" in capsys.readouterr().err


_PIECES = st.sampled_from(
    [
        "1,2345 ngàn hồ sơ", "3,5/10", "xếp thứ ", "chỉ số CCHC ", "đạt ", "83,21/100 điểm",
        "vị trí thứ 2,5", " hồ sơ", "tiếp nhận ", "cấp huyện ", "Sở Tư pháp ", "khối ", "%",
        "0", "12.345", " ; ", "\n", "Mức 3 ", "Tổng Đã xử lý Chưa xử lý Trước hạn\n",
        "1 2 3 4 5\n", "tháng 9/2021, ", "từ ngày 1/9 đến 30/9/2024 ", "gần ", "quý V ",
        "năm 2023", "- ", "phản ánh ", "Huyện Lập Thạch ", "tỷ lệ chậm ", "99,99 %",
        "BÁO CÁO\nquý I năm 2024\n", "| a | 1 | 2 | 3 |\n", "đã giải quyết ", "(đạt ", ")",
        "4.561/5.650 HS", "lũy kế ", "từ kỳ trước chuyển sang", "<!-- x -->\n",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_texts_of_flow_words_read_or_are_refused(text: str) -> None:
    """Any mix of the words, numbers and marks of flows reads (every figure valid) or is
    refused as having nothing to read; the checks run on whatever is read."""
    from par_index.reports import check_report
    from par_index.reports.parser import normalize_text

    try:
        report = parse_report(text)
    except ReportParseError as exc:
        code = exc.code
        assert code == "no-content"
        return
    for f in report.all_figures:
        assert f.span is not None
        assert f.text == normalize_text(text)[f.span.start : f.span.end]
    check_report(text)

"""The report parser on the seed report and on four reports of other shapes.

Every expected value was read by hand from the text under test (the seed, bundled as
``examples/data/ba-trang-2023-h1.md``, and the fixtures in ``tests/data/reports``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linearity import growth, is_linear
from par_index.examples.ba_trang import ba_trang_report, ba_trang_text
from par_index.exceptions import InvalidValueError
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import ReportingPeriod
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.reports import Figure, Qualifier, Report, SectionRole
from par_index.reports.extract import Region, extract_figures, normalize_text
from par_index.reports.figures import STANDARD_FIGURES
from par_index.reports.parser import (
    ReportParseError,
    parse_report,
    parse_report_file,
    read_report,
)

DATA = Path(__file__).parent / "data" / "reports"
R = SectionRole
A = ReformArea


def fixture(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def figures_of(report: Report) -> dict[str, tuple[str, str, Qualifier | None, str | None]]:
    return {f.name: (str(f.value), f.unit, f.qualifier, f.text) for f in report.figures}


def outline(report: Report) -> list[tuple[int, str, SectionRole, ReformArea | None, str]]:
    return [(s.level, s.numbering, s.role, s.area, s.heading) for s in report.walk()]


def assert_spans_point_at_their_text(text: str, report: Report) -> None:
    norm = normalize_text(text)
    for f in report.figures:
        assert f.span is not None
        assert norm[f.span.start : f.span.end] == f.text
        assert norm.count("\n", 0, f.span.start) + 1 == f.span.line
    for c in report.citations:
        assert c.span is not None
        assert norm.count("\n", 0, c.span.start) + 1 == c.span.line


# --- the seed --------------------------------------------------------------------------------


def test_seed_header_unit_period_and_signatory() -> None:
    r = parse_report(ba_trang_text())
    assert r.header.number == DocumentRef.parse("Số: /BC-UBND")
    assert (r.header.place, r.header.date, r.header.issuer) == ("Ba Trang", date(2023, 6, 5), None)
    assert r.title == "Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang"
    assert r.period == ReportingPeriod.half_year(2023)
    assert r.unit == AdministrativeUnit(None, "Ba Trang", UnitLevel.XA)
    assert r.signatory is not None
    assert (r.signatory.title, r.signatory.name, r.signatory.on_behalf) == (
        "Chủ tịch",
        "Phạm Văn Thích",
        "TM. Ủy ban nhân dân",
    )
    assert r.recipients == (
        "UBND huyện",
        "Phòng Nội vụ",
        "TT Đảng ủy; TTHĐND",
        "Các ngành ở xã",
        "Lưu: VT",
    )


def test_seed_document_references() -> None:
    r = parse_report(ba_trang_text())
    assert [str(c.ref) for c in r.citations] == [
        "4559/QĐ-UBND ngày 22/12/2022",
        "252/QĐ-UBND ngày 25/12/2022",
        "14/KH-UBND ngày 30/01/2023",
        "4559/QĐ-UBND ngày 22/12/2022",
        "59/2019/NĐ-CP ngày 01/07/2019",
        "76/NQ-CP ngày 15/07/2021",
        "4559/QĐ-UBND ngày 22/12/2022",
    ]
    assert_spans_point_at_their_text(ba_trang_text(), r)


def test_seed_outline() -> None:
    r = parse_report(ba_trang_text())
    assert outline(r) == [
        (1, "I", R.DIRECTION, A.DIRECTION, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"),
        (1, "II", R.RESULTS, None, "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH"),
        (2, "1", R.REFORM_AREA, A.INSTITUTIONS, "Cải cách thể chế"),
        (2, "2", R.REFORM_AREA, A.PROCEDURES, "Cải cách thủ tục hành chính (TTHC)"),
        (2, "3", R.REFORM_AREA, A.APPARATUS, "Cải cách tổ chức bộ máy"),
        (2, "4", R.REFORM_AREA, A.CIVIL_SERVICE, "Cải cách chế độ công vụ"),
        (2, "5", R.REFORM_AREA, A.PUBLIC_FINANCE, "Cải cách tài chính công"),
        (
            2,
            "6",
            R.REFORM_AREA,
            A.DIGITAL_GOVERNMENT,
            "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
        ),
        (1, "III", R.ASSESSMENT, None, "ĐÁNH GIÁ CHUNG"),
        (2, "1", R.STRENGTHS, None, "Mặt tích cực"),
        (2, "2", R.WEAKNESSES, None, "Những tồn tại, hạn chế, nguyên nhân"),
        (1, "IV", R.DIRECTIONS, None, "PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRONG TÂM"),
        (1, "V", R.PROPOSALS, None, "KIẾN NGHỊ, ĐỀ XUẤT"),
    ]
    first = r.sections[0].body
    assert (first[0].marker, first[0].depth) == ("-", 0)
    assert first[3].text == "Sơ kết công tác CCHC quý I;"  # the hard break "  " is dropped
    assert (first[3].marker, first[3].depth) == ("+", 1)


def test_seed_figures_named_in_the_issue() -> None:
    found = figures_of(parse_report(ba_trang_text()))
    assert found["documents_issued"][:2] == ("60", "văn bản")
    assert found["meetings"][0] == "5"
    assert found["propaganda_sessions"][0] == "9"
    assert found["propaganda_participants"] == (
        "500",
        "lượt người",
        Qualifier.OVER,
        "hơn 500 lượt người",
    )
    assert found["legal_propaganda_participants"][2] is Qualifier.NEARLY
    assert found["news_items"][0] == "4"
    assert found["tasks_assigned"][0] == "11"
    assert found["procedures_total"][0] == "115"
    assert found["dossiers_received"] == ("253", "hồ sơ", None, "253 hồ sơ")
    assert found["dossiers_early_or_on_time"] == ("245", "hồ sơ", None, "245")
    assert found["dossiers_early_or_on_time_rate"] == ("96.83", "%", None, "96,83%")
    assert found["dossiers_late"][0] == "7"
    assert found["dossiers_in_progress"][0] == "1"
    assert found["dossiers_in_progress_rate"][0] == "0.4"
    assert found["dossiers_online"][0] == "34"
    assert found["one_stop_staff"][:2] == ("4", "nhân sự")
    assert found["one_stop_computers"][0] == "3"
    assert found["one_stop_printers"][0] == "1"
    assert found["one_stop_computers_missing"][0] == "2"  # "còn thiếu 02 máy tính"
    assert found["staffing_quota"][0] == "21"
    assert found["documents_reviewed"][0] == "3"
    assert found["budget_revenue_rate"][:2] == ("50", "%")
    assert found["feedback_received"] == ("0", "phản ánh", None, "không có phản ánh kiến nghị")
    assert "tasks_completed" not in found  # "Một số nhiệm vụ đã thực hiện xong": no number


def test_seed_equals_the_hand_built_model_except_labels() -> None:
    """Figures, citations, sections: the same as the bundled model, spans included."""
    parsed = parse_report(ba_trang_text())
    bundled = ba_trang_report()
    assert attrs.evolve(parsed, figures=()) == attrs.evolve(bundled, figures=())

    def unlabelled(r: Report) -> dict[str, Figure]:
        return {f.name: attrs.evolve(f, label="") for f in r.figures}

    assert unlabelled(parsed) == unlabelled(bundled)
    # The parser labels each figure with its standard Vietnamese label.
    assert all(f.label == STANDARD_FIGURES[f.name].label_vi for f in parsed.figures)
    assert [f.span.start for f in parsed.figures if f.span] == sorted(
        f.span.start for f in parsed.figures if f.span
    )


def test_seed_regions_leave_out_directions_and_proposals() -> None:
    parsed = read_report(ba_trang_text())
    text = parsed.text
    heading_iv = text.index("### **IV.")
    assert all(not (r.start <= heading_iv < r.end) for r in parsed.regions)
    assert all(r.end <= heading_iv for r in parsed.regions)
    assert text[parsed.body[0] :].startswith("#### **I.")
    assert text[parsed.body[1] :].startswith("Trên đây là báo cáo")


# --- a quarterly commune report in plain text, with a portal banner --------------------------

Q1 = "quy-1-2024-xa-hanh-phuoc.txt"


def test_quarterly_plain_text_header_skips_the_portal_banner() -> None:
    r = parse_report(fixture(Q1))
    assert r.header.number == DocumentRef.parse("45/BC-UBND")
    assert (r.header.place, r.header.date) == ("Hành Phước", date(2024, 3, 12))
    assert r.header.issuer == "ỦY BAN NHÂN DÂN XÃ HÀNH PHƯỚC"
    # The curly quotes around the title are not part of it.
    assert r.title == "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024"
    assert r.period == ReportingPeriod.quarter(2024, 1)
    assert r.unit == AdministrativeUnit(None, "Hành Phước", UnitLevel.XA)
    assert r.signatory is not None
    assert (r.signatory.title, r.signatory.name, r.signatory.on_behalf) == (
        "Chủ tịch",
        "Nguyễn Văn Hùng",
        "TM. Ủy ban nhân dân",
    )
    assert r.recipients == ("Phòng Nội vụ huyện", "Lưu: VT")
    # The portal's "Tin liên quan" after the signature is not cited by the report.
    assert [str(c.ref) for c in r.citations] == ["123/UBND-NV ngày 05/03/2024"]


def test_quarterly_plain_text_outline() -> None:
    r = parse_report(fixture(Q1))
    assert outline(r) == [
        (1, "", R.OTHER, None, ""),  # "Thực hiện Công văn số 123/UBND-NV ..., báo cáo như sau:"
        (1, "I", R.DIRECTION, A.DIRECTION, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        (2, "1", R.OTHER, None, "Ban hành văn bản chỉ đạo"),
        (2, "2", R.OTHER, None, "Công tác tuyên truyền"),
        (2, "3", R.OTHER, None, "Thực hiện nhiệm vụ được giao"),
        (1, "II", R.RESULTS, None, "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
        (2, "1", R.REFORM_AREA, A.INSTITUTIONS, "Cải cách thể chế"),
        (2, "2", R.REFORM_AREA, A.PROCEDURES, "Cải cách thủ tục hành chính"),
        (2, "3", R.REFORM_AREA, A.APPARATUS, "Cải cách tổ chức bộ máy hành chính nhà nước"),
        (2, "4", R.REFORM_AREA, A.CIVIL_SERVICE, "Cải cách chế độ công vụ"),
        (2, "5", R.REFORM_AREA, A.PUBLIC_FINANCE, "Cải cách tài chính công"),
        # A heading whose number was forgotten, in capitals: its reform area sets its level.
        (2, "", R.REFORM_AREA, A.DIGITAL_GOVERNMENT, "CHUYỂN ĐỔI SỐ, XÂY DỰNG CHÍNH QUYỀN SỐ"),
        (1, "III", R.ASSESSMENT, None, "ĐÁNH GIÁ CHUNG"),
        (2, "1", R.STRENGTHS, None, "Ưu điểm"),
        (2, "2", R.WEAKNESSES, None, "Hạn chế, nguyên nhân"),
        (1, "IV", R.DIRECTIONS, None, "NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024"),
        (1, "V", R.PROPOSALS, None, "ĐỀ XUẤT, KIẾN NGHỊ"),
    ]


def test_quarterly_plain_text_figures() -> None:
    r = parse_report(fixture(Q1))
    assert figures_of(r) == {
        "documents_issued": ("12", "văn bản", None, "12 văn bản chỉ đạo, điều hành"),
        "meetings": ("2", "cuộc", None, "02 cuộc họp"),
        "propaganda_sessions": ("3", "buổi", None, "03 buổi"),
        "propaganda_participants": ("350", "lượt người", Qualifier.ABOUT, "khoảng 350 lượt người"),
        "news_items": ("6", "tin", None, "06 tin, bài"),
        "tasks_assigned": ("8", "nhiệm vụ", None, "08 nhiệm vụ"),
        "tasks_completed": ("6", "nhiệm vụ", None, "06 nhiệm vụ"),
        "legal_documents_issued": (
            "0",
            "văn bản",
            None,
            "không ban hành văn bản quy phạm pháp luật",
        ),
        "legal_propaganda_participants": (
            "200",
            "lượt người",
            Qualifier.OVER,
            "hơn 200 lượt người",
        ),
        "procedures_total": ("118", "thủ tục", None, "118 thủ tục"),
        # "1.245 hồ sơ" is written with a no-break space: normalised to a space.
        "dossiers_received": ("1245", "hồ sơ", None, "1.245 hồ sơ"),
        "dossiers_early_or_on_time": ("1198", "hồ sơ", None, "1.198 hồ sơ"),
        "dossiers_early_or_on_time_rate": ("96.22", "%", None, "96,22%"),
        "dossiers_late": ("12", "hồ sơ", None, "12 hồ sơ"),
        "dossiers_in_progress": ("35", "hồ sơ", None, "35 hồ sơ"),
        "dossiers_online": ("420", "hồ sơ", None, "420 hồ sơ"),
        "dossiers_online_rate": ("33.73", "%", None, "33,73%"),
        "one_stop_computers": ("5", "máy", None, "05 máy vi tính"),
        "one_stop_printers": ("2", "máy", None, "02 máy in"),
        "one_stop_staff": ("3", "công chức", None, "03 công chức"),
        "feedback_received": ("0", "phản ánh", None, "không nhận được phản ánh, kiến nghị"),
        "staffing_quota": ("20", "người", None, "20 người"),
        "budget_revenue_rate": ("28.5", "%", None, "28,5%"),
    }
    assert_spans_point_at_their_text(fixture(Q1), r)


def test_banner_numbers_and_targets_are_not_figures() -> None:
    r = parse_report(fixture(Q1))
    values = {f.value for f in r.figures}
    # "Lượt truy cập: 125.431", "Đã tiếp nhận 9.999 hồ sơ trực tuyến năm 2024" (banner);
    # "Tổ chức 02 hội nghị đối thoại" is a target in "IV. Nhiệm vụ trọng tâm".
    assert Decimal(125431) not in values
    assert Decimal(9999) not in values
    assert "citizen_dialogues" not in figures_of(r)
    # Read on its own, the whole text does take the banner's number: regions matter.
    whole = {f.name: f.value for f in extract_figures(fixture(Q1))}
    assert whole["dossiers_received"] == Decimal(9999)


# --- an annual district report in Markdown ---------------------------------------------------

YEAR = "nam-2023-huyen-ba-to.md"


def test_annual_district_markdown_header_and_tail() -> None:
    r = parse_report(fixture(YEAR))
    # A Markdown table holds the header; "228/ BC-UBND" has a space after the slash.
    assert r.header.number == DocumentRef.parse("228/BC-UBND")
    assert (r.header.place, r.header.date) == ("Ba Tơ", date(2023, 12, 22))
    assert r.header.issuer == "ỦY BAN NHÂN DÂN HUYỆN BA TƠ"
    assert r.title == "Kết quả công tác cải cách hành chính năm 2023"
    assert r.period == ReportingPeriod.annual(2023)
    # The title names no unit: the issuer does.
    assert r.unit == AdministrativeUnit(None, "Ba Tơ", UnitLevel.HUYEN)
    assert r.signatory is not None
    assert (r.signatory.title, r.signatory.name, r.signatory.on_behalf) == (
        "Phó Chủ tịch",
        "Đinh Văn Nam",
        "TM. Ủy ban nhân dân, KT. Chủ tịch",
    )
    assert r.recipients == (
        "UBND tỉnh Quảng Ngãi (b/c)",
        "Sở Nội vụ tỉnh",
        "TT Huyện ủy, TT HĐND huyện",
        "Lưu: VT, NV",
    )
    assert [str(c.ref) for c in r.citations] == [
        "59/2019/NĐ-CP ngày 01/07/2019",
        "35/KH-UBND ngày 20/02/2023",
    ]


def test_annual_district_markdown_outline_follows_heading_depth() -> None:
    r = parse_report(fixture(YEAR))
    assert [(s.level, s.numbering, s.role, s.area) for s in r.walk()] == [
        (1, "I", R.DIRECTION, A.DIRECTION),
        (1, "II", R.RESULTS, None),
        (2, "1", R.REFORM_AREA, A.INSTITUTIONS),
        (2, "2", R.REFORM_AREA, A.PROCEDURES),
        (2, "3", R.REFORM_AREA, A.APPARATUS),
        (2, "", R.REFORM_AREA, A.CIVIL_SERVICE),  # "### Cải cách chế độ công vụ", no number
        (2, "5", R.REFORM_AREA, A.PUBLIC_FINANCE),
        (2, "6", R.REFORM_AREA, A.DIGITAL_GOVERNMENT),
        (1, "III", R.ASSESSMENT, None),
        (2, "1", R.STRENGTHS, None),
        (2, "2", R.WEAKNESSES, None),
        (1, "IV", R.DIRECTIONS, None),
        (1, "V", R.PROPOSALS, None),
    ]


def test_annual_district_markdown_figures_with_thousands_separators() -> None:
    r = parse_report(fixture(YEAR))
    assert figures_of(r) == {
        "documents_issued": ("156", "văn bản", None, "156 văn bản chỉ đạo, điều hành"),
        "meetings": ("4", "cuộc", None, "04 cuộc họp, hội nghị"),
        "citizen_dialogues": ("2", "hội nghị", None, "02 hội nghị đối thoại"),
        "propaganda_sessions": ("24", "buổi", None, "24 buổi"),
        "propaganda_participants": ("2500", "lượt người", Qualifier.ABOVE, "trên 2.500 lượt người"),
        "news_items": ("135", "tin", None, "135 tin, bài"),
        "tasks_assigned": ("15", "nhiệm vụ", None, "15 nhiệm vụ"),
        "tasks_completed": ("14", "nhiệm vụ", None, "14 nhiệm vụ"),
        "legal_documents_issued": ("3", "văn bản", None, "03 văn bản quy phạm pháp luật"),
        "documents_self_inspected": ("12", "văn bản", None, "12 văn bản"),
        "documents_to_review": ("45", "văn bản", None, "45 văn bản"),
        "documents_reviewed": ("45", "văn bản", None, "45 văn bản"),
        "procedures_total": ("278", "thủ tục", None, "278 thủ tục"),
        "procedures_on_one_stop_software_rate": ("100", "%", None, "100%"),
        "dossiers_received": ("6192", "hồ sơ", None, "6.192 hồ sơ"),
        "dossiers_online": ("3105", "hồ sơ", None, "3.105 hồ sơ"),
        "dossiers_online_rate": ("50.15", "%", None, "50,15%"),
        # Both "trước hạn" and "đúng hạn" are stated: kept apart.
        "dossiers_early": ("4870", "hồ sơ", None, "4.870 hồ sơ"),
        "dossiers_on_time": ("1201", "hồ sơ", None, "1.201 hồ sơ"),
        "dossiers_late": ("21", "hồ sơ", None, "21 hồ sơ"),
        "dossiers_in_progress": ("100", "hồ sơ", None, "100 hồ sơ"),
        "dossiers_supplement_requested": ("57", "hồ sơ", None, "57 hồ sơ"),
        "dossiers_early_or_on_time_rate": ("98.05", "%", None, "98,05%"),
        "feedback_received": ("3", "phản ánh", None, "03 phản ánh, kiến nghị"),
        "staffing_quota": ("82", "người", None, "82 biên chế"),
        "budget_revenue_rate": ("112.4", "%", None, "112,4%"),
        "audit_recommendations": ("2", "kiến nghị", None, "02 kiến nghị"),
    }
    assert_spans_point_at_their_text(fixture(YEAR), r)


# --- a nine-month ward report with bold headings, cut off mid-sentence -----------------------

NINE = "9-thang-2023-phuong-nghia-chanh.md"


def test_truncated_report_parses_what_is_there() -> None:
    r = parse_report(fixture(NINE))
    assert r.period == ReportingPeriod.nine_months(2023)
    assert r.header.issuer == "UBND THÀNH PHỐ QUẢNG NGÃI UBND PHƯỜNG NGHĨA CHÁNH"
    assert r.unit == AdministrativeUnit(None, "Nghĩa Chánh", UnitLevel.PHUONG)
    assert (r.signatory, r.recipients) == (None, ())
    assert [(s.level, s.numbering, s.role, s.area) for s in r.walk()] == [
        (1, "I", R.DIRECTION, A.DIRECTION),
        (1, "II", R.RESULTS, None),
        (2, "1", R.REFORM_AREA, A.INSTITUTIONS),
        (2, "2", R.REFORM_AREA, A.PROCEDURES),
        (3, "a", R.REFORM_AREA, A.PROCEDURES),  # "a) Kết quả giải quyết hồ sơ TTHC"
        (3, "b", R.REFORM_AREA, A.PROCEDURES),  # "b) Bộ phận Một cửa"
        (2, "3", R.REFORM_AREA, A.APPARATUS),
        (2, "4", R.REFORM_AREA, A.CIVIL_SERVICE),
    ]
    last = next(s for s in r.walk() if s.numbering == "4")
    assert last.items == ("Thực hiện nâng lương thường xuyên cho 03 công chức, đồng thời cử",)
    assert figures_of(r) == {
        "documents_issued": ("25", "văn bản", None, "25 văn bản các loại"),
        "meetings": ("3", "cuộc", None, "03 cuộc họp, hội nghị"),
        "legal_documents_issued": (
            "0",
            "văn bản",
            None,
            "không có văn bản quy phạm pháp luật nào được ban hành",
        ),
        "dossiers_received": ("1020", "hồ sơ", None, "1.020 hồ sơ"),
        # Only "đúng hạn" is stated: read as the early-or-on-time count and rate.
        "dossiers_early_or_on_time": ("985", "hồ sơ", None, "985 hồ sơ"),
        "dossiers_early_or_on_time_rate": ("97.50", "%", None, "97,50%"),
        "dossiers_late": ("20", "hồ sơ", None, "20 hồ sơ"),
        "dossiers_late_rate": ("1.96", "%", None, "1,96%"),
        "dossiers_in_progress": ("25", "hồ sơ", None, "25 hồ sơ"),
        "one_stop_staff": ("4", "người", None, "04 người"),
        "staffing_quota": ("23", "người", None, "23 người"),
    }


# --- a six-month report with CRLF line ends, one title line and unnumbered headings ----------

SIX = "6-thang-2024-xa-ba-vinh.txt"


def test_crlf_inline_title_and_unnumbered_capital_headings() -> None:
    raw = (DATA / SIX).read_bytes().decode("utf-8")
    assert "\r\n" in raw
    r = parse_report(raw)
    assert r.header.number is None
    assert (r.header.place, r.header.date, r.header.issuer) == (
        "Ba Vinh",
        date(2024, 6, 10),
        "UBND XÃ BA VINH",
    )
    assert r.title == "sơ kết công tác cải cách hành chính 6 tháng đầu năm 2024 của xã Ba Vinh"
    assert r.period == ReportingPeriod.half_year(2024)
    assert r.unit == AdministrativeUnit(None, "Ba Vinh", UnitLevel.XA)
    assert [(s.level, s.role) for s in r.walk()] == [
        (1, R.DIRECTION),
        (1, R.RESULTS),
        (1, R.ASSESSMENT),
        (1, R.DIRECTIONS),
    ]
    assert r.signatory is not None
    assert (r.signatory.title, r.signatory.name) == ("Chủ tịch", "Phạm Thị Lan")
    assert r.recipients == ("Phòng Nội vụ huyện Ba Tơ", "Lưu VT")
    assert figures_of(r)["dossiers_early_or_on_time_rate"] == ("97.76", "%", None, "97,76%")
    assert figures_of(r)["propaganda_participants"][2] is Qualifier.NEARLY
    # "\r\n" keeps its two characters: offsets and line numbers match the file.
    received = r.figure("dossiers_received")
    assert received is not None
    assert received.span is not None
    assert raw[received.span.start : received.span.end] == "312 hồ sơ"
    assert received.span.line == 9


def test_parse_report_file_reads_utf8_and_utf16(tmp_path: Path) -> None:
    text = fixture(SIX)
    (tmp_path / "a.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert parse_report_file(tmp_path / "a.txt") == parse_report_file(tmp_path / "b.txt")
    assert parse_report_file(DATA / SIX) == parse_report((DATA / SIX).read_bytes().decode())
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe\x00\xd8")  # a lone surrogate
    (tmp_path / "d.txt").write_bytes(b"B\xc1O C\xc1O qu\xfd I n\xe3m 2024")  # Latin-1, not UTF-8
    for bad in ("c.txt", "d.txt"):
        with pytest.raises(ReportParseError) as info:
            parse_report_file(tmp_path / bad)
        assert info.value.code == "bad-encoding"


# --- pieces ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "value", "qualifier"),
    [
        ("Đã tiếp nhận 6.192 hồ sơ.", "dossiers_received", "6192", None),
        ("Đã tiếp nhận 1.234.567 hồ sơ.", "dossiers_received", "1234567", None),
        ("Tổ chức 05 cuộc họp.", "meetings", "5", None),
        ("Với hơn 500 lượt người tham gia.", "propaganda_participants", "500", Qualifier.OVER),
        ("Với gần 500 lượt người tham gia.", "propaganda_participants", "500", Qualifier.NEARLY),
        ("Có 03 máy tính.", "one_stop_computers", "3", None),
        ("Trả quá hạn 07 (tỷ lệ 2,77%).", "dossiers_late_rate", "2.77", None),
        ("Thu ngân sách đạt 105,25% dự toán.", "budget_revenue_rate", "105.25", None),
    ],
)
def test_vietnamese_number_forms(
    sentence: str, name: str, value: str, qualifier: Qualifier | None
) -> None:
    found = {f.name: f for f in extract_figures(sentence)}
    assert found[name].value == Decimal(value)
    assert found[name].qualifier is qualifier


@pytest.mark.parametrize(
    "sentence",
    [
        "Tổng số nhiệm vụ giao trong năm 2023 là nhiều nhiệm vụ.",  # a year is no count
        "Đã tiếp nhận 1,5 hồ sơ.",  # a count has no decimals
        "Đã tiếp nhận 6.19 hồ sơ.",  # nor a dot without three digits after it
        "Ngày 22/12/2022 tiếp nhận hồ sơ.",
        "Quyết định số 4559/QĐ-UBND về 12 máy",
        "Lượt truy cập: 125.431",
    ],
)
def test_what_is_not_a_figure(sentence: str) -> None:
    assert extract_figures(sentence) == ()


def test_missing_equipment_is_not_equipment() -> None:
    found = {f.name: f.value for f in extract_figures("Có 03 máy tính (còn thiếu 01 máy in).")}
    assert found == {"one_stop_computers": Decimal(3)}
    found = {f.name: f.value for f in extract_figures("Còn thiếu 01 máy in, 02 máy scan.")}
    assert found == {"one_stop_scanners_missing": Decimal(2)}


def test_regions_restrict_areas() -> None:
    text = "hơn 500 lượt người tham gia\nphổ biến pháp luật cho gần 300 lượt người\n"
    split = text.index("\n") + 1
    regions = [
        Region(0, split, ReformArea.DIRECTION),
        Region(split, len(text), ReformArea.INSTITUTIONS),
    ]
    found = {f.name: (f.value, f.qualifier) for f in extract_figures(text, regions)}
    assert found == {
        "propaganda_participants": (Decimal(500), Qualifier.OVER),
        "legal_propaganda_participants": (Decimal(300), Qualifier.NEARLY),
    }
    # In a region of public finance neither may stand.
    assert extract_figures(text, [Region(0, len(text), ReformArea.PUBLIC_FINANCE)]) == ()


def test_normalize_text_keeps_offsets() -> None:
    text = "a\u00a0b\r\nc\rd\u2028e\ufefff"
    norm = normalize_text(text)
    assert norm == "a b \nc\nd\ne f"
    assert len(norm) == len(text)
    assert normalize_text(norm) == norm
    decomposed = "Cải cách"  # "ả" written as "a" + combining hook
    assert normalize_text("Ca\u0309i cách") == decomposed
    with pytest.raises(TypeError):
        extract_figures(b"bytes")  # type: ignore[arg-type]


def test_units_from_titles() -> None:
    def unit(title: str) -> AdministrativeUnit | None:
        return parse_report(f"BÁO CÁO\n{title}\n").unit

    assert unit("Công tác CCHC năm 2023 của thành phố Hà Nội") == AdministrativeUnit(
        None, "Hà Nội", UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG
    )
    assert unit("Công tác CCHC năm 2023 của thành phố Quảng Ngãi") == AdministrativeUnit(
        None, "Quảng Ngãi", UnitLevel.THANH_PHO_THUOC_TINH
    )
    assert unit("CÔNG TÁC CCHC QUÝ I NĂM 2024 THỊ XÃ ĐỨC PHỔ") == AdministrativeUnit(
        None, "Đức Phổ", UnitLevel.THI_XA
    )
    assert unit("Công tác CCHC năm 2023 trên địa bàn xã, thị trấn") is None


def test_signature_variants() -> None:
    head = "BÁO CÁO\nquý I năm 2024\n\nI. CÔNG TÁC CHỈ ĐẠO\n- Nội dung.\n"
    one_line = parse_report(head + "\n**TM. ỦY BAN NHÂN DÂN CHỦ TỊCH**\n\nLê Văn Tám\n")
    assert one_line.signatory is not None
    assert (one_line.signatory.title, one_line.signatory.on_behalf) == (
        "Chủ tịch",
        "TM. Ủy ban nhân dân",
    )
    no_name = parse_report(head + "\nCHỦ TỊCH\n(Đã ký)\n")
    assert no_name.signatory is None


# --- errors and robustness -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "Một đoạn văn bất kỳ, không phải báo cáo.",
        "BÁO CÁO\nKết quả công tác cải cách hành chính\n",  # a title without a period
        "# BÁO CÁO\n\nquý V năm 2024",
    ],
)
def test_no_report_raises_the_documented_error(text: str) -> None:
    # Strict mode keeps the contract of full reports; the default refuses only a text with
    # neither a period nor a figure to read.
    with pytest.raises(ReportParseError) as info:
        parse_report(text, strict=True)
    assert isinstance(info.value, InvalidValueError)
    assert isinstance(info.value, ValueError)
    assert info.value.code == "no-report-title"
    assert "báo cáo CCHC" in str(info.value)
    with pytest.raises(ReportParseError) as lenient:
        parse_report(text)
    assert lenient.value.code == "no-content"


def test_a_non_string_is_refused() -> None:
    with pytest.raises(ReportParseError) as info:
        parse_report(None)  # type: ignore[arg-type]
    assert info.value.code == "wrong-type"


_PIECES = st.sampled_from(
    [
        "BÁO CÁO",
        "quý I năm 2024",
        "6 tháng đầu năm 2023",
        "# ",
        "## I. ",
        "**",
        "- ",
        "+ ",
        "\n",
        "\n\n",
        "Số: /BC-UBND",
        "Ba Trang, ngày 05 tháng 6 năm 2023",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Lê Văn An",
        "253 hồ sơ",
        "(tỷ lệ 96,83%)",
        "hơn 500 lượt người",
        "trả trước hạn",
        "không có phản ánh",
        "thiếu 02 máy tính, 01 máy in",
        "4559/QĐ-UBND ngày 22/12/2022",
        "xã Ba Trang",
        "Trên đây là",
        "1. ",
        "a) ",
        "III. ĐÁNH GIÁ CHUNG",
        "| ",
        "\t",
        "\r\n",
        "\u00a0",
        "“",
        "ngày 31/02/2023",
    ]
)
_REPORTISH = st.lists(_PIECES | st.text(max_size=6), max_size=50).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | _REPORTISH)
def test_any_text_parses_or_raises_report_parse_error(text: str) -> None:
    for candidate in (text, "BÁO CÁO\nquý I năm 2024\n" + text):
        try:
            report = parse_report(candidate)
        except ReportParseError:
            continue
        assert isinstance(report, Report)
        norm = normalize_text(candidate)
        for f in report.figures:
            assert f.span is not None
            assert norm[f.span.start : f.span.end] == f.text


def test_linear_time_on_hostile_text() -> None:
    """Long lines of keywords with no sentence end: nothing may backtrack.

    The CPU time grows with the text, not faster: a quarter of it against all of it.
    """
    line = " ".join(["tiếp nhận hồ sơ trực tuyến trước hạn đúng hạn tỷ lệ 1 2,3 thiếu 4 máy"] * 60)

    def text(blocks: int) -> str:
        return "BÁO CÁO\nquý I năm 2024\n" + "\n".join([line, "- " + line, "1. " + line] * blocks)

    small, large = text(25), text(100)
    ratio = growth(lambda: parse_report(small), lambda: parse_report(large), repeats=2)
    assert is_linear(ratio, 4), f"4x the text took {ratio:.1f}x the time"

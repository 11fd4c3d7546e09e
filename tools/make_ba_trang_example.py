"""Regenerate ``src/par_index/data/examples/ba-trang-2023-h1.report.json`` from the text.

Every figure below was read by hand from the report; this script only locates each one in
the text (so that its span is exact) and writes the model as JSON. The tests check the
result against hand-listed values independently of this script.

Run: ``python tools/make_ba_trang_example.py``
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from par_index.formats.json import dumps
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef, find_document_refs
from par_index.model.periods import ReportingPeriod
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.reports.model import (
    Block,
    BlockKind,
    Citation,
    Figure,
    Qualifier,
    Report,
    ReportHeader,
    Section,
    SectionRole,
    Signatory,
    SourceSpan,
)

DATA = Path(__file__).resolve().parents[1] / "src" / "par_index" / "data" / "examples"
TEXT = (DATA / "ba-trang-2023-h1.md").read_text(encoding="utf-8")

# (name, context that occurs once, fragment inside it, value, unit, label, qualifier)
FIGURES: list[tuple[str, str, str, str, str, str, Qualifier | None]] = [
    (
        "documents_issued",
        "ban hành 60 bản bản các loại",
        "60 bản bản các loại",
        "60",
        "văn bản",
        "bản các loại",
        None,
    ),
    (
        "meetings",
        "05 cuộc họp, hội nghị",
        "05 cuộc họp, hội nghị",
        "5",
        "cuộc",
        "cuộc họp, hội nghị",
        None,
    ),
    (
        "citizen_dialogues",
        "Tổ chức 01 hội nghị Chủ tịch",
        "01 hội nghị",
        "1",
        "hội nghị",
        "hội nghị Chủ tịch Ủy ban nhân dân xã với người dân",
        None,
    ),
    (
        "plan_completion_rate",
        "hoàn thành 100% khối lượng công việc",
        "100%",
        "100",
        "%",
        "hoàn thành khối lượng công việc",
        None,
    ),
    (
        "plan_progress_rate",
        "đạt 50% tiến độ",
        "50%",
        "50",
        "%",
        "so với kế hoạch năm đạt tiến độ",
        None,
    ),
    (
        "propaganda_sessions",
        "09 buổi tuyên truyền",
        "09 buổi",
        "9",
        "buổi",
        "buổi tuyên truyền",
        None,
    ),
    (
        "propaganda_participants",
        "hơn 500 lượt người tham gia",
        "hơn 500 lượt người",
        "500",
        "lượt người",
        "lượt người tham gia",
        Qualifier.OVER,
    ),
    (
        "news_items",
        "nội dung CCHC có 04 tin",
        "04 tin",
        "4",
        "tin",
        "tin, bài trên trang TTĐT về nội dung CCHC",
        None,
    ),
    (
        "tasks_assigned",
        "năm 2023 là 11 nhiệm vụ",
        "11 nhiệm vụ",
        "11",
        "nhiệm vụ",
        "nhiệm vụ Ủy ban nhân dân huyện giao trong năm 2023",
        None,
    ),
    (
        "legal_documents_issued",
        "không có ban hành văn bản QPPL",
        "không có ban hành văn bản QPPL",
        "0",
        "văn bản",
        "văn bản QPPL ban hành",
        None,
    ),
    (
        "legal_propaganda_participants",
        "gần 500 lượt người tham dự",
        "gần 500 lượt người",
        "500",
        "lượt người",
        "lượt người tham dự tuyên truyền pháp luật",
        Qualifier.NEARLY,
    ),
    (
        "documents_self_inspected",
        "tự kiểm tra được 03 văn bản",
        "03 văn bản",
        "3",
        "văn bản",
        "văn bản tự kiểm tra",
        None,
    ),
    (
        "documents_to_review",
        "rà soát trong năm 2023 là: 03 văn bản",
        "03 văn bản",
        "3",
        "văn bản",
        "văn bản phải được rà soát trong năm 2023",
        None,
    ),
    (
        "documents_reviewed",
        "đã được rà soát: 03 văn bản",
        "03 văn bản",
        "3",
        "văn bản",
        "văn bản đã được rà soát",
        None,
    ),
    ("procedures_total", "115 thủ tục", "115 thủ tục", "115", "thủ tục", "TTHC cấp xã", None),
    ("one_stop_computers", "có 03 máy tính", "03 máy tính", "3", "máy", "máy tính", None),
    ("one_stop_printers", "01 máy in", "01 máy in", "1", "máy", "máy in", None),
    (
        "one_stop_computers_missing",
        "thiếu 02 máy tính",
        "02 máy tính",
        "2",
        "máy",
        "máy tính còn thiếu",
        None,
    ),
    (
        "one_stop_scanners_missing",
        "01 máy scan",
        "01 máy scan",
        "1",
        "máy",
        "máy scan còn thiếu",
        None,
    ),
    (
        "one_stop_staff",
        "có 04 nhân sự",
        "04 nhân sự",
        "4",
        "nhân sự",
        "nhân sự là các công chức chuyên môn thường trực giải quyết hồ sơ TTHC",
        None,
    ),
    (
        "procedures_on_one_stop_software_rate",
        "100% TTHC được nhập",
        "100%",
        "100",
        "%",
        "TTHC được nhập trên phần mềm một cửa",
        None,
    ),
    (
        "digitisation_score",
        "hệ thống 9 điểm",
        "9 điểm",
        "9",
        "điểm",
        "điểm trung bình đánh giá số hoá trên hệ thống",
        None,
    ),
    (
        "dossiers_received",
        "giải quyết hồ sơ 253 hồ sơ",
        "253 hồ sơ",
        "253",
        "hồ sơ",
        "hồ sơ tiếp nhận giải quyết",
        None,
    ),
    (
        "dossiers_early_or_on_time",
        "trả trước hạn 245",
        "245",
        "245",
        "hồ sơ",
        "trả trước hạn",
        None,
    ),
    (
        "dossiers_early_or_on_time_rate",
        "(tỷ lệ 96,83%)",
        "96,83%",
        "96.83",
        "%",
        "tỷ lệ trả trước hạn",
        None,
    ),
    ("dossiers_late", "trả quá hạn 07", "07", "7", "hồ sơ", "trả quá hạn", None),
    ("dossiers_late_rate", "(tỷ lệ 2,77%)", "2,77%", "2.77", "%", "tỷ lệ trả quá hạn", None),
    ("dossiers_in_progress", "đang giải quyết 01", "01", "1", "hồ sơ", "đang giải quyết", None),
    (
        "dossiers_in_progress_rate",
        "(tỷ lệ 0,4%)",
        "0,4%",
        "0.4",
        "%",
        "tỷ lệ đang giải quyết",
        None,
    ),
    (
        "dossiers_online",
        "nộp trực tuyến 34 hồ sơ",
        "34 hồ sơ",
        "34",
        "hồ sơ",
        "hồ sơ thực hiện nộp trực tuyến",
        None,
    ),
    (
        "dossiers_online_rate",
        "(tỷ lệ 53,96%",
        "53,96%",
        "53.96",
        "%",
        "tỷ lệ so với các TTHC cung cấp dịch vụ công trực tuyến",
        None,
    ),
    (
        "feedback_received",
        "không có phản ánh kiến nghị",
        "không có phản ánh kiến nghị",
        "0",
        "phản ánh",
        "phản ánh kiến nghị liên quan đến quy định TTHC",
        None,
    ),
    (
        "staffing_quota",
        "là 21 người",
        "21 người",
        "21",
        "người",
        "số định biên (bao gồm Trưởng công an chính quy)",
        None,
    ),
    (
        "budget_revenue_rate",
        "Đạt 50% theo kế hoạch",
        "50%",
        "50",
        "%",
        "thu ngân sách nhà nước theo Kế hoạch được giao",
        None,
    ),
    (
        "audit_recommendations",
        "không có các kiến nghị của thanh tra",
        "không có các kiến nghị của thanh tra",
        "0",
        "kiến nghị",
        "kiến nghị của thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách",
        None,
    ),
]


def figure(
    name: str,
    context: str,
    fragment: str,
    value: str,
    unit: str,
    label: str,
    qualifier: Qualifier | None,
) -> Figure:
    at = TEXT.find(context)
    assert at >= 0, f"context not found: {context!r}"
    assert TEXT.find(context, at + 1) < 0, f"context not unique: {context!r}"
    start = TEXT.index(fragment, at)
    end = start + len(fragment)
    return Figure(
        name,
        Decimal(value),
        unit,
        label,
        qualifier,
        SourceSpan.of(TEXT, start, end),
        TEXT[start:end],
    )


# Headings of the text, in order: (line text, numbering, level, role, area)
HEADINGS: list[tuple[str, str, int, SectionRole, ReformArea | None]] = [
    (
        "#### **I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH**",
        "I",
        1,
        SectionRole.DIRECTION,
        ReformArea.DIRECTION,
    ),
    (
        "## **II. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH**",
        "II",
        1,
        SectionRole.RESULTS,
        None,
    ),
    ("### **1. Cải cách thể chế**", "1", 2, SectionRole.REFORM_AREA, ReformArea.INSTITUTIONS),
    (
        "## **2. Cải cách thủ tục hành chính (TTHC)**",
        "2",
        2,
        SectionRole.REFORM_AREA,
        ReformArea.PROCEDURES,
    ),
    ("## **3. Cải cách tổ chức bộ máy**", "3", 2, SectionRole.REFORM_AREA, ReformArea.APPARATUS),
    (
        "#### **4. Cải cách chế độ công vụ**",
        "4",
        2,
        SectionRole.REFORM_AREA,
        ReformArea.CIVIL_SERVICE,
    ),
    (
        "#### **5. Cải cách tài chính công**",
        "5",
        2,
        SectionRole.REFORM_AREA,
        ReformArea.PUBLIC_FINANCE,
    ),
    (
        "#### **6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số**",
        "6",
        2,
        SectionRole.REFORM_AREA,
        ReformArea.DIGITAL_GOVERNMENT,
    ),
    ("### **III. ĐÁNH GIÁ CHUNG**", "III", 1, SectionRole.ASSESSMENT, None),
    ("#### **1. Mặt tích cực**", "1", 2, SectionRole.STRENGTHS, None),
    ("#### **2. Những tồn tại, hạn chế, nguyên nhân**", "2", 2, SectionRole.WEAKNESSES, None),
    (
        "### **IV. PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRONG TÂM**",
        "IV",
        1,
        SectionRole.DIRECTIONS,
        None,
    ),
    ("## **V. KIẾN NGHỊ, ĐỀ XUẤT**", "V", 1, SectionRole.PROPOSALS, None),
]
END_OF_BODY = "Trên đây là báo cáo công tác CCHC 6 tháng năm 2023"


def blocks(lines: list[str]) -> tuple[Block, ...]:
    out = []
    for line in lines:
        s = line.strip()
        if not s:
            continue
        if s.startswith(("- ", "+ ")):
            out.append(Block(BlockKind.ITEM, s[2:].strip(), s[0], 0 if s[0] == "-" else 1))
        else:
            out.append(Block(BlockKind.PARAGRAPH, s))
    return tuple(out)


def sections() -> tuple[Section, ...]:
    lines = TEXT.split("\n")
    index = {h[0]: lines.index(h[0]) for h in HEADINGS}
    stop = next(i for i, line in enumerate(lines) if line.startswith(END_OF_BODY))
    bounds = [index[h[0]] for h in HEADINGS] + [stop]
    flat = []
    for k, (line, numbering, level, role, area) in enumerate(HEADINGS):
        heading = re.sub(r"^#+\s*\*\*\s*[IVX0-9]+\.\s*|\*\*$", "", line).strip()
        body = blocks(lines[bounds[k] + 1 : bounds[k + 1]])
        flat.append((level, Section(heading, level, role, numbering, area, body)))
    tops: list[Section] = []
    for level, section in flat:
        if level == 1:
            tops.append(section)
        else:
            parent = tops[-1]
            tops[-1] = Section(
                parent.heading,
                parent.level,
                parent.role,
                parent.numbering,
                parent.area,
                parent.body,
                (*parent.children, section),
            )
    return tuple(tops)


def main() -> None:
    citations = tuple(
        Citation(f.ref, SourceSpan.of(TEXT, f.start, f.end))
        for f in find_document_refs(TEXT)
        if not f.ref.is_draft  # the report's own number, in the header, is not a citation
    )
    report = Report(
        header=ReportHeader(DocumentRef.parse("Số: /BC-UBND"), "Ba Trang", date(2023, 6, 5)),
        title="Cải cách hành chính định kỳ 6 tháng năm 2023 xã Ba Trang",
        period=ReportingPeriod.half_year(2023),
        unit=AdministrativeUnit(None, "Ba Trang", UnitLevel.XA),
        sections=sections(),
        figures=tuple(figure(*row) for row in FIGURES),
        citations=citations,
        signatory=Signatory("Chủ tịch", "Phạm Văn Thích", "TM. Ủy ban nhân dân"),
        recipients=(
            "UBND huyện",
            "Phòng Nội vụ",
            "TT Đảng ủy; TTHĐND",
            "Các ngành ở xã",
            "Lưu: VT",
        ),
    )
    (DATA / "ba-trang-2023-h1.report.json").write_text(dumps(report) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

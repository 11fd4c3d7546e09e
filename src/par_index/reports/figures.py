"""The standard figures a CCHC report states, by name.

Names are stable identifiers that evidence and scoring read; labels are the words reports
use. A report may state figures outside this list (any snake_case name is allowed); these are
the ones the library knows how to find, check and score.
"""

from __future__ import annotations

import attrs

from par_index.model.areas import ReformArea

__all__ = ["STANDARD_FIGURES", "FigureSpec"]


@attrs.frozen
class FigureSpec:
    """What a standard figure means.

    Attributes:
        label_vi: the Vietnamese label.
        label_en: the English label.
        unit: the unit of count.
        area: the reform area the figure belongs to.
    """

    label_vi: str
    label_en: str
    unit: str
    area: ReformArea


_D = ReformArea.DIRECTION
_I = ReformArea.INSTITUTIONS
_P = ReformArea.PROCEDURES
_A = ReformArea.APPARATUS
_F = ReformArea.PUBLIC_FINANCE

STANDARD_FIGURES: dict[str, FigureSpec] = {
    "documents_issued": FigureSpec(
        "Văn bản chỉ đạo, điều hành đã ban hành", "Directive documents issued", "văn bản", _D
    ),
    "meetings": FigureSpec("Cuộc họp, hội nghị về CCHC", "Reform meetings held", "cuộc", _D),
    "citizen_dialogues": FigureSpec(
        "Hội nghị đối thoại của Chủ tịch UBND với người dân",
        "Chairperson's dialogues with citizens",
        "hội nghị",
        _D,
    ),
    "propaganda_sessions": FigureSpec(
        "Buổi tuyên truyền CCHC", "Reform information sessions", "buổi", _D
    ),
    "propaganda_participants": FigureSpec(
        "Lượt người tham gia tuyên truyền CCHC",
        "Attendances at reform information sessions",
        "lượt người",
        _D,
    ),
    "news_items": FigureSpec(
        "Tin, bài về CCHC trên trang thông tin điện tử", "Reform news items published", "tin", _D
    ),
    "plan_completion_rate": FigureSpec(
        "Tỷ lệ hoàn thành nhiệm vụ của kỳ báo cáo", "Share of the period's tasks done", "%", _D
    ),
    "plan_progress_rate": FigureSpec(
        "Tiến độ so với kế hoạch năm", "Progress against the annual plan", "%", _D
    ),
    "tasks_assigned": FigureSpec(
        "Nhiệm vụ được cấp trên giao", "Tasks assigned by the level above", "nhiệm vụ", _D
    ),
    "tasks_completed": FigureSpec(
        "Nhiệm vụ được giao đã hoàn thành", "Assigned tasks completed", "nhiệm vụ", _D
    ),
    "legal_documents_issued": FigureSpec(
        "Văn bản QPPL đã ban hành", "Legal normative documents issued", "văn bản", _I
    ),
    "legal_propaganda_participants": FigureSpec(
        "Lượt người tham dự tuyên truyền, phổ biến pháp luật",
        "Attendances at legal education sessions",
        "lượt người",
        _I,
    ),
    "documents_self_inspected": FigureSpec(
        "Văn bản đã tự kiểm tra", "Documents self-inspected", "văn bản", _I
    ),
    "documents_to_review": FigureSpec(
        "Văn bản phải rà soát", "Documents due for review", "văn bản", _I
    ),
    "documents_reviewed": FigureSpec("Văn bản đã rà soát", "Documents reviewed", "văn bản", _I),
    "procedures_total": FigureSpec(
        "TTHC thuộc thẩm quyền giải quyết", "Procedures under the unit's competence", "thủ tục", _P
    ),
    "procedures_on_one_stop_software_rate": FigureSpec(
        "Tỷ lệ TTHC được nhập trên phần mềm một cửa",
        "Share of procedures on the one-stop software",
        "%",
        _P,
    ),
    "one_stop_computers": FigureSpec(
        "Máy tính tại Bộ phận Một cửa", "Computers at the one-stop desk", "máy", _P
    ),
    "one_stop_printers": FigureSpec(
        "Máy in tại Bộ phận Một cửa", "Printers at the one-stop desk", "máy", _P
    ),
    "one_stop_computers_missing": FigureSpec(
        "Máy tính còn thiếu tại Bộ phận Một cửa",
        "Computers lacking at the one-stop desk",
        "máy",
        _P,
    ),
    "one_stop_scanners_missing": FigureSpec(
        "Máy scan còn thiếu tại Bộ phận Một cửa", "Scanners lacking at the one-stop desk", "máy", _P
    ),
    "one_stop_staff": FigureSpec("Nhân sự Bộ phận Một cửa", "One-stop desk staff", "người", _P),
    "digitisation_score": FigureSpec(
        "Điểm đánh giá số hóa trên hệ thống", "Digitisation score on the system", "điểm", _P
    ),
    "dossiers_received": FigureSpec("Hồ sơ đã tiếp nhận", "Dossiers received", "hồ sơ", _P),
    "dossiers_early": FigureSpec("Hồ sơ trả trước hạn", "Dossiers returned early", "hồ sơ", _P),
    "dossiers_on_time": FigureSpec("Hồ sơ trả đúng hạn", "Dossiers returned on time", "hồ sơ", _P),
    "dossiers_early_or_on_time": FigureSpec(
        "Hồ sơ trả trước và đúng hạn", "Dossiers returned early or on time", "hồ sơ", _P
    ),
    "dossiers_early_or_on_time_rate": FigureSpec(
        "Tỷ lệ hồ sơ trả trước và đúng hạn", "Share returned early or on time", "%", _P
    ),
    "dossiers_early_rate": FigureSpec("Tỷ lệ hồ sơ trả trước hạn", "Share returned early", "%", _P),
    "dossiers_on_time_rate": FigureSpec(
        "Tỷ lệ hồ sơ trả đúng hạn", "Share returned on time", "%", _P
    ),
    "dossiers_late": FigureSpec("Hồ sơ trả quá hạn", "Dossiers returned late", "hồ sơ", _P),
    "dossiers_late_rate": FigureSpec("Tỷ lệ hồ sơ trả quá hạn", "Share returned late", "%", _P),
    "dossiers_in_progress": FigureSpec(
        "Hồ sơ đang giải quyết", "Dossiers in progress", "hồ sơ", _P
    ),
    "dossiers_in_progress_rate": FigureSpec(
        "Tỷ lệ hồ sơ đang giải quyết", "Share in progress", "%", _P
    ),
    "dossiers_supplement_requested": FigureSpec(
        "Hồ sơ yêu cầu bổ sung", "Dossiers returned for supplement", "hồ sơ", _P
    ),
    "dossiers_online": FigureSpec("Hồ sơ nộp trực tuyến", "Dossiers submitted online", "hồ sơ", _P),
    "dossiers_online_rate": FigureSpec(
        "Tỷ lệ hồ sơ nộp trực tuyến", "Share submitted online", "%", _P
    ),
    "feedback_received": FigureSpec(
        "Phản ánh, kiến nghị về quy định TTHC", "Citizen feedback on procedures", "phản ánh", _P
    ),
    "staffing_quota": FigureSpec("Số định biên", "Staffing quota", "người", _A),
    "budget_revenue_rate": FigureSpec(
        "Tiến độ thu ngân sách so với kế hoạch", "Budget revenue against plan", "%", _F
    ),
    "audit_recommendations": FigureSpec(
        "Kiến nghị sau thanh tra, kiểm tra, kiểm toán về tài chính, ngân sách",
        "Audit and inspection recommendations on finance",
        "kiến nghị",
        _F,
    ),
}

# The flow of dossiers through the one-stop desk (Thông tư 01/2018/TT-VPCP Điều 17-18: tồn kỳ
# trước, tiếp nhận mới, đã giải quyết trước hạn, đúng hạn, quá hạn, đang giải quyết trong hạn,
# quá hạn, trả lại, rút), feedback, procedures and published indexes (PAR INDEX, SIPAS).
_FLOW_FIGURES: dict[str, FigureSpec] = {
    "dossiers_carried_over": FigureSpec(
        "Hồ sơ kỳ trước chuyển sang", "Dossiers carried over", "hồ sơ", _P
    ),
    "dossiers_new": FigureSpec("Hồ sơ tiếp nhận mới", "Dossiers newly received", "hồ sơ", _P),
    "dossiers_to_process": FigureSpec(
        "Tổng số hồ sơ phải giải quyết", "Dossiers to process", "hồ sơ", _P
    ),
    "dossiers_due": FigureSpec("Hồ sơ đến hạn giải quyết", "Dossiers due", "hồ sơ", _P),
    "dossiers_resolved": FigureSpec("Hồ sơ đã giải quyết", "Dossiers resolved", "hồ sơ", _P),
    "dossiers_resolved_rate": FigureSpec("Tỷ lệ hồ sơ đã giải quyết", "Share resolved", "%", _P),
    "dossiers_returned": FigureSpec(
        "Hồ sơ trả lại hoặc rút", "Dossiers returned or withdrawn", "hồ sơ", _P
    ),
    "dossiers_returned_rate": FigureSpec(
        "Tỷ lệ hồ sơ trả lại hoặc rút", "Share returned or withdrawn", "%", _P
    ),
    "dossiers_in_progress_within": FigureSpec(
        "Hồ sơ đang giải quyết trong hạn", "Dossiers in progress within the limit", "hồ sơ", _P
    ),
    "dossiers_in_progress_overdue": FigureSpec(
        "Hồ sơ đang giải quyết quá hạn", "Dossiers in progress past the limit", "hồ sơ", _P
    ),
    "dossiers_in_progress_overdue_rate": FigureSpec(
        "Tỷ lệ hồ sơ quá hạn chưa có kết quả", "Share past the limit, not done", "%", _P
    ),
    "dossiers_direct": FigureSpec(
        "Hồ sơ nộp trực tiếp", "Dossiers submitted in person", "hồ sơ", _P
    ),
    "dossiers_postal": FigureSpec(
        "Hồ sơ qua bưu chính công ích", "Dossiers by public postal service", "hồ sơ", _P
    ),
    "dossiers_online_level3": FigureSpec(
        "Hồ sơ trực tuyến mức độ 3", "Online dossiers, level 3", "hồ sơ", _P
    ),
    "dossiers_online_level4": FigureSpec(
        "Hồ sơ trực tuyến mức độ 4", "Online dossiers, level 4", "hồ sơ", _P
    ),
    "dossiers_online_full": FigureSpec(
        "Hồ sơ trực tuyến toàn trình", "Fully online dossiers", "hồ sơ", _P
    ),
    "dossiers_online_full_rate": FigureSpec(
        "Tỷ lệ hồ sơ trực tuyến toàn trình", "Share fully online", "%", _P
    ),
    "dossiers_online_partial": FigureSpec(
        "Hồ sơ trực tuyến một phần", "Partly online dossiers", "hồ sơ", _P
    ),
    "feedback_resolved": FigureSpec(
        "Phản ánh, kiến nghị đã xử lý", "Feedback handled", "phản ánh", _P
    ),
    "feedback_resolved_rate": FigureSpec(
        "Tỷ lệ phản ánh, kiến nghị đã xử lý", "Share of feedback handled", "%", _P
    ),
    "feedback_in_progress": FigureSpec(
        "Phản ánh, kiến nghị đang xử lý", "Feedback being handled", "phản ánh", _P
    ),
    "procedures_published": FigureSpec("TTHC được công bố", "Procedures published", "thủ tục", _P),
    "procedures_new": FigureSpec("TTHC mới ban hành", "New procedures", "thủ tục", _P),
    "procedures_amended": FigureSpec("TTHC sửa đổi, bổ sung", "Procedures amended", "thủ tục", _P),
    "procedures_abolished": FigureSpec("TTHC bị bãi bỏ", "Procedures abolished", "thủ tục", _P),
    "procedures_online": FigureSpec(
        "TTHC cung cấp dịch vụ công trực tuyến", "Procedures offered online", "thủ tục", _P
    ),
    "procedures_online_rate": FigureSpec(
        "Tỷ lệ TTHC cung cấp trực tuyến", "Share of procedures offered online", "%", _P
    ),
    "procedures_online_level3": FigureSpec(
        "TTHC trực tuyến mức độ 3", "Procedures online at level 3", "thủ tục", _P
    ),
    "procedures_online_level4": FigureSpec(
        "TTHC trực tuyến mức độ 4", "Procedures online at level 4", "thủ tục", _P
    ),
    "par_index_score": FigureSpec(
        "Chỉ số cải cách hành chính (PAR INDEX)", "PAR INDEX score", "%", _D
    ),
    "par_index_max": FigureSpec(
        "Điểm tối đa của Chỉ số cải cách hành chính", "PAR INDEX maximum score", "điểm", _D
    ),
    "par_index_rank": FigureSpec(
        "Thứ hạng Chỉ số cải cách hành chính", "PAR INDEX rank", "hạng", _D
    ),
    "par_index_rank_total": FigureSpec("Số đơn vị được xếp hạng", "Units ranked", "đơn vị", _D),
    "sipas_score": FigureSpec("Chỉ số hài lòng (SIPAS)", "Satisfaction index (SIPAS)", "%", _D),
}
STANDARD_FIGURES.update(_FLOW_FIGURES)

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

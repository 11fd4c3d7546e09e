"""The evidence of the bundled Ba Trang example: its report's figures and the facts its text
states.
"""

from __future__ import annotations

from typing import Final

from par_index.examples.ba_trang import ba_trang_report
from par_index.frameworks.measures import MeasureValue
from par_index.model.ratios import NOT_APPLICABLE
from par_index.scoring.evidence import Evidence, Measurement, evidence_from_report

__all__ = ["ba_trang_evidence"]

# --------------------------------------------------------------------------- Ba Trang

# Facts read from Ba Trang's six-month 2023 report (bundled as
# examples/data/ba-trang-2023-h1.md) for the illustrative commune framework: each quotes the
# sentence it rests on. Where the report says nothing, nothing is entered (the criterion
# then shows "missing evidence"); where it says the task did not arise in the period, the
# measure is not applicable.
_BA_TRANG_FACTS: Final[tuple[tuple[str, MeasureValue, str], ...]] = (
    (
        "plan.issued",
        "on_time",
        "“Quyết định 252/QĐ-UBND ngày 25/12/2022 của UBND xã Ba Trang về ban hành kế hoạch "
        "CCHC năm 2023”: ban hành trước khi năm kế hoạch bắt đầu",
    ),
    (
        "reports.on_time",
        True,
        "báo cáo 6 tháng đề ngày 05/6/2023, trước hạn gửi 20/6/2023 (NĐ 09/2019/NĐ-CP)",
    ),
    (
        "reports.complete",
        True,
        "báo cáo có đủ 5 phần của đề cương (I. chỉ đạo, điều hành; II. kết quả; III. đánh "
        "giá chung; IV. phương hướng; V. kiến nghị; CV 581/BNV-CCHC)",
    ),
    (
        "inspection.plan_issued",
        True,
        "“đã xây dựng và ban hành kế hoạch kiểm tra”",
    ),
    (
        "inspection.done",
        NOT_APPLICABLE,
        "không áp dụng trong kỳ: “thời gian kiểm tra công tác CCHC nội bộ tại địa phương "
        "thực hiện vào quý III năm 2023”",
    ),
    (
        "innovation.initiatives",
        0,
        "“đến nay chưa có mô hình sáng kiến mới được áp dụng”",
    ),
    (
        "legal_documents.issued_on_plan",
        NOT_APPLICABLE,
        "không áp dụng: “không có ban hành văn bản QPPL (do không có yêu cầu)”",
    ),
    (
        "legal_education.done",
        True,
        "“Thực hiện Kế hoạch 14/KH-UBND ngày 30/01/2023 ... địa phương đã tổ chức tuyên "
        "truyền các thôn trên địa bàn”",
    ),
    (
        "procedures.review_plan_issued",
        True,
        "“đã xây dựng kế hoạch về việc rà soát, đánh giá thủ tục hành chính năm 2023”",
    ),
    (
        "one_stop.equipment_sufficient",
        False,
        "“còn thiếu 02 máy tính, 01 máy scan”",
    ),
    (
        "one_stop.allowance_paid",
        True,
        "“về chế độ hỗ trợ cho công chức làm một cửa đã thực hiện”",
    ),
    (
        "staffing.within_quota",
        True,
        "“Thực hiện đúng quy định của nhà nước về sử dụng biên chế hành chính”",
    ),
    (
        "decentralisation.self_check_plan_issued",
        True,
        "“Thực hiện ban hành kế hoạch tự kiểm tra, đánh giá định kỳ đối với các nhiệm vụ "
        "quản lý nhà nước đã được phân cấp cho cấp xã”",
    ),
    (
        "civil_service.rotation_plan_issued",
        True,
        "“Xây dựng kế hoạch chuyển đổi vị trí công tác ... theo quy định tại Nghị định số "
        "59/2019/NĐ-CP”",
    ),
    (
        "civil_service.salary_review_done",
        True,
        "“Thực hiện xét, lập thủ tục đề nghị nâng lương đối với cán bộ, công chức cấp xã "
        "theo quy định”",
    ),
    (
        "public_assets.rules_followed",
        True,
        "“Thực hiện tốt theo quy chế đã được Ủy ban nhân dân xã ban hành”",
    ),
    (
        "digital.plan_issued",
        True,
        "“Ban hành và triển khai thực hiện ... kế hoạch phát triển Chính quyền điện tử hướng "
        "tới Chính quyền số ... năm 2023”",
    ),
    (
        "digital.e_documents",
        True,
        "“Thực hiện tốt việc trao đổi văn bản, giải quyết công việc giữa lãnh đạo, và công chức”",
    ),
    (
        "digital.staff_database_updated",
        True,
        "“Duy trì việc nhập, bổ sung thông tin hồ sơ cán bộ, công chức ... trong phần mềm quản lý”",
    ),
    (
        "iso.maintained",
        True,
        "“áp dụng, duy trì hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO "
        "9001:2015”",
    ),
    (
        "postal.promoted",
        True,
        "“Tuyên truyền, hướng dẫn và khuyến khích người dân tham gia dịch vụ tiếp nhận hồ sơ "
        "và trả kết quả qua dịch vụ bưu chính công ích”",
    ),
)


def ba_trang_evidence() -> Evidence:
    """The evidence of xã Ba Trang for the six months of 2023, for the example framework.

    The report's figures (:func:`evidence_from_report`) plus the facts its text states,
    each quoting its sentence. The report gives no count of assigned tasks completed and
    the unit has no appraisal yet, so those criteria show missing evidence; no survey was
    run.
    """
    base = evidence_from_report(ba_trang_report())
    return base.with_measures(Measurement(n, v, s) for n, v, s in _BA_TRANG_FACTS)

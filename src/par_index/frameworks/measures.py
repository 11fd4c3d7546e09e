"""The measures a framework may read, by name (the registry).

A measure is one value known about a unit for a period: a rate, a count, a value on some
scale, a yes/no fact or a category. Evidence holds measures by name and a framework's leaves
name the measure they read; loading a framework checks that every name exists here (or is
declared by the framework file itself) and that its kind suits the rule.

Values (the contract with :mod:`par_index.service.measures`, which computes the dossier rates):

* a **rate** is a :class:`~decimal.Decimal` fraction in [0, 1]; rules display and parse
  percentages, so "từ 80%" is ``Decimal("0.80")``;
* a **count** is an ``int`` of 0 or more;
* a **value** is a :class:`~decimal.Decimal` of 0 or more (a score such as "9 điểm");
* a **boolean** is ``True`` or ``False`` (đạt / không đạt);
* a **category** is one of the measure's allowed ``str`` categories;
* any of them may be :data:`~par_index.model.ratios.NOT_APPLICABLE` (không áp dụng).

Names: ``dossiers.*`` (computed from dossiers), ``report.<figure>`` for every standard report
figure, ``services.*`` (QĐ 766 indicators whose data the library does not compute), and
manual facts read from a unit's documents for the illustrative commune framework.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final, TypeAlias

import attrs

from par_index.core.validation import Checker, show
from par_index.exceptions import InvalidValueError, Problem
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable
from par_index.reports.figures import STANDARD_FIGURES

__all__ = [
    "MEASURES",
    "TIMELINESS_CATEGORIES",
    "InvalidMeasure",
    "MeasureKind",
    "MeasureOrigin",
    "MeasureSpec",
    "MeasureValue",
    "check_value",
    "figure_measure_kind",
    "measure_spec",
]

MeasureValue: TypeAlias = Decimal | int | bool | str | NotApplicable
"""The value of one measure: a rate or value (Decimal), a count (int), a fact (bool), a
category (str) or :data:`~par_index.model.ratios.NOT_APPLICABLE`."""

# on time / late / not done: the categories of the Cà Mau 1880/QĐ-UBND 2013 table
# ("Ban hành đúng thời gian: 1; ban hành chậm: 0,5; không ban hành: 0"; docs/sources.md).
TIMELINESS_CATEGORIES: Final = ("on_time", "late", "not_done")

NAME_RE: Final = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9][a-z0-9_]*)+")
CATEGORY_RE: Final = re.compile(r"[a-z][a-z0-9_]*")


class InvalidMeasure(InvalidValueError):
    """A measure (chỉ số đo) whose name is malformed or whose value does not suit its kind."""

    term = "chỉ số đo"
    what = "measure"


class MeasureKind(enum.StrEnum):
    """What kind of value a measure holds."""

    RATE = "rate"
    COUNT = "count"
    VALUE = "value"
    BOOLEAN = "boolean"
    CATEGORY = "category"


class MeasureOrigin(enum.StrEnum):
    """Where a measure's value comes from."""

    DOSSIERS = "dossiers"  # computed from dossiers (par_index.service.measures)
    REPORT = "report"  # a figure stated in a periodic report
    TASKS = "tasks"  # computed from a plan's tasks or from report figures
    MANUAL = "manual"  # a fact read from the unit's documents by a person
    SERVICES = "services"  # QĐ 766 data the library does not compute, given as input
    FRAMEWORK = "framework"  # declared by a framework file for its own use


@attrs.frozen
class MeasureSpec:
    """What a measure is.

    Attributes:
        name: the dotted name (``dossiers.on_time_rate_766``).
        kind: rate, count, value, boolean or category.
        description_vi: what it measures, in Vietnamese.
        description_en: an English gloss.
        origin: where its value comes from.
        categories: the allowed categories of a category measure, in order.

    Raises:
        InvalidMeasure: for a malformed name, categories on another kind, or none on a
            category measure.
    """

    name: str
    kind: MeasureKind
    description_vi: str
    description_en: str
    origin: MeasureOrigin
    categories: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.name, str, "name", "a dotted measure name"):
            c.check(
                NAME_RE.fullmatch(self.name) is not None,
                "name",
                "measure-name",
                "a dotted lower-case name such as dossiers.on_time_rate_766",
                self.name,
            )
        c.of_type(self.kind, MeasureKind, "kind", "a MeasureKind")
        c.of_type(self.description_vi, str, "description_vi", "a text")
        c.of_type(self.description_en, str, "description_en", "a text")
        c.of_type(self.origin, MeasureOrigin, "origin", "a MeasureOrigin")
        if c.of_type(self.categories, tuple, "categories", "a tuple of category names"):
            for i, cat in enumerate(self.categories):
                if c.of_type(cat, str, f"categories[{i}]", "a category name"):
                    c.check(
                        CATEGORY_RE.fullmatch(cat) is not None and cat != "not_applicable",
                        f"categories[{i}]",
                        "category-name",
                        "a snake_case category other than not_applicable",
                        cat,
                    )
            c.check(
                len(set(self.categories)) == len(self.categories),
                "categories",
                "duplicate-category",
                "distinct categories",
                self.categories,
            )
            if self.kind is MeasureKind.CATEGORY:
                c.check(
                    len(self.categories) >= 2,
                    "categories",
                    "too-few-categories",
                    "at least two categories for a category measure",
                    self.categories,
                )
            else:
                c.check(
                    not self.categories,
                    "categories",
                    "categories-on-non-category",
                    "no categories on a measure that is not a category",
                    self.categories,
                )
        c.raise_if_any(InvalidMeasure)


def check_value(kind: MeasureKind, value: object, categories: tuple[str, ...] = ()) -> str | None:
    """Why ``value`` does not suit a measure of ``kind``, or None when it does.

    :data:`~par_index.model.ratios.NOT_APPLICABLE` suits every kind.
    """
    if value is NOT_APPLICABLE:
        return None
    if kind is MeasureKind.RATE:
        if isinstance(value, Decimal) and value.is_finite() and 0 <= value <= 1:
            return None
        return "a rate: a Decimal fraction from 0 to 1 (96.83% is Decimal('0.9683'))"
    if kind is MeasureKind.COUNT:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return None
        return "a count: a whole number (int) of 0 or more"
    if kind is MeasureKind.VALUE:
        ok_int = isinstance(value, int) and not isinstance(value, bool)
        if (ok_int or (isinstance(value, Decimal) and value.is_finite())) and value >= 0:  # type: ignore[operator]
            return None
        return "a value: a finite Decimal or int of 0 or more"
    if kind is MeasureKind.BOOLEAN:
        return None if isinstance(value, bool) else "true or false"
    if isinstance(value, str) and value in categories:
        return None
    return "one of the categories " + ", ".join(categories)


def _spec(
    name: str,
    kind: MeasureKind,
    vi: str,
    en: str,
    origin: MeasureOrigin,
    categories: tuple[str, ...] = (),
) -> MeasureSpec:
    return MeasureSpec(name, kind, vi, en, origin, categories)


_R = MeasureKind.RATE
_C = MeasureKind.COUNT
_B = MeasureKind.BOOLEAN
_D = MeasureOrigin.DOSSIERS
_M = MeasureOrigin.MANUAL
_S = MeasureOrigin.SERVICES
_T = MeasureOrigin.TASKS


def figure_measure_kind(unit: str) -> MeasureKind:
    """The kind of the ``report.*`` measure of a figure stated in ``unit``.

    "%" figures become rates (96.83 → 0.9683), "điểm" figures values, all others counts.
    """
    if unit == "%":
        return MeasureKind.RATE
    if unit == "điểm":
        return MeasureKind.VALUE
    return MeasureKind.COUNT


_DOSSIER_SPECS = (
    # QĐ 766/QĐ-TTg indicators computed from dossier data (docs/sources.md) and the local count.
    _spec("dossiers.received", _C, "Số hồ sơ tiếp nhận", "Dossiers received", _D),
    _spec(
        "dossiers.on_time_rate_766",
        _R,
        "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn (chỉ tiêu 2.1, QĐ 766/QĐ-TTg)",
        "Dossiers handled early or on time (QĐ 766 indicator 2.1)",
        _D,
    ),
    _spec(
        "dossiers.early_or_on_time_rate",
        _R,
        "Tỷ lệ hồ sơ trả trước và đúng hạn (cách tính của báo cáo một cửa)",
        "Dossiers returned early or on time (as one-stop reports count)",
        _D,
    ),
    _spec("dossiers.late_rate", _R, "Tỷ lệ hồ sơ quá hạn", "Dossiers late", _D),
    _spec(
        "dossiers.online_rate_766",
        _R,
        "Tỷ lệ hồ sơ trực tuyến (chỉ tiêu 3.3, QĐ 766/QĐ-TTg; chưa nhân tỷ lệ đồng bộ)",
        "Online dossier share (QĐ 766 indicator 3.3, before the sync rate)",
        _D,
    ),
    _spec(
        "dossiers.online_submitted_rate",
        _R,
        "Tỷ lệ hồ sơ nộp trực tuyến",
        "Dossiers submitted online",
        _D,
    ),
    _spec(
        "dossiers.electronic_result_rate",
        _R,
        "Tỷ lệ hồ sơ có kết quả điện tử (chỉ tiêu 4.1, QĐ 766/QĐ-TTg)",
        "Dossiers with an electronic result (QĐ 766 indicator 4.1)",
        _D,
    ),
    _spec(
        "dossiers.digitised_rate",
        _R,
        "Tỷ lệ hồ sơ được số hóa (chỉ tiêu 4.2, QĐ 766/QĐ-TTg)",
        "Dossiers digitised (QĐ 766 indicator 4.2)",
        _D,
    ),
    _spec(
        "dossiers.reuse_rate",
        _R,
        "Tỷ lệ tái sử dụng dữ liệu số hóa (chỉ tiêu 4.3, QĐ 766/QĐ-TTg)",
        "Reuse of digitised data (QĐ 766 indicator 4.3)",
        _D,
    ),
    _spec(
        "dossiers.paid_online_rate",
        _R,
        "Tỷ lệ hồ sơ thanh toán trực tuyến (chỉ tiêu 3.6, QĐ 766/QĐ-TTg)",
        "Dossiers paid online (QĐ 766 indicator 3.6)",
        _D,
    ),
    _spec(
        "dossiers.satisfaction_rate_5_4",
        _R,
        "Mức độ hài lòng trong giải quyết TTHC (chỉ tiêu 5.4, QĐ 766/QĐ-TTg)",
        "Satisfaction in TTHC handling (QĐ 766 indicator 5.4)",
        _D,
    ),
)

_SERVICE_SPECS = (
    # QĐ 766/QĐ-TTg indicators that need data the library does not compute (docs/sources.md).
    _spec(
        "services.published_on_time_rate",
        _R,
        "Tỷ lệ TTHC được công bố đúng hạn (chỉ tiêu 1.1)",
        "Procedures published on time (indicator 1.1)",
        _S,
    ),
    _spec(
        "services.disclosed_on_time_rate",
        _R,
        "Tỷ lệ TTHC được cập nhật, công khai đúng hạn (chỉ tiêu 1.2)",
        "Procedures updated and disclosed on time (indicator 1.2)",
        _S,
    ),
    _spec(
        "services.disclosed_complete_rate",
        _R,
        "Tỷ lệ TTHC công khai đầy đủ các bộ phận (chỉ tiêu 1.3)",
        "Procedures disclosed with all components (indicator 1.3)",
        _S,
    ),
    _spec(
        "services.synced_rate",
        _R,
        "Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia (chỉ tiêu 1.4)",
        "Dossiers synced to the national portal (indicator 1.4)",
        _S,
    ),
    _spec(
        "services.online_capable_rate",
        _R,
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (chỉ tiêu 3.1)",
        "Procedures offered as online services (indicator 3.1)",
        _S,
    ),
    _spec(
        "services.online_used_rate",
        _R,
        "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ (chỉ tiêu 3.2)",
        "Online services with at least one dossier (indicator 3.2)",
        _S,
    ),
    _spec(
        "services.payment_integrated_rate",
        _R,
        "Tỷ lệ TTHC có phí, lệ phí tích hợp thanh toán trực tuyến (chỉ tiêu 3.5)",
        "Fee-bearing procedures with online payment (indicator 3.5)",
        _S,
    ),
    _spec(
        "services.feedback_on_time_rate",
        _R,
        "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn (chỉ tiêu 5.2)",
        "Feedback handled on time (indicator 5.2)",
        _S,
    ),
    _spec(
        "services.feedback_satisfaction_rate",
        _R,
        "Mức độ hài lòng trong xử lý phản ánh, kiến nghị (chỉ tiêu 5.3)",
        "Satisfaction in feedback handling (indicator 5.3)",
        _S,
    ),
)

_MANUAL_SPECS = (
    # Facts read from a commune's documents, scored by the illustrative commune framework.
    _spec(
        "plan.issued",
        MeasureKind.CATEGORY,
        "Ban hành kế hoạch CCHC năm: đúng thời gian, chậm hoặc không ban hành",
        "Annual reform plan issued on time, late or not at all",
        _M,
        TIMELINESS_CATEGORIES,
    ),
    _spec(
        "tasks.assigned_completion_rate",
        _R,
        "Tỷ lệ nhiệm vụ cấp trên giao đã hoàn thành",
        "Share of tasks assigned by the level above that are done",
        _T,
    ),
    # Computed from a plan's tasks (par_index.service.plans) or derived from report figures.
    _spec(
        "tasks.plan_completion_rate",
        _R,
        "Tỷ lệ nhiệm vụ của kế hoạch CCHC (nhiệm vụ của đơn vị) đã hoàn thành",
        "Share of the unit's own reform-plan tasks that are done",
        _T,
    ),
    _spec(
        "tasks.plan_on_time_rate",
        _R,
        "Tỷ lệ nhiệm vụ của kế hoạch CCHC (nhiệm vụ của đơn vị) hoàn thành đúng hạn, trước hạn",
        "Share of the unit's own reform-plan tasks done early or on time",
        _T,
    ),
    _spec(
        "tasks.assigned_on_time_rate",
        _R,
        "Tỷ lệ nhiệm vụ cấp trên giao hoàn thành đúng hạn, trước hạn",
        "Share of tasks assigned by the level above done early or on time",
        _T,
    ),
    _spec(
        "tasks.overdue",
        _C,
        "Số nhiệm vụ quá hạn chưa hoàn thành",
        "Tasks past their due date and not done",
        _T,
    ),
    _spec(
        "reports.on_time",
        _B,
        "Báo cáo CCHC định kỳ gửi đúng thời gian",
        "Periodic reform reports sent on time",
        _M,
    ),
    _spec(
        "reports.complete",
        _B,
        "Báo cáo CCHC đầy đủ nội dung theo đề cương",
        "Reform reports complete according to the outline",
        _M,
    ),
    _spec(
        "inspection.plan_issued",
        _B,
        "Ban hành kế hoạch kiểm tra CCHC",
        "Reform inspection plan issued",
        _M,
    ),
    _spec(
        "inspection.done",
        _B,
        "Thực hiện kiểm tra CCHC theo kế hoạch",
        "Reform inspections carried out as planned",
        _M,
    ),
    _spec(
        "innovation.initiatives",
        _C,
        "Số mô hình, sáng kiến mới về CCHC được áp dụng",
        "New reform models and initiatives applied",
        _M,
    ),
    _spec(
        "legal_documents.issued_on_plan",
        _B,
        "Ban hành văn bản QPPL đúng kế hoạch",
        "Legal normative documents issued as planned",
        _M,
    ),
    _spec(
        "legal_documents.review_rate",
        _R,
        "Tỷ lệ văn bản đã rà soát trên số văn bản phải rà soát",
        "Documents reviewed over documents due for review",
        _T,
    ),
    _spec(
        "legal_education.done",
        _B,
        "Thực hiện kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật",
        "Legal education plan carried out",
        _M,
    ),
    _spec(
        "feedback.handled_on_time_rate",
        _R,
        "Tỷ lệ phản ánh, kiến nghị về quy định TTHC được xử lý đúng hạn",
        "Citizen feedback on procedures handled on time",
        _T,
    ),
    _spec(
        "procedures.review_plan_issued",
        _B,
        "Ban hành kế hoạch rà soát, đánh giá TTHC",
        "Procedure review plan issued",
        _M,
    ),
    _spec(
        "one_stop.equipment_sufficient",
        _B,
        "Bộ phận Một cửa có đủ trang thiết bị theo quy định",
        "One-stop desk fully equipped",
        _M,
    ),
    _spec(
        "one_stop.allowance_paid",
        _B,
        "Thực hiện chế độ hỗ trợ cho công chức làm việc tại Bộ phận Một cửa",
        "Allowance paid to one-stop desk staff",
        _M,
    ),
    _spec(
        "staffing.within_quota",
        _B,
        "Sử dụng biên chế đúng số lượng được giao",
        "Staff within the assigned quota",
        _M,
    ),
    _spec(
        "decentralisation.self_check_plan_issued",
        _B,
        "Ban hành kế hoạch tự kiểm tra, đánh giá nhiệm vụ quản lý nhà nước được phân cấp",
        "Self-check plan for decentralised state management tasks issued",
        _M,
    ),
    _spec(
        "civil_service.rotation_plan_issued",
        _B,
        "Ban hành kế hoạch chuyển đổi vị trí công tác",
        "Job rotation plan issued",
        _M,
    ),
    _spec(
        "civil_service.salary_review_done",
        _B,
        "Thực hiện xét nâng lương cho cán bộ, công chức theo quy định",
        "Salary step reviews done as required",
        _M,
    ),
    _spec(
        "audit.recommendations_done_rate",
        _R,
        "Tỷ lệ kiến nghị sau thanh tra, kiểm tra, kiểm toán về tài chính đã thực hiện",
        "Audit recommendations on finance carried out",
        _T,
    ),
    _spec(
        "public_assets.rules_followed",
        _B,
        "Quản lý, sử dụng tài sản công theo quy chế",
        "Public assets managed according to the rules",
        _M,
    ),
    _spec(
        "digital.plan_issued",
        _B,
        "Ban hành kế hoạch phát triển Chính quyền điện tử, Chính quyền số năm",
        "Annual e-government / digital government plan issued",
        _M,
    ),
    _spec(
        "digital.e_documents",
        _B,
        "Trao đổi văn bản, giải quyết công việc trên môi trường mạng",
        "Documents exchanged and work handled electronically",
        _M,
    ),
    _spec(
        "digital.staff_database_updated",
        _B,
        "Cập nhật cơ sở dữ liệu cán bộ, công chức trên phần mềm",
        "Civil servant database kept up to date",
        _M,
    ),
    _spec(
        "iso.maintained",
        _B,
        "Áp dụng, duy trì hệ thống quản lý chất lượng TCVN ISO 9001:2015",
        "ISO 9001:2015 quality management applied and maintained",
        _M,
    ),
    _spec(
        "postal.promoted",
        _B,
        "Tuyên truyền, hướng dẫn sử dụng dịch vụ bưu chính công ích",
        "Public postal service for dossiers promoted",
        _M,
    ),
)


def _figure_specs() -> tuple[MeasureSpec, ...]:
    out = []
    for name, fig in STANDARD_FIGURES.items():
        out.append(
            _spec(
                f"report.{name}",
                figure_measure_kind(fig.unit),
                f"{fig.label_vi} (số liệu báo cáo, {fig.unit})",
                f"{fig.label_en} (report figure, {fig.unit})",
                MeasureOrigin.REPORT,
            )
        )
    return tuple(out)


def _registry(*groups: tuple[MeasureSpec, ...]) -> Mapping[str, MeasureSpec]:
    table: dict[str, MeasureSpec] = {}
    for group in groups:
        for spec in group:
            if spec.name in table:  # pragma: no cover - a programming error caught at import
                raise InvalidMeasure(
                    [Problem(spec.name, "duplicate-measure", "a unique name", show(spec.name))]
                )
            table[spec.name] = spec
    return MappingProxyType(table)


MEASURES: Final[Mapping[str, MeasureSpec]] = _registry(
    _DOSSIER_SPECS, _figure_specs(), _SERVICE_SPECS, _MANUAL_SPECS
)
"""Every measure the library knows, by name."""


def measure_spec(name: str) -> MeasureSpec | None:
    """The registered measure called ``name``, or None."""
    return MEASURES.get(name)

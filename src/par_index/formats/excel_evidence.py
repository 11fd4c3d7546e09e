"""Evidence tables: the template units fill in, and reading it back (xlsx or CSV).

One row per unit and per node of the framework, grouped by unit in table order — the shape of
the official tables, whose criteria are rows and whose scores are columns (Cà Mau
1880/QĐ-UBND 2013: "Điểm tối đa | Tự đánh giá | SNV đánh giá"), so that a Sở Nội vụ can filter
one commune and its officials read it like the paper phiếu. Evidence documents, explanations
and appraisal comments are long texts that only fit as columns of a row per criterion; the
same table is a CSV file. Inner rows (domains, criteria) are there so that the appraiser can
mark a whole domain not applicable; their points are computed, never typed.

The template (:func:`write_evidence_template`) carries the framework's Vietnamese labels, the
measure each leaf reads and its unit, allowed values as Excel data validation lists, an
instructions sheet citing the framework's source, and columns for the value, self-score,
two appraisal rounds (as the scoring software in use keeps) and the evidence documents.
:func:`read_evidence_table` reads it back, strictly, every problem at once with its place.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from par_index.core.lang import Lang
from par_index.exceptions import InvalidValueError, Problem
from par_index.formats.excel_cells import (
    MISSING_EXCEL,
    Cell,
    Grid,
    SheetProblems,
    closest,
    column_letter,
    csv_grid,
    decode_text,
    fold,
    is_xlsx,
    load_workbook,
    parse_number,
    row_is_empty,
    sheet_grid,
    text_of,
)
from par_index.frameworks.measures import MeasureKind, MeasureValue
from par_index.frameworks.model import Criterion, Framework
from par_index.frameworks.rules import CategoricalRule, ManualRule, SurveyRule
from par_index.frameworks.text import describe_choice
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    InvalidEvidence,
    Measurement,
    SurveyResult,
)

__all__ = [
    "COLUMNS",
    "DATA_SHEET",
    "TEMPLATE_MARK",
    "EvidenceTable",
    "TableColumn",
    "read_evidence_table",
    "read_units",
    "write_evidence_template",
]

TEMPLATE_MARK: Final = "par_index evidence 1"
"""The layout version written in the template's information sheet."""

DATA_SHEET: Final = "Phiếu chấm"
"""The sheet that holds the table."""

_INFO_SHEET: Final = "Thông tin"
_HELP_SHEET: Final = "Hướng dẫn"
_LIST_SHEET: Final = "Danh mục"
_NA_WORDS: Final = frozenset({"không áp dụng", "not applicable", "not_applicable"})
_TRUE_WORDS: Final = frozenset({"có", "đạt", "true", "yes", "x"})
_FALSE_WORDS: Final = frozenset({"không", "không đạt", "chưa đạt", "false", "no"})
_MARK_WORDS: Final = frozenset({"x", "có", "không áp dụng", "yes", "not applicable"})


@attrs.frozen
class TableColumn:
    """A column of the evidence table.

    Attributes:
        key: the stable key (a CSV written by a script may use it as header).
        vi: the Vietnamese header.
        en: the English header.
        width: the column width in the template.
        prefilled: whether the template fills it.
    """

    key: str
    vi: str
    en: str
    width: int
    prefilled: bool


COLUMNS: Final = (
    TableColumn("unit_code", "Mã đơn vị", "Unit code", 11, prefilled=True),
    TableColumn("unit_name", "Tên đơn vị", "Unit", 18, prefilled=True),
    TableColumn("unit_level", "Cấp", "Level", 9, prefilled=True),
    TableColumn("period", "Kỳ đánh giá", "Period", 16, prefilled=True),
    TableColumn("code", "Mã tiêu chí", "Criterion code", 10, prefilled=True),
    TableColumn("criterion", "Tiêu chí", "Criterion", 48, prefilled=True),
    TableColumn("max_points", "Điểm tối đa", "Max points", 9, prefilled=True),
    TableColumn("measure", "Chỉ số đo", "Measure id", 30, prefilled=True),
    TableColumn("measure_label", "Nội dung đo", "What is measured", 36, prefilled=True),
    TableColumn("value_unit", "Đơn vị tính", "Unit of value", 16, prefilled=True),
    TableColumn("value", "Giá trị", "Value", 14, prefilled=False),
    TableColumn("source", "Nguồn số liệu", "Source of the value", 30, prefilled=False),
    TableColumn("self_score", "Điểm tự chấm", "Self score", 10, prefilled=False),
    TableColumn("self_comment", "Giải trình", "Explanation", 30, prefilled=False),
    TableColumn("self_evidence", "Tài liệu kiểm chứng", "Evidence documents", 30, prefilled=False),
    TableColumn("round1_score", "Điểm thẩm định vòng 1", "Appraised, round 1", 11, prefilled=False),
    TableColumn(
        "round1_comment", "Ý kiến thẩm định vòng 1", "Comment, round 1", 30, prefilled=False
    ),
    TableColumn("round2_score", "Điểm thẩm định vòng 2", "Appraised, round 2", 11, prefilled=False),
    TableColumn(
        "round2_comment", "Ý kiến thẩm định vòng 2", "Comment, round 2", 30, prefilled=False
    ),
    TableColumn("appraiser", "Cơ quan thẩm định", "Appraiser", 24, prefilled=False),
    TableColumn("respondents", "Số phiếu khảo sát", "Survey respondents", 10, prefilled=False),
    TableColumn("not_applicable", "Không áp dụng", "Not applicable", 10, prefilled=False),
)
"""The columns of the evidence table, in template order."""

_BY_HEADER: Final = {
    **{fold(c.vi): c.key for c in COLUMNS},
    **{fold(c.en): c.key for c in COLUMNS},
    **{c.key: c.key for c in COLUMNS},
}


@attrs.frozen
class EvidenceTable:
    """What an evidence table gave.

    Attributes:
        evidence: one evidence per unit, in the order the units first appear.
        warnings: what ``lenient`` reading left out, each with its place.
        source: the file read.
    """

    evidence: tuple[Evidence, ...]
    warnings: tuple[Any, ...] = ()
    source: str = "<bytes>"


# --------------------------------------------------------------------------- what a row is


Kind = Literal["inner", "measure", "survey", "manual"]


def _kind(n: Criterion) -> Kind:
    if n.children:
        return "inner"
    if isinstance(n.rule, SurveyRule):
        return "survey"
    if isinstance(n.rule, ManualRule) or n.measure is None:
        return "manual"
    return "measure"


def _value_unit(fw: Framework, n: Criterion, lang: Lang) -> str:
    kind = _kind(n)
    if kind == "inner":
        return ""
    if kind == "manual":
        return "điểm (chấm trực tiếp)" if lang == "vi" else "points (scored directly)"
    if kind == "survey":
        rule = n.rule
        assert isinstance(rule, SurveyRule)
        lo, hi = f"{rule.low.normalize():f}", f"{rule.high.normalize():f}"
        return f"điểm TB khảo sát ({lo}–{hi})" if lang == "vi" else f"survey mean ({lo}–{hi})"
    assert n.measure is not None
    spec = fw.measure_spec(n.measure)
    kind_m = spec.kind if spec is not None else None
    words = {
        MeasureKind.RATE: ("%", "%"),
        MeasureKind.COUNT: ("số lượng", "count"),
        MeasureKind.VALUE: ("giá trị số", "number"),
        MeasureKind.BOOLEAN: ("có/không", "yes/no"),
        MeasureKind.CATEGORY: ("lựa chọn", "choice"),
    }
    if kind_m is None:
        return ""
    vi, en = words[kind_m]
    return vi if lang == "vi" else en


def _choices(fw: Framework, n: Criterion) -> list[tuple[str, str]]:
    """(label, category) pairs a category leaf accepts: the rule's own words first."""
    out: list[tuple[str, str]] = []
    rule = n.rule
    if isinstance(rule, CategoricalRule):
        for i, ch in enumerate(rule.choices):
            out.append((describe_choice(rule, i), ch.category))
    spec = fw.measure_spec(n.measure) if n.measure else None
    if spec is not None:
        out.extend((cat, cat) for cat in spec.categories)
    return out


# --------------------------------------------------------------------------- writing


def _cell_value(
    fw: Framework, n: Criterion, value: MeasureValue | None, *, for_csv: bool
) -> object:
    """How a measure value is written in the table."""
    if value is None:
        return None
    if value is NOT_APPLICABLE:
        return "không áp dụng"
    if isinstance(value, bool):
        return "có" if value else "không"
    spec = fw.measure_spec(n.measure) if n.measure else None
    if isinstance(value, str):
        for label, cat in _choices(fw, n):
            if cat == value:
                return label
        return value
    if isinstance(value, Decimal) and spec is not None and spec.kind is MeasureKind.RATE:
        if for_csv or len(value.normalize().as_tuple().digits) > 15:
            return f"{(value * 100).normalize():f}%"
        return float(value)
    if isinstance(value, int):
        return value
    assert isinstance(value, Decimal)
    if for_csv or len(value.normalize().as_tuple().digits) > 15:
        return f"{value.normalize():f}"
    return float(value)


def _number_out(d: Decimal | None, *, for_csv: bool) -> object:
    if d is None:
        return None
    if for_csv or len(d.normalize().as_tuple().digits) > 15:
        return f"{d.normalize():f}" if d != d.to_integral_value() else str(int(d))
    return int(d) if d == d.to_integral_value() else float(d)


def _rows(
    fw: Framework,
    units: Sequence[AdministrativeUnit | None],
    evidence: Mapping[int, Evidence],
    period: ReportingPeriod | None,
    lang: Lang,
    *,
    for_csv: bool,
) -> list[tuple[Criterion, list[object]]]:
    rows: list[tuple[Criterion, list[object]]] = []
    nodes = list(_walk(fw))
    for u_index, unit in enumerate(units):
        ev = evidence.get(u_index)
        p = ev.period if ev is not None and ev.period is not None else period
        marked = set(ev.assessment.not_applicable) if ev is not None else set()
        for depth, n in nodes:
            kind = _kind(n)
            spec = fw.measure_spec(n.measure) if n.measure else None
            values: dict[str, object] = {
                "unit_code": unit.code if unit is not None else None,
                "unit_name": unit.name if unit is not None else None,
                "unit_level": unit.level.value if unit is not None else None,
                "period": str(p) if p is not None else None,
                "code": n.code,
                "criterion": "   " * depth + (n.name_en if lang == "en" and n.name_en else n.name),
                "max_points": _number_out(n.max_points, for_csv=for_csv),
                "measure": n.measure if kind == "measure" else None,
                "measure_label": (
                    (spec.description_vi if lang == "vi" else spec.description_en)
                    if spec is not None and kind == "measure"
                    else None
                ),
                "value_unit": _value_unit(fw, n, lang) or None,
            }
            if ev is not None:
                if n.code in marked:
                    values["not_applicable"] = "x"
                if kind == "measure" and n.measure is not None:
                    m = ev.get(n.measure)
                    if m is not None:
                        values["value"] = _cell_value(fw, n, m.value, for_csv=for_csv)
                        values["source"] = m.source or None
                if kind == "survey":
                    s = ev.assessment.survey_result(n.code)
                    if s is not None:
                        values["value"] = _number_out(s.mean, for_csv=for_csv)
                        values["respondents"] = s.respondents
                a = ev.assessment.for_code(n.code)
                if a is not None:
                    values["self_score"] = _number_out(a.self_score, for_csv=for_csv)
                    values["self_comment"] = a.self_comment or None
                    values["self_evidence"] = "; ".join(a.self_evidence) or None
                    for r in a.rounds:
                        values[f"round{r.round}_score"] = _number_out(r.score, for_csv=for_csv)
                        values[f"round{r.round}_comment"] = r.comment or None
                        if r.appraiser:
                            values["appraiser"] = r.appraiser
            rows.append((n, [values.get(c.key) for c in COLUMNS]))
    return rows


def _walk(fw: Framework) -> Iterable[tuple[int, Criterion]]:
    def go(n: Criterion, depth: int) -> Iterable[tuple[int, Criterion]]:
        yield depth, n
        for ch in n.children:
            yield from go(ch, depth + 1)

    for top in fw.criteria:
        yield from go(top, 0)


def _check_rounds(evidence: Sequence[Evidence]) -> None:
    problems = [
        Problem(
            f"evidence[{i}].assessment.criteria[{j}].rounds[{k}].round",
            "round-number",
            "appraisal rounds 1 and 2 (the template has two rounds)",
            str(r.round),
        )
        for i, ev in enumerate(evidence)
        for j, a in enumerate(ev.assessment.criteria)
        for k, r in enumerate(a.rounds)
        if r.round not in (1, 2)
    ]
    problems += [
        Problem(f"evidence[{i}].unit", "missing-unit", "evidence with its unit", "None")
        for i, ev in enumerate(evidence)
        if ev.unit is None
    ]
    if problems:
        raise InvalidEvidence(problems)


def write_evidence_template(
    framework: Framework,
    *,
    units: Sequence[AdministrativeUnit] = (),
    evidence: Sequence[Evidence] = (),
    period: ReportingPeriod | None = None,
    fmt: Literal["xlsx", "csv"] = "xlsx",
    lang: Lang = "vi",
) -> bytes:
    """The evidence template for ``framework``, as the bytes of an .xlsx or .csv file.

    Args:
        framework: the framework whose criteria are the rows.
        units: the units to fill in (one block of rows each); none gives one blank block.
        evidence: evidence to write into the table (its unit is used; each must have one),
            for example last year's values or a filled table to hand back.
        period: the period written on every row (the evidence's own period wins).
        fmt: ``xlsx`` (with instructions, validation lists) or ``csv`` (UTF-8 with BOM).
        lang: the language of the labels in the rows (headers are always Vietnamese).

    Raises:
        InvalidEvidence: for an appraisal round other than 1 and 2, or evidence without its
            unit.
        ModuleNotFoundError: for xlsx without openpyxl (``pip install 'par_index[excel]'``).
    """
    _check_rounds(evidence)
    all_units: list[AdministrativeUnit | None] = list(units)
    by_index: dict[int, Evidence] = {}
    for ev in evidence:
        found = next((i for i, u in enumerate(all_units) if u == ev.unit), None)
        if found is None:
            all_units.append(ev.unit)
            found = len(all_units) - 1
        by_index[found] = ev
    if not all_units:
        all_units = [None]
    rows = _rows(framework, all_units, by_index, period, lang, for_csv=fmt == "csv")
    if fmt == "csv":
        return _csv_bytes(rows)
    return _xlsx_bytes(framework, rows, period, lang)


def _csv_bytes(rows: list[tuple[Criterion, list[object]]]) -> bytes:
    import csv  # noqa: PLC0415

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.vi for c in COLUMNS])
    for _, values in rows:
        w.writerow(["" if v is None else v for v in values])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - optional dependency, loaded when used
    except ModuleNotFoundError as exc:  # pragma: no cover - the test extra installs it
        raise ModuleNotFoundError(
            f"writing .xlsx files needs openpyxl: {MISSING_EXCEL}", name=exc.name
        ) from None
    return openpyxl


def _help_lines(fw: Framework, lang: Lang) -> list[str]:
    decision = str(fw.decision) if fw.decision is not None else "không có (bộ tiêu chí minh họa)"
    lines = [
        "PHIẾU TỰ CHẤM ĐIỂM VÀ TÀI LIỆU KIỂM CHỨNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "",
        f"Bộ tiêu chí: {fw.name} (mã {fw.id}, phiên bản {fw.version})",
        f"Văn bản ban hành: {decision}",
        f"Nguồn: {fw.source or '—'}",
    ]
    if fw.illustrative:
        lines.append("MINH HỌA: không phải bảng tiêu chí chính thức; không dùng để chấm điểm thật.")
    provisional = [n.code for n in fw.walk() if n.provenance.value == "provisional"]
    if provisional and not fw.illustrative:
        lines.append(
            "Điểm tạm tính (chưa đối chiếu được văn bản gốc) ở các tiêu chí: "
            + ", ".join(provisional)
        )
    lines += [
        "",
        "CÁCH ĐIỀN (mỗi dòng là một tiêu chí của một đơn vị):",
        "1. Không sửa các cột nền xám: Mã đơn vị, Tên đơn vị, Cấp, Mã tiêu chí, Tiêu chí, Điểm "
        "tối đa, Chỉ số đo, Nội dung đo, Đơn vị tính. Mỗi đơn vị một khối dòng; sao chép cả khối "
        "cho đơn vị khác nếu cần, giữ Mã đơn vị có 5 chữ số (định dạng ô là văn bản).",
        "2. Giá trị: tỷ lệ nhập dạng phần trăm (96,83%); số lượng là số nguyên; có/không và các "
        'lựa chọn chọn trong danh sách; "không áp dụng" khi nhiệm vụ không phát sinh trong kỳ.',
        "3. Nguồn số liệu: văn bản, báo cáo hoặc phần mềm mà giá trị lấy từ đó.",
        "4. Điểm tự chấm, Giải trình, Tài liệu kiểm chứng: do đơn vị điền; nhiều văn bản cách "
        "nhau bằng dấu chấm phẩy (252/QĐ-UBND; 14/KH-UBND).",
        "5. Điểm và ý kiến thẩm định vòng 1, vòng 2: do cơ quan thẩm định điền. Điểm thẩm định "
        "của vòng sau cùng thay cho điểm tính từ giá trị.",
        '6. Tiêu chí chấm trực tiếp (đơn vị tính "điểm") không có giá trị: điền điểm tự chấm '
        "và điểm thẩm định.",
        "7. Tiêu chí điều tra xã hội học: Giá trị là điểm trung bình khảo sát, kèm số phiếu.",
        "8. Cột Không áp dụng: đánh dấu x khi cơ quan thẩm định xác định tiêu chí (hoặc cả lĩnh "
        "vực, ở dòng lĩnh vực) không áp dụng với đơn vị: điểm tối đa của tiêu chí được loại ra.",
        "9. Dòng lĩnh vực, tiêu chí (in đậm): điểm là tổng của các tiêu chí con, không nhập.",
        "10. Không gộp ô, không chèn công thức chưa tính, không đổi tên trang tính.",
        "",
        f"Mẫu: {TEMPLATE_MARK}. Kiểm tra và chấm: par-index score TỆP.xlsx --framework {fw.id}",
    ]
    if lang == "en":
        lines.append(
            "English: one row per criterion and unit; fill Value (rates as percentages), "
            "Source, Self score, Evidence documents; appraisers fill rounds 1 and 2; mark x in "
            "Not applicable for a criterion the appraiser excludes."
        )
    return lines


def _ranges(refs: Sequence[str]) -> str:
    """Cell references (``K2 K3 K4 M7``) as the fewest ranges (``K2:K4 M7``): openpyxl adds
    references one by one in quadratic time."""
    by_column: dict[str, list[int]] = {}
    for ref in refs:
        m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
        assert m is not None
        by_column.setdefault(m.group(1), []).append(int(m.group(2)))
    out: list[str] = []
    for letter, rows in by_column.items():
        rows.sort()
        start = prev = rows[0]
        for r in [*rows[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            out.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
            if r is not None:
                start = prev = r
    return " ".join(out)


def _xlsx_bytes(
    fw: Framework,
    rows: list[tuple[Criterion, list[object]]],
    period: ReportingPeriod | None,
    lang: Lang,
) -> bytes:
    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.worksheet.cell_range import MultiCellRange  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    wb = openpyxl.Workbook()
    help_ws = wb.worksheets[0]
    help_ws.title = _HELP_SHEET
    for line in _help_lines(fw, lang):
        help_ws.append([line])
    help_ws["A1"].font = Font(bold=True, size=13)
    help_ws.column_dimensions["A"].width = 120

    info = wb.create_sheet(_INFO_SHEET)
    for key, value in (
        ("Mẫu", TEMPLATE_MARK),
        ("Bộ tiêu chí", fw.id),
        ("Phiên bản", fw.version),
        ("Tên bộ tiêu chí", fw.name),
        ("Văn bản ban hành", str(fw.decision) if fw.decision else ""),
        ("Kỳ đánh giá", str(period) if period is not None else ""),
    ):
        info.append([key, value])
    info.column_dimensions["A"].width = 20
    info.column_dimensions["B"].width = 80

    ws = wb.create_sheet(DATA_SHEET)
    lists = wb.create_sheet(_LIST_SHEET)
    lists.sheet_state = "hidden"
    ws.append([c.vi for c in COLUMNS])
    grey = PatternFill("solid", fgColor="EDEDED")
    inner_fill = PatternFill("solid", fgColor="D9D9D9")
    head_fill = PatternFill("solid", fgColor="BDD7EE")
    for i, col in enumerate(COLUMNS):
        cell = ws.cell(row=1, column=i + 1)
        cell.font = Font(bold=True)
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[column_letter(i)].width = col.width
    keys = [c.key for c in COLUMNS]
    col_of = {k: keys.index(k) + 1 for k in keys}
    list_ranges: dict[tuple[str, ...], str] = {}
    validations: dict[tuple[str, ...], list[str]] = {}
    numeric: dict[tuple[str, str, str], list[str]] = {}

    def list_range(items: tuple[str, ...]) -> str:
        if items not in list_ranges:
            c = len(list_ranges)
            letter = column_letter(c)
            for r, item in enumerate(items, start=1):
                lists.cell(row=r, column=c + 1, value=item)
            list_ranges[items] = f"'{_LIST_SHEET}'!${letter}$1:${letter}${len(items)}"
        return list_ranges[items]

    for r, (n, values) in enumerate(rows, start=2):
        ws.append(values)
        kind = _kind(n)
        for k in ("unit_code", "code", "period"):
            ws.cell(row=r, column=col_of[k]).number_format = "@"
        for i, col in enumerate(COLUMNS):
            if col.prefilled:
                ws.cell(row=r, column=i + 1).fill = inner_fill if kind == "inner" else grey
        if kind == "inner":
            for i in range(len(COLUMNS)):
                ws.cell(row=r, column=i + 1).font = Font(bold=True)
        value_ref = f"{column_letter(col_of['value'] - 1)}{r}"
        spec = fw.measure_spec(n.measure) if n.measure and kind == "measure" else None
        if spec is not None and spec.kind in (MeasureKind.BOOLEAN, MeasureKind.CATEGORY):
            if spec.kind is MeasureKind.BOOLEAN:
                items: tuple[str, ...] = ("có", "không", "không áp dụng")
            else:
                seen: list[str] = []
                for label, _ in _choices(fw, n):
                    if label not in seen:
                        seen.append(label)
                items = (*seen, "không áp dụng")
            validations.setdefault(items, []).append(value_ref)
        elif spec is not None and spec.kind is MeasureKind.RATE:
            ws.cell(row=r, column=col_of["value"]).number_format = "0.00%"
            numeric.setdefault(("decimal", "0", "1"), []).append(value_ref)
        elif spec is not None and spec.kind is MeasureKind.COUNT:
            numeric.setdefault(("whole", "0", "1000000000"), []).append(value_ref)
        elif kind == "survey":
            rule = n.rule
            assert isinstance(rule, SurveyRule)
            numeric.setdefault(("decimal", str(rule.low), str(rule.high)), []).append(value_ref)
        if kind != "inner":
            top = f"{n.max_points.normalize():f}"
            for k in ("self_score", "round1_score", "round2_score"):
                numeric.setdefault(("decimal", "0", top), []).append(
                    f"{column_letter(col_of[k] - 1)}{r}"
                )
        validations.setdefault(("x",), []).append(
            f"{column_letter(col_of['not_applicable'] - 1)}{r}"
        )
    for items, refs in validations.items():
        dv = DataValidation(
            type="list",
            formula1=list_range(items),
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="stop",
            error="Chọn một giá trị trong danh sách / choose a value from the list",
        )
        dv.sqref = MultiCellRange(_ranges(refs))
        ws.add_data_validation(dv)
    for (kind_v, low, high), refs in numeric.items():
        dv = DataValidation(
            type=kind_v,  # type: ignore[arg-type]
            operator="between",
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            error=f'Từ {low} đến {high} (hoặc "không áp dụng")',
        )
        dv.sqref = MultiCellRange(_ranges(refs))
        ws.add_data_validation(dv)
    ws.freeze_panes = "G2"
    ws.auto_filter.ref = f"A1:{column_letter(len(COLUMNS) - 1)}{max(len(rows) + 1, 2)}"
    wb.active = wb.index(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- reading


def _open_grid(data: bytes, source: str, sink: SheetProblems) -> tuple[Grid, dict[str, str]]:
    """The data grid and the information sheet's key/value pairs."""
    if not is_xlsx(data):
        return csv_grid(decode_text(data, source, sink.lang), source), {}
    values, formulas = load_workbook(data, source, sink.lang)
    names = list(values.sheetnames)
    wanted = next((n for n in names if fold(n) in (fold(DATA_SHEET), "evidence")), None)
    if wanted is None:
        near = closest(DATA_SHEET, names)
        hint = f" (có phải '{near}'?)" if near and sink.lang == "vi" else ""
        hint = f" (did you mean '{near}'?)" if near and sink.lang == "en" else hint
        sink.add(
            source,
            "missing-sheet",
            f"trang tính '{DATA_SHEET}'{hint}",
            f"a sheet named '{DATA_SHEET}'{hint}",
            ", ".join(names),
        )
        sink.raise_if_any(source)
    assert wanted is not None
    info: dict[str, str] = {}
    info_name = next((n for n in names if fold(n) == fold(_INFO_SHEET)), None)
    if info_name is not None:
        for row in values[info_name].iter_rows(values_only=True):
            if len(row) >= 2 and isinstance(row[0], str) and isinstance(row[1], str):
                info[fold(row[0])] = row[1].strip()
    return sheet_grid(values, formulas, wanted), info


@attrs.define
class _Unit:
    unit: AdministrativeUnit | None
    period: ReportingPeriod | None
    measures: dict[str, tuple[Measurement, str]] = attrs.field(factory=dict)
    criteria: list[CriterionAssessment] = attrs.field(factory=list)
    survey: list[SurveyResult] = attrs.field(factory=list)
    marked: list[str] = attrs.field(factory=list)
    seen: dict[str, str] = attrs.field(factory=dict)


def _header(grid: Grid, sink: SheetProblems, source: str, lenient: bool) -> dict[str, int]:
    if not grid.rows:
        sink.add(source, "empty-table", "một bảng có dòng tiêu đề", "a table with a header row", "")
        sink.raise_if_any(source)
    cols: dict[str, int] = {}
    known = [c.vi for c in COLUMNS]
    for cell in grid.rows[0]:
        label = text_of(cell)
        if label is None:
            continue
        key = _BY_HEADER.get(fold(label))
        if key is None:
            near = closest(label, known)
            hint_vi = (
                f"một tiêu đề cột đã biết (có phải '{near}'?)"
                if near
                else "một tiêu đề cột đã biết"
            )
            hint_en = (
                f"a known column header (did you mean '{near}'?)"
                if near
                else "a known column header"
            )
            sink.add(cell.place, "unknown-column", hint_vi, hint_en, label, warning=lenient)
            continue
        if key in cols:
            sink.add(cell.place, "duplicate-column", "mỗi cột một lần", "each column once", label)
            continue
        cols[key] = cell.column
    if "code" not in cols:
        sink.add(
            source,
            "missing-column",
            "cột 'Mã tiêu chí'",
            "a column 'Mã tiêu chí' (criterion code)",
            ", ".join(filter(None, (text_of(c) for c in grid.rows[0]))),
        )
    if "unit_code" not in cols and "unit_name" not in cols:
        sink.add(
            source,
            "missing-column",
            "cột 'Mã đơn vị' hoặc 'Tên đơn vị'",
            "a column 'Mã đơn vị' (unit code) or 'Tên đơn vị' (unit name)",
            ", ".join(filter(None, (text_of(c) for c in grid.rows[0]))),
        )
    if "code" not in cols or ("unit_code" not in cols and "unit_name" not in cols):
        sink.raise_if_any(source)
    return cols


def _cell(row: Sequence[Cell], cols: Mapping[str, int], key: str) -> Cell | None:
    i = cols.get(key)
    if i is None or i >= len(row):
        return None
    return row[i]


def _plain_cell(c: Cell | None, sink: SheetProblems) -> Cell | None:
    """The cell, or None when empty; formulas never computed and dates are reported."""
    if c is None:
        return None
    if c.uncomputed:
        sink.add(
            c.place,
            "formula-not-computed",
            "một giá trị (công thức chưa được Excel tính: mở và lưu tệp trong Excel, hoặc nhập "
            "giá trị)",
            "a value (a formula Excel never computed: open and save the file in Excel, or type "
            "the value)",
            c.uncomputed,
        )
        return None
    if c.empty:
        return None
    if isinstance(c.value, datetime | date):
        sink.add(
            c.place,
            "date-in-cell",
            "một số hoặc văn bản (Excel đã đổi nội dung nhập thành ngày: định dạng ô là văn bản)",
            "a number or a text (Excel turned what was typed into a date: format the cell as text)",
            c.value,
        )
        return None
    return c


def _text(c: Cell | None, sink: SheetProblems) -> str | None:
    c = _plain_cell(c, sink)
    if c is None:
        return None
    if isinstance(c.value, str):
        return c.value.strip()
    if isinstance(c.value, bool):
        return "có" if c.value else "không"
    if isinstance(c.value, int):
        return str(c.value)
    if isinstance(c.value, float):
        return f"{parse_number(c.value)[0]:f}"  # type: ignore[index]
    return str(c.value)  # pragma: no cover


def _points(c: Cell | None, sink: SheetProblems, top: Decimal | None) -> Decimal | None:
    c = _plain_cell(c, sink)
    if c is None:
        return None
    got = parse_number(c.value)
    if got is None or got[1]:
        sink.add(c.place, "not-points", "số điểm (0,5 hoặc 1)", "points (0.5 or 1)", c.value)
        return None
    d = got[0]
    if d < 0 or (top is not None and d > top):
        limit = f"{top.normalize():f}" if top is not None else "∞"
        sink.add(
            c.place,
            "points-out-of-range",
            f"điểm từ 0 đến {limit}",
            f"points from 0 to {limit}",
            c.value,
        )
        return None
    return d


def _measure_value(
    fw: Framework, n: Criterion, c: Cell, sink: SheetProblems
) -> MeasureValue | None:
    raw = c.value
    if isinstance(raw, str) and fold(raw) in _NA_WORDS:
        return NOT_APPLICABLE
    assert n.measure is not None
    spec = fw.measure_spec(n.measure)
    assert spec is not None
    kind = spec.kind
    if kind is MeasureKind.BOOLEAN:
        if isinstance(raw, bool):
            return raw
        word = fold(raw) if isinstance(raw, str) else None
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
        sink.add(c.place, "not-yes-no", "có hoặc không", "có (yes) or không (no)", raw)
        return None
    if kind is MeasureKind.CATEGORY:
        word = fold(raw) if isinstance(raw, str) else None
        pairs = _choices(fw, n)
        for label, cat in pairs:
            if word in (fold(label), cat):
                return cat
        labels = list(dict.fromkeys(label for label, _ in pairs))
        near = closest(str(raw), labels)
        hint = f" (có phải '{near}'?)" if near else ""
        sink.add(
            c.place,
            "not-a-choice",
            "một lựa chọn: " + "; ".join(labels) + hint,
            "one of: " + "; ".join(labels) + (f" (did you mean '{near}'?)" if near else ""),
            raw,
        )
        return None
    got = parse_number(raw)
    if got is None:
        sink.add(c.place, "not-a-number", "một số", "a number", raw)
        return None
    d, percent = got
    if kind is MeasureKind.RATE:
        if isinstance(raw, str) and not percent:
            sink.add(
                c.place,
                "rate-without-percent",
                "một tỷ lệ phần trăm có dấu % (96,83%)",
                "a percentage with a % sign (96.83%)",
                raw,
            )
            return None
        if not 0 <= d <= 1:
            sink.add(
                c.place,
                "rate-out-of-range",
                "một tỷ lệ từ 0% đến 100% (ô định dạng phần trăm: nhập 96,83%)",
                "a rate from 0% to 100% (a percentage cell: type 96.83%)",
                raw,
            )
            return None
        return d
    if percent:
        sink.add(c.place, "percent-not-allowed", "một số không có dấu %", "a number without %", raw)
        return None
    if d < 0:
        sink.add(c.place, "negative", "một số từ 0 trở lên", "a number of 0 or more", raw)
        return None
    if kind is MeasureKind.COUNT:
        if d != d.to_integral_value():
            sink.add(c.place, "not-whole", "một số nguyên", "a whole number", raw)
            return None
        return int(d)
    return d


def _unit_of(
    row: Sequence[Cell],
    cols: Mapping[str, int],
    fw: Framework,
    sink: SheetProblems,
) -> tuple[str, AdministrativeUnit | None] | None:
    code_cell = _plain_cell(_cell(row, cols, "unit_code"), sink)
    code: str | None = None
    if code_cell is not None:
        if isinstance(code_cell.value, float):
            sink.add(
                code_cell.place,
                "unit-code-number",
                "mã đơn vị là văn bản gồm chữ số",
                "a unit code as text of digits",
                code_cell.value,
            )
            return None
        code = text_of(code_cell)
    name = _text(_cell(row, cols, "unit_name"), sink)
    level_text = _text(_cell(row, cols, "unit_level"), sink)
    if code is None and name is None:
        return None
    level: UnitLevel | None = None
    if level_text is not None:
        level = next((lv for lv in UnitLevel if fold(lv.value) == fold(level_text)), None)
        if level is None:
            c = _cell(row, cols, "unit_level")
            assert c is not None
            sink.add(
                c.place,
                "unknown-level",
                "một cấp đơn vị: " + ", ".join(lv.value for lv in UnitLevel),
                "a unit level: " + ", ".join(lv.value for lv in UnitLevel),
                level_text,
            )
            return None
    elif len(fw.unit_levels) == 1:
        level = fw.unit_levels[0]
    key = code if code is not None else f"name:{fold(name or '')}"
    if level is None or name is None:
        place = row[0].place
        sink.add(
            place,
            "incomplete-unit",
            "tên và cấp của đơn vị",
            "the unit's name and level",
            code or name,
        )
        return None
    try:
        return key, AdministrativeUnit(code, name, level)
    except InvalidValueError as exc:
        for p in exc.problems:
            c = _cell(row, cols, "unit_code") or row[0]
            sink.add(c.place, p.code, p.expected, p.expected, p.found)
        return None


def read_evidence_table(
    data: bytes,
    framework: Framework,
    *,
    source: str = "<bytes>",
    lenient: bool = False,
    lang: Lang = "vi",
) -> EvidenceTable:
    """The evidence of every unit in an evidence table (.xlsx or .csv bytes).

    Args:
        data: the file's bytes; the format is read from them, not from a name.
        framework: the framework the table was made for.
        source: the file's name, for messages.
        lenient: report unknown criterion codes, measure ids and columns as warnings and leave
            their rows out, instead of refusing the table.
        lang: the language of the problems.

    Raises:
        InvalidWorkbook: listing every problem, each with its place (``Phiếu chấm!I12``,
            ``row 12, column "Giá trị"``).
    """
    sink = SheetProblems(lang)
    grid, info = _open_grid(data, source, sink)
    declared = info.get(fold("Bộ tiêu chí"))
    if declared is not None and declared != framework.id:
        sink.add(
            f"{_INFO_SHEET}!B2",
            "other-framework",
            f"phiếu của bộ tiêu chí {framework.id}",
            f"a table for framework {framework.id}",
            declared,
        )
    for rng in grid.merged:
        sink.add(
            f"{grid.name}!{rng}",
            "merged-cells",
            "các ô không gộp (mỗi dòng một giá trị)",
            "cells that are not merged (one value per row)",
            rng,
        )
    cols = _header(grid, sink, source, lenient)
    nodes = {n.code: n for n in framework.walk()}
    units: dict[str, _Unit] = {}
    for row in grid.rows[1:]:
        if row_is_empty(row):
            continue
        code_cell = _plain_cell(_cell(row, cols, "code"), sink)
        filled = [
            c
            for c in row
            if (not c.empty or c.uncomputed)
            and not any(col.prefilled and cols.get(col.key) == c.column for col in COLUMNS)
        ]
        if code_cell is None:
            if filled:
                sink.add(
                    row[0].place,
                    "missing-code",
                    "mã tiêu chí của dòng",
                    "the row's criterion code",
                    "",
                )
            continue
        if isinstance(code_cell.value, float):
            sink.add(
                code_cell.place,
                "code-number",
                "mã tiêu chí là văn bản (Excel có thể đã đổi 1.10 thành 1.1)",
                "a criterion code as text (Excel may have turned 1.10 into 1.1)",
                code_cell.value,
            )
            continue
        code = text_of(code_cell) or ""
        n = nodes.get(code)
        if n is None:
            near = closest(code, nodes)
            sink.add(
                code_cell.place,
                "unknown-criterion",
                f"một mã tiêu chí của {framework.id}" + (f" (có phải {near}?)" if near else ""),
                f"a criterion code of {framework.id}"
                + (f" (did you mean {near}?)" if near else ""),
                code,
                warning=lenient,
            )
            continue
        unit_key = _unit_of(row, cols, framework, sink)
        if unit_key is None:
            continue
        key, unit = unit_key
        period_text = _text(_cell(row, cols, "period"), sink)
        period: ReportingPeriod | None = None
        if period_text:
            try:
                period = ReportingPeriod.parse(period_text)
            except InvalidValueError:
                pc = _cell(row, cols, "period")
                assert pc is not None
                sink.add(
                    pc.place,
                    "bad-period",
                    "một kỳ đánh giá (6 tháng đầu năm 2023, năm 2023)",
                    "a period (6 tháng đầu năm 2023, năm 2023)",
                    period_text,
                )
        u = units.get(key)
        if u is None:
            u = units[key] = _Unit(unit, period)
        else:
            if u.unit != unit:
                sink.add(
                    row[0].place,
                    "unit-differs",
                    f"cùng tên và cấp với các dòng khác của mã {unit.code if unit else key}",
                    f"the same name and level as the other rows of unit {key}",
                    unit.label() if unit else key,
                )
            if period is not None and u.period is not None and period != u.period:
                sink.add(
                    row[0].place,
                    "period-differs",
                    f"cùng kỳ với các dòng khác của đơn vị ({u.period})",
                    f"the same period as the unit's other rows ({u.period})",
                    str(period),
                )
            if u.period is None:
                u.period = period
        if code in u.seen:
            sink.add(
                code_cell.place,
                "duplicate-row",
                f"mỗi tiêu chí một dòng cho mỗi đơn vị (đã có ở {u.seen[code]})",
                f"one row per criterion and unit (already at {u.seen[code]})",
                code,
            )
            continue
        u.seen[code] = code_cell.place
        _read_row(framework, n, row, cols, u, sink, lenient)
    sink.raise_if_any(source)
    out = []
    for u in units.values():
        measures = tuple(m for m, _ in u.measures.values())
        out.append(
            Evidence(
                measures=measures,
                assessment=Assessment(tuple(u.criteria), tuple(u.survey), tuple(u.marked)),
                unit=u.unit,
                period=u.period,
            )
        )
    return EvidenceTable(tuple(out), tuple(sink.warnings), source)


def _read_row(
    fw: Framework,
    n: Criterion,
    row: Sequence[Cell],
    cols: Mapping[str, int],
    u: _Unit,
    sink: SheetProblems,
    lenient: bool,
) -> None:
    kind = _kind(n)
    mark = _plain_cell(_cell(row, cols, "not_applicable"), sink)
    if mark is not None:
        if isinstance(mark.value, str) and fold(mark.value) in _MARK_WORDS:
            u.marked.append(n.code)
        else:
            sink.add(mark.place, "not-a-mark", "x hoặc để trống", "x or nothing", mark.value)
    measure_cell = _plain_cell(_cell(row, cols, "measure"), sink)
    if measure_cell is not None:
        named = text_of(measure_cell)
        if kind != "measure" or named != n.measure:
            from par_index.frameworks.measures import MEASURES  # noqa: PLC0415

            known = named in MEASURES or any(m.name == named for m in fw.measures)
            near = closest(named or "", [*MEASURES, *(m.name for m in fw.measures)])
            expected_vi = (
                f"chỉ số đo của tiêu chí {n.code}: {n.measure}"
                if n.measure
                else f"không có chỉ số đo (tiêu chí {n.code} chấm trực tiếp)"
            )
            expected_en = (
                f"the measure of criterion {n.code}: {n.measure}"
                if n.measure
                else f"no measure (criterion {n.code} is scored directly)"
            )
            if not known and near:
                expected_vi += f"; '{named}' không có trong danh mục (có phải {near}?)"
                expected_en += f"; '{named}' is unknown (did you mean {near}?)"
            sink.add(
                measure_cell.place,
                "unknown-measure" if not known else "wrong-measure",
                expected_vi,
                expected_en,
                named,
                warning=lenient and not known,
            )
            return
    value_cell = _plain_cell(_cell(row, cols, "value"), sink)
    source = _text(_cell(row, cols, "source"), sink) or ""
    respondents_cell = _plain_cell(_cell(row, cols, "respondents"), sink)
    if kind in {"inner", "manual"}:
        if value_cell is not None:
            what_vi = (
                "dòng lĩnh vực/tiêu chí có tiêu chí con"
                if kind == "inner"
                else "tiêu chí chấm trực tiếp"
            )
            what_en = (
                "an inner row (its points add up its children)"
                if kind == "inner"
                else "a criterion scored directly"
            )
            sink.add(
                value_cell.place,
                "value-not-read",
                f"ô trống: {what_vi} không có giá trị đo",
                f"an empty cell: {what_en} has no measured value",
                value_cell.value,
            )
    elif kind == "survey":
        if value_cell is not None:
            rule = n.rule
            assert isinstance(rule, SurveyRule)
            got = parse_number(value_cell.value)
            if got is None or got[1] or not rule.low <= got[0] <= rule.high:
                sink.add(
                    value_cell.place,
                    "survey-mean",
                    f"điểm trung bình khảo sát từ {rule.low} đến {rule.high}",
                    f"a survey mean from {rule.low} to {rule.high}",
                    value_cell.value,
                )
            else:
                count = 0
                if respondents_cell is not None:
                    rc = parse_number(respondents_cell.value)
                    if rc is None or rc[1] or rc[0] < 0 or rc[0] != rc[0].to_integral_value():
                        sink.add(
                            respondents_cell.place,
                            "not-whole",
                            "số phiếu là số nguyên",
                            "a whole number of respondents",
                            respondents_cell.value,
                        )
                    else:
                        count = int(rc[0])
                u.survey.append(SurveyResult(n.code, got[0], count))
    elif value_cell is not None:
        value = _measure_value(fw, n, value_cell, sink)
        if value is not None:
            assert n.measure is not None
            m = Measurement(n.measure, value, source)
            before = u.measures.get(n.measure)
            if before is None:
                u.measures[n.measure] = (m, value_cell.place)
            elif before[0] != m:
                sink.add(
                    value_cell.place,
                    "measure-conflict",
                    f"cùng giá trị và nguồn với {before[1]} (cùng chỉ số {n.measure})",
                    f"the same value and source as {before[1]} (same measure {n.measure})",
                    value_cell.value,
                )
    top = n.max_points
    self_score = _points(_cell(row, cols, "self_score"), sink, top)
    comment = _text(_cell(row, cols, "self_comment"), sink) or ""
    refs_text = _text(_cell(row, cols, "self_evidence"), sink) or ""
    refs = tuple(s.strip() for s in re.split(r"[;\n]", refs_text) if s.strip())
    appraiser = _text(_cell(row, cols, "appraiser"), sink) or ""
    rounds: list[AppraisalRound] = []
    for k in (1, 2):
        score_cell = _cell(row, cols, f"round{k}_score")
        pts = _points(score_cell, sink, top)
        note = _text(_cell(row, cols, f"round{k}_comment"), sink) or ""
        if pts is not None:
            rounds.append(AppraisalRound(k, pts, note, (), appraiser))
        elif note and _plain_cell(score_cell, SheetProblems(sink.lang)) is None:
            c = _cell(row, cols, f"round{k}_comment")
            assert c is not None
            sink.add(
                c.place,
                "comment-without-score",
                f"điểm thẩm định vòng {k} đi kèm ý kiến",
                f"the round {k} score that goes with the comment",
                note,
            )
    if kind == "inner":
        if self_score is not None or rounds or comment or refs:
            c = _cell(row, cols, "self_score") or row[0]
            sink.add(
                c.place,
                "inner-scored",
                "ô trống: điểm của dòng có tiêu chí con là tổng các tiêu chí con",
                "empty cells: an inner row's points add up its children",
                n.code,
            )
        return
    if self_score is not None or rounds or comment or refs:
        u.criteria.append(CriterionAssessment(n.code, self_score, comment, refs, tuple(rounds)))


# --------------------------------------------------------------------------- units


def read_units(
    data: bytes, *, source: str = "<bytes>", lang: Lang = "vi"
) -> tuple[AdministrativeUnit, ...]:
    """Units from a CSV file with columns ``Mã đơn vị``, ``Tên đơn vị``, ``Cấp`` (or ``code``,
    ``name``, ``level``).

    Raises:
        InvalidWorkbook: listing every problem with its row.
    """
    sink = SheetProblems(lang)
    grid = csv_grid(decode_text(data, source, lang), source)
    aliases = {
        "mã đơn vị": "code",
        "code": "code",
        "unit_code": "code",
        "tên đơn vị": "name",
        "name": "name",
        "unit_name": "name",
        "cấp": "level",
        "level": "level",
        "unit_level": "level",
    }
    cols: dict[str, int] = {}
    for cell in grid.rows[0] if grid.rows else ():
        label = text_of(cell)
        if label is None:
            continue
        key = aliases.get(fold(label))
        if key is None:
            sink.add(
                cell.place,
                "unknown-column",
                "Mã đơn vị, Tên đơn vị, Cấp",
                "code, name, level",
                label,
            )
        else:
            cols[key] = cell.column
    for need in ("name", "level"):
        if need not in cols:
            sink.add(source, "missing-column", f"cột {need}", f"a {need} column", "")
    sink.raise_if_any(source)
    out: list[AdministrativeUnit] = []
    seen: dict[str, str] = {}
    for row in grid.rows[1:]:
        if row_is_empty(row):
            continue
        code = text_of(row[cols["code"]]) if "code" in cols and cols["code"] < len(row) else None
        name = text_of(row[cols["name"]]) if cols["name"] < len(row) else None
        level_text = text_of(row[cols["level"]]) if cols["level"] < len(row) else None
        level = next(
            (lv for lv in UnitLevel if level_text and fold(lv.value) == fold(level_text)), None
        )
        place = row[0].place
        if level is None or name is None:
            sink.add(
                place,
                "incomplete-unit",
                "tên và cấp đơn vị hợp lệ",
                "a name and a valid level",
                f"{name}, {level_text}",
            )
            continue
        key = code or name
        if key in seen:
            sink.add(
                place,
                "duplicate-unit",
                f"mỗi đơn vị một lần (đã có ở {seen[key]})",
                f"each unit once (already at {seen[key]})",
                key,
            )
            continue
        seen[key] = place
        try:
            out.append(AdministrativeUnit(code, name, level))
        except InvalidValueError as exc:
            for p in exc.problems:
                sink.add(place, p.code, p.expected, p.expected, p.found)
    sink.raise_if_any(source)
    return tuple(out)

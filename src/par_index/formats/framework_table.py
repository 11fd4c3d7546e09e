"""Frameworks as the province's own table: import from .xlsx/.csv, export to .xlsx, TOML out.

Provinces publish their criteria as an annex table (phụ lục) of a QĐ-UBND:
``STT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm tối đa | ...``, with the scoring guide
written on rows of its own under each sub-criterion and bare points (Cà Mau 1880/QĐ-UBND
2013: "Ban hành kịp thời: 1", "Ban hành không kịp thời: 0,5", "Không ban hành: 0").
:func:`read_framework_table` reads such a table as published:

* the header row is found among the first rows (titles may stand above it) by its code, name
  and maximum columns; other known columns (rule, measure, English name, role, not-applicable
  policy, component, area, source, provenance, note) are optional; the annex's own scoring
  columns ("Tự đánh giá", "Chỉ số", ...) are listed as ignored;
* the tree comes from dotted codes (``1`` → ``1.1`` → ``1.1.1``);
* rule rows without a code are joined to their criterion with "; ", and a clause ending in a
  bare number reads it as points ("Ban hành kịp thời: 1" is "Ban hành kịp thời: 1 điểm": the
  table's column says "điểm");
* each sentence goes through the rule parser
  (:func:`~par_index.frameworks.text.parse_rule`); what it cannot read is reported with its
  row, or with ``lenient`` becomes a rule scored by the appraiser, the sentence kept in the
  note and the criterion marked provisional;
* a leaf that names no measure gets one declared by the framework, ``tieu_chi.c1_1_1``, of
  the kind its rule reads (a category measure takes the rule's categories).

:func:`write_framework_table` writes the reverse, with the framework's own details on further
sheets, so that importing an export gives the same framework back.
:func:`framework_to_toml` writes a framework file.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from par_index.core.lang import Lang
from par_index.exceptions import InvalidValueError, LoadError, Problem
from par_index.formats.excel_cells import (
    MISSING_EXCEL,
    Cell,
    Grid,
    SheetProblems,
    csv_grid,
    decode_text,
    fold,
    is_xlsx,
    load_workbook,
    number_of_float,
    parse_number,
    sheet_grid,
    text_of,
)
from par_index.frameworks.loader import framework_from_dict, framework_to_dict, rule_from_dict
from par_index.frameworks.measures import MeasureKind
from par_index.frameworks.model import Framework
from par_index.frameworks.rules import (
    BandsRule,
    BooleanRule,
    CategoricalRule,
    ManualRule,
    PerCountRule,
    ProportionalRule,
    Rule,
    Scale,
    ThresholdRule,
)
from par_index.frameworks.text import InvalidRuleText, parse_rule, render_rule

__all__ = [
    "CRITERIA_SHEET",
    "FrameworkImport",
    "framework_to_toml",
    "read_framework_table",
    "write_framework_table",
]

CRITERIA_SHEET: Final = "Tiêu chí"
_INFO_SHEET: Final = "Thông tin"
_COMPONENT_SHEET: Final = "Thành phần"
_MEASURE_SHEET: Final = "Chỉ số đo riêng"

# key: (header written on export, other headers read on import)
_COLUMNS: Final = {
    "code": ("Mã", ("stt", "tt", "mã", "mã tiêu chí", "code", "số tt")),
    "name": (
        "Tiêu chí",
        (
            "tiêu chí",
            "lĩnh vực/tiêu chí/tiêu chí thành phần",
            "lĩnh vực, tiêu chí, tiêu chí thành phần",
            "lĩnh vực/tiêu chí",
            "nội dung",
            "nội dung tiêu chí",
            "tên tiêu chí",
            "name",
            "criterion",
        ),
    ),
    "max_points": (
        "Điểm tối đa",
        ("điểm tối đa", "điểm chuẩn", "điểm số tối đa", "max points", "max_points"),
    ),
    "rule": (
        "Cách chấm điểm",
        (
            "cách chấm điểm",
            "quy tắc chấm điểm",
            "hướng dẫn chấm điểm",
            "phương pháp chấm điểm",
            "cách tính điểm",
            "rule",
        ),
    ),
    "measure": ("Chỉ số đo", ("chỉ số đo", "measure")),
    "name_en": ("Tên tiếng Anh", ("tên tiếng anh", "name_en", "english name")),
    "role": ("Loại", ("loại", "role")),
    "not_applicable": ("Khi không áp dụng", ("khi không áp dụng", "not_applicable")),
    "component": ("Thành phần", ("thành phần", "component")),
    "area": ("Lĩnh vực CCHC", ("lĩnh vực cchc", "area")),
    "source": ("Căn cứ", ("căn cứ", "source", "nguồn")),
    "provenance": ("Tình trạng", ("tình trạng", "provenance")),
    "note": ("Ghi chú", ("ghi chú", "note")),
    "rule_table": ("Quy tắc (bảng)", ("quy tắc (bảng)", "rule_table")),
    "extra": ("Thuộc tính khác", ("thuộc tính khác", "extra")),
}
# The node fields the columns above carry; any other field of the framework file travels as
# JSON in "Thuộc tính khác" (and framework fields in the sheet "Khác"), so that a framework
# with fields this table does not name still comes back whole.
_NODE_KEYS: Final = frozenset(
    {
        "code",
        "name",
        "max_points",
        "rule",
        "measure",
        "name_en",
        "role",
        "not_applicable",
        "component",
        "area",
        "source",
        "provenance",
        "note",
        "children",
    }
)
_OTHER_SHEET: Final = "Khác"
_BY_HEADER: Final = {alias: key for key, (_, aliases) in _COLUMNS.items() for alias in aliases}

_ROLE: Final = {"normal": "thường", "bonus": "điểm thưởng", "deduction": "điểm trừ"}
_POLICY: Final = {"exclude": "loại khỏi điểm tối đa", "full_points": "được điểm tối đa"}
_PROVENANCE: Final = {"verified": "đã đối chiếu", "provisional": "tạm tính"}
_INFO_KEYS: Final = (
    ("id", "Mã bộ tiêu chí"),
    ("version", "Phiên bản"),
    ("name", "Tên"),
    ("name_en", "Tên tiếng Anh"),
    ("decision", "Văn bản ban hành"),
    ("first_year", "Năm bắt đầu"),
    ("last_year", "Năm kết thúc"),
    ("unit_levels", "Cấp đơn vị"),
    ("illustrative", "Minh họa"),
    ("source", "Nguồn"),
    ("description", "Mô tả"),
    ("classification", "Xếp loại"),
    ("max_points", "Tổng điểm"),
)
_BARE_POINTS: Final = re.compile(r"^(.*:\s*)(\d+(?:[.,]\d+)?)\s*$", re.DOTALL)
_PLACEHOLDER: Final = ManualRule()
_NUMERIC_KEYS: Final = frozenset(
    {
        "max_points",
        "points",
        "lower",
        "upper",
        "true_points",
        "false_points",
        "threshold",
        "low",
        "high",
        "points_each",
    }
)


@attrs.frozen
class FrameworkImport:
    """What importing a table gave.

    Attributes:
        framework: the framework.
        warnings: what was ignored or turned into manual rules, each with its place.
        declared: the measures the import declared for leaves that named none.
    """

    framework: Framework
    warnings: tuple[Problem, ...] = ()
    declared: tuple[str, ...] = ()


# --------------------------------------------------------------------------- export


def _sentence_or_table(rule: Rule) -> tuple[str, str]:
    """The rule's sentence, and its table form as JSON when the sentence does not read back
    to the same rule."""
    sentence = render_rule(rule)
    try:
        same = parse_rule(sentence) == rule
    except InvalidValueError:
        same = False
    return sentence, "" if same else json.dumps(_rule_dict(rule), ensure_ascii=False)


def _rule_dict(rule: Rule) -> dict[str, Any]:
    from par_index.frameworks.loader import rule_to_dict  # noqa: PLC0415

    return rule_to_dict(rule)


def _num_cell(d: Decimal) -> object:
    """A number cell: a number when Excel holds it exactly enough, else its digits as text."""
    if len(d.normalize().as_tuple().digits) > 15:
        return f"{d.normalize():f}"
    return int(d) if d == d.to_integral_value() else float(d)


def write_framework_table(framework: Framework) -> bytes:
    """``framework`` as an .xlsx table a province can read and edit, and import back.

    Raises:
        ModuleNotFoundError: without openpyxl (``pip install 'par_index[excel]'``).
    """
    try:
        import openpyxl  # noqa: PLC0415 - optional dependency, loaded when used
        from openpyxl.styles import Alignment, Font  # noqa: PLC0415
    except ModuleNotFoundError as exc:  # pragma: no cover - the test extra installs it
        raise ModuleNotFoundError(
            f"writing .xlsx files needs openpyxl: {MISSING_EXCEL}", name=exc.name
        ) from None
    wb = openpyxl.Workbook()
    ws = wb.worksheets[0]
    ws.title = CRITERIA_SHEET
    keys = list(_COLUMNS)
    ws.append([_COLUMNS[k][0] for k in keys])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    data = framework_to_dict(framework)
    extras = {
        d["code"]: {k: v for k, v in d.items() if k not in _NODE_KEYS}
        for d in _walk_dicts(data["criteria"])
    }
    for n in framework.walk():
        sentence, table = _sentence_or_table(n.rule) if n.rule is not None else ("", "")
        values: dict[str, object] = {
            "code": n.code,
            "name": n.name,
            "max_points": _num_cell(n.max_points),
            "rule": sentence or None,
            "measure": n.measure,
            "name_en": n.name_en or None,
            "role": _ROLE[n.role.value],
            "not_applicable": _POLICY[n.not_applicable.value],
            "component": n.component,
            "area": n.area.value if n.area is not None else None,
            "source": n.source or None,
            "provenance": _PROVENANCE[n.provenance.value],
            "note": n.note or None,
            "rule_table": table or None,
            "extra": json.dumps(extras[n.code], ensure_ascii=False) if extras[n.code] else None,
        }
        ws.append([values[k] for k in keys])
        ws.cell(row=ws.max_row, column=1).number_format = "@"
        if n.children:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    for letter, width in zip("ABCDE", (8, 60, 10, 60, 32), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "C2"
    info = wb.create_sheet(_INFO_SHEET)
    for key, label in _INFO_KEYS:
        value = data.get(key)
        if key == "unit_levels":
            value = ", ".join(value) if value else None
        elif key == "illustrative":
            value = "có" if value else "không"
        elif key == "max_points":
            value = _num_cell(framework.max_points)
        info.append([label, value])
    info.column_dimensions["A"].width = 20
    info.column_dimensions["B"].width = 90
    comps = wb.create_sheet(_COMPONENT_SHEET)
    comps.append(["Mã", "Tên", "Tên tiếng Anh", "Điểm tối đa", "Điều tra xã hội học"])
    for c in framework.components:
        comps.append(
            [
                c.id,
                c.name,
                c.name_en or None,
                _num_cell(c.max_points),
                "có" if c.survey else "không",
            ]
        )
    own = wb.create_sheet(_MEASURE_SHEET)
    own.append(["Tên", "Loại", "Mô tả", "Mô tả tiếng Anh", "Các lựa chọn"])
    for m in framework.measures:
        own.append(
            [
                m.name,
                m.kind.value,
                m.description_vi,
                m.description_en or None,
                ", ".join(m.categories) or None,
            ]
        )
    known = {k for k, _ in _INFO_KEYS} | {"components", "measures", "criteria"}
    other = {k: v for k, v in data.items() if k not in known}
    if other:
        sheet = wb.create_sheet(_OTHER_SHEET)
        for key, value in other.items():
            sheet.append([key, json.dumps(value, ensure_ascii=False)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _walk_dicts(nodes: Sequence[dict[str, Any]]) -> Any:
    for d in nodes:
        yield d
        yield from _walk_dicts(d.get("children", []))


# --------------------------------------------------------------------------- import


def _clause(text: str) -> str:
    """One clause of a rule, a bare trailing number read as points."""
    text = " ".join(text.split()).rstrip(".;").strip()
    m = _BARE_POINTS.match(text)
    if m and not text.lower().endswith("điểm"):
        return f"{m.group(1)}{m.group(2)} điểm"
    return text


def _measure_kind(rule: Rule) -> MeasureKind | None:
    if isinstance(rule, BandsRule):
        return MeasureKind.RATE if rule.scale is Scale.PERCENT else MeasureKind.COUNT
    if isinstance(rule, CategoricalRule):
        return MeasureKind.CATEGORY
    if isinstance(rule, BooleanRule):
        return MeasureKind.BOOLEAN
    if isinstance(rule, ProportionalRule | ThresholdRule):
        return MeasureKind.RATE
    if isinstance(rule, PerCountRule):
        return MeasureKind.COUNT
    return None


def _find_header(grid: Grid) -> tuple[int, dict[str, int], list[Cell]] | None:
    for r, row in enumerate(grid.rows[:30]):
        cols: dict[str, int] = {}
        unknown: list[Cell] = []
        for cell in row:
            label = text_of(cell)
            if label is None:
                continue
            key = _BY_HEADER.get(fold(label))
            if key is None:
                unknown.append(cell)
            elif key not in cols:
                cols[key] = cell.column
        if {"code", "name", "max_points"} <= set(cols):
            return r, cols, unknown
    return None


@attrs.define
class _Row:
    row: int
    place: str
    values: dict[str, Any]
    rule_lines: list[str] = attrs.field(factory=list)
    rule_place: str = ""


def _info_pairs(values_wb: Any, name: str) -> list[tuple[str, Any]]:
    if name not in values_wb.sheetnames:
        return []
    return [
        (str(r[0]).strip(), r[1])
        for r in values_wb[name].iter_rows(values_only=True)
        if r and r[0] is not None
    ]


def _rows_of(values_wb: Any, name: str) -> list[tuple[Any, ...]]:
    if name not in values_wb.sheetnames:
        return []
    return [r for r in values_wb[name].iter_rows(min_row=2, values_only=True) if any(r)]


def _decimal_text(value: Any) -> Any:
    if isinstance(value, float):
        return str(number_of_float(value))
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return value


def read_framework_table(
    data: bytes,
    *,
    source: str = "<bytes>",
    metadata: Mapping[str, Any] | None = None,
    lenient: bool = False,
    lang: Lang = "vi",
) -> FrameworkImport:
    """A framework from a province's criteria table (.xlsx or .csv bytes).

    Args:
        data: the file's bytes.
        source: its name, for messages.
        metadata: framework fields the table does not carry (``id``, ``version``, ``name``,
            ``decision``, ``first_year``, ...); they override the table's information sheet.
        lenient: write unreadable rule sentences (and leaves without a rule) as rules scored
            by the appraiser, listed as warnings, instead of refusing the table.
        lang: the language of the problems.

    Raises:
        InvalidWorkbook: listing every problem, each with its place (``Tiêu chí!D9``).
    """
    sink = SheetProblems(lang)
    info: dict[str, Any] = {}
    components: list[dict[str, Any]] = []
    own_measures: list[dict[str, Any]] = []
    if is_xlsx(data):
        book, formulas = load_workbook(data, source, lang)
        name = CRITERIA_SHEET if CRITERIA_SHEET in book.sheetnames else book.sheetnames[0]
        grid = sheet_grid(book, formulas, name)
        labels = {fold(label): key for key, label in _INFO_KEYS}
        for label, value in _info_pairs(book, _INFO_SHEET):
            key = labels.get(fold(label))
            if key is not None and value is not None and value != "":
                info[key] = value
        components.extend(
            {
                "id": r[0],
                "name": r[1],
                **({"name_en": r[2]} if r[2] else {}),
                "max_points": _decimal_text(r[3]),
                "survey": fold(str(r[4] or "")) in ("có", "true", "yes"),
            }
            for r in _rows_of(book, _COMPONENT_SHEET)
        )
        for key, value in _info_pairs(book, _OTHER_SHEET):
            try:
                info[key] = json.loads(str(value))
            except ValueError:
                sink.add(f"{_OTHER_SHEET}!B", "bad-json", "một giá trị JSON", "a JSON value", value)
        own_measures.extend(
            {
                "name": r[0],
                "kind": r[1],
                "description_vi": r[2] or "",
                "description_en": r[3] or "",
                **({"categories": [c.strip() for c in str(r[4]).split(",")]} if r[4] else {}),
            }
            for r in _rows_of(book, _MEASURE_SHEET)
        )
    else:
        grid = csv_grid(decode_text(data, source, lang), source)
    found = _find_header(grid)
    if found is None:
        sink.add(
            source,
            "missing-header",
            "một dòng tiêu đề có các cột STT (mã), tên tiêu chí và Điểm tối đa",
            "a header row with the columns STT (code), criterion and Điểm tối đa (max points)",
            grid.name or "CSV",
        )
        sink.raise_if_any(source)
    assert found is not None
    header_row, cols, unknown = found
    for cell in unknown:
        sink.add(
            cell.place,
            "ignored-column",
            "một cột của bộ tiêu chí (cột này bị bỏ qua)",
            "a framework column (this one is ignored)",
            text_of(cell) or "",
            warning=True,
        )
    rows: list[_Row] = []
    by_code: dict[str, _Row] = {}

    def cell_of(row: Sequence[Cell], key: str) -> Cell | None:
        i = cols.get(key)
        return row[i] if i is not None and i < len(row) else None

    for row in grid.rows[header_row + 1 :]:
        code_cell = cell_of(row, "code")
        name_cell = cell_of(row, "name")
        for c in row:
            if c.uncomputed:
                sink.add(
                    c.place,
                    "formula-not-computed",
                    "một giá trị (công thức chưa được Excel tính)",
                    "a value (a formula Excel never computed)",
                    c.uncomputed,
                )
        code: str | None = None
        if code_cell is not None and not code_cell.empty:
            if isinstance(code_cell.value, float):
                code = str(number_of_float(code_cell.value))
                sink.add(
                    code_cell.place,
                    "code-number",
                    "mã tiêu chí là văn bản (đã đọc số thành mã, kiểm tra 1.10/1.1)",
                    "a criterion code as text (read the number as a code: check 1.10 vs 1.1)",
                    code_cell.value,
                    warning=True,
                )
            else:
                code = text_of(code_cell)
        name = text_of(name_cell) if name_cell is not None else None
        if code is None:
            if name is None:
                continue
            if not rows:
                sink.add(
                    name_cell.place if name_cell else source,
                    "rule-without-criterion",
                    "một dòng tiêu chí có mã trước các dòng hướng dẫn chấm điểm",
                    "a criterion row with a code before its scoring rows",
                    name,
                )
                continue
            last = rows[-1]
            last.rule_lines.extend(line for line in name.splitlines() if line.strip())
            if not last.rule_place and name_cell is not None:
                last.rule_place = name_cell.place
            continue
        code = code.rstrip(".")
        values: dict[str, Any] = {}
        for key in _COLUMNS:
            if key == "code":
                continue
            found_cell = cell_of(row, key)
            if found_cell is None or found_cell.empty:
                continue
            values[key] = found_cell.value
        place = code_cell.place if code_cell is not None else source
        entry = _Row(code_cell.row if code_cell is not None else 0, place, values)
        rule_cell = cell_of(row, "rule")
        if "rule" in values:
            entry.rule_lines.extend(
                line for line in str(values["rule"]).splitlines() if line.strip()
            )
            entry.rule_place = rule_cell.place if rule_cell else place
        if code in by_code:
            sink.add(
                place,
                "duplicate-code",
                f"mỗi mã một lần (đã có ở {by_code[code].place})",
                f"each code once (already at {by_code[code].place})",
                code,
            )
            continue
        by_code[code] = entry
        rows.append(entry)
    return _build(
        rows, by_code, info, components, own_measures, metadata or {}, sink, source, lenient
    )


def _build(
    rows: list[_Row],
    by_code: dict[str, _Row],
    info: dict[str, Any],
    components: list[dict[str, Any]],
    own_measures: list[dict[str, Any]],
    metadata: Mapping[str, Any],
    sink: SheetProblems,
    source: str,
    lenient: bool,
) -> FrameworkImport:
    nodes: dict[str, dict[str, Any]] = {}
    top: list[dict[str, Any]] = []
    paths: dict[str, _Row] = {}
    declared: list[str] = []
    children_of: dict[str, list[str]] = {}
    for entry in rows:
        code = next(c for c, e in by_code.items() if e is entry)
        parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is not None:
            children_of.setdefault(parent, []).append(code)
    for entry in rows:
        code = next(c for c, e in by_code.items() if e is entry)
        v = entry.values
        node: dict[str, Any] = {
            "code": code,
            "name": str(v.get("name", "")).strip() if v.get("name") is not None else "",
        }
        if isinstance(v.get("name"), str) and "\n" in v["name"]:
            node["name"] = " ".join(v["name"].split())
        raw_max = v.get("max_points")
        got = parse_number(raw_max) if raw_max is not None else None
        if got is None or got[1]:
            sink.add(
                entry.place,
                "bad-max-points",
                "điểm tối đa là một số",
                "max points as a number",
                raw_max,
            )
            node["max_points"] = "1"
        else:
            node["max_points"] = f"{got[0]:f}"
        for key, table in (
            ("role", _ROLE),
            ("not_applicable", _POLICY),
            ("provenance", _PROVENANCE),
        ):
            if key in v:
                word = fold(str(v[key]))
                match = next((k for k, label in table.items() if word in (k, fold(label))), None)
                if match is None:
                    sink.add(
                        entry.place,
                        f"bad-{key.replace('_', '-')}",
                        "một trong: " + ", ".join(table.values()),
                        "one of: " + ", ".join(table),
                        v[key],
                    )
                else:
                    node[key] = match
        if "extra" in v:
            try:
                extra = json.loads(str(v["extra"]))
            except ValueError:
                extra = None
            if not isinstance(extra, dict):
                sink.add(
                    entry.place, "bad-extra", "một đối tượng JSON", "a JSON object", v["extra"]
                )
            else:
                node.update(extra)
        for key in ("name_en", "component", "area", "source", "note"):
            if key in v:
                node[key] = " ".join(str(v[key]).split()) if key != "note" else str(v[key]).strip()
        is_leaf = code not in children_of
        if is_leaf:
            rule: Rule | None = None
            rule_place = entry.rule_place or entry.place
            if "rule_table" in v:
                try:
                    rule = rule_from_dict(json.loads(str(v["rule_table"])))
                except (ValueError, LoadError) as exc:
                    sink.add(
                        rule_place,
                        "bad-rule-table",
                        "một quy tắc dạng bảng (JSON)",
                        "a rule table (JSON)",
                        str(exc)[:80],
                    )
            elif entry.rule_lines:
                sentence = "; ".join(_clause(line) for line in entry.rule_lines)
                try:
                    rule = parse_rule(sentence)
                except InvalidRuleText as exc:
                    p = exc.problems[0]
                    if lenient:
                        sink.add(
                            rule_place,
                            "manual-rule",
                            f"câu quy tắc đọc được ({p.expected})",
                            f"a readable rule ({p.expected})",
                            sentence,
                            warning=True,
                        )
                        rule = ManualRule()
                        node["note"] = (
                            node.get("note", "") + " " if node.get("note") else ""
                        ) + f"Quy tắc gốc (chấm trực tiếp): {sentence}"
                        node["provenance"] = "provisional"
                    else:
                        sink.add(
                            rule_place,
                            "unreadable-rule",
                            f"câu quy tắc đọc được: {p.expected}",
                            f"a readable rule sentence: {p.expected}",
                            p.found,
                        )
                        rule = _PLACEHOLDER  # keeps the tree checkable; the problem stands
                except InvalidValueError as exc:
                    p = exc.problems[0]
                    sink.add(
                        rule_place,
                        "bad-rule",
                        f"một quy tắc hợp lệ: {p.expected}",
                        f"a valid rule: {p.expected}",
                        p.found,
                    )
            elif lenient:
                sink.add(
                    entry.place,
                    "manual-rule",
                    "cách chấm điểm của tiêu chí lá",
                    "the scoring rule of a leaf",
                    code,
                    warning=True,
                )
                rule = ManualRule()
                node["provenance"] = "provisional"
            else:
                sink.add(
                    entry.place,
                    "leaf-without-rule",
                    "cách chấm điểm (các dòng bên dưới hoặc cột Cách chấm điểm) của tiêu chí "
                    "không có tiêu chí con",
                    "the scoring rule (rows below or a rule column) of a criterion without "
                    "children",
                    code,
                )
                rule = _PLACEHOLDER
            if rule is not None:
                node["rule"] = _rule_dict(rule)
                if rule is _PLACEHOLDER:
                    rule = None
            if rule is not None:
                measure = v.get("measure")
                kind = _measure_kind(rule)
                if measure is not None:
                    node["measure"] = str(measure).strip()
                elif kind is not None:
                    name = "tieu_chi.c" + code.lower().replace(".", "_")
                    node["measure"] = name
                    declared.append(name)
                    spec: dict[str, Any] = {
                        "name": name,
                        "kind": kind.value,
                        "description_vi": node["name"] or code,
                        "description_en": node.get("name_en", ""),
                    }
                    if isinstance(rule, CategoricalRule):
                        spec["categories"] = list(rule.categories)
                    own_measures.append(spec)
        elif entry.rule_lines:
            sink.add(
                entry.rule_place or entry.place,
                "rule-on-inner",
                "cách chấm điểm chỉ ở tiêu chí không có tiêu chí con",
                "a rule on a criterion without children only",
                code,
            )
        node["_children"] = []
        nodes[code] = node
        paths[code] = entry
        parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is None:
            top.append(node)
        elif parent in nodes:
            nodes[parent]["_children"].append(node)
        else:
            sink.add(
                entry.place,
                "missing-parent",
                f"dòng của tiêu chí cha {parent} ở trên",
                f"the parent criterion {parent} above",
                code,
            )
    fields: dict[str, Any] = dict(info)
    fields.update({k: v for k, v in metadata.items() if v is not None})
    for key in ("first_year", "last_year"):
        year = fields.get(key)
        if (isinstance(year, str) and year.isdigit()) or isinstance(year, float):
            fields[key] = int(year)
    if isinstance(fields.get("unit_levels"), str):
        fields["unit_levels"] = [s.strip() for s in fields["unit_levels"].split(",") if s.strip()]
    if isinstance(fields.get("illustrative"), str):
        fields["illustrative"] = fold(fields["illustrative"]) in ("có", "true", "yes")
    if "max_points" in fields:
        fields["max_points"] = _decimal_text(fields["max_points"])
    for key, option in (("id", "--id"), ("version", "--version"), ("name", "--name")):
        if not fields.get(key):
            sink.add(
                source,
                "missing-metadata",
                f"{key} của bộ tiêu chí (tùy chọn {option})",
                f"the framework's {key} ({option})",
                "",
            )
    if not fields.get("decision") and not fields.get("illustrative"):
        sink.add(
            source,
            "missing-metadata",
            "văn bản ban hành (tùy chọn --decision)",
            "the issuing decision (--decision)",
            "",
        )
    total = sum(
        (Decimal(n["max_points"]) for n in top if n.get("role", "normal") == "normal"), Decimal(0)
    )
    fields.setdefault("max_points", f"{total:f}")
    if not components:
        components = [
            {
                "id": "appraised",
                "name": "Điểm tự đánh giá được thẩm định",
                "max_points": fields["max_points"],
            }
        ]
    if any(p.code == "missing-metadata" for p in sink.problems):
        sink.raise_if_any(source)

    def finish(n: dict[str, Any]) -> dict[str, Any]:
        kids = n.pop("_children")
        if kids:
            n["children"] = [finish(k) for k in kids]
        return n

    fields["criteria"] = [finish(n) for n in top]
    fields["components"] = components
    if own_measures:
        fields["measures"] = own_measures
    try:
        framework = framework_from_dict(fields, source=source)
    except LoadError as exc:
        for p in exc.problems:
            place = _place_of(p.path, fields["criteria"], paths) or source
            sink.add(place, p.code, f"{p.expected} ({p.path})", f"{p.expected} ({p.path})", p.found)
        sink.raise_if_any(source)
        raise  # pragma: no cover
    sink.raise_if_any(source)
    return FrameworkImport(framework, tuple(sink.warnings), tuple(declared))


_INDEX = re.compile(r"^criteria\[(\d+)\]((?:\.children\[\d+\])*)")


def _place_of(path: str, criteria: list[dict[str, Any]], rows: Mapping[str, _Row]) -> str | None:
    """The table place of a framework path (``criteria[0].children[2].rule``)."""
    m = _INDEX.match(path)
    if m is None:
        return None
    node = criteria[int(m.group(1))]
    for k in re.findall(r"\[(\d+)\]", m.group(2)):
        node = node["children"][int(k)]
    row = rows.get(node["code"])
    return row.place if row is not None else None


# --------------------------------------------------------------------------- TOML


def _toml_value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if key in _NUMERIC_KEYS and re.fullmatch(r"-?\d+(\.\d+)?", value):
            return value
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(key, v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(k, v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))  # pragma: no cover - framework_to_dict writes only these


def _toml_node(n: dict[str, Any], table: str, out: list[str], depth: int) -> None:
    indent = "  " * depth
    out.append("")
    out.append(f"{indent}[[{table}]]")
    rule = n.get("rule")
    for key, value in n.items():
        if key in ("children", "rule"):
            continue
        out.append(f"{indent}{key} = {_toml_value(key, value)}")
    if rule is not None:
        built = rule_from_dict(rule)
        sentence = render_rule(built)
        try:
            same = parse_rule(sentence) == built
        except InvalidValueError:
            same = False
        out.append(
            f"{indent}rule = "
            + (json.dumps(sentence, ensure_ascii=False) if same else _toml_value("rule", rule))
        )
    for child in n.get("children", []):
        _toml_node(child, f"{table}.children", out, depth + 1)


def framework_to_toml(framework: Framework) -> str:
    """A framework file (TOML) for ``framework``: rules as sentences when they read back to
    the same rule, as tables otherwise. Loading it gives ``framework`` back."""
    data = framework_to_dict(framework)
    out = [f"# {framework.name}", ""]
    for key, value in data.items():
        if key in ("components", "measures", "criteria"):
            continue
        out.append(f"{key} = {_toml_value(key, value)}")
    for comp in data["components"]:
        out.append("")
        out.append("[[components]]")
        out.extend(f"{k} = {_toml_value(k, v)}" for k, v in comp.items())
    for m in data.get("measures", []):
        out.append("")
        out.append("[[measures]]")
        out.extend(f"{k} = {_toml_value(k, v)}" for k, v in m.items())
    for n in data["criteria"]:
        _toml_node(n, "criteria", out, 0)
    return "\n".join(out) + "\n"

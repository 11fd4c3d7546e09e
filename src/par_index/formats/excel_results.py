"""Results for leaders: the ranking and every unit's points as an .xlsx workbook.

Sheets: ``Xếp hạng`` (rank, unit code, unit, period, points, maximum, index, class, complete,
marks), ``Tổng hợp`` (units × domains: each domain's points, then the total and the index),
one sheet per domain (units × every criterion of the domain, with the codes, names and
maxima as header rows; provisional points marked "tạm tính") and ``Nguồn gốc`` (the
framework, its decision and source, the provisional criteria, the legend of the marks, how
ties were decided and how values were rounded).

Numbers are stored as numbers (points with two decimals shown, ``#,##0.00``), so Excel shows
them in the reader's own style: ``1.234,56`` in a Vietnamese Excel. Headers are frozen.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final

from par_index.core.lang import Lang
from par_index.formats.excel_cells import MISSING_EXCEL
from par_index.formats.ranking_table import LEGEND, TIES_TEXT, marks
from par_index.frameworks.model import Framework
from par_index.model.ratios import NotApplicable
from par_index.scoring.ranking import Ranked, Ties
from par_index.scoring.scorecard import NodeScore, NodeStatus, Scorecard

__all__ = ["RANK_SHEET", "SUMMARY_SHEET", "write_results_workbook"]

RANK_SHEET: Final = "Xếp hạng"
SUMMARY_SHEET: Final = "Tổng hợp"
SOURCE_SHEET: Final = "Nguồn gốc"
_POINTS_FORMAT: Final = "#,##0.00"

_HEAD: Final = {
    "rank": ("Hạng", "Rank"),
    "unit_code": ("Mã đơn vị", "Unit code"),
    "unit": ("Đơn vị", "Unit"),
    "period": ("Kỳ đánh giá", "Period"),
    "points": ("Tổng điểm", "Points"),
    "max": ("Điểm tối đa", "Maximum"),
    "index": ("Chỉ số (%)", "Index (%)"),
    "class": ("Xếp loại", "Class"),
    "complete": ("Đủ tài liệu kiểm chứng", "Complete evidence"),
    "marks": ("Ghi chú", "Marks"),
}


def _h(key: str, lang: Lang) -> str:
    vi, en = _HEAD[key]
    return vi if lang == "vi" else en


def _number(value: Decimal | NotApplicable) -> float | str:
    """A number cell (exact decimals become the nearest float Excel can hold)."""
    if isinstance(value, NotApplicable):
        return "—"
    return float(value)


def _sheet_name(code: str, name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", f"{code}. {name}")[:31].strip()
    out = base
    i = 2
    while out in taken:
        out = f"{base[:28]} {i}"
        i += 1
    taken.add(out)
    return out


def _node_cell(n: NodeScore) -> float | str:
    if n.status in (NodeStatus.NOT_APPLICABLE, NodeStatus.SURVEY_NOT_RUN) and not n.max_points:
        return "KAD" if n.status is NodeStatus.NOT_APPLICABLE else "—"
    return float(n.points)


def write_results_workbook(
    ranked: Sequence[Ranked],
    *,
    ties: Ties,
    framework: Framework | None = None,
    lang: Lang = "vi",
) -> bytes:
    """The results workbook of ``ranked`` scorecards (all of one framework), as .xlsx bytes.

    Args:
        ranked: the ranking (:func:`~par_index.scoring.ranking.rank`).
        ties: how ties were decided, for the sources sheet.
        framework: the framework, for its decision and source on the sources sheet.
        lang: the language of headers and labels (values are the same in both).

    Raises:
        ModuleNotFoundError: without openpyxl (``pip install 'par_index[excel]'``).
    """
    try:
        import openpyxl  # noqa: PLC0415 - optional dependency, loaded when used
        from openpyxl.styles import Font, PatternFill  # noqa: PLC0415
    except ModuleNotFoundError as exc:  # pragma: no cover - the test extra installs it
        raise ModuleNotFoundError(
            f"writing .xlsx files needs openpyxl: {MISSING_EXCEL}", name=exc.name
        ) from None
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="BDD7EE")
    provisional_fill = PatternFill("solid", fgColor="FFF2CC")
    wb = openpyxl.Workbook()
    ws = wb.worksheets[0]
    ws.title = RANK_SHEET
    keys = ("rank", "unit_code", "unit", "period", "points", "max", "index", "class")
    ws.append([_h(k, lang) for k in (*keys, "complete", "marks")])
    for r in ranked:
        card = r.scorecard
        c = card.classification
        ws.append(
            [
                r.rank if r.rank is not None else "—",
                card.unit.code if card.unit is not None else None,
                card.unit_label(lang),
                card.period.label(lang) if card.period is not None else None,
                float(card.points),
                float(card.max_points),
                _number(card.index),
                c.label(lang) if c is not None else None,
                ("có" if card.complete else "không")
                if lang == "vi"
                else ("yes" if card.complete else "no"),
                " ".join(marks(card)) or None,
            ]
        )
    _style(ws, bold, head_fill, widths=(7, 11, 26, 22, 11, 11, 11, 14, 12, 8))
    for row in ws.iter_rows(min_row=2):
        for cell in row[4:7]:
            cell.number_format = _POINTS_FORMAT
    cards = [r.scorecard for r in ranked]
    first = cards[0] if cards else None
    taken = {RANK_SHEET, SUMMARY_SHEET, SOURCE_SHEET}
    if first is not None:
        tops = [n for n in first.nodes if n.depth == 0]
        summary = wb.create_sheet(SUMMARY_SHEET)
        summary.append(
            [_h("unit_code", lang), _h("unit", lang)]
            + [f"{n.code}. {_name(n, lang)}" for n in tops]
            + [_h("points", lang), _h("index", lang)]
        )
        summary.append(
            ["", _h("max", lang)]
            + [float(n.declared_max) for n in tops]
            + [float(first.declared_max), ""]
        )
        for r in ranked:
            card = r.scorecard
            by_code = {n.code: n for n in card.nodes}
            summary.append(
                [card.unit.code if card.unit else None, card.unit_label(lang)]
                + [_node_cell(by_code[n.code]) if n.code in by_code else None for n in tops]
                + [float(card.points), _number(card.index)]
            )
        _style(summary, bold, head_fill, widths=(11, 26) + (14,) * (len(tops) + 2), rows=2)
        for row in summary.iter_rows(min_row=2):
            for cell in row[2:]:
                cell.number_format = _POINTS_FORMAT
        for top in tops:
            sheet = wb.create_sheet(_sheet_name(top.code, _name(top, lang), taken))
            nodes = _subtree(first, top.code)
            sheet.append([_h("unit_code", lang), _h("unit", lang)] + [n.code for n in nodes])
            sheet.append(["", ""] + [_name(n, lang) for n in nodes])
            sheet.append(["", _h("max", lang)] + [float(n.declared_max) for n in nodes])
            for i, n in enumerate(nodes):
                if n.provenance.value == "provisional":
                    sheet.cell(row=1, column=i + 3).fill = provisional_fill
            for r in ranked:
                card = r.scorecard
                by_code = {n.code: n for n in card.nodes}
                sheet.append(
                    [card.unit.code if card.unit else None, card.unit_label(lang)]
                    + [_node_cell(by_code[n.code]) if n.code in by_code else None for n in nodes]
                )
            _style(sheet, bold, head_fill, widths=(11, 26) + (12,) * len(nodes), rows=3)
            for row in sheet.iter_rows(min_row=3):
                for cell in row[2:]:
                    cell.number_format = _POINTS_FORMAT
    src = wb.create_sheet(SOURCE_SHEET)
    for line in _source_lines(first, framework, ties, lang):
        src.append(line)
    src.column_dimensions["A"].width = 28
    src.column_dimensions["B"].width = 100
    for cell in src["A"]:
        cell.font = bold
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _name(n: NodeScore, lang: Lang) -> str:
    return n.name_en if lang == "en" and n.name_en else n.name


def _subtree(card: Scorecard, code: str) -> list[NodeScore]:
    return [n for n in card.nodes if n.code == code or n.code.startswith(code + ".")]


def _style(ws: Any, bold: Any, fill: Any, *, widths: Sequence[int], rows: int = 1) -> None:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    for r in range(1, rows + 1):
        for cell in ws[r]:
            cell.font = bold
            cell.fill = fill
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = ws.cell(row=rows + 1, column=3 if ws.max_column > 2 else 1)


def _source_lines(
    card: Scorecard | None, fw: Framework | None, ties: Ties, lang: Lang
) -> list[list[Any]]:
    vi = lang == "vi"
    lines: list[list[Any]] = []
    if card is not None:
        name = card.framework_name_en if not vi and card.framework_name_en else card.framework_name
        lines += [
            ["Bộ tiêu chí" if vi else "Framework", f"{card.framework_id} {card.framework_version}"],
            ["Tên" if vi else "Name", name],
        ]
        if card.illustrative:
            lines.append(
                [
                    "Lưu ý" if vi else "Note",
                    "MINH HỌA: không phải bảng tiêu chí chính thức"
                    if vi
                    else "ILLUSTRATIVE: not an official table",
                ]
            )
        provisional = [n.code for n in card.nodes if n.provenance.value == "provisional"]
        if provisional:
            lines.append(
                [
                    "Điểm tạm tính" if vi else "Provisional points",
                    ", ".join(provisional),
                ]
            )
        lines.append(
            [
                "Làm tròn" if vi else "Rounding",
                f"{card.places} chữ số thập phân, {card.rounding}"
                if vi
                else f"{card.places} decimals, {card.rounding}",
            ]
        )
    if fw is not None:
        lines += [
            ["Văn bản ban hành" if vi else "Issued by", str(fw.decision) if fw.decision else "—"],
            ["Nguồn" if vi else "Source", fw.source or "—"],
        ]
    lines.append(["Đồng hạng" if vi else "Ties", TIES_TEXT[ties]["vi" if vi else "en"]])
    for mark, words in LEGEND.items():
        lines.append([mark, words["vi" if vi else "en"]])
    lines.append(
        [
            "KAD",
            "không áp dụng: điểm tối đa được loại ra" if vi else "not applicable: left out",
        ]
    )
    return lines

"""Scorecards as text: a readable terminal page, Markdown and CSV, in Vietnamese or English."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

import cattrs

from par_index.core.lang import Lang, format_number
from par_index.formats.json import make_converter
from par_index.frameworks.measures import MeasureKind, MeasureValue
from par_index.frameworks.model import (
    Criterion,
    Framework,
    NodeRole,
)
from par_index.frameworks.text import format_percent
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable
from par_index.scoring.classification import SCHEMES
from par_index.scoring.converter import configure_scoring_converter
from par_index.scoring.improvements import improvements
from par_index.scoring.scorecard import NodeScore, NodeStatus, Scorecard

__all__ = [
    "csv_number",
    "csv_value",
    "format_index",
    "format_points",
    "plain_number",
    "points_word",
    "render_scorecard_csv",
    "render_scorecard_markdown",
    "render_scorecard_text",
    "scorecard_converter",
    "shorten",
    "show_value",
    "text",
    "unscored_lines",
]

_TEXT: dict[str, tuple[str, str]] = {
    "title": ("PHIẾU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "REFORM INDEX SCORECARD"),
    "unit": ("Đơn vị", "Unit"),
    "period": ("Kỳ", "Period"),
    "framework": ("Bộ tiêu chí", "Framework"),
    "version": ("phiên bản", "version"),
    "illustrative": (
        "MINH HỌA: không phải bảng tiêu chí chính thức",
        "ILLUSTRATIVE: not an official table",
    ),
    "total": ("Tổng điểm", "Total"),
    "of_max": (
        "trên {max} điểm tối đa sau khi loại tiêu chí không áp dụng; khung {declared} điểm",
        "out of a maximum of {max} after not-applicable exclusions; framework total {declared}",
    ),
    "index": ("Chỉ số", "Index"),
    "rescaled": (
        "không điều tra xã hội học: điểm thẩm định quy đổi về thang 100",
        "no survey run: appraised points rescaled to 100",
    ),
    "class": ("Xếp loại", "Class"),
    "incomplete": (
        "Chưa đủ tài liệu kiểm chứng ({n} tiêu chí): {codes}",
        "Missing evidence ({n} criteria): {codes}",
    ),
    "complete": ("Đủ tài liệu kiểm chứng cho mọi tiêu chí.", "Evidence for every criterion."),
    "code": ("Mã", "Code"),
    "name": ("Tiêu chí", "Criterion"),
    "points": ("Điểm", "Points"),
    "partial": (
        "CHƯA ĐẦY ĐỦ: thiếu tài liệu kiểm chứng, kết quả chưa phải chỉ số cuối cùng",
        "INCOMPLETE: evidence missing, not a final index",
    ),
    "max": ("Tối đa", "Max"),
    "pct": ("Chỉ số", "Index"),
    "lost": ("mất {p}", "lost {p}"),
    "next": ("cần {c} để được {p}", "needs {c} for {p}"),
    "value": ("giá trị", "value"),
    "source": ("nguồn", "source"),
    "improve": (
        "Có thể cải thiện (điểm còn đạt được):",
        "Room for improvement (points attainable):",
    ),
    "bonus": ("cộng", "bonus"),
    "deduction": ("trừ", "deduction"),
    "appraised": ("điểm thẩm định", "appraised points"),
    "rank": ("Hạng", "Rank"),
    "unranked": ("—", "—"),
    "ok": (
        "Hợp lệ: {id} phiên bản {v}, {n} tiêu chí, {l} tiêu chí lá.",
        "Valid: {id} version {v}, {n} nodes, {l} leaves.",
    ),
    "problems": ("{n} lỗi trong {src}:", "{n} problems in {src}:"),
    "provisional": ("tạm tính", "provisional"),
    "years": ("Năm áp dụng", "Years"),
    "levels": ("Cấp đơn vị", "Unit levels"),
    "decision": ("Văn bản ban hành", "Issued by"),
    "none": ("không có (minh họa)", "none (illustrative)"),
    "components": ("Thành phần điểm", "Components"),
    "measure": ("đo", "measure"),
    "rule": ("quy tắc", "rule"),
    "survey": ("điều tra xã hội học", "survey"),
}

_STATUS_EN = {
    NodeStatus.SCORED: "scored",
    NodeStatus.NOT_APPLICABLE: "not applicable",
    NodeStatus.MISSING_EVIDENCE: "missing evidence",
    NodeStatus.SURVEY_NOT_RUN: "survey not run",
}


def text(key: str, lang: Lang) -> str:
    vi, en = _TEXT[key]
    return vi if lang == "vi" else en


def scorecard_converter() -> cattrs.Converter:
    c = make_converter()
    configure_scoring_converter(c)
    return c


def format_points(value: Decimal, places: int, lang: Lang) -> str:
    return format_number(value.quantize(Decimal(1).scaleb(-places)), lang)


def format_index(value: Decimal | NotApplicable, lang: Lang) -> str:
    if isinstance(value, NotApplicable):
        return "—"
    return format_number(value, lang) + "%"


def plain_number(value: Decimal, lang: Lang) -> str:
    d = value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))
    return format_number(d, lang)


def _status(status: NodeStatus, lang: Lang) -> str:
    return status.label_vi if lang == "vi" else _STATUS_EN[status]


def _name(n: NodeScore, lang: Lang) -> str:
    return n.name_en if lang == "en" and n.name_en else n.name


def show_value(value: MeasureValue | None, kind: MeasureKind | None, lang: Lang) -> str:
    """A measure value for people: rates as percentages, facts as có/không."""
    if value is None:
        return "—"
    if value is NOT_APPLICABLE:
        return "không áp dụng" if lang == "vi" else "not applicable"
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    if isinstance(value, Decimal) and kind is MeasureKind.RATE:
        return format_percent(value, lang)
    if isinstance(value, Decimal | int):
        return plain_number(Decimal(value), lang)
    return str(value)


def _kind(framework: Framework | None, measure: str | None) -> MeasureKind | None:
    if framework is None or measure is None:
        return None
    spec = framework.measure_spec(measure)
    return spec.kind if spec is not None else None


def _limiting(framework: Framework | None, code: str) -> Criterion | None:
    """The node limiting ``code`` to some unit levels: itself or its nearest such ancestor."""
    if framework is None:
        return None
    found: Criterion | None = None

    def walk(n: Criterion, limited: Criterion | None) -> bool:
        nonlocal found
        limited = n if n.levels else limited
        if n.code == code:
            found = limited
            return True
        return any(walk(ch, limited) for ch in n.children)

    any(walk(top, None) for top in framework.criteria)
    return found


def _note(n: NodeScore, lang: Lang, framework: Framework | None = None) -> str:
    """The explanation's note (kept in Vietnamese in the data), in ``lang``."""
    e = n.explanation
    assert e is not None
    if lang == "vi":
        return e.note
    if n.status is NodeStatus.NOT_APPLICABLE and e.note.startswith("không áp dụng cho "):
        crit = _limiting(framework, n.code)
        why = crit.levels_note_en if crit is not None and crit.levels_note_en else ""
        return (
            "not applicable at this unit level"
            + (f" — {why}" if why else "")
            + ": leaves the maximum"
        )
    if n.status is NodeStatus.MISSING_EVIDENCE:
        if e.measure is not None:
            return f"missing evidence: no value for {e.measure}"
        return "missing evidence: no score or survey result"
    if n.status is NodeStatus.SURVEY_NOT_RUN:
        return "no survey run"
    if n.status is NodeStatus.NOT_APPLICABLE:
        if n.max_points:
            return "not applicable: full points"
        return "not applicable: leaves the maximum"
    return e.note


def _explanation_lines(n: NodeScore, framework: Framework | None, lang: Lang) -> list[str]:
    e = n.explanation
    if e is None:
        return []
    places = 2
    parts: list[str] = []
    if e.note:
        parts.append(_note(n, lang, framework))
    if n.status is NodeStatus.SCORED:
        matched = e.matched if lang == "vi" else e.matched_en
        if isinstance(e.value, str) and matched:
            step = f"→ “{matched}”"  # a category: its words say it all
        else:
            value = show_value(e.value, _kind(framework, e.measure), lang)
            step = f"{text('value', lang)} {value}"
            if matched:
                step += f" → “{matched}”"
        if e.appraised is not None:
            step += f"; {text('appraised', lang)} {plain_number(e.appraised, lang)}"
        parts.append(step)
        if e.points_lost > 0:
            parts.append(text("lost", lang).format(p=format_points(e.points_lost, places, lang)))
        nxt = e.next_condition if lang == "vi" else e.next_condition_en
        if nxt and e.next_points is not None:
            parts.append(
                text("next", lang).format(
                    c=f"“{nxt}”", p=format_points(e.next_points, places, lang)
                )
            )
    lines = ["; ".join(parts)] if parts else []
    if e.source and n.status is NodeStatus.SCORED:
        lines.append(f"{text('source', lang)}: {e.source}")
    return lines


def points_word(amount: Decimal, lang: Lang) -> str:
    """ "điểm"; in English "point" for exactly 1, else "points"."""
    if lang == "vi":
        return "điểm"
    return "point" if amount == 1 else "points"


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _header_lines(card: Scorecard, lang: Lang) -> list[str]:
    out = [text("title", lang)]
    period = card.period.label(lang) if card.period is not None else "—"
    out.append(f"{text('unit', lang)}: {card.unit_label(lang)} — {text('period', lang)}: {period}")
    name = (
        card.framework_name_en if lang == "en" and card.framework_name_en else card.framework_name
    )
    out.append(
        f"{text('framework', lang)}: {card.framework_id} {text('version', lang)} "
        f"{card.framework_version} — {name}"
    )
    if card.illustrative:
        out.append(f"  ({text('illustrative', lang)})")
    of_max = text("of_max", lang).format(
        max=plain_number(card.max_points, lang), declared=plain_number(card.declared_max, lang)
    )
    out.append(f"{text('total', lang)}: {format_points(card.points, card.places, lang)} ({of_max})")
    index = f"{text('index', lang)}: {format_index(card.index, lang)}"
    if card.rescaled:
        index += f" ({text('rescaled', lang)})"
    if not card.complete:
        index += f" — {text('partial', lang)}"
    out.append(index)
    if card.classification is not None:
        scheme = SCHEMES.get(card.classification.scheme)
        scheme_name = (
            (scheme.name_vi if lang == "vi" else scheme.name_en)
            if scheme
            else card.classification.scheme
        )
        out.append(f"{text('class', lang)}: {card.classification.label(lang)} ({scheme_name})")
    if card.complete:
        out.append(text("complete", lang))
    else:
        out.append(
            text("incomplete", lang).format(n=len(card.missing), codes=", ".join(card.missing))
        )
    return out


_NAME_WIDTH = 56


def unscored_lines(framework: Framework | None, lang: Lang) -> list[str]:
    """The indicators the framework defines without points, as lines (none when there are
    none or the framework is not given)."""
    if framework is None or not framework.unscored:
        return []
    head = (
        "Chỉ tiêu có định nghĩa nhưng không tính điểm:"
        if lang == "vi"
        else "Indicators defined but not scored:"
    )
    out = ["", head]
    for u in framework.unscored:
        name = u.name_en if lang == "en" and u.name_en else u.name
        out.append(f"  {u.code:<8} {name}")
    return out


def render_scorecard_text(
    card: Scorecard, framework: Framework | None = None, lang: Lang = "vi"
) -> str:
    """A readable scorecard: summary, one line per node with its explanation, and the
    improvement list."""
    out = _header_lines(card, lang)
    out.append("")
    head = (
        f"{text('code', lang):<8} {text('name', lang):<{_NAME_WIDTH}} "
        f"{text('points', lang):>7} {text('max', lang):>7} {text('pct', lang):>8}"
    )
    out.append(head)
    out.append("-" * len(head))
    for n in card.nodes:
        excluded = n.status in (NodeStatus.NOT_APPLICABLE, NodeStatus.SURVEY_NOT_RUN)
        indent = "  " * n.depth
        sign = ""
        if n.role is NodeRole.BONUS:
            sign = f"[{text('bonus', lang)}] "
        elif n.role is NodeRole.DEDUCTION:
            sign = f"[{text('deduction', lang)}] "
        label = shorten(indent + sign + _name(n, lang), _NAME_WIDTH)
        if excluded and n.max_points == 0:
            nums = f"{'—':>7} {'—':>7} {'—':>8}"
        else:
            nums = (
                f"{format_points(n.points, card.places, lang):>7} "
                f"{format_points(n.max_points, card.places, lang):>7} "
                f"{format_index(n.index, lang):>8}"
            )
        line = f"{n.code:<8} {label:<{_NAME_WIDTH}} {nums}"
        if n.status is not NodeStatus.SCORED:
            line += f"  [{_status(n.status, lang)}]"
        out.append(line)
        for extra in _explanation_lines(n, framework, lang):
            out.append(f"{'':<8}   {indent}{extra}")
    out.extend(unscored_lines(framework, lang))
    items = improvements(card)
    if items:
        out.append("")
        out.append(text("improve", lang))
        for item in items:
            name = item.name_en if lang == "en" and item.name_en else item.name
            line = (
                f"  {item.code:<8} +{format_points(item.attainable, card.places, lang):<6} {name}"
            )
            nxt = item.next_condition if lang == "vi" else item.next_condition_en
            if nxt and item.next_points is not None:
                line += " — " + text("next", lang).format(
                    c=f"“{nxt}”", p=format_points(item.next_points, card.places, lang)
                )
            if item.status is NodeStatus.MISSING_EVIDENCE:
                line += f" [{_status(item.status, lang)}]"
            out.append(line)
    return "\n".join(out) + "\n"


def render_scorecard_markdown(
    card: Scorecard, framework: Framework | None = None, lang: Lang = "vi"
) -> str:
    """The scorecard as Markdown: summary lines and a table."""
    out = [f"# {text('title', lang)}", ""]
    out.extend(f"- {line}" for line in _header_lines(card, lang)[1:])
    out.append("")
    out.append(
        f"| {text('code', lang)} | {text('name', lang)} | {text('points', lang)} | "
        f"{text('max', lang)} | {text('pct', lang)} | |"
    )
    out.append("|---|---|---:|---:|---:|---|")
    for n in card.nodes:
        name = ("&nbsp;" * 2 * n.depth) + _name(n, lang).replace("|", "\\|")
        if n.explanation is None:
            name = f"**{name}**" if n.depth == 0 else name
        notes = " ".join(_explanation_lines(n, framework, lang)).replace("|", "\\|")
        if n.status is not NodeStatus.SCORED:
            notes = f"[{_status(n.status, lang)}] {notes}".strip()
        out.append(
            f"| {n.code} | {name} | {format_points(n.points, card.places, lang)} | "
            f"{format_points(n.max_points, card.places, lang)} | "
            f"{format_index(n.index, lang)} | {notes} |"
        )
    return "\n".join(out) + "\n"


_CSV_COLUMNS = (
    "unit_code",
    "unit",
    "period",
    "code",
    "name",
    "depth",
    "role",
    "status",
    "points",
    "max_points",
    "declared_max",
    "index",
    "measure",
    "value",
    "matched",
    "points_lost",
    "next_condition",
    "next_points",
    "source",
    "note",
)


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_number(value: Decimal | NotApplicable | None, places: int) -> str:
    """A number for CSV: a dot, and always ``places`` decimals (``3.00``, ``9.50``)."""
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return str(value.value)
    quantum = Decimal(1).scaleb(-places)
    return format(value.quantize(quantum), "f")


def render_scorecard_csv(card: Scorecard, lang: Lang = "vi", *, header: bool = True) -> str:
    """One CSV row per node, the unit's code first.

    Numbers are machine-readable: a dot for decimals and always the scorecard's decimals
    (``3.00``, ``2.00``, ``9.50``: points rounded as reported, the exact values are in the
    JSON). A file of this text starts with a byte order mark (the command writes it) so that
    Excel on Windows reads the Vietnamese right.
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if header:
        w.writerow(_CSV_COLUMNS)
    places = card.places
    unit = card.unit
    for n in card.nodes:
        e = n.explanation
        w.writerow(
            [
                unit.code or "" if unit is not None else "",
                unit.name if unit is not None else "",
                str(card.period) if card.period is not None else "",
                n.code,
                _name(n, lang),
                n.depth,
                n.role.value,
                n.status.value,
                csv_number(n.points, places),
                csv_number(n.max_points, places),
                csv_number(n.declared_max, places),
                csv_number(n.index, places),
                csv_value(e.measure if e else None),
                csv_value(e.value if e else None),
                csv_value((e.matched if lang == "vi" else e.matched_en) if e else None),
                csv_number(e.points_lost if e else None, places),
                csv_value(
                    (e.next_condition if lang == "vi" else e.next_condition_en) if e else None
                ),
                csv_number(e.next_points if e else None, places),
                csv_value(e.source if e else None),
                csv_value(e.note if e else None),
            ]
        )
    return buf.getvalue()

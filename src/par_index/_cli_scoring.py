"""The scoring commands of ``par-index``: ``score``, ``rank`` and ``frameworks``.

``par-index score`` with no argument scores the bundled Ba Trang example under the
illustrative commune framework and prints a readable scorecard (Vietnamese by default,
``--lang en``). ``par-index score EVIDENCE --framework ID|FILE --format text|json|csv|md``
scores an evidence (or report) JSON file; ``par-index rank FILES...`` ranks scorecards;
``par-index frameworks list|show ID|check FILE`` lists, prints and checks frameworks.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import cattrs

from par_index._format import Lang, format_number
from par_index.evidence import Evidence, ba_trang_evidence, evidence_from_report
from par_index.exceptions import LoadError, Problem
from par_index.frameworks.loader import (
    BUNDLED,
    bundled_frameworks,
    framework_to_dict,
    get_framework,
    load_framework,
)
from par_index.frameworks.measures import MeasureKind, MeasureValue
from par_index.frameworks.model import (
    Criterion,
    Framework,
    InvalidFramework,
    NodeRole,
    Provenance,
)
from par_index.frameworks.text import format_percent, render_rule
from par_index.io import dumps, loads, make_converter
from par_index.ratios import NOT_APPLICABLE, NotApplicable
from par_index.reports.model import Report
from par_index.reports.parser import decode_report, parse_report
from par_index.scoring import (
    SCHEMES,
    NodeScore,
    NodeStatus,
    Scorecard,
    configure_scoring_converter,
    improvements,
    rank,
    score,
)

__all__ = [
    "add_scoring_commands",
    "render_scorecard_csv",
    "render_scorecard_markdown",
    "render_scorecard_text",
]

DEFAULT_FRAMEWORK = "example-commune"

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


def _t(key: str, lang: Lang) -> str:
    vi, en = _TEXT[key]
    return vi if lang == "vi" else en


def _framework(id_or_path: str) -> Framework:
    """A bundled framework or a file, with an unknown name reported as a domain error."""
    try:
        return get_framework(id_or_path)
    except KeyError:
        raise InvalidFramework(
            [
                Problem(
                    "framework",
                    "unknown-framework",
                    f"a bundled framework id ({', '.join(BUNDLED)}) or a framework file",
                    repr(id_or_path),
                )
            ]
        ) from None


def _converter() -> cattrs.Converter:
    c = make_converter()
    configure_scoring_converter(c)
    return c


def _num(value: Decimal, places: int, lang: Lang) -> str:
    return format_number(value.quantize(Decimal(1).scaleb(-places)), lang)


def _pct(value: Decimal | NotApplicable, lang: Lang) -> str:
    if isinstance(value, NotApplicable):
        return "—"
    return format_number(value, lang) + "%"


def _plain(value: Decimal, lang: Lang) -> str:
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
        return _plain(Decimal(value), lang)
    return str(value)


def _kind(framework: Framework | None, measure: str | None) -> MeasureKind | None:
    if framework is None or measure is None:
        return None
    spec = framework.measure_spec(measure)
    return spec.kind if spec is not None else None


def _note(n: NodeScore, lang: Lang) -> str:
    """The explanation's note (kept in Vietnamese in the data), in ``lang``."""
    e = n.explanation
    assert e is not None
    if lang == "vi":
        return e.note
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
        parts.append(_note(n, lang))
    if n.status is NodeStatus.SCORED:
        matched = e.matched if lang == "vi" else e.matched_en
        if isinstance(e.value, str) and matched:
            step = f"→ “{matched}”"  # a category: its words say it all
        else:
            value = show_value(e.value, _kind(framework, e.measure), lang)
            step = f"{_t('value', lang)} {value}"
            if matched:
                step += f" → “{matched}”"
        if e.appraised is not None:
            step += f"; {_t('appraised', lang)} {_plain(e.appraised, lang)}"
        parts.append(step)
        if e.points_lost > 0:
            parts.append(_t("lost", lang).format(p=_num(e.points_lost, places, lang)))
        nxt = e.next_condition if lang == "vi" else e.next_condition_en
        if nxt and e.next_points is not None:
            parts.append(_t("next", lang).format(c=f"“{nxt}”", p=_num(e.next_points, places, lang)))
    lines = ["; ".join(parts)] if parts else []
    if e.source and n.status is NodeStatus.SCORED:
        lines.append(f"{_t('source', lang)}: {e.source}")
    return lines


def _points_word(amount: Decimal, lang: Lang) -> str:
    """ "điểm"; in English "point" for exactly 1, else "points"."""
    if lang == "vi":
        return "điểm"
    return "point" if amount == 1 else "points"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _header_lines(card: Scorecard, lang: Lang) -> list[str]:
    out = [_t("title", lang)]
    period = card.period.label(lang) if card.period is not None else "—"
    out.append(f"{_t('unit', lang)}: {card.unit_label(lang)} — {_t('period', lang)}: {period}")
    name = (
        card.framework_name_en if lang == "en" and card.framework_name_en else card.framework_name
    )
    out.append(
        f"{_t('framework', lang)}: {card.framework_id} {_t('version', lang)} "
        f"{card.framework_version} — {name}"
    )
    if card.illustrative:
        out.append(f"  ({_t('illustrative', lang)})")
    of_max = _t("of_max", lang).format(
        max=_plain(card.max_points, lang), declared=_plain(card.declared_max, lang)
    )
    out.append(f"{_t('total', lang)}: {_num(card.points, card.places, lang)} ({of_max})")
    index = f"{_t('index', lang)}: {_pct(card.index, lang)}"
    if card.rescaled:
        index += f" ({_t('rescaled', lang)})"
    if not card.complete:
        index += f" — {_t('partial', lang)}"
    out.append(index)
    if card.classification is not None:
        scheme = SCHEMES.get(card.classification.scheme)
        scheme_name = (
            (scheme.name_vi if lang == "vi" else scheme.name_en)
            if scheme
            else card.classification.scheme
        )
        out.append(f"{_t('class', lang)}: {card.classification.label(lang)} ({scheme_name})")
    if card.complete:
        out.append(_t("complete", lang))
    else:
        out.append(
            _t("incomplete", lang).format(n=len(card.missing), codes=", ".join(card.missing))
        )
    return out


_NAME_WIDTH = 56


def render_scorecard_text(
    card: Scorecard, framework: Framework | None = None, lang: Lang = "vi"
) -> str:
    """A readable scorecard: summary, one line per node with its explanation, and the
    improvement list."""
    out = _header_lines(card, lang)
    out.append("")
    head = (
        f"{_t('code', lang):<8} {_t('name', lang):<{_NAME_WIDTH}} "
        f"{_t('points', lang):>7} {_t('max', lang):>7} {_t('pct', lang):>8}"
    )
    out.append(head)
    out.append("-" * len(head))
    for n in card.nodes:
        excluded = n.status in (NodeStatus.NOT_APPLICABLE, NodeStatus.SURVEY_NOT_RUN)
        indent = "  " * n.depth
        sign = ""
        if n.role is NodeRole.BONUS:
            sign = f"[{_t('bonus', lang)}] "
        elif n.role is NodeRole.DEDUCTION:
            sign = f"[{_t('deduction', lang)}] "
        label = _short(indent + sign + _name(n, lang), _NAME_WIDTH)
        if excluded and n.max_points == 0:
            nums = f"{'—':>7} {'—':>7} {'—':>8}"
        else:
            nums = (
                f"{_num(n.points, card.places, lang):>7} "
                f"{_num(n.max_points, card.places, lang):>7} {_pct(n.index, lang):>8}"
            )
        line = f"{n.code:<8} {label:<{_NAME_WIDTH}} {nums}"
        if n.status is not NodeStatus.SCORED:
            line += f"  [{_status(n.status, lang)}]"
        out.append(line)
        for extra in _explanation_lines(n, framework, lang):
            out.append(f"{'':<8}   {indent}{extra}")
    items = improvements(card)
    if items:
        out.append("")
        out.append(_t("improve", lang))
        for item in items:
            name = item.name_en if lang == "en" and item.name_en else item.name
            line = f"  {item.code:<8} +{_num(item.attainable, card.places, lang):<6} {name}"
            nxt = item.next_condition if lang == "vi" else item.next_condition_en
            if nxt and item.next_points is not None:
                line += " — " + _t("next", lang).format(
                    c=f"“{nxt}”", p=_num(item.next_points, card.places, lang)
                )
            if item.status is NodeStatus.MISSING_EVIDENCE:
                line += f" [{_status(item.status, lang)}]"
            out.append(line)
    return "\n".join(out) + "\n"


def render_scorecard_markdown(
    card: Scorecard, framework: Framework | None = None, lang: Lang = "vi"
) -> str:
    """The scorecard as Markdown: summary lines and a table."""
    out = [f"# {_t('title', lang)}", ""]
    out.extend(f"- {line}" for line in _header_lines(card, lang)[1:])
    out.append("")
    out.append(
        f"| {_t('code', lang)} | {_t('name', lang)} | {_t('points', lang)} | "
        f"{_t('max', lang)} | {_t('pct', lang)} | |"
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
            f"| {n.code} | {name} | {_num(n.points, card.places, lang)} | "
            f"{_num(n.max_points, card.places, lang)} | {_pct(n.index, lang)} | {notes} |"
        )
    return "\n".join(out) + "\n"


_CSV_COLUMNS = (
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


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render_scorecard_csv(card: Scorecard, lang: Lang = "vi") -> str:
    """One CSV row per node (machine-readable numbers: exact decimals with a dot)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(_CSV_COLUMNS)
    for n in card.nodes:
        e = n.explanation
        w.writerow(
            [
                n.code,
                _name(n, lang),
                n.depth,
                n.role.value,
                n.status.value,
                n.points,
                n.max_points,
                n.declared_max,
                _csv_value(n.index),
                _csv_value(e.measure if e else None),
                _csv_value(e.value if e else None),
                _csv_value((e.matched if lang == "vi" else e.matched_en) if e else None),
                _csv_value(e.points_lost if e else None),
                _csv_value(
                    (e.next_condition if lang == "vi" else e.next_condition_en) if e else None
                ),
                _csv_value(e.next_points if e else None),
                _csv_value(e.source if e else None),
                _csv_value(e.note if e else None),
            ]
        )
    return buf.getvalue()


# --------------------------------------------------------------------------- handlers


def _load_evidence(path: str) -> Evidence:
    """An evidence JSON file, a report JSON file, or a report text (.md, .txt) read through
    its figures."""
    p = Path(path)
    text = p.read_bytes()
    if p.suffix.lower() in (".md", ".txt", ".markdown"):
        return evidence_from_report(parse_report(decode_report(text, str(p))))
    c = _converter()
    try:
        return loads(Evidence, text, converter=c, source=str(p))
    except LoadError as first:
        try:
            data = json.loads(text)
        except ValueError:
            raise first from None
        if isinstance(data, dict) and "figures" in data and "measures" not in data:
            return evidence_from_report(loads(Report, text, converter=c, source=str(p)))
        raise first from None


def _cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    framework = _framework(args.framework)
    evidence = ba_trang_evidence() if args.evidence is None else _load_evidence(args.evidence)
    card = score(framework, evidence, scheme=args.scheme)
    if args.format == "json":
        out.write(dumps(card, converter=_converter()) + "\n")
    elif args.format == "csv":
        out.write(render_scorecard_csv(card, lang))
    elif args.format == "md":
        out.write(render_scorecard_markdown(card, framework, lang))
    else:
        out.write(render_scorecard_text(card, framework, lang))
    return 0


def _load_card(path: str, framework: Framework, scheme: str | None) -> Scorecard:
    p = Path(path)
    text = p.read_bytes()
    c = _converter()
    try:
        return loads(Scorecard, text, converter=c, source=str(p))
    except LoadError:
        return score(framework, _load_evidence(path), scheme=scheme)


def _cmd_rank(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    framework = _framework(args.framework)
    cards = [_load_card(f, framework, args.scheme) for f in args.files]
    ranked = rank(cards)
    if args.format == "json":
        rows = [
            {
                "rank": r.rank,
                "unit": r.scorecard.unit_label(lang),
                "period": str(r.scorecard.period) if r.scorecard.period else None,
                "points": str(r.scorecard.points),
                "index": _csv_value(r.scorecard.index),
                "class": r.scorecard.classification.label(lang)
                if r.scorecard.classification
                else None,
                "complete": r.scorecard.complete,
            }
            for r in ranked
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    head = (
        f"{_t('rank', lang):<5} {_t('unit', lang):<28} {_t('period', lang):<24} "
        f"{_t('points', lang):>7} {_t('pct', lang):>8}  {_t('class', lang)}"
    )
    out.write(head + "\n" + "-" * len(head) + "\n")
    for r in ranked:
        card = r.scorecard
        period = card.period.label(lang) if card.period else "—"
        klass = card.classification.label(lang) if card.classification else ""
        place = str(r.rank) if r.rank is not None else _t("unranked", lang)
        flag = "" if card.complete else " *"
        out.write(
            f"{place:<5} {_short(card.unit_label(lang), 28):<28} {period:<24} "
            f"{_num(card.points, card.places, lang):>7} {_pct(card.index, lang):>8}  "
            f"{klass}{flag}\n"
        )
    return 0


def _cmd_frameworks_list(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    frameworks = bundled_frameworks()
    if args.format == "json":
        rows = [
            {
                "id": fw.id,
                "version": fw.version,
                "name": fw.name,
                "decision": str(fw.decision) if fw.decision else None,
                "illustrative": fw.illustrative,
                "leaves": len(fw.leaves()),
            }
            for fw in frameworks
        ]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for fw in frameworks:
        decision = str(fw.decision) if fw.decision else _t("none", lang)
        name = fw.name_en if lang == "en" and fw.name_en else fw.name
        out.write(f"{fw.id:<18} {fw.version:<8} {decision}\n    {name}\n")
    return 0


def _tree_lines(n: Criterion, depth: int, lang: Lang) -> list[str]:
    name = n.name_en if lang == "en" and n.name_en else n.name
    marks = []
    if n.role is not NodeRole.NORMAL:
        marks.append(_t("bonus", lang) if n.role is NodeRole.BONUS else _t("deduction", lang))
    if n.provenance is Provenance.PROVISIONAL:
        marks.append(_t("provisional", lang))
    mark = f" [{', '.join(marks)}]" if marks else ""
    indent = "  " * depth
    lines = [
        f"{indent}{n.code} {name} — {_plain(n.max_points, lang)} {_points_word(n.max_points, lang)}"
        f"{mark}"
    ]
    if n.rule is not None:
        lines.append(f"{indent}    {_t('rule', lang)}: {render_rule(n.rule, lang)}")
        if n.measure is not None:
            lines.append(f"{indent}    {_t('measure', lang)}: {n.measure}")
    for ch in n.children:
        lines.extend(_tree_lines(ch, depth + 1, lang))
    return lines


def _cmd_frameworks_show(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    fw = _framework(args.framework)
    if args.format == "json":
        out.write(json.dumps(framework_to_dict(fw), ensure_ascii=False, indent=2) + "\n")
        return 0
    name = fw.name_en if lang == "en" and fw.name_en else fw.name
    out.write(f"{fw.id} {_t('version', lang)} {fw.version}: {name}\n")
    if fw.illustrative:
        out.write(f"  ({_t('illustrative', lang)})\n")
    decision = str(fw.decision) if fw.decision else _t("none", lang)
    out.write(f"{_t('decision', lang)}: {decision}\n")
    out.write(f"{_t('years', lang)}: {fw.years_label()}\n")
    if fw.unit_levels:
        out.write(f"{_t('levels', lang)}: {', '.join(lv.value for lv in fw.unit_levels)}\n")
    comps = "; ".join(
        f"{(c.name_en if lang == 'en' and c.name_en else c.name)} {_plain(c.max_points, lang)}"
        + (f" ({_t('survey', lang)})" if c.survey else "")
        for c in fw.components
    )
    out.write(f"{_t('components', lang)}: {comps}\n\n")
    for top in fw.criteria:
        out.write("\n".join(_tree_lines(top, 0, lang)) + "\n")
    return 0


def _cmd_frameworks_check(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    try:
        fw = load_framework(args.file)
    except LoadError as error:
        if args.format == "json":
            rows = [
                {"path": p.path, "code": p.code, "expected": p.expected, "found": p.found}
                for p in error.problems
            ]
            out.write(
                json.dumps({"source": error.source, "problems": rows}, ensure_ascii=False, indent=2)
                + "\n"
            )
        else:
            out.write(_t("problems", lang).format(n=len(error.problems), src=error.source) + "\n")
            for p in error.problems:
                out.write(f"  {p}\n")
        return 1
    nodes = sum(1 for _ in fw.walk())
    if args.format == "json":
        out.write(
            json.dumps(
                {"source": args.file, "id": fw.id, "version": fw.version, "problems": []},
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        out.write(_t("ok", lang).format(id=fw.id, v=fw.version, n=nodes, l=len(fw.leaves())) + "\n")
    return 0


def add_scoring_commands(
    sub: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> None:
    """Register ``score``, ``rank`` and ``frameworks list|show|check`` on ``sub``.

    Args:
        sub: the subparsers of the ``par-index`` parser.
        common: the parent parser with ``--lang`` and ``--format text|json``; ``score`` and
            ``rank`` have their own ``--format`` with more choices.
    """
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    bundled = ", ".join(BUNDLED)
    p = sub.add_parser(
        "score",
        parents=[lang],
        help="score evidence under a framework (no argument: the bundled Ba Trang example)",
    )
    p.add_argument(
        "evidence",
        nargs="?",
        help="evidence JSON, a report JSON or a report text (.md, .txt); "
        "default: the bundled Ba Trang example",
    )
    p.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help=f"a bundled framework id ({bundled}) or a framework file",
    )
    p.add_argument("--format", choices=["text", "json", "csv", "md"], default="text")
    p.add_argument("--scheme", choices=sorted(SCHEMES), help="classification scheme")
    p.set_defaults(run=_cmd_score)

    p = sub.add_parser("rank", parents=[lang], help="rank scorecards (or evidence files)")
    p.add_argument("files", nargs="+", help="scorecard JSON files, or evidence JSON files")
    p.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help=f"framework for evidence files: a bundled id ({bundled}) or a file",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--scheme", choices=sorted(SCHEMES), help="classification scheme")
    p.set_defaults(run=_cmd_rank)

    p = sub.add_parser("frameworks", help="bundled and user frameworks")
    fsub = p.add_subparsers(dest="frameworks_command", required=True)
    c = fsub.add_parser("list", parents=[common], help="list the bundled frameworks")
    c.set_defaults(run=_cmd_frameworks_list)
    c = fsub.add_parser("show", parents=[common], help="print a framework's criteria and rules")
    c.add_argument("framework", help=f"a bundled id ({bundled}) or a framework file")
    c.set_defaults(run=_cmd_frameworks_show)
    c = fsub.add_parser(
        "check", parents=[common], help="load a framework file and list every problem"
    )
    c.add_argument("file")
    c.set_defaults(run=_cmd_frameworks_check)

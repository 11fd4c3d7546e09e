"""``par-index frameworks list|show|check``: the bundled frameworks and the user's own."""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from par_index.cli._common import SCHEMA_VERSION, emit_json, framework_arg, shown_path
from par_index.core.lang import Lang
from par_index.exceptions import LoadError
from par_index.formats.scorecard_text import plain_number, points_word, text, unscored_lines
from par_index.frameworks.loader import (
    BUNDLED,
    bundled_frameworks,
    framework_to_dict,
    load_framework,
)
from par_index.frameworks.model import (
    Criterion,
    NodeRole,
    Provenance,
)
from par_index.frameworks.text import render_rule

__all__ = [
    "register",
]


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
        decision = str(fw.decision) if fw.decision else text("none", lang)
        name = fw.name_en if lang == "en" and fw.name_en else fw.name
        out.write(f"{fw.id:<18} {fw.version:<8} {decision}\n    {name}\n")
    return 0


def _tree_lines(n: Criterion, depth: int, lang: Lang) -> list[str]:
    name = n.name_en if lang == "en" and n.name_en else n.name
    marks = []
    if n.role is not NodeRole.NORMAL:
        marks.append(text("bonus", lang) if n.role is NodeRole.BONUS else text("deduction", lang))
    if n.provenance is Provenance.PROVISIONAL:
        marks.append(text("provisional", lang))
    mark = f" [{', '.join(marks)}]" if marks else ""
    indent = "  " * depth
    lines = [
        f"{indent}{n.code} {name} — {plain_number(n.max_points, lang)} "
        f"{points_word(n.max_points, lang)}"
        f"{mark}"
    ]
    if n.rule is not None:
        lines.append(f"{indent}    {text('rule', lang)}: {render_rule(n.rule, lang)}")
        if n.measure is not None:
            lines.append(f"{indent}    {text('measure', lang)}: {n.measure}")
    if n.levels:
        why = n.levels_note_en if lang == "en" and n.levels_note_en else n.levels_note
        label = "only for" if lang == "en" else "chỉ tính cho"
        levels = ", ".join(lv.value for lv in n.levels)
        lines.append(f"{indent}    {label}: {levels}" + (f" — {why}" if why else ""))
    for ch in n.children:
        lines.extend(_tree_lines(ch, depth + 1, lang))
    return lines


def _cmd_frameworks_show(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    fw = framework_arg(args.framework)
    if args.format == "json":
        out.write(json.dumps(framework_to_dict(fw), ensure_ascii=False, indent=2) + "\n")
        return 0
    name = fw.name_en if lang == "en" and fw.name_en else fw.name
    out.write(f"{fw.id} {text('version', lang)} {fw.version}: {name}\n")
    if fw.illustrative:
        out.write(f"  ({text('illustrative', lang)})\n")
    decision = str(fw.decision) if fw.decision else text("none", lang)
    out.write(f"{text('decision', lang)}: {decision}\n")
    out.write(f"{text('years', lang)}: {fw.years_label()}\n")
    if fw.unit_levels:
        out.write(f"{text('levels', lang)}: {', '.join(lv.value for lv in fw.unit_levels)}\n")
    comps = "; ".join(
        f"{(c.name_en if lang == 'en' and c.name_en else c.name)} "
        f"{plain_number(c.max_points, lang)}" + (f" ({text('survey', lang)})" if c.survey else "")
        for c in fw.components
    )
    out.write(f"{text('components', lang)}: {comps}\n\n")
    for top in fw.criteria:
        out.write("\n".join(_tree_lines(top, 0, lang)) + "\n")
    for line in unscored_lines(fw, lang):
        out.write(line + "\n")
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
            emit_json(
                out,
                {
                    "schema_version": SCHEMA_VERSION,
                    "source": shown_path(error.source),
                    "problems": rows,
                },
            )
        else:
            out.write(text("problems", lang).format(n=len(error.problems), src=error.source) + "\n")
            for p in error.problems:
                out.write(f"  {p}\n")
        return 1
    nodes = sum(1 for _ in fw.walk())
    if args.format == "json":
        emit_json(
            out,
            {
                "schema_version": SCHEMA_VERSION,
                "source": shown_path(args.file),
                "id": fw.id,
                "version": fw.version,
                "problems": [],
            },
        )
    else:
        out.write(
            text("ok", lang).format(id=fw.id, v=fw.version, n=nodes, l=len(fw.leaves())) + "\n"
        )
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``frameworks list|show|check``."""
    bundled = ", ".join(BUNDLED)
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

"""``par-index frameworks list|show|check``: the bundled frameworks and the user's own."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
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
        return emit_json(out, {"frameworks": rows})
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


def _cmd_frameworks_import(args: argparse.Namespace, out: TextIO) -> int:
    from par_index.formats.excel_cells import render_problem  # noqa: PLC0415
    from par_index.formats.framework_table import (  # noqa: PLC0415
        framework_to_toml,
        read_framework_table,
    )

    lang: Lang = args.lang
    path = Path(args.file)
    metadata = {
        "id": args.id,
        "version": args.version,
        "name": args.name,
        "decision": args.decision,
        "first_year": args.first_year,
        "last_year": args.last_year,
        "unit_levels": args.unit_levels,
    }
    imported = read_framework_table(
        path.read_bytes(), source=str(path), metadata=metadata, lenient=args.lenient, lang=lang
    )
    Path(args.output).write_text(framework_to_toml(imported.framework), encoding="utf-8")
    fw = imported.framework
    leaves = len(fw.leaves())
    names = ", ".join(imported.declared)
    if lang == "vi":
        out.write(f"Đã ghi {args.output}: {fw.id} phiên bản {fw.version}, {leaves} tiêu chí lá.\n")
        if imported.declared:
            out.write(f"Chỉ số đo khai báo mới ({len(imported.declared)}): {names}\n")
    else:
        out.write(f"Wrote {args.output}: {fw.id} version {fw.version}, {leaves} leaves.\n")
        if imported.declared:
            out.write(f"Measures declared ({len(imported.declared)}): {names}\n")
    for w in imported.warnings:
        out.write(f"  {render_problem(w, lang)}\n")
    return 0


def _cmd_frameworks_export(args: argparse.Namespace, out: TextIO) -> int:
    from par_index.formats.framework_table import (  # noqa: PLC0415
        framework_to_toml,
        write_framework_table,
    )

    fw = framework_arg(args.framework)
    target = Path(args.output)
    if args.format == "toml":
        target.write_text(framework_to_toml(fw), encoding="utf-8")
    else:
        target.write_bytes(write_framework_table(fw))
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``frameworks list|show|check|import|export``."""
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
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    c = fsub.add_parser(
        "import",
        parents=[lang],
        help="a province's criteria table (.xlsx, .csv) to a framework file (.toml)",
    )
    c.add_argument("file", help="the table: STT | tiêu chí | điểm tối đa | cách chấm điểm ...")
    c.add_argument("-o", "--output", required=True, help="the framework file to write (.toml)")
    c.add_argument("--id", help="the framework's id (ca-mau-1880-2013)")
    c.add_argument("--version", help="its version")
    c.add_argument("--name", help="its Vietnamese name")
    c.add_argument("--decision", help='the issuing decision ("1880/QĐ-UBND ngày 05/11/2013")')
    c.add_argument("--first-year", type=int, help="the first year it applies to")
    c.add_argument("--last-year", type=int, help="the last year it applies to")
    c.add_argument("--unit-levels", help='the unit levels it scores ("xã, phường, thị trấn")')
    c.add_argument(
        "--lenient",
        action="store_true",
        help="unreadable rules become rules scored by the appraiser (listed), not errors",
    )
    c.set_defaults(run=_cmd_frameworks_import)
    c = fsub.add_parser(
        "export", parents=[lang], help="a framework as an .xlsx table (or a .toml file)"
    )
    c.add_argument("framework", help=f"a bundled id ({bundled}) or a framework file")
    c.add_argument("--format", choices=["xlsx", "toml"], default="xlsx")
    c.add_argument("-o", "--output", required=True, help="the file to write")
    c.set_defaults(run=_cmd_frameworks_export)

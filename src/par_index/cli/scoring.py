"""``par-index score`` and ``par-index rank``: score evidence under a framework, rank scorecards."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from par_index.cli._common import framework_arg
from par_index.cli.plan import add_plan_options, apply_plan
from par_index.core.lang import Lang
from par_index.examples.evidence import ba_trang_evidence
from par_index.exceptions import LoadError
from par_index.formats.json import dumps, loads, parse_json
from par_index.formats.scorecard_text import (
    csv_value,
    format_index,
    format_points,
    render_scorecard_csv,
    render_scorecard_markdown,
    render_scorecard_text,
    scorecard_converter,
    shorten,
    text,
)
from par_index.frameworks.loader import (
    BUNDLED,
)
from par_index.frameworks.model import (
    Framework,
)
from par_index.reports.model import Report
from par_index.reports.parser import decode_report, parse_report
from par_index.scoring.classification import SCHEMES, InvalidScorecard
from par_index.scoring.engine import score
from par_index.scoring.evidence import Evidence, evidence_from_report
from par_index.scoring.ranking import rank
from par_index.scoring.scorecard import Scorecard
from par_index.scoring.verification import verify_scorecard

__all__ = [
    "DEFAULT_FRAMEWORK",
    "register",
]

DEFAULT_FRAMEWORK = "example-commune"


def _load_evidence(path: str) -> Evidence:
    """An evidence JSON file, a report JSON file, or a report text (.md, .txt) read through
    its figures."""
    p = Path(path)
    text = p.read_bytes()
    if p.suffix.lower() in (".md", ".txt", ".markdown"):
        return evidence_from_report(parse_report(decode_report(text, str(p))))
    c = scorecard_converter()
    try:
        return loads(Evidence, text, converter=c, source=str(p))
    except LoadError as first:
        try:
            data = parse_json(text, str(p))
        except LoadError:
            raise first from None
        if isinstance(data, dict) and "figures" in data and "measures" not in data:
            return evidence_from_report(loads(Report, text, converter=c, source=str(p)))
        raise first from None


def _cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    framework = framework_arg(args.framework)
    evidence = ba_trang_evidence() if args.evidence is None else _load_evidence(args.evidence)
    evidence = apply_plan(evidence, args)  # task measures of --plan, in place of the report's
    card = score(framework, evidence, scheme=args.scheme)
    if args.format == "json":
        out.write(dumps(card, converter=scorecard_converter()) + "\n")
    elif args.format == "csv":
        out.write(render_scorecard_csv(card, lang))
    elif args.format == "md":
        out.write(render_scorecard_markdown(card, framework, lang))
    else:
        out.write(render_scorecard_text(card, framework, lang))
    return 0


def _load_card(path: str, framework: Framework, scheme: str | None) -> Scorecard:
    """A scorecard file, checked against ``framework``; or evidence, scored under it.

    A file shaped as a scorecard (``framework_id`` and ``nodes``) is read as one: its own
    problems are reported, not those of evidence, and its figures are verified.
    """
    p = Path(path)
    if p.suffix.lower() in (".md", ".txt", ".markdown"):
        return score(framework, _load_evidence(path), scheme=scheme)
    text = p.read_bytes()
    data = parse_json(text, str(p))
    if isinstance(data, dict) and "framework_id" in data and "nodes" in data:
        card = loads(Scorecard, text, converter=scorecard_converter(), source=str(p))
        try:
            return verify_scorecard(card, framework)
        except InvalidScorecard as exc:
            raise LoadError(exc.problems, source=str(p)) from None
    return score(framework, _load_evidence(path), scheme=scheme)


def _cmd_rank(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    framework = framework_arg(args.framework)
    cards = [_load_card(f, framework, args.scheme) for f in args.files]
    ranked = rank(cards)
    if args.format == "json":
        rows = [
            {
                "rank": r.rank,
                "unit": r.scorecard.unit_label(lang),
                "period": str(r.scorecard.period) if r.scorecard.period else None,
                "points": str(r.scorecard.points),
                "index": csv_value(r.scorecard.index),
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
        f"{text('rank', lang):<5} {text('unit', lang):<28} {text('period', lang):<24} "
        f"{text('points', lang):>7} {text('pct', lang):>8}  {text('class', lang)}"
    )
    out.write(head + "\n" + "-" * len(head) + "\n")
    for r in ranked:
        card = r.scorecard
        period = card.period.label(lang) if card.period else "—"
        klass = card.classification.label(lang) if card.classification else ""
        place = str(r.rank) if r.rank is not None else text("unranked", lang)
        flag = "" if card.complete else " *"
        out.write(
            f"{place:<5} {shorten(card.unit_label(lang), 28):<28} {period:<24} "
            f"{format_points(card.points, card.places, lang):>7} "
            f"{format_index(card.index, lang):>8}  "
            f"{klass}{flag}\n"
        )
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``score`` and ``rank``."""
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
    add_plan_options(p)
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

"""``par-index score`` and ``par-index rank``: score evidence under a framework, rank scorecards."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO

from par_index.cli._common import framework_arg
from par_index.cli._pictures import PICTURES, add_picture_options, emit_picture
from par_index.cli.plan import add_plan_options, apply_plan
from par_index.core.decode import decode_bytes
from par_index.core.lang import Lang
from par_index.examples.evidence import ba_trang_evidence
from par_index.exceptions import InvalidValueError, LoadError, Problem
from par_index.formats.evidence_file import read_evidence_file
from par_index.formats.excel_cells import render_problem
from par_index.formats.excel_results import write_results_workbook
from par_index.formats.json import parse_json, problems_from
from par_index.formats.ranking_table import LEGEND, TIES_TEXT, marks, ranking_csv, ranking_document
from par_index.formats.schema import SCHEMA_VERSION, versioned
from par_index.formats.scorecard_text import (
    format_index,
    format_points,
    render_scorecard_csv,
    render_scorecard_markdown,
    render_scorecard_text,
    scorecard_converter,
    shorten,
    text,
)
from par_index.frameworks.loader import BUNDLED
from par_index.frameworks.model import Framework
from par_index.frameworks.weights import read_weights, reweight
from par_index.scoring.classification import SCHEMES, InvalidScorecard
from par_index.scoring.engine import score
from par_index.scoring.evidence import Evidence
from par_index.scoring.ranking import TIES, Ranked, check_rankable, rank
from par_index.scoring.scorecard import Scorecard
from par_index.scoring.verification import verify_scorecard

__all__ = [
    "DEFAULT_FRAMEWORK",
    "register",
]

DEFAULT_FRAMEWORK = "example-commune"


class UsageProblem(InvalidValueError):
    """A command line that asks for something the command cannot do."""

    term = "dòng lệnh"
    what = "command line"


def _load_evidence(args: argparse.Namespace, framework: Framework) -> tuple[Evidence, ...]:
    """The evidence of the file named on the command line (every unit in it), warnings
    written to stderr; the bundled Ba Trang example without a file."""
    if args.evidence is None:
        return (ba_trang_evidence(),)
    table = read_evidence_file(args.evidence, framework, lenient=args.lenient, lang=args.lang)
    _warn(table.warnings, table.source, args.lang)
    return table.evidence


def _warn(warnings: Sequence[Problem], source: str, lang: Lang) -> None:
    if not warnings:
        return
    head = (
        f"{len(warnings)} cảnh báo trong {source} (đã bỏ qua):"
        if lang == "vi"
        else f"{len(warnings)} warnings in {source} (left out):"
    )
    sys.stderr.write(head + "\n")
    for w in warnings:
        sys.stderr.write(f"  {render_problem(w, lang)}\n")


def _write_bytes(args: argparse.Namespace, data: bytes, out: TextIO) -> int:
    """Write a binary output to ``-o FILE``; refuse to write it to the terminal."""
    if not args.output:
        raise UsageProblem(
            [
                Problem(
                    "--output",
                    "output-needed",
                    f"-o FILE.{args.format} (a {args.format} file is not text)",
                    "nothing",
                )
            ]
        )
    Path(args.output).write_bytes(data)
    return 0


def _write_text(args: argparse.Namespace, text: str, out: TextIO, *, bom: bool = False) -> int:
    """Write a text output to ``-o FILE`` (UTF-8) or to ``out``; CSV gets a byte order mark."""
    body = ("\ufeff" if bom else "") + text
    if args.output:
        Path(args.output).write_text(body, encoding="utf-8", newline="")
    else:
        out.write(body)
    return 0


# ----------------------------------------------------------------- score: one function a format


def _score_text(
    args: argparse.Namespace, cards: Sequence[Scorecard], fw: Framework, out: TextIO
) -> int:
    return _write_text(args, "\n".join(render_scorecard_text(c, fw, args.lang) for c in cards), out)


def _score_md(
    args: argparse.Namespace, cards: Sequence[Scorecard], fw: Framework, out: TextIO
) -> int:
    return _write_text(
        args, "\n".join(render_scorecard_markdown(c, fw, args.lang) for c in cards), out
    )


def _score_json(
    args: argparse.Namespace, cards: Sequence[Scorecard], fw: Framework, out: TextIO
) -> int:
    c = scorecard_converter()
    if len(cards) == 1:
        data = versioned(c.unstructure(cards[0]))
    else:
        data = {
            "schema_version": SCHEMA_VERSION,
            "scorecards": [c.unstructure(card) for card in cards],
        }
    return _write_text(args, json.dumps(data, ensure_ascii=False, indent=2) + "\n", out)


def _score_csv(
    args: argparse.Namespace, cards: Sequence[Scorecard], fw: Framework, out: TextIO
) -> int:
    body = "".join(render_scorecard_csv(c, args.lang, header=i == 0) for i, c in enumerate(cards))
    return _write_text(args, body, out, bom=True)


def _score_xlsx(
    args: argparse.Namespace, cards: Sequence[Scorecard], fw: Framework, out: TextIO
) -> int:
    ranked = rank(cards, ties=args.ties)
    data = write_results_workbook(ranked, ties=args.ties, framework=fw, lang=args.lang)
    return _write_bytes(args, data, out)


def _score_picture(
    args: argparse.Namespace, cards: Sequence[Scorecard], fw: Framework, out: TextIO
) -> int:
    from par_index.formats.html import render_scorecard_html, scorecard_charts  # noqa: PLC0415

    lang: Lang = args.lang
    if len(cards) > 1:
        raise UsageProblem(
            [
                Problem(
                    "--format",
                    "one-unit-per-page",
                    f"one unit for --format {args.format} (rank --format {args.format} draws many)",
                    f"{len(cards)} units",
                )
            ]
        )
    card = cards[0]
    previous = None
    if args.previous:
        found, _ = _load_cards(argparse.Namespace(**{**vars(args), "files": [args.previous]}), fw)
        if not found:
            raise UsageProblem(
                [Problem(str(args.previous), "no-evidence", "one unit's scorecard", "none")]
            )
        previous = found[0]
    return emit_picture(
        args,
        out,
        lambda: render_scorecard_html(
            card, previous=previous, framework=fw, scheme=args.scheme, lang=lang
        ),
        lambda: scorecard_charts(card, lang=lang),
    )


_SCORE_FORMATS: Final = {
    "text": _score_text,
    "json": _score_json,
    "csv": _score_csv,
    "md": _score_md,
    "xlsx": _score_xlsx,
    **dict.fromkeys(PICTURES, _score_picture),
}


def _cmd_score(args: argparse.Namespace, out: TextIO) -> int:
    framework = framework_arg(args.framework)
    if args.weights:
        framework = reweight(framework, read_weights(args.weights))
    # Task measures of --plan, in place of the report's.
    evidence = tuple(apply_plan(ev, args) for ev in _load_evidence(args, framework))
    cards = [score(framework, ev, scheme=args.scheme) for ev in evidence]
    if len(cards) > 1:
        check_rankable(cards, [f"{args.evidence} ({c.unit_label()})" for c in cards])
    if not cards:
        raise UsageProblem(
            [Problem(str(args.evidence), "no-evidence", "at least one unit", "none")]
        )
    return _SCORE_FORMATS[args.format](args, cards, framework, out)


# ----------------------------------------------------------------- rank: one function a format


def _verified(card: Scorecard, framework: Framework, path: str, at: str) -> Scorecard:
    """``card`` once scored again from the evidence it records (a file's figures are not
    taken at their word).

    Raises:
        LoadError: listing every figure that differs, or the scorecard as unverifiable.
    """
    try:
        return verify_scorecard(card, framework)
    except InvalidScorecard as exc:
        raise LoadError([p.under(at) for p in exc.problems], source=path) from None


def _load_cards(
    args: argparse.Namespace, framework: Framework
) -> tuple[list[Scorecard], list[str]]:
    cards: list[Scorecard] = []
    sources: list[str] = []
    c = scorecard_converter()
    for path in args.files:
        data = Path(path).read_bytes()
        raw: object = None
        try:
            text = decode_bytes(data, path)  # any encoding the library reads
        except LoadError:
            text = ""  # not text: the evidence reader below says what it is
        if text.lstrip("\ufeff \t\r\n")[:1] == "{":
            try:
                raw = parse_json(text, path)
            except LoadError:
                raw = None
        if isinstance(raw, dict) and "framework_id" in raw and "nodes" in raw:
            version = raw.pop("schema_version", SCHEMA_VERSION)
            if version != SCHEMA_VERSION:
                raise LoadError(
                    [
                        Problem(
                            "$.schema_version",
                            "schema-version",
                            f'"{SCHEMA_VERSION}"',
                            repr(version),
                        )
                    ],
                    source=path,
                )
            try:
                card = c.structure(raw, Scorecard)
            except Exception as exc:  # noqa: BLE001 - every structuring failure becomes Problems
                raise LoadError(problems_from(exc), source=path) from None
            cards.append(_verified(card, framework, path, "$"))
            sources.append(path)
            continue
        if isinstance(raw, dict) and "scorecards" in raw:
            for i, entry in enumerate(raw.get("scorecards") or []):
                body = {k: v for k, v in entry.items() if k != "schema_version"}
                try:
                    card = c.structure(body, Scorecard)
                except Exception as exc:  # noqa: BLE001
                    raise LoadError(problems_from(exc, f"$.scorecards[{i}]"), source=path) from None
                cards.append(_verified(card, framework, path, f"$.scorecards[{i}]"))
                sources.append(f"{path} [{i}]")
            continue
        table = read_evidence_file(path, framework, lenient=args.lenient, lang=args.lang)
        _warn(table.warnings, table.source, args.lang)
        for ev in table.evidence:
            cards.append(score(framework, ev, scheme=args.scheme))
            unit = ev.unit.label(args.lang) if ev.unit is not None else "—"
            sources.append(f"{path} ({unit})")
    return cards, sources


def _rank_text(
    args: argparse.Namespace, ranked: Sequence[Ranked], fw: Framework, out: TextIO
) -> int:
    lang: Lang = args.lang
    head = (
        f"{text('rank', lang):<5} {text('code', lang):<6} {text('unit', lang):<28} "
        f"{text('period', lang):<24} {text('points', lang):>7} {text('pct', lang):>8}  "
        f"{text('class', lang)}"
    )
    lines = [head, "-" * len(head)]
    used: set[str] = set()
    for r in ranked:
        card = r.scorecard
        period = card.period.label(lang) if card.period else "—"
        klass = card.classification.label(lang) if card.classification else ""
        place = str(r.rank) if r.rank is not None else text("unranked", lang)
        flags = marks(card)
        used.update(flags)
        code = card.unit.code if card.unit is not None and card.unit.code else "—"
        lines.append(
            f"{place:<5} {code:<6} {shorten(card.unit_label(lang), 28):<28} {period:<24} "
            f"{format_points(card.points, card.places, lang):>7} "
            f"{format_index(card.index, lang):>8}  "
            f"{klass}{' ' + ' '.join(flags) if flags else ''}"
        )
    lines.append("")
    lines.append(TIES_TEXT[args.ties][lang])
    for mark, words in LEGEND.items():
        if mark in used:
            lines.append(f"{mark} {words[lang]}")
    return _write_text(args, "\n".join(lines) + "\n", out)


def _rank_json(
    args: argparse.Namespace, ranked: Sequence[Ranked], fw: Framework, out: TextIO
) -> int:
    doc = ranking_document(ranked, args.ties)
    return _write_text(args, json.dumps(doc, ensure_ascii=False, indent=2) + "\n", out)


def _rank_csv(
    args: argparse.Namespace, ranked: Sequence[Ranked], fw: Framework, out: TextIO
) -> int:
    return _write_text(args, ranking_csv(ranked, args.lang), out, bom=True)


def _rank_xlsx(
    args: argparse.Namespace, ranked: Sequence[Ranked], fw: Framework, out: TextIO
) -> int:
    first = ranked[0].scorecard if ranked else None
    same = first is not None and first.framework_id == fw.id
    data = write_results_workbook(
        ranked, ties=args.ties, framework=fw if same else None, lang=args.lang
    )
    return _write_bytes(args, data, out)


def _rank_picture(
    args: argparse.Namespace, ranked: Sequence[Ranked], fw: Framework, out: TextIO
) -> int:
    from par_index.formats.html import ranking_charts, render_ranking_html  # noqa: PLC0415
    from par_index.scoring.sensitivity import sensitivity  # noqa: PLC0415

    lang: Lang = args.lang
    cards = [r.scorecard for r in ranked]
    result = (
        sensitivity(cards, draws=args.draws, seed=args.seed, ties=args.ties) if args.draws else None
    )
    return emit_picture(
        args,
        out,
        lambda: render_ranking_html(ranked, scheme=args.scheme, sensitivity=result, lang=lang),
        lambda: ranking_charts(ranked, scheme=args.scheme, sensitivity=result, lang=lang),
    )


_RANK_FORMATS: Final = {
    "text": _rank_text,
    "json": _rank_json,
    "csv": _rank_csv,
    "xlsx": _rank_xlsx,
    **dict.fromkeys(PICTURES, _rank_picture),
}


def _cmd_rank(args: argparse.Namespace, out: TextIO) -> int:
    framework = framework_arg(args.framework)
    if args.weights:
        framework = reweight(framework, read_weights(args.weights))
    cards, sources = _load_cards(args, framework)
    check_rankable(cards, sources)
    ranked = rank(cards, ties=args.ties)
    return _RANK_FORMATS[args.format](args, ranked, framework, out)


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
        help="evidence: an .xlsx or .csv table (many units), evidence JSON, a report JSON or "
        "a report text (.md, .txt); default: the bundled Ba Trang example",
    )
    p.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help=f"a bundled framework id ({bundled}) or a framework file",
    )
    p.add_argument("--format", choices=list(_SCORE_FORMATS), default="text")
    p.add_argument("--scheme", choices=sorted(SCHEMES), help="classification scheme")
    _add_shared(p)
    add_plan_options(p)
    add_picture_options(p, ["domains"], output=False)
    p.add_argument(
        "--previous", metavar="FILE", help="html: the same unit's earlier evidence to compare"
    )
    p.set_defaults(run=_cmd_score)

    p = sub.add_parser("rank", parents=[lang], help="rank scorecards (or evidence files)")
    p.add_argument(
        "files",
        nargs="+",
        help="scorecard JSON files, or evidence files (.xlsx, .csv, JSON; many units each)",
    )
    p.add_argument(
        "--framework",
        default=DEFAULT_FRAMEWORK,
        help=f"framework for evidence files: a bundled id ({bundled}) or a file",
    )
    p.add_argument("--format", choices=list(_RANK_FORMATS), default="text")
    p.add_argument("--scheme", choices=sorted(SCHEMES), help="classification scheme")
    _add_shared(p)
    add_picture_options(p, ["ranking", "heatmap", "distribution", "intervals"], output=False)
    p.add_argument("--draws", type=int, default=0, help="html|svg|png: rank intervals over N draws")
    p.add_argument("--seed", type=int, default=0, help="seed of the draws (default 0)")
    p.set_defaults(run=_cmd_rank)


def _add_shared(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", help="write to this file (needed for xlsx)")
    p.add_argument(
        "--ties",
        choices=list(TIES),
        default="exact",
        help="ties on the exact index (default) or on the reported, rounded one",
    )
    p.add_argument(
        "--lenient",
        action="store_true",
        help="unknown criterion codes, measure ids and columns are warnings, not errors",
    )
    p.add_argument(
        "--weights",
        help='what-if maxima: a TOML ([max_points] "1.1" = 6) or CSV (code,max_points) file',
    )

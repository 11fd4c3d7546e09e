"""``par-index sensitivity``: how firm ranks are when weights and thresholds change.

``par-index sensitivity FILES... [--draws 1000] [--seed 0] [--spread 0.2] [--level 1]
[--threshold 3.3=0.4,0.5,0.6] [--rule "3.2=Từ 95% trở lên: 8 điểm; dưới 95%: 0 điểm"]
[--format text|json|html|svg|png] [-o FILE]`` ranks the
scorecards (or evidence files), draws the weights (and thresholds) many times and prints,
per unit, its rank, median rank, 5–95 % rank interval, class probabilities and the criteria
whose removal moves it most.
"""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

from par_index.cli._common import emit_json, framework_arg, pick
from par_index.cli._pictures import PICTURES, add_picture_options, emit_picture
from par_index.cli.scoring import DEFAULT_FRAMEWORK, _load_cards
from par_index.core.lang import Lang, format_number
from par_index.formats.schema import versioned
from par_index.scoring.classification import SCHEMES
from par_index.scoring.ranking import TIES
from par_index.scoring.sensitivity import Choice, SensitivityResult, sensitivity

__all__ = ["register", "sensitivity_json"]

_TEXT: dict[str, tuple[str, str]] = {
    "head": (
        "Độ vững của thứ hạng: {draws} lần rút (hạt giống {seed}), trọng số tiêu chí cấp "
        "{level} ±{spread}%",
        "Rank sensitivity: {draws} draws (seed {seed}), level-{level} criterion weights ±{spread}%",
    ),
    "columns": (
        "Hạng  Trung vị  5–95%    Chỉ số   Đơn vị",
        "Rank  Median    5–95%    Index    Unit",
    ),
    "classes": ("xếp loại", "classes"),
    "movers": ("tiêu chí ảnh hưởng nhất", "criteria that move it most"),
    "unranked": ("Không xếp hạng (không có chỉ số): {units}", "Unranked (no index): {units}"),
}


def _t(key: str, lang: Lang) -> str:
    return pick(_TEXT, key, lang)


def _threshold(text: str) -> tuple[str, list[Decimal]]:
    """``3.3=0.4,0.5,0.6`` (or percentages ``3.3=40%,50%``) → ("3.3", [0.4, 0.5, 0.6])."""
    code, sep, values = text.partition("=")
    if not sep or not code.strip() or not values.strip():
        raise argparse.ArgumentTypeError(f"expected CODE=T1,T2,… (3.3=0.4,0.5), found {text!r}")
    out = []
    for part in values.split(","):
        p = part.strip()
        try:
            value = Decimal(p[:-1]) / 100 if p.endswith("%") else Decimal(p)
        except InvalidOperation:
            raise argparse.ArgumentTypeError(f"expected a number, found {p!r}") from None
        out.append(value)
    return code.strip(), out


def _rule(text: str) -> tuple[str, str]:
    """``3.2=Từ 95% trở lên: 8 điểm; dưới 95%: 0 điểm`` → ("3.2", the sentence)."""
    code, sep, sentence = text.partition("=")
    if not sep or not code.strip() or not sentence.strip():
        raise argparse.ArgumentTypeError(f"expected CODE=RULE SENTENCE, found {text!r}")
    return code.strip(), sentence.strip()


def _choices(
    thresholds: list[tuple[str, list[Decimal]]], rules: list[tuple[str, str]]
) -> dict[str, list[Choice]]:
    out: dict[str, list[Choice]] = {}
    for code, values in thresholds:
        out.setdefault(code, []).extend(values)
    for code, sentence in rules:
        out.setdefault(code, []).append(sentence)
    return out


def sensitivity_json(result: SensitivityResult) -> dict[str, Any]:
    """The result as JSON data (schema ``sensitivity``): numbers as decimal strings, labels in
    both languages."""
    return versioned(
        {
            "framework_id": result.framework_id,
            "draws": result.draws,
            "seed": result.seed,
            "weight_spread": str(result.weight_spread),
            "level": result.level,
            "criteria": list(result.criteria),
            "thresholds": {code: list(vs) for code, vs in result.thresholds},
            "scheme": result.scheme,
            "ties": result.ties,
            "units": [
                {
                    "unit": u.unit,
                    "unit_en": u.unit_en,
                    "index": str(u.index),
                    "index_interval": [str(u.index_low), str(u.index_median), str(u.index_high)],
                    "rank": u.rank,
                    "median_rank": u.median_rank,
                    "rank_interval": [u.low, u.high],
                    "classes": [
                        {
                            "code": c.code,
                            "label_vi": c.label_vi,
                            "label_en": c.label_en,
                            "probability": str(c.probability),
                        }
                        for c in u.classes
                    ],
                    "movers": [
                        {"code": m.code, "name": m.name, "name_en": m.name_en, "shift": m.shift}
                        for m in u.movers
                    ],
                }
                for u in result.units
            ],
            "unranked": list(result.unranked),
        }
    )


def _text(result: SensitivityResult, lang: Lang) -> str:
    spread = format_number((result.weight_spread * 100).normalize(), lang)
    lines = [
        _t("head", lang).format(
            draws=result.draws, seed=result.seed, level=result.level, spread=spread
        ),
        "",
        _t("columns", lang),
    ]
    for u in result.units:
        interval = f"{u.low}–{u.high}"
        index = format_number(u.index, lang)
        lines.append(
            f"{u.rank:<5} {u.median_rank:<9} {interval:<8} {index:>7}   "
            f"{u.unit if lang == 'vi' else u.unit_en}"
        )
        chances = ", ".join(
            f"{c.label_vi if lang == 'vi' else c.label_en} "
            f"{format_number((c.probability * 100).quantize(Decimal('0.1')), lang)}%"
            for c in u.classes
            if c.probability
        )
        if chances:
            lines.append(f"{'':<34}{_t('classes', lang)}: {chances}")
        if u.movers:
            movers = ", ".join(f"{m.code} ({m.shift:+d})" for m in u.movers)
            lines.append(f"{'':<34}{_t('movers', lang)}: {movers}")
    if result.unranked:
        lines.append(_t("unranked", lang).format(units=", ".join(result.unranked)))
    return "\n".join(lines) + "\n"


def _cmd_sensitivity(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    framework = framework_arg(args.framework)
    cards, _ = _load_cards(args, framework)
    result = sensitivity(
        cards,
        draws=args.draws,
        seed=args.seed,
        weight_spread=args.spread,
        level=args.level,
        thresholds=_choices(args.threshold or [], args.rule or []),
        framework=framework,
        scheme=args.scheme,
        ties=args.ties,
    )
    if args.format == "json":
        return emit_json(out, sensitivity_json(result))
    if args.format in PICTURES:
        from par_index.formats.html import ranking_charts, render_ranking_html  # noqa: PLC0415

        return emit_picture(
            args,
            out,
            lambda: render_ranking_html(cards, scheme=args.scheme, sensitivity=result, lang=lang),
            lambda: ranking_charts(cards, scheme=args.scheme, sensitivity=result, lang=lang),
        )
    out.write(_text(result, lang))
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``sensitivity``."""
    del common  # this command has its own --format
    p = sub.add_parser(
        "sensitivity",
        help="how firm ranks are when weights and thresholds change (Monte Carlo)",
    )
    p.add_argument("files", nargs="+", help="scorecard JSON files, or evidence files")
    p.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    p.add_argument(
        "--framework", default=DEFAULT_FRAMEWORK, help="framework for evidence files and rules"
    )
    p.add_argument("--scheme", choices=sorted(SCHEMES), help="classification scheme")
    p.add_argument("--draws", type=int, default=1000, help="Monte Carlo draws (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the draws (default 0)")
    p.add_argument(
        "--spread",
        type=Decimal,
        default=Decimal("0.2"),
        help="weights drawn in [1 - s, 1 + s] times their value (default 0.2)",
    )
    p.add_argument(
        "--level", type=int, default=1, help="depth of the weighted criteria (0: domains)"
    )
    p.add_argument(
        "--threshold",
        type=_threshold,
        action="append",
        metavar="CODE=T1,T2",
        help="threshold choices of a leaf with a threshold rule (3.3=0.4,0.5,0.6); repeatable",
    )
    p.add_argument(
        "--rule",
        type=_rule,
        action="append",
        metavar="CODE=SENTENCE",
        help="a rule the leaf may have instead, as a table prints it (band thresholds: "
        "'3.2=Từ 95%% trở lên: 8 điểm; dưới 95%%: 0 điểm'); repeatable",
    )
    p.add_argument(
        "--ties",
        choices=list(TIES),
        default="exact",
        help="ties on the exact index (default) or on the reported, rounded one",
    )
    p.add_argument(
        "--lenient",
        action="store_true",
        help="evidence files: unknown criterion codes, measure ids and columns are warnings",
    )
    p.add_argument("--format", choices=["text", "json", *PICTURES], default="text")
    add_picture_options(p, ["intervals", "ranking", "heatmap", "distribution"])
    p.set_defaults(run=_cmd_sensitivity)

"""What-if weights: new maxima for some criteria, the rules below rescaled to match.

A province asking "what if domain 3 weighed 20 points instead of 15?" should not rewrite
rules. :func:`reweight` takes criterion code → new maximum and returns a framework that stays
valid:

* the node and every node below it are scaled by new / old: their maxima and the points in
  their bands, choices, boolean and per-count rules (proportional, threshold, survey and
  manual rules scale with the maximum by themselves); each is computed as ``p × new / old``,
  so the best band of a rule equals its new maximum exactly;
* every ancestor's maximum becomes the sum of its children's, and the component holding the
  node and the framework total change by the same amount: the index is still points /
  maximum × 100;
* the version gets ``+weights`` so that a what-if scorecard is never taken for an official
  one.

Weight files are TOML (``[max_points]`` then ``"1.1" = 6``) or CSV (``code,max_points``).
"""

from __future__ import annotations

import csv
import difflib
import io
import tomllib
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

import attrs

from par_index.core.decode import decode_bytes
from par_index.exceptions import LoadError, Problem
from par_index.frameworks.model import Criterion, Framework, InvalidFramework, NodeRole
from par_index.frameworks.rules import (
    BandsRule,
    BooleanRule,
    CategoricalRule,
    Choice,
    PerCountRule,
    Rule,
)

__all__ = ["read_weights", "reweight"]

_ZERO = Decimal(0)


def _scale_rule(rule: Rule, new: Decimal, old: Decimal) -> Rule:
    def s(p: Decimal) -> Decimal:
        return p * new / old

    if isinstance(rule, BandsRule):
        return attrs.evolve(
            rule, bands=tuple(attrs.evolve(b, points=s(b.points)) for b in rule.bands)
        )
    if isinstance(rule, CategoricalRule):
        return CategoricalRule(
            tuple(Choice(c.category, s(c.points), c.label) for c in rule.choices)
        )
    if isinstance(rule, BooleanRule):
        return attrs.evolve(
            rule, true_points=s(rule.true_points), false_points=s(rule.false_points)
        )
    if isinstance(rule, PerCountRule):
        return attrs.evolve(rule, points_each=s(rule.points_each))
    return rule


def _scale(n: Criterion, new: Decimal, old: Decimal) -> Criterion:
    rule = _scale_rule(n.rule, new, old) if n.rule is not None else None
    return attrs.evolve(
        n,
        max_points=n.max_points * new / old,
        rule=rule,
        children=tuple(_scale(ch, new, old) for ch in n.children),
    )


def _apply(n: Criterion, weights: Mapping[str, Decimal]) -> Criterion:
    if n.code in weights:
        return _scale(n, weights[n.code], n.max_points)
    if not n.children:
        return n
    children = tuple(_apply(ch, weights) for ch in n.children)
    total = sum((ch.max_points for ch in children if ch.role is NodeRole.NORMAL), _ZERO)
    return attrs.evolve(n, children=children, max_points=total)


def reweight(framework: Framework, weights: Mapping[str, Decimal]) -> Framework:
    """``framework`` with new maxima for the criteria in ``weights``.

    Args:
        framework: the framework.
        weights: criterion code → new maximum (above 0).

    Raises:
        InvalidFramework: for a code the framework does not have (with a "did you mean"),
            a maximum that is not above 0, or two codes of which one lies below the other.
    """
    codes = [n.code for n in framework.walk()]
    problems: list[Problem] = []
    for code, value in weights.items():
        if code not in codes:
            near = difflib.get_close_matches(code, codes, n=1, cutoff=0.6)
            hint = f" (did you mean {near[0]}?)" if near else ""
            problems.append(
                Problem(f"weights.{code}", "unknown-criterion", f"a criterion code{hint}", code)
            )
        elif not (value.is_finite() and value > 0):
            problems.append(
                Problem(f"weights.{code}", "points-not-positive", "a maximum above 0", str(value))
            )
    problems.extend(
        Problem(
            f"weights.{other}",
            "nested-weights",
            f"no new maximum below {code}, which is rescaled as a whole",
            other,
        )
        for code in weights
        for other in weights
        if other != code and other.startswith(code + ".")
    )
    if problems:
        raise InvalidFramework(problems)
    if not weights:
        return framework
    criteria = tuple(_apply(n, weights) for n in framework.criteria)
    # Each component changes by what its top-level nodes changed.
    change: dict[str | None, Decimal] = {}
    default = framework.components[0].id if len(framework.components) == 1 else None
    for before, after in zip(framework.criteria, criteria, strict=True):
        if before.role is NodeRole.NORMAL:
            comp = before.component if before.component is not None else default
            change[comp] = change.get(comp, _ZERO) + after.max_points - before.max_points
    components = tuple(
        attrs.evolve(c, max_points=c.max_points + change.get(c.id, _ZERO))
        for c in framework.components
    )
    total = framework.max_points + sum(change.values(), _ZERO)
    return attrs.evolve(
        framework,
        criteria=criteria,
        components=components,
        max_points=total,
        version=f"{framework.version}+weights",
    )


def read_weights(path: str | Path) -> dict[str, Decimal]:
    """Criterion code → new maximum from a TOML or CSV file.

    TOML: a ``[max_points]`` table of ``"code" = points``. CSV: a header ``code,max_points``
    (or ``Mã tiêu chí,Điểm tối đa``), one row per criterion.

    Raises:
        LoadError: listing every problem with its place.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    text = decode_bytes(p.read_bytes(), str(p))  # refused by name, never replaced
    problems: list[Problem] = []
    out: dict[str, Decimal] = {}
    if p.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text, parse_float=Decimal)
        except (tomllib.TOMLDecodeError, RecursionError, ValueError) as exc:
            # RecursionError: arrays nested thousands deep; ValueError: 5,000-digit numbers.
            found = str(exc)[:80] or "nesting too deep"
            raise LoadError(
                [Problem("$", "bad-toml", "valid TOML", found)], source=str(p)
            ) from None
        table = data.get("max_points")
        extra = sorted(set(data) - {"max_points"})
        problems.extend(Problem(k, "unknown-field", "only a [max_points] table", k) for k in extra)
        if not isinstance(table, dict):
            problems.append(
                Problem("max_points", "missing-field", "a [max_points] table", repr(table))
            )
            table = {}
        for code, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int | Decimal):
                problems.append(
                    Problem(f"max_points.{code}", "wrong-type", "a number", repr(value))
                )
            else:
                out[code] = Decimal(value)
    else:
        rows = list(csv.reader(io.StringIO(text)))
        header = [h.strip().lower() for h in rows[0]] if rows else []
        try:
            ci = next(i for i, h in enumerate(header) if h in ("code", "mã tiêu chí"))
            mi = next(i for i, h in enumerate(header) if h in ("max_points", "điểm tối đa"))
        except StopIteration:
            raise LoadError(
                [
                    Problem(
                        "row 1", "missing-column", "columns code and max_points", ",".join(header)
                    )
                ],
                source=str(p),
            ) from None
        for r, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            code = row[ci].strip() if ci < len(row) else ""
            raw = row[mi].strip().replace(",", ".") if mi < len(row) else ""
            try:
                value = Decimal(raw)
            except InvalidOperation:
                problems.append(
                    Problem(f'row {r}, column "max_points"', "not-a-number", "a number", repr(raw))
                )
                continue
            if code in out:
                problems.append(
                    Problem(f'row {r}, column "code"', "duplicate-code", "each code once", code)
                )
            out[code] = value
    if problems:
        raise LoadError(problems, source=str(p))
    return out

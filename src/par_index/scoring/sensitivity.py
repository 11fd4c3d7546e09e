"""How firm is a rank? Monte Carlo over criterion weights and rule thresholds, and
drop-one-criterion, on a set of scorecards.

Frameworks change their weights and thresholds every few years (876/QĐ-BNV 2022 →
892/QĐ-BNV 2024 → 1187/QĐ-BNV 2025): a rank that moves under a small change of them says
little. :func:`sensitivity` re-aggregates every scorecard many times:

* **weights**: each draw multiplies the weight (the maximum) of every ordinary criterion of
  the chosen level by a factor drawn uniformly in [1 − s, 1 + s], then rescales them so that
  the framework's total is unchanged; a criterion keeps its share achieved (points / maximum),
  bonus and deduction points are kept, and every parent recombines its children as
  :func:`~par_index.scoring.engine.score` does (ordinary children add up, bonuses add,
  deductions subtract, within [0, the maximum]);
* **thresholds**: for leaves scored by a threshold curve (full points at or above T, rate / T
  × maximum below: the QĐ 766/QĐ-TTg curve), each draw picks T among given choices and
  rescores the leaf from the value its explanation records;
* **drop one criterion**: one scenario per criterion with its weight set to 0, to tell which
  criteria move each unit's rank most.

Indices are rounded as the scorecards report them (ROUND_HALF_UP at their decimals) before
ranking, and equal indices share a rank (1, 2, 2, 4), as :func:`~par_index.scoring.ranking.rank`
does; so with no perturbation every draw gives every unit its own rank. Draws come from
``numpy.random.default_rng(seed)``: the same seed gives the same result. Needs numpy
(``pip install 'par_index[sensitivity]'``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Final, TypeAlias

import attrs

from par_index.core.extras import require
from par_index.exceptions import Problem
from par_index.frameworks.model import Framework, NodeRole
from par_index.frameworks.rules import InvalidRule, Rule, ThresholdRule, evaluate
from par_index.frameworks.text import parse_rule, render_rule
from par_index.scoring.classification import (
    ClassificationScheme,
    InvalidScorecard,
    scheme_named,
)
from par_index.scoring.ranking import Ties, rank
from par_index.scoring.scorecard import Scorecard

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = [
    "Choice",
    "ClassChance",
    "Mover",
    "SensitivityResult",
    "UnitSensitivity",
    "sensitivity",
]

Choice: TypeAlias = Decimal | str | Rule
"""A rule choice for a leaf: a threshold T (a leaf scored by a threshold curve), a rule
sentence as an official table prints it, or a rule."""

_CHUNK: Final = 200  # draws re-aggregated at once (bounds memory: units × chunk floats)
_EPS: Final = 1e-9  # float sums of exact decimals are within ~1e-12 of them
_EXACT_PLACES: Final = 7  # decimals of an index compared "exactly" (ties="exact")


@attrs.frozen
class ClassChance:
    """The share of draws in which a unit falls in a class.

    Attributes:
        code: the grade's code, None for "unclassified" (below every grade).
        label_vi: the grade's Vietnamese label.
        label_en: its English label.
        probability: the share of draws, rounded to 3 decimals.
    """

    code: str | None
    label_vi: str
    label_en: str
    probability: Decimal


@attrs.frozen
class Mover:
    """A criterion whose removal moves a unit's rank.

    Attributes:
        code: the criterion's code.
        name: its Vietnamese name.
        name_en: its English gloss.
        shift: the rank without the criterion minus the rank with it (negative: the unit
            rises when the criterion is dropped, so the criterion holds it back).
    """

    code: str
    name: str
    name_en: str
    shift: int


@attrs.frozen
class UnitSensitivity:
    """How firm one unit's rank is.

    Attributes:
        unit: the unit's name in Vietnamese ("xã Ba Trang").
        unit_en: its name in English.
        index: the unit's published index.
        index_low: the 5th percentile of its index over the draws.
        index_median: the median of its index.
        index_high: the 95th percentile of its index.
        rank: its rank with the published weights.
        median_rank: the median rank over the draws.
        low: the best rank of the 5–95 % interval (5th percentile of the ranks).
        high: the worst rank of the interval (95th percentile).
        classes: the share of draws in each class (best first), when a scheme is known.
        movers: up to three criteria whose removal moves the rank most, largest move first.
    """

    unit: str
    unit_en: str
    index: Decimal
    index_low: Decimal
    index_median: Decimal
    index_high: Decimal
    rank: int
    median_rank: int
    low: int
    high: int
    classes: tuple[ClassChance, ...]
    movers: tuple[Mover, ...]


@attrs.frozen
class SensitivityResult:
    """The sensitivity of a ranking.

    Attributes:
        framework_id: the framework of the scorecards.
        draws: the number of Monte Carlo draws.
        seed: the seed of the draws.
        weight_spread: s: weights were drawn in [1 − s, 1 + s] times their value.
        level: the depth of the criteria whose weights were drawn (0 for domains).
        criteria: the codes of those criteria.
        thresholds: the rule choices drawn, by leaf code: thresholds as decimal text
            ("0.6"), rules as the sentences an official table prints.
        scheme: the classification scheme's id, None without one.
        units: one per ranked unit, in rank order.
        unranked: the units without an index (left out).
        ties: how ties were defined: ``exact`` or ``reported`` indices.
    """

    framework_id: str
    draws: int
    seed: int
    weight_spread: Decimal
    level: int
    criteria: tuple[str, ...]
    thresholds: tuple[tuple[str, tuple[str, ...]], ...]
    scheme: str | None
    units: tuple[UnitSensitivity, ...]
    unranked: tuple[str, ...] = ()
    ties: Ties = "exact"


# --------------------------------------------------------------------------- the tree


@attrs.define
class _Tree:
    """The nodes above the criteria of the chosen level, and the criteria under each."""

    codes: list[str]
    names: list[tuple[str, str]]
    roles: list[NodeRole]
    children: list[list[int]]
    top: list[int]
    cut: list[bool]  # a criterion of the chosen level (or a leaf above it)
    declared: list[Decimal]


def _tree(card: Scorecard, level: int) -> _Tree:
    codes: list[str] = []
    names: list[tuple[str, str]] = []
    roles: list[NodeRole] = []
    children: list[list[int]] = []
    top: list[int] = []
    cut: list[bool] = []
    declared: list[Decimal] = []
    stack: list[tuple[int, int]] = []  # (depth, node index) of open inner nodes
    for n in card.nodes:
        if n.depth > level:
            continue
        while stack and stack[-1][0] >= n.depth:
            stack.pop()
        i = len(codes)
        codes.append(n.code)
        names.append((n.name, n.name_en))
        roles.append(n.role)
        children.append([])
        declared.append(n.declared_max)
        is_cut = n.depth == level or n.is_leaf
        cut.append(is_cut)
        if stack:
            children[stack[-1][1]].append(i)
        else:
            top.append(i)
        if not is_cut:
            stack.append((n.depth, i))
    return _Tree(codes, names, roles, children, top, cut, declared)


def _check(cards: Sequence[Scorecard], level: int, draws: int, spread: float) -> None:
    problems: list[Problem] = []
    if not cards:
        problems.append(Problem("scorecards", "no-scorecards", "at least one scorecard", "0"))
    if level < 0:
        problems.append(Problem("level", "level-range", "a depth of 0 or more", str(level)))
    if draws < 1:
        problems.append(Problem("draws", "draws-range", "at least one draw", str(draws)))
    if not 0 <= spread < 1:
        problems.append(
            Problem("weight_spread", "spread-range", "a spread from 0 to below 1", str(spread))
        )
    if cards:
        first = cards[0]
        shape = [r[0] for r in first.nodes.rows]
        for k, c in enumerate(cards[1:], start=1):
            if c.framework_id != first.framework_id or [r[0] for r in c.nodes.rows] != shape:
                problems.append(
                    Problem(
                        f"scorecards[{k}]",
                        "different-frameworks",
                        f"a scorecard of the same framework ({first.framework_id} "
                        f"{first.framework_version})",
                        f"{c.framework_id} {c.framework_version} ({c.unit_label()})",
                    )
                )
    if problems:
        raise InvalidScorecard(problems)


# --------------------------------------------------------------------------- aggregation


class _Model:
    """The scorecards as arrays, and their re-aggregation under a block of weights."""

    def __init__(self, np_: Any, cards: Sequence[Scorecard], tree: _Tree, level: int) -> None:
        self.np = np_
        self.tree = tree
        n_nodes = len(tree.codes)
        index_of = {code: i for i, code in enumerate(tree.codes)}
        self.points = np_.zeros((len(cards), n_nodes))
        self.maxes = np_.zeros((len(cards), n_nodes))
        for u, card in enumerate(cards):
            for row in card.nodes.rows:
                i = index_of.get(row[0])
                if i is not None and row[3] <= level:
                    self.points[u, i] = float(row[6])
                    self.maxes[u, i] = float(row[7])
        # The weighted criteria: the ordinary nodes of the cut.
        self.criteria = [
            i for i in range(n_nodes) if tree.cut[i] and tree.roles[i] is NodeRole.NORMAL
        ]
        self.column = {node: j for j, node in enumerate(self.criteria)}
        self.declared = np_.array([float(tree.declared[i]) for i in self.criteria])
        self.extra: dict[int, Any] = {}  # node → units × draws points added (thresholds)

    def weights(self, factors: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """Factors (draws × criteria) rescaled so that the declared total is unchanged."""
        np_ = self.np
        total = float(self.declared.sum())
        scaled = factors * (total / np_.maximum(factors @ self.declared, 1e-300))[:, None]
        out: npt.NDArray[Any] = np_.where(factors.sum(axis=1)[:, None] > 0, scaled, 0.0)
        return out

    def indices(self, w: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The index of every unit under each row of weights: units × draws (NaN: none)."""
        np_ = self.np
        got, cap = self._combine(self.tree.top, w)
        with np_.errstate(invalid="ignore", divide="ignore"):
            out: npt.NDArray[Any] = np_.where(
                cap > 0, got / np_.where(cap > 0, cap, 1) * 100, np_.nan
            )
        return out

    def _value(self, i: int, w: npt.NDArray[Any]) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        np_ = self.np
        if self.tree.cut[i]:
            j = self.column.get(i)
            extra = self.extra.get(i)
            if j is None:  # a bonus or deduction: its points, unweighted
                pts = np_.repeat(self.points[:, i : i + 1], w.shape[0], axis=1)
                return pts, np_.zeros_like(pts)
            pts = np_.outer(self.points[:, i], w[:, j])
            if extra is not None:
                pts = pts + extra * w[None, :, j]
            return pts, np_.outer(self.maxes[:, i], w[:, j])
        return self._combine(self.tree.children[i], w)

    def _combine(
        self, kids: list[int], w: npt.NDArray[Any]
    ) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        np_ = self.np
        tree = self.tree
        units, draws = self.points.shape[0], w.shape[0]
        got = np_.zeros((units, draws))
        cap = np_.zeros((units, draws))
        # Ordinary criteria of the cut without threshold draws: one product for all of them.
        plain = [c for c in kids if c in self.column and c not in self.extra]
        if plain:
            cols = [self.column[c] for c in plain]
            got += self.points[:, plain] @ w[:, cols].T
            cap += self.maxes[:, plain] @ w[:, cols].T
        bonus = False
        for c in kids:
            if c in plain:
                continue
            v, m = self._value(c, w)
            role = tree.roles[c]
            if role is NodeRole.NORMAL:
                got += v
                cap += m
            else:
                bonus = True
                got += v if role is NodeRole.BONUS else -v
        if bonus:
            got = np_.clip(got, 0, cap)
        return got, cap


def _keys(np_: Any, index: npt.NDArray[Any], places: int) -> npt.NDArray[Any]:
    """Indices rounded ROUND_HALF_UP at ``places``, as integers (ties compare exactly)."""
    scaled = np_.floor(index * 10.0**places + 0.5 + _EPS)
    keys: npt.NDArray[Any] = np_.where(np_.isnan(index), -1, scaled).astype(np_.int64)
    return keys


def _ranks(np_: Any, keys: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """Ranks (1 = highest key) of every column, equal keys sharing the best rank."""
    order = np_.argsort(-keys, axis=0, kind="stable")
    ordered = np_.take_along_axis(keys, order, axis=0)
    new = np_.ones(ordered.shape, dtype=bool)
    new[1:] = ordered[1:] != ordered[:-1]
    positions = np_.arange(keys.shape[0])[:, None]
    first = np_.maximum.accumulate(np_.where(new, positions, 0), axis=0) + 1
    out: npt.NDArray[Any] = np_.empty_like(first)
    np_.put_along_axis(out, order, first, axis=0)
    return out


# --------------------------------------------------------------------------- thresholds


def _alternatives(
    code: str, choices: Sequence[Choice], rule: Rule | None, problems: list[Problem]
) -> list[Rule]:
    path = f"thresholds.{code}"
    if rule is None:
        problems.append(Problem(path, "unknown-criterion", "a leaf of the framework", code))
        return []
    if not choices:
        problems.append(Problem(path, "no-choices", "at least one choice", "[]"))
    out: list[Rule] = []
    for k, choice in enumerate(choices):
        if isinstance(choice, Decimal):
            if not isinstance(rule, ThresholdRule):
                problems.append(
                    Problem(
                        f"{path}[{k}]",
                        "not-threshold-rule",
                        "a rule sentence: the leaf has no threshold curve",
                        str(choice),
                    )
                )
            elif not 0 < choice <= 1:
                problems.append(
                    Problem(
                        f"{path}[{k}]",
                        "threshold-range",
                        "a threshold above 0 and at most 1 (80% is 0.8)",
                        str(choice),
                    )
                )
            else:
                out.append(ThresholdRule(choice))
        elif isinstance(choice, str):
            try:
                out.append(parse_rule(choice))
            except InvalidRule as error:
                problems.extend(p.under(f"{path}[{k}]") for p in error.problems)
        else:
            out.append(choice)
    return out


def _threshold_extra(
    np_: Any,
    cards: Sequence[Scorecard],
    tree: _Tree,
    framework: Framework | None,
    thresholds: Mapping[str, Sequence[Choice]],
) -> tuple[dict[int, list[npt.NDArray[Any]]], list[Problem]]:
    """For each leaf with rule choices: the node of the cut above it and, per choice, every
    unit's change of points (the leaf rescored from the value its explanation records)."""
    problems: list[Problem] = []
    found: dict[int, list[npt.NDArray[Any]]] = {}
    if not thresholds:
        return found, problems
    if framework is None:
        problems.append(
            Problem("framework", "framework-needed", "the framework, to read the rules", "None")
        )
        return found, problems
    cut_of = {code: i for i, code in enumerate(tree.codes) if tree.cut[i]}
    for code, choices in thresholds.items():
        try:
            rule: Rule | None = framework.node(code).rule
        except KeyError:
            rule = None
        rules = _alternatives(code, choices, rule, problems)
        if len(rules) != len(choices):
            continue
        # The node of the cut that holds the leaf: the longest cut code that prefixes it.
        holder = next(
            (
                i
                for c, i in sorted(cut_of.items(), key=lambda kv: -len(kv[0]))
                if code == c or code.startswith(c + ".")
            ),
            None,
        )
        if holder is None:  # pragma: no cover - every leaf is under a node of the cut
            continue
        deltas = []
        for k, alternative in enumerate(rules):
            col = np_.zeros(len(cards))
            for u, card in enumerate(cards):
                n = card.nodes.find(code)
                e = n.explanation if n is not None else None
                if n is None or e is None or e.appraised is not None:
                    continue
                if e.value is None or e.computed is None or not n.max_points:
                    continue
                try:
                    new = evaluate(alternative, e.value, n.max_points).points
                except InvalidRule as error:
                    problems.extend(
                        p.under(f"thresholds.{code}[{k}] ({card.unit_label()})")
                        for p in error.problems
                    )
                    break
                col[u] = float(new - n.points)
            deltas.append(col)
        found.setdefault(holder, []).append(np_.stack(deltas, axis=1))
    return found, problems


# --------------------------------------------------------------------------- the analysis


def _scheme(
    scheme: ClassificationScheme | str | None, cards: Sequence[Scorecard]
) -> ClassificationScheme | None:
    if isinstance(scheme, ClassificationScheme):
        return scheme
    key = scheme
    if key is None:
        first = cards[0].classification
        key = first.scheme if first is not None else None
    return None if key is None else scheme_named(key)


def sensitivity(
    scorecards: Sequence[Scorecard],
    *,
    draws: int = 1000,
    seed: int = 0,
    weight_spread: float | Decimal = 0.2,
    level: int = 1,
    thresholds: Mapping[str, Sequence[Choice]] | None = None,
    framework: Framework | None = None,
    scheme: ClassificationScheme | str | None = None,
    drop_one: bool = True,
    ties: Ties = "exact",
) -> SensitivityResult:
    """The sensitivity of the ranking of ``scorecards`` to weights and thresholds.

    Args:
        scorecards: scorecards of one framework (one per unit).
        draws: the number of Monte Carlo draws.
        seed: the seed of the draws (the same seed gives the same result).
        weight_spread: s: each weight is drawn uniformly in [1 − s, 1 + s] times its value
            (0.2: ±20 %), then all are rescaled to the framework's total.
        level: the depth of the criteria whose weights are drawn: 0 for domains (lĩnh vực),
            1 for criteria (tiêu chí), and so on; leaves above that depth count too.
        thresholds: rule choices by leaf code; each draw picks one per leaf and rescores
            the leaf from the value its explanation records. A choice is a threshold T for
            a leaf scored by a threshold curve (``{"3.3": [Decimal("0.4"),
            Decimal("0.5")]}``), a rule sentence (``"Từ 95% trở lên: 8 điểm; dưới 95%: 0
            điểm"``, for band thresholds) or a rule.
        framework: the framework, needed to read the rules when ``thresholds`` is given.
        scheme: the classification scheme (or its id); the scorecards' own when None.
        drop_one: also compute, for each unit, the criteria whose removal moves it most.
        ties: as :func:`~par_index.scoring.ranking.rank`: ``exact`` (units tie when their
            exact indices are equal) or ``reported`` (when their rounded indices are).

    Returns:
        Per ranked unit (in rank order): its rank, median rank, 5–95 % rank interval, the
        share of draws in each class and the criteria that move it most.

    Raises:
        InvalidScorecard: for no scorecards, scorecards of different frameworks, a spread
            outside [0, 1), fewer than one draw, a negative level, an unknown scheme, or
            rule choices that are not a leaf's, cannot be read, cannot score the leaf's
            values, or are thresholds outside (0, 1] or for a leaf without a threshold curve.
        MissingDependency: when numpy is not installed.
    """
    spread = float(weight_spread)
    cards = list(scorecards)
    _check(cards, level, draws, spread)
    np_ = require("numpy", "sensitivity")
    chosen = _scheme(scheme, cards)
    ranking = rank(cards, ties=ties)
    ranked = [r for r in ranking if r.rank is not None]
    unranked = tuple(r.scorecard.unit_label() for r in ranking if r.rank is None)
    order = [r.scorecard for r in ranked]
    tree = _tree(cards[0], level)
    model = _Model(np_, order, tree, level)
    extra, problems = _threshold_extra(np_, order, tree, framework, thresholds or {})
    if problems:
        raise InvalidScorecard(problems)
    reported = cards[0].places
    # Keys compare indices rounded as reported, or "exactly": to 7 decimals, far below the
    # gap between two different indices of real maxima and far above float error.
    places = reported if ties == "reported" else _EXACT_PLACES
    n_units, n_crit = len(order), len(model.criteria)
    rng = np_.random.default_rng(seed)
    rank_cols: list[Any] = []
    key_cols: list[Any] = []
    grades = chosen.grades if chosen is not None else ()
    mins = np_.array([int(g.min_index * 10**places) for g in grades], dtype=np_.int64)
    class_counts = np_.zeros((n_units, len(grades) + 1), dtype=np_.int64)
    threshold_nodes = sorted(extra)
    for start in range(0, draws, _CHUNK):
        size = min(_CHUNK, draws - start)
        factors = rng.uniform(1 - spread, 1 + spread, size=(size, n_crit))
        picks = [
            [rng.integers(0, d.shape[1], size=size) for d in extra[node]]
            for node in threshold_nodes
        ]
        w = model.weights(factors)
        model.extra = {
            node: sum(
                (d[:, p] for d, p in zip(extra[node], pick, strict=True)),
                start=np_.zeros((n_units, size)),
            )
            for node, pick in zip(threshold_nodes, picks, strict=True)
        }
        keys = _keys(np_, model.indices(w), places)
        rank_cols.append(_ranks(np_, keys))
        key_cols.append(keys)
        if len(grades):
            # grade position: the number of minimums above the key (0 = the best grade);
            # below every minimum: "unclassified", the last column.
            pos = (keys[:, :, None] < mins[None, None, :]).sum(axis=2)
            for g in range(len(grades) + 1):
                class_counts[:, g] += (pos == g).sum(axis=1)
    model.extra = {}
    ranks = np_.concatenate(rank_cols, axis=1)
    low, mid, high = np_.percentile(ranks, [5, 50, 95], axis=1, method="inverted_cdf")
    all_keys = np_.concatenate(key_cols, axis=1)
    k_low, k_mid, k_high = np_.percentile(all_keys, [5, 50, 95], axis=1, method="inverted_cdf")
    quantum = Decimal(1).scaleb(-places)

    def shown(key: Any) -> Decimal:
        return (Decimal(int(key)) * quantum).quantize(
            Decimal(1).scaleb(-reported), rounding=ROUND_HALF_UP
        )

    movers = _movers(np_, model, tree, order, places) if drop_one else [()] * n_units
    units = []
    for u, r in enumerate(ranked):
        card = r.scorecard
        assert r.rank is not None
        assert isinstance(card.index, Decimal)
        classes: list[ClassChance] = []
        for g, grade in enumerate(grades):
            classes.append(
                ClassChance(
                    grade.code, grade.label_vi, grade.label_en, _share(class_counts[u, g], draws)
                )
            )
        if len(grades) and class_counts[u, -1]:
            classes.append(
                ClassChance(
                    None, "Không xếp loại", "Unclassified", _share(class_counts[u, -1], draws)
                )
            )
        units.append(
            UnitSensitivity(
                unit=card.unit_label("vi"),
                unit_en=card.unit_label("en"),
                index=card.index,
                index_low=shown(k_low[u]),
                index_median=shown(k_mid[u]),
                index_high=shown(k_high[u]),
                rank=r.rank,
                median_rank=int(mid[u]),
                low=int(low[u]),
                high=int(high[u]),
                classes=tuple(classes),
                movers=movers[u],
            )
        )
    return SensitivityResult(
        framework_id=cards[0].framework_id,
        draws=draws,
        seed=seed,
        weight_spread=Decimal(str(weight_spread)),
        level=level,
        criteria=tuple(tree.codes[i] for i in model.criteria),
        thresholds=tuple(
            (k, tuple(_shown(c) for c in v)) for k, v in sorted((thresholds or {}).items())
        ),
        scheme=chosen.id if chosen is not None else None,
        units=tuple(units),
        unranked=unranked,
        ties=ties,
    )


def _shown(choice: Choice) -> str:
    if isinstance(choice, Decimal | str):
        return str(choice)
    return render_rule(choice)


def _share(count: Any, draws: int) -> Decimal:
    return (Decimal(int(count)) / Decimal(draws)).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def _movers(
    np_: Any, model: _Model, tree: _Tree, order: Sequence[Scorecard], places: int
) -> list[tuple[Mover, ...]]:
    """Per unit, up to three criteria whose removal moves its rank most."""
    n_crit = len(model.criteria)
    ones = np_.ones((1, n_crit))
    base = _ranks(np_, _keys(np_, model.indices(model.weights(ones)), places))[:, 0]
    factors = np_.ones((n_crit, n_crit)) - np_.eye(n_crit)
    dropped = _ranks(np_, _keys(np_, model.indices(model.weights(factors)), places))
    shifts = dropped - base[:, None]  # units × criteria
    out: list[tuple[Mover, ...]] = []
    for u in range(len(order)):
        row = shifts[u]
        best = sorted((j for j in range(n_crit) if row[j]), key=lambda j: (-abs(int(row[j])), j))
        movers = []
        for j in best[:3]:
            node = model.criteria[j]
            name, name_en = tree.names[node]
            movers.append(Mover(tree.codes[node], name, name_en, int(row[j])))
        out.append(tuple(movers))
    return out

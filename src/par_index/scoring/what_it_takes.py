"""What would it take to reach the next class: the fewest improvements that lift a unit's
index to the next grade's minimum, with the points each brings."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from par_index.frameworks.model import NodeRole
from par_index.scoring.classification import SCHEMES, ClassificationScheme, Grade
from par_index.scoring.improvements import Improvement, improvements
from par_index.scoring.scorecard import Scorecard, round_reported

__all__ = ["ClassTarget", "what_it_takes"]

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


@attrs.frozen
class ClassTarget:
    """The way to the next class.

    Attributes:
        grade: the class to reach (the next above the unit's; the lowest when unclassified).
        points_needed: the points to gain: the least total whose reported index reaches the
            grade's minimum, minus the points the unit has.
        steps: the fewest improvements that gain them, largest gain first; empty when even
            every improvement together falls short (then ``reachable`` is False).
        gained: the points the steps bring together.
        index_after: the index with the steps done.
        reachable: whether the steps reach the class.
    """

    grade: Grade
    points_needed: Decimal
    steps: tuple[Improvement, ...]
    gained: Decimal
    index_after: Decimal
    reachable: bool


def _next_grade(scheme: ClassificationScheme, index: Decimal) -> Grade | None:
    above = [g for g in scheme.grades if g.min_index > index]
    return above[-1] if above else None  # grades run highest first


def _total(card: Scorecard, gains: dict[str, Decimal]) -> Decimal:
    """The card's total points with ``gains`` added to leaves, every parent recombined as
    scoring does (ordinary children add up, bonuses add, deductions subtract, within
    [0, maximum])."""
    rows = card.nodes.rows
    # children of each node, from the depth-first order
    kids: list[list[int]] = [[] for _ in rows]
    top: list[int] = []
    stack: list[int] = []
    for i, r in enumerate(rows):
        while stack and rows[stack[-1]][3] >= r[3]:
            stack.pop()
        (kids[stack[-1]] if stack else top).append(i)
        stack.append(i)

    def value(i: int) -> tuple[Decimal, Decimal, bool]:
        r = rows[i]
        if not kids[i]:
            pts = r[6] + gains.get(r[0], _ZERO)
            return min(pts, r[7]), r[7], r[5] in ("not_applicable", "survey_not_run") and not r[7]
        return combine(kids[i])

    def combine(children: list[int]) -> tuple[Decimal, Decimal, bool]:
        got = cap = extra = _ZERO
        excluded = True
        for c in children:
            v, m, ex = value(c)
            role = NodeRole(rows[c][4])
            if role is NodeRole.NORMAL:
                got += v
                cap += m
                excluded = excluded and ex
            elif role is NodeRole.BONUS:
                extra += v
            else:
                extra -= v
        if excluded:
            return _ZERO, _ZERO, True
        return min(cap, max(_ZERO, got + extra)), cap, False

    return combine(top)[0]


def what_it_takes(
    card: Scorecard, *, scheme: ClassificationScheme | str | None = None
) -> ClassTarget | None:
    """The fewest improvements (from :func:`~par_index.scoring.improvements.improvements`)
    that lift ``card`` into the next class.

    The points needed are the least gain whose index, rounded as the scorecard reports it,
    reaches the next grade's minimum. The steps are the k largest gains for the smallest k
    that is enough (no set of fewer improvements can be); ties keep the improvement list's
    order. Every parent is recombined with its caps, so a gain lost to a cap is not counted.

    Args:
        card: the scorecard.
        scheme: the classification scheme (or its id); the scorecard's own when None.

    Returns:
        The target class and the steps, or None when the card has no index, no scheme, or
        is already in the highest class.

    Raises:
        KeyError: for an unknown scheme id.
    """
    if not isinstance(card.index, Decimal):
        return None
    if isinstance(scheme, ClassificationScheme):
        chosen: ClassificationScheme | None = scheme
    else:
        key = scheme or (card.classification.scheme if card.classification else None)
        chosen = SCHEMES[key] if key is not None else None
    if chosen is None:
        return None
    grade = _next_grade(chosen, card.index)
    if grade is None:
        return None
    cap = card.max_points

    def index_of(total: Decimal) -> Decimal:
        return round_reported(total / cap * _HUNDRED, card.places, card.rounding)

    # The least total whose reported index reaches the minimum: half a reported unit below
    # it when the rounding takes that up (ROUND_HALF_UP: 89.995 → 90.00), else the minimum.
    half = Decimal(1).scaleb(-card.places) / 2
    target = (grade.min_index - half) * cap / _HUNDRED
    if index_of(target) < grade.min_index:
        target = grade.min_index * cap / _HUNDRED
    needed = max(_ZERO, target - card.points)
    options = improvements(card)
    chosen_steps: list[Improvement] = []
    total = card.points
    for item in options:
        if index_of(total) >= grade.min_index:
            break
        chosen_steps.append(item)
        total = _total(card, {s.code: s.attainable for s in chosen_steps})
    reachable = index_of(total) >= grade.min_index
    steps = tuple(chosen_steps) if reachable else ()
    gained = sum((s.attainable for s in steps), _ZERO)
    after = _total(card, {s.code: s.attainable for s in steps}) if steps else card.points
    return ClassTarget(
        grade=grade,
        points_needed=needed,
        steps=steps,
        gained=gained,
        index_after=index_of(after),
        reachable=reachable,
    )

"""What a unit can still gain: the points lost per criterion and the next band."""

from __future__ import annotations

from decimal import Decimal

import attrs

from par_index.frameworks.model import (
    NodeRole,
)
from par_index.scoring.scorecard import NodeStatus, Scorecard

__all__ = [
    "Improvement",
    "improvements",
]

# --------------------------------------------------------------------------- improvements


@attrs.frozen
class Improvement:
    """Points a leaf could still gain.

    Attributes:
        code: the leaf's code.
        name: its Vietnamese name.
        name_en: its English gloss.
        points: the points it has.
        max_points: its maximum.
        attainable: maximum − points.
        status: scored or missing evidence.
        next_condition: what earns the next band (Vietnamese), if the rule has bands.
        next_condition_en: the same in English.
        next_points: what the next band earns.
    """

    code: str
    name: str
    name_en: str
    points: Decimal
    max_points: Decimal
    attainable: Decimal
    status: NodeStatus
    next_condition: str | None
    next_condition_en: str | None
    next_points: Decimal | None


def improvements(card: Scorecard) -> tuple[Improvement, ...]:
    """The ordinary leaves that can still gain points, most attainable points first (ties in
    table order). Missing evidence counts: providing it may recover the whole maximum."""
    found: list[tuple[Decimal, int, Improvement]] = []
    for order, n in enumerate(card.nodes):
        e = n.explanation
        if e is None or n.role is not NodeRole.NORMAL:
            continue
        if n.status not in (NodeStatus.SCORED, NodeStatus.MISSING_EVIDENCE):
            continue
        attainable = n.max_points - n.points
        if attainable <= 0:
            continue
        found.append(
            (
                -attainable,
                order,
                Improvement(
                    code=n.code,
                    name=n.name,
                    name_en=n.name_en,
                    points=n.points,
                    max_points=n.max_points,
                    attainable=attainable,
                    status=n.status,
                    next_condition=e.next_condition,
                    next_condition_en=e.next_condition_en,
                    next_points=e.next_points,
                ),
            )
        )
    found.sort(key=lambda t: (t[0], t[1]))
    return tuple(t[2] for t in found)

"""Ranking scorecards, ties sharing a rank (1, 2, 2, 4)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

import attrs

from par_index.scoring.scorecard import Scorecard

__all__ = [
    "Ranked",
    "rank",
]

# --------------------------------------------------------------------------- ranking


@attrs.frozen
class Ranked:
    """A scorecard's place in a ranking.

    Attributes:
        rank: 1 for the highest index; equal indices share a rank (1, 2, 2, 4); None for a
            scorecard with no index (everything not applicable), listed last.
        scorecard: the scorecard.
    """

    rank: int | None
    scorecard: Scorecard


def rank(
    scorecards: Iterable[Scorecard], *, by: Literal["index", "points"] = "index"
) -> tuple[Ranked, ...]:
    """Rank scorecards from the highest reported index (or total) down.

    Equal reported values share a rank and the next rank skips (1, 2, 2, 4), as published
    rankings do; scorecards without an index come last, unranked. Ties are listed in unit
    order.
    """
    cards = list(scorecards)

    def value(card: Scorecard) -> Decimal | None:
        if by == "points":
            return card.total
        return card.index if isinstance(card.index, Decimal) else None

    ranked = sorted(
        (c for c in cards if value(c) is not None),
        key=lambda c: (-value(c), c.unit_label()),  # type: ignore[operator]
    )
    out: list[Ranked] = []
    previous: Decimal | None = None
    current = 0
    for position, card in enumerate(ranked, start=1):
        v = value(card)
        if v != previous:
            current = position
            previous = v
        out.append(Ranked(current, card))
    out.extend(Ranked(None, c) for c in cards if value(c) is None)
    return tuple(out)

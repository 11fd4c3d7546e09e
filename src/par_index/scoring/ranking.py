"""Ranking scorecards, ties sharing a rank (1, 2, 2, 4).

Ties are defined on the **exact** index by default: two units tie when their points over
their maximum are the same fraction (points are kept exact; 60,5 / 72 and 121 / 144 tie).
``ties="reported"`` ties on the reported index instead, rounded as the scorecard reports it
(2 decimals, ROUND_HALF_UP by default), as a published ranking that prints 2 decimals does;
the Ministry of Home Affairs publishes PAR INDEX results with 2 decimals (Quảng Ninh 92,18 in
2023) and no official rounding or tie rule was found, so the choice is the caller's and the
output says which was used. Within a tie, units are listed by unit code, then by name.

Units ranked together must be comparable: :func:`check_rankable` refuses the same unit twice
for the same period and scorecards of different frameworks or framework versions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Final, Literal, TypeAlias

import attrs

from par_index.exceptions import Problem
from par_index.scoring.classification import InvalidScorecard
from par_index.scoring.scorecard import Scorecard

__all__ = [
    "TIES",
    "Ranked",
    "Ties",
    "check_rankable",
    "rank",
]

Ties: TypeAlias = Literal["exact", "reported"]
"""How ties are decided: on the exact index, or on the reported (rounded) one."""

TIES: Final[tuple[Ties, ...]] = ("exact", "reported")


@attrs.frozen
class Ranked:
    """A scorecard's place in a ranking.

    Attributes:
        rank: 1 for the highest index; tied units share a rank (1, 2, 2, 4); None for a
            scorecard with no index (everything not applicable), listed last.
        scorecard: the scorecard.
    """

    rank: int | None
    scorecard: Scorecard


def _value(
    card: Scorecard, by: Literal["index", "points"], ties: Ties
) -> Fraction | Decimal | None:
    if by == "points":
        return Fraction(card.points) if ties == "exact" else card.total
    if not isinstance(card.index, Decimal):
        return None
    if ties == "exact":
        return Fraction(card.points) / Fraction(card.max_points)
    return card.index


def rank(
    scorecards: Iterable[Scorecard],
    *,
    by: Literal["index", "points"] = "index",
    ties: Ties = "exact",
) -> tuple[Ranked, ...]:
    """Rank scorecards from the highest index (or total points) down.

    Args:
        scorecards: the scorecards.
        by: rank by index (the default) or total points.
        ties: ``exact`` (points / maximum compared exactly) or ``reported`` (the rounded
            index or total as the scorecard reports it).

    Returns:
        The ranked scorecards: tied units share a rank and the next rank skips (1, 2, 2, 4),
        as published rankings do; within a tie by unit code, then name; scorecards without
        an index come last, unranked.
    """
    cards = list(scorecards)
    valued = [(c, _value(c, by, ties)) for c in cards]
    ranked = sorted(
        ((c, v) for c, v in valued if v is not None),
        key=lambda cv: (
            -cv[1],
            cv[0].unit.code or "" if cv[0].unit is not None else "",
            cv[0].unit_label(),
        ),
    )
    out: list[Ranked] = []
    previous: Fraction | Decimal | None = None
    current = 0
    for position, (card, v) in enumerate(ranked, start=1):
        if v != previous:
            current = position
            previous = v
        out.append(Ranked(current, card))
    out.extend(Ranked(None, c) for c, v in valued if v is None)
    return tuple(out)


def _unit_key(card: Scorecard) -> str:
    u = card.unit
    if u is None:
        return "—"
    return u.code if u.code is not None else f"{u.level.value} {u.name}"


def check_rankable(scorecards: Sequence[Scorecard], sources: Sequence[str] = ()) -> None:
    """Refuse scorecards that cannot be ranked together.

    Args:
        scorecards: the scorecards.
        sources: where each came from (a file name), for the messages; positions otherwise.

    Raises:
        InvalidScorecard: listing every scorecard of another framework or version than the
            first one's, and every unit that appears twice for the same period (naming both
            sources).
    """
    names = list(sources) + [f"scorecards[{i}]" for i in range(len(sources), len(scorecards))]
    problems: list[Problem] = []
    if scorecards:
        first = scorecards[0]
        for card, name in zip(scorecards[1:], names[1:], strict=False):
            if (card.framework_id, card.framework_version) != (
                first.framework_id,
                first.framework_version,
            ):
                problems.append(
                    Problem(
                        name,
                        "mixed-frameworks",
                        f"a scorecard of {first.framework_id} {first.framework_version} "
                        f"(as {names[0]})",
                        f"{card.framework_id} {card.framework_version}",
                    )
                )
    seen: dict[tuple[str, str], str] = {}
    for card, name in zip(scorecards, names, strict=False):
        key = (_unit_key(card), str(card.period) if card.period is not None else "")
        if key in seen:
            problems.append(
                Problem(
                    name,
                    "duplicate-unit",
                    f"each unit once per period (already in {seen[key]})",
                    card.unit_label(),
                )
            )
        else:
            seen[key] = name
    if problems:
        raise InvalidScorecard(problems)

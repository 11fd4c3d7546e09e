"""Two scorecards side by side (year over year)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from par_index.exceptions import Problem
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable
from par_index.scoring.classification import InvalidScorecard
from par_index.scoring.scorecard import Scorecard

__all__ = [
    "Comparison",
    "NodeChange",
    "compare",
]

# --------------------------------------------------------------------------- comparing


@attrs.frozen
class NodeChange:
    """One node in two scorecards.

    Attributes:
        code: the node's code.
        name: its Vietnamese name (from the later scorecard when it has the node).
        before: points in the earlier scorecard, None when absent there.
        after: points in the later one, None when absent there.
        change: after − before, None when either is absent.
        before_index: index in the earlier scorecard.
        after_index: index in the later one.
    """

    code: str
    name: str
    before: Decimal | None
    after: Decimal | None
    change: Decimal | None
    before_index: Decimal | NotApplicable | None
    after_index: Decimal | NotApplicable | None


@attrs.frozen
class Comparison:
    """Two scorecards of the same framework side by side (year over year).

    Attributes:
        framework_id: the framework both were scored under.
        before_version: the earlier scorecard's framework version.
        after_version: the later one's.
        before_period: the earlier period.
        after_period: the later period.
        points_change: the change of the total points.
        index_change: the change of the index, NOT_APPLICABLE when either has none.
        before_class: the earlier class label.
        after_class: the later class label.
        nodes: every node of either, in the later scorecard's order.
    """

    framework_id: str
    before_version: str
    after_version: str
    before_period: ReportingPeriod | None
    after_period: ReportingPeriod | None
    points_change: Decimal
    index_change: Decimal | NotApplicable
    before_class: str | None
    after_class: str | None
    nodes: tuple[NodeChange, ...]


def compare(before: Scorecard, after: Scorecard) -> Comparison:
    """``after`` against ``before``, node by node (matched by code).

    Raises:
        InvalidScorecard: when the two were scored under different frameworks.
    """
    if before.framework_id != after.framework_id:
        raise InvalidScorecard(
            [
                Problem(
                    "framework_id",
                    "different-frameworks",
                    f"a scorecard of the same framework ({before.framework_id})",
                    after.framework_id,
                )
            ]
        )
    old = {n.code: n for n in before.nodes}
    codes = [n.code for n in after.nodes] + [
        n.code for n in before.nodes if n.code not in {m.code for m in after.nodes}
    ]
    new = {n.code: n for n in after.nodes}
    rows = []
    for code in codes:
        b, a = old.get(code), new.get(code)
        rows.append(
            NodeChange(
                code=code,
                name=(a or b).name,  # type: ignore[union-attr]
                before=b.points if b else None,
                after=a.points if a else None,
                change=(a.points - b.points) if a and b else None,
                before_index=b.index if b else None,
                after_index=a.index if a else None,
            )
        )
    index_change: Decimal | NotApplicable = NOT_APPLICABLE
    if isinstance(before.index, Decimal) and isinstance(after.index, Decimal):
        index_change = after.index - before.index
    return Comparison(
        framework_id=after.framework_id,
        before_version=before.framework_version,
        after_version=after.framework_version,
        before_period=before.period,
        after_period=after.period,
        points_change=after.points - before.points,
        index_change=index_change,
        before_class=before.classification.label_vi if before.classification else None,
        after_class=after.classification.label_vi if after.classification else None,
        nodes=tuple(rows),
    )

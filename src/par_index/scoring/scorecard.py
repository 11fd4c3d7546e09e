"""The immutable, explained result of scoring: :class:`Scorecard` and its node scores."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Final, TypeAlias, overload

import attrs

from par_index.core.decimals import library_context
from par_index.core.lang import Lang
from par_index.exceptions import Problem
from par_index.frameworks.measures import MeasureValue
from par_index.frameworks.model import (
    NodeRole,
    Provenance,
)
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable, Rounding
from par_index.model.units import AdministrativeUnit
from par_index.scoring.classification import Classification, InvalidScorecard

__all__ = [
    "MAX_PLACES",
    "Explanation",
    "NodeScore",
    "NodeScores",
    "NodeStatus",
    "Scorecard",
    "round_reported",
]

# --------------------------------------------------------------------------- the scorecard


class NodeStatus(enum.StrEnum):
    """How a node was scored."""

    SCORED = "scored"
    NOT_APPLICABLE = "not_applicable"  # không áp dụng
    MISSING_EVIDENCE = "missing_evidence"  # thiếu tài liệu kiểm chứng
    SURVEY_NOT_RUN = "survey_not_run"  # không tổ chức điều tra xã hội học

    @property
    def label_vi(self) -> str:
        """The Vietnamese words for the status."""
        return _STATUS_VI[self]


_STATUS_VI: Final = {
    NodeStatus.SCORED: "đã chấm",
    NodeStatus.NOT_APPLICABLE: "không áp dụng",
    NodeStatus.MISSING_EVIDENCE: "thiếu tài liệu kiểm chứng",
    NodeStatus.SURVEY_NOT_RUN: "không điều tra xã hội học",
}


@attrs.frozen
class Explanation:
    """Why a leaf earned its points.

    Attributes:
        rule_text: the rule as the table prints it.
        measure: the measure read, None for survey and manual rules.
        value: the value read (the survey mean, the assessor's points), None when missing.
        source: where the value came from.
        matched: the band or choice the value fell in, as the table words it.
        matched_en: the same in English.
        computed: the points the rule gave, None when nothing was computed.
        appraised: the points an appraisal round gave instead, if any.
        points_lost: maximum − points (0 for an excluded node).
        next_condition: what the value must reach for more points ("từ 98% trở lên").
        next_condition_en: the same in English.
        next_points: what that would earn.
        note: a remark (why the leaf is missing or not applicable).
    """

    rule_text: str
    measure: str | None
    value: MeasureValue | None
    source: str
    matched: str | None
    matched_en: str | None
    computed: Decimal | None
    appraised: Decimal | None
    points_lost: Decimal
    next_condition: str | None
    next_condition_en: str | None
    next_points: Decimal | None
    note: str = ""


@attrs.frozen
class NodeScore:
    """The score of one node.

    Attributes:
        code: the node's code.
        name: its Vietnamese name.
        name_en: its English gloss.
        depth: 0 for a top-level node.
        role: ordinary, bonus or deduction (a deduction's points are taken away).
        status: scored, not applicable, missing evidence or survey not run.
        points: the points achieved, exact, within [0, max_points].
        max_points: the maximum after not-applicable exclusions (a bonus's cap).
        declared_max: the maximum the framework gives.
        index: points / max_points × 100, rounded; NOT_APPLICABLE when nothing is left.
        complete: whether every leaf below had its evidence.
        provenance: verified or provisional.
        explanation: for a leaf, why it earned its points.
    """

    code: str
    name: str
    name_en: str
    depth: int
    role: NodeRole
    status: NodeStatus
    points: Decimal
    max_points: Decimal
    declared_max: Decimal
    index: Decimal | NotApplicable
    complete: bool
    provenance: Provenance
    explanation: Explanation | None = None

    @property
    def is_leaf(self) -> bool:
        """Whether the node is a leaf."""
        return self.explanation is not None


_Row: TypeAlias = tuple[
    str,
    str,
    str,
    int,
    str,
    str,
    Decimal,
    Decimal,
    Decimal,
    Decimal | None,
    bool,
    str,
    tuple[Any, ...] | None,
]


def _node_of(row: _Row) -> NodeScore:
    expl = row[12]
    return NodeScore(
        row[0],
        row[1],
        row[2],
        row[3],
        NodeRole(row[4]),
        NodeStatus(row[5]),
        row[6],
        row[7],
        row[8],
        NOT_APPLICABLE if row[9] is None else row[9],
        row[10],
        Provenance(row[11]),
        None if expl is None else Explanation(*expl),
    )


def _row_of(n: NodeScore) -> _Row:
    e = n.explanation
    return (
        n.code,
        n.name,
        n.name_en,
        n.depth,
        n.role.value,
        n.status.value,
        n.points,
        n.max_points,
        n.declared_max,
        None if isinstance(n.index, NotApplicable) else n.index,
        n.complete,
        n.provenance.value,
        None if e is None else attrs.astuple(e, recurse=False),
    )


@attrs.frozen
class NodeScores(Sequence[NodeScore]):
    """Every node's score in table order: a sequence of :class:`NodeScore`.

    Stored compactly (plain tuples) and built into :class:`NodeScore` values on access, so
    that the scorecards of a whole country stay cheap to hold and rank.
    """

    rows: tuple[_Row, ...]

    @classmethod
    def of(cls, nodes: Iterable[NodeScore]) -> NodeScores:
        """The sequence holding ``nodes``."""
        return cls(tuple(_row_of(n) for n in nodes))

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> NodeScore: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[NodeScore, ...]: ...

    def __getitem__(self, i: int | slice) -> NodeScore | tuple[NodeScore, ...]:
        if isinstance(i, slice):
            return tuple(_node_of(r) for r in self.rows[i])
        return _node_of(self.rows[i])

    def __iter__(self) -> Iterator[NodeScore]:
        return (_node_of(r) for r in self.rows)

    def find(self, code: str) -> NodeScore | None:
        """The score of node ``code``, or None."""
        for r in self.rows:
            if r[0] == code:
                return _node_of(r)
        return None


def _whole(value: object) -> bool:
    """An ``int`` that is not a ``bool`` (a field typed ``int`` may hold anything at run time)."""
    return isinstance(value, int) and not isinstance(value, bool)


#: The most decimals a scorecard reports (indices and points are read to 2).
MAX_PLACES: Final = 10


@attrs.frozen
class Scorecard:
    """The result of scoring one unit for one period under one framework.

    Attributes:
        framework_id: the framework's id.
        framework_version: its version.
        framework_name: its Vietnamese name.
        illustrative: whether the framework is an illustration, not an official table.
        unit: the unit scored, if known.
        period: the period, if known.
        nodes: every node in table order (depth first), as a sequence of
            :class:`NodeScore`.
        points: the total achieved, exact.
        max_points: the maximum after not-applicable exclusions (and the survey, when none
            was run).
        declared_max: the framework's total.
        index: points / max_points × 100, rounded: the unit's score out of 100.
        survey_run: whether a survey was run.
        rescaled: whether the survey's points left the maximum (no survey run) so that the
            index rescales the appraised points to 100.
        complete: whether every leaf had its evidence.
        missing: the codes of the leaves without evidence.
        classification: the class under the scheme used, if any.
        places: the decimals of reported values.
        rounding: the rounding of reported values.
        framework_name_en: the framework's English name, empty when it has none.
    """

    framework_id: str
    framework_version: str
    framework_name: str
    illustrative: bool
    unit: AdministrativeUnit | None
    period: ReportingPeriod | None
    nodes: NodeScores
    points: Decimal
    max_points: Decimal
    declared_max: Decimal
    index: Decimal | NotApplicable
    survey_run: bool
    rescaled: bool
    complete: bool
    missing: tuple[str, ...]
    classification: Classification | None
    places: int = 2
    rounding: Rounding = "ROUND_HALF_UP"
    framework_name_en: str = ""

    def __attrs_post_init__(self) -> None:
        places = self.places
        if not _whole(places) or not 0 <= places <= MAX_PLACES:
            raise InvalidScorecard(
                [
                    Problem(
                        "places",
                        "out-of-range",
                        f"a whole number of decimals from 0 to {MAX_PLACES}",
                        repr(places),
                    )
                ]
            )

    def node(self, code: str) -> NodeScore:
        """The score of node ``code``.

        Raises:
            KeyError: when there is none.
        """
        found = self.nodes.find(code)
        if found is None:
            raise KeyError(code)
        return found

    @property
    def total(self) -> Decimal:
        """The points achieved, rounded as reported."""
        return round_reported(self.points, self.places, self.rounding)

    def unit_label(self, lang: Lang = "vi") -> str:
        """The unit's name, or "—"."""
        return self.unit.label(lang) if self.unit is not None else "—"


def round_reported(value: Decimal, places: int, rounding: Rounding) -> Decimal:
    """``value`` rounded to ``places`` decimals, in the library's context."""
    with library_context():
        return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)

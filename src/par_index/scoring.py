"""Scoring: ``score(framework, evidence)`` → an immutable, explained :class:`Scorecard`.

The method is the PAR INDEX's (domain.md §2):

* every leaf earns the points its rule gives for the measure it reads; an appraisal round
  for the criterion, when there is one, gives the points instead (the appraiser "accepts or
  adjusts each score");
* an inner node earns the sum of its children's points, plus bonus and minus deduction
  points, within [0, its maximum];
* a not-applicable node leaves the maximum ("its points leave the maximum, and the index is
  still achieved / max × 100"), unless its policy gives it full points;
* when no survey is run, the survey component leaves the maximum and the appraised points
  alone are rescaled to 100 (Hà Nội 2940/QĐ-UBND 2022): the index is points / remaining
  maximum × 100;
* a measure the evidence lacks is never guessed: the leaf earns 0, keeps its maximum, is
  flagged "missing evidence", and the scorecard says it is incomplete;
* index (%) = points / maximum × 100 for every node; reported values are rounded, by
  default ROUND_HALF_UP to 2 decimals (published values carry 2 decimals and no official
  rounding rule was found); points are kept exact.

Classification schemes are data (:data:`SCHEMES`): the national groups A/B/C and Quảng Trị
3009/QĐ-UBND (2017) Tốt/Khá/Trung bình/Yếu. :func:`rank` ranks scorecards with ties sharing
a rank, :func:`improvements` lists what can still be gained, :func:`compare` sets two
scorecards side by side.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final, Literal, TypeAlias, overload

import attrs
import cattrs

from par_index._format import Lang
from par_index.evidence import Evidence, InvalidEvidence
from par_index.exceptions import InvalidValueError, Problem
from par_index.frameworks.loader import configure_framework_converter
from par_index.frameworks.measures import MeasureValue
from par_index.frameworks.model import (
    Criterion,
    Framework,
    NodeRole,
    NotApplicablePolicy,
    Provenance,
)
from par_index.frameworks.rules import (
    BandsRule,
    BooleanRule,
    CategoricalRule,
    InvalidRule,
    ManualRule,
    ProportionalRule,
    SurveyRule,
    ThresholdRule,
    _evaluate,
    _Result,
    next_up,
    table_points,
)
from par_index.frameworks.text import (
    describe_band,
    describe_choice,
    format_percent,
    render_rule,
)
from par_index.periods import ReportingPeriod
from par_index.ratios import NOT_APPLICABLE, NotApplicable, Rounding
from par_index.units import AdministrativeUnit

__all__ = [
    "NATIONAL",
    "QUANG_TRI_3009",
    "SCHEMES",
    "Classification",
    "ClassificationScheme",
    "Comparison",
    "Explanation",
    "Grade",
    "Improvement",
    "InvalidScorecard",
    "NodeChange",
    "NodeScore",
    "NodeScores",
    "NodeStatus",
    "Ranked",
    "Scorecard",
    "compare",
    "configure_scoring_converter",
    "improvements",
    "rank",
    "score",
]

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


class InvalidScorecard(InvalidValueError):
    """Scorecards (phiếu chấm điểm) that cannot be compared or a scheme that does not exist."""

    term = "phiếu chấm điểm"
    what = "scorecard"


# --------------------------------------------------------------------------- classification


@attrs.frozen
class Grade:
    """One class of a scheme: an index at or above ``min_index`` (and below the next)."""

    code: str
    label_vi: str
    label_en: str
    min_index: Decimal


@attrs.frozen
class ClassificationScheme:
    """A classification of indices into grades, highest first.

    Attributes:
        id: a stable identifier.
        name_vi: the Vietnamese name.
        name_en: an English name.
        source: the decision or publication it comes from.
        grades: the grades, highest minimum first; an index below the last is unclassified.

    Raises:
        InvalidScorecard: for grades out of order.
    """

    id: str
    name_vi: str
    name_en: str
    source: str
    grades: tuple[Grade, ...]

    def __attrs_post_init__(self) -> None:
        mins = [g.min_index for g in self.grades]
        if not self.grades or mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise InvalidScorecard(
                [Problem("grades", "grade-order", "grades with falling minimums", repr(mins))]
            )

    def classify(self, index: Decimal) -> Grade | None:
        """The grade of ``index`` (a percentage), or None below every grade."""
        for g in self.grades:
            if index >= g.min_index:
                return g
        return None


# National PAR INDEX groups, as the Ministry of Home Affairs publishes them (domain.md §2):
# A ≥ 90%, B 80 to < 90%, C 70 to < 80%.
NATIONAL: Final = ClassificationScheme(
    "national",
    "Nhóm xếp hạng Chỉ số CCHC (Bộ Nội vụ)",
    "National PAR INDEX groups (Ministry of Home Affairs)",
    "Bộ Nội vụ, kết quả Chỉ số CCHC hằng năm: nhóm A từ 90%, B từ 80% đến dưới 90%, "
    "C từ 70% đến dưới 80% (domain.md §2)",
    (
        Grade("A", "Nhóm A", "Group A", Decimal(90)),
        Grade("B", "Nhóm B", "Group B", Decimal(80)),
        Grade("C", "Nhóm C", "Group C", Decimal(70)),
    ),
)

# Quảng Trị 3009/QĐ-UBND (2017) for departments, districts and communes (domain.md §2):
# Tốt ≥ 80%, Khá 70 to < 80%, Trung bình 60 to < 70%, Yếu < 60%.
QUANG_TRI_3009: Final = ClassificationScheme(
    "quang-tri-3009-2017",
    "Xếp loại theo QĐ 3009/QĐ-UBND tỉnh Quảng Trị (2017)",
    "Quảng Trị 3009/QĐ-UBND (2017) classes",
    "Quyết định 3009/QĐ-UBND năm 2017 của UBND tỉnh Quảng Trị: Tốt từ 80%, Khá từ 70% đến "
    "dưới 80%, Trung bình từ 60% đến dưới 70%, Yếu dưới 60% (domain.md §2)",
    (
        Grade("tot", "Tốt", "Good", Decimal(80)),
        Grade("kha", "Khá", "Fair", Decimal(70)),
        Grade("trung_binh", "Trung bình", "Average", Decimal(60)),
        Grade("yeu", "Yếu", "Weak", Decimal(0)),
    ),
)

SCHEMES: Final[Mapping[str, ClassificationScheme]] = MappingProxyType(
    {s.id: s for s in (NATIONAL, QUANG_TRI_3009)}
)
"""The bundled classification schemes, by id."""


@attrs.frozen
class Classification:
    """The class a scorecard falls in under a scheme.

    Attributes:
        scheme: the scheme's id.
        code: the grade's code, None when the index is below every grade.
        label_vi: the grade's Vietnamese label ("Tốt", "Nhóm A", "Không xếp loại").
        label_en: its English label.
    """

    scheme: str
    code: str | None
    label_vi: str
    label_en: str

    def label(self, lang: Lang = "vi") -> str:
        """The label in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en


def _resolve_scheme(
    scheme: ClassificationScheme | str | None, framework: Framework
) -> ClassificationScheme | None:
    if isinstance(scheme, ClassificationScheme):
        return scheme
    key = scheme if scheme is not None else framework.classification
    if key is None:
        return None
    found = SCHEMES.get(key)
    if found is None:
        raise InvalidScorecard(
            [Problem("scheme", "unknown-scheme", "one of " + ", ".join(SCHEMES), repr(key))]
        )
    return found


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
        return _round(self.points, self.places, self.rounding)

    def unit_label(self, lang: Lang = "vi") -> str:
        """The unit's name, or "—"."""
        return self.unit.label(lang) if self.unit is not None else "—"


def _round(value: Decimal, places: int, rounding: Rounding) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding)


# --------------------------------------------------------------------------- compiling


class _Node:
    """A node of a framework, flattened for scoring (built once per framework)."""

    __slots__ = (
        "ancestors",
        "children",
        "choices_en",
        "choices_vi",
        "code",
        "crit",
        "depth",
        "index",
        "max",
        "measure",
        "next_of",
        "policy",
        "role",
        "rule",
        "rule_text",
        "survey",
    )

    def __init__(self, crit: Criterion, index: int, depth: int, ancestors: tuple[str, ...]) -> None:
        self.crit = crit
        self.index = index
        self.depth = depth
        self.code = crit.code
        self.ancestors = ancestors
        self.children: tuple[int, ...] = ()
        self.rule = crit.rule
        self.measure = crit.measure
        self.max = crit.max_points
        self.role = crit.role
        self.policy = crit.not_applicable
        self.survey = False
        # For each band or choice, the next one up and its points.
        points = table_points(crit.rule, crit.max_points) if crit.rule is not None else ()
        self.next_of = tuple(next_up(points, p) for p in points)
        self.rule_text = render_rule(crit.rule) if crit.rule is not None else ""
        rule = crit.rule
        # The words of every band or choice, once per framework.
        self.choices_vi: tuple[str, ...] = ()
        self.choices_en: tuple[str, ...] = ()
        if isinstance(rule, BandsRule):
            self.choices_vi = tuple(describe_band(rule, i, "vi") for i in range(len(rule.bands)))
            self.choices_en = tuple(describe_band(rule, i, "en") for i in range(len(rule.bands)))
        elif isinstance(rule, CategoricalRule):
            n = len(rule.choices)
            self.choices_vi = tuple(describe_choice(rule, i, "vi") for i in range(n))
            self.choices_en = tuple(describe_choice(rule, i, "en") for i in range(n))
        elif isinstance(rule, BooleanRule):
            self.choices_vi = (describe_choice(rule, 0, "vi"), describe_choice(rule, 1, "vi"))
            self.choices_en = (describe_choice(rule, 0, "en"), describe_choice(rule, 1, "en"))


@attrs.frozen
class _Plan:
    nodes: tuple[_Node, ...]
    top: tuple[int, ...]
    leaves: tuple[int, ...]
    inner: tuple[int, ...]  # inner nodes, deepest first (children before parents)


def _compile(fw: Framework) -> _Plan:
    cached = fw._compiled
    if isinstance(cached, _Plan):
        return cached
    nodes: list[_Node] = []
    surveys = {comp.id for comp in fw.components if comp.survey}
    default = fw.components[0].id if len(fw.components) == 1 else None

    def add(crit: Criterion, depth: int, ancestors: tuple[str, ...], comp: str | None) -> int:
        comp = crit.component if crit.component is not None else comp
        node = _Node(crit, len(nodes), depth, ancestors)
        node.survey = comp in surveys
        nodes.append(node)
        node.children = tuple(
            add(ch, depth + 1, (*ancestors, crit.code), comp) for ch in crit.children
        )
        return node.index

    top = tuple(add(c, 0, (), default) for c in fw.criteria)
    leaves = tuple(n.index for n in nodes if not n.children)
    inner = tuple(sorted((n.index for n in nodes if n.children), key=lambda i: -nodes[i].depth))
    plan = _Plan(tuple(nodes), top, leaves, inner)
    object.__setattr__(fw, "_compiled", plan)
    return plan


# --------------------------------------------------------------------------- scoring


def _percent(points: Decimal, maximum: Decimal, places: int, rounding: Rounding) -> Decimal:
    return _round(points / maximum * _HUNDRED, places, rounding)


def _scope_problems(fw: Framework, evidence: Evidence) -> list[Problem]:
    problems: list[Problem] = []
    unit, period = evidence.unit, evidence.period
    if unit is not None and fw.unit_levels and unit.level not in fw.unit_levels:
        problems.append(
            Problem(
                "unit",
                "framework-scope",
                "a unit of a level the framework scores: "
                + ", ".join(lv.value for lv in fw.unit_levels),
                unit.label(),
            )
        )
    if period is not None:
        year = period.year
        first, last = fw.first_year, fw.last_year
        if (first is not None and year < first) or (last is not None and year > last):
            problems.append(
                Problem(
                    "period",
                    "framework-scope",
                    f"a period in the framework's years ({fw.years_label()})",
                    str(period),
                )
            )
    return problems


def score(
    framework: Framework,
    evidence: Evidence,
    *,
    scheme: ClassificationScheme | str | None = None,
    places: int = 2,
    rounding: Rounding = "ROUND_HALF_UP",
    check_scope: bool = True,
) -> Scorecard:
    """Score ``evidence`` under ``framework``.

    Args:
        framework: the framework.
        evidence: the unit's evidence for the period.
        scheme: the classification scheme (or its id); the framework's default when None.
        places: the decimals of reported values (indices, rounded totals).
        rounding: the rounding of reported values.
        check_scope: refuse a unit level or a year the framework does not cover.

    Returns:
        The scorecard: every node's points, maximum after exclusions and index, the
        total, index and class, and for every leaf the explanation.

    Raises:
        InvalidEvidence: listing every measure or score of the wrong kind or out of range,
            and (with ``check_scope``) a unit or period outside the framework's scope.
        InvalidScorecard: for an unknown scheme id.
    """
    plan = _compile(framework)
    chosen = _resolve_scheme(scheme, framework)
    problems = _scope_problems(framework, evidence) if check_scope else []
    assessment = evidence.assessment
    na_codes = frozenset(assessment.not_applicable)
    survey_run = assessment.survey_run
    has_assessment = bool(assessment.criteria)
    nodes = plan.nodes
    n = len(nodes)
    points: list[Decimal] = [_ZERO] * n
    maxes: list[Decimal] = [_ZERO] * n
    status: list[NodeStatus] = [NodeStatus.SCORED] * n
    complete: list[bool] = [True] * n
    excluded: list[bool] = [False] * n
    explanations: list[_ExplanationRow | None] = [None] * n
    missing: list[str] = []
    for i in plan.leaves:
        node = nodes[i]
        got = _score_leaf(node, evidence, na_codes, survey_run, has_assessment, problems)
        points[i], maxes[i], status[i], excluded[i], explanations[i] = got
        if status[i] is NodeStatus.MISSING_EVIDENCE:
            complete[i] = False
            missing.append(node.code)
    for i in plan.inner:
        _aggregate(nodes[i].children, nodes, points, maxes, excluded, complete, status, i)
    if problems:
        raise InvalidEvidence(problems)
    total, total_max, all_excluded = _combine(plan.top, nodes, points, maxes, excluded)
    index: Decimal | NotApplicable = NOT_APPLICABLE
    classification: Classification | None = None
    if not all_excluded and total_max > 0:
        index = _percent(total, total_max, places, rounding)
        if chosen is not None:
            grade = chosen.classify(index)
            classification = (
                Classification(chosen.id, grade.code, grade.label_vi, grade.label_en)
                if grade is not None
                else Classification(chosen.id, None, "Không xếp loại", "Unclassified")
            )
    quantum = Decimal(1).scaleb(-places)
    hundred = _HUNDRED
    full, none = hundred.quantize(quantum), _ZERO.quantize(quantum)
    # Plain tuples of texts and numbers: compact, and untracked by the garbage collector
    # once they have survived a collection (a country's scorecards stay cheap to hold).
    rows = tuple(
        (
            node.code,
            node.crit.name,
            node.crit.name_en,
            node.depth,
            node.role.value,
            status[i].value,
            points[i],
            maxes[i],
            node.max,
            (
                None
                if not maxes[i]
                else full
                if points[i] == maxes[i]
                else none
                if not points[i]
                else (points[i] / maxes[i] * hundred).quantize(quantum, rounding=rounding)
            ),
            complete[i],
            node.crit.provenance.value,
            explanations[i],
        )
        for i, node in enumerate(nodes)
    )
    has_survey = framework.has_survey
    return Scorecard(
        framework_id=framework.id,
        framework_version=framework.version,
        framework_name=framework.name,
        framework_name_en=framework.name_en or "",
        illustrative=framework.illustrative,
        unit=evidence.unit,
        period=evidence.period,
        nodes=NodeScores(rows),
        points=total,
        max_points=total_max,
        declared_max=framework.max_points,
        index=index,
        survey_run=survey_run,
        rescaled=has_survey and not survey_run,
        complete=not missing,
        missing=tuple(missing),
        classification=classification,
        places=places,
        rounding=rounding,
    )


_ExplanationRow: TypeAlias = tuple[
    str,
    str | None,
    MeasureValue | None,
    str,
    str | None,
    str | None,
    Decimal | None,
    Decimal | None,
    Decimal,
    str | None,
    str | None,
    Decimal | None,
    str,
]
_LeafResult: TypeAlias = tuple[Decimal, Decimal, NodeStatus, bool, _ExplanationRow]


def _score_leaf(
    node: _Node,
    evidence: Evidence,
    na_codes: frozenset[str],
    survey_run: bool,
    has_assessment: bool,
    problems: list[Problem],
) -> _LeafResult:
    rule = node.rule
    assert rule is not None
    cap = node.max
    if na_codes and (node.code in na_codes or not na_codes.isdisjoint(node.ancestors)):
        return _not_applicable(node, None, "đánh dấu không áp dụng khi thẩm định")
    if node.survey and not survey_run:
        expl = _explain(
            node, None, "", None, None, None, _ZERO, "không tổ chức điều tra xã hội học"
        )
        return _ZERO, _ZERO, NodeStatus.SURVEY_NOT_RUN, True, expl
    assessed = evidence.assessment.for_code(node.code) if has_assessment else None
    value: object
    if isinstance(rule, ManualRule):
        if assessed is not None and assessed.rounds:
            last = assessed.rounds[-1]
            value = last.score
            source = f"thẩm định vòng {last.round}" + (f": {last.comment}" if last.comment else "")
        elif assessed is not None and assessed.self_score is not None:
            value = assessed.self_score
            source = "tự chấm (chưa thẩm định)"
        else:
            return _missing(node, "chưa có điểm tự chấm hoặc thẩm định")
    elif isinstance(rule, SurveyRule):
        result = evidence.assessment.survey_result(node.code)
        if result is None:
            return _missing(node, "chưa có kết quả điều tra xã hội học cho tiêu chí")
        value = result.mean
        source = f"điều tra xã hội học, {result.respondents} phiếu"
    else:
        assert node.measure is not None
        found = evidence.get(node.measure)
        if found is None:
            return _missing(node, f"chưa có số liệu {node.measure}")
        if found.value is NOT_APPLICABLE:
            return _not_applicable(node, found.source, "không phát sinh trong kỳ")
        value = found.value
        source = found.source
    try:
        outcome = _evaluate(rule, value, cap)
    except InvalidRule as error:
        where = node.measure or f"criterion {node.code}"
        problems.extend(
            Problem(f"{node.code}: {where}", p.code, p.expected, p.found) for p in error.problems
        )
        outcome = (_ZERO, None, None, None)
    got = outcome[0]
    appraised: Decimal | None = None
    if assessed is not None and assessed.rounds and not isinstance(rule, ManualRule):
        appraised = assessed.rounds[-1].score
        if appraised > cap:
            problems.append(
                Problem(
                    f"{node.code}: assessment",
                    "score-above-max",
                    f"an appraised score within the maximum {cap}",
                    str(appraised),
                )
            )
            appraised = cap
        got = appraised
    # A bonus or deduction not earned is no loss: only ordinary criteria lose points.
    lost = cap - got if node.role is NodeRole.NORMAL else _ZERO
    expl = _explain(node, value, source, outcome, got, appraised, lost, "")
    return got, cap, NodeStatus.SCORED, False, expl


def _explain(
    node: _Node,
    value: MeasureValue | None,
    source: str,
    outcome: _Result | None,
    got: Decimal | None,
    appraised: Decimal | None,
    lost: Decimal,
    note: str,
) -> _ExplanationRow:
    matched = matched_en = next_vi = next_en = None
    next_points: Decimal | None = None
    if outcome is not None:
        _, hit, more, target = outcome
        if hit is not None:
            matched, matched_en = node.choices_vi[hit], node.choices_en[hit]
            next_hit, next_points = node.next_of[hit]
            if next_hit is not None:
                next_vi, next_en = node.choices_vi[next_hit], node.choices_en[next_hit]
        elif more is not None and target is not None:
            next_points = more
            rule = node.rule
            if isinstance(rule, ThresholdRule | ProportionalRule):
                t = format_percent(target)
                next_vi = f"từ {t} trở lên" if isinstance(rule, ThresholdRule) else t
                t_en = format_percent(target, "en")
                next_en = f"at least {t_en}" if isinstance(rule, ThresholdRule) else t_en
            else:
                next_vi = f"điểm trung bình {target.normalize():f}"
                next_en = f"mean score {target.normalize():f}"
    return (
        node.rule_text,
        node.measure,
        value,
        source,
        matched,
        matched_en,
        outcome[0] if outcome is not None else None,
        appraised,
        lost,
        next_vi,
        next_en,
        next_points,
        note,
    )


def _missing(node: _Node, note: str) -> _LeafResult:
    cap = node.max
    lost = cap if node.role is NodeRole.NORMAL else _ZERO
    expl = _explain(node, None, "", None, None, None, lost, f"thiếu tài liệu kiểm chứng: {note}")
    return _ZERO, cap, NodeStatus.MISSING_EVIDENCE, False, expl


def _not_applicable(node: _Node, source: str | None, note: str) -> _LeafResult:
    """A not-applicable leaf: out of the maximum, or full points under its policy; ``source``
    is where the measure said so (None when the appraiser marked the node)."""
    value = NOT_APPLICABLE if source is not None else None
    if node.role is NodeRole.NORMAL and node.policy is NotApplicablePolicy.FULL_POINTS:
        expl = _explain(
            node, value, source or "", None, None, None, _ZERO, f"{note}: được điểm tối đa"
        )
        return node.max, node.max, NodeStatus.NOT_APPLICABLE, False, expl
    expl = _explain(
        node, value, source or "", None, None, None, _ZERO, f"{note}: không tính vào điểm tối đa"
    )
    return _ZERO, _ZERO, NodeStatus.NOT_APPLICABLE, True, expl


def _combine(
    children: tuple[int, ...],
    nodes: tuple[_Node, ...],
    points: list[Decimal],
    maxes: list[Decimal],
    excluded: list[bool],
) -> tuple[Decimal, Decimal, bool]:
    """Points and maximum of a parent from its children: ordinary children add up, bonuses
    add and deductions subtract, within [0, the remaining maximum]."""
    got = _ZERO
    cap = _ZERO
    extra = _ZERO
    all_excluded = True
    for c in children:
        role = nodes[c].role
        if role is NodeRole.NORMAL:
            got += points[c]
            cap += maxes[c]
            all_excluded = all_excluded and excluded[c]
        elif role is NodeRole.BONUS:
            extra += points[c]
        else:
            extra -= points[c]
    if all_excluded:
        return _ZERO, _ZERO, True
    return min(cap, max(_ZERO, got + extra)), cap, False


def _aggregate(
    children: tuple[int, ...],
    nodes: tuple[_Node, ...],
    points: list[Decimal],
    maxes: list[Decimal],
    excluded: list[bool],
    complete: list[bool],
    status: list[NodeStatus],
    i: int,
) -> None:
    points[i], maxes[i], excluded[i] = _combine(children, nodes, points, maxes, excluded)
    complete[i] = all(complete[c] for c in children)
    if excluded[i]:
        normal = [status[c] for c in children if nodes[c].role is NodeRole.NORMAL]
        survey = all(s is NodeStatus.SURVEY_NOT_RUN for s in normal)
        status[i] = NodeStatus.SURVEY_NOT_RUN if survey else NodeStatus.NOT_APPLICABLE


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


# --------------------------------------------------------------------------- JSON


def configure_scoring_converter(c: cattrs.Converter) -> None:
    """Register the hooks for frameworks, rules, evidence and scorecards on ``c``.

    Call it on a converter from :func:`par_index.io.make_converter`. A scorecard's nodes are
    written as a list of node objects; measure values as JSON true/false (facts), integers
    (counts), decimal strings (rates and values), category names or ``"not_applicable"``.
    """
    configure_framework_converter(c)
    c.register_unstructure_hook(NodeScores, lambda ns: [c.unstructure(n, NodeScore) for n in ns])
    c.register_structure_hook(
        NodeScores, lambda v, _: NodeScores.of(c.structure(v, tuple[NodeScore, ...]))
    )

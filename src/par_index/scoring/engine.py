"""Scoring: ``score(framework, evidence)`` → an immutable, explained :class:`Scorecard`.

The method is the PAR INDEX's (docs/sources.md, PAR INDEX):

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

from decimal import Decimal
from typing import Final, TypeAlias

import attrs

from par_index.core.decimals import library_context
from par_index.exceptions import Problem
from par_index.frameworks.measures import MeasureValue
from par_index.frameworks.model import (
    Criterion,
    Framework,
    NodeRole,
    NotApplicablePolicy,
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
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable, Rounding
from par_index.scoring.classification import (
    Classification,
    ClassificationScheme,
    InvalidScorecard,
    resolve_scheme,
)
from par_index.scoring.evidence import Evidence, InvalidEvidence
from par_index.scoring.scorecard import (
    MAX_PLACES,
    NodeScores,
    NodeStatus,
    Scorecard,
    _whole,
    round_reported,
)

__all__ = [
    "score",
]

_ZERO: Final = Decimal(0)
_HUNDRED: Final = Decimal(100)


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
        "limited",
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
        self.limited: Criterion | None = None
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

    def add(
        crit: Criterion,
        depth: int,
        ancestors: tuple[str, ...],
        comp: str | None,
        limited: Criterion | None,
    ) -> int:
        comp = crit.component if crit.component is not None else comp
        # The nearest node (itself or an ancestor) limited to some unit levels.
        limited = crit if crit.levels else limited
        node = _Node(crit, len(nodes), depth, ancestors)
        node.survey = comp in surveys
        node.limited = limited
        nodes.append(node)
        node.children = tuple(
            add(ch, depth + 1, (*ancestors, crit.code), comp, limited) for ch in crit.children
        )
        return node.index

    top = tuple(add(c, 0, (), default, None) for c in fw.criteria)
    leaves = tuple(n.index for n in nodes if not n.children)
    inner = tuple(sorted((n.index for n in nodes if n.children), key=lambda i: -nodes[i].depth))
    plan = _Plan(tuple(nodes), top, leaves, inner)
    object.__setattr__(fw, "_compiled", plan)
    return plan


# --------------------------------------------------------------------------- scoring


def _percent(points: Decimal, maximum: Decimal, places: int, rounding: Rounding) -> Decimal:
    return round_reported(points / maximum * _HUNDRED, places, rounding)


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
    if unit is not None and period is not None:
        # A unit must exist at the end of the period it reports (no district level and no
        # thị trấn from 01/7/2025: NQ 202/2025/QH15, QĐ 19/2025/QĐ-TTg).
        problems.extend(p.under("unit") for p in unit.problems_on(period.end))
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
            assessments naming no criterion of the framework or an inner one, and (with
            ``check_scope``) a unit or period outside the framework's scope.
        InvalidScorecard: for an unknown scheme id, or ``places`` outside 0..10.
    """
    with library_context():
        return _score(framework, evidence, scheme, places, rounding, check_scope)


def _assessment_problems(plan: _Plan, evidence: Evidence) -> list[Problem]:
    """Assessments that name no criterion of the framework, or an inner one: they would be
    ignored, and a score that silently ignores what an appraiser wrote is wrong."""
    kind = {n.code: not n.children for n in plan.nodes}
    problems: list[Problem] = []
    a = evidence.assessment
    entries = [(f"assessment.criteria[{i}].code", c.code, True) for i, c in enumerate(a.criteria)]
    entries += [(f"assessment.survey[{i}].code", s.code, True) for i, s in enumerate(a.survey)]
    entries += [
        (f"assessment.not_applicable[{i}]", c, False) for i, c in enumerate(a.not_applicable)
    ]
    for path, code, leaf_only in entries:
        if code not in kind:
            problems.append(
                Problem(
                    path,
                    "unknown-criterion",
                    "the code of a criterion of the framework",
                    repr(code),
                )
            )
        elif leaf_only and not kind[code]:
            problems.append(
                Problem(
                    path,
                    "assessment-on-inner",
                    "the code of a leaf criterion (scored directly)",
                    repr(code),
                )
            )
    return problems


def _score(
    framework: Framework,
    evidence: Evidence,
    scheme: ClassificationScheme | str | None,
    places: int,
    rounding: Rounding,
    check_scope: bool,
) -> Scorecard:
    if not _whole(places) or not 0 <= places <= MAX_PLACES:
        raise InvalidScorecard(
            [
                Problem(
                    "places", "out-of-range", f"a whole number from 0 to {MAX_PLACES}", repr(places)
                )
            ]
        )
    plan = _compile(framework)
    chosen = resolve_scheme(scheme, framework)
    problems = _scope_problems(framework, evidence) if check_scope else []
    problems += _assessment_problems(plan, evidence)
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
    limited = node.limited
    unit = evidence.unit
    if limited is not None and unit is not None and unit.level not in limited.levels:
        # A node computed only for some unit levels (QĐ 766 1.1–1.3: "không tính cấp con").
        why = limited.levels_note or "chỉ tính cho " + ", ".join(lv.value for lv in limited.levels)
        return _not_applicable(node, None, f"không áp dụng cho {unit.level.value} — {why}")
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

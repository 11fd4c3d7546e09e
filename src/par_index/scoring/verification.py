"""Checking a scorecard read from a file against the framework it names.

A scorecard is a result: a file that says "99.00 points, index 137.50" proves nothing, and a
ranking must not take it at its word. :func:`verify_scorecard` rebuilds the evidence the
scorecard records (every leaf's value, appraisal, survey result and not-applicable mark),
scores it again under the framework and lists every figure that differs. A scorecard scored
under another framework or version, or whose leaves cannot be read back into evidence, is
refused as unverifiable.
"""

from __future__ import annotations

import re
from decimal import Decimal

from par_index.exceptions import InvalidValueError, Problem
from par_index.frameworks.model import Criterion, Framework
from par_index.frameworks.rules import ManualRule, SurveyRule
from par_index.model.ratios import NOT_APPLICABLE
from par_index.scoring.classification import InvalidScorecard
from par_index.scoring.engine import score
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    Measurement,
    SurveyResult,
)
from par_index.scoring.scorecard import NodeStatus, Scorecard

__all__ = ["verify_scorecard"]

_ROUND = re.compile(r"thẩm định vòng ([0-9]+)(?:: (.*))?", re.DOTALL)
_RESPONDENTS = re.compile(r"điều tra xã hội học, ([0-9]+) phiếu")


def _leaves(criteria: tuple[Criterion, ...]) -> dict[str, Criterion]:
    out: dict[str, Criterion] = {}
    stack = list(criteria)
    while stack:
        c = stack.pop()
        if c.children:
            stack.extend(c.children)
        else:
            out[c.code] = c
    return out


def _unverifiable(path: str, expected: str, found: object) -> InvalidScorecard:
    return InvalidScorecard([Problem(path, "unverifiable", expected, str(found))])


def _evidence_of(card: Scorecard, framework: Framework) -> Evidence:
    """The evidence the scorecard records, leaf by leaf.

    Raises:
        InvalidScorecard: (``unverifiable``) for a leaf the framework does not have or whose
            recorded value cannot be evidence.
    """
    leaves = _leaves(framework.criteria)
    measures: list[Measurement] = []
    criteria: list[CriterionAssessment] = []
    survey: list[SurveyResult] = []
    not_applicable: list[str] = []
    for i, node in enumerate(card.nodes):
        e = node.explanation
        if e is None:
            continue
        crit = leaves.get(node.code)
        if crit is None:
            raise _unverifiable(f"$.nodes[{i}].code", "a leaf of the framework", node.code)
        if node.status is NodeStatus.NOT_APPLICABLE:
            if e.value is None:
                not_applicable.append(node.code)  # marked by the appraiser
            elif e.measure is not None:
                measures.append(Measurement(e.measure, NOT_APPLICABLE, e.source))
            continue
        if node.status is not NodeStatus.SCORED or e.value is None:
            continue  # missing evidence, or a survey not run
        if isinstance(crit.rule, ManualRule):
            if not isinstance(e.value, Decimal):
                raise _unverifiable(f"$.nodes[{i}].explanation.value", "points", e.value)
            m = _ROUND.fullmatch(e.source)
            rounds = (AppraisalRound(int(m.group(1)), e.value, m.group(2) or ""),) if m else ()
            criteria.append(
                CriterionAssessment(node.code, self_score=None if m else e.value, rounds=rounds)
            )
        elif isinstance(crit.rule, SurveyRule):
            if not isinstance(e.value, Decimal):
                raise _unverifiable(f"$.nodes[{i}].explanation.value", "a survey mean", e.value)
            r = _RESPONDENTS.fullmatch(e.source)
            survey.append(SurveyResult(node.code, e.value, int(r.group(1)) if r else 0))
        else:
            if e.measure is None:
                raise _unverifiable(f"$.nodes[{i}].explanation.measure", "a measure", None)
            if all(m.name != e.measure for m in measures):
                measures.append(Measurement(e.measure, e.value, e.source))
            if e.appraised is not None:
                criteria.append(
                    CriterionAssessment(node.code, rounds=(AppraisalRound(1, e.appraised),))
                )
    return Evidence(
        measures=tuple(measures),
        assessment=Assessment(tuple(criteria), tuple(survey), tuple(not_applicable)),
        unit=card.unit,
        period=card.period,
    )


def verify_scorecard(card: Scorecard, framework: Framework) -> Scorecard:
    """``card`` when scoring its recorded evidence under ``framework`` gives it again.

    Raises:
        InvalidScorecard: listing every figure that differs (``$.points``,
            ``$.nodes[3].points``...), or (``unverifiable``) for a scorecard of another
            framework or version, or one whose leaves cannot be read back into evidence.
    """
    if (card.framework_id, card.framework_version) != (framework.id, framework.version):
        raise _unverifiable(
            "$.framework_id",
            f"a scorecard of the framework used ({framework.id} {framework.version})",
            f"{card.framework_id} {card.framework_version}",
        )
    try:
        evidence = _evidence_of(card, framework)
        again = score(
            framework,
            evidence,
            scheme=card.classification.scheme if card.classification else None,
            places=card.places,
            rounding=card.rounding,
            check_scope=False,
        )
    except InvalidScorecard:
        raise
    except InvalidValueError as exc:
        raise _unverifiable("$", "evidence that scores again", exc.problems[0]) from None
    problems: list[Problem] = []
    for field in ("points", "max_points", "declared_max", "index", "complete", "classification"):
        have, want = getattr(card, field), getattr(again, field)
        if have != want:
            problems.append(Problem(f"$.{field}", "not-as-scored", str(want), str(have)))
    if len(card.nodes) != len(again.nodes):
        problems.append(
            Problem("$.nodes", "not-as-scored", f"{len(again.nodes)} nodes", str(len(card.nodes)))
        )
    else:
        for i, (have_n, want_n) in enumerate(zip(card.nodes, again.nodes, strict=True)):
            for field in ("code", "points", "max_points", "index", "status"):
                have, want = getattr(have_n, field), getattr(want_n, field)
                if have != want:
                    problems.append(
                        Problem(f"$.nodes[{i}].{field}", "not-as-scored", str(want), str(have))
                    )
    if problems:
        raise InvalidScorecard(problems)
    return card

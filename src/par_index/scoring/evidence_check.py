"""Evidence checked against the framework it is scored under.

Scoring reads only the measures and criteria a framework names, so a misspelled measure
(``report.plan_completion_rat``) or an assessment of a criterion that does not exist (``9.9``)
would otherwise be ignored without a word and show up as "missing evidence".
:func:`evidence_problems` lists them, with a "did you mean" where a known name is close.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs

from par_index.exceptions import Problem
from par_index.frameworks.measures import MEASURES
from par_index.frameworks.model import Framework
from par_index.scoring.evidence import Assessment, Evidence

__all__ = ["evidence_problems", "known_only"]


def _near(word: str, choices: Iterable[str]) -> str:
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {found[0]}?)" if found else ""


def evidence_problems(framework: Framework, evidence: Evidence, path: str = "$") -> list[Problem]:
    """Every measure name and criterion code of ``evidence`` that ``framework`` cannot read.

    A measure is known when the registry (:data:`~par_index.frameworks.measures.MEASURES`) or
    the framework declares it: evidence may carry measures another framework reads. A
    criterion code (self-score, appraisal, survey result, not-applicable mark) must be a node
    of the framework.

    Args:
        framework: the framework the evidence is scored under.
        evidence: the evidence.
        path: the JSON path of the evidence, for the problems' paths.
    """
    known = {*MEASURES, *(m.name for m in framework.measures)}
    codes = [n.code for n in framework.walk()]
    code_set = set(codes)
    problems: list[Problem] = []
    for i, m in enumerate(evidence.measures):
        if m.name not in known:
            problems.append(
                Problem(
                    f"{path}.measures[{i}].name",
                    "unknown-measure",
                    "a measure of the registry or of the framework" + _near(m.name, known),
                    repr(m.name),
                )
            )
    a = evidence.assessment
    places = (
        *((f"{path}.assessment.criteria[{i}].code", c.code) for i, c in enumerate(a.criteria)),
        *((f"{path}.assessment.survey[{i}].code", s.code) for i, s in enumerate(a.survey)),
        *((f"{path}.assessment.not_applicable[{i}]", c) for i, c in enumerate(a.not_applicable)),
    )
    for where, code in places:
        if code not in code_set:
            problems.append(
                Problem(
                    where,
                    "unknown-criterion",
                    f"a criterion code of {framework.id}" + _near(code, codes),
                    repr(code),
                )
            )
    return problems


def known_only(framework: Framework, evidence: Evidence) -> Evidence:
    """``evidence`` without the assessments of criteria ``framework`` does not have: what a
    lenient read leaves out (after warning about each), since scoring refuses them."""
    codes = {n.code for n in framework.walk()}
    a = evidence.assessment
    kept = Assessment(
        tuple(c for c in a.criteria if c.code in codes),
        tuple(s for s in a.survey if s.code in codes),
        tuple(c for c in a.not_applicable if c in codes),
    )
    return attrs.evolve(evidence, assessment=kept)

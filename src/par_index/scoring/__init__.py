"""Evidence, scoring, scorecards, classification, ranking, improvements and comparison.

``score(framework, evidence)`` is a pure function returning an immutable :class:`Scorecard`
that explains every point (:mod:`par_index.scoring.engine`).
"""

from __future__ import annotations

from par_index.scoring.classification import (
    NATIONAL,
    QUANG_TRI_3009,
    SCHEMES,
    Classification,
    ClassificationScheme,
    Grade,
    InvalidScorecard,
    resolve_scheme,
)
from par_index.scoring.comparison import (
    Comparison,
    NodeChange,
    compare,
)
from par_index.scoring.converter import (
    configure_scoring_converter,
)
from par_index.scoring.engine import (
    score,
)
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    InvalidEvidence,
    Measurement,
    SurveyResult,
    evidence_from_report,
)
from par_index.scoring.improvements import (
    Improvement,
    improvements,
)
from par_index.scoring.ranking import (
    Ranked,
    rank,
)
from par_index.scoring.scorecard import (
    Explanation,
    NodeScore,
    NodeScores,
    NodeStatus,
    Scorecard,
    round_reported,
)
from par_index.scoring.verification import verify_scorecard

__all__ = [
    "NATIONAL",
    "QUANG_TRI_3009",
    "SCHEMES",
    "AppraisalRound",
    "Assessment",
    "Classification",
    "ClassificationScheme",
    "Comparison",
    "CriterionAssessment",
    "Evidence",
    "Explanation",
    "Grade",
    "Improvement",
    "InvalidEvidence",
    "InvalidScorecard",
    "Measurement",
    "NodeChange",
    "NodeScore",
    "NodeScores",
    "NodeStatus",
    "Ranked",
    "Scorecard",
    "SurveyResult",
    "compare",
    "configure_scoring_converter",
    "evidence_from_report",
    "improvements",
    "rank",
    "resolve_scheme",
    "round_reported",
    "score",
    "verify_scorecard",
]

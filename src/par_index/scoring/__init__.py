"""Evidence, scoring, scorecards, classification, ranking, improvements and comparison.

``score(framework, evidence)`` is a pure function returning an immutable :class:`Scorecard`
that explains every point (:mod:`par_index.scoring.engine`).
"""

from __future__ import annotations

from par_index.core.lazy import attach

TYPE_CHECKING = False
if TYPE_CHECKING:
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

__getattr__, __dir__ = attach(
    __name__,
    {
        "NATIONAL": "par_index.scoring.classification",
        "QUANG_TRI_3009": "par_index.scoring.classification",
        "SCHEMES": "par_index.scoring.classification",
        "AppraisalRound": "par_index.scoring.evidence",
        "Assessment": "par_index.scoring.evidence",
        "Classification": "par_index.scoring.classification",
        "ClassificationScheme": "par_index.scoring.classification",
        "Comparison": "par_index.scoring.comparison",
        "CriterionAssessment": "par_index.scoring.evidence",
        "Evidence": "par_index.scoring.evidence",
        "Explanation": "par_index.scoring.scorecard",
        "Grade": "par_index.scoring.classification",
        "Improvement": "par_index.scoring.improvements",
        "InvalidEvidence": "par_index.scoring.evidence",
        "InvalidScorecard": "par_index.scoring.classification",
        "Measurement": "par_index.scoring.evidence",
        "NodeChange": "par_index.scoring.comparison",
        "NodeScore": "par_index.scoring.scorecard",
        "NodeScores": "par_index.scoring.scorecard",
        "NodeStatus": "par_index.scoring.scorecard",
        "Ranked": "par_index.scoring.ranking",
        "Scorecard": "par_index.scoring.scorecard",
        "SurveyResult": "par_index.scoring.evidence",
        "compare": "par_index.scoring.comparison",
        "configure_scoring_converter": "par_index.scoring.converter",
        "evidence_from_report": "par_index.scoring.evidence",
        "improvements": "par_index.scoring.improvements",
        "rank": "par_index.scoring.ranking",
        "resolve_scheme": "par_index.scoring.classification",
        "round_reported": "par_index.scoring.scorecard",
        "score": "par_index.scoring.engine",
        "verify_scorecard": "par_index.scoring.verification",
    },
)

"""Compatibility path: the names of :mod:`par_index.scoring.evidence`,
:mod:`par_index.examples.evidence`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.examples.evidence import (
    ba_trang_evidence,
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

__all__ = [
    "AppraisalRound",
    "Assessment",
    "CriterionAssessment",
    "Evidence",
    "InvalidEvidence",
    "Measurement",
    "SurveyResult",
    "ba_trang_evidence",
    "evidence_from_report",
]

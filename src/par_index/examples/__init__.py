"""Bundled example data: the real six-month 2023 CCHC report of xã Ba Trang, its model, its
evidence for the illustrative commune framework, and a SYNTHETIC dossier set matching its counts.
"""

from __future__ import annotations

from par_index.core.lazy import attach

TYPE_CHECKING = False
if TYPE_CHECKING:
    from par_index.examples.ba_trang import (
        ba_trang_report,
        ba_trang_synthetic_dossiers,
        ba_trang_synthetic_procedures,
        ba_trang_text,
        example_path,
    )
    from par_index.examples.ba_trang_plan import (
        ba_trang_plan,
        ba_trang_plan_evidence,
        ba_trang_plan_measures,
    )
    from par_index.examples.evidence import (
        ba_trang_evidence,
    )

__all__ = [
    "ba_trang_evidence",
    "ba_trang_plan",
    "ba_trang_plan_evidence",
    "ba_trang_plan_measures",
    "ba_trang_report",
    "ba_trang_synthetic_dossiers",
    "ba_trang_synthetic_procedures",
    "ba_trang_text",
    "example_path",
]

__getattr__, __dir__ = attach(
    __name__,
    {
        "ba_trang_evidence": "par_index.examples.evidence",
        "ba_trang_plan": "par_index.examples.ba_trang_plan",
        "ba_trang_plan_evidence": "par_index.examples.ba_trang_plan",
        "ba_trang_plan_measures": "par_index.examples.ba_trang_plan",
        "ba_trang_report": "par_index.examples.ba_trang",
        "ba_trang_synthetic_dossiers": "par_index.examples.ba_trang",
        "ba_trang_synthetic_procedures": "par_index.examples.ba_trang",
        "ba_trang_text": "par_index.examples.ba_trang",
        "example_path": "par_index.examples.ba_trang",
    },
)

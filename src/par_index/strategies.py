"""Compatibility path: the names of :mod:`par_index.testing.strategies`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.testing.strategies import (
    administrative_units,
    blocks,
    citations,
    document_refs,
    dossier_codes,
    dossiers,
    evidence,
    figures,
    framework_evidence,
    frameworks,
    moments,
    plans,
    procedure_codes,
    procedures,
    register_type_strategies,
    report_headers,
    reporting_periods,
    reports,
    rules,
    sections,
    signatories,
    source_spans,
    supplement_requests,
    tasks,
    time_limits,
    vietnamese_text,
)

__all__ = [
    "administrative_units",
    "blocks",
    "citations",
    "document_refs",
    "dossier_codes",
    "dossiers",
    "evidence",
    "figures",
    "framework_evidence",
    "frameworks",
    "moments",
    "plans",
    "procedure_codes",
    "procedures",
    "register_type_strategies",
    "report_headers",
    "reporting_periods",
    "reports",
    "rules",
    "sections",
    "signatories",
    "source_spans",
    "supplement_requests",
    "tasks",
    "time_limits",
    "vietnamese_text",
]

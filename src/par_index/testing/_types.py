"""The par_index types that have a registered strategy, shared by the entry point and the
strategies module."""

from __future__ import annotations

__all__ = ["TYPES"]

#: Each registered type: the module that defines it, its name, and the strategy that draws it
#: (a function of :mod:`par_index.testing.strategies`).
TYPES: tuple[tuple[str, str, str], ...] = (
    ("par_index.model.units", "AdministrativeUnit", "administrative_units"),
    ("par_index.model.periods", "ReportingPeriod", "reporting_periods"),
    ("par_index.model.documents", "DocumentRef", "document_refs"),
    ("par_index.model.procedures", "TimeLimit", "time_limits"),
    ("par_index.model.procedures", "Procedure", "procedures"),
    ("par_index.model.dossiers", "SupplementRequest", "supplement_requests"),
    ("par_index.model.dossiers", "Dossier", "dossiers"),
    ("par_index.model.tasks", "Task", "tasks"),
    ("par_index.model.tasks", "Plan", "plans"),
    ("par_index.model.tasks", "Deadline", "deadlines"),
    ("par_index.reports.model", "SourceSpan", "source_spans"),
    ("par_index.reports.model", "Figure", "figures"),
    ("par_index.reports.model", "Block", "blocks"),
    ("par_index.reports.model", "Section", "sections"),
    ("par_index.reports.model", "Citation", "citations"),
    ("par_index.reports.model", "Signatory", "signatories"),
    ("par_index.reports.model", "ReportHeader", "report_headers"),
    ("par_index.reports.model", "Report", "reports"),
    ("par_index.frameworks.model", "Framework", "frameworks"),
    ("par_index.scoring.evidence", "Evidence", "evidence_of_any_framework"),
)

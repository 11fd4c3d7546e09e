"""Entry point called by Hypothesis at import time (``[project.entry-points.hypothesis]``).

It registers par_index's strategies for ``st.from_type`` without building them: each type gets
a deferred strategy that imports :mod:`par_index.testing.strategies` (and the parsers and
frameworks it needs) only when a value is first drawn. So ``import hypothesis`` in a project
that has par_index installed pays for the value classes alone, not for the strategies.
"""

from __future__ import annotations

import importlib
from typing import Any

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


def _deferred(function: str) -> Any:
    """A strategy that imports the strategies module and builds ``function()`` on first draw."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis calls this hook

    def definition() -> Any:
        strategies = importlib.import_module("par_index.testing.strategies")
        return getattr(strategies, function)()

    return st.deferred(definition)


def register() -> None:
    """Register a deferred strategy for every par_index type."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis calls this hook

    for module, name, function in TYPES:
        cls = getattr(importlib.import_module(module), name)
        st.register_type_strategy(cls, _deferred(function))

"""par_index: model and score Vietnamese administrative reform (cải cách hành chính, CCHC).

The package is organised by layer, one folder each, imports pointing one way (downward):
:mod:`~par_index.model` (values) ← :mod:`~par_index.calendar` ← :mod:`~par_index.service`
(timeliness, QĐ 766 measures, columnar path); :mod:`~par_index.reports` ←
:mod:`~par_index.frameworks` ← :mod:`~par_index.scoring`; then :mod:`~par_index.formats`
(files), :mod:`~par_index.examples`, :mod:`~par_index.testing` (Hypothesis strategies) and
:mod:`~par_index.cli`. The most used names are re-exported here and loaded on first use
(PEP 562), so ``import par_index`` costs next to nothing.
"""

from __future__ import annotations

import importlib

# typing is not imported at run time: ``import par_index`` stays as cheap as it can be.
TYPE_CHECKING = False

__version__ = "0.1.0.dev0"

if TYPE_CHECKING:
    from typing import Any, Final

    from par_index.calendar.days import (
        CalendarRangeError,
        DayChange,
        DayKind,
        InvalidCalendar,
    )
    from par_index.calendar.office_hours import (
        OfficeHours,
    )
    from par_index.calendar.work_calendar import (
        WorkCalendar,
        default_calendar,
    )
    from par_index.core.tz import (
        VN_TZ,
    )
    from par_index.exceptions import (
        InvalidAdministrativeUnit,
        InvalidDocumentRef,
        InvalidDossier,
        InvalidPeriod,
        InvalidProcedure,
        InvalidReport,
        InvalidTask,
        InvalidValueError,
        LoadError,
        ParIndexError,
        Problem,
    )
    from par_index.frameworks.loader import (
        get_framework,
        load_framework,
    )
    from par_index.frameworks.model import (
        Framework,
        InvalidFramework,
    )
    from par_index.frameworks.rules import (
        InvalidRule,
    )
    from par_index.model.areas import (
        ReformArea,
    )
    from par_index.model.documents import (
        DocumentKind,
        DocumentRef,
        find_document_refs,
    )
    from par_index.model.dossiers import (
        Channel,
        Dossier,
        DossierStatus,
        SupplementRequest,
    )
    from par_index.model.periods import (
        PeriodKind,
        ReportingPeriod,
        find_period,
    )
    from par_index.model.procedures import (
        OnlineServiceLevel,
        Procedure,
        ProcedureLevel,
        TimeLimit,
        TimeUnit,
    )
    from par_index.model.ratios import (
        NOT_APPLICABLE,
        NotApplicable,
        Ratio,
    )
    from par_index.model.tasks import (
        Plan,
        Task,
        TaskStatus,
    )
    from par_index.model.units import (
        AdministrativeUnit,
        UnitLevel,
        UnitTier,
    )
    from par_index.reports.model import (
        Block,
        BlockKind,
        Citation,
        Figure,
        Qualifier,
        Report,
        ReportHeader,
        Section,
        SectionRole,
        Signatory,
        SourceSpan,
    )
    from par_index.scoring.classification import (
        InvalidScorecard,
    )
    from par_index.scoring.engine import (
        score,
    )
    from par_index.scoring.evidence import (
        Evidence,
        InvalidEvidence,
        evidence_from_report,
    )
    from par_index.scoring.ranking import (
        rank,
    )
    from par_index.scoring.scorecard import (
        Scorecard,
    )
    from par_index.service.measures import (
        DossierMeasures,
        measure_dossiers,
    )
    from par_index.service.timeliness import (
        Timeliness,
        TimelinessPolicy,
        TimelinessResult,
        classify,
    )

#: Where each public name lives; loaded on first access.
_LAZY: Final[dict[str, str]] = {
    "AdministrativeUnit": "par_index.model.units",
    "Block": "par_index.reports.model",
    "BlockKind": "par_index.reports.model",
    "CalendarRangeError": "par_index.calendar.days",
    "Channel": "par_index.model.dossiers",
    "Citation": "par_index.reports.model",
    "DayChange": "par_index.calendar.days",
    "DayKind": "par_index.calendar.days",
    "DocumentKind": "par_index.model.documents",
    "DocumentRef": "par_index.model.documents",
    "Dossier": "par_index.model.dossiers",
    "DossierMeasures": "par_index.service.measures",
    "DossierStatus": "par_index.model.dossiers",
    "Evidence": "par_index.scoring.evidence",
    "Figure": "par_index.reports.model",
    "Framework": "par_index.frameworks.model",
    "InvalidAdministrativeUnit": "par_index.exceptions",
    "InvalidCalendar": "par_index.calendar.days",
    "InvalidDocumentRef": "par_index.exceptions",
    "InvalidDossier": "par_index.exceptions",
    "InvalidEvidence": "par_index.scoring.evidence",
    "InvalidFramework": "par_index.frameworks.model",
    "InvalidPeriod": "par_index.exceptions",
    "InvalidProcedure": "par_index.exceptions",
    "InvalidReport": "par_index.exceptions",
    "InvalidRule": "par_index.frameworks.rules",
    "InvalidScorecard": "par_index.scoring.classification",
    "InvalidTask": "par_index.exceptions",
    "InvalidValueError": "par_index.exceptions",
    "LoadError": "par_index.exceptions",
    "NOT_APPLICABLE": "par_index.model.ratios",
    "NotApplicable": "par_index.model.ratios",
    "OfficeHours": "par_index.calendar.office_hours",
    "OnlineServiceLevel": "par_index.model.procedures",
    "ParIndexError": "par_index.exceptions",
    "PeriodKind": "par_index.model.periods",
    "Plan": "par_index.model.tasks",
    "Problem": "par_index.exceptions",
    "Procedure": "par_index.model.procedures",
    "ProcedureLevel": "par_index.model.procedures",
    "Qualifier": "par_index.reports.model",
    "Ratio": "par_index.model.ratios",
    "ReformArea": "par_index.model.areas",
    "Report": "par_index.reports.model",
    "ReportHeader": "par_index.reports.model",
    "ReportingPeriod": "par_index.model.periods",
    "Scorecard": "par_index.scoring.scorecard",
    "Section": "par_index.reports.model",
    "SectionRole": "par_index.reports.model",
    "Signatory": "par_index.reports.model",
    "SourceSpan": "par_index.reports.model",
    "SupplementRequest": "par_index.model.dossiers",
    "Task": "par_index.model.tasks",
    "TaskStatus": "par_index.model.tasks",
    "TimeLimit": "par_index.model.procedures",
    "TimeUnit": "par_index.model.procedures",
    "Timeliness": "par_index.service.timeliness",
    "TimelinessPolicy": "par_index.service.timeliness",
    "TimelinessResult": "par_index.service.timeliness",
    "UnitLevel": "par_index.model.units",
    "UnitTier": "par_index.model.units",
    "VN_TZ": "par_index.core.tz",
    "WorkCalendar": "par_index.calendar.work_calendar",
    "classify": "par_index.service.timeliness",
    "default_calendar": "par_index.calendar.work_calendar",
    "evidence_from_report": "par_index.scoring.evidence",
    "find_document_refs": "par_index.model.documents",
    "find_period": "par_index.model.periods",
    "get_framework": "par_index.frameworks.loader",
    "load_framework": "par_index.frameworks.loader",
    "measure_dossiers": "par_index.service.measures",
    "rank": "par_index.scoring.ranking",
    "score": "par_index.scoring.engine",
}

__all__ = [
    "NOT_APPLICABLE",
    "VN_TZ",
    "AdministrativeUnit",
    "Block",
    "BlockKind",
    "CalendarRangeError",
    "Channel",
    "Citation",
    "DayChange",
    "DayKind",
    "DocumentKind",
    "DocumentRef",
    "Dossier",
    "DossierMeasures",
    "DossierStatus",
    "Evidence",
    "Figure",
    "Framework",
    "InvalidAdministrativeUnit",
    "InvalidCalendar",
    "InvalidDocumentRef",
    "InvalidDossier",
    "InvalidEvidence",
    "InvalidFramework",
    "InvalidPeriod",
    "InvalidProcedure",
    "InvalidReport",
    "InvalidRule",
    "InvalidScorecard",
    "InvalidTask",
    "InvalidValueError",
    "LoadError",
    "NotApplicable",
    "OfficeHours",
    "OnlineServiceLevel",
    "ParIndexError",
    "PeriodKind",
    "Plan",
    "Problem",
    "Procedure",
    "ProcedureLevel",
    "Qualifier",
    "Ratio",
    "ReformArea",
    "Report",
    "ReportHeader",
    "ReportingPeriod",
    "Scorecard",
    "Section",
    "SectionRole",
    "Signatory",
    "SourceSpan",
    "SupplementRequest",
    "Task",
    "TaskStatus",
    "TimeLimit",
    "TimeUnit",
    "Timeliness",
    "TimelinessPolicy",
    "TimelinessResult",
    "UnitLevel",
    "UnitTier",
    "WorkCalendar",
    "__version__",
    "classify",
    "default_calendar",
    "evidence_from_report",
    "find_document_refs",
    "find_period",
    "get_framework",
    "load_framework",
    "measure_dossiers",
    "rank",
    "score",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'par_index' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

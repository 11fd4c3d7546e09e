"""par_index: model and score Vietnamese administrative reform (cải cách hành chính, CCHC).

The domain model lives in one module per concept and the most used names are re-exported
here. Serialization is in :mod:`par_index.io`, bundled examples in :mod:`par_index.examples`,
Hypothesis strategies in :mod:`par_index.strategies` (needs the ``testing`` extra).
"""

from par_index.areas import ReformArea
from par_index.calendar import (
    CalendarRangeError,
    DayChange,
    DayKind,
    InvalidCalendar,
    OfficeHours,
    WorkCalendar,
    default_calendar,
)
from par_index.documents import DocumentKind, DocumentRef, find_document_refs
from par_index.dossiers import VN_TZ, Channel, Dossier, DossierStatus, SupplementRequest
from par_index.evidence import Evidence, InvalidEvidence, evidence_from_report
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
from par_index.frameworks import (
    Framework,
    InvalidFramework,
    InvalidRule,
    get_framework,
    load_framework,
)
from par_index.measures import DossierMeasures, measure_dossiers
from par_index.periods import PeriodKind, ReportingPeriod, find_period
from par_index.procedures import (
    OnlineServiceLevel,
    Procedure,
    ProcedureLevel,
    TimeLimit,
    TimeUnit,
)
from par_index.ratios import NOT_APPLICABLE, NotApplicable, Ratio
from par_index.reports import (
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
from par_index.scoring import InvalidScorecard, Scorecard, rank, score
from par_index.tasks import Plan, Task, TaskStatus
from par_index.timeliness import Timeliness, TimelinessPolicy, TimelinessResult, classify
from par_index.units import AdministrativeUnit, UnitLevel, UnitTier

__version__ = "0.1.0.dev0"

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

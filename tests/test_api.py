"""The public API is a reviewed list, and importing it does not pull in Hypothesis."""

from __future__ import annotations

import subprocess
import sys

import par_index


def test_public_names_are_pinned() -> None:
    assert sorted(par_index.__all__) == sorted(
        [
            "VN_TZ",
            "AdministrativeUnit",
            "score",
            "rank",
            "Scorecard",
            "InvalidScorecard",
            "load_framework",
            "get_framework",
            "InvalidRule",
            "InvalidFramework",
            "Framework",
            "evidence_from_report",
            "InvalidEvidence",
            "Evidence",
            "classify",
            "TimelinessResult",
            "TimelinessPolicy",
            "Timeliness",
            "measure_dossiers",
            "DossierMeasures",
            "Ratio",
            "NotApplicable",
            "NOT_APPLICABLE",
            "default_calendar",
            "WorkCalendar",
            "OfficeHours",
            "InvalidCalendar",
            "DayKind",
            "DayChange",
            "CalendarRangeError",
            "Block",
            "BlockKind",
            "Channel",
            "Citation",
            "DocumentKind",
            "DocumentRef",
            "Dossier",
            "DossierStatus",
            "Figure",
            "InvalidAdministrativeUnit",
            "InvalidDocumentRef",
            "InvalidDossier",
            "InvalidPeriod",
            "InvalidProcedure",
            "InvalidReport",
            "InvalidTask",
            "InvalidValueError",
            "LoadError",
            "OnlineServiceLevel",
            "ParIndexError",
            "PeriodKind",
            "Plan",
            "Problem",
            "Procedure",
            "ProcedureLevel",
            "Qualifier",
            "ReformArea",
            "Report",
            "ReportHeader",
            "ReportingPeriod",
            "Section",
            "SectionRole",
            "Signatory",
            "SourceSpan",
            "SupplementRequest",
            "Task",
            "TaskStatus",
            "TimeLimit",
            "TimeUnit",
            "UnitLevel",
            "UnitTier",
            "__version__",
            "find_document_refs",
            "find_period",
        ]
    )
    for name in par_index.__all__:
        assert hasattr(par_index, name)


def test_import_does_not_need_hypothesis() -> None:
    code = (
        "import sys, par_index, par_index.formats.json, par_index.cli; "
        "print('hypothesis' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_errors_are_value_errors_under_one_root() -> None:
    for name in par_index.__all__:
        obj = getattr(par_index, name)
        if (
            isinstance(obj, type)
            and issubclass(obj, Exception)
            and obj is not par_index.ParIndexError
        ):
            assert issubclass(obj, par_index.ParIndexError)
            assert issubclass(obj, ValueError)


def test_strategies_import_first_and_from_type_downstream() -> None:
    # Importing the strategies before Hypothesis makes Hypothesis run our entry point while
    # the module is half imported; and a downstream project only imports Hypothesis.
    for code in (
        "import par_index.testing.strategies",
        "from hypothesis import strategies as st\n"
        "from par_index import Dossier\n"
        "assert isinstance(st.from_type(Dossier).example(), Dossier)",
    ):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr

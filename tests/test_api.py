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


def _loaded_by(code: str) -> set[str]:
    """The modules that ``code`` loads in a fresh interpreter, beyond its start-up."""
    probe = (
        "import sys\nbefore = set(sys.modules)\n"
        + code
        + "\nprint(' '.join(sorted(set(sys.modules) - before)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return set(done.stderr.split())


def test_import_par_index_loads_only_itself() -> None:
    # Names are loaded on first use (PEP 562): no attrs, no typing, no domain module.
    loaded = _loaded_by("import par_index")
    assert {m for m in loaded if m.startswith("par_index")} == {"par_index"}
    assert not loaded & {"attrs", "attr", "cattrs", "typing", "holidays", "decimal"}
    assert par_index.Dossier.__module__ == "par_index.model.dossiers"


def test_help_loads_no_command_group() -> None:
    # ``par-index --help`` names every command but imports none of them.
    code = (
        "from par_index.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    loaded = _loaded_by(code)
    assert {m for m in loaded if m.startswith("par_index")} == {"par_index", "par_index.cli"}
    assert not loaded & {"attrs", "cattrs", "typing", "holidays", "decimal"}


def test_a_command_loads_only_its_group() -> None:
    code = (
        "import io\nfrom par_index.cli import main\n"
        "main(['period', '6 tháng đầu năm 2023'], out=io.StringIO())"
    )
    loaded = {m for m in _loaded_by(code) if m.startswith("par_index.")}
    assert "par_index.cli.period" in loaded
    assert not {m for m in loaded if m.startswith("par_index.cli.") and m != "par_index.cli.period"}
    assert not {m for m in loaded if m.split(".")[1] in ("scoring", "frameworks", "reports")}

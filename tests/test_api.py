"""The public API is a reviewed list, and importing it does not pull in Hypothesis."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    groups = {m for m in loaded if m.startswith("par_index.cli.")}
    assert groups <= {"par_index.cli.period", "par_index.cli._common"}
    assert not {m for m in loaded if m.split(".")[1] in ("scoring", "frameworks", "reports")}


COMPAT = {
    "par_index.areas": ["par_index.model.areas"],
    "par_index.units": ["par_index.model.units"],
    "par_index.periods": ["par_index.model.periods"],
    "par_index.documents": ["par_index.model.documents"],
    "par_index.procedures": ["par_index.model.procedures"],
    "par_index.dossiers": ["par_index.model.dossiers"],
    "par_index.tasks": ["par_index.model.tasks"],
    "par_index.ratios": ["par_index.model.ratios"],
    "par_index.timeliness": ["par_index.service.timeliness"],
    "par_index.measures": ["par_index.service.measures"],
    "par_index.bulk": ["par_index.service.columnar", "par_index.formats.columnar_reader"],
    "par_index.io": ["par_index.formats.json", "par_index.formats.portal"],
    "par_index.evidence": ["par_index.scoring.evidence", "par_index.examples.evidence"],
    "par_index.strategies": ["par_index.testing.strategies"],
}


def test_old_paths_reexport_the_same_objects() -> None:
    import importlib

    for old, homes in COMPAT.items():
        module = importlib.import_module(old)
        expected = {
            name: getattr(importlib.import_module(home), name)
            for home in homes
            for name in importlib.import_module(home).__all__
        }
        assert sorted(module.__all__) == sorted(expected), old
        for name, value in expected.items():
            assert getattr(module, name) is value, f"{old}.{name}"


def test_layer_packages_load_names_on_first_use() -> None:
    from par_index import scoring

    assert "score" in dir(scoring)
    assert scoring.score.__module__ == "par_index.scoring.engine"
    with pytest.raises(AttributeError, match="no_such_name"):
        scoring.no_such_name  # noqa: B018
    with pytest.raises(AttributeError, match="no_such_name"):
        par_index.no_such_name  # noqa: B018
    assert "Dossier" in dir(par_index)

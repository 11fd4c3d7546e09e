"""Every JSON output carries its schema version, matches its shipped schema, and is the same
whatever the output language."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from referencing import Registry, Resource

from par_index.cli import main
from par_index.examples.ba_trang import example_path
from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.excel_evidence import write_evidence_template
from par_index.formats.schema import SCHEMA_VERSION, SCHEMAS, UnknownSchema, schema, versioned
from par_index.formats.scorecard_text import scorecard_converter
from par_index.frameworks.loader import get_framework
from par_index.model.units import AdministrativeUnit, UnitLevel

_REGISTRY: Registry[Any] = Registry().with_resources(
    (schema(n)["$id"], Resource.from_contents(schema(n))) for n in SCHEMAS
)


def _validate(data: Any, name: str) -> None:
    jsonschema.Draft202012Validator(schema(name), registry=_REGISTRY).validate(data)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_every_schema_is_a_valid_schema_and_printed_by_the_command() -> None:
    for name in SCHEMAS:
        jsonschema.Draft202012Validator.check_schema(schema(name))
        status, text = run("schema", name)
        assert status == 0
        assert json.loads(text) == schema(name)
    status, text = run("schema")
    assert all(name in text for name in SCHEMAS)
    with pytest.raises(UnknownSchema):
        schema("nope")


def test_scorecard_json_matches_its_schema_and_ignores_the_language() -> None:
    status, vi = run("score", "--format", "json")
    assert status == 0
    data = json.loads(vi)
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION
    _validate(data, "scorecard")
    assert run("score", "--format", "json", "--lang", "en")[1] == vi


def _table(tmp_path: Path) -> Path:
    fw = get_framework("example-commune")
    base = ba_trang_evidence()
    units = [
        AdministrativeUnit("25804", "Ba Trang", UnitLevel.XA),
        AdministrativeUnit("25807", "Ba Khâm", UnitLevel.XA),
    ]
    # The same values for two units: they tie on the exact index.
    evidence = [attrs.evolve(base, unit=u) for u in units]
    path = tmp_path / "phieu.xlsx"
    path.write_bytes(write_evidence_template(fw, evidence=evidence))
    return path


def test_many_units_ranking_json(tmp_path: Path) -> None:
    path = _table(tmp_path)
    status, vi = run("rank", str(path), "--format", "json")
    assert status == 0
    data = json.loads(vi)
    _validate(data, "ranking")
    assert [(r["rank"], r["unit_code"]) for r in data["rows"]] == [(1, "25804"), (1, "25807")]
    assert data["rows"][0]["marks"] == ["*"]
    assert data["legend"]["*"]["en"].startswith("evidence missing")
    assert run("rank", str(path), "--format", "json", "--lang", "en")[1] == vi
    status, text = run("score", str(path), "--format", "json")
    many = json.loads(text)
    _validate(many, "scorecard")
    assert len(many["scorecards"]) == 2


def test_evidence_json_matches_its_schema() -> None:
    c = scorecard_converter()
    one = c.unstructure(ba_trang_evidence())
    _validate(one, "evidence")
    _validate(versioned({"evidence": [one, one]}), "evidence")


def test_report_and_dossier_stats_json(tmp_path: Path) -> None:
    status, text = run(
        "report", "parse", str(example_path("ba-trang-2023-h1.md")), "--format", "json"
    )
    assert status == 0
    _validate(json.loads(text), "report")
    status, text = run(
        "dossiers",
        "stats",
        str(example_path("ba-trang-2023-h1.synthetic-dossiers.csv")),
        "--period",
        "6 tháng đầu năm 2023",
        "--format",
        "json",
    )
    assert status == 0
    data = json.loads(text)
    _validate(data, "dossier-stats")
    assert (
        run(
            "dossiers",
            "stats",
            str(example_path("ba-trang-2023-h1.synthetic-dossiers.csv")),
            "--period",
            "6 tháng đầu năm 2023",
            "--format",
            "json",
            "--lang",
            "en",
        )[1]
        == text
    )

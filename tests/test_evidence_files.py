"""Evidence files of every kind, checked against the framework; rankings that cannot be made."""

from __future__ import annotations

import contextlib
import io
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from par_index.cli import main
from par_index.examples.evidence import ba_trang_evidence
from par_index.exceptions import LoadError
from par_index.formats.evidence_file import read_evidence_file, read_evidence_json
from par_index.formats.scorecard_text import scorecard_converter
from par_index.frameworks.loader import get_framework
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring.classification import InvalidScorecard
from par_index.scoring.engine import score
from par_index.scoring.evidence import Assessment, CriterionAssessment, Measurement
from par_index.scoring.ranking import check_rankable, rank

FW = get_framework("example-commune")


def _json(ev: object) -> bytes:
    return json.dumps(scorecard_converter().unstructure(ev), ensure_ascii=False).encode()


def test_misspelled_measure_and_unknown_criterion_are_refused() -> None:
    ev = ba_trang_evidence().with_measures(
        [Measurement("report.plan_completion_rat", Decimal("0.9"))]
    )
    ev = attrs.evolve(ev, assessment=Assessment((CriterionAssessment("9.9", Decimal(1)),)))
    with pytest.raises(LoadError) as info:
        read_evidence_json(_json(ev), FW, source="ev.json")
    by_code = {p.code: p for p in info.value.problems}
    assert "did you mean report.plan_completion_rate?" in by_code["unknown-measure"].expected
    assert by_code["unknown-criterion"].path == "$.assessment.criteria[0].code"
    lenient = read_evidence_json(_json(ev), FW, lenient=True)
    assert len(lenient.warnings) == 2
    assert score(FW, lenient.evidence[0]).index == Decimal("84.03")


def test_versioned_collection_and_wrong_version(tmp_path: Path) -> None:
    one = scorecard_converter().unstructure(ba_trang_evidence())
    path = tmp_path / "many.json"
    path.write_text(
        json.dumps({"schema_version": "1", "evidence": [one, one]}, ensure_ascii=False),
        encoding="utf-8",
    )
    assert len(read_evidence_file(path, FW).evidence) == 2
    path.write_text(json.dumps({"schema_version": "2", "evidence": [one]}), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        read_evidence_file(path, FW)
    assert [p.code for p in info.value.problems] == ["schema-version"]


def test_check_rankable() -> None:
    card = score(FW, ba_trang_evidence())
    other = score(get_framework("qd-766-2022"), attrs.evolve(ba_trang_evidence(), unit=None))
    with pytest.raises(InvalidScorecard) as info:
        check_rankable([card, card, other], ["a.json", "b.json", "c.json"])
    assert sorted((p.path, p.code) for p in info.value.problems) == [
        ("b.json", "duplicate-unit"),
        ("c.json", "mixed-frameworks"),
    ]


def test_exact_ties_and_reported_ties() -> None:
    # 1/3 of the points and 100/300 tie exactly; 33.34% reported would not separate them.
    a = attrs.evolve(
        score(FW, ba_trang_evidence()),
        unit=AdministrativeUnit("99001", "A", UnitLevel.XA),
        points=Decimal(1),
        max_points=Decimal(3),
        index=Decimal("33.33"),
    )
    b = attrs.evolve(
        a,
        unit=AdministrativeUnit("99002", "B", UnitLevel.XA),
        points=Decimal("33.334"),
        max_points=Decimal(100),
        index=Decimal("33.33"),
    )
    assert [r.rank for r in rank([b, a])] == [1, 2]  # 33,334% > 33,333…%
    assert [r.rank for r in rank([b, a], ties="reported")] == [1, 1]


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        status = main(list(argv), out=out)
    return status, out.getvalue(), err.getvalue()


def test_cli_refuses_without_a_traceback(tmp_path: Path) -> None:
    status, _, err = _cli("score", "--format", "xlsx")
    assert status == 1
    assert "[output-needed]" in err
    garbage = tmp_path / "x.xlsx"
    garbage.write_bytes(b"PK\x03\x04garbage")
    status, _, err = _cli("rank", str(garbage))
    assert status == 1
    assert "[bad-workbook]" in err
    assert "Traceback" not in err
    card = tmp_path / "card.json"
    card.write_text(
        json.dumps(scorecard_converter().unstructure(score(FW, ba_trang_evidence()))),
        encoding="utf-8",
    )
    status, _, err = _cli("rank", str(card), str(card))
    assert status == 1
    assert "[duplicate-unit]" in err


def test_lenient_table_warns_on_stderr(tmp_path: Path) -> None:
    from par_index.formats.excel_evidence import write_evidence_template

    text = write_evidence_template(FW, evidence=[ba_trang_evidence()], fmt="csv").decode(
        "utf-8-sig"
    )
    path = tmp_path / "p.csv"
    path.write_text(text.replace(",1.1.1,", ",9.9.9,", 1), encoding="utf-8")
    status, out, err = _cli("score", str(path), "--lenient", "--lang", "en")
    assert status == 0
    assert "1 warnings in" in err
    assert "[unknown-criterion]" in err
    assert "Index:" in out

"""Frameworks: the bundled files, loading with every problem at once, the measure registry."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from par_index.exceptions import LoadError
from par_index.formats.json import dumps, loads, make_converter
from par_index.frameworks import (
    BUNDLED,
    MEASURES,
    BandsRule,
    Component,
    Criterion,
    Framework,
    InvalidFramework,
    MeasureKind,
    NodeRole,
    Provenance,
    ThresholdRule,
    bundled_frameworks,
    framework_from_dict,
    framework_to_dict,
    get_framework,
    load_framework,
    loads_framework,
    rule_from_dict,
    rule_to_dict,
)
from par_index.frameworks.rules import ProportionalRule, Rule
from par_index.model.units import UnitLevel
from par_index.reports.figures import STANDARD_FIGURES
from par_index.scoring.converter import configure_scoring_converter
from par_index.testing._frameworks import frameworks, rules

D = Decimal


def _converter() -> object:
    c = make_converter()
    configure_scoring_converter(c)
    return c


# --------------------------------------------------------------------------- bundled


def test_bundled_frameworks_load() -> None:
    assert tuple(fw.id for fw in bundled_frameworks()) == BUNDLED
    for fw in bundled_frameworks():
        assert fw.max_points == 100
        assert sum(c.max_points for c in fw.components) == 100
        assert fw.source
        for node in fw.walk():
            assert node.source, node.code


def test_qd_766_groups_and_provenance() -> None:
    fw = get_framework("qd-766-2022")
    assert str(fw.decision) == "766/QĐ-TTg ngày 23/06/2022"
    assert not fw.illustrative
    # QĐ 766/QĐ-TTg (as Sở Nội vụ Nam Định restates it): Công khai, minh bạch 18; Tiến độ,
    # kết quả giải quyết 20; Cung cấp dịch vụ trực tuyến 22; Số hóa hồ sơ 22; Mức độ hài
    # lòng 18.
    assert [(n.code, n.max_points) for n in fw.criteria] == [
        ("1", D(18)),
        ("2", D(20)),
        ("3", D(22)),
        ("4", D(22)),
        ("5", D(18)),
    ]
    assert all(n.provenance is Provenance.VERIFIED for n in fw.criteria)
    verified = {n.code: n.max_points for n in fw.leaves() if n.provenance is Provenance.VERIFIED}
    # 1.2 (4 points) and 2.1 (20) have verified points but a proportional rule no source
    # gives: provisional. 5.4 has its points and its 90 % threshold from the sources.
    assert verified == {"5.4": 6}
    assert (fw.node("1.2").max_points, fw.node("2.1").max_points) == (D(4), D(20))
    provisional = {n.code for n in fw.leaves() if n.provenance is Provenance.PROVISIONAL}
    # Indicator points the reference leaves as "?" or "(unverified)" are provisional.
    assert provisional == {
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "2.1",
        "3.1",
        "3.2",
        "3.3",
        "3.5",
        "3.6",
        "4.1",
        "4.2",
        "4.3",
        "5.2",
        "5.3",
    }
    for code in provisional:
        note = fw.node(code).note
        assert "tạm tính" in note or "chưa" in note or "không có nguồn" in note
    # Thresholds of the formula document: 3.1 80%, 3.3 50%, 3.5 80%, 4.2 80%, 4.3 80%, 5.4 90%.
    thresholds = {
        n.code: n.rule.threshold for n in fw.leaves() if isinstance(n.rule, ThresholdRule)
    }
    assert thresholds == {
        "3.1": D("0.8"),
        "3.3": D("0.5"),
        "3.5": D("0.8"),
        "4.2": D("0.8"),
        "4.3": D("0.8"),
        "5.4": D("0.9"),
    }
    assert fw.node("2.1").measure == "dossiers.on_time_rate_766"
    assert fw.node("5.4").measure == "dossiers.satisfaction_rate_5_4"
    assert isinstance(fw.node("2.1").rule, ProportionalRule)


def test_qd_766_unverified_points_are_provisional() -> None:
    fw = get_framework("qd-766-2022")
    for code in ("4.3", "5.2", "5.3"):
        assert fw.node(code).provenance is Provenance.PROVISIONAL


def test_example_commune_is_illustrative() -> None:
    fw = get_framework("example-commune")
    assert fw.illustrative
    assert fw.decision is None
    assert "minh họa" in fw.name.lower()
    assert "not an official table" in fw.name_en
    assert "không phải" in fw.description
    assert len(fw.criteria) == 8
    assert [c.max_points for c in fw.components] == [80, 20]
    assert fw.has_survey
    assert all(n.provenance is Provenance.PROVISIONAL for n in fw.walk())
    assert set(fw.unit_levels) == {UnitLevel.XA, UnitLevel.PHUONG, UnitLevel.THI_TRAN}
    assert fw.node("1.6").role is NodeRole.BONUS
    measures = {n.measure for n in fw.leaves() if n.measure}
    assert "report.dossiers_early_or_on_time_rate" in measures
    assert "report.budget_revenue_rate" in measures


def test_get_framework_by_path_and_unknown_id(tmp_path: Path) -> None:
    source = Path(__file__).parents[1] / "src/par_index/frameworks/data/qd-766-2022.toml"
    copy = tmp_path / "mine.toml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    assert get_framework(str(copy)) == get_framework("qd-766-2022")
    assert load_framework(copy) == get_framework("qd-766-2022")
    with pytest.raises(KeyError):
        get_framework("no-such-framework")


# --------------------------------------------------------------------------- problems

BROKEN = (Path(__file__).parent / "golden" / "broken-framework.toml").read_text(encoding="utf-8")


def test_a_file_with_several_mistakes_names_each() -> None:
    with pytest.raises(LoadError) as caught:
        loads_framework(BROKEN, source="broken.toml")
    found = {(p.path, p.code) for p in caught.value.problems}
    assert found == {
        ("colour", "unknown-field"),
        ("criteria[0].children", "children-sum"),
        ("criteria[0].children[0].rule.bands[1]", "band-overlap"),
        ("criteria[0].children[1].code", "duplicate-code"),
        ("criteria[0].children[1].rule", "points-above-max"),
        ("criteria[0].children[2].measure", "unknown-measure"),
        ("criteria[1].children[0].measure", "measure-kind"),
        ("criteria[1].children[1].rule.text", "unreadable-rule"),
        ("criteria[1].children[1].code", "code-parent"),
    }
    message = str(caught.value)
    assert "broken.toml" in message
    assert "'Tốt: 2 điểm'" in message  # the fragment that could not be read
    assert "no.such_measure" in message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("text", "path", "code"),
    [
        ("id = [", "$", "bad-toml"),
        ('version = "1"', "id", "missing-field"),
        (BROKEN.replace('max_points = 10\ncolour = "red"', 'max_points = "x"'), "max_points", ""),
        (BROKEN.replace("illustrative = true\n", ""), "decision", "missing-decision"),
        (
            BROKEN.replace('name = "A"', 'name = "A"\n  role = "extra"'),
            "criteria[0].children[0].role",
            "not-allowed",
        ),
        (
            BROKEN.replace('measure = "no.such_measure"\n', ""),
            "criteria[0].children[2].measure",
            "missing-measure",
        ),
    ],
)
def test_single_problems_have_paths(text: str, path: str, code: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads_framework(text)
    found = {(p.path, p.code) for p in caught.value.problems}
    assert any(p == path and (not code or c == code) for p, c in found), found


def _leaf(code: str, max_points: str, **kw: object) -> Criterion:
    return Criterion(code, f"Tiêu chí {code}", D(max_points), **kw)  # type: ignore[arg-type]


def test_constructor_checks_the_tree() -> None:
    rule = rule_from_dict("Đạt: 1 điểm; không đạt: 0 điểm")
    leaf = _leaf("1.1", "1", rule=rule, measure="reports.on_time")
    top = Criterion("1", "Lĩnh vực", D(1), children=(leaf,))
    fw = Framework(
        "t", "1", "Thử", (top,), (Component("a", "Thẩm định", D(1)),), D(1), illustrative=True
    )
    assert fw.node("1.1") is leaf
    with pytest.raises(InvalidFramework) as caught:
        Framework("t", "1", "Thử", (top,), (Component("a", "Thẩm định", D(2)),), D(2))
    codes = {p.code for p in caught.value.problems}
    # The component's sum follows from the top-level sum: only the cause is reported.
    assert codes == {"missing-decision", "children-sum"}
    two = (Component("a", "Thẩm định", D("0.5")), Component("b", "Khác", D("0.5")))
    top_a = Criterion("1", "Lĩnh vực", D(1), children=(leaf,), component="a")
    with pytest.raises(InvalidFramework) as caught:
        Framework("t", "1", "Thử", (top_a,), two, D(1), illustrative=True)
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("components[0].max_points", "component-sum"),
        ("components[1].max_points", "component-sum"),
    }
    with pytest.raises(InvalidFramework):
        Criterion("1", "x", D(1))  # a leaf without a rule
    with pytest.raises(InvalidFramework):
        Criterion("1", "x", D(1), children=(leaf,), rule=rule)


def test_bonus_and_survey_rules() -> None:
    text = """
id = "b"
version = "1"
name = "Thưởng"
illustrative = true
max_points = 2
[[components]]
id = "a"
name = "Thẩm định"
max_points = 1
[[components]]
id = "s"
name = "Khảo sát"
max_points = 1
survey = true
[[criteria]]
code = "1"
name = "Một"
max_points = 1
component = "a"
  [[criteria.children]]
  code = "1.1"
  name = "Lá"
  max_points = 1
  rule = "Điểm = (điểm khảo sát trung bình - 1) / (5 - 1) × điểm tối đa"
  [[criteria.children]]
  code = "1.2"
  name = "Thưởng"
  max_points = 0.5
  role = "bonus"
  measure = "innovation.initiatives"
  rule = "Mỗi sáng kiến: 0,5 điểm"
[[criteria]]
code = "2"
name = "Hai"
max_points = 1
component = "s"
  [[criteria.children]]
  code = "2.1"
  name = "Lá"
  max_points = 1
  measure = "reports.on_time"
  rule = "Đạt: 1 điểm; không đạt: 0 điểm"
"""
    with pytest.raises(LoadError) as caught:
        loads_framework(text)
    found = {(p.path, p.code) for p in caught.value.problems}
    assert found == {
        ("criteria[0].children[0].rule", "survey-outside-survey"),
        ("criteria[1].children[0].rule", "non-survey-in-survey"),
    }


# --------------------------------------------------------------------------- registry


def test_registry_has_every_report_figure_and_the_dossier_measures() -> None:
    for name, spec in STANDARD_FIGURES.items():
        measure = MEASURES[f"report.{name}"]
        expected = {"%": MeasureKind.RATE, "điểm": MeasureKind.VALUE}.get(
            spec.unit, MeasureKind.COUNT
        )
        assert measure.kind is expected, name
    for name in (
        "dossiers.received",
        "dossiers.on_time_rate_766",
        "dossiers.early_or_on_time_rate",
        "dossiers.online_rate_766",
        "dossiers.online_submitted_rate",
        "dossiers.electronic_result_rate",
        "dossiers.digitised_rate",
        "dossiers.reuse_rate",
        "dossiers.paid_online_rate",
        "dossiers.satisfaction_rate_5_4",
    ):
        assert name in MEASURES
    assert MEASURES["dossiers.received"].kind is MeasureKind.COUNT
    assert MEASURES["plan.issued"].categories == ("on_time", "late", "not_done")
    for registered in MEASURES.values():
        assert registered.description_vi
        assert registered.description_en


def test_every_bundled_measure_exists_and_services_inputs_are_named() -> None:
    for fw in bundled_frameworks():
        for leaf in fw.leaves():
            if leaf.measure is not None:
                assert leaf.measure in MEASURES
    services = {n.measure for n in get_framework("qd-766-2022").leaves()} - {
        m for m in MEASURES if m.startswith("dossiers.")
    }
    assert all(m is not None and m.startswith("services.") for m in services)


# --------------------------------------------------------------------------- round trips


def test_json_round_trip_of_the_bundled_frameworks() -> None:
    c = _converter()
    for fw in bundled_frameworks():
        text = dumps(fw, converter=c)  # type: ignore[arg-type]
        assert loads(Framework, text, converter=c) == fw  # type: ignore[arg-type]
        assert framework_from_dict(framework_to_dict(fw)) == fw


def test_structured_rule_errors_have_paths() -> None:
    with pytest.raises(LoadError) as caught:
        rule_from_dict({"kind": "bands", "bands": [{"points": "x"}], "colour": 1}, "rule")
    found = {(p.path, p.code) for p in caught.value.problems}
    assert ("rule.colour", "unknown-field") in found
    assert ("rule.bands[0].points", "not-a-number") in found
    with pytest.raises(LoadError):
        rule_from_dict({"kind": "nope"})


@settings(max_examples=100)
@given(rules())
def test_rule_dict_round_trip(rule: Rule) -> None:
    assert rule_from_dict(rule_to_dict(rule)) == rule


@settings(max_examples=60, deadline=None)
@given(frameworks())
def test_drawn_frameworks_survive_json(fw: Framework) -> None:
    c = _converter()
    assert loads(Framework, dumps(fw, converter=c), converter=c) == fw  # type: ignore[arg-type]
    assert framework_from_dict(framework_to_dict(fw)) == fw


def test_bands_in_structured_form() -> None:
    rule = rule_from_dict(
        {
            "kind": "bands",
            "bands": [
                {"points": D(1), "lower": D("0.8")},
                {"points": 0, "upper": "0.8"},
            ],
        }
    )
    assert isinstance(rule, BandsRule)
    assert rule.bands[0].lower == D("0.8")


@pytest.mark.parametrize("framework_id", ["qd-766-2022", "example-commune"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_bundled_frameworks_golden(framework_id: str, lang: str) -> None:
    """Each bundled framework as ``frameworks show`` prints it: a rule change is a readable diff.

    Regenerate on purpose with PAR_INDEX_UPDATE_GOLDEN=1.
    """
    import io as _io
    import os

    from par_index.cli import main

    out = _io.StringIO()
    assert main(["frameworks", "show", framework_id, "--lang", lang], out) == 0
    path = Path(__file__).parent / "golden" / f"framework-{framework_id}.{lang}.txt"
    if os.environ.get("PAR_INDEX_UPDATE_GOLDEN") == "1":
        path.write_text(out.getvalue(), encoding="utf-8")
    assert out.getvalue() == path.read_text(encoding="utf-8")


def test_levels_and_unscored_round_trip_and_report_their_problems() -> None:
    fw = get_framework("qd-766-2022")
    data = framework_to_dict(fw)
    assert data["unscored"][0] == {
        "code": "2.2",
        "name": "Thời gian giải quyết TTHC trung bình theo từng TTHC",
        "name_en": "Average handling time per procedure",
        "source": "Mô tả công thức tính chỉ số 766, 2.2",
        "note": "Có công thức, không có quy tắc tính điểm (measure: average_working_days).",
    }
    assert framework_from_dict(data) == fw
    data["criteria"][0]["children"][0]["levels"] = ["tỉnh", "vùng"]
    data["unscored"].append({"code": "2.1", "name": "Trùng mã"})
    data["unscored"].append({"code": "9.9"})
    with pytest.raises(LoadError) as info:
        framework_from_dict(data)
    found = [(p.path, p.code) for p in info.value.problems]
    assert sorted(found) == [
        ("criteria[0].children[0].levels[1]", "not-allowed"),
        ("unscored[4].code", "duplicate-code"),
        ("unscored[5].name", "missing-field"),
    ]

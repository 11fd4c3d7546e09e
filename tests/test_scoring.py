"""Scoring: hand-computed scorecards, classification, ranking, comparisons, properties, CLI.

Golden files under ``tests/golden/`` hold the Ba Trang scorecard as JSON and as text; they
are compared exactly. Regenerate them only on purpose, after checking the diff:
``PAR_INDEX_UPDATE_GOLDEN=1 python -m pytest tests/test_scoring.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from decimal import Decimal
from pathlib import Path

import attrs
import cattrs
import pytest
from hypothesis import given, settings

from par_index.cli import main
from par_index.core.decimals import library_context
from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.json import dumps, loads, make_converter
from par_index.formats.scorecard_text import render_scorecard_text
from par_index.frameworks import (
    BooleanRule,
    Framework,
    get_framework,
    is_monotone,
    loads_framework,
)
from par_index.frameworks.measures import MeasureKind, MeasureValue
from par_index.frameworks.model import NodeRole
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring.classification import NATIONAL, QUANG_TRI_3009, InvalidScorecard
from par_index.scoring.comparison import compare
from par_index.scoring.converter import configure_scoring_converter
from par_index.scoring.engine import score
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    InvalidEvidence,
    Measurement,
    SurveyResult,
)
from par_index.scoring.improvements import improvements
from par_index.scoring.ranking import rank
from par_index.scoring.scorecard import NodeScore, NodeStatus, Scorecard
from par_index.testing._frameworks import framework_evidence, frameworks

D = Decimal
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PAR_INDEX_UPDATE_GOLDEN") == "1"


def _converter() -> cattrs.Converter:
    c = make_converter()
    configure_scoring_converter(c)
    return c


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


# --------------------------------------------------------------------------- Ba Trang

# The Ba Trang six-month 2023 report under the illustrative commune framework, by hand.
# Values from the report (line numbers of the bundled text) and the facts its text states:
#
#   1.1.1 plan.issued = on time (QĐ 252/QĐ-UBND 25/12/2022) ........... 1    / 1
#   1.1.2 plan completion 100% (l. 32) → "hoàn thành 100% kế hoạch" .... 2    / 2
#   1.1.3 assigned tasks done: the report gives no count ........ missing 0   / 1
#   1.2.1 six-month report dated 05/6, due 20/6: on time ............... 1    / 1
#   1.2.2 report has the five parts of the outline: đạt ................ 1    / 1
#   1.3.1 inspection plan issued: đạt .................................. 1    / 1
#   1.3.2 inspection planned for Q3: not applicable ............... excluded (2)
#   1.4.1 9 information sessions (l. 38) → "từ 6 buổi trở lên" ......... 2    / 2
#   1.4.2 4 news items (l. 38) → "từ 3 đến dưới 6 tin" ................. 0.5  / 1
#   1.5.1 1 dialogue (l. 26) → "từ 1 hội nghị trở lên" ................. 1    / 1
#   1.5.2 5 meetings (l. 15) → "từ 4 cuộc trở lên" ..................... 1    / 1
#   1.6   bonus: no new initiative → 0 × 0.5 ........................... +0
#   domain 1: 1 + 2 + 0 + 1 + 1 + 1 + 2 + 0.5 + 1 + 1 = 10.5 of 14 − 2 = 12
#   2.1   no legal document required: not applicable ............... excluded (2)
#   2.2   3 reviewed / 3 due (l. 58) = 100% × 3 ........................ 3    / 3
#   2.3   3 documents self-inspected (l. 54) → "từ 1 văn bản trở lên" .. 1    / 1
#   2.4   legal education plan 14/KH-UBND carried out .................. 2    / 2
#   domain 2: 6 of 8 − 2 = 6
#   3.1   100% procedures on the one-stop software (l. 70) → "100%" .... 2    / 2
#   3.2   96.83% early or on time (l. 72) → "từ 95% đến dưới 98%" ...... 6    / 8
#   3.3   53.96% online (l. 72) ≥ 50% → full ........................... 4    / 4
#   3.4   no feedback received (l. 74): not applicable ............. excluded (2)
#   3.5.1 "còn thiếu 02 máy tính, 01 máy scan": không đạt .............. 0    / 2
#   3.5.2 4 staff (l. 68) → "từ 3 người trở lên" ....................... 1    / 1
#   3.5.3 allowance paid: đạt .......................................... 1    / 1
#   3.6   digitisation score 9 (l. 70) → "từ 8 điểm trở lên" ........... 2    / 2
#   3.7   procedure review plan: đạt ................................... 2    / 2
#   domain 3: 2 + 6 + 4 + 0 + 1 + 1 + 2 + 2 = 18 of 24 − 2 = 22
#   4.1, 4.2 đạt ....................................................... 3 + 3 / 6
#   5.1   discipline: manual, no self-score or appraisal ........ missing 0   / 3
#   5.2, 5.3 đạt ....................................................... 2 + 3 / 5
#   domain 5: 5 of 8
#   6.1   budget revenue 50% (l. 100) × 6 .............................. 3    / 6
#   6.2   no audit recommendation (l. 104): not applicable ......... excluded (2)
#   6.3   public assets by the rules: đạt .............................. 2    / 2
#   domain 6: 5 of 8
#   7.1–7.5 đạt ........................................................ 10   / 10
#   8     no survey run: the 20 survey points leave the maximum
#   total: 10.5 + 6 + 18 + 6 + 5 + 5 + 10 = 60.5 of 12 + 6 + 22 + 6 + 8 + 8 + 10 = 72
#   index: 60.5 / 72 × 100 = 84.0277… → 84.03 (appraised points rescaled to 100)
#   class (Quảng Trị 3009/QĐ-UBND 2017): ≥ 80 → Tốt; incomplete: 1.1.3 and 5.1 missing.

BA_TRANG = {
    "1": ("10.5", "12"),
    "1.1.3": ("0", "1"),
    "1.3.2": ("0", "0"),
    "1.4.2": ("0.5", "1"),
    "1.6": ("0", "1"),
    "2": ("6", "6"),
    "3": ("18", "22"),
    "3.2": ("6", "8"),
    "3.5.1": ("0", "2"),
    "4": ("6", "6"),
    "5": ("5", "8"),
    "6": ("5", "8"),
    "6.1": ("3", "6"),
    "7": ("10", "10"),
    "8": ("0", "0"),
}


def test_ba_trang_by_hand() -> None:
    card = score(get_framework("example-commune"), ba_trang_evidence())
    assert card.points == D("60.5")
    assert card.max_points == 72
    assert card.declared_max == 100
    assert card.index == D("84.03")
    assert card.rescaled
    assert not card.survey_run
    assert card.classification is not None
    assert (card.classification.scheme, card.classification.label_vi) == (
        "quang-tri-3009-2017",
        "Tốt",
    )
    assert not card.complete
    assert card.missing == ("1.1.3", "5.1")
    for code, (points, maximum) in BA_TRANG.items():
        node = card.node(code)
        assert (node.points, node.max_points) == (D(points), D(maximum)), code
    assert card.node("1.3.2").status is NodeStatus.NOT_APPLICABLE
    assert card.node("8").status is NodeStatus.SURVEY_NOT_RUN
    assert card.node("5.1").status is NodeStatus.MISSING_EVIDENCE
    assert card.node("1.6").role is NodeRole.BONUS
    e = card.node("3.2").explanation
    assert e is not None
    assert (e.value, e.matched, e.points_lost) == (D("0.9683"), "từ 95% đến dưới 98%", D(2))
    assert (e.next_condition, e.next_points) == ("từ 98% trở lên", D(8))
    assert e.source == "báo cáo, dòng 72, “96,83%”"
    assert card.framework_id == "example-commune"
    assert card.framework_version == "2023.1"
    assert card.illustrative


def test_ba_trang_under_the_national_scheme_and_the_766_index() -> None:
    card = score(get_framework("example-commune"), ba_trang_evidence(), scheme=NATIONAL)
    assert card.classification is not None
    assert card.classification.code == "B"
    index = score(get_framework("qd-766-2022"), ba_trang_evidence())
    # The report holds none of the QĐ 766 inputs: every indicator is missing, nothing
    # is guessed; 1.1–1.3 are not computed for a commune (not applicable, out of the maximum).
    assert index.points == 0
    assert len(index.missing) == 13
    assert index.classification is None


def test_ba_trang_improvements() -> None:
    items = improvements(score(get_framework("example-commune"), ba_trang_evidence()))
    assert [(i.code, i.attainable) for i in items] == [
        ("5.1", D(3)),
        ("6.1", D(3)),
        ("3.2", D(2)),
        ("3.5.1", D(2)),
        ("1.1.3", D(1)),
        ("1.4.2", D("0.5")),
    ]
    assert items[2].next_condition == "từ 98% trở lên"


def test_ba_trang_golden_json_and_text() -> None:
    card = score(get_framework("example-commune"), ba_trang_evidence())
    c = _converter()
    text = dumps(card, converter=c) + "\n"
    _golden("ba-trang-2023-h1.example-commune.json", text)
    assert loads(Scorecard, text, converter=c) == card
    status, out = run_cli("score")
    assert status == 0
    _golden("ba-trang-2023-h1.example-commune.txt", out)
    status, out = run_cli("score", "--lang", "en")
    assert status == 0
    _golden("ba-trang-2023-h1.example-commune.en.txt", out)


# --------------------------------------------------------------------------- small frameworks

SMALL = """
id = "small"
version = "1"
name = "Khung nhỏ"
illustrative = true
max_points = 20
classification = "national"

[[measures]]
name = "custom.reprimands"
kind = "count"
description_vi = "Số lần bị phê bình"

[[components]]
id = "appraised"
name = "Thẩm định"
max_points = 16

[[components]]
id = "survey"
name = "Khảo sát"
max_points = 4
survey = true

[[criteria]]
code = "1"
name = "Chỉ đạo"
max_points = 8
component = "appraised"

  [[criteria.children]]
  code = "1.1"
  name = "Kế hoạch"
  max_points = 1
  measure = "report.plan_completion_rate"
  rule = "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm"

  [[criteria.children]]
  code = "1.2"
  name = "Ban hành"
  max_points = 1
  measure = "plan.issued"
  rule = "Ban hành đúng thời gian: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm"

  [[criteria.children]]
  code = "1.3"
  name = "Báo cáo"
  max_points = 1
  measure = "reports.on_time"
  rule = "Đạt: 1 điểm; không đạt: 0 điểm"

  [[criteria.children]]
  code = "1.4"
  name = "Thu ngân sách"
  max_points = 2
  measure = "report.budget_revenue_rate"
  rule = "Điểm = tỷ lệ đạt được × điểm tối đa"

  [[criteria.children]]
  code = "1.5"
  name = "Trực tuyến"
  max_points = 2
  measure = "report.dossiers_online_rate"
  rule = { kind = "threshold", threshold = 0.5 }

  [[criteria.children]]
  code = "1.6"
  name = "Kỷ luật"
  max_points = 1
  rule = "Điểm do cơ quan thẩm định chấm, từ 0 đến điểm tối đa"

  [[criteria.children]]
  code = "1.7"
  name = "Bị phê bình"
  max_points = 1
  role = "deduction"
  measure = "custom.reprimands"
  rule = "Mỗi lần bị phê bình: 0,5 điểm"

  [[criteria.children]]
  code = "1.8"
  name = "Sáng kiến"
  max_points = 1
  role = "bonus"
  measure = "innovation.initiatives"
  rule = "Mỗi sáng kiến: 0,5 điểm"

[[criteria]]
code = "2"
name = "TTHC"
max_points = 8
component = "appraised"

  [[criteria.children]]
  code = "2.1"
  name = "Đúng hạn"
  max_points = 2
  measure = "report.dossiers_early_or_on_time_rate"
  rule = "Trên 90%: 2 điểm; từ 70% – 90%: 1 điểm; dưới 70%: 0 điểm"

  [[criteria.children]]
  code = "2.2"
  name = "Kiểm tra"
  max_points = 3
  measure = "inspection.done"
  rule = "Đạt: 3 điểm; không đạt: 0 điểm"

  [[criteria.children]]
  code = "2.3"
  name = "ISO"
  max_points = 3
  measure = "iso.maintained"
  not_applicable = "full_points"
  rule = "Đạt: 3 điểm; không đạt: 0 điểm"

[[criteria]]
code = "3"
name = "Khảo sát"
max_points = 4
component = "survey"

  [[criteria.children]]
  code = "3.1"
  name = "Hài lòng"
  max_points = 4
  rule = "Điểm = (điểm khảo sát trung bình - 1) / (5 - 1) × điểm tối đa"
"""


def _small() -> Framework:
    return loads_framework(SMALL, source="small.toml")


def _values(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "report.plan_completion_rate": D("0.8"),  # exactly 80%
        "plan.issued": "late",
        "reports.on_time": False,
        "report.budget_revenue_rate": D("0.75"),
        "report.dossiers_online_rate": D("0.3"),
        "custom.reprimands": 3,
        "innovation.initiatives": 1,
        "report.dossiers_early_or_on_time_rate": D("0.9"),  # exactly 90%
        "inspection.done": NOT_APPLICABLE,
        "iso.maintained": NOT_APPLICABLE,
    }
    values.update(overrides)
    return values


def _evidence(overrides: dict[str, object] | None = None, *, survey: bool = True) -> Evidence:
    measures = tuple(
        Measurement(k, v)  # type: ignore[arg-type]
        for k, v in _values(**(overrides or {})).items()
        if v is not None
    )
    assessment = Assessment(
        (
            CriterionAssessment(
                "1.6",
                self_score=D(1),
                rounds=(AppraisalRound(1, D("0.5")), AppraisalRound(2, D("0.75"))),
            ),
        ),
        (SurveyResult("3.1", D(4), 200),) if survey else (),
    )
    return Evidence(measures, assessment)


def test_small_framework_every_rule_kind_by_hand() -> None:
    card = score(_small(), _evidence())
    expected = {
        "1.1": "0.5",  # exactly 80% → "từ 80% đến dưới 100%"
        "1.2": "0.5",  # late
        "1.3": "0",  # không đạt
        "1.4": "1.5",  # 0.75 × 2
        "1.5": "1.2",  # 0.3 / 0.5 × 2
        "1.6": "0.75",  # the second appraisal round, not the self-score 1
        "1.7": "1",  # 3 × 0.5 = 1.5, capped at 1: deducted
        "1.8": "0.5",  # 1 × 0.5: added
        "2.1": "1",  # exactly 90%: "trên 90%" excludes it, "70% – 90%" includes it
        "2.2": "0",  # not applicable: leaves the maximum
        "2.3": "3",  # not applicable with full points
        "3.1": "3",  # (4 − 1) / 4 × 4
    }
    for code, points in expected.items():
        assert card.node(code).points == D(points), code
    # Domain 1: 0.5 + 0.5 + 0 + 1.5 + 1.2 + 0.75 = 4.45; + 0.5 bonus − 1 deduction = 3.95.
    assert card.node("1").points == D("3.95")
    assert card.node("1").max_points == 8
    # Domain 2: 1 + 3 = 4 of 8 − 3 = 5.
    assert (card.node("2").points, card.node("2").max_points) == (D(4), D(5))
    assert card.node("2.2").status is NodeStatus.NOT_APPLICABLE
    assert card.node("2.3").status is NodeStatus.NOT_APPLICABLE
    # Total 3.95 + 4 + 3 = 10.95 of 8 + 5 + 4 = 17 → 64.4117… → 64.41.
    assert (card.points, card.max_points, card.index) == (D("10.95"), D(17), D("64.41"))
    assert card.classification is not None
    assert card.classification.code is None  # below group C under the national scheme
    assert card.complete
    assert card.survey_run
    assert not card.rescaled
    quang_tri = score(_small(), _evidence(), scheme=QUANG_TRI_3009)
    assert quang_tri.classification is not None
    assert quang_tri.classification.label_vi == "Trung bình"
    e = card.node("1.6").explanation
    assert e is not None
    assert (e.value, e.source) == (D("0.75"), "thẩm định vòng 2")


def test_survey_rescaling() -> None:
    card = score(_small(), _evidence(survey=False))
    # Without a survey the 4 survey points leave the maximum: 7.95 / 13 × 100 = 61.1538…
    assert (card.points, card.max_points, card.index) == (D("7.95"), D(13), D("61.15"))
    assert card.rescaled
    assert not card.survey_run
    assert card.node("3").status is NodeStatus.SURVEY_NOT_RUN
    assert card.complete


def test_band_edges_just_below() -> None:
    card = score(_small(), _evidence({"report.plan_completion_rate": D("0.7999")}))
    assert card.node("1.1").points == 0
    e = card.node("1.1").explanation
    assert e is not None
    assert (e.matched, e.next_condition, e.next_points) == (
        "dưới 80%",
        "từ 80% đến dưới 100%",
        D("0.5"),
    )
    above = score(_small(), _evidence({"report.dossiers_early_or_on_time_rate": D("0.9001")}))
    assert above.node("2.1").points == 2


def test_missing_evidence_is_flagged_not_guessed() -> None:
    card = score(_small(), _evidence({"report.budget_revenue_rate": None}))
    node = card.node("1.4")
    assert (node.points, node.max_points, node.status) == (D(0), D(2), NodeStatus.MISSING_EVIDENCE)
    assert not card.complete
    assert card.missing == ("1.4",)
    assert not card.node("1").complete
    assert card.points == D("9.45")


def test_appraisal_overrides_a_computed_score() -> None:
    ev = _evidence()
    rounds = (AppraisalRound(1, D(1), "đã đối chiếu biên bản"),)
    ev = ev.with_assessment(
        Assessment(
            (*ev.assessment.criteria, CriterionAssessment("1.3", rounds=rounds)),
            ev.assessment.survey,
        )
    )
    card = score(_small(), ev)
    e = card.node("1.3").explanation
    assert card.node("1.3").points == 1
    assert e is not None
    assert (e.computed, e.appraised) == (D(0), D(1))


def test_marked_not_applicable_excludes_the_subtree() -> None:
    ev = _evidence()
    ev = ev.with_assessment(Assessment(ev.assessment.criteria, ev.assessment.survey, ("1",)))
    card = score(_small(), ev)
    assert card.node("1").status is NodeStatus.NOT_APPLICABLE
    assert (card.node("1").max_points, card.node("1.8").points) == (D(0), D(0))
    assert card.max_points == 9  # 5 + 4
    # Each leaf keeps its own policy: 2.3 earns its maximum when not applicable.
    ev = ev.with_assessment(Assessment(ev.assessment.criteria, ev.assessment.survey, ("2",)))
    card = score(_small(), ev)
    assert (card.node("2").points, card.node("2").max_points) == (D(3), D(3))


def test_wrong_values_are_all_reported() -> None:
    ev = _evidence({"custom.reprimands": D("0.5")})
    ev = ev.with_assessment(Assessment((CriterionAssessment("1.6", self_score=D(5)),)))
    with pytest.raises(InvalidEvidence) as caught:
        score(_small(), ev)
    assert [p.path for p in caught.value.problems] == [
        "1.6: criterion 1.6",
        "1.7: custom.reprimands",
    ]


def test_scope_is_checked() -> None:
    fw = get_framework("example-commune")
    ev = attrs_evolve_unit(
        ba_trang_evidence(), AdministrativeUnit("51", "Quảng Ngãi", UnitLevel.TINH)
    )
    with pytest.raises(InvalidEvidence) as caught:
        score(fw, ev)
    assert caught.value.problems[0].code == "framework-scope"
    assert score(fw, ev, check_scope=False).index == D("84.03")
    with pytest.raises(InvalidScorecard):
        score(fw, ba_trang_evidence(), scheme="no-such-scheme")


def attrs_evolve_unit(ev: Evidence, unit: AdministrativeUnit) -> Evidence:
    return Evidence(ev.measures, ev.assessment, unit, ev.period)


# --------------------------------------------------------------------------- classification


@pytest.mark.parametrize(
    ("index", "national", "quang_tri"),
    [
        ("92.18", "A", "tot"),  # Quảng Ninh 2023, 1st (docs/sources.md, PAR INDEX)
        ("90.00", "A", "tot"),
        ("89.99", "B", "tot"),
        ("86.98", "B", "tot"),  # the 2023 provincial average
        ("80.00", "B", "tot"),
        ("79.99", "C", "kha"),
        ("70.00", "C", "kha"),
        ("69.99", None, "trung_binh"),
        ("60.00", None, "trung_binh"),
        ("59.99", None, "yeu"),
    ],
)
def test_schemes(index: str, national: str | None, quang_tri: str) -> None:
    grade = NATIONAL.classify(D(index))
    assert (grade.code if grade else None) == national
    qt = QUANG_TRI_3009.classify(D(index))
    assert qt is not None
    assert qt.code == quang_tri


# --------------------------------------------------------------------------- rank, compare


def _card(name: str, index: str, period: ReportingPeriod | None = None) -> Scorecard:
    base = score(get_framework("example-commune"), ba_trang_evidence())
    return Scorecard(
        base.framework_id,
        base.framework_version,
        base.framework_name,
        base.illustrative,
        AdministrativeUnit(None, name, UnitLevel.XA),
        period or base.period,
        base.nodes,
        base.points,
        base.max_points,
        base.declared_max,
        D(index) if index != "na" else NOT_APPLICABLE,
        base.survey_run,
        base.rescaled,
        base.complete,
        base.missing,
        base.classification,
    )


def test_rank_ties_share_a_rank() -> None:
    cards = [
        _card("Ba Vì", "86.98"),
        _card("Ba Trang", "92.18"),
        _card("Ba Tô", "86.98"),
        _card("Ba Dinh", "80.50"),
        _card("Ba Xa", "na"),
    ]
    # These cards carry a made-up reported index over the same points: tie on what is reported.
    ranked = rank(cards, ties="reported")
    assert [(r.rank, r.scorecard.unit_label()) for r in ranked] == [
        (1, "xã Ba Trang"),
        (2, "xã Ba Tô"),
        (2, "xã Ba Vì"),
        (4, "xã Ba Dinh"),
        (None, "xã Ba Xa"),
    ]


def test_year_over_year() -> None:
    fw = get_framework("example-commune")
    before = score(fw, ba_trang_evidence())
    values: dict[str, MeasureValue] = {
        "report.dossiers_early_or_on_time_rate": D("0.985"),
        "report.news_items": 7,
    }
    better = ba_trang_evidence().with_measures(values)
    after = score(fw, better)
    diff = compare(before, after)
    assert diff.points_change == D("2.5")
    # 63 / 72 = 87.50
    assert diff.index_change == D("87.50") - D("84.03")
    rows = {row.code: row for row in diff.nodes}
    assert rows["3.2"].change == 2
    assert rows["1.4.2"].change == D("0.5")
    assert rows["7"].change == 0
    with pytest.raises(InvalidScorecard):
        compare(before, score(get_framework("qd-766-2022"), ba_trang_evidence()))


# --------------------------------------------------------------------------- properties


def _children(card: Scorecard) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    stack: list[int] = []
    for i, n in enumerate(card.nodes):
        while stack and card.nodes[stack[-1]].depth >= n.depth:
            stack.pop()
        if stack:
            out.setdefault(stack[-1], []).append(i)
        stack.append(i)
    return out


def _check_points(card: Scorecard) -> None:
    # The sums are checked in the arithmetic the library computes in (60 digits).
    with library_context():
        _check_sums(card)


def _check_sums(card: Scorecard) -> None:
    for n in card.nodes:
        assert 0 <= n.points <= n.max_points or (n.max_points == 0 and n.points == 0), n.code
        assert n.max_points <= n.declared_max
    kids = _children(card)
    for i, children in kids.items():
        parent: NodeScore = card.nodes[i]
        normal = [card.nodes[c] for c in children if card.nodes[c].role is NodeRole.NORMAL]
        extra = sum(
            (
                card.nodes[c].points
                if card.nodes[c].role is NodeRole.BONUS
                else -card.nodes[c].points
                for c in children
                if card.nodes[c].role is not NodeRole.NORMAL
            ),
            D(0),
        )
        cap = sum((c.max_points for c in normal), D(0))
        assert parent.max_points == cap
        if cap:
            got = sum((c.points for c in normal), D(0)) + extra
            assert parent.points == min(cap, max(D(0), got))


@settings(max_examples=150, deadline=None)
@given(framework_evidence())
def test_points_stay_within_bounds_and_add_up(pair: tuple[Framework, Evidence]) -> None:
    fw, ev = pair
    card = score(fw, ev)
    _check_points(card)
    assert card.max_points <= card.declared_max
    if isinstance(card.index, Decimal):
        assert 0 <= card.index <= 100


def _improve(value: object, kind: MeasureKind) -> object:
    if isinstance(value, bool):
        return True
    if kind is MeasureKind.RATE and isinstance(value, Decimal):
        return min(D(1), value + D("0.1"))
    if isinstance(value, int):
        return value + 3
    if isinstance(value, Decimal):
        return value + 1
    return value


@settings(max_examples=150, deadline=None)
@given(framework_evidence(frameworks=frameworks(monotone=True)))
def test_monotone_rules_never_lose_points_when_a_measure_improves(
    pair: tuple[Framework, Evidence],
) -> None:
    fw, ev = pair
    before = score(fw, ev)
    for m in ev.measures:
        spec = fw.measure_spec(m.name)
        if m.value is NOT_APPLICABLE or spec is None or m.name == "custom.reprimands":
            continue  # more reprimands is worse, not better
        readers = [leaf for leaf in fw.leaves() if leaf.measure == m.name]
        if not all(leaf.rule is not None and is_monotone(leaf.rule) for leaf in readers):
            continue
        improved = ev.with_measures([Measurement(m.name, _improve(m.value, spec.kind))])  # type: ignore[arg-type]
        after = score(fw, improved)
        for leaf in readers:
            assert after.node(leaf.code).points >= before.node(leaf.code).points
        assert after.points >= before.points


@settings(max_examples=150, deadline=None)
@given(framework_evidence())
def test_marking_a_node_not_applicable_leaves_the_others_alone(
    pair: tuple[Framework, Evidence],
) -> None:
    fw, ev = pair
    before = score(fw, ev)
    target = fw.leaves()[0].code if len(fw.criteria) == 1 else fw.criteria[-1].code
    marked = Assessment(
        ev.assessment.criteria,
        ev.assessment.survey,
        (*ev.assessment.not_applicable, target),
    )
    after = score(fw, ev.with_assessment(marked))
    for b, a in zip(before.nodes, after.nodes, strict=True):
        related = (
            b.code == target or b.code.startswith(target + ".") or target.startswith(b.code + ".")
        )
        if not related:
            assert (a.points, a.max_points) == (b.points, b.max_points), b.code


@settings(max_examples=80, deadline=None)
@given(framework_evidence())
def test_scoring_is_deterministic_and_survives_json(pair: tuple[Framework, Evidence]) -> None:
    fw, ev = pair
    c = _converter()
    card = score(fw, ev)
    fw2 = loads(Framework, dumps(fw, converter=c), converter=c)
    ev2 = loads(Evidence, dumps(ev, converter=c), converter=c)
    assert score(fw2, ev2) == card
    assert score(fw, ev) == card
    assert loads(Scorecard, dumps(card, converter=c), converter=c) == card


def test_boolean_rule_helper() -> None:
    assert is_monotone(BooleanRule(D(1)))


# --------------------------------------------------------------------------- CLI


def run_cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def test_cli_score_formats(tmp_path: Path) -> None:
    status, text = run_cli("score", "--lang", "en")
    assert status == 0
    assert "Index: 84.03% (no survey run: appraised points rescaled to 100)" in text
    assert "ILLUSTRATIVE" in text
    status, text = run_cli("score", "--format", "json")
    assert json.loads(text)["index"] == "84.03"
    status, text = run_cli("score", "--format", "csv")
    assert text.startswith("\ufeffunit_code,unit,period,code,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0]["code"] == "1"
    assert rows[0]["unit"] == "Ba Trang"
    # One decimal style: every number with the scorecard's 2 decimals (3.2 earns 6 points).
    assert {r["code"]: r["points"] for r in rows}["3.2"] == "6.00"
    assert {r["code"]: r["max_points"] for r in rows}["1.1.1"] == "1.00"
    status, text = run_cli("score", "--format", "md")
    assert "| 3.2 |" in text
    evidence_file = tmp_path / "ba-trang.evidence.json"
    evidence_file.write_text(dumps(ba_trang_evidence(), converter=_converter()), encoding="utf-8")
    status, text = run_cli("score", str(evidence_file), "--framework", "example-commune")
    assert status == 0
    assert "84,03%" in text


def _scored_card(name: str, plan_completion: str) -> Scorecard:
    """A real scorecard of the Ba Trang evidence with the plan completion rate changed."""
    evidence = ba_trang_evidence()
    measures = tuple(
        attrs.evolve(m, value=D(plan_completion)) if m.name == "tasks.plan_completion_rate" else m
        for m in evidence.measures
    )
    unit = AdministrativeUnit(None, name, UnitLevel.XA)
    changed = attrs.evolve(evidence, measures=measures, unit=unit)
    return score(get_framework("example-commune"), changed)


def test_cli_rank(tmp_path: Path) -> None:
    # Scorecards read from files are scored again before they are ranked: real ones.
    c = _converter()
    files = []
    for name, completion in (("Ba Vì", "0.5"), ("Ba Trang", "1"), ("Ba Tô", "0.5")):
        path = tmp_path / f"{name}.json"
        path.write_text(dumps(_scored_card(name, completion), converter=c), encoding="utf-8")
        files.append(str(path))
    status, text = run_cli("rank", "--ties", "reported", *files)
    assert status == 0
    lines = text.splitlines()[2:5]
    assert [line.split()[0] for line in lines] == ["1", "2", "2"]
    assert "Đồng hạng khi chỉ số đã làm tròn" in text
    status, text = run_cli("rank", "--format", "json", "--ties", "reported", *files)
    assert [r["rank"] for r in json.loads(text)["rows"]] == [1, 2, 2]
    # Ba Vì and Ba Tô have the same evidence: on the exact index too they tie.
    status, text = run_cli("rank", "--format", "json", *files)
    assert [r["rank"] for r in json.loads(text)["rows"]] == [1, 2, 2]


def test_cli_frameworks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run_cli("frameworks", "list")
    assert status == 0
    assert "qd-766-2022" in text
    assert "example-commune" in text
    status, text = run_cli("frameworks", "show", "qd-766-2022")
    assert "Từ 50% trở lên: điểm tối đa" in text
    assert "[tạm tính]" in text
    status, text = run_cli("frameworks", "show", "example-commune", "--format", "json")
    assert json.loads(text)["illustrative"] is True
    assert run_cli("frameworks", "show", "no-such-framework") == (1, "")
    assert "[unknown-framework]" in capsys.readouterr().err
    status, text = run_cli("frameworks", "check", str(GOLDEN / "broken-framework.toml"))
    assert status == 1
    assert "9 lỗi" in text
    assert "criteria[0].children[0].rule.bands[1]" in text
    good = tmp_path / "good.toml"
    good.write_text(SMALL, encoding="utf-8")
    status, text = run_cli("frameworks", "check", str(good), "--lang", "en")
    assert status == 0
    assert text.startswith("Valid: small version 1")


def test_cli_scores_a_report_text_and_flags_it_incomplete(tmp_path: Path) -> None:
    import io as _io

    from par_index.cli import main
    from par_index.examples.ba_trang import example_path

    out = _io.StringIO()
    text = str(example_path("ba-trang-2023-h1.md"))
    assert main(["score", text], out) == 0
    printed = out.getvalue()
    # Read from the text alone, only the report's figures are evidence: the facts that
    # ba_trang_evidence() adds by hand (plan issued on time, ...) are missing, and said to be.
    from par_index.frameworks import get_framework
    from par_index.reports import parse_report
    from par_index.scoring.evidence import evidence_from_report

    card = score(
        get_framework("example-commune"),
        evidence_from_report(parse_report(example_path("ba-trang-2023-h1.md").read_text("utf-8"))),
    )
    assert not card.complete
    assert "1.1.1" in card.missing
    assert f"Chưa đủ tài liệu kiểm chứng ({len(card.missing)} tiêu chí)" in printed
    assert "CHƯA ĐẦY ĐỦ" in printed
    bad = tmp_path / "bad.json"
    bad.write_text("{bad", encoding="utf-8")
    assert main(["score", str(bad)], _io.StringIO()) == 1


# QĐ 766 under the portal's formula document ("Mô tả công thức tính chỉ số 766"): 1.1 and 1.2
# "Chỉ thống kê theo cấp Tỉnh, Bộ Ngành (Không tính cấp con)", 1.3 "không thống kê theo ...
# đơn vị cấp dưới của Tỉnh, Bộ": a commune gets them as not applicable.
_766_FULL = {
    "services.published_on_time_rate": Decimal(1),
    "services.disclosed_on_time_rate": Decimal(1),
    "services.disclosed_complete_rate": Decimal(1),
    "services.synced_rate": Decimal(1),
    "dossiers.on_time_rate_766": Decimal("0.9"),
    "services.online_capable_rate": Decimal(1),
    "services.online_used_rate": Decimal(1),
    "dossiers.online_rate_766": Decimal(1),
    "services.payment_integrated_rate": Decimal(1),
    "dossiers.paid_online_rate": Decimal(1),
    "dossiers.electronic_result_rate": Decimal(1),
    "dossiers.digitised_rate": Decimal(1),
    "dossiers.reuse_rate": Decimal(1),
    "services.feedback_on_time_rate": Decimal(1),
    "services.feedback_satisfaction_rate": Decimal(1),
    "dossiers.satisfaction_rate_5_4": Decimal(1),
}


def _766_card(level: UnitLevel, code: str) -> object:
    unit = AdministrativeUnit(code, "Ba Trang", level)
    ev = Evidence(tuple(Measurement(k, v) for k, v in _766_FULL.items()), unit=unit)
    return score(get_framework("qd-766-2022"), ev)


def test_qd_766_commune_gets_1_1_to_1_3_as_not_applicable() -> None:
    card = _766_card(UnitLevel.XA, "10105")
    assert isinstance(card, Scorecard)
    nodes = {n.code: n for n in card.nodes}
    for code in ("1.1", "1.2", "1.3"):
        assert nodes[code].status is NodeStatus.NOT_APPLICABLE
        assert nodes[code].max_points == 0
        note = nodes[code].explanation.note  # type: ignore[union-attr]
        assert note.startswith("không áp dụng cho xã — ")
        assert "không tính vào điểm tối đa" in note
    assert "không tính cấp con" in nodes["1.2"].explanation.note  # type: ignore[union-attr]
    # By hand: the maximum is 100 − (5 + 4 + 5) = 86; every rate is 100 % except 2.1 at
    # 90 % (proportional: 0.9 × 20 = 18 points): 86 − 2 = 84 points; 84 / 86 = 97.67 %.
    assert (card.points, card.max_points) == (Decimal(84), Decimal(86))
    assert card.index == Decimal("97.67")
    assert nodes["1"].max_points == 4  # only 1.4 is left in group 1
    text_vi = render_scorecard_text(card, get_framework("qd-766-2022"))
    assert "không áp dụng cho xã — chỉ thống kê theo cấp tỉnh, bộ ngành" in text_vi
    assert "Chỉ tiêu có định nghĩa nhưng không tính điểm:" in text_vi
    assert "  2.2      Thời gian giải quyết TTHC trung bình theo từng TTHC" in text_vi
    text_en = render_scorecard_text(card, get_framework("qd-766-2022"), "en")
    assert "not applicable at this unit level — counted for provinces and ministries only" in (
        text_en
    )
    assert "Indicators defined but not scored:" in text_en


def test_qd_766_district_gets_1_1_to_1_3_as_not_applicable() -> None:
    card = _766_card(UnitLevel.HUYEN, "519")
    assert isinstance(card, Scorecard)
    nodes = {n.code: n for n in card.nodes}
    assert [nodes[c].status for c in ("1.1", "1.2", "1.3", "1.4")] == [
        NodeStatus.NOT_APPLICABLE
    ] * 3 + [NodeStatus.SCORED]
    assert nodes["1.3"].explanation.note.startswith("không áp dụng cho huyện — ")  # type: ignore[union-attr]


def test_qd_766_province_scores_1_1_to_1_3() -> None:
    card = _766_card(UnitLevel.TINH, "51")
    assert isinstance(card, Scorecard)
    nodes = {n.code: n for n in card.nodes}
    assert nodes["1.1"].status is NodeStatus.SCORED
    # 100 − 2 (2.1 at 90 %) = 98 of 100.
    assert (card.points, card.max_points, card.index) == (
        Decimal(98),
        Decimal(100),
        Decimal("98.00"),
    )


def test_qd_766_lists_unscored_indicators_and_group_names() -> None:
    fw = get_framework("qd-766-2022")
    assert [u.code for u in fw.unscored] == ["2.2", "4.4", "4.5", "5.1"]
    assert fw.node("2").name == "Tiến độ, kết quả giải quyết"
    assert fw.node("3").name == "Cung cấp dịch vụ trực tuyến"
    assert fw.node("1.2").levels == (UnitLevel.TINH, UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG)


def test_levels_on_an_inner_node_apply_to_its_leaves() -> None:
    from par_index.frameworks.loader import framework_from_dict, framework_to_dict

    data = framework_to_dict(get_framework("qd-766-2022"))
    group = data["criteria"][0]
    for child in group["children"]:
        for key in ("levels", "levels_note", "levels_note_en"):
            child.pop(key, None)
    group["levels"] = ["tỉnh"]
    group["levels_note"] = "thử: cả nhóm chỉ tính cho tỉnh"
    group["levels_note_en"] = "test: the whole group for provinces only"
    fw = framework_from_dict(data)
    unit = AdministrativeUnit("10105", "Ba Trang", UnitLevel.XA)
    card = score(fw, Evidence(tuple(Measurement(k, v) for k, v in _766_FULL.items()), unit=unit))
    nodes = {n.code: n for n in card.nodes}
    assert {nodes[c].status for c in ("1.1", "1.2", "1.3", "1.4")} == {NodeStatus.NOT_APPLICABLE}
    # By hand: 100 − 18 (group 1) = 82; 2.1 at 90 % loses 2: 80 / 82 = 97.56 %.
    assert (card.points, card.max_points, card.index) == (
        Decimal(80),
        Decimal(82),
        Decimal("97.56"),
    )
    text_en = render_scorecard_text(card, fw, "en")
    assert "not applicable at this unit level — test: the whole group for provinces only" in (
        text_en
    )

"""Evidence: measures from a report's figures, manual facts, assessments, JSON."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import cattrs
import pytest
from hypothesis import given, settings

from par_index.examples.ba_trang import ba_trang_report
from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.json import dumps, loads, make_converter
from par_index.frameworks import Framework, get_framework
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE, Ratio
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.reports import Figure, Report, ReportHeader
from par_index.scoring.converter import configure_scoring_converter
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    InvalidEvidence,
    Measurement,
    SurveyResult,
    evidence_from_report,
)
from par_index.testing._frameworks import framework_evidence

D = Decimal


def _converter() -> cattrs.Converter:
    c = make_converter()
    configure_scoring_converter(c)
    return c


def test_report_figures_become_measures() -> None:
    ev = evidence_from_report(ba_trang_report())
    assert ev.unit == AdministrativeUnit(None, "Ba Trang", UnitLevel.XA)
    assert ev.period == ReportingPeriod.half_year(2023)
    # "96,83%" is a rate: the fraction 0.9683, with the figure kept as the source.
    rate = ev.get("report.dossiers_early_or_on_time_rate")
    assert rate is not None
    assert rate.value == D("0.9683")
    assert rate.source == "báo cáo, dòng 72, “96,83%”"
    assert ev.value("report.dossiers_received") == 253
    assert isinstance(ev.value("report.dossiers_received"), int)
    assert ev.value("report.digitisation_score") == D(9)  # "9 điểm": a value, not a count
    assert ev.value("report.dossiers_in_progress_rate") == D("0.004")
    assert ev.value("report.budget_revenue_rate") == D("0.5")
    # "hơn 500 lượt người": the stated value, its qualifier in the source.
    participants = ev.get("report.propaganda_participants")
    assert participants is not None
    assert participants.value == 500
    assert "hơn 500" in participants.source


def test_derived_measures_are_exact_or_absent() -> None:
    ev = evidence_from_report(ba_trang_report())
    # 3 documents reviewed of 3 due (report line 58).
    assert ev.value("legal_documents.review_rate") == D(1)
    # No feedback and no audit recommendation: nothing to handle, not applicable.
    assert ev.value("feedback.handled_on_time_rate") is NOT_APPLICABLE
    assert ev.value("audit.recommendations_done_rate") is NOT_APPLICABLE
    # The report states 11 tasks assigned but not how many are done: never guessed.
    assert ev.value("tasks.assigned_completion_rate") is None
    assert ev.get("dossiers.on_time_rate_766") is None


def _report(*figures: Figure) -> Report:
    return Report(
        header=ReportHeader(date=date(2023, 6, 5)),
        title="Báo cáo",
        period=ReportingPeriod.annual(2023),
        figures=figures,
    )


def test_a_rate_above_100_percent_counts_as_100_and_says_so() -> None:
    ev = evidence_from_report(
        _report(Figure("budget_revenue_rate", D("120.5"), "%", "thu ngân sách"))
    )
    m = ev.get("report.budget_revenue_rate")
    assert m is not None
    assert m.value == D(1)
    assert "vượt 100%" in m.source


def test_ratios_of_two_figures() -> None:
    ev = evidence_from_report(
        _report(
            Figure("tasks_assigned", D(11), "nhiệm vụ", "giao"),
            Figure("tasks_completed", D(9), "nhiệm vụ", "hoàn thành"),
        ),
        unit=AdministrativeUnit("21535", "Ba Trang", UnitLevel.XA),
    )
    assert ev.value("tasks.assigned_completion_rate") == Ratio(9, 11).rate
    assert ev.unit is not None
    assert ev.unit.code == "21535"


def test_ba_trang_evidence_quotes_the_report() -> None:
    ev = ba_trang_evidence()
    plan = ev.get("plan.issued")
    assert plan is not None
    assert plan.value == "on_time"
    assert "252/QĐ-UBND ngày 25/12/2022" in plan.source
    assert ev.value("inspection.done") is NOT_APPLICABLE
    assert ev.value("one_stop.equipment_sufficient") is False
    assert ev.value("innovation.initiatives") == 0
    assert not ev.assessment.survey_run
    assert ev.label() == "xã Ba Trang, 6 tháng đầu năm 2023"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("report.dossiers_early_or_on_time_rate", D("96.83")),  # a percentage, not a fraction
        ("report.dossiers_received", D(253)),  # a count is an int
        ("report.dossiers_received", -1),
        ("reports.on_time", 1),
        ("plan.issued", "sometimes"),
        ("Report.Meetings", 1),
        ("meetings", 1),
        ("report.meetings", 1.5),
    ],
)
def test_values_must_suit_their_measure(name: str, value: object) -> None:
    with pytest.raises(InvalidEvidence):
        Measurement(name, value)  # type: ignore[arg-type]


def test_unregistered_measures_and_not_applicable_are_allowed() -> None:
    assert Measurement("custom.reprimands", 2).value == 2
    assert Measurement("report.meetings", NOT_APPLICABLE).value is NOT_APPLICABLE


def test_duplicates_and_round_order_are_refused() -> None:
    with pytest.raises(InvalidEvidence):
        Evidence((Measurement("report.meetings", 1), Measurement("report.meetings", 2)))
    with pytest.raises(InvalidEvidence):
        CriterionAssessment("1.1", rounds=(AppraisalRound(2, D(1)), AppraisalRound(1, D(1))))
    with pytest.raises(InvalidEvidence):
        Assessment((CriterionAssessment("1.1"), CriterionAssessment("1.1")))
    with pytest.raises(InvalidEvidence):
        AppraisalRound(0, D(1))
    with pytest.raises(InvalidEvidence):
        SurveyResult("8.1", D(-1))


def test_assessment_lookups() -> None:
    a = Assessment(
        (
            CriterionAssessment(
                "5.1",
                self_score=D(3),
                self_evidence=("Quyết định thành lập tổ 48",),
                rounds=(
                    AppraisalRound(1, D("2.5"), "thiếu minh chứng", ("48/QĐ-UBND",)),
                    AppraisalRound(2, D(2), "đã đối chiếu", appraiser="Phòng Nội vụ"),
                ),
            ),
        ),
        (SurveyResult("8.1", D("4.2"), 120),),
        ("2.1",),
    )
    assessed = a.for_code("5.1")
    assert assessed is not None
    assert assessed.final_score == D(2)
    assert a.for_code("9.9") is None
    result = a.survey_result("8.1")
    assert result is not None
    assert result.respondents == 120
    assert a.survey_run
    assert not Assessment().survey_run


def test_with_measures_replaces_and_reads_ratios() -> None:
    ev = Evidence((Measurement("report.meetings", 1),))
    more = ev.with_measures(
        {"dossiers.on_time_rate_766": Ratio(245, 253), "dossiers.reuse_rate": Ratio(0, 0)},
        source="phần mềm một cửa",
    )
    assert more.value("dossiers.on_time_rate_766") == Ratio(245, 253).rate
    assert more.value("dossiers.reuse_rate") is NOT_APPLICABLE
    measured = more.get("dossiers.on_time_rate_766")
    assert measured is not None
    assert measured.source.startswith("phần mềm một cửa (245/253")
    replaced = more.with_measures([Measurement("report.meetings", 7, "sửa")])
    assert replaced.value("report.meetings") == 7
    assert len(replaced.measures) == 3
    assert ev.value("report.meetings") == 1  # the original is unchanged


def test_ba_trang_evidence_json_round_trip() -> None:
    c = _converter()
    ev = ba_trang_evidence()
    text = dumps(ev, converter=c)
    assert '"value": "not_applicable"' in text
    assert '"value": "0.9683"' in text
    assert loads(Evidence, text, converter=c) == ev


def test_bad_json_values_are_reported_with_their_path() -> None:
    c = _converter()
    text = '{"measures": [{"name": "report.meetings", "value": [1]}]}'
    with pytest.raises(Exception) as caught:  # noqa: PT011 - LoadError, checked below
        loads(Evidence, text, converter=c)
    assert "$.measures[0].value" in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(framework_evidence())
def test_drawn_evidence_survives_json(pair: tuple[Framework, Evidence]) -> None:
    _, ev = pair
    c = _converter()
    assert loads(Evidence, dumps(ev, converter=c), converter=c) == ev


def test_example_framework_reads_measures_the_evidence_can_hold() -> None:
    fw = get_framework("example-commune")
    ev = ba_trang_evidence()
    read = {leaf.measure for leaf in fw.leaves() if leaf.measure}
    # Everything the example framework reads is present except the one the report lacks.
    assert {m for m in read if ev.get(m) is None} == {"tasks.assigned_completion_rate"}

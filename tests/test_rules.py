"""Scoring rules: evaluation by hand, band edges, and the Vietnamese sentences both ways."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index.frameworks import (
    Band,
    BandsRule,
    BooleanRule,
    CategoricalRule,
    Choice,
    InvalidRule,
    InvalidRuleText,
    ManualRule,
    PerCountRule,
    ProportionalRule,
    Scale,
    SurveyRule,
    ThresholdRule,
    evaluate,
    is_monotone,
    parse_rule,
    render_rule,
)
from par_index.frameworks.rules import Rule
from par_index.testing._frameworks import rules

D = Decimal

# Four common phrasings, as official tables print them.
PLAN = "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm"
ISSUED = "Ban hành đúng thời gian: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm"
MET = "Đạt: 1 điểm; không đạt: 0 điểm"
CA_MAU = "Trên 90%: 2 điểm; từ 70% – 90%: 1 điểm; dưới 70%: 0 điểm"


# --------------------------------------------------------------------------- parsing


def test_plan_completion_bands() -> None:
    rule = parse_rule(PLAN)
    assert rule == BandsRule(
        (
            Band(D(1), D(1), D(1), upper_inclusive=True, wording="hoàn thành 100% kế hoạch"),
            Band(D("0.5"), D("0.8"), D(1)),
            Band(D(0), None, D("0.8")),
        )
    )
    assert render_rule(rule) == PLAN


def test_timeliness_categories() -> None:
    rule = parse_rule(ISSUED)
    assert rule == CategoricalRule(
        (
            Choice("on_time", D(1), "ban hành đúng thời gian"),
            Choice("late", D("0.5"), "ban hành chậm"),
            Choice("not_done", D(0), "không ban hành"),
        )
    )
    assert render_rule(rule) == ISSUED


def test_met_not_met() -> None:
    assert parse_rule(MET) == BooleanRule(D(1), D(0))
    assert render_rule(BooleanRule(D(1))) == MET


def test_ca_mau_bands_include_both_ends_of_a_dash_range() -> None:
    # Cà Mau 1880/QĐ-UBND 2013, 1.1.4: "> 90 % → 2; 70–90 % → 1; < 70 % → 0" (docs/sources.md).
    rule = parse_rule(CA_MAU)
    assert rule == BandsRule(
        (
            Band(D(2), D("0.9"), None, lower_inclusive=False),
            Band(D(1), D("0.7"), D("0.9"), upper_inclusive=True, wording="từ 70% – 90%"),
            Band(D(0), None, D("0.7")),
        )
    )
    assert render_rule(rule) == CA_MAU
    # The table's own symbols read the same way.
    symbols = parse_rule("> 90 %: 2 điểm; 70–90 %: 1 điểm; < 70 %: 0 điểm")
    assert isinstance(symbols, BandsRule)
    assert [(b.lower, b.lower_inclusive, b.upper, b.upper_inclusive) for b in symbols.bands] == [
        (D("0.9"), False, None, False),
        (D("0.7"), True, D("0.9"), True),
        (None, True, D("0.7"), False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # docs/sources.md band wording: "từ X% trở lên", "từ X% đến dưới Y%", "dưới X%".
        "Từ 90% trở lên: 3 điểm; từ 80% đến dưới 90%: 2 điểm; từ 70% đến dưới 80%: 1 điểm; "
        "dưới 70%: 0 điểm",
        "Từ 6 buổi trở lên: 2 điểm; từ 3 đến dưới 6 buổi: 1 điểm; dưới 3 buổi: 0 điểm",
        "100%: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm",
        "Từ 8 điểm trở lên: 2 điểm; từ 5 đến dưới 8 điểm: 1 điểm; dưới 5 điểm: 0 điểm",
        "Dưới 5%: 1 điểm; từ 5% trở lên: 0 điểm",
        "Từ 2% trở xuống: 1 điểm; trên 2%: 0 điểm",
        "Trên 50% đến 100%: 1 điểm; từ 0% đến 50%: 0 điểm",
        "Gửi đúng thời gian: 1 điểm; gửi không đúng thời gian: 0 điểm",
        "Có: 1 điểm; không: 0 điểm",
        "Ban hành kế hoạch: 1 điểm; không ban hành kế hoạch: 0 điểm",
        "Gửi đúng hạn: 1 điểm; gửi quá hạn: 0 điểm",
        # QĐ 766/QĐ-TTg: full points at the threshold, linear below (docs/sources.md).
        "Từ 80% trở lên: điểm tối đa; dưới 80%: điểm = tỷ lệ / 80% × điểm tối đa",
        "Điểm = tỷ lệ đạt được × điểm tối đa",
        "Điểm = (điểm khảo sát trung bình - 1) / (5 - 1) × điểm tối đa",
        "Điểm = điểm khảo sát trung bình / 10 × điểm tối đa",
        "Điểm do cơ quan thẩm định chấm, từ 0 đến điểm tối đa",
        "Mỗi sáng kiến: 0,5 điểm",
    ],
)
def test_text_round_trip(text: str) -> None:
    rule = parse_rule(text)
    assert render_rule(rule) == text
    assert parse_rule(render_rule(rule)) == rule


def test_loose_phrasings() -> None:
    assert parse_rule("  Đạt:1 điểm ;  không   đạt : 0 điểm. ") == BooleanRule(D(1), D(0))
    assert parse_rule("Điểm = tỷ lệ % x điểm tối đa") == ProportionalRule()
    assert parse_rule("Trừ 0,5 điểm cho mỗi báo cáo chậm, tối đa 2 điểm") == PerCountRule(
        D("0.5"), "báo cáo chậm"
    )
    assert parse_rule("Từ 95,5% trở lên: 1 điểm; dưới 95,5%: 0 điểm") == BandsRule(
        (Band(D(1), D("0.955"), None), Band(D(0), None, D("0.955")))
    )
    assert parse_rule("Từ 1.000 lượt trở lên: 1 điểm; dưới 1.000 lượt: 0 điểm") == BandsRule(
        (Band(D(1), D(1000), None), Band(D(0), None, D(1000))), Scale.VALUE, "lượt"
    )
    threshold = "Đạt từ 50% trở lên: điểm tối đa; dưới 50%: điểm = tỷ lệ/50% × điểm tối đa"
    assert parse_rule(threshold) == ThresholdRule(D("0.5"))


@pytest.mark.parametrize(
    ("text", "fragment", "code"),
    [
        ("Tốt: 1 điểm; kém: 0 điểm", "'Tốt: 1 điểm'", "unreadable-rule"),
        ("Đạt - 1 điểm; không đạt: 0 điểm", "'Đạt - 1 điểm'", "unreadable-rule"),
        ("Đạt: một điểm; không đạt: 0 điểm", "'Đạt: một điểm'", "unreadable-rule"),
        # A gap: values from 80% to 90% are in no band.
        ("Trên 90%: 2 điểm; dưới 80%: 0 điểm", "'Trên 90%: 2 điểm'", "band-gap"),
        # An overlap: 80% to 90% is in two bands.
        ("Từ 80% trở lên: 2 điểm; dưới 90%: 0 điểm", "'Từ 80% trở lên: 2 điểm'", "band-overlap"),
        (
            "Từ 80% trở lên: điểm tối đa; dưới 70%: điểm = tỷ lệ / 80% × điểm tối đa",
            "Từ 80%",
            "unreadable-rule",
        ),
        ("", "''", "unreadable-rule"),
        ("Đạt", "'Đạt'", "unreadable-rule"),
    ],
)
def test_unreadable_text_quotes_the_fragment(text: str, fragment: str, code: str) -> None:
    with pytest.raises(InvalidRuleText) as caught:
        parse_rule(text)
    assert fragment in str(caught.value)
    assert code in {p.code for p in caught.value.problems}
    assert isinstance(caught.value, ValueError)


def test_english_gloss() -> None:
    assert render_rule(parse_rule(PLAN), "en") == (
        "Exactly 100%: 1 point; 80% to below 100%: 0.5 points; below 80%: 0 points"
    )
    assert render_rule(parse_rule(ISSUED), "en") == (
        "On time: 1 point; late: 0.5 points; not done: 0 points"
    )
    assert render_rule(ThresholdRule(D("0.8")), "en") == (
        "At least 80%: maximum points; below 80%: points = rate / 80% × maximum points"
    )


# --------------------------------------------------------------------------- evaluating


def test_band_edges() -> None:
    rule = parse_rule(PLAN)
    cases = {
        D(1): D(1),  # exactly 100%
        D("0.8"): D("0.5"),  # exactly 80%: "từ 80%" includes it
        D("0.7999"): D(0),  # just below 80%
        D("0.9999"): D("0.5"),
        D(0): D(0),
    }
    for value, points in cases.items():
        assert evaluate(rule, value, D(1)).points == points, value
    ca_mau = parse_rule(CA_MAU)
    assert evaluate(ca_mau, D("0.9"), D(2)).points == 1  # "trên 90%" excludes 90%
    assert evaluate(ca_mau, D("0.9001"), D(2)).points == 2
    assert evaluate(ca_mau, D("0.7"), D(2)).points == 1
    assert evaluate(ca_mau, D("0.6999"), D(2)).points == 0


def test_outcome_names_the_band_hit_and_the_next() -> None:
    rule = parse_rule(PLAN)
    out = evaluate(rule, D("0.85"), D(1))
    assert (out.points, out.hit, out.next_hit, out.next_points) == (D("0.5"), 1, 0, D(1))
    top = evaluate(rule, D(1), D(1))
    assert (top.hit, top.next_hit, top.next_points) == (0, None, None)


def test_every_kind_by_hand() -> None:
    assert evaluate(parse_rule(ISSUED), "late", D(1)).points == D("0.5")
    assert evaluate(BooleanRule(D(2), D("0.5")), False, D(2)).points == D("0.5")  # noqa: FBT003
    # Proportional: 2 × 96.83% = 1.9366.
    assert evaluate(ProportionalRule(), D("0.9683"), D(2)).points == D("1.9366")
    # QĐ 766 curve, T = 50%: 40% → 0.4 / 0.5 × 4 = 3.2; 53.96% → full 4.
    assert evaluate(ThresholdRule(D("0.5")), D("0.4"), D(4)).points == D("3.2")
    assert evaluate(ThresholdRule(D("0.5")), D("0.5396"), D(4)).points == D(4)
    assert evaluate(ThresholdRule(D("0.5")), D("0.5"), D(4)).points == D(4)
    # Survey 1–5: mean 4 → (4 − 1) / 4 × 10 = 7.5.
    assert evaluate(SurveyRule(D(1), D(5)), D(4), D(10)).points == D("7.5")
    assert evaluate(ManualRule(), D("2.5"), D(3)).points == D("2.5")
    # Per count, capped: 3 × 0.5 = 1.5 → the cap 1.
    assert evaluate(PerCountRule(D("0.5"), "lần"), 3, D(1)).points == D(1)
    assert evaluate(PerCountRule(D("0.5"), "lần"), 1, D(1)).points == D("0.5")


@pytest.mark.parametrize(
    ("rule", "value"),
    [
        (BandsRule((Band(D(1), D("0.5"), None), Band(D(0), None, D("0.5")))), D("1.2")),
        (BandsRule((Band(D(1), D("0.5"), None), Band(D(0), None, D("0.5")))), 1),
        (BandsRule((Band(D(1), D(5), None), Band(D(0), None, D(5))), Scale.VALUE), True),
        (BooleanRule(D(1)), "yes"),
        (parse_rule(ISSUED), "sometimes"),
        (ProportionalRule(), D(-1)),
        (ManualRule(), D(4)),
        (SurveyRule(D(1), D(5)), D(6)),
        (PerCountRule(D(1), "lần"), D(1)),
    ],
)
def test_wrong_values_are_refused(rule: Rule, value: object) -> None:
    with pytest.raises(InvalidRule):
        evaluate(rule, value, D(3))


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: Band(D(1), D("0.9"), D("0.8")), "reversed-band"),
        (lambda: Band(D(1), D("0.8"), D("0.8")), "empty-band"),
        (lambda: Band(D(-1)), "negative-points"),
        (lambda: BandsRule((Band(D(1), D("0.8"), D("1.5")), Band(D(0), None, D("0.8")))), ""),
        (lambda: BandsRule((Band(D(1), D("0.8"), D("0.9")), Band(D(0), None, D("0.8")))), ""),
        (lambda: BandsRule((Band(D(1), D(5), D(9)), Band(D(0), None, D(5))), Scale.VALUE), ""),
        (lambda: BandsRule((), Scale.PERCENT), "no-bands"),
        (lambda: ThresholdRule(D(0)), "threshold-range"),
        (lambda: SurveyRule(D(5), D(1)), "scale-range"),
        (lambda: CategoricalRule((Choice("on_time", D(1), "đúng hạn"),)), "too-few-choices"),
        (lambda: Choice("Đúng hạn", D(1), "đúng hạn"), "category-name"),
        (lambda: BooleanRule(D(1), D(0), "đạt: có"), "bad-label"),
        (lambda: PerCountRule(D(0), "lần"), "points-each"),
    ],
)
def test_contradictory_rules_are_refused(build: object, code: str) -> None:
    with pytest.raises(InvalidRule) as caught:
        build()  # type: ignore[operator]
    if code:
        assert code in {p.code for p in caught.value.problems}


def test_gap_at_the_top_is_named() -> None:
    with pytest.raises(InvalidRule) as caught:
        BandsRule((Band(D(1), D("0.8"), D(1)), Band(D(0), None, D("0.8"))))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("bands[0]", "band-gap")
    assert "100% included" in problem.expected


def test_monotone() -> None:
    assert is_monotone(parse_rule(PLAN))
    assert not is_monotone(parse_rule("Dưới 5%: 1 điểm; từ 5% trở lên: 0 điểm"))
    assert is_monotone(BooleanRule(D(1)))
    assert not is_monotone(BooleanRule(D(0), D(1)))
    assert not is_monotone(parse_rule(ISSUED))


# --------------------------------------------------------------------------- properties


@settings(max_examples=300)
@given(rules())
def test_every_rule_renders_and_parses_back(rule: Rule) -> None:
    text = render_rule(rule)
    assert parse_rule(text) == rule
    assert render_rule(parse_rule(text)) == text
    assert render_rule(rule, "en")


_RATE = st.integers(0, 10_000).map(lambda k: D(k) / 10_000)


@settings(max_examples=300)
@given(
    rules(kinds=st.sampled_from(["bands", "boolean", "proportional", "threshold"]), monotone=True),
    _RATE,
    _RATE,
    st.integers(0, 40),
    st.integers(0, 40),
)
def test_monotone_rules_never_lose_points_when_the_value_improves(
    rule: Rule, r1: Decimal, r2: Decimal, n1: int, n2: int
) -> None:
    assert is_monotone(rule)
    cap = D(20)
    if isinstance(rule, BooleanRule):
        low, high = evaluate(rule, False, cap), evaluate(rule, True, cap)  # noqa: FBT003
    elif isinstance(rule, BandsRule) and rule.scale is Scale.VALUE:
        low, high = evaluate(rule, min(n1, n2), cap), evaluate(rule, max(n1, n2), cap)
    else:
        low, high = evaluate(rule, min(r1, r2), cap), evaluate(rule, max(r1, r2), cap)
    assert low.points <= high.points
    assert 0 <= low.points <= cap

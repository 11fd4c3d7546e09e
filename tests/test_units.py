"""Administrative units: code lengths, levels and parents."""

from __future__ import annotations

from datetime import date

import pytest

from par_index.exceptions import InvalidAdministrativeUnit, ParIndexError
from par_index.model.periods import ReportingPeriod
from par_index.model.units import (
    COMMUNE_LEVEL_UNITS_2025,
    PROVINCES_2025,
    TWO_TIER_FROM,
    AdministrativeUnit,
    UnitLevel,
    UnitStructure,
    UnitTier,
    structure_for_period,
    structure_on,
)


def test_commune_with_known_province_parent() -> None:
    # Quảng Ngãi's province code is 51 (QĐ 19/2025/QĐ-TTg, as restated by baochinhphu.vn).
    unit = AdministrativeUnit("21535", "Ba Trang", UnitLevel.XA, parent_code="51")
    assert unit.tier is UnitTier.COMMUNE
    assert str(unit) == "xã Ba Trang"
    assert unit.label("en") == "Ba Trang commune"


def test_unknown_code_is_allowed_and_never_guessed() -> None:
    unit = AdministrativeUnit(None, "Ba Trang", UnitLevel.XA)
    assert unit.code is None
    assert unit.tier is UnitTier.COMMUNE


@pytest.mark.parametrize(
    ("level", "code"),
    [
        (UnitLevel.TINH, "51"),
        (UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG, "01"),
        (UnitLevel.HUYEN, "535"),
        (UnitLevel.QUAN, "001"),
        (UnitLevel.PHUONG, "00004"),
        (UnitLevel.THI_TRAN, "21529"),
        (UnitLevel.DAC_KHU, "22912"),
    ],
)
def test_code_length_matches_level(level: UnitLevel, code: str) -> None:
    assert AdministrativeUnit(code, "X", level).code == code


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(InvalidAdministrativeUnit) as info:
        AdministrativeUnit("5a", " ", UnitLevel.XA, parent_code="12345")
    codes = {p.code for p in info.value.problems}
    assert codes == {"not-digits", "blank-name", "parent-code"}
    assert "đơn vị hành chính" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ParIndexError)


def test_level_must_match_code_length() -> None:
    with pytest.raises(InvalidAdministrativeUnit) as info:
        AdministrativeUnit("51", "Ba Trang", UnitLevel.XA)
    assert info.value.field == "level"
    assert info.value.code == "level-tier"


def test_parent_must_be_a_higher_tier() -> None:
    with pytest.raises(InvalidAdministrativeUnit) as info:
        AdministrativeUnit("535", "Ba Tơ", UnitLevel.HUYEN, parent_code="535")
    assert info.value.code == "parent-tier"
    with pytest.raises(InvalidAdministrativeUnit):
        AdministrativeUnit(None, "Quảng Ngãi", UnitLevel.TINH, parent_code="51")


def test_wrong_types_are_rejected() -> None:
    with pytest.raises(InvalidAdministrativeUnit) as info:
        AdministrativeUnit(51, "Quảng Ngãi", "tỉnh")  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {"code", "level"}


# From 01/7/2025: two tiers, no district level, no thị trấn (NQ 202/2025/QH15; QĐ 19/2025/QĐ-TTg:
# province codes of 2 digits, commune-level codes of 5, "2 cấp độc lập"); 3,321 commune-level
# units: 2,621 xã, 687 phường, 13 đặc khu.
JULY_1 = date(2025, 7, 1)
JUNE_30 = date(2025, 6, 30)


def test_units_after_the_2025_reform() -> None:
    assert TWO_TIER_FROM == JULY_1
    assert sum(COMMUNE_LEVEL_UNITS_2025.values()) == 3321
    assert COMMUNE_LEVEL_UNITS_2025[UnitLevel.DAC_KHU] == 13
    assert PROVINCES_2025 == 34
    xa = AdministrativeUnit("10105", "Ba Trang", UnitLevel.XA, parent_code="01")
    assert xa.problems_on(JULY_1) == []
    xa.check_on(JULY_1)
    dac_khu = AdministrativeUnit(None, "Lý Sơn", UnitLevel.DAC_KHU, parent_code="51")
    assert dac_khu.problems_on(JULY_1) == []
    assert [p.code for p in dac_khu.problems_on(JUNE_30)] == ["dac-khu-before-reform"]
    # A district, a thị trấn or a district parent is an error from 01/7/2025, with the reason.
    huyen = AdministrativeUnit("519", "Lý Sơn", UnitLevel.HUYEN, parent_code="51")
    assert huyen.problems_on(JUNE_30) == []
    (problem,) = huyen.problems_on(JULY_1)
    assert (problem.path, problem.code) == ("level", "no-district-level")
    assert "không còn cấp huyện" in problem.expected
    thi_tran = AdministrativeUnit("20101", "Hương Sơn", UnitLevel.THI_TRAN, parent_code="201")
    assert thi_tran.problems_on(JUNE_30) == []
    assert [p.code for p in thi_tran.problems_on(JULY_1)] == ["no-thi-tran", "district-parent"]
    with pytest.raises(InvalidAdministrativeUnit, match="district-parent"):
        thi_tran.check_on(date(2026, 1, 1))
    with pytest.raises(TypeError):
        xa.problems_on("2025-07-01")  # type: ignore[arg-type]


def test_reporting_periods_say_which_structure_they_use() -> None:
    assert structure_on(JUNE_30) is UnitStructure.THREE_TIER
    assert structure_on(JULY_1) is UnitStructure.TWO_TIER
    # 6 tháng đầu năm 2025: 15/12/2024–14/6/2025 (NĐ 09/2019/NĐ-CP Điều 12): before the reform.
    h1 = ReportingPeriod.parse("6 tháng đầu năm 2025").unit_structure()
    assert (h1.structure, h1.straddles) == (UnitStructure.THREE_TIER, False)
    # Năm 2025: 15/12/2024–14/12/2025 straddles 01/7/2025 and reports under two tiers.
    year = ReportingPeriod.parse("năm 2025").unit_structure()
    assert (year.structure, year.straddles) == (UnitStructure.TWO_TIER, True)
    assert year.note().startswith("Kỳ báo cáo có ngày 01/7/2025 ở giữa")
    assert "straddles 01/7/2025" in year.note("en")
    q4 = structure_for_period(date(2025, 9, 15), date(2025, 12, 14))
    assert (q4.straddles, q4.note("en")) == (
        False,
        "The period uses the two-tier local government (province, commune).",
    )
    assert h1.note() == "Kỳ báo cáo theo chính quyền địa phương ba cấp (tỉnh, huyện, xã)."
    with pytest.raises(ValueError, match="end on or after"):
        structure_for_period(JULY_1, JUNE_30)


def test_scoring_refuses_a_unit_that_did_not_exist_at_the_end_of_the_period() -> None:
    from par_index.frameworks.loader import get_framework
    from par_index.scoring.engine import score
    from par_index.scoring.evidence import Evidence, InvalidEvidence

    thi_tran = AdministrativeUnit("20101", "Hương Sơn", UnitLevel.THI_TRAN)
    ev = Evidence(unit=thi_tran, period=ReportingPeriod.parse("năm 2025"))
    with pytest.raises(InvalidEvidence, match="no-thi-tran"):
        score(get_framework("example-commune"), ev)
    ok = Evidence(unit=thi_tran, period=ReportingPeriod.parse("6 tháng đầu năm 2025"))
    assert score(get_framework("example-commune"), ok).unit == thi_tran

"""Administrative units: code lengths, levels and parents."""

from __future__ import annotations

import pytest

from par_index.exceptions import InvalidAdministrativeUnit, ParIndexError
from par_index.model.units import AdministrativeUnit, UnitLevel, UnitTier


def test_commune_with_known_province_parent() -> None:
    # Quảng Ngãi's province code is 51 (domain.md §4).
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

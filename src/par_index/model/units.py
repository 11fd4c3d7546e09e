"""Administrative units (đơn vị hành chính) and their levels.

Codes follow the national list of administrative unit codes: 2 digits for a province-level
unit, 3 for a district-level unit (until 30/6/2025) and 5 for a commune-level unit
(QĐ 124/2004/QĐ-TTg; from 01/7/2025 QĐ 19/2025/QĐ-TTg, 34 provinces and 3,321
commune-level units with 5-digit codes).
"""

from __future__ import annotations

import enum
import re

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidAdministrativeUnit

__all__ = ["AdministrativeUnit", "UnitLevel", "UnitTier"]


class UnitTier(enum.IntEnum):
    """The tier of a unit: how many digits its code has."""

    PROVINCE = 2
    DISTRICT = 3
    COMMUNE = 5


class UnitLevel(enum.StrEnum):
    """The kind of an administrative unit (value: the Vietnamese word)."""

    TINH = "tỉnh"
    THANH_PHO_TRUC_THUOC_TRUNG_UONG = "thành phố trực thuộc trung ương"
    HUYEN = "huyện"
    QUAN = "quận"
    THI_XA = "thị xã"
    THANH_PHO_THUOC_TINH = "thành phố thuộc tỉnh"
    XA = "xã"
    PHUONG = "phường"
    THI_TRAN = "thị trấn"
    DAC_KHU = "đặc khu"

    @property
    def tier(self) -> UnitTier:
        """The tier whose code length this level uses."""
        return _TIER[self]

    @property
    def name_en(self) -> str:
        """An English gloss."""
        return _EN[self]


_TIER: dict[UnitLevel, UnitTier] = {
    UnitLevel.TINH: UnitTier.PROVINCE,
    UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG: UnitTier.PROVINCE,
    UnitLevel.HUYEN: UnitTier.DISTRICT,
    UnitLevel.QUAN: UnitTier.DISTRICT,
    UnitLevel.THI_XA: UnitTier.DISTRICT,
    UnitLevel.THANH_PHO_THUOC_TINH: UnitTier.DISTRICT,
    UnitLevel.XA: UnitTier.COMMUNE,
    UnitLevel.PHUONG: UnitTier.COMMUNE,
    UnitLevel.THI_TRAN: UnitTier.COMMUNE,
    UnitLevel.DAC_KHU: UnitTier.COMMUNE,
}

_EN: dict[UnitLevel, str] = {
    UnitLevel.TINH: "province",
    UnitLevel.THANH_PHO_TRUC_THUOC_TRUNG_UONG: "centrally governed city",
    UnitLevel.HUYEN: "rural district",
    UnitLevel.QUAN: "urban district",
    UnitLevel.THI_XA: "town",
    UnitLevel.THANH_PHO_THUOC_TINH: "provincial city",
    UnitLevel.XA: "commune",
    UnitLevel.PHUONG: "ward",
    UnitLevel.THI_TRAN: "township",
    UnitLevel.DAC_KHU: "special zone",
}

_DIGITS = re.compile(r"[0-9]+")


@attrs.frozen
class AdministrativeUnit:
    """One administrative unit.

    Attributes:
        code: the unit code, all digits; its length is the tier (2, 3 or 5). None when the
            code is not known: a code is never guessed from a name.
        name: the proper name without the level word ("Ba Trang").
        level: the kind of unit; its tier must match the code length.
        parent_code: the code of the unit above, of a higher tier, or None when unknown.

    Raises:
        InvalidAdministrativeUnit: listing every rule broken.
    """

    code: str | None
    name: str
    level: UnitLevel
    parent_code: str | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        code = self.code
        if (
            code is not None
            and c.of_type(code, str, "code", "a string of digits")
            and c.check(
                _DIGITS.fullmatch(code) is not None,
                "code",
                "not-digits",
                "a code of digits only",
                code,
            )
        ):
            c.check(
                len(code) in {t.value for t in UnitTier},
                "code",
                "code-length",
                "2 digits (province), 3 (district) or 5 (commune level)",
                self.code,
            )
        if c.of_type(self.name, str, "name", "a non-empty name"):
            c.check(
                self.name.strip() == self.name and self.name != "",
                "name",
                "blank-name",
                "a non-empty name without surrounding spaces",
                self.name,
            )
        level_ok = c.of_type(self.level, UnitLevel, "level", "a UnitLevel")
        if level_ok and self.code is not None and not c.problems:
            c.check(
                len(self.code) == self.level.tier,
                "level",
                "level-tier",
                f"a {self.level.tier.value}-digit code for a {self.level.value}",
                self.code,
            )
        if self.parent_code is not None and c.of_type(
            self.parent_code, str, "parent_code", "a string of digits or None"
        ):
            ok = _DIGITS.fullmatch(self.parent_code) is not None and len(self.parent_code) in (2, 3)
            if c.check(ok, "parent_code", "parent-code", "a 2- or 3-digit code", self.parent_code):
                c.check(
                    (len(self.parent_code) < len(self.code))
                    if isinstance(self.code, str)
                    else (level_ok and len(self.parent_code) < self.level.tier),
                    "parent_code",
                    "parent-tier",
                    "a parent of a higher tier (shorter code) than the unit",
                    self.parent_code,
                )
        c.raise_if_any(InvalidAdministrativeUnit)

    @property
    def tier(self) -> UnitTier:
        """The tier of the unit."""
        return self.level.tier

    def __str__(self) -> str:
        return f"{self.level.value} {self.name}"

    def label(self, lang: str = "vi") -> str:
        """``"xã Ba Trang"`` in Vietnamese, ``"Ba Trang commune"`` in English."""
        if lang == "en":
            return f"{self.name} {self.level.name_en}"
        return str(self)

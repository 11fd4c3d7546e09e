"""Administrative units (đơn vị hành chính) and their levels, valid by date.

Codes follow the national list of administrative unit codes: 2 digits for a province-level
unit, 3 for a district-level unit and 5 for a commune-level unit (QĐ 124/2004/QĐ-TTg).

From 01/7/2025 local government has two tiers (Nghị quyết 202/2025/QH15 on the provinces, the
resolutions on communes, Luật Tổ chức chính quyền địa phương 2025): 34 provinces and 3,321
commune-level units (2,621 xã, 687 phường, 13 đặc khu), no district level and no thị trấn;
codes are 2 digits for a province and 5 for a commune-level unit, in two independent tiers
(QĐ 19/2025/QĐ-TTg). :meth:`AdministrativeUnit.problems_on` and :meth:`check_on` say whether
a unit's level and parent exist on a given day; :func:`structure_for_period` says which
structure a reporting period that straddles 01/7/2025 uses.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidAdministrativeUnit, Problem

__all__ = [
    "COMMUNE_LEVEL_UNITS_2025",
    "PROVINCES_2025",
    "TWO_TIER_FROM",
    "AdministrativeUnit",
    "PeriodStructure",
    "UnitLevel",
    "UnitStructure",
    "UnitTier",
    "structure_for_period",
    "structure_on",
]

#: The first day of the two-tier local government (no district level, no thị trấn).
TWO_TIER_FROM: Final = date(2025, 7, 1)
_REFORM: Final = "NQ 202/2025/QH15, QĐ 19/2025/QĐ-TTg: từ 01/7/2025 không còn cấp huyện"


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

#: The commune-level units on 01/7/2025 by level, as published with QĐ 19/2025/QĐ-TTg's list
#: (3,321 units: 2,621 xã, 687 phường, 13 đặc khu), under 34 provinces.
COMMUNE_LEVEL_UNITS_2025: Final[Mapping[UnitLevel, int]] = MappingProxyType(
    {UnitLevel.XA: 2621, UnitLevel.PHUONG: 687, UnitLevel.DAC_KHU: 13}
)
PROVINCES_2025: Final = 34

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

    def problems_on(self, day: date) -> list[Problem]:
        """Every reason the unit's level or parent did not exist on ``day``; empty when valid.

        On or after 01/7/2025 (:data:`TWO_TIER_FROM`) there is no district level and no thị
        trấn: a district-level unit, a thị trấn, a 3-digit code or a 3-digit (district)
        parent code is a problem with that reason. Before it, a đặc khu did not exist.

        Raises:
            TypeError: when ``day`` is not a date.
        """
        if not isinstance(day, date):
            raise TypeError(f"expected a datetime.date, found {type(day).__name__}")
        out: list[Problem] = []
        when = day.strftime("%d/%m/%Y")
        if day >= TWO_TIER_FROM:
            if self.level.tier is UnitTier.DISTRICT:
                out.append(
                    Problem(
                        "level",
                        "no-district-level",
                        f"a province or commune-level unit on {when} ({_REFORM})",
                        self.level.value,
                    )
                )
            elif self.level is UnitLevel.THI_TRAN:
                out.append(
                    Problem(
                        "level",
                        "no-thi-tran",
                        f"xã, phường or đặc khu on {when} (thị trấn were merged into xã from "
                        "01/7/2025)",
                        self.level.value,
                    )
                )
            if self.parent_code is not None and len(self.parent_code) == UnitTier.DISTRICT:
                out.append(
                    Problem(
                        "parent_code",
                        "district-parent",
                        f"a 2-digit province code as the parent on {when} ({_REFORM})",
                        self.parent_code,
                    )
                )
        elif self.level is UnitLevel.DAC_KHU:
            out.append(
                Problem(
                    "level",
                    "dac-khu-before-reform",
                    f"a level that existed on {when} (đặc khu exist from 01/7/2025)",
                    self.level.value,
                )
            )
        return out

    def check_on(self, day: date) -> None:
        """Raise when the unit's level or parent did not exist on ``day``.

        Raises:
            InvalidAdministrativeUnit: listing every reason (:meth:`problems_on`).
            TypeError: when ``day`` is not a date.
        """
        problems = self.problems_on(day)
        if problems:
            raise InvalidAdministrativeUnit(problems)

    def __str__(self) -> str:
        return f"{self.level.value} {self.name}"

    def label(self, lang: str = "vi") -> str:
        """``"xã Ba Trang"`` in Vietnamese, ``"Ba Trang commune"`` in English."""
        if lang == "en":
            return f"{self.name} {self.level.name_en}"
        return str(self)


class UnitStructure(enum.StrEnum):
    """The structure of local government on a day."""

    THREE_TIER = "three_tier"  # tỉnh – huyện – xã, until 30/6/2025
    TWO_TIER = "two_tier"  # tỉnh – xã, from 01/7/2025

    @property
    def name_vi(self) -> str:
        """The Vietnamese words."""
        if self is UnitStructure.THREE_TIER:
            return "chính quyền địa phương ba cấp (tỉnh, huyện, xã)"
        return "chính quyền địa phương hai cấp (tỉnh, xã)"


def structure_on(day: date) -> UnitStructure:
    """The structure of local government on ``day`` (two tiers from 01/7/2025).

    Raises:
        TypeError: when ``day`` is not a date.
    """
    if not isinstance(day, date):
        raise TypeError(f"expected a datetime.date, found {type(day).__name__}")
    return UnitStructure.TWO_TIER if day >= TWO_TIER_FROM else UnitStructure.THREE_TIER


@attrs.frozen
class PeriodStructure:
    """Which structure a reporting period uses, and whether it straddles 01/7/2025.

    A period is reported by the units that exist when it is reported: its structure is the
    one in force on its last day. A period that straddles the reform (6 tháng đầu năm 2025
    runs 15/12/2024–14/6/2025 and does not; năm 2025, 15/12/2024–14/12/2025, does) reports
    data of units that were merged on 01/7/2025, and says so.

    Attributes:
        structure: the structure used (the one on the period's last day).
        straddles: whether the period starts before 01/7/2025 and ends on or after it.
    """

    structure: UnitStructure
    straddles: bool

    def note(self, lang: str = "vi") -> str:
        """A sentence for reports: which structure, and the straddle if any."""
        if lang == "en":
            base = (
                "two-tier local government (province, commune)"
                if self.structure is UnitStructure.TWO_TIER
                else "three-tier local government (province, district, commune)"
            )
            if self.straddles:
                return (
                    f"The period straddles 01/7/2025: figures are reported for the {base} in "
                    "force at its end, including data of the units merged on 01/7/2025."
                )
            return f"The period uses the {base}."
        if self.straddles:
            return (
                f"Kỳ báo cáo có ngày 01/7/2025 ở giữa: số liệu báo cáo theo "
                f"{self.structure.name_vi} tại cuối kỳ, gồm cả số liệu của các đơn vị đã "
                "sắp xếp từ 01/7/2025."
            )
        return f"Kỳ báo cáo theo {self.structure.name_vi}."


def structure_for_period(start: date, end: date) -> PeriodStructure:
    """The structure a reporting period from ``start`` to ``end`` uses (see
    :class:`PeriodStructure`).

    Raises:
        TypeError: when ``start`` or ``end`` is not a date.
        ValueError: when ``end`` is before ``start``.
    """
    first, last = structure_on(start), structure_on(end)
    if end < start:
        raise ValueError(f"expected an end on or after {start.isoformat()}, found {end}")
    return PeriodStructure(last, first is not last)

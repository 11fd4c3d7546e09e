"""Administrative procedures (thủ tục hành chính, TTHC) and their time limits.

Each procedure published in the national TTHC database has a code (``1.000110``; a local
variant adds the locality, ``1.000110.000.00.00.H01``), a handling level and a time limit
stated in working hours, working days, calendar days or months (docs/sources.md). Online service
levels are those of Nghị định 42/2022/NĐ-CP Điều 11 (toàn trình / một phần).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import time
from decimal import Decimal, InvalidOperation

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidProcedure, Problem

__all__ = [
    "OnlineServiceLevel",
    "Procedure",
    "ProcedureLevel",
    "TimeLimit",
    "TimeUnit",
]


class TimeUnit(enum.StrEnum):
    """The unit a procedure's time limit is stated in."""

    WORKING_HOURS = "working_hours"
    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    MONTHS = "months"

    @property
    def name_vi(self) -> str:
        """The Vietnamese phrase used after the amount ("ngày làm việc")."""
        return _UNIT_VI[self]


_UNIT_VI = {
    TimeUnit.WORKING_HOURS: "giờ làm việc",
    TimeUnit.WORKING_DAYS: "ngày làm việc",
    TimeUnit.CALENDAR_DAYS: "ngày",
    TimeUnit.MONTHS: "tháng",
}

# Longest phrases first so that "ngày làm việc" wins over "ngày".
_UNIT_WORDS: tuple[tuple[str, TimeUnit], ...] = (
    ("giờ làm việc", TimeUnit.WORKING_HOURS),
    ("ngày làm việc", TimeUnit.WORKING_DAYS),
    ("giờ", TimeUnit.WORKING_HOURS),
    ("ngày", TimeUnit.CALENDAR_DAYS),
    ("tháng", TimeUnit.MONTHS),
)

_LIMIT_RE = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s+(.+?)\s*")


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise InvalidProcedure(
            [Problem("amount", "wrong-type", "a Decimal or int amount (thời hạn)", repr(value))]
        )
    return Decimal(value)


@attrs.frozen
class TimeLimit:
    """A time limit for handling a procedure (thời hạn giải quyết).

    Attributes:
        amount: how many units; non-negative. Working hours and working days may be
            fractional (``0.5`` ngày làm việc); calendar days and months are whole.
        unit: the unit.

    Raises:
        InvalidProcedure: for a negative, non-finite or fractional-where-whole amount.
    """

    amount: Decimal = attrs.field(converter=_to_decimal)
    unit: TimeUnit

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.check(
            self.amount.is_finite() and self.amount >= 0,
            "amount",
            "negative-limit",
            "a finite amount of 0 or more",
            self.amount,
        ) and c.of_type(self.unit, TimeUnit, "unit", "a TimeUnit"):
            c.check(
                self.unit in (TimeUnit.WORKING_HOURS, TimeUnit.WORKING_DAYS)
                or self.amount == self.amount.to_integral_value(),
                "amount",
                "fractional-limit",
                f"a whole number of {self.unit.value}",
                self.amount,
            )
        c.raise_if_any(InvalidProcedure)

    def __str__(self) -> str:
        amount = format(self.amount.normalize(), "f").replace(".", ",")
        return f"{amount} {self.unit.name_vi}"

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        """Read "15 ngày làm việc", "08 giờ làm việc", "30 ngày", "0,5 ngày làm việc".

        Raises:
            InvalidProcedure: when the text is not an amount followed by a known unit.
        """
        norm = unicodedata.normalize("NFC", text).replace("\u00a0", " ").lower()
        m = _LIMIT_RE.fullmatch(norm)
        unit = None
        if m is not None:
            words = " ".join(m.group(2).split())
            unit = next((u for w, u in _UNIT_WORDS if words == w), None)
        if m is None or unit is None:
            raise InvalidProcedure(
                [
                    Problem(
                        "time_limit",
                        "unreadable-limit",
                        "an amount and a unit: giờ làm việc, ngày làm việc, ngày or tháng",
                        repr(text),
                    )
                ]
            )
        try:
            amount = Decimal(m.group(1).replace(",", "."))
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
            raise InvalidProcedure(
                [Problem("time_limit", "unreadable-limit", "a number", repr(text))]
            ) from exc
        return cls(amount, unit)


class OnlineServiceLevel(enum.StrEnum):
    """How far a procedure is offered online (NĐ 42/2022/NĐ-CP Điều 11)."""

    NONE = "none"
    PARTIAL = "partial"  # dịch vụ công trực tuyến một phần
    FULL = "full"  # dịch vụ công trực tuyến toàn trình

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return {
            OnlineServiceLevel.NONE: "không cung cấp trực tuyến",
            OnlineServiceLevel.PARTIAL: "dịch vụ công trực tuyến một phần",
            OnlineServiceLevel.FULL: "dịch vụ công trực tuyến toàn trình",
        }[self]


class ProcedureLevel(enum.StrEnum):
    """The level of government that handles a procedure."""

    CENTRAL = "central"  # cấp trung ương
    PROVINCE = "province"  # cấp tỉnh
    DISTRICT = "district"  # cấp huyện (until 30/6/2025)
    COMMUNE = "commune"  # cấp xã


# 1.000110, or localised 1.000110.000.00.00.H01 (docs/sources.md).
_CODE_RE = re.compile(r"([0-9]\.[0-9]{6})(\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2})?")


@attrs.frozen
class Procedure:
    """An administrative procedure (TTHC).

    Attributes:
        code: ``1.000110`` or the localised ``1.000110.000.00.00.H01``.
        name: the procedure's name.
        level: the level of government that handles it.
        time_limit: the legal time limit (thời hạn giải quyết).
        online_level: the online service level.
        fee_bearing: whether a fee or charge is due (phí, lệ phí).
        paper_result: whether the result is a paper document (then an electronic result is
            required for a dossier to count as online, QĐ 766 indicator 3.3).
        cutoff: the local time after which a reception counts from the next working day
            (15:00 for some procedures such as certified copies, docs/sources.md), or None.

    Raises:
        InvalidProcedure: listing every rule broken.
    """

    code: str
    name: str
    level: ProcedureLevel
    time_limit: TimeLimit
    online_level: OnlineServiceLevel = OnlineServiceLevel.NONE
    fee_bearing: bool = False
    paper_result: bool = True
    cutoff: time | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.code, str, "code", "a procedure code such as 1.000110"):
            c.check(
                _CODE_RE.fullmatch(self.code) is not None,
                "code",
                "procedure-code",
                "a procedure code such as 1.000110 or 1.000110.000.00.00.H01",
                self.code,
            )
        if c.of_type(self.name, str, "name", "a non-empty name"):
            c.check(bool(self.name.strip()), "name", "blank-name", "a non-empty name", self.name)
        c.of_type(self.level, ProcedureLevel, "level", "a ProcedureLevel")
        c.of_type(self.time_limit, TimeLimit, "time_limit", "a TimeLimit")
        c.of_type(self.online_level, OnlineServiceLevel, "online_level", "an OnlineServiceLevel")
        c.of_type(self.fee_bearing, bool, "fee_bearing", "True or False")
        c.of_type(self.paper_result, bool, "paper_result", "True or False")
        if self.cutoff is not None and c.of_type(
            self.cutoff, time, "cutoff", "a local time of day such as 15:00"
        ):
            c.check(
                self.cutoff.tzinfo is None,
                "cutoff",
                "aware-time",
                "a naive local time of day (Vietnam time)",
                self.cutoff,
            )
        c.raise_if_any(InvalidProcedure)

    @property
    def base_code(self) -> str:
        """The national code without the locality part (``1.000110``)."""
        m = _CODE_RE.fullmatch(self.code)
        assert m is not None  # checked on construction
        return m.group(1)

    @property
    def is_localised(self) -> bool:
        """Whether the code carries a locality part."""
        return self.code != self.base_code

    @property
    def online(self) -> bool:
        """Whether the procedure is offered as an online public service at all."""
        return self.online_level is not OnlineServiceLevel.NONE

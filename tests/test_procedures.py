"""Procedures and time limits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from par_index.exceptions import InvalidProcedure
from par_index.model.procedures import (
    OnlineServiceLevel,
    Procedure,
    ProcedureLevel,
    TimeLimit,
    TimeUnit,
)


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("15 ngày làm việc", Decimal(15), TimeUnit.WORKING_DAYS),
        ("08 giờ làm việc", Decimal(8), TimeUnit.WORKING_HOURS),
        ("30 ngày", Decimal(30), TimeUnit.CALENDAR_DAYS),
        ("3 tháng", Decimal(3), TimeUnit.MONTHS),
        ("0,5 ngày làm việc", Decimal("0.5"), TimeUnit.WORKING_DAYS),
        ("  2\u00a0NGÀY  LÀM VIỆC ", Decimal(2), TimeUnit.WORKING_DAYS),
        ("4 giờ", Decimal(4), TimeUnit.WORKING_HOURS),
    ],
)
def test_parse_time_limit(text: str, amount: Decimal, unit: TimeUnit) -> None:
    limit = TimeLimit.parse(text)
    assert (limit.amount, limit.unit) == (amount, unit)
    assert TimeLimit.parse(str(limit)) == limit


@pytest.mark.parametrize("text", ["", "mười ngày", "15", "15 tuần", "-3 ngày"])
def test_unreadable_time_limit(text: str) -> None:
    with pytest.raises(InvalidProcedure, match=r"thời hạn|thủ tục hành chính") as info:
        TimeLimit.parse(text)
    assert repr(text) in str(info.value)


def test_negative_limit_is_an_error() -> None:
    with pytest.raises(InvalidProcedure) as info:
        TimeLimit(Decimal(-1), TimeUnit.WORKING_DAYS)
    assert info.value.code == "negative-limit"


def test_calendar_days_and_months_are_whole() -> None:
    with pytest.raises(InvalidProcedure) as info:
        TimeLimit(Decimal("1.5"), TimeUnit.MONTHS)
    assert info.value.code == "fractional-limit"
    assert TimeLimit(Decimal("1.5"), TimeUnit.WORKING_DAYS).amount == Decimal("1.5")


@pytest.mark.parametrize("amount", [True, 1.5, "3"])
def test_amount_type(amount: object) -> None:
    with pytest.raises(InvalidProcedure):
        TimeLimit(amount, TimeUnit.WORKING_DAYS)


def test_procedure_codes() -> None:
    limit = TimeLimit(1, TimeUnit.WORKING_DAYS)
    local = Procedure("1.000110.000.00.00.H01", "Chứng thực bản sao", ProcedureLevel.COMMUNE, limit)
    assert local.base_code == "1.000110"
    assert local.is_localised
    national = Procedure(
        "1.000110",
        "Chứng thực bản sao",
        ProcedureLevel.COMMUNE,
        limit,
        online_level=OnlineServiceLevel.FULL,
        fee_bearing=True,
    )
    assert not national.is_localised
    assert national.online
    assert not local.online


def test_bad_procedure_lists_every_problem() -> None:
    with pytest.raises(InvalidProcedure) as info:
        Procedure("1000110", "  ", "xã", "15 ngày", fee_bearing=1)  # type: ignore[arg-type]
    assert {p.path for p in info.value.problems} == {
        "code",
        "name",
        "level",
        "time_limit",
        "fee_bearing",
    }

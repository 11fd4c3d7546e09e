"""Ratios: exact rates, not applicable, rounding as a parameter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from par_index.model.ratios import NOT_APPLICABLE, InvalidRatio, Ratio


def test_seed_rate_rounded_and_truncated() -> None:
    # Ba Trang printed "trả trước hạn 245 (tỷ lệ 96,83%)" of 253: 245/253 = 96.8379...%.
    r = Ratio(245, 253)
    assert r.percent() == Decimal("96.84")
    assert r.percent(rounding="ROUND_DOWN") == Decimal("96.83")
    assert str(r) == "245/253 (96.84%)"
    assert Ratio(7, 253).percent() == Decimal("2.77")
    assert Ratio(1, 253).percent(places=1) == Decimal("0.4")


def test_not_applicable_is_explicit() -> None:
    r = Ratio(0, 0)
    assert r.rate is NOT_APPLICABLE
    assert r.percent() is NOT_APPLICABLE
    assert str(r) == "0/0 (không áp dụng)"
    with pytest.raises(TypeError, match="NOT_APPLICABLE"):
        bool(NOT_APPLICABLE)


@pytest.mark.parametrize(("num", "den"), [(-1, 3), (4, 3), (True, 3), (1.0, 3)])
def test_bad_parts(num: object, den: int) -> None:
    with pytest.raises(InvalidRatio):
        Ratio(num, den)  # type: ignore[arg-type]


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6))
def test_rates_in_unit_interval_and_parts_add(a: int, b: int, c: int, d: int) -> None:
    x, y = Ratio(min(a, b), max(a, b)), Ratio(min(c, d), max(c, d))
    total = x + y
    assert (total.numerator, total.denominator) == (
        x.numerator + y.numerator,
        x.denominator + y.denominator,
    )
    for r in (x, y, total):
        rate = r.rate
        if r.denominator:
            assert isinstance(rate, Decimal)
            assert 0 <= rate <= 1
        else:
            assert rate is NOT_APPLICABLE

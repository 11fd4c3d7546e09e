"""Exact ratios with an explicit not-applicable value.

A measure such as "share of dossiers handled on time" is a :class:`Ratio`: numerator,
denominator and the rate as an exact :class:`~decimal.Decimal`. When the denominator is 0 the
rate is :data:`NOT_APPLICABLE`, never a division error and never a silent 0 (docs/sources.md:
where a unit has no task for a criterion, the criterion is not applicable).
"""

from __future__ import annotations

import enum
from decimal import Decimal, localcontext
from typing import Final, Literal

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidValueError

__all__ = ["NOT_APPLICABLE", "InvalidRatio", "NotApplicable", "Ratio", "Rounding"]

Rounding = Literal["ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_DOWN", "ROUND_UP"]


class NotApplicable(enum.Enum):
    """The value of a measure that has nothing to measure (không áp dụng)."""

    NOT_APPLICABLE = "not_applicable"

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"

    def __bool__(self) -> bool:
        # A not-applicable value must not pass for a true or false fact.
        raise TypeError("NOT_APPLICABLE has no truth value; test `is NOT_APPLICABLE`")


NOT_APPLICABLE: Final = NotApplicable.NOT_APPLICABLE

# Enough digits that no rate of counts below 10**12 loses anything a report could print.
_PRECISION = 34


class InvalidRatio(InvalidValueError):
    """A ratio (tỷ lệ) whose parts are negative or whose numerator exceeds its denominator."""

    term = "tỷ lệ"
    what = "ratio"


@attrs.frozen
class Ratio:
    """``numerator / denominator`` with both parts kept.

    Attributes:
        numerator: how many meet the condition (0 or more).
        denominator: how many were considered (0 or more, at least the numerator).

    Raises:
        InvalidRatio: for negative parts, a numerator above the denominator or wrong types.
    """

    numerator: int
    denominator: int

    def __attrs_post_init__(self) -> None:
        c = Checker()
        ok = c.of_type(self.numerator, int, "numerator", "a whole number")
        ok = c.of_type(self.denominator, int, "denominator", "a whole number") and ok
        if ok:
            c.check(self.numerator >= 0, "numerator", "negative", "0 or more", self.numerator)
            c.check(
                self.numerator <= self.denominator,
                "numerator",
                "above-denominator",
                f"at most the denominator ({self.denominator})",
                self.numerator,
            )
        c.raise_if_any(InvalidRatio)

    @property
    def rate(self) -> Decimal | NotApplicable:
        """The exact rate in [0, 1], or :data:`NOT_APPLICABLE` when nothing was considered."""
        if self.denominator == 0:
            return NOT_APPLICABLE
        with localcontext() as ctx:
            ctx.prec = _PRECISION
            return Decimal(self.numerator) / Decimal(self.denominator)

    def percent(
        self, places: int = 2, rounding: Rounding = "ROUND_HALF_UP"
    ) -> Decimal | NotApplicable:
        """The rate in percent, rounded to ``places`` decimals (ROUND_HALF_UP by default).

        Published values carry 2 decimals and no official rounding rule was found, so the
        rounding is a parameter (docs/sources.md): 245/253 → 96.84.
        """
        rate = self.rate
        if rate is NOT_APPLICABLE:
            return NOT_APPLICABLE
        assert isinstance(rate, Decimal)
        with localcontext() as ctx:
            ctx.prec = _PRECISION
            return (rate * 100).quantize(Decimal(1).scaleb(-places), rounding=rounding)

    def __add__(self, other: Ratio) -> Ratio:
        """Counts over two disjoint sets add up part by part."""
        if not isinstance(other, Ratio):
            return NotImplemented
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)

    def __str__(self) -> str:
        pct = self.percent()
        shown = "không áp dụng" if pct is NOT_APPLICABLE else f"{pct}%"
        return f"{self.numerator}/{self.denominator} ({shown})"

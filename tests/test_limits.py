"""Limits as data, the problem cap, and the library's own decimal context."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest

from par_index.core.decimals import LIBRARY_PRECISION, exact, library_context
from par_index.core.limits import DEFAULT_LIMITS, ProblemLog
from par_index.exceptions import LoadError, Problem


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("1", None),
        ("96.83", None),
        ("1.5000000000000000000000", None),  # trailing zeros are not digits of the value
        ("-5", None),
        ("0E-100", None),
        ("999999999999999.5", None),
        ("1e-28", None),
        ("0." + "3" * 60, None),
        ("1e15", "a number below 10^15 in magnitude"),
        ("1e999999999", "a number below 10^15 in magnitude"),
        ("1e-31", "zero or a number of at least 10^-30 in magnitude"),
        ("0." + "3" * 61, "a number of at most 60 significant digits"),
        ("NaN", "a finite number"),
        ("-Infinity", "a finite number"),
    ],
)
def test_decimal_limits(text: str, refused: str | None) -> None:
    assert DEFAULT_LIMITS.decimal_problem(Decimal(text)) == refused


def test_load_error_keeps_the_cap_and_counts_the_rest() -> None:
    n = 3 * DEFAULT_LIMITS.max_problems
    problems = (
        Problem(f"row {i}", "bad-date" if i % 2 else "cell-count", "x", "y") for i in range(n)
    )
    error = LoadError(problems, source="f.csv")
    assert len(error.problems) == DEFAULT_LIMITS.max_problems
    assert error.total == n
    assert sum(error.omitted.values()) == n - DEFAULT_LIMITS.max_problems
    message = str(error)
    assert len(message) < 20_000
    assert (
        f"and {n - error.shown} more (bad-date {n // 2 - 25}, cell-count {n // 2 - 25})" in message
    )


def test_problem_log() -> None:
    log = ProblemLog(cap=2)
    log.extend(Problem("p", code, "x", "y") for code in ("a", "b", "a", "c", "a"))
    assert [p.code for p in log] == ["a", "b"]
    assert dict(log.omitted) == {"a": 2, "c": 1}
    assert log.total == 5
    assert log


def test_library_context_ignores_the_callers() -> None:
    @exact
    def third() -> Decimal:
        return Decimal(1) / Decimal(3)

    caller = decimal.Context(prec=3)
    caller.traps[decimal.Inexact] = True
    with decimal.localcontext(caller):
        assert len(third().as_tuple().digits) == LIBRARY_PRECISION
        assert decimal.getcontext().prec == 3  # the caller's context is restored
    with library_context() as ctx:
        assert ctx.prec == LIBRARY_PRECISION
        assert Decimal("1e-28") + Decimal(1) - Decimal(1) == Decimal("1e-28")

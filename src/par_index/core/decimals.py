"""The decimal arithmetic of the library: one fixed context, set locally around each
computation, whatever context the caller's thread has.

Points, rates and indices are :class:`decimal.Decimal`. Python's decimal context is per
thread and global to it: a caller who sets ``getcontext().prec = 3`` or traps
:class:`decimal.Inexact` for their own work must not change a score, and a score must not
depend on the 28 digits of the default context (where 100 + 1E-28 - 100 is 0). The context
keeps 60 digits: inputs are bounded by :class:`~par_index.core.limits.Limits` to
magnitudes below 10^15, so sums of up to 10^9 values written with 30 digits or fewer stay
exact, and a quotient (a 1/60 share of a point) is rounded half-even at the 60th digit, far
beyond the 2 decimals reported. Reported values are
rounded explicitly (``quantize`` with the rounding the framework states), never by the
context.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Final, ParamSpec, TypeVar

__all__ = ["LIBRARY_CONTEXT", "LIBRARY_PRECISION", "exact", "library_context"]

#: Significant digits kept by every computation of the library.
LIBRARY_PRECISION: Final = 60

#: The context the library computes in: 60 digits, half-even at the last one, and errors
#: (invalid operations, division by zero, overflow) raised rather than turned into NaN or
#: infinity. Exponents are bounded well past the input limits.
LIBRARY_CONTEXT: Final = decimal.Context(
    prec=LIBRARY_PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

P = ParamSpec("P")
R = TypeVar("R")


def library_context() -> AbstractContextManager[decimal.Context]:
    """A ``with`` block computing in :data:`LIBRARY_CONTEXT` (the caller's context is restored
    on leaving it)."""
    return decimal.localcontext(LIBRARY_CONTEXT)


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in :data:`LIBRARY_CONTEXT`."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(LIBRARY_CONTEXT):
            return function(*args, **kwargs)

    return wrapper

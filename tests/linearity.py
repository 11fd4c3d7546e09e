"""Linear-time checks that do not depend on the machine's speed.

A step runs on an input and on one ``factor`` times larger, a few times each; the smallest CPU
time of each (:func:`time.process_time`, the time this process ran, so other load on the machine
does not count) gives the growth ratio. Linear work grows by about ``factor``, quadratic work by
``factor`` squared and catastrophic backtracking by far more, so a bound of
``GENEROUS * factor`` separates them on a fast machine and a slow one alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

#: How far above a linear growth a measured ratio may go before it counts as super-linear.
GENEROUS: Final = 3


def _cpu(step: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.process_time()
        step()
        best = min(best, time.process_time() - began)
    return max(best, 1e-6)


def growth(small: Callable[[], object], large: Callable[[], object], *, repeats: int = 3) -> float:
    """The ratio of the CPU time of ``large`` to that of ``small`` (best of ``repeats``)."""
    small()  # warm caches and compiled patterns
    return _cpu(large, repeats) / _cpu(small, repeats)


def is_linear(ratio: float, factor: int) -> bool:
    """Whether a growth ``ratio`` for inputs ``factor`` times larger is linear (generously)."""
    return ratio <= GENEROUS * factor

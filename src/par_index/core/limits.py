"""Limits on what one input may hold: nesting depth, digits, cell size, magnitudes and the
number of problems reported in full.

They are data, not accidents of the parsers underneath: an input past a limit is refused with
a typed error that names the limit and the place, instead of a ``RecursionError``, an hour
of arithmetic or a gigabyte of messages. Each limit is far above what a real file holds
(stated beside it) and below what would hurt a machine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from par_index.core.decimals import LIBRARY_PRECISION

if TYPE_CHECKING:
    from par_index.exceptions import Problem

__all__ = ["DEFAULT_LIMITS", "Limits", "ProblemLog"]


@attrs.frozen
class Limits:
    """What one input may hold.

    Attributes:
        max_depth: nesting of JSON arrays/objects, TOML tables/arrays and framework criteria.
            A dossier file nests 4 deep and a framework's criteria 4 levels (domain,
            criterion, sub-criterion, element).
        max_digits: characters of one number as written, before it is converted (a count,
            points or a rate needs 20 at most); longer ones are refused unread.
        max_exponent: numbers (amounts, points, measure values) are below
            ``10**max_exponent`` in magnitude (a country's dossiers in a year are < 10^9).
        min_exponent: a number other than zero is at least ``10**min_exponent`` in
            magnitude (rates are written with a handful of decimals).
        max_significant: significant digits of a number: the library's precision
            (:data:`~par_index.core.decimals.LIBRARY_PRECISION`), so that the shares it
            computes (1/60 of a point) read back as they were written, and sums of values
            written with up to 30 digits stay exact.
        max_cell: characters in one CSV cell or one JSON string (a dossier summary runs to a
            few hundred).
        max_problems: problems reported in full per file; past it only counts by kind are
            kept, so that a million bad rows cost kilobytes, not gigabytes.
    """

    max_depth: int = 64
    max_digits: int = 40
    max_exponent: int = 15
    min_exponent: int = -30
    max_significant: int = LIBRARY_PRECISION
    max_cell: int = 100_000
    max_problems: int = 1000

    def decimal_problem(self, value: Decimal) -> str | None:
        """What ``value`` should have been when it is past the limits, or None.

        Trailing zeros do not count: ``1.5000`` has two significant digits.
        """
        if not value.is_finite():
            return "a finite number"
        if value.is_zero():
            return None
        _, digits, _ = value.as_tuple()
        kept = len(digits)
        while kept > 1 and digits[kept - 1] == 0:
            kept -= 1
        if value.adjusted() >= self.max_exponent:
            return f"a number below 10^{self.max_exponent} in magnitude"
        if value.adjusted() < self.min_exponent:
            return f"zero or a number of at least 10^{self.min_exponent} in magnitude"
        if kept > self.max_significant:
            return f"a number of at most {self.max_significant} significant digits"
        return None


#: The limits every loader applies unless given others.
DEFAULT_LIMITS: Final = Limits()


@attrs.define
class ProblemLog:
    """Problems of one input: the first ``cap`` in full, then only counts by code.

    Attributes:
        cap: how many problems are kept in full.
        kept: the problems kept, in the order found.
        omitted: how many problems past the cap, by code.
    """

    cap: int = DEFAULT_LIMITS.max_problems
    kept: list[Problem] = attrs.field(factory=list)
    omitted: Counter[str] = attrs.field(factory=Counter)

    def add(self, problem: Problem) -> None:
        """Keep ``problem``, or count it once the cap is reached."""
        if len(self.kept) < self.cap:
            self.kept.append(problem)
        else:
            self.omitted[problem.code] += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add each of ``problems``."""
        for p in problems:
            self.add(p)

    @property
    def total(self) -> int:
        """Every problem seen, kept or counted."""
        return len(self.kept) + sum(self.omitted.values())

    def __bool__(self) -> bool:
        return bool(self.kept)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.kept)

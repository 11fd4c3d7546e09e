"""A small accumulator of :class:`Problem` records used by constructors.

Constructors check every rule and raise once with all the problems found, so that a caller
fixing data sees everything at once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from par_index.exceptions import InvalidValueError, Problem

__all__ = ["Checker", "is_int", "show"]


def show(value: object) -> str:
    """A short rendering of a value for a :class:`Problem`'s ``found``."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


class Checker:
    """Collects problems; :meth:`raise_if_any` raises them as one error."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: str, code: str, expected: str, found: object) -> None:
        self.problems.append(Problem(path=path, code=code, expected=expected, found=show(found)))

    def check(self, ok: bool, path: str, code: str, expected: str, found: object) -> bool:
        """Record a problem unless ``ok``; return ``ok``."""
        if not ok:
            self.add(path, code, expected, found)
        return ok

    def of_type(self, value: Any, types: type | tuple[type, ...], path: str, expected: str) -> bool:
        """Check ``isinstance`` (``bool`` never passes for ``int``)."""
        ok = isinstance(value, types) and not (
            isinstance(value, bool)
            and bool not in (types if isinstance(types, tuple) else (types,))
        )
        return self.check(ok, path, "wrong-type", expected, value)

    def aware(self, value: datetime | None, path: str) -> bool:
        """A moment must be a timezone-aware ``datetime`` (or absent)."""
        if value is None:
            return True
        if not self.of_type(value, datetime, path, "a timezone-aware datetime"):
            return False
        return self.check(
            value.utcoffset() is not None,
            path,
            "naive-datetime",
            "a timezone-aware datetime (UTC+7 for Vietnam)",
            value,
        )

    def raise_if_any(self, error: type[InvalidValueError]) -> None:
        if self.problems:
            raise error(self.problems)


def is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

"""The layers a Vietnamese calendar is compiled from: the holidays package, the library's table of
official day changes (each with its legal reference) and their differences.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

import attrs

from par_index.calendar.days import (
    CalendarDifference,
    CalendarRangeError,
    DayChange,
    DayKind,
    InvalidCalendar,
    _is_working_per,
    package_label,
)
from par_index.core.validation import Checker, is_int
from par_index.exceptions import InvalidValueError, LoadError, Problem

__all__ = [
    "load_day_changes",
    "official_day_changes",
    "official_through",
    "vietnam_layers",
]

if TYPE_CHECKING:
    from holidays import HolidayBase


# The years the holidays package computes for Vietnam (its Vietnam.start_year/end_year).
_PACKAGE_FIRST_YEAR: Final = 1901
_PACKAGE_LAST_YEAR: Final = 2100
# The label the package (language "vi") gives to a weekday off swapped with a worked Saturday.
_SUBSTITUTE_PREFIX: Final = "Ngày nghỉ (thay cho"


def _vietnam_holidays(years: Iterable[int]) -> HolidayBase:
    """The ``holidays`` package's Vietnamese calendar, names in Vietnamese."""
    # Deferred: importing holidays costs ~10 ms, paid only when a calendar is compiled.
    import holidays  # noqa: PLC0415

    return holidays.country_holidays("VN", years=years, language="vi")


_TABLE_RESOURCE: Final = ("data", "vn_public_sector.toml")
_TABLE_KEYS: Final = frozenset({"day", "kind", "name", "source", "note", "verified"})
_TABLE_REQUIRED: Final = ("day", "kind", "name", "source")

# --------------------------------------------------------------------------------------------
# Layers


@attrs.frozen
class _Table:
    changes: tuple[DayChange, ...]
    covers: tuple[int, int] | None
    official_through: int | None = None


def load_day_changes(text: str, *, source: str = "<string>") -> tuple[DayChange, ...]:
    """Read day changes from TOML text in the format of the bundled table.

    The format: optional ``schema = 1`` and ``covers = [first_year, last_year]``, then one
    ``[[change]]`` table per day with ``day`` (a TOML date), ``kind`` (``"off"`` or
    ``"worked"``), ``name``, ``source`` and optional ``note`` and ``verified``. Use it for a
    province's list of closures.

    Raises:
        LoadError: listing every problem with its path (``$.change[3].kind``).
    """
    return _parse_table(text, source).changes


def _parse_table(text: str, source: str) -> _Table:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError(
            [Problem("$", "toml-syntax", "valid TOML", str(exc))], source=source
        ) from exc
    c = Checker()
    for key in sorted(set(data) - {"schema", "covers", "official_through", "change"}):
        c.add(f"$.{key}", "unknown-key", "schema, covers, official_through or change", key)
    c.check(data.get("schema", 1) == 1, "$.schema", "schema", "schema = 1", data.get("schema"))
    covers: tuple[int, int] | None = None
    raw_covers = data.get("covers")
    if raw_covers is not None and c.check(
        isinstance(raw_covers, list)
        and len(raw_covers) == 2
        and all(is_int(y) for y in raw_covers)
        and raw_covers[0] <= raw_covers[1],
        "$.covers",
        "covers",
        "[first_year, last_year]",
        raw_covers,
    ):
        covers = (raw_covers[0], raw_covers[1])
    official: int | None = None
    raw_official = data.get("official_through")
    if raw_official is not None and c.check(
        is_int(raw_official), "$.official_through", "wrong-type", "a year", raw_official
    ):
        official = raw_official
    entries = data.get("change", [])
    changes: list[DayChange] = []
    if c.check(isinstance(entries, list), "$.change", "wrong-type", "[[change]] tables", entries):
        seen: dict[date, int] = {}
        for i, raw in enumerate(entries):
            change = _parse_entry(raw, f"$.change[{i}]", c)
            if change is None:
                continue
            if change.day in seen:
                c.add(
                    f"$.change[{i}].day",
                    "duplicate-day",
                    f"one entry per day (also $.change[{seen[change.day]}])",
                    change.day,
                )
            seen[change.day] = i
            changes.append(change)
    if c.problems:
        raise LoadError(c.problems, source=source)
    return _Table(tuple(sorted(changes, key=lambda ch: ch.day)), covers, official)


def _parse_entry(raw: object, path: str, c: Checker) -> DayChange | None:
    if not isinstance(raw, dict):
        c.add(path, "wrong-type", "a [[change]] table", raw)
        return None
    fields: Mapping[str, Any] = raw
    ok = True
    for key in sorted(set(fields) - _TABLE_KEYS):
        ok = False
        c.add(f"{path}.{key}", "unknown-key", ", ".join(sorted(_TABLE_KEYS)), key)
    for key in _TABLE_REQUIRED:
        if key not in fields:
            ok = False
            c.add(f"{path}.{key}", "missing", f"a {key}", None)
    if not ok:
        return None
    kind = fields["kind"]
    if kind not in ("off", "worked"):
        # Checked here, not by the converter, so that the other fields are checked too.
        c.add(f"{path}.kind", "day-kind", "'off' or 'worked'", kind)
        kind = "off"
    try:
        change = DayChange(
            day=fields["day"],
            kind=kind,
            name=fields["name"],
            source=fields["source"],
            note=fields.get("note", ""),
            verified=fields.get("verified", True),
        )
    except InvalidValueError as exc:
        c.problems.extend(p.under(path) for p in exc.problems)
        return None
    return change if kind == fields["kind"] else None


@functools.lru_cache(maxsize=1)
def _official_table() -> _Table:
    resource = resources.files("par_index.calendar").joinpath(*_TABLE_RESOURCE)
    return _parse_table(
        resource.read_text(encoding="utf-8"), "par_index/" + "/".join(_TABLE_RESOURCE)
    )


def official_through() -> int | None:
    """The last year for which the bundled table records an official notice (its
    ``official_through``); later years are estimates.

    Raises:
        LoadError: if the bundled file is broken (a packaging bug).
    """
    return _official_table().official_through


def official_day_changes() -> tuple[DayChange, ...]:
    """The library's table of official public-sector day changes (swaps), bundled as data.

    Raises:
        LoadError: if the bundled file is broken (a packaging bug).
    """
    return _official_table().changes


def _package_source(day: date, name: str) -> tuple[str, bool]:
    """The legal source of a day the ``holidays`` package lists, and whether it is verified."""
    if name.startswith(_SUBSTITUTE_PREFIX):
        return f"hoán đổi ngày làm việc listed by {package_label()} (no reference recorded)", False
    if "Văn hóa" in name:
        return "Nghị quyết 28/2026/QH16, Điều 2 (hiệu lực 01/7/2026)", False
    if day.year >= 2021:
        return "Bộ luật Lao động 2019 Điều 112", True
    if day.year >= 2013:
        return "Bộ luật Lao động 2012 Điều 115", True
    return "Bộ luật Lao động 1994 Điều 73", True


def _is_culture_day_makeup(day: date, name: str) -> bool:
    """A weekday the package gives off because 24/11 (Ngày Văn hóa Việt Nam) fell on a
    weekend (its "nghỉ bù" for the day)."""
    return "Văn hóa" in name and (day.month, day.day) != (11, 24)


@functools.lru_cache(maxsize=8)
def _package_layer(
    first: date, last: date, culture_day_makeup: bool = False
) -> tuple[DayChange, ...]:
    """The package's weekdays off and weekend days worked between ``first`` and ``last``.

    The package gives a make-up weekday when 24/11 falls on a weekend (Mon 26/11/2029, Mon
    25/11/2030), applying Bộ luật Lao động 2019 Điều 112 khoản 3 to the new day. No source
    found settles that (the day was enacted outside Điều 112 khoản 1: Nghị quyết 28/2026/QH16
    Điều 2), so it is the calendar's ``culture_day_makeup`` policy, off by default.
    """
    # A swap may pair days of adjacent years (31/12/2018 off, 05/01/2019 worked), so the years
    # around the bounds are computed too.
    years = range(
        max(first.year - 1, _PACKAGE_FIRST_YEAR), min(last.year + 1, _PACKAGE_LAST_YEAR) + 1
    )
    vn = _vietnam_holidays(years)
    out: list[DayChange] = []
    for day, name in sorted(vn.items()):
        if first <= day <= last and day.weekday() < 5:
            if not culture_day_makeup and _is_culture_day_makeup(day, name):
                continue
            source, verified = _package_source(day, name)
            out.append(DayChange(day, DayKind.OFF, name, source, package_label(), verified))
    out.extend(
        DayChange(
            day,
            DayKind.WORKED,
            "Ngày làm bù (hoán đổi ngày làm việc)",
            f"hoán đổi ngày làm việc listed by {package_label()} (no reference recorded)",
            package_label(),
            verified=False,
        )
        for day in sorted(vn.weekend_workdays)
        if first <= day <= last and day.weekday() >= 5
    )
    return tuple(out)


def _merge(layers: Iterable[Iterable[DayChange]]) -> tuple[DayChange, ...]:
    """The departures from the ordinary week after applying ``layers`` in order."""
    effective: dict[date, DayChange] = {}
    for layer in layers:
        for change in layer:
            effective[change.day] = change
    return tuple(
        sorted(
            (ch for ch in effective.values() if (ch.kind is DayKind.OFF) == (ch.day.weekday() < 5)),
            key=lambda ch: ch.day,
        )
    )


def _differences(
    first: date, last: date, table: _Table, package: tuple[DayChange, ...]
) -> tuple[CalendarDifference, ...]:
    in_package = {ch.day: ch for ch in package}
    in_table = {ch.day: ch for ch in table.changes if first <= ch.day <= last}
    out = [
        CalendarDifference(day, ours, in_package.get(day))
        for day, ours in in_table.items()
        if _is_working_per(day, ours) != _is_working_per(day, in_package.get(day))
    ]
    if table.covers is not None:
        low, high = table.covers
        out.extend(
            CalendarDifference(day, None, theirs)
            for day, theirs in in_package.items()
            if day not in in_table
            and low <= day.year <= high
            and (theirs.kind is DayKind.WORKED or theirs.name.startswith(_SUBSTITUTE_PREFIX))
        )
    return tuple(sorted(out, key=lambda diff: diff.day))


def _only_changes(values: tuple[object, ...]) -> list[DayChange]:
    return [v for v in values if isinstance(v, DayChange)]


def vietnam_layers(
    first_year: int,
    last_year: int,
    closures: tuple[DayChange, ...],
    extra: tuple[DayChange, ...],
    culture_day_makeup: bool = False,
) -> tuple[tuple[DayChange, ...], tuple[CalendarDifference, ...]]:
    """The day changes of a Vietnamese calendar from ``first_year`` to ``last_year`` (the
    package's layer, the library's table, then the overrides) and how the package and the
    table differ.

    Raises:
        InvalidCalendar: for years outside 1901–2100 or out of order, an override of the
            wrong kind, or a day both closed and worked.
        CalendarRangeError: for an override outside the bounds.
    """
    c = Checker()
    years_ok = True
    for field, year in (("first_year", first_year), ("last_year", last_year)):
        if c.of_type(year, int, field, "a year"):
            years_ok &= c.check(
                _PACKAGE_FIRST_YEAR <= year <= _PACKAGE_LAST_YEAR,
                field,
                "year-unsupported",
                f"a year from {_PACKAGE_FIRST_YEAR} to {_PACKAGE_LAST_YEAR}",
                year,
            )
        else:
            years_ok = False
    if years_ok:
        c.check(
            first_year <= last_year,
            "last_year",
            "bounds-order",
            f"a year on or after first_year ({first_year})",
            last_year,
        )
    for field, overrides, kind in (
        ("closures", closures, DayKind.OFF),
        ("extra_working_days", extra, DayKind.WORKED),
    ):
        for i, change in enumerate(overrides):
            if c.of_type(change, DayChange, f"{field}[{i}]", "a DayChange"):
                c.check(
                    change.kind is kind,
                    f"{field}[{i}].kind",
                    "override-kind",
                    f"a DayChange of kind {kind.value!r}",
                    change.kind.value,
                )
    closed = {ch.day for ch in _only_changes(closures)}
    for i, change in enumerate(_only_changes(extra)):
        if change.day in closed:
            c.add(
                f"extra_working_days[{i}].day",
                "override-conflict",
                "a day that is not also a closure",
                change.day,
            )
    c.of_type(culture_day_makeup, bool, "culture_day_makeup", "True or False")
    c.raise_if_any(InvalidCalendar)
    first, last = date(first_year, 1, 1), date(last_year, 12, 31)
    for change in (*closures, *extra):
        if not first <= change.day <= last:
            raise CalendarRangeError(
                change.day,
                first,
                last,
                subject=f"override {change.day.isoformat()} ({change.name})",
            )
    table = _official_table()
    package = _package_layer(first, last, culture_day_makeup)
    ours = (ch for ch in table.changes if first <= ch.day <= last)
    return _merge((package, ours, closures, extra)), _differences(first, last, table, package)

"""Serialization: a strict cattrs converter factory and JSON files.

The converter is strict: a JSON string where a number is expected, a float where an exact
decimal is expected, an unknown key or a list where a text is expected are all errors, never
coerced. Loading reports every problem at once with its path (``$.dossiers[3].received_at``)
or its CSV row and column, what was expected and what was found (:class:`LoadError`). A
caller who wants what can be salvaged asks for ``partial=True`` and gets the valid records
plus the rejected ones, each with its problems; the result says it is incomplete.
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from par_index.core.decode import decode_bytes
from par_index.core.limits import DEFAULT_LIMITS, Limits
from par_index.exceptions import (
    InvalidValueError,
    LoadError,
    Problem,
    Rejected,
    RejectedRecords,
)
from par_index.formats._exports import (
    Bad,
    show_found,
)
from par_index.model.documents import DocumentRef
from par_index.model.periods import ReportingPeriod
from par_index.scoring.converter import configure_scoring_converter

__all__ = [
    "LoadResult",
    "Rejected",
    "Rejections",
    "configure_converter",
    "default_converter",
    "dump",
    "dumps",
    "finish",
    "load",
    "loads",
    "make_converter",
    "parse_json",
    "problems_from",
    "read_json",
]

T = TypeVar("T")


# --------------------------------------------------------------------------- converter


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Bad("wrong-type", "a whole number", value)
    if abs(value) >= 10**DEFAULT_LIMITS.max_exponent:
        raise Bad(
            "out-of-range", f"a number below 10^{DEFAULT_LIMITS.max_exponent} in magnitude", value
        )
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise Bad("wrong-type", "a text", value)
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise Bad("wrong-type", "true or false", value)
    return value


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise Bad("wrong-type", 'an exact decimal: a string such as "96.83" or a number', value)
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise Bad("not-a-number", 'a decimal number such as "96.83"', value) from None
    beyond = DEFAULT_LIMITS.decimal_problem(result)
    if beyond is not None:
        raise Bad("out-of-range" if result.is_finite() else "not-a-number", beyond, value)
    return result


def _structure_date(value: Any, _: type) -> date:
    if not isinstance(value, str):
        raise Bad("wrong-type", "a date YYYY-MM-DD", value)
    # date.fromisoformat also takes "20230301" and "2023-W09-3": only YYYY-MM-DD is ours.
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is None:
        raise Bad("bad-date", "a date YYYY-MM-DD", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Bad("bad-date", "a real date YYYY-MM-DD", value) from None


def _structure_time(value: Any, _: type) -> time:
    if not isinstance(value, str):
        raise Bad("wrong-type", "a local time HH:MM[:SS]", value)
    try:
        result = time.fromisoformat(value)
    except ValueError:
        raise Bad("bad-time", "a local time HH:MM[:SS] such as 15:00", value) from None
    if result.tzinfo is not None:
        raise Bad("aware-time", "a local time without an offset", value)
    return result


def _structure_datetime(value: Any, _: type) -> datetime:
    if not isinstance(value, str):
        raise Bad("wrong-type", "an ISO 8601 moment with a UTC offset", value)
    try:
        result = datetime.fromisoformat(value)
    except ValueError:
        raise Bad(
            "bad-moment", "an ISO 8601 moment such as 2023-06-14T08:00:00+07:00", value
        ) from None
    if result.utcoffset() is None:
        raise Bad(
            "naive-moment", "a moment with a UTC offset such as 2023-06-14T08:00:00+07:00", value
        )
    return result


def _structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    for m in cl:
        # Exact type: True is not 1 and "2" is not 2.
        if type(value) is type(m.value) and value == m.value:
            return m
    allowed = ", ".join(repr(m.value) for m in cl)
    raise Bad("not-allowed", f"one of {allowed}", value)


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _text_value_hook(cl: type[T], parse: Callable[[str], T]) -> Callable[[Any, type], T]:
    def structure(value: Any, _: type) -> T:
        if not isinstance(value, str):
            raise Bad("wrong-type", f"a {cl.__name__} text", value)
        return parse(value)

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(c: cattrs.Converter) -> Callable[[Any], Callable[[Any, type], tuple[Any, ...]]]:
    def factory(t: Any) -> Callable[[Any, type], tuple[Any, ...]]:
        inner_type = get_args(t)[0]
        inner = c.get_structure_hook(inner_type)

        def structure(value: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise Bad("wrong-type", "a list", value)
            out: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    out.append(inner(item, inner_type))
                except Exception as exc:  # noqa: BLE001 - collected and re-raised as a group
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring item {i}", i, inner_type),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    return factory


def configure_converter(c: cattrs.Converter) -> None:
    """Register par_index's strict hooks on ``c``.

    Decimals are written as strings (exact), dates as ``YYYY-MM-DD``, moments as ISO 8601
    with their offset, enums by value, :class:`DocumentRef` and :class:`ReportingPeriod` as
    their canonical Vietnamese text.
    """
    # Registrations dispatch on the class's MRO, so str and int enums are registered
    # explicitly to win over the str and int hooks.
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(bool, _structure_bool)
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):
        c.register_structure_hook(base, _structure_enum)
        c.register_unstructure_hook(base, _unstructure_enum)
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_unstructure_hook(Decimal, str)
    c.register_structure_hook(date, _structure_date)
    c.register_unstructure_hook(date, date.isoformat)
    c.register_structure_hook(time, _structure_time)
    c.register_unstructure_hook(time, time.isoformat)
    c.register_structure_hook(datetime, _structure_datetime)
    c.register_unstructure_hook(datetime, datetime.isoformat)
    c.register_structure_hook(DocumentRef, _text_value_hook(DocumentRef, DocumentRef.parse))
    c.register_unstructure_hook(DocumentRef, str)
    c.register_structure_hook(
        ReportingPeriod, _text_value_hook(ReportingPeriod, ReportingPeriod.parse)
    )
    c.register_unstructure_hook(ReportingPeriod, str)
    c.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_factory(c))


def make_converter() -> cattrs.Converter:
    """A new strict converter for every par_index type (never the global one)."""
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(c)
    configure_scoring_converter(c)
    return c


@functools.cache
def default_converter() -> cattrs.Converter:
    """The shared strict converter (built on first use)."""
    return make_converter()


# --------------------------------------------------------------------------- problems


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a structuring error into :class:`Problem` records with JSON paths."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        out: list[Problem] = []
        for sub, note in with_notes:
            out.extend(problems_from(sub, f"{path}.{note.name}"))
        for sub in without:
            out.extend(problems_from(sub, path))
        return out
    if isinstance(exc, IterableValidationError):
        with_idx, rest = exc.group_exceptions()
        out = []
        for sub, inote in with_idx:
            out.extend(problems_from(sub, f"{path}[{inote.index}]"))
        for sub in rest:
            out.extend(problems_from(sub, path))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        # The names a file may use: private fields (init=False) are the library's own.
        fields = attrs.fields(exc.cl) if attrs.has(exc.cl) else ()
        allowed = ", ".join(a.alias for a in fields if a.init)
        return [
            Problem(f"{path}.{k}", "unknown-field", f"only known fields ({allowed})", repr(k))
            for k in sorted(exc.extra_fields)
        ]
    if isinstance(exc, InvalidValueError):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, Bad):
        return [Problem(path, exc.code, exc.expected, show_found(exc.found))]
    if isinstance(exc, KeyError):
        return [Problem(path, "missing-field", "a value for this required field", "nothing")]
    if isinstance(exc, BaseExceptionGroup):
        return [p for sub in exc.exceptions for p in problems_from(sub, path)]
    return [Problem(path, "invalid-value", "a valid value", f"{type(exc).__name__}: {exc}")]


# --------------------------------------------------------------------------- JSON


class _TooLong:
    """A number written with more characters than the limits allow, kept unread to report
    its place."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _NonFinite:
    """``NaN``, ``Infinity`` or ``-Infinity``: not JSON, though Python's reader takes them."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Twice(dict[str, Any]):
    """An object in which some keys appear more than once (``repeated``): JSON readers keep
    the last value, silently, so the library refuses it."""

    repeated: tuple[str, ...] = ()


class _Hooks:
    """The hooks of one JSON read. Values past the limits are kept as markers and
    ``flagged``, so that the walk that follows reports each with its path."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.flagged = False

    def parse_int(self, s: str) -> int | _TooLong:
        if len(s) > self.limits.max_digits:
            self.flagged = True
            return _TooLong(s)
        return int(s)

    def parse_float(self, s: str) -> Decimal | _TooLong:
        if len(s) > self.limits.max_digits:
            self.flagged = True
            return _TooLong(s)
        return Decimal(s)

    def parse_constant(self, s: str) -> _NonFinite:
        self.flagged = True
        return _NonFinite(s)

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        d = dict(pairs)
        if len(d) == len(pairs):
            return d
        self.flagged = True
        twice = _Twice(d)
        seen: set[str] = set()
        repeated: set[str] = set()
        for k, _ in pairs:
            (repeated if k in seen else seen).add(k)
        twice.repeated = tuple(sorted(repeated))
        return twice


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_NO_SURROGATES = "text without lone surrogates (U+D800-U+DFFF are not characters)"


def _escaped(text: str) -> str:
    return show_found(text.encode("utf-8", "backslashreplace").decode("utf-8"))


def _walk(data: Any, limits: Limits) -> list[Problem]:
    """Every place in parsed JSON that breaks the limits or is not sound data, in order."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str, int]] = [(data, "$", 0)]
    too_deep = f"nesting of at most {limits.max_depth} levels"
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            if depth >= limits.max_depth:
                problems.append(Problem(path, "too-deep", too_deep, "deeper nesting"))
                continue
            if isinstance(value, _Twice):
                problems.extend(
                    Problem(f"{path}.{k}", "duplicate-key", "each key once in an object", repr(k))
                    for k in value.repeated
                )
            for k in reversed(value):
                if _SURROGATE.search(k):
                    problems.append(
                        Problem(f"{path}.{_escaped(k)}", "bad-text", _NO_SURROGATES, _escaped(k))
                    )
                stack.append((value[k], f"{path}.{k}", depth + 1))
        elif isinstance(value, list):
            if depth >= limits.max_depth:
                problems.append(Problem(path, "too-deep", too_deep, "deeper nesting"))
                continue
            stack.extend(
                (value[i], f"{path}[{i}]", depth + 1) for i in range(len(value) - 1, -1, -1)
            )
        elif isinstance(value, _TooLong):
            problems.append(
                Problem(
                    path,
                    "too-many-digits",
                    f"a number of at most {limits.max_digits} characters",
                    f"{len(value.text)} characters",
                )
            )
        elif isinstance(value, _NonFinite):
            problems.append(
                Problem(
                    path,
                    "not-a-number",
                    "a finite number (JSON has no NaN or Infinity)",
                    value.text,
                )
            )
        elif isinstance(value, str):
            if _SURROGATE.search(value):
                problems.append(Problem(path, "bad-text", _NO_SURROGATES, _escaped(value)))
            elif len(value) > limits.max_cell:
                problems.append(
                    Problem(
                        path,
                        "too-long",
                        f"a text of at most {limits.max_cell} characters",
                        f"{len(value)} characters",
                    )
                )
    return problems


@functools.cache
def _deep_opening(depth: int) -> re.Pattern[str]:
    """Brackets opened ``depth`` times in a row: the cheap sign of nesting worth a walk."""
    return re.compile(r"[\[{](?:\s*[\[{]){" + str(depth - 1) + "}")


def read_json(
    text: str | bytes, source: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, list[Problem]]:
    """Parsed JSON and the problems of its values, each with its path.

    Raises:
        LoadError: for bytes in no readable encoding, text that is not JSON, or nesting
            deeper than Python's reader can follow.
    """
    text = decode_bytes(text, source=source)
    hooks = _Hooks(limits)
    try:
        data = json.loads(
            text,
            parse_float=hooks.parse_float,
            parse_int=hooks.parse_int,
            parse_constant=hooks.parse_constant,
            object_pairs_hook=hooks.pairs,
        )
    except json.JSONDecodeError as exc:
        raise LoadError(
            [Problem(f"line {exc.lineno}, column {exc.colno}", "bad-json", "valid JSON", exc.msg)],
            source=source,
        ) from None
    except RecursionError:
        raise LoadError(
            [
                Problem(
                    "$",
                    "too-deep",
                    f"nesting of at most {limits.max_depth} levels",
                    "deeper nesting",
                )
            ],
            source=source,
        ) from None
    suspicious = (
        hooks.flagged
        or len(text) > limits.max_cell
        or _SURROGATE.search(text) is not None
        or _ESCAPED_SURROGATE.search(text) is not None
        or _deep_opening(limits.max_depth).search(text) is not None
    )
    return data, (_walk(data, limits) if suspicious else [])


def parse_json(text: str | bytes, source: str) -> Any:
    """Parsed JSON whose values are all within the limits.

    Raises:
        LoadError: for bytes in no readable encoding, text that is not JSON, or every value
            past the limits or unsound (duplicate keys, lone surrogates, NaN), with its path.
    """
    data, problems = read_json(text, source)
    if problems:
        raise LoadError(problems, source=source)
    return data


def loads(
    cls: type[T],
    text: str | bytes,
    *,
    converter: cattrs.Converter | None = None,
    source: str = "<string>",
) -> T:
    """Read one ``cls`` value from JSON text.

    Raises:
        LoadError: listing every problem with its JSON path.
    """
    data = parse_json(text, source)
    try:
        return (converter or default_converter()).structure(data, cls)
    except Exception as exc:  # noqa: BLE001 - every structuring failure becomes Problems
        raise LoadError(problems_from(exc), source=source) from None


def load(cls: type[T], path: str | Path, *, converter: cattrs.Converter | None = None) -> T:
    """Read one ``cls`` value from a JSON file.

    Raises:
        LoadError: listing every problem with its JSON path.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    return loads(cls, p.read_bytes(), converter=converter, source=str(p))


def dumps(obj: object, *, converter: cattrs.Converter | None = None, indent: int | None = 2) -> str:
    """``obj`` as JSON text (UTF-8 characters kept as they are)."""
    data = (converter or default_converter()).unstructure(obj)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def dump(obj: object, path: str | Path, *, converter: cattrs.Converter | None = None) -> None:
    """Write ``obj`` as JSON to ``path``."""
    Path(path).write_text(dumps(obj, converter=converter) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- results


@attrs.frozen
class LoadResult(Generic[T]):
    """What a tolerant load produced: the valid records and the rejected ones.

    A result with rejections is incomplete: ``complete`` is False and
    :meth:`raise_if_incomplete` raises the :class:`LoadError` a strict load would have.
    Past :attr:`~par_index.core.limits.Limits.max_problems` problems, rejected records are
    counted, not kept: ``omitted`` counts their problems by code and ``omitted_records``
    the records.
    """

    records: tuple[T, ...]
    rejected: tuple[Rejected, ...]
    source: str = "<string>"
    omitted: tuple[tuple[str, int], ...] = ()
    omitted_records: int = 0

    @property
    def complete(self) -> bool:
        """Whether every record was loaded."""
        return not self.rejected and not self.omitted_records

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem kept of every rejected record (see ``omitted`` for the others)."""
        return tuple(p for r in self.rejected for p in r.problems)

    @property
    def rejected_count(self) -> int:
        """Every rejected record, kept or counted."""
        return len(self.rejected) + self.omitted_records

    @property
    def problem_count(self) -> int:
        """Every problem found, kept or counted."""
        return len(self.problems) + sum(n for _, n in self.omitted)

    def raise_if_incomplete(self) -> None:
        """Raise :class:`LoadError` when any record was rejected.

        Raises:
            LoadError: listing every problem kept, with the others counted by code.
        """
        if not self.complete:
            raise LoadError(self.problems, source=self.source, omitted=dict(self.omitted))


class Rejections(RejectedRecords):
    """Rejected records of one file: kept in full up to the problem cap, then counted."""

    def result(self, records: list[T], source: str) -> LoadResult[T]:
        return LoadResult(
            tuple(records),
            tuple(self.kept),
            source,
            self.omitted_items(),
            self.omitted_records,
        )


def finish(
    result: LoadResult[T], partial: bool, file_problems: Sequence[Problem] = ()
) -> LoadResult[T]:
    """``result``, or the error of a strict load; problems of the file itself (its shape, a
    header) are raised in any case, together with every record's."""
    if file_problems:
        raise LoadError(
            [*file_problems, *result.problems], source=result.source, omitted=dict(result.omitted)
        )
    if not partial:
        result.raise_if_incomplete()
    return result

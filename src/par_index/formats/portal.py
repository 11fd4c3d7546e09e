"""Loading dossiers and procedures: JSON files and the portal's CSV exports.

Loading reports every problem at once with its path (``$.dossiers[3].received_at``) or its
CSV row and column, what was expected and what was found (:class:`LoadError`). A caller who
wants what can be salvaged asks for ``partial=True`` and gets the valid records plus the
rejected ones, each with its problems; the result says it is incomplete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal, TypeVar

from par_index.core.limits import DEFAULT_LIMITS
from par_index.exceptions import LoadError, Problem
from par_index.formats._exports import (
    CSV_COLUMNS,
    duplicate_code,
    open_export,
    parse_vn_moment,
    read_row,
    show_found,
)
from par_index.formats.json import (
    LoadResult,
    Rejections,
    default_converter,
    finish,
    problems_from,
    read_json,
)
from par_index.model.dossiers import VN_TZ, Dossier
from par_index.model.procedures import Procedure

__all__ = [
    "CSV_COLUMNS",
    "VN_TZ",
    "load_dossiers",
    "load_procedures",
    "loads_dossiers_csv",
    "loads_dossiers_json",
    "loads_procedures_json",
    "parse_vn_moment",
]

T = TypeVar("T")


def _loads_list(
    text: str | bytes, key: str, cls: type[T], partial: bool, source: str
) -> LoadResult[T]:
    data, found = read_json(text, source)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise LoadError(
            [
                *found,
                Problem(
                    "$",
                    "bad-shape",
                    f'an object {{"{key}": [...]}}',
                    show_found(type(data).__name__),
                ),
            ],
            source=source,
        )
    items: list[Any] = data[key]
    prefix = f"$.{key}["
    by_record: dict[int, list[Problem]] = {}
    file_problems: list[Problem] = []
    for p in found:
        if p.path.startswith(prefix):
            index = int(p.path[len(prefix) : p.path.index("]", len(prefix))])
            by_record.setdefault(index, []).append(p)
        else:
            file_problems.append(p)
    file_problems.extend(
        Problem(f"$.{k}", "unknown-field", f'only "{key}"', repr(k))
        for k in sorted(set(data) - {key})
    )
    records: list[T] = []
    rejections = Rejections(DEFAULT_LIMITS)
    codes: dict[str, int] = {}
    for i, raw in enumerate(items):
        where = f"$.{key}[{i}]"
        if i in by_record:
            rejections.add(where, by_record[i])
            continue
        try:
            record = default_converter().structure(raw, cls)
        except Exception as exc:  # noqa: BLE001 - every failure becomes Problems
            rejections.add(where, problems_from(exc, where))
            continue
        code = getattr(record, "code", None)
        if isinstance(code, str):
            if code in codes:
                rejections.add(
                    where,
                    [
                        Problem(
                            f"{where}.code",
                            "duplicate-code",
                            "each code once in a file",
                            f"{code!r}, also at $.{key}[{codes[code]}]",
                        )
                    ],
                )
                continue
            codes[code] = i
        records.append(record)
    return finish(rejections.result(records, source), partial, file_problems)


def loads_dossiers_json(
    text: str | bytes, *, partial: bool = False, source: str = "<string>"
) -> LoadResult[Dossier]:
    """Read dossiers from JSON: ``{"dossiers": [ {...}, ... ]}``.

    Args:
        text: the JSON text.
        partial: keep the valid dossiers and list the rejected ones instead of raising.
        source: the name used in error messages.

    Raises:
        LoadError: when the file is not of that shape, or (unless ``partial``) when any
            dossier is invalid; it lists every problem with its path.
    """
    return _loads_list(text, "dossiers", Dossier, partial, source)


def loads_procedures_json(
    text: str | bytes, *, partial: bool = False, source: str = "<string>"
) -> LoadResult[Procedure]:
    """Read procedures (TTHC) from JSON: ``{"procedures": [ {...}, ... ]}``.

    Raises:
        LoadError: as :func:`loads_dossiers_json`; also for a procedure code listed twice.
    """
    return _loads_list(text, "procedures", Procedure, partial, source)


def load_procedures(path: str | Path, *, partial: bool = False) -> LoadResult[Procedure]:
    """Read procedures from a JSON file (see :func:`loads_procedures_json`).

    Raises:
        LoadError: listing every problem.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    return loads_procedures_json(p.read_bytes(), partial=partial, source=str(p))


# --------------------------------------------------------------------------- CSV


def loads_dossiers_csv(
    text: str | bytes,
    *,
    partial: bool = False,
    source: str = "<string>",
    unit_code: str | None = None,
    extra_columns: Literal["error", "ignore"] = "error",
) -> LoadResult[Dossier]:
    """Read dossiers from a portal CSV export (columns in :data:`CSV_COLUMNS`).

    Rows are numbered as a spreadsheet shows them: the header is row 1. Moments without a
    zone are in UTC+7; see :func:`parse_vn_moment` for the forms read.

    Args:
        text: the CSV text (UTF-8, a byte-order mark is allowed); "," ";" or tab separated.
        partial: keep the valid rows and list the rejected ones instead of raising.
        source: the name used in error messages.
        unit_code: the unit code for every row, when the export has no MaDonVi column.
        extra_columns: what to do with unknown columns.

    Raises:
        LoadError: for a missing or unknown column, or (unless ``partial``) when any row is
            invalid; it lists every problem with its row and column.
    """
    header, rows = open_export(text, source, unit_code, extra_columns)
    records: list[Dossier] = []
    rejections = Rejections(DEFAULT_LIMITS)
    first_row: dict[str, str] = {}
    for index, row in enumerate(rows):
        if not any(cell.strip() for cell in row):
            continue  # a blank line carries no record
        where = f"row {index + 2}"
        read = read_row(header, row, where, unit_code)
        if not isinstance(read, Dossier):
            rejections.add(where, read)
        elif read.code in first_row:
            rejections.add(where, [duplicate_code(where, read.code, first_row[read.code])])
        else:
            first_row[read.code] = where
            records.append(read)
    return finish(rejections.result(records, source), partial, rows.header_problems)


def load_dossiers(
    path: str | Path, *, partial: bool = False, **csv_options: Any
) -> LoadResult[Dossier]:
    """Read dossiers from a ``.json`` or ``.csv`` file (chosen by the suffix).

    Raises:
        LoadError: as :func:`loads_dossiers_json` / :func:`loads_dossiers_csv`; also for
            an unknown suffix.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".json":
        return loads_dossiers_json(p.read_bytes(), partial=partial, source=str(p))
    if suffix == ".csv":
        return loads_dossiers_csv(p.read_bytes(), partial=partial, source=str(p), **csv_options)
    raise LoadError(
        [Problem("file", "unknown-format", "a .json or .csv file", p.suffix or "no suffix")],
        source=str(p),
    )

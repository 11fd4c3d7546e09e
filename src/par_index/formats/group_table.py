"""Grouped service measures as a flat table: CSV, XLSX, Parquet or JSON files.

One row per group and window (:class:`~par_index.service.columnar.GroupMeasures`), with the
window's days and how it was cut, the group keys, the counts and, for each ratio, its
numerator, denominator and percentage (two decimals, as the portal rounds rates; exact
values in JSON). Column names and JSON keys are stable English identifiers whatever the
output language; every row says whether the file it was computed from was partial.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Final

from par_index.exceptions import LoadError, Problem
from par_index.formats.columnar_reader import ExportReport
from par_index.formats.schema import SCHEMA_VERSION
from par_index.model.ratios import NOT_APPLICABLE, Ratio
from par_index.service.columnar import GroupMeasures, polars_module

__all__ = ["group_rows", "groups_json", "ratio_json", "report_json", "write_groups"]
_TWO: Final = Decimal("0.01")
_FORMATS: Final = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet", ".json": "json"}


def _percent(r: Ratio | None) -> str | None:
    if r is None or r.rate is NOT_APPLICABLE:
        return None
    pct = r.percent()
    assert isinstance(pct, Decimal)
    return str(pct.quantize(_TWO, rounding=ROUND_HALF_UP))


def group_rows(
    groups: Sequence[GroupMeasures], by: Sequence[str], *, partial: bool
) -> list[dict[str, Any]]:
    """One flat row per group: window, keys, counts, then each ratio's parts and percentage."""
    rows: list[dict[str, Any]] = []
    for g in groups:
        w = g.window
        row: dict[str, Any] = {
            "window": w.label("en"),
            "window_kind": w.kind.value,
            "window_start": w.start.isoformat(),
            "window_end": w.end.isoformat(),
        }
        keys = dict(g.keys)
        row |= {k: keys.get(k) for k in by}
        row["counted"] = g.counted
        row["received"] = g.received
        row |= {t.value: n for t, n in g.by_timeliness}
        for name, r in g.ratios:
            row[f"{name}_numerator"] = None if r is None else r.numerator
            row[f"{name}_denominator"] = None if r is None else r.denominator
            row[f"{name}_percent"] = _percent(r)
        row["partial"] = partial
        rows.append(row)
    return rows


def ratio_json(r: Ratio | None) -> dict[str, Any] | None:
    """A ratio as JSON values: its parts, the rate as a fraction and the percent (null when
    nothing is counted), or null for a measure not computed."""
    if r is None:
        return None
    rate = r.rate
    return {
        "numerator": r.numerator,
        "denominator": r.denominator,
        "rate": None if rate is NOT_APPLICABLE else str(rate),
        "percent": None if rate is NOT_APPLICABLE else str(r.percent()),
    }


def report_json(report: ExportReport | None) -> dict[str, Any] | None:
    """What reading found, as JSON values."""
    if report is None:
        return None
    return {
        "source": report.source,
        "format": report.format,
        "encoding": report.encoding,
        "rows": report.rows,
        "accepted": report.accepted,
        "partial": report.partial,
        "columns": [{"title": t, "field": f} for t, f in report.columns],
        "ignored_columns": list(report.ignored_columns),
        "rejected_count": report.rejected_count,
        "rejected": [
            {
                "location": r.location,
                "problems": [
                    {"path": p.path, "code": p.code, "expected": p.expected, "found": p.found}
                    for p in r.problems
                ],
            }
            for r in report.rejected
        ],
        "omitted": dict(report.omitted),
        "duplicate_policy": report.duplicate_policy,
        "duplicates": [
            {"code": d.code, "places": list(d.places), "kept": d.kept} for d in report.duplicates
        ],
        "dropped_duplicates": report.dropped_duplicates,
    }


def groups_json(
    groups: Sequence[GroupMeasures], by: Sequence[str], report: ExportReport | None
) -> dict[str, Any]:
    """The grouped measures and what reading found, as JSON values (``schema_version`` 1)."""
    partial = report is not None and report.partial
    return {
        "schema_version": SCHEMA_VERSION,  # the library's JSON schema version
        "partial": partial,
        "by": list(by),
        "read": report_json(report),
        "groups": [
            {
                "window": {
                    "label": g.window.label("en"),
                    "kind": g.window.kind.value,
                    "start": g.window.start.isoformat(),
                    "end": g.window.end.isoformat(),
                    "period": None if g.window.period is None else str(g.window.period),
                },
                "keys": dict(g.keys),
                "counted": g.counted,
                "received": g.received,
                "by_timeliness": {t.value: n for t, n in g.by_timeliness},
                "by_status": {str(int(s)): n for s, n in g.by_status},
                "by_channel": {str(int(c)): n for c, n in g.by_channel},
                "measures": {name: ratio_json(r) for name, r in g.ratios},
                "average_working_days": {c: str(v) for c, v in g.average_working_days},
            }
            for g in groups
        ],
    }


def write_groups(
    path: Path,
    groups: Sequence[GroupMeasures],
    by: Sequence[str],
    report: ExportReport | None,
) -> str:
    """Write the grouped measures to ``path``; the format follows its suffix.

    Returns:
        The format written: ``csv``, ``xlsx``, ``parquet`` or ``json``.

    Raises:
        LoadError: for a suffix other than .csv, .xlsx, .parquet or .json.
        OSError: when the file cannot be written.
    """
    kind = _FORMATS.get(path.suffix.lower())
    if kind is None:
        raise LoadError(
            [Problem("output", "unknown-format", ".csv, .xlsx, .parquet or .json", path.suffix)],
            source=str(path),
        )
    if kind == "json":
        import json  # noqa: PLC0415

        text = json.dumps(groups_json(groups, by, report), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
        return kind
    rows = group_rows(groups, by, partial=report is not None and report.partial)
    if kind == "xlsx":
        import openpyxl  # noqa: PLC0415

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("measures")
        header = list(rows[0]) if rows else ["window"]
        sheet.append(header)
        for row in rows:
            sheet.append([row[k] for k in header])
        book.save(path)
        return kind
    pl = polars_module()
    frame = pl.DataFrame(rows, infer_schema_length=None) if rows else pl.DataFrame()
    if kind == "csv":
        frame.write_csv(path)
    else:
        frame.write_parquet(path)
    return kind

"""``par-index dossiers check|stats``: load dossier files, measure them over a period."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, TextIO

from par_index.cli._common import SCHEMA_VERSION, emit_json, pick, problem_json, shown_path
from par_index.cli._pictures import dossier_page
from par_index.core.lang import Lang, format_number
from par_index.exceptions import InvalidValueError, LoadError, ParIndexError, Problem
from par_index.formats.columnar_reader import ExportReport, count_dossier_export
from par_index.formats.group_table import groups_json, ratio_json, report_json, write_groups
from par_index.formats.portal import load_dossiers, load_procedures
from par_index.formats.schema import versioned
from par_index.frameworks.measures import MEASURES
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.model.ratios import NOT_APPLICABLE, Ratio
from par_index.service.columnar import (
    DossierTable,
    GroupMeasures,
    Window,
    WindowKind,
    finish_counts,
    measure_groups,
    measure_table,
)
from par_index.service.measures import DossierMeasures, measure_dossiers, satisfaction_5_4

__all__ = [
    "register",
]

_TWO = Decimal("0.01")

_WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_CHECK_TEXT: dict[str, tuple[str, str]] = {
    "dossiers_ok": ("{n} hồ sơ hợp lệ trong {src}", "{n} valid dossiers in {src}"),
    "dossiers_bad": (
        "{n} hồ sơ bị loại, {p} lỗi trong {src}:",
        "{n} dossiers rejected, {p} problems in {src}:",
    ),
    "omitted": (
        "… và {n} lỗi khác không liệt kê ({counts})",
        "… and {n} more problems not listed ({counts})",
    ),
}


def _ct(key: str, lang: Lang) -> str:
    return pick(_CHECK_TEXT, key, lang)


def _omitted_line(
    omitted: Iterable[tuple[str, int]], lang: Lang, number: Callable[[int], str]
) -> str:
    """The line that counts, by code, the problems past the cap that are not listed."""
    pairs = sorted(omitted)
    counts = ", ".join(f"{code} {number(n)}" for code, n in pairs)
    return _ct("omitted", lang).format(n=number(sum(n for _, n in pairs)), counts=counts)


def _cmd_dossiers_check(args: argparse.Namespace, out: TextIO) -> int:
    result = load_dossiers(args.file, partial=True)
    lang: Lang = args.lang
    src = shown_path(result.source)
    omitted = dict(result.omitted)
    if args.format == "json":
        data = {
            "schema_version": SCHEMA_VERSION,
            "source": src,
            "valid": len(result.records),
            "rejected_count": result.rejected_count,
            "rejected": [
                {"location": r.location, "problems": [problem_json(p) for p in r.problems]}
                for r in result.rejected
            ],
            "omitted": omitted,
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(_ct("dossiers_ok", lang).format(n=len(result.records), src=src) + "\n")
        if not result.complete:
            out.write(
                _ct("dossiers_bad", lang).format(
                    n=result.rejected_count, p=result.problem_count, src=src
                )
                + "\n"
            )
            for p in result.problems:
                out.write(f"  {p}\n")
            if omitted:
                out.write(f"  {_omitted_line(omitted.items(), lang, str)}\n")
    return 0 if result.complete else 1


# --------------------------------------------------------------------------- dossier stats

_LABELS: dict[str, tuple[str, str]] = {
    "counted": ("Hồ sơ tiếp nhận hoặc đang giải quyết trong kỳ", "Dossiers received or processed"),
    "missing": (
        "không tính được: cần danh mục TTHC (--procedures)",
        "not computed: needs the procedure list (--procedures)",
    ),
    "incomplete": ("Kết quả chưa đầy đủ.", "The result is incomplete."),
    "average": (
        "Thời gian giải quyết trung bình (ngày làm việc, chỉ tiêu 2.2)",
        "Average processing time (working days, indicator 2.2)",
    ),
}


#: The dossier measures a one-period table shows, by their name in :class:`DossierMeasures`,
#: with their name in the measure registry, whose words label them.
_REGISTRY_NAMES: Final = {
    "on_time_766": "on_time_rate_766",
    "early_or_on_time": "early_or_on_time_rate",
    "late": "late_rate",
    "online_submitted": "online_submitted_rate",
    "online_766": "online_rate_766",
    "paid_online": "paid_online_rate",
    "electronic_result": "electronic_result_rate",
    "digitised": "digitised_rate",
    "reuse": "reuse_rate",
    "satisfaction": "satisfaction_rate_5_4",
}


def _l(key: str, lang: Lang) -> str:
    name = _REGISTRY_NAMES.get(key)
    if name is not None:
        spec = MEASURES[f"dossiers.{name}"]
        return spec.description_vi if lang == "vi" else spec.description_en
    vi, en = _LABELS[key]
    return vi if lang == "vi" else en


def _ratio_text(r: Ratio | None, lang: Lang) -> str:
    if r is None:
        return _l("missing", lang)
    pct = r.percent()
    if isinstance(pct, Decimal):
        shown = format_number(pct, lang) + "%"
    else:
        shown = "không áp dụng" if lang == "vi" else "not applicable"
    return f"{shown} ({r.numerator}/{r.denominator})"


def _stats_json(m: DossierMeasures, satisfaction: Ratio | None) -> dict[str, Any]:
    return {
        "period": str(m.period),
        "as_of": m.as_of.isoformat(),
        "counted": m.counted,
        "received": m.received,
        "complete": m.complete,
        "by_timeliness": {t.value: n for t, n in m.by_timeliness},
        "by_status": {str(int(s)): n for s, n in m.by_status},
        "by_channel": {str(int(c)): n for c, n in m.by_channel},
        "measures": {name: ratio_json(r) for name, r in m.ratios().items()}
        | {"satisfaction_rate_5_4": ratio_json(satisfaction)},
        "average_working_days": {code: str(v) for code, v in m.average_working_days},
    }


def _day(text: str) -> date:
    """ISO ``2024-04-26`` or Vietnamese ``26/04/2024``."""
    parts = text.strip().split("/")
    try:
        if len(parts) == 3:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD or dd/mm/yyyy, found {text!r}"
        ) from None


_TIME_KEYS: Final = ("month", "quarter", "year")
_KEYS: Final = ("unit", "level", "procedure", "field", "channel", *_TIME_KEYS)
_PROGRESS_BYTES: Final = 4 << 20  # files from 4 MB show a progress bar on a terminal

_REPORT_TEXT: dict[str, tuple[str, str]] = {
    "read": (
        "Tệp {src} ({fmt}{enc}): {rows} dòng, {ok} hồ sơ được tính.",
        "File {src} ({fmt}{enc}): {rows} rows, {ok} dossiers counted.",
    ),
    "aliases": ("Cột nhận theo tiêu đề: {cols}.", "Columns recognised by title: {cols}."),
    "ignored": ("Cột không đọc: {cols}.", "Columns not read: {cols}."),
    "duplicates_kept": (
        "Mã hồ sơ trùng: {n} mã, bỏ {k} dòng trước, giữ dòng cuối của mỗi mã.",
        "Duplicate dossier codes: {n} codes, {k} earlier rows dropped, the last row of each kept.",
    ),
    "rejected": ("{n} dòng bị loại:", "{n} rows rejected:"),
    "partial": (
        "* Tính trên tệp chưa đầy đủ: chỉ các dòng hợp lệ được tính (--partial).",
        "* Computed on a partial file: only the valid rows are counted (--partial).",
    ),
    "cut_off": (
        "Cửa sổ thời gian: chốt số liệu theo Nghị định 09/2019/NĐ-CP Điều 12 "
        "(từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ).",
        "Time windows: data cut-off of Nghị định 09/2019/NĐ-CP Điều 12 "
        "(the 15th of the month before the period to the 14th of its last month).",
    ),
    "calendar": (
        "Cửa sổ thời gian: tháng, quý, năm dương lịch.",
        "Time windows: calendar months, quarters and years.",
    ),
    "custom": ("Cửa sổ thời gian: từ ngày đến ngày đã chọn.", "Time window: the days given."),
    "written": ("Đã ghi {path} ({fmt}).", "Wrote {path} ({fmt})."),
    "counted_col": ("Hồ sơ", "Dossiers"),
    "window_col": ("Kỳ", "Window"),
    "no_groups": ("Không có hồ sơ nào trong kỳ.", "No dossier in the window."),
    "not_applicable": (
        "— không áp dụng: không có hồ sơ nào để tính",
        "— not applicable: no dossier to count",
    ),
}
_KEY_TITLES: dict[str, tuple[str, str]] = {
    "unit": ("Đơn vị", "Unit"),
    "level": ("Cấp", "Level"),
    "procedure": ("Thủ tục", "Procedure"),
    "field": ("Lĩnh vực", "Field"),
    "channel": ("Kênh", "Channel"),
}
_RATIO_TITLES: dict[str, tuple[str, str]] = {
    "on_time_rate_766": ("2.1", "2.1"),
    "early_or_on_time_rate": ("Trước/đúng hạn", "Early/on time"),
    "late_rate": ("Quá hạn", "Late"),
    "online_submitted_rate": ("Nộp trực tuyến", "Online"),
    "online_rate_766": ("3.3", "3.3"),
    "paid_online_rate": ("3.6", "3.6"),
    "electronic_result_rate": ("4.1", "4.1"),
    "digitised_rate": ("4.2", "4.2"),
    "reuse_rate": ("4.3", "4.3"),
}


def _rt(key: str, lang: Lang, **values: object) -> str:
    vi, en = _REPORT_TEXT[key]
    return (vi if lang == "vi" else en).format(**values)


def _by(text: str) -> tuple[str, ...]:
    keys = tuple(k.strip() for k in text.split(",") if k.strip())
    unknown = [k for k in keys if k not in _KEYS]
    if unknown or not keys:
        raise argparse.ArgumentTypeError(f"expected keys among {', '.join(_KEYS)}, found {text!r}")
    if sum(k in _TIME_KEYS for k in keys) > 1:
        raise argparse.ArgumentTypeError("at most one of month, quarter, year")
    return keys


def _windows(args: argparse.Namespace, time_key: str | None) -> tuple[Window, ...]:
    if args.start is not None or args.end is not None:
        if args.start is None or args.end is None or args.period is not None or time_key:
            raise LoadError(
                [
                    Problem(
                        "--from/--to",
                        "window-options",
                        "both --from and --to, without --period or a month/quarter/year key",
                        f"--from {args.start} --to {args.end}",
                    )
                ],
                source="command line",
            )
        if args.end < args.start:
            raise LoadError(
                [Problem("--to", "window-order", f"a day from {args.start}", str(args.end))],
                source="command line",
            )
        return (Window.custom(args.start, args.end),)
    if args.period is None:
        raise LoadError(
            [Problem("--period", "missing-option", "--period, or --from and --to", "none")],
            source="command line",
        )
    base = Window.of(ReportingPeriod.parse(args.period), WindowKind(args.windows))
    return base.split(time_key) if time_key else (base,)


def _progress(path: Path, quiet: bool) -> tuple[Callable[[float], None] | None, Any]:
    """A progress callback on a terminal for large files, and what to close after."""
    if quiet or not sys.stderr.isatty():
        return None, None
    try:
        size = path.stat().st_size
    except OSError:
        return None, None
    if size < _PROGRESS_BYTES:
        return None, None
    try:
        from rich.console import Console  # noqa: PLC0415
        from rich.progress import Progress  # noqa: PLC0415
    except ImportError:  # pragma: no cover - rich comes with the bulk extra
        return None, None
    # On standard error: standard output carries the table or the JSON.
    bar = Progress(console=Console(stderr=True), transient=True)
    bar.start()
    task = bar.add_task(path.name, total=1.0)

    def update(share: float) -> None:
        bar.update(task, completed=share)

    return update, bar


def _grouped(
    args: argparse.Namespace, procedures: dict[str, Procedure] | None
) -> tuple[tuple[GroupMeasures, ...], tuple[str, ...], tuple[Window, ...], ExportReport | None]:
    keys: tuple[str, ...] = args.by or ()
    time_key = next((k for k in keys if k in _TIME_KEYS), None)
    by = tuple(k for k in keys if k not in _TIME_KEYS)
    windows = _windows(args, time_key)
    path = Path(args.file)
    report: ExportReport | None = None
    try:
        if path.suffix.lower() == ".json":
            dossiers = load_dossiers(path).records
            groups = measure_groups(
                DossierTable.from_dossiers(dossiers), windows, by, procedures=procedures
            )
        else:
            update, bar = _progress(path, args.quiet)
            try:
                counts, report = count_dossier_export(
                    path,
                    windows,
                    by,
                    procedures=procedures,
                    partial=args.partial,
                    duplicates=args.duplicates,
                    encoding=args.encoding,
                    progress=update,
                )
            finally:
                if bar is not None:
                    bar.stop()
            groups = finish_counts(counts, windows, by, with_procedures=procedures is not None)
    except ValueError as exc:
        if isinstance(exc, ParIndexError):
            raise
        raise LoadError(
            [Problem("--by", "missing-column", "a column for each group key", str(exc))],
            source=str(path),
        ) from None
    return groups, by, windows, report


def _write_report(report: ExportReport | None, out: TextIO, lang: Lang) -> None:
    if report is None:
        return
    aliases = [f"{t} → {f}" for t, f in report.columns if t != f]
    enc = f", {report.encoding}" if report.encoding else ""
    out.write(
        _rt(
            "read",
            lang,
            src=report.source,
            fmt=report.format.upper(),
            enc=enc,
            rows=format_number(report.rows, lang),
            ok=format_number(report.accepted, lang),
        )
        + "\n"
    )
    if aliases:
        out.write(_rt("aliases", lang, cols="; ".join(aliases)) + "\n")
    if report.ignored_columns:
        out.write(_rt("ignored", lang, cols=", ".join(report.ignored_columns)) + "\n")
    if report.duplicates:
        out.write(
            _rt("duplicates_kept", lang, n=len(report.duplicates), k=report.dropped_duplicates)
            + "\n"
        )
        for d in report.duplicates:
            out.write(f"  {d.code}: {', '.join(d.places)}\n")
    if report.rejected_count:
        out.write(_rt("rejected", lang, n=format_number(report.rejected_count, lang)) + "\n")
        for r in report.rejected:
            for p in r.problems:
                out.write(f"  {p.path}: expected {p.expected}, found {p.found} [{p.code}]\n")
        if report.omitted:
            line = _omitted_line(report.omitted, lang, lambda n: format_number(n, lang))
            out.write(f"  {line}\n")


def _cell(r: Ratio | None, lang: Lang, mark: str) -> str:
    if r is None:
        return "–"
    pct = r.percent()
    if not isinstance(pct, Decimal):
        return "—"  # nothing to count: not applicable
    return format_number(pct.quantize(_TWO), lang) + "%" + mark


def _write_table(
    groups: Sequence[GroupMeasures],
    by: Sequence[str],
    windows: Sequence[Window],
    report: ExportReport | None,
    out: TextIO,
    lang: Lang,
) -> None:
    partial = report is not None and report.partial
    mark = "*" if partial else ""
    out.write(_rt(windows[0].kind.value, lang) + "\n")
    if not groups:
        out.write(_rt("no_groups", lang) + "\n")
    titles = [_rt("window_col", lang)]
    titles += [_KEY_TITLES[k][0 if lang == "vi" else 1] for k in by]
    titles.append(_rt("counted_col", lang))
    names = list(_RATIO_TITLES)
    titles += [_RATIO_TITLES[n][0 if lang == "vi" else 1] for n in names]
    rows = []
    for g in groups:
        ratios = dict(g.ratios)
        name = g.window.period.label(lang) if g.window.period is not None else g.window.label(lang)
        cells = [name, *(v for _, v in g.keys), format_number(g.counted, lang) + mark]
        cells += [_cell(ratios[n], lang, mark) for n in names]
        rows.append(cells)
    widths = [max(len(c) for c in col) for col in zip(titles, *rows, strict=True)]
    for cells in [titles, *rows]:
        out.write("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        out.write("\n")
    seen: list[Window] = []
    for w in windows:
        if w not in seen and any(g.window == w for g in groups):
            seen.append(w)
            out.write(f"  {w.label(lang)}\n")
    if any(r is None for g in groups for _, r in g.ratios):
        out.write(f"– {_l('missing', lang)}\n")
    if any(r is not None and r.rate is NOT_APPLICABLE for g in groups for _, r in g.ratios):
        out.write(_rt("not_applicable", lang) + "\n")
    if partial:
        out.write(_rt("partial", lang) + "\n")


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    procedures = None
    if args.procedures is not None:
        procedures = {p.code: p for p in load_procedures(args.procedures).records}
    grouped = (
        args.format == "html"
        or args.by is not None
        or args.output is not None
        or args.start is not None
        or args.end is not None
        or args.windows != "cut_off"
    )
    path = Path(args.file)
    if not grouped:
        # One reporting period's cut-off window: the figures of the earlier command.
        report: ExportReport | None = None
        period = _windows(args, None)[0].period
        assert period is not None  # not a custom window
        if path.suffix.lower() == ".json":
            m = measure_dossiers(load_dossiers(path).records, period, procedures=procedures)
        else:
            groups, _, _, report = _grouped(args, procedures)
            empty = DossierTable.concat([])
            m = (
                groups[0].dossier_measures()
                if groups
                else measure_table(empty, period, procedures=procedures)
            )
        return _single(m, args, out, lang, report)
    groups, by, windows, report = _grouped(args, procedures)
    if args.format == "html":  # a dashboard page: --by unit,month draws one line a unit
        return dossier_page(args, out, groups, report is not None and report.partial)
    if args.output is not None:
        kind = write_groups(Path(args.output), groups, by, report)
        if args.format != "json":
            out.write(_rt("written", lang, path=args.output, fmt=kind.upper()) + "\n")
    if args.format == "json":
        return emit_json(out, groups_json(groups, by, report))
    _write_report(report, out, lang)
    _write_table(groups, by, windows, report, out, lang)
    return 0


def _single(
    m: DossierMeasures,
    args: argparse.Namespace,
    out: TextIO,
    lang: Lang,
    report: ExportReport | None,
) -> int:
    satisfaction = None
    if args.complaints is not None:
        try:
            satisfaction = satisfaction_5_4(m, args.complaints)
        except ValueError as exc:  # more complaints than dossiers counted
            expected = str(exc).split(", found", 1)[0].removeprefix("expected ")
            raise InvalidValueError(
                [Problem("--complaints", "out-of-range", expected, str(args.complaints))]
            ) from None
    if args.format == "json":
        data = versioned(_stats_json(m, satisfaction))
        data["partial"] = report is not None and report.partial
        data["read"] = report_json(report)
        return emit_json(out, data)
    quiet_report = report is not None and not (
        report.rejected_count
        or report.duplicates
        or report.ignored_columns
        or any(t != f for t, f in report.columns)
    )
    if not quiet_report:
        _write_report(report, out, lang)
    mark = "*" if report is not None and report.partial else ""
    out.write(f"{m.period.label(lang)} — {_l('counted', lang)}: {m.counted}{mark}\n")
    for t, n in m.by_timeliness:
        out.write(f"  {(t.name_vi if lang == 'vi' else t.name_en)}: {n}\n")
    rows = [
        ("on_time_766", m.on_time_766),
        ("early_or_on_time", m.early_or_on_time),
        ("late", m.late),
        ("online_submitted", m.online_submitted),
        ("online_766", m.online_766),
        ("paid_online", m.paid_online),
        ("electronic_result", m.electronic_result),
        ("digitised", m.digitised),
        ("reuse", m.reuse),
    ]
    if satisfaction is not None:
        rows.append(("satisfaction", satisfaction))
    width = max(len(_l(k, lang)) for k, _ in rows)
    for key, r in rows:
        out.write(f"{_l(key, lang).ljust(width)}  {_ratio_text(r, lang)}{mark}\n")
    if m.average_working_days:
        out.write(f"{_l('average', lang)}:\n")
        for code, v in m.average_working_days:
            out.write(f"  {code}: {format_number(v.quantize(_TWO), lang)}{mark}\n")
    if not m.complete:
        out.write(_l("incomplete", lang) + "\n")
    if mark:
        out.write(_rt("partial", lang) + "\n")
    return 0


def _count(text: str) -> int:
    """A count given on the command line: a whole number of 0 or more."""
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, found {text!r}")
    return int(text)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``dossiers check|stats``."""
    p = sub.add_parser("dossiers", help="dossier files (JSON or portal CSV)")
    dsub = p.add_subparsers(dest="dossiers_command", required=True)
    c = dsub.add_parser(
        "check", parents=[common], help="load a dossier file and list every problem"
    )
    c.add_argument("file")
    c.set_defaults(run=_cmd_dossiers_check)
    c = dsub.add_parser("stats", help="service measures of a dossier file over a period")
    c.add_argument("--lang", choices=["vi", "en"], default="vi", help="output language")
    c.add_argument("--format", choices=["text", "json", "html"], default="text")
    c.add_argument("file", help="dossiers: JSON, or a portal export in CSV, XLSX or Parquet")
    c.add_argument("--period", default=None, help='e.g. "6 tháng đầu năm 2023", "năm 2023"')
    c.add_argument("--procedures", default=None, help="procedures JSON (needed for 3.3, 3.6, 4.1)")
    c.add_argument(
        "--complaints", type=_count, default=None, help="dossiers with a complaint (for 5.4)"
    )
    c.add_argument(
        "--by", type=_by, default=None, help=f"group keys, e.g. unit,quarter ({', '.join(_KEYS)})"
    )
    c.add_argument(
        "--windows",
        choices=[k.value for k in (WindowKind.CUT_OFF, WindowKind.CALENDAR)],
        default=WindowKind.CUT_OFF.value,
        help="cut_off: NĐ 09/2019 data cut-off windows (default); calendar: calendar periods",
    )
    c.add_argument("--from", dest="start", type=_day, default=None, help="first day (custom)")
    c.add_argument("--to", dest="end", type=_day, default=None, help="last day (custom)")
    c.add_argument(
        "--partial", action="store_true", help="count the valid rows, list the rejected ones"
    )
    c.add_argument(
        "--duplicates",
        choices=["error", "keep-last"],
        default="error",
        help="repeated dossier codes: an error (default) or keep the last row",
    )
    c.add_argument("--encoding", default=None, help="the CSV encoding, when not detected")
    c.add_argument(
        "--output", default=None, help="also write the table: .csv, .xlsx, .parquet or .json"
    )
    c.add_argument("--quiet", action="store_true", help="no progress bar")
    c.set_defaults(run=_cmd_stats)

"""``par-index calendar ...`` and ``par-index dossiers stats``: working days and service
measures from the command line. Vietnamese output by default, ``--lang en`` for English."""

from __future__ import annotations

import argparse
import json
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from par_index._format import Lang, format_date, format_number
from par_index._time import VN_TZ
from par_index.bulk import measure_table, read_dossier_table
from par_index.calendar import DayKind, default_calendar
from par_index.io import load_dossiers, load_procedures, parse_vn_moment
from par_index.measures import DossierMeasures, measure_dossiers, satisfaction_5_4
from par_index.periods import ReportingPeriod
from par_index.procedures import TimeLimit
from par_index.ratios import NOT_APPLICABLE, Ratio

__all__ = ["add_calendar_commands", "add_dossier_stats_command"]

_TWO = Decimal("0.01")

_WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day(text: str) -> date:
    """ISO ``2024-04-26`` or Vietnamese ``26/04/2024``."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", text)
    try:
        if m is not None:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD or dd/mm/yyyy, found {text!r}"
        ) from None


def _moment(text: str) -> datetime:
    try:
        return parse_vn_moment(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _show_day(d: date, lang: Lang) -> str:
    names = _WEEKDAYS_VI if lang == "vi" else _WEEKDAYS_EN
    return f"{format_date(d, lang)} ({names[d.weekday()]})"


def _emit_json(out: TextIO, data: Any) -> int:
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def _cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    result = default_calendar().add_working_days(args.date, args.n)
    if args.format == "json":
        return _emit_json(
            out, {"from": args.date.isoformat(), "n": args.n, "date": result.isoformat()}
        )
    out.write(_show_day(result, args.lang) + "\n")
    return 0


def _cmd_between(args: argparse.Namespace, out: TextIO) -> int:
    n = default_calendar().working_days_between(args.start, args.end)
    if args.format == "json":
        return _emit_json(
            out, {"start": args.start.isoformat(), "end": args.end.isoformat(), "working_days": n}
        )
    out.write(f"{n}\n")
    return 0


def _cmd_year(args: argparse.Namespace, out: TextIO) -> int:
    changes = default_calendar().changes(args.year)
    if args.format == "json":
        return _emit_json(
            out,
            [
                {
                    "date": c.day.isoformat(),
                    "kind": c.kind.value,
                    "name": c.name,
                    "source": c.source,
                    "verified": c.verified,
                }
                for c in changes
            ],
        )
    lang: Lang = args.lang
    for c in changes:
        if lang == "vi":
            kind = "nghỉ" if c.kind is DayKind.OFF else "làm việc"
        else:
            kind = "off" if c.kind is DayKind.OFF else "worked"
        flag = "" if c.verified else (" (chưa kiểm chứng)" if lang == "vi" else " (unverified)")
        out.write(f"{_show_day(c.day, lang)}  {kind}  {c.name} — {c.source}{flag}\n")
    return 0


def _cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    limit = TimeLimit.parse(args.limit)
    cal = default_calendar()
    cutoff: time | None = args.cutoff
    deadline = cal.deadline(args.received, limit, cutoff=cutoff)
    if args.format == "json":
        return _emit_json(
            out,
            {
                "received": args.received.isoformat(),
                "limit": str(limit),
                "deadline": deadline.isoformat(),
            },
        )
    local = deadline.astimezone(VN_TZ)
    out.write(f"{_show_day(local.date(), args.lang)} {local:%H:%M}\n")
    return 0


def _cutoff(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a time HH:MM, found {text!r}") from None


def add_calendar_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``calendar add|between|year|due``."""
    p = sub.add_parser("calendar", help="working days of the public sector (lịch làm việc)")
    csub = p.add_subparsers(dest="calendar_command", required=True)
    c = csub.add_parser("add", parents=[common], help="the N-th working day after DATE")
    c.add_argument("date", type=_day)
    c.add_argument("n", type=int)
    c.set_defaults(run=_cmd_add)
    c = csub.add_parser("between", parents=[common], help="working days in (START, END]")
    c.add_argument("start", type=_day)
    c.add_argument("end", type=_day)
    c.set_defaults(run=_cmd_between)
    c = csub.add_parser(
        "year", parents=[common], help="weekdays off and weekend days worked, with sources"
    )
    c.add_argument("year", type=int)
    c.set_defaults(run=_cmd_year)
    c = csub.add_parser("due", parents=[common], help='deadline of a limit, e.g. "3 ngày làm việc"')
    c.add_argument("received", type=_moment, help="reception moment, e.g. 26/04/2024 09:00")
    c.add_argument("limit", help='"15 ngày làm việc", "8 giờ làm việc", "30 ngày", "3 tháng"')
    c.add_argument("--cutoff", type=_cutoff, default=None, help="e.g. 15:00")
    c.set_defaults(run=_cmd_due)


# --------------------------------------------------------------------------- dossier stats

_LABELS: dict[str, tuple[str, str]] = {
    "counted": ("Hồ sơ tiếp nhận hoặc đang giải quyết trong kỳ", "Dossiers received or processed"),
    "on_time_766": (
        "Tỷ lệ giải quyết trước hạn, đúng hạn (QĐ 766, chỉ tiêu 2.1)",
        "Handled early or on time (QĐ 766 indicator 2.1)",
    ),
    "early_or_on_time": (
        "Tỷ lệ trả trước và đúng hạn (cách tính của Bộ phận Một cửa)",
        "Returned early or on time (one-stop reports)",
    ),
    "late": ("Tỷ lệ quá hạn", "Late or overdue"),
    "online_submitted": ("Tỷ lệ hồ sơ nộp trực tuyến", "Submitted online"),
    "online_766": (
        "Tỷ lệ hồ sơ trực tuyến (QĐ 766, chỉ tiêu 3.3)",
        "Online dossiers (QĐ 766 indicator 3.3)",
    ),
    "paid_online": ("Tỷ lệ thanh toán trực tuyến (chỉ tiêu 3.6)", "Paid online (indicator 3.6)"),
    "electronic_result": (
        "Tỷ lệ có kết quả điện tử (chỉ tiêu 4.1)",
        "With an electronic result (indicator 4.1)",
    ),
    "digitised": ("Tỷ lệ số hóa hồ sơ (chỉ tiêu 4.2)", "Digitised (indicator 4.2)"),
    "reuse": (
        "Tỷ lệ tái sử dụng dữ liệu số hóa (chỉ tiêu 4.3)",
        "Reusing digitised data (indicator 4.3)",
    ),
    "satisfaction": ("Mức độ hài lòng (chỉ tiêu 5.4)", "Satisfaction (indicator 5.4)"),
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


def _l(key: str, lang: Lang) -> str:
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


def _ratio_json(r: Ratio | None) -> dict[str, Any] | None:
    if r is None:
        return None
    rate = r.rate
    return {
        "numerator": r.numerator,
        "denominator": r.denominator,
        "rate": None if rate is NOT_APPLICABLE else str(rate),
        "percent": None if rate is NOT_APPLICABLE else str(r.percent()),
    }


def _stats_json(m: DossierMeasures, satisfaction: Ratio | None) -> dict[str, Any]:
    return {
        "period": str(m.period),
        "as_of": m.as_of.isoformat(),
        "counted": m.counted,
        "complete": m.complete,
        "by_timeliness": {t.value: n for t, n in m.by_timeliness},
        "by_status": {str(int(s)): n for s, n in m.by_status},
        "by_channel": {str(int(c)): n for c, n in m.by_channel},
        "measures": {name: _ratio_json(r) for name, r in m.ratios().items()}
        | {"satisfaction_rate_5_4": _ratio_json(satisfaction)},
        "average_working_days": {code: str(v) for code, v in m.average_working_days},
    }


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    period = ReportingPeriod.parse(args.period)
    procedures = None
    if args.procedures is not None:
        procedures = {p.code: p for p in load_procedures(args.procedures).records}
    path = Path(args.file)
    if path.suffix.lower() == ".csv":
        # The columnar path: the same checks and the same measures, several times faster.
        table, _ = read_dossier_table(path.read_bytes(), source=str(path))
        m = measure_table(table, period, procedures=procedures)
    else:
        m = measure_dossiers(load_dossiers(path).records, period, procedures=procedures)
    satisfaction = satisfaction_5_4(m, args.complaints) if args.complaints is not None else None
    if args.format == "json":
        return _emit_json(out, _stats_json(m, satisfaction))
    out.write(f"{period.label(lang)} — {_l('counted', lang)}: {m.counted}\n")
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
        out.write(f"{_l(key, lang).ljust(width)}  {_ratio_text(r, lang)}\n")
    if m.average_working_days:
        out.write(f"{_l('average', lang)}:\n")
        for code, v in m.average_working_days:
            out.write(f"  {code}: {format_number(v.quantize(_TWO), lang)}\n")
    if not m.complete:
        out.write(_l("incomplete", lang) + "\n")
    return 0


def add_dossier_stats_command(
    dsub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``dossiers stats``."""
    c = dsub.add_parser(
        "stats", parents=[common], help="service measures of a dossier file over a period"
    )
    c.add_argument("file", help="dossiers: JSON or portal CSV")
    c.add_argument("--period", required=True, help='e.g. "6 tháng đầu năm 2023"')
    c.add_argument("--procedures", default=None, help="procedures JSON (needed for 3.3, 3.6)")
    c.add_argument(
        "--complaints", type=int, default=None, help="dossiers with a complaint (for 5.4)"
    )
    c.set_defaults(run=_cmd_stats)

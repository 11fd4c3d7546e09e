"""``par-index calendar add|between|year|due``: working days of the public sector."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import TextIO

from par_index.calendar.days import DayKind
from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.cli._common import emit_json
from par_index.core.lang import Lang, format_date
from par_index.core.tz import VN_TZ
from par_index.formats._exports import parse_vn_moment
from par_index.model.procedures import TimeLimit

__all__ = [
    "register",
]

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


def _estimate_note(cal: WorkCalendar, lang: Lang, *days: date) -> str:
    """The mark of a result that reaches a year without an official notice, or ""."""
    late = [d.year for d in days if cal.is_estimated(d)]
    if not late:
        return ""
    year = min(late)
    if lang == "vi":
        return f" (ước tính: năm {year} chưa có thông báo chính thức về ngày nghỉ)"
    return f" (estimated: no official notice of {year}'s days off yet)"


def _cmd_add(args: argparse.Namespace, out: TextIO) -> int:
    cal = default_calendar()
    result = cal.add_working_days(args.date, args.n)
    estimated = cal.depends_on_estimate(args.date, result)
    if args.format == "json":
        return emit_json(
            out,
            {
                "from": args.date.isoformat(),
                "n": args.n,
                "date": result.isoformat(),
                "estimated": estimated,
            },
        )
    out.write(_show_day(result, args.lang) + _estimate_note(cal, args.lang, args.date, result))
    out.write("\n")
    return 0


def _cmd_between(args: argparse.Namespace, out: TextIO) -> int:
    cal = default_calendar()
    n = cal.working_days_between(args.start, args.end)
    if args.format == "json":
        return emit_json(
            out,
            {
                "start": args.start.isoformat(),
                "end": args.end.isoformat(),
                "working_days": n,
                "estimated": cal.depends_on_estimate(args.start, args.end),
            },
        )
    out.write(f"{n}{_estimate_note(cal, args.lang, args.start, args.end)}\n")
    return 0


def _cmd_year(args: argparse.Namespace, out: TextIO) -> int:
    cal = default_calendar()
    changes = cal.changes(args.year)
    if args.format == "json":
        days = [
            {
                "date": c.day.isoformat(),
                "kind": c.kind.value,
                "name": c.name,
                "source": c.source,
                "verified": c.verified,
                "estimated": cal.is_estimated(c.day),
            }
            for c in changes
        ]
        return emit_json(out, {"year": args.year, "days": days})
    lang: Lang = args.lang
    if cal.is_estimated(date(args.year, 1, 1)):
        out.write(_estimate_note(cal, lang, date(args.year, 1, 1)).strip(" ()").capitalize())
        out.write("\n")
    estimated = " [ước tính]" if lang == "vi" else " [estimated]"
    for c in changes:
        if lang == "vi":
            kind = "nghỉ" if c.kind is DayKind.OFF else "làm việc"
        else:
            kind = "off" if c.kind is DayKind.OFF else "worked"
        flag = "" if c.verified else (" (chưa kiểm chứng)" if lang == "vi" else " (unverified)")
        mark = estimated if cal.is_estimated(c.day) else ""
        out.write(f"{_show_day(c.day, lang)}  {kind}  {c.name} — {c.source}{flag}{mark}\n")
    return 0


def _cmd_due(args: argparse.Namespace, out: TextIO) -> int:
    limit = TimeLimit.parse(args.limit)
    cal = default_calendar()
    cutoff: time | None = args.cutoff
    deadline = cal.deadline(args.received, limit, cutoff=cutoff)
    local = deadline.astimezone(VN_TZ)
    received_day = args.received.astimezone(VN_TZ).date()
    if args.format == "json":
        return emit_json(
            out,
            {
                "received": args.received.isoformat(),
                "limit": str(limit),
                "deadline": deadline.isoformat(),
                "estimated": cal.depends_on_estimate(received_day, local.date()),
            },
        )
    note = _estimate_note(cal, args.lang, received_day, local.date())
    out.write(f"{_show_day(local.date(), args.lang)} {local:%H:%M}{note}\n")
    return 0


def _cutoff(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a time HH:MM, found {text!r}") from None


def register(
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

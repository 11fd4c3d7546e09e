"""``par-index period``: the cut-off and due dates of a reporting period."""

from __future__ import annotations

import argparse
from typing import TextIO

from par_index.cli._common import SCHEMA_VERSION, emit_json, pick
from par_index.core.lang import Lang, format_date
from par_index.model.periods import ReportingPeriod

__all__ = [
    "register",
]

_TEXT: dict[str, tuple[str, str]] = {
    "period": ("Kỳ báo cáo", "Period"),
    "cutoff": ("Thời gian chốt số liệu", "Data cut-off"),
    "due": ("Hạn gửi báo cáo", "Report due"),
    "due_source": ("Căn cứ", "Source"),
}


def _t(key: str, lang: Lang) -> str:
    return pick(_TEXT, key, lang)


def _cmd_period(args: argparse.Namespace, out: TextIO) -> int:
    period = ReportingPeriod.parse(args.phrase)
    lang: Lang = args.lang
    if args.format == "json":
        data = {
            "schema_version": SCHEMA_VERSION,
            "period": str(period),
            "label": period.label(lang),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "due": period.due.isoformat(),
            "due_is_verified": period.due_is_verified,
            "due_source": period.due_source,
        }
        emit_json(out, data)
        return 0
    out.write(f"{_t('period', lang)}: {period.label(lang)}\n")
    out.write(
        f"{_t('cutoff', lang)}: {format_date(period.start, lang)} – "
        f"{format_date(period.end, lang)}\n"
    )
    out.write(f"{_t('due', lang)}: {format_date(period.due, lang)}\n")
    out.write(f"{_t('due_source', lang)}: {period.due_source}\n")
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``period``."""
    p = sub.add_parser(
        "period",
        parents=[common],
        help='cut-off and due dates of a period, e.g. "6 tháng đầu năm 2023"',
    )
    p.add_argument("phrase")
    p.set_defaults(run=_cmd_period)

"""The ``par-index`` command.

Output speaks Vietnamese by default; ``--lang en`` gives English. Exit status: 0 success,
1 when the input has problems (they are all listed), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from par_index import __version__
from par_index._cli_scoring import add_scoring_commands
from par_index._cli_service import add_calendar_commands, add_dossier_stats_command
from par_index._format import Lang, format_date
from par_index.documents import find_document_refs
from par_index.examples import ba_trang_report
from par_index.exceptions import InvalidValueError, LoadError, ParIndexError
from par_index.io import dumps, load_dossiers
from par_index.periods import ReportingPeriod
from par_index.reports._cli import add_report_commands
from par_index.reports.summary import render_summary

__all__ = ["main"]

_TEXT: dict[str, tuple[str, str]] = {
    "dossiers_ok": ("{n} hồ sơ hợp lệ trong {src}", "{n} valid dossiers in {src}"),
    "dossiers_bad": (
        "{n} hồ sơ bị loại, {p} lỗi trong {src}:",
        "{n} dossiers rejected, {p} problems in {src}:",
    ),
    "period": ("Kỳ báo cáo", "Period"),
    "cutoff": ("Thời gian chốt số liệu", "Data cut-off"),
    "due": ("Hạn gửi báo cáo", "Report due"),
    "due_source": ("Căn cứ", "Source"),
    "none_found": ("Không tìm thấy văn bản nào.", "No document references found."),
}


def _t(key: str, lang: Lang) -> str:
    vi, en = _TEXT[key]
    return vi if lang == "vi" else en


def _cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    report = ba_trang_report()
    if args.format == "json":
        out.write(dumps(report) + "\n")
    else:
        out.write(render_summary(report, args.lang) + "\n")
    return 0


def _cmd_period(args: argparse.Namespace, out: TextIO) -> int:
    period = ReportingPeriod.parse(args.phrase)
    lang: Lang = args.lang
    if args.format == "json":
        data = {
            "period": str(period),
            "label": period.label(lang),
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "due": period.due.isoformat(),
            "due_is_verified": period.due_is_verified,
            "due_source": period.due_source,
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"{_t('period', lang)}: {period.label(lang)}\n")
    out.write(
        f"{_t('cutoff', lang)}: {format_date(period.start, lang)} – "
        f"{format_date(period.end, lang)}\n"
    )
    out.write(f"{_t('due', lang)}: {format_date(period.due, lang)}\n")
    out.write(f"{_t('due_source', lang)}: {period.due_source}\n")
    return 0


def _cmd_refs(args: argparse.Namespace, out: TextIO) -> int:
    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    found = find_document_refs(text)
    if args.format == "json":
        rows = [{"ref": str(f.ref), "start": f.start, "end": f.end} for f in found]
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not found:
        out.write(_t("none_found", args.lang) + "\n")
    for f in found:
        line = text.count("\n", 0, f.start) + 1
        out.write(f"{line}: {f.ref}\n")
    return 0


def _cmd_dossiers_check(args: argparse.Namespace, out: TextIO) -> int:
    result = load_dossiers(args.file, partial=True)
    lang: Lang = args.lang
    src = result.source
    if args.format == "json":
        data = {
            "source": src,
            "valid": len(result.records),
            "rejected": [
                {
                    "location": r.location,
                    "problems": [
                        {"path": p.path, "code": p.code, "expected": p.expected, "found": p.found}
                        for p in r.problems
                    ],
                }
                for r in result.rejected
            ],
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(_t("dossiers_ok", lang).format(n=len(result.records), src=src) + "\n")
        if result.rejected:
            out.write(
                _t("dossiers_bad", lang).format(
                    n=len(result.rejected), p=len(result.problems), src=src
                )
                + "\n"
            )
            for p in result.problems:
                out.write(f"  {p}\n")
    return 0 if result.complete else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="par-index",
        description="Mô hình hóa và chấm điểm cải cách hành chính (PAR INDEX) / "
        "model and score Vietnamese administrative reform.",
    )
    parser.add_argument("--version", action="version", version=f"par-index {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    common.add_argument("--format", choices=["text", "json"], default="text")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "example", parents=[common], help="the bundled Ba Trang six-month 2023 report, summarised"
    )
    p.set_defaults(run=_cmd_example)

    p = sub.add_parser(
        "period",
        parents=[common],
        help='cut-off and due dates of a period, e.g. "6 tháng đầu năm 2023"',
    )
    p.add_argument("phrase")
    p.set_defaults(run=_cmd_period)

    p = sub.add_parser(
        "refs", parents=[common], help="list every document reference in a text file (- for stdin)"
    )
    p.add_argument("file")
    p.set_defaults(run=_cmd_refs)

    p = sub.add_parser("dossiers", help="dossier files (JSON or portal CSV)")
    dsub = p.add_subparsers(dest="dossiers_command", required=True)
    c = dsub.add_parser(
        "check", parents=[common], help="load a dossier file and list every problem"
    )
    c.add_argument("file")
    c.set_defaults(run=_cmd_dossiers_check)
    add_dossier_stats_command(dsub, common)
    add_calendar_commands(sub, common)
    add_scoring_commands(sub, common)
    add_report_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        status: int = args.run(args, stream)
    except LoadError as exc:
        sys.stderr.write(f"{exc}\n")
        return 1
    except (InvalidValueError, ParIndexError) as exc:
        sys.stderr.write(f"par-index: {exc}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (``par-index ... | head``): stop quietly, as Unix tools do.
        sys.stdout = None
        return 0
    except OSError as exc:
        sys.stderr.write(f"par-index: {exc}\n")
        return 1
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

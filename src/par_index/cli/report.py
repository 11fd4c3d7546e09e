"""The ``par-index report parse`` and ``par-index report check`` commands.

Output speaks Vietnamese by default and English with ``--lang en``; ``--format json`` writes
the model or the findings as JSON (:func:`par_index.formats.json.dumps`). ``report check`` exits
with
status 1 when a finding has error severity. A FILE of ``-`` reads standard input.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import TextIO

from par_index.cli._common import stdin_bytes
from par_index.core.lang import Lang
from par_index.formats.documents import read_document_bytes
from par_index.formats.json import dumps
from par_index.formats.schema import versioned
from par_index.formats.scorecard_text import scorecard_converter
from par_index.reports.checks import Finding, Severity, check_report
from par_index.reports.parser import parse_report
from par_index.reports.summary import render_summary

__all__ = ["cmd_check", "cmd_parse", "register"]


def _read(file: str) -> str:
    """The text of ``file`` (``-`` for standard input): Word, PDF, HTML or text, chosen by
    content (:func:`par_index.formats.documents.read_document_bytes`).

    Raises:
        OSError: when the file cannot be read.
        DocumentReadError: when its text cannot be read.
        MissingExtraError: for a Word or PDF file without the ``documents`` extra.
    """
    if file == "-":
        data = stdin_bytes()
        return data if isinstance(data, str) else read_document_bytes(data, "<stdin>").text
    with open(file, "rb") as handle:
        return read_document_bytes(handle.read(), file).text


def cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    """``report parse FILE``: the report model as a summary or as JSON.

    Raises:
        OSError: when the file cannot be read.
        ReportParseError: when the file holds no recognisable report.
    """
    report = parse_report(_read(args.file))
    if args.format == "json":
        data = versioned(scorecard_converter().unstructure(report))
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_summary(report, args.lang) + "\n")
    return 0


_HEAD = {
    "vi": (
        "{n} phát hiện (lỗi: {e}, cảnh báo: {w}, thông tin: {i})",
        "dòng",
        "Không có phát hiện.",
    ),
    "en": ("{n} findings (errors: {e}, warnings: {w}, info: {i})", "line", "No findings."),
}


def _line(finding: Finding, lang: Lang) -> str:
    where = ""
    if finding.span is not None:
        where = f"{_HEAD[lang][1]} {finding.span.line}: "
    severity = finding.severity.name_vi if lang == "vi" else finding.severity.value
    message = finding.message_vi if lang == "vi" else finding.message
    return f"{where}[{severity}] {finding.code}: {message}"


def cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    """``report check FILE``: every finding; exit status 1 when one is an error.

    Raises:
        OSError: when the file cannot be read.
        ReportParseError: when the file holds no recognisable report.
    """
    findings = check_report(_read(args.file))
    lang: Lang = args.lang
    if args.format == "json":
        out.write(dumps(findings) + "\n")
    else:
        counts = Counter(f.severity for f in findings)
        head, _, none = _HEAD[lang]
        if findings:
            out.write(
                head.format(
                    n=len(findings),
                    e=counts[Severity.ERROR],
                    w=counts[Severity.WARNING],
                    i=counts[Severity.INFO],
                )
                + "\n"
            )
        else:
            out.write(none + "\n")
        for finding in findings:
            out.write(_line(finding, lang) + "\n")
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``report parse`` and ``report check`` under ``sub``.

    Args:
        sub: the subparsers of the ``par-index`` command.
        common: the parent parser holding ``--lang`` and ``--format``.
    """
    report = sub.add_parser("report", help="periodic CCHC reports (báo cáo CCHC)")
    rsub = report.add_subparsers(dest="report_command", required=True)
    p = rsub.add_parser(
        "parse",
        parents=[common],
        help="read a report: Markdown, text, HTML, Word (.docx) or PDF; - for stdin",
    )
    p.add_argument("file")
    p.set_defaults(run=cmd_parse)
    c = rsub.add_parser(
        "check",
        parents=[common],
        help="list inconsistencies of a report (any format of report parse); exit 1 on an error",
    )
    c.add_argument("file")
    c.set_defaults(run=cmd_check)

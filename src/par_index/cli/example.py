"""``par-index example``: the bundled Ba Trang report, summarised."""

from __future__ import annotations

import argparse
from typing import TextIO

from par_index.examples.ba_trang import ba_trang_report
from par_index.formats.json import dumps
from par_index.reports.summary import render_summary

__all__ = [
    "register",
]


def _cmd_example(args: argparse.Namespace, out: TextIO) -> int:
    report = ba_trang_report()
    if args.format == "json":
        out.write(dumps(report) + "\n")
    else:
        out.write(render_summary(report, args.lang) + "\n")
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``example``."""
    p = sub.add_parser(
        "example", parents=[common], help="the bundled Ba Trang six-month 2023 report, summarised"
    )
    p.set_defaults(run=_cmd_example)

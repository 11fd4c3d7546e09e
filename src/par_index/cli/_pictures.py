"""Pictures on the command line: ``--format html|svg|png`` with ``-o FILE`` and ``--chart``.

A page (html) or one chart (svg) goes to the file, or to standard output without ``-o``; a
PNG image needs ``-o``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from par_index.exceptions import InvalidValueError, Problem

if TYPE_CHECKING:
    from par_index.service.columnar import GroupMeasures

__all__ = ["PICTURES", "InvalidOutput", "add_picture_options", "dossier_page", "emit_picture"]

PICTURES = ("html", "svg", "png")
"""The picture formats."""


class InvalidOutput(InvalidValueError):
    """An output option (tùy chọn kết quả) that cannot be honoured."""

    term = "tùy chọn kết quả"
    what = "output option"


def add_picture_options(
    p: argparse.ArgumentParser, charts: Sequence[str], *, output: bool = True
) -> None:
    """Add ``--chart`` (the chart for svg and png) to ``p``, and ``-o/--output`` unless the
    command has it already (``output=False``)."""
    if output:
        p.add_argument(
            "-o", "--output", metavar="FILE", help="write to FILE (needed for png), not stdout"
        )
    p.add_argument(
        "--chart",
        choices=list(charts),
        default=charts[0],
        help=f"the chart for --format svg|png (default {charts[0]})",
    )


def emit_picture(
    args: argparse.Namespace,
    out: TextIO,
    page: Callable[[], str],
    charts: Callable[[], dict[str, str]],
) -> int:
    """Write the page or the chart ``args.chart`` as ``args.format`` asks.

    Raises:
        InvalidOutput: for a PNG without ``-o``, or a chart the data cannot draw.
        MissingDependency: when the ``html`` extra (or the cairo library for PNG) is missing.
    """
    if args.format == "png" and not args.output:
        raise InvalidOutput(
            [Problem("--output", "output-needed", "-o FILE.png for a PNG image", "stdout")]
        )
    if args.format == "html":
        data: str | bytes = page()
    else:
        drawn = charts()
        if args.chart not in drawn:
            raise InvalidOutput(
                [Problem("--chart", "no-such-chart", "one of " + ", ".join(drawn), args.chart)]
            )
        data = drawn[args.chart]
        if args.format == "png":
            from par_index.formats.svg import svg_to_png  # noqa: PLC0415 - needs the extra

            data = svg_to_png(data)
    if args.output:
        path = Path(args.output)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    else:
        assert isinstance(data, str)
        out.write(data)
    return 0


def dossier_page(
    args: argparse.Namespace, out: TextIO, groups: Sequence[GroupMeasures], partial: bool
) -> int:
    """Write the dashboard of grouped dossier measures to ``args.output`` or ``out``.

    Raises:
        MissingDependency: when the ``html`` extra is missing.
    """
    from par_index.formats.html import (  # noqa: PLC0415 - needs the extra
        dashboard_rows_of_groups,
        render_dossier_dashboard_html,
    )

    rows = dashboard_rows_of_groups(groups, lang=args.lang)
    page = render_dossier_dashboard_html(rows, partial=partial, lang=args.lang)
    if args.output:
        Path(args.output).write_text(page, encoding="utf-8")
    else:
        out.write(page)
    return 0

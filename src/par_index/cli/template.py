"""``par-index template``: the evidence table units fill in (.xlsx or .csv)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Literal, TextIO

from par_index.cli._common import framework_arg
from par_index.core.lang import Lang
from par_index.formats.excel_evidence import read_units, write_evidence_template
from par_index.frameworks.loader import BUNDLED
from par_index.model.periods import ReportingPeriod
from par_index.model.units import AdministrativeUnit

__all__ = ["register"]


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    framework = framework_arg(args.framework)
    units: tuple[AdministrativeUnit, ...] = ()
    if args.units:
        path = Path(args.units)
        units = read_units(path.read_bytes(), source=str(path), lang=lang)
    period = ReportingPeriod.parse(args.period) if args.period else None
    target = Path(args.output)
    fmt: Literal["xlsx", "csv"] = "csv" if target.suffix.lower() == ".csv" else "xlsx"
    data = write_evidence_template(framework, units=units, period=period, fmt=fmt, lang=lang)
    target.write_bytes(data)
    rows = len(list(framework.walk())) * max(len(units), 1)
    if lang == "vi":
        out.write(f"Đã ghi {target}: {max(len(units), 1)} đơn vị, {rows} dòng.\n")
    else:
        out.write(f"Wrote {target}: {max(len(units), 1)} units, {rows} rows.\n")
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``template``."""
    p = sub.add_parser(
        "template",
        help="write the evidence table units fill in (.xlsx or .csv)",
        description="One row per unit and criterion: values, self-scores, evidence documents "
        "and two appraisal rounds; read back by `par-index score` and `par-index rank`.",
    )
    p.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    p.add_argument(
        "--framework",
        default="example-commune",
        help=f"a bundled framework id ({', '.join(BUNDLED)}) or a framework file",
    )
    p.add_argument(
        "--units",
        help="a CSV of the units (Mã đơn vị, Tên đơn vị, Cấp); one block of rows each",
    )
    p.add_argument("--period", help='the period written on every row, e.g. "năm 2023"')
    p.add_argument("-o", "--output", required=True, help="FILE.xlsx or FILE.csv")
    p.set_defaults(run=_cmd_template)

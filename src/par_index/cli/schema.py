"""``par-index schema [NAME]``: the JSON Schemas of the JSON the commands write."""

from __future__ import annotations

import argparse
from typing import TextIO

from par_index.core.lang import Lang
from par_index.formats.schema import SCHEMA_VERSION, SCHEMAS, schema_text

__all__ = ["register"]


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    if args.name is None:
        head = (
            f"Lược đồ JSON (schema_version {SCHEMA_VERSION}):"
            if lang == "vi"
            else f"JSON Schemas (schema_version {SCHEMA_VERSION}):"
        )
        out.write(head + "\n")
        for name, what in SCHEMAS.items():
            out.write(f"  {name:<14} {what}\n")
        return 0
    out.write(schema_text(args.name))
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``schema``."""
    p = sub.add_parser("schema", help="print the JSON Schema of an output (no name: list them)")
    p.add_argument("name", nargs="?", choices=list(SCHEMAS), help="the schema to print")
    p.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    p.set_defaults(run=_cmd_schema)

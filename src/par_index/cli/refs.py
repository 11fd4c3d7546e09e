"""``par-index refs``: every document reference in a text."""

from __future__ import annotations

import argparse
from typing import TextIO

from par_index.cli._common import emit_json, pick, read_input
from par_index.core.lang import Lang
from par_index.model.documents import find_document_refs

__all__ = [
    "register",
]

_TEXT: dict[str, tuple[str, str]] = {
    "none_found": ("Không tìm thấy văn bản nào.", "No document references found."),
}


def _t(key: str, lang: Lang) -> str:
    return pick(_TEXT, key, lang)


def _cmd_refs(args: argparse.Namespace, out: TextIO) -> int:
    text = read_input(args.file)
    found = find_document_refs(text)
    if args.format == "json":
        rows = [{"ref": str(f.ref), "start": f.start, "end": f.end} for f in found]
        return emit_json(out, {"refs": rows})
    if not found:
        out.write(_t("none_found", args.lang) + "\n")
    # Lines counted forward from one reference to the next, never again from the start.
    line, at = 1, 0
    for f in found:
        line += text.count("\n", at, f.start)
        at = f.start
        out.write(f"{line}: {f.ref}\n")
    return 0


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``refs``."""
    p = sub.add_parser(
        "refs", parents=[common], help="list every document reference in a text file (- for stdin)"
    )
    p.add_argument("file")
    p.set_defaults(run=_cmd_refs)

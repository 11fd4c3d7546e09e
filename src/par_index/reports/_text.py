"""Helpers shared by the report parser, extractor, checks and command (private)."""

from __future__ import annotations

import bisect
import re

from par_index.reports.model import SourceSpan

__all__ = ["LineIndex", "decode"]


class LineIndex:
    """Line numbers of offsets by bisection over the line breaks (linear to build)."""

    def __init__(self, text: str) -> None:
        self._breaks = [m.start() for m in re.finditer("\n", text)]

    def span(self, start: int, end: int) -> SourceSpan:
        """The span ``[start, end)`` with the line number of ``start``."""
        return SourceSpan(start, end, bisect.bisect_left(self._breaks, start) + 1)


def decode(data: bytes) -> str:
    """UTF-16 with a byte order mark, else UTF-8 (a byte order mark allowed).

    Raises:
        UnicodeDecodeError: when the bytes are neither.
    """
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    return data.decode("utf-16" if utf16 else "utf-8-sig")

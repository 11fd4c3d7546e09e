"""Bundled example data, loaded through :mod:`importlib.resources`.

The first example is the real six-month 2023 CCHC report of xã Ba Trang (huyện Ba Tơ,
Quảng Ngãi), dated 05/6/2023: its text as published and its model as structured JSON with
every figure it states, each tied to its place in the text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from par_index.io import loads
from par_index.reports.model import Report

__all__ = ["ba_trang_report", "ba_trang_text"]

_PACKAGE = "par_index"
_DIR = ("data", "examples")


def _read(name: str) -> str:
    return resources.files(_PACKAGE).joinpath(*_DIR, name).read_text(encoding="utf-8")


def ba_trang_text() -> str:
    """The text of Ba Trang's six-month 2023 report, as published (Markdown)."""
    return _read("ba-trang-2023-h1.md")


@cache
def ba_trang_report() -> Report:
    """Ba Trang's six-month 2023 report as a :class:`Report` (figures, citations, sections).

    Spans of figures and citations index :func:`ba_trang_text`.
    """
    return loads(Report, _read("ba-trang-2023-h1.report.json"), source="ba-trang-2023-h1")

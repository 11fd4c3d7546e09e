"""Bundled example data, loaded through :mod:`importlib.resources`.

The first example is the real six-month 2023 CCHC report of xã Ba Trang (huyện Ba Tơ,
Quảng Ngãi), dated 05/6/2023: its text as published and its model as structured JSON with
every figure it states, each tied to its place in the text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from par_index.formats.json import loads
from par_index.formats.portal import loads_dossiers_csv, loads_procedures_json
from par_index.model.dossiers import Dossier
from par_index.model.procedures import Procedure
from par_index.reports.model import Report

__all__ = [
    "ba_trang_report",
    "ba_trang_synthetic_dossiers",
    "ba_trang_synthetic_procedures",
    "ba_trang_text",
    "example_path",
]

_PACKAGE = "par_index.examples"
_DIR = ("data",)


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


def example_path(name: str) -> Traversable:
    """The bundled example file ``name`` (for commands that take a path)."""
    return resources.files(_PACKAGE).joinpath(*_DIR, name)


@cache
def ba_trang_synthetic_dossiers() -> tuple[Dossier, ...]:
    """A SYNTHETIC set of 253 dossiers built to match the counts Ba Trang's report prints.

    The report publishes no dossier list. These dossiers (made by
    ``tools/make_ba_trang_dossiers.py``) reproduce its counts for the six months to
    14/6/2023 (253 received, 245 early or on time, 7 late, 1 in progress, 34 online) with
    invented days and invented procedures (codes 9.0000xx): they are test and
    demonstration data, not records.
    """
    name = "ba-trang-2023-h1.synthetic-dossiers.csv"
    return loads_dossiers_csv(_read(name), source=name).records


@cache
def ba_trang_synthetic_procedures() -> dict[str, Procedure]:
    """The invented procedures the synthetic dossiers use, by code (not real TTHC)."""
    name = "ba-trang-2023-h1.synthetic-procedures.json"
    return {p.code: p for p in loads_procedures_json(_read(name), source=name).records}

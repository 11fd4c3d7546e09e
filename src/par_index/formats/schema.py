"""JSON Schemas of the JSON the library writes, shipped as package data.

Every JSON output carries ``"schema_version"`` (:data:`SCHEMA_VERSION`) and is described by a
JSON Schema (2020-12) in ``par_index/formats/schemas/NAME.json``; ``par-index schema NAME``
prints it. Values never change with the output language: where words matter, both the
Vietnamese and the English ones are present.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Final

from par_index.exceptions import InvalidValueError, Problem

__all__ = ["SCHEMAS", "SCHEMA_VERSION", "UnknownSchema", "schema", "schema_text", "versioned"]

SCHEMA_VERSION: Final = "1"
"""The version written as ``"schema_version"`` in every JSON output."""

SCHEMAS: Final = {
    "evidence": "evidence, one unit or many (par-index score reads it)",
    "scorecard": "a scorecard, or the scorecards of a file of many units (par-index score)",
    "ranking": "a ranking (par-index rank)",
    "dossier-stats": "dossier statistics (par-index dossiers stats)",
    "report": "a periodic report read from its text (par-index report parse)",
    "sensitivity": "how firm each rank is (par-index sensitivity)",
}
"""The schema names and what each describes."""


class UnknownSchema(InvalidValueError):
    """A schema name (tên lược đồ) that is not shipped."""

    term = "tên lược đồ JSON"
    what = "schema name"


def schema_text(name: str) -> str:
    """The text of schema ``name`` as shipped.

    Raises:
        UnknownSchema: for a name not in :data:`SCHEMAS`.
    """
    if name not in SCHEMAS:
        raise UnknownSchema(
            [Problem("schema", "unknown-schema", "one of " + ", ".join(SCHEMAS), repr(name))]
        )
    files = resources.files("par_index.formats").joinpath("schemas", f"{name}.json")
    return files.read_text(encoding="utf-8")


def schema(name: str) -> dict[str, Any]:
    """Schema ``name`` as a dict.

    Raises:
        UnknownSchema: for a name not in :data:`SCHEMAS`.
    """
    data: dict[str, Any] = json.loads(schema_text(name))
    return data


def versioned(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``"schema_version"`` first."""
    return {
        "schema_version": SCHEMA_VERSION,
        **{k: v for k, v in data.items() if k != "schema_version"},
    }

"""Evidence from a file of any accepted kind, recognised by its content.

* an evidence table, ``.xlsx`` or ``.csv`` (:mod:`par_index.formats.excel_evidence`), many
  units per file;
* evidence JSON: one evidence object, or ``{"schema_version": "1", "evidence": [...]}``;
* a report JSON (``figures`` and no ``measures``) or a report (``.md``, ``.txt``, or a Word,
  PDF or HTML file, :mod:`par_index.formats.documents`), read through its figures.

JSON evidence is checked against the framework too
(:func:`~par_index.scoring.evidence_check.evidence_problems`): an unknown measure or criterion
is an error, or with ``lenient`` a warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from par_index.core.lang import Lang
from par_index.exceptions import LoadError, Problem
from par_index.formats.documents import read_document_bytes
from par_index.formats.excel_cells import is_xlsx
from par_index.formats.excel_evidence import EvidenceTable, read_evidence_table
from par_index.formats.json import parse_json, problems_from
from par_index.formats.schema import SCHEMA_VERSION
from par_index.formats.scorecard_text import scorecard_converter
from par_index.frameworks.model import Framework
from par_index.reports.model import Report
from par_index.reports.parser import parse_report
from par_index.scoring.evidence import Evidence, evidence_from_report
from par_index.scoring.evidence_check import evidence_problems, known_only

__all__ = ["read_evidence_file", "read_evidence_json"]

_TEXT_SUFFIXES = (".md", ".txt", ".markdown")
# Reports as they arrive (par_index.formats.documents): Word, PDF, HTML.
_DOCUMENT_SUFFIXES = (".docx", ".pdf", ".html", ".htm")


def _looks_json(data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return head in (b"{", b"[")


def read_evidence_json(
    data: bytes, framework: Framework, *, source: str = "<bytes>", lenient: bool = False
) -> EvidenceTable:
    """Evidence JSON (one object, or a versioned collection), checked against ``framework``.

    Raises:
        LoadError: listing every problem with its JSON path: shape, values, a
            ``schema_version`` this library does not know, measures and criteria the
            framework cannot read (unless ``lenient``).
    """
    raw = parse_json(data, source)  # decoded at the boundary: any encoding it reads
    c = scorecard_converter()
    problems: list[Problem] = []
    items: list[tuple[str, Any]]
    if isinstance(raw, dict) and "figures" in raw and "measures" not in raw:
        version = raw.pop("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise LoadError(
                [
                    Problem(
                        "$.schema_version", "schema-version", f'"{SCHEMA_VERSION}"', repr(version)
                    )
                ],
                source=source,
            )
        try:
            report = c.structure(raw, Report)
        except Exception as exc:  # noqa: BLE001 - every structuring failure becomes Problems
            raise LoadError(problems_from(exc), source=source) from None
        return EvidenceTable((evidence_from_report(report),), (), source)
    if isinstance(raw, dict) and "evidence" in raw and "measures" not in raw:
        version = raw.get("schema_version")
        if version != SCHEMA_VERSION:
            problems.append(
                Problem("$.schema_version", "schema-version", f'"{SCHEMA_VERSION}"', repr(version))
            )
        extra = sorted(set(raw) - {"schema_version", "evidence"})
        problems.extend(
            Problem(f"$.{k}", "unknown-field", "schema_version, evidence", k) for k in extra
        )
        body = raw.get("evidence")
        if not isinstance(body, list):
            problems.append(Problem("$.evidence", "wrong-type", "a list of evidence", repr(body)))
            body = []
        items = [(f"$.evidence[{i}]", item) for i, item in enumerate(body)]
    else:
        items = [("$", raw)]
    out: list[Evidence] = []
    warnings: list[Problem] = []
    for path, item in items:
        if isinstance(item, dict) and item.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
            problems.append(
                Problem(
                    f"{path}.schema_version",
                    "schema-version",
                    f'"{SCHEMA_VERSION}"',
                    repr(item["schema_version"]),
                )
            )
        body = (
            {k: v for k, v in item.items() if k != "schema_version"}
            if isinstance(item, dict)
            else item
        )
        try:
            ev = c.structure(body, Evidence)
        except Exception as exc:  # noqa: BLE001 - every structuring failure becomes Problems
            problems.extend(problems_from(exc, path))
            continue
        found = evidence_problems(framework, ev, path)
        (warnings if lenient else problems).extend(found)
        out.append(known_only(framework, ev) if found and lenient else ev)
    if problems:
        raise LoadError(problems, source=source)
    return EvidenceTable(tuple(out), tuple(warnings), source)


def read_evidence_file(
    path: str | Path,
    framework: Framework,
    *,
    lenient: bool = False,
    lang: Lang = "vi",
) -> EvidenceTable:
    """The evidence in ``path``: an .xlsx/.csv table, evidence or report JSON, a report text.

    Args:
        path: the file.
        framework: the framework the evidence will be scored under (tables are read against
            it; JSON is checked against it).
        lenient: unknown measures, criteria and columns are warnings, not errors.
        lang: the language of a table's problems.

    Raises:
        InvalidWorkbook: for a table with problems, each with its place.
        LoadError: for JSON with problems, each with its path.
        ReportParseError: for a report text that cannot be read.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    data = p.read_bytes()
    source = str(p)
    suffix = p.suffix.lower()
    if (suffix in _TEXT_SUFFIXES and not is_xlsx(data)) or suffix in _DOCUMENT_SUFFIXES:
        text = read_document_bytes(data, source).text
        return EvidenceTable((evidence_from_report(parse_report(text)),), (), source)
    if is_xlsx(data) or not _looks_json(data):
        return read_evidence_table(data, framework, source=source, lenient=lenient, lang=lang)
    return read_evidence_json(data, framework, source=source, lenient=lenient)

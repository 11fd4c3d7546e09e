"""Precision and recall of report reading on the corpus of real texts.

    python benchmarks/bench_report_corpus.py [--verbose]

Reads every text of tests/data/reports/real (Markdown, text, Word, PDF) as ``report parse``
does and compares with its hand-written NAME.expected.toml:

* figures: a figure read is right when the expected file has one of the same name, scope,
  period and value; precision = right / read, recall = right / expected;
* inconsistencies: an expected clash is flagged when a finding of warning or error severity
  names one of its figures in the same scope (the whole unit, a level, an agency...);
  precision and recall as above, false alarms = clash findings no expected clash explains
  ("rate-denominator-unstated" says a check could not be made: it is counted apart);
* texts refused: an expected ``error`` code must be the one raised.

Never run by the test suite (it prints a table; tests/test_report_corpus.py pins the floors).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from par_index.formats.documents import read_document
from par_index.reports.checks import Finding, Severity, check_report
from par_index.reports.model import Figure, Report
from par_index.reports.parser import ReportParseError, read_report
from par_index.reports.periods import stated_period

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "reports" / "real"
CLASHES = frozenset(
    {
        "rate-mismatch",
        "rate-truncated",
        "rate-out-of-range",
        "rates-do-not-add-up",
        "parts-exceed-total",
        "parts-do-not-add-up",
        "flow-mismatch",
        "levels-do-not-add-up",
    }
)


def corpus() -> Iterator[tuple[Path, Path]]:
    """Every text of the corpus with its expected file."""
    for path in sorted(REAL.iterdir()):
        if path.suffix in (".md", ".txt", ".docx", ".pdf", ".html") and path.name != "README.md":
            expected = path.with_name(path.stem + ".expected.toml")
            if expected.exists():
                yield path, expected


def _norm(scope: str) -> str:
    return " ".join(scope.casefold().replace("’", "'").split())


def scope_matches(read: str, expected: str) -> bool:
    """Same kind, and one name within the other ("Công an tỉnh" ~ "công an tỉnh")."""
    a, b = _norm(read), _norm(expected)
    if a == b:
        return True
    ka, _, na = a.partition(":")
    kb, _, nb = b.partition(":")
    return ka == kb and bool(na) and bool(nb) and (na in nb or nb in na)


def own_key(report: Report) -> str:
    """The key of the report's own period."""
    if report.stated_period is not None:
        return report.stated_period.key
    if report.period is not None:
        return stated_period(report.period).key
    return ""


def figure_key(f: Figure, report: Report) -> tuple[str, str, str, Decimal]:
    period = f.period.key if f.period is not None else own_key(report)
    return f.name, f.scope.key, period, f.value


@dataclass
class Tally:
    """Counts over the corpus."""

    read: int = 0
    right: int = 0
    expected: int = 0
    clashes_expected: int = 0
    clashes_flagged: int = 0
    clash_findings: int = 0
    false_alarms: int = 0
    unchecked: int = 0
    refusals_right: int = 0
    refusals_expected: int = 0
    files: int = 0
    notes: list[str] = field(default_factory=list)


def _period_matches(read: str, expected: str) -> bool:
    return read == expected


def _match_figures(report: Report, expected: list[dict[str, str]], tally: Tally, name: str) -> None:
    read = [figure_key(f, report) for f in report.all_figures]
    unmatched = list(expected)
    tally.read += len(read)
    tally.expected += len(expected)
    for n, scope, period, value in read:
        hit = next(
            (
                e
                for e in unmatched
                if e["name"] == n
                and scope_matches(scope, e["scope"])
                and _period_matches(period, e["period"] or own_key(report))
                and Decimal(e["value"]) == value
            ),
            None,
        )
        if hit is not None:
            unmatched.remove(hit)
            tally.right += 1
        else:
            tally.notes.append(f"{name}: read {n} [{scope} {period}] = {value}, not expected")
    for e in unmatched:
        tally.notes.append(
            f"{name}: missed {e['name']} [{e['scope']} {e['period']}] = {e['value']}"
        )


def _finding_scope(f: Finding) -> str:
    return f.scope or "unit"


def _match_findings(
    findings: tuple[Finding, ...], expected: list[dict[str, object]], tally: Tally, name: str
) -> None:
    numeric = [
        f
        for f in findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
        and (f.code in CLASHES or f.code == "rate-denominator-unstated")
    ]
    tally.clashes_expected += len(expected)
    used: set[int] = set()
    for e in expected:
        names = set(e["figures"])  # type: ignore[call-overload]
        hit = next(
            (
                i
                for i, f in enumerate(numeric)
                if i not in used
                and names & set(f.figures)
                and scope_matches(_finding_scope(f), str(e["scope"]))
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            tally.clashes_flagged += 1
        else:
            tally.notes.append(f"{name}: clash not flagged: {e['code']} {e['scope']} {e['note']}")
    for i, f in enumerate(numeric):
        if f.code in CLASHES:
            tally.clash_findings += 1
        if i in used:
            continue
        if f.code in CLASHES:
            tally.false_alarms += 1
            tally.notes.append(f"{name}: false alarm {f.code} [{_finding_scope(f)}]: {f.message}")
        else:
            tally.unchecked += 1


def run(verbose: bool) -> Tally:
    """Read the whole corpus; print the table."""
    tally = Tally()
    for path, expected_path in corpus():
        tally.files += 1
        expected = tomllib.loads(expected_path.read_text(encoding="utf-8"))
        text = read_document(path).text
        try:
            parsed = read_report(text)
        except ReportParseError as exc:
            if expected.get("error") == exc.code:
                tally.refusals_right += 1
                tally.refusals_expected += 1
            else:
                tally.notes.append(f"{path.name}: refused ({exc.code})")
            tally.expected += len(expected.get("figures", []))
            continue
        if "error" in expected:
            tally.refusals_expected += 1
            tally.notes.append(f"{path.name}: read, but expected refusal {expected['error']}")
        _match_figures(parsed.report, expected.get("figures", []), tally, path.name)
        _match_findings(check_report(text), expected.get("inconsistencies", []), tally, path.name)
    precision = tally.right / tally.read if tally.read else 1.0
    recall = tally.right / tally.expected if tally.expected else 1.0
    c_precision = (
        (tally.clash_findings - tally.false_alarms) / tally.clash_findings
        if tally.clash_findings
        else 1.0
    )
    c_recall = tally.clashes_flagged / tally.clashes_expected if tally.clashes_expected else 1.0
    rows = [
        ("texts", f"{tally.files}"),
        ("figures expected", f"{tally.expected}"),
        ("figures read", f"{tally.read}"),
        ("figures right", f"{tally.right}"),
        ("figure precision", f"{precision:.1%}"),
        ("figure recall", f"{recall:.1%}"),
        ("clashes expected", f"{tally.clashes_expected}"),
        ("clashes flagged", f"{tally.clashes_flagged}"),
        ("clash recall", f"{c_recall:.1%}"),
        ("clash findings", f"{tally.clash_findings}"),
        ("clash precision", f"{c_precision:.1%}"),
        ("false alarms", f"{tally.false_alarms}"),
        ("unchecked rates (no stated total fits)", f"{tally.unchecked}"),
        ("refusals right", f"{tally.refusals_right}/{tally.refusals_expected}"),
    ]
    width = max(len(k) for k, _ in rows)
    print("| measure | value |\n|---|---|")
    for k, v in rows:
        print(f"| {k.ljust(width)} | {v} |")
    if verbose:
        print()
        for note in tally.notes:
            print(note)
    return tally


def main(argv: list[str] | None = None) -> int:
    """Print the table (and with --verbose every miss and false alarm)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    run(args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

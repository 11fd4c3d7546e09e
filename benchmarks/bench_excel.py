"""Benchmark of the evidence workbook: writing a province's template filled with values,
reading it back, and writing the results workbook.

Run: ``python benchmarks/bench_excel.py [communes]`` (default 300, a large province's
commune-level units; the country has 3,321 since 01/7/2025, QĐ 19/2025/QĐ-TTg).

Workload: every commune carries the Ba Trang evidence (the bundled report's values), so the
table has one row per commune and per node of the illustrative framework (54 rows each).
Times are CPU seconds, best of three; the file size is printed too.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import attrs

from par_index.examples.evidence import ba_trang_evidence
from par_index.formats.excel_evidence import read_evidence_table, write_evidence_template
from par_index.formats.excel_results import write_results_workbook
from par_index.frameworks import get_framework
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring.engine import score
from par_index.scoring.ranking import rank


def _best(f: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        f()
        best = min(best, time.process_time() - start)
    return best


def main(communes: int) -> None:
    """Print the timings for ``communes`` communes."""
    fw = get_framework("example-commune")
    base = ba_trang_evidence()
    evidence = [
        attrs.evolve(base, unit=AdministrativeUnit(f"{90000 + i:05d}", f"Mẫu {i}", UnitLevel.XA))
        for i in range(communes)
    ]
    data = write_evidence_template(fw, evidence=evidence)
    table = read_evidence_table(data, fw)
    ranked = rank(score(fw, ev) for ev in table.evidence)
    rows = communes * sum(1 for _ in fw.walk())
    print(f"{communes} communes, {rows} rows, template {len(data) / 1e6:.2f} MB")
    print(f"write template  {_best(lambda: write_evidence_template(fw, evidence=evidence)):.2f} s")
    print(f"read it back    {_best(lambda: read_evidence_table(data, fw)):.2f} s")
    print(f"results xlsx    {_best(lambda: write_results_workbook(ranked, ties='exact')):.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)

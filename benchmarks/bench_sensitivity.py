"""Benchmark of rank sensitivity: the whole country's communes × 1,000 draws.

Run: ``python benchmarks/bench_sensitivity.py [communes] [draws]`` (default 3,321 communes,
the number of commune-level units since 01/7/2025, QĐ 19/2025/QĐ-TTg; 1,000 draws).

Workload: the scorecards of ``bench_scoring`` (one per commune, evidence drawn at random and
seeded), ranked; then :func:`~par_index.scoring.sensitivity.sensitivity` with the default
±20 % weights on the criteria of level 1, with and without threshold choices for 3.3, and
drop-one-criterion. Building the scorecards is not timed; each analysis is timed best of three.
The ranking page with its rank intervals is timed too, and its size printed.
"""

from __future__ import annotations

import sys
from decimal import Decimal

from bench_scoring import COMMUNES, best_of, communes

from par_index.formats.html import render_ranking_html
from par_index.frameworks import get_framework
from par_index.scoring import score
from par_index.scoring.sensitivity import SensitivityResult, sensitivity


def main(argv: list[str]) -> None:
    count = int(argv[1]) if len(argv) > 1 else COMMUNES
    draws = int(argv[2]) if len(argv) > 2 else 1_000
    fw = get_framework("example-commune")
    cards = [score(fw, ev) for ev in communes(fw, count)]
    found: list[SensitivityResult] = []

    def weights() -> None:
        found[:] = [sensitivity(cards, draws=draws, seed=1)]

    def thresholds() -> None:
        choices = {"3.3": [Decimal("0.4"), Decimal("0.5"), Decimal("0.6")]}
        sensitivity(cards, draws=draws, seed=1, thresholds=choices, framework=fw)

    seconds = best_of(3, weights)
    with_thresholds = best_of(3, thresholds)
    result = found[0]
    print(f"{count:,} communes × {draws:,} draws, {len(result.criteria)} weighted criteria")
    print(f"weights ±20% and drop-one: {seconds:.2f} s")
    print(f"with threshold choices for 3.3: {with_thresholds:.2f} s")
    widths = sorted(u.high - u.low for u in result.units)
    print(f"median 5–95% rank interval width: {widths[len(widths) // 2]} places")
    pages: list[str] = []
    page_seconds = best_of(3, lambda: pages.append(render_ranking_html(cards, sensitivity=result)))
    print(f"ranking page: {page_seconds:.2f} s, {len(pages[-1].encode()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main(sys.argv)

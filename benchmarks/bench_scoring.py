"""Benchmark of ``score()``: the whole country's communes under the example framework.

Run: ``python benchmarks/bench_scoring.py [communes]`` (default 3,321, the number of
commune-level units since 01/7/2025, QĐ 19/2025/QĐ-TTg; docs/sources.md, QĐ 766).

Workload: one evidence per commune, built from the Ba Trang evidence with every measure the
illustrative commune framework reads redrawn at random (seeded): rates uniform in [0, 1] on
four decimals, counts 0–12, facts true or false, the plan category on time / late / not
done, about one measure in twenty not applicable and one in fifty missing, an appraised
score for the manual criterion, and for half of the communes a survey with a mean on each
survey criterion. Building the evidence is not
timed; scoring (every node's points, maximum, index and explanation, the total, index and
class) and ranking the scorecards are timed separately, best of five runs.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from par_index.examples.evidence import ba_trang_evidence
from par_index.frameworks import Framework, MeasureKind, get_framework
from par_index.frameworks.measures import MeasureValue
from par_index.frameworks.rules import ManualRule, SurveyRule
from par_index.model.ratios import NOT_APPLICABLE
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring.engine import score
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    Measurement,
    SurveyResult,
)
from par_index.scoring.ranking import rank
from par_index.scoring.scorecard import Scorecard

SEED = 20250701
COMMUNES = 3_321


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``fn``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _value(rng: random.Random, kind: MeasureKind, categories: tuple[str, ...]) -> MeasureValue:
    if kind is MeasureKind.RATE:
        return Decimal(rng.randint(0, 10_000)) / Decimal(10_000)
    if kind is MeasureKind.COUNT:
        return rng.randint(0, 12)
    if kind is MeasureKind.VALUE:
        return Decimal(rng.randint(0, 100)) / Decimal(10)
    if kind is MeasureKind.BOOLEAN:
        return rng.random() < 0.8
    return rng.choice(categories)


def communes(fw: Framework, count: int, seed: int = SEED) -> list[Evidence]:
    """``count`` evidences for ``fw``, drawn at random from ``seed``."""
    rng = random.Random(seed)
    base = ba_trang_evidence()
    read = sorted({leaf.measure for leaf in fw.leaves() if leaf.measure is not None})
    surveyed = [leaf.code for leaf in fw.leaves() if isinstance(leaf.rule, SurveyRule)]
    manual = [leaf for leaf in fw.leaves() if isinstance(leaf.rule, ManualRule)]
    out: list[Evidence] = []
    for i in range(count):
        measures: list[Measurement] = []
        for name in read:
            spec = fw.measure_spec(name)
            assert spec is not None
            roll = rng.random()
            if roll < 0.02:
                continue
            value = NOT_APPLICABLE if roll < 0.07 else _value(rng, spec.kind, spec.categories)
            measures.append(Measurement(name, value, "ngẫu nhiên"))
        survey: tuple[SurveyResult, ...] = ()
        if rng.random() < 0.5:
            survey = tuple(
                SurveyResult(code, Decimal(rng.randint(10, 50)) / Decimal(10), 100)
                for code in surveyed
            )
        scores = tuple(
            CriterionAssessment(
                leaf.code,
                self_score=leaf.max_points,
                rounds=(AppraisalRound(1, Decimal(rng.randint(0, 4)) / 4 * leaf.max_points),),
            )
            for leaf in manual
        )
        unit = AdministrativeUnit(f"{10000 + i:05d}", f"Xã {i + 1}", UnitLevel.XA)
        out.append(Evidence(tuple(measures), Assessment(scores, survey), unit, base.period))
    return out


def main(argv: list[str]) -> None:
    count = int(argv[1]) if len(argv) > 1 else COMMUNES
    fw = get_framework("example-commune")
    evidences = communes(fw, count)
    cards: list[Scorecard] = []

    def score_all() -> None:
        cards[:] = [score(fw, ev) for ev in evidences]

    seconds = best_of(5, score_all)
    ranking = best_of(5, lambda: rank(cards))
    nodes = sum(1 for _ in fw.walk())
    print(f"framework {fw.id} {fw.version}: {nodes} nodes, {len(fw.leaves())} leaves")
    print(f"scored {count:,} communes in {seconds:.3f} s ({seconds / count * 1e6:.0f} µs each)")
    print(f"ranked them in {ranking * 1e3:.1f} ms")
    complete = sum(1 for c in cards if c.complete)
    print(f"{complete:,} complete scorecards; best index {rank(cards)[0].scorecard.index}")


if __name__ == "__main__":
    main(sys.argv)

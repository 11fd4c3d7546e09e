"""Synthetic communes for picture and sensitivity tests: scorecards under the illustrative
commune framework from evidence drawn at random (seeded) around the Ba Trang example.

Synthetic data complements the real example; it is not evidence of anything.
"""

from __future__ import annotations

import random
from decimal import Decimal

from par_index.examples.evidence import ba_trang_evidence
from par_index.frameworks import Framework, MeasureKind, get_framework
from par_index.frameworks.measures import MeasureValue
from par_index.frameworks.rules import ManualRule
from par_index.model.units import AdministrativeUnit, UnitLevel
from par_index.scoring import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    Measurement,
    Scorecard,
    score,
)


def _value(rng: random.Random, kind: MeasureKind, categories: tuple[str, ...]) -> MeasureValue:
    if kind is MeasureKind.RATE:
        return Decimal(rng.randint(5_000, 10_000)) / Decimal(10_000)
    if kind is MeasureKind.COUNT:
        return rng.randint(0, 12)
    if kind is MeasureKind.VALUE:
        return Decimal(rng.randint(0, 100)) / Decimal(10)
    if kind is MeasureKind.BOOLEAN:
        return rng.random() < 0.85
    return rng.choice(categories)


def commune_evidence(fw: Framework, count: int, seed: int) -> list[Evidence]:
    """``count`` evidences for ``fw``: every measure it reads drawn at random from ``seed``."""
    rng = random.Random(seed)
    base = ba_trang_evidence()
    read = sorted({leaf.measure for leaf in fw.leaves() if leaf.measure is not None})
    manual = [leaf for leaf in fw.leaves() if isinstance(leaf.rule, ManualRule)]
    out = []
    for i in range(count):
        measures = []
        for name in read:
            spec = fw.measure_spec(name)
            assert spec is not None
            measures.append(
                Measurement(name, _value(rng, spec.kind, spec.categories), "ngẫu nhiên")
            )
        scores = tuple(
            CriterionAssessment(
                leaf.code,
                self_score=leaf.max_points,
                rounds=(AppraisalRound(1, Decimal(rng.randint(0, 4)) / 4 * leaf.max_points),),
            )
            for leaf in manual
        )
        unit = AdministrativeUnit(f"{20000 + i:05d}", f"Số {i + 1}", UnitLevel.XA)
        out.append(Evidence(tuple(measures), Assessment(scores, ()), unit, base.period))
    return out


def communes(count: int, seed: int = 14) -> list[Scorecard]:
    """Scorecards of ``count`` synthetic communes under ``example-commune``."""
    fw = get_framework("example-commune")
    return [score(fw, ev) for ev in commune_evidence(fw, count, seed)]

"""Classifying dossiers: the scalar path on Dossier objects and the columnar path on day columns.

Target: 1,000,000 dossiers at no more than 3 µs each. Plain script, not a test:

    python benchmarks/bench_timeliness.py
"""

from __future__ import annotations

import random
import time
from datetime import date, datetime

from par_index.calendar.work_calendar import default_calendar
from par_index.core.tz import VN_TZ
from par_index.model.dossiers import Channel, Dossier, DossierStatus
from par_index.service.timeliness import classify, classify_columns, columns_from_days

N_COLUMNAR = 1_000_000
N_SCALAR = 100_000


def main() -> None:
    rng = random.Random(766)
    cal = default_calendar()
    first = date(2023, 1, 2).toordinal()
    as_of = date(2023, 12, 14)
    days = [first + rng.randrange(330) for _ in range(N_COLUMNAR)]
    limits = [rng.choice((1, 3, 5, 15)) for _ in range(N_COLUMNAR)]
    t = time.perf_counter()
    appointment = cal.add_working_days_ordinals(days, limits)
    t_appointment = time.perf_counter() - t
    ended = [a + rng.randint(-3, 2) if rng.random() < 0.97 else -1 for a in appointment]
    ended = [max(e, r) if e >= 0 else -1 for e, r in zip(ended, days, strict=True)]
    ended = [e if e <= as_of.toordinal() else -1 for e in ended]
    waiting = [-1] * N_COLUMNAR
    pauses = [rng.choice((0, 0, 0, 0, 1, 2)) for _ in range(N_COLUMNAR)]
    requests = [0 if p == 0 else rng.choice((1, 1, 1, 2)) for p in pauses]

    t = time.perf_counter()
    cols = columns_from_days(
        days, appointment, ended, waiting, pauses, requests, as_of, calendar=cal
    )
    t_cols = time.perf_counter() - t
    t = time.perf_counter()
    result = classify_columns(cols)
    t_classify = time.perf_counter() - t
    assert len(result) == N_COLUMNAR

    # The scalar path on Dossier objects (appointment given, no supplements).
    dossiers = []
    for i in range(N_SCALAR):
        received = datetime.fromordinal(days[i]).replace(hour=8, tzinfo=VN_TZ)
        appt = datetime.fromordinal(appointment[i]).replace(hour=17, tzinfo=VN_TZ)
        end = ended[i]
        finished = datetime.fromordinal(end).replace(hour=16, tzinfo=VN_TZ) if end >= 0 else None
        dossiers.append(
            Dossier(
                code=f"D{i}",
                procedure_code="1.000110",
                unit_code="H21.65",
                channel=Channel.IN_PERSON,
                status=DossierStatus.FINISHED if finished else DossierStatus.IN_PROGRESS,
                received_at=received,
                appointment_at=appt,
                finished_at=finished,
            )
        )
    moment = datetime.combine(as_of, datetime.max.time(), tzinfo=VN_TZ)
    t = time.perf_counter()
    for d in dossiers:
        classify(d, moment, calendar=cal)
    t_scalar = time.perf_counter() - t

    per = 1e6 / N_COLUMNAR
    print(f"dossiers (columnar): {N_COLUMNAR:,}; scalar sample: {N_SCALAR:,}")
    print(
        f"appointment days from limits (add_working_days_ordinals): {t_appointment * per:6.3f} µs"
    )
    print(f"columns_from_days (pauses, judged day, flags):            {t_cols * per:6.3f} µs")
    print(f"classify_columns:                                          {t_classify * per:6.3f} µs")
    print(
        f"columnar total per dossier:                                "
        f"{(t_cols + t_classify) * per:6.3f} µs   target <= 3 µs"
    )
    print(
        f"scalar classify() on Dossier objects:                      "
        f"{t_scalar * 1e6 / N_SCALAR:6.3f} µs"
    )


if __name__ == "__main__":
    main()

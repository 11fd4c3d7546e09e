"""Loading and measuring a million dossiers: the columnar path against the scalar one.

Builds a 1,000,000-row CSV text in memory from the synthetic Ba Trang export (its 253 rows
repeated with fresh codes, every moment shifted by 0-59 days), then times
``read_dossier_table`` + ``measure_table`` on all of it and ``loads_dossiers_csv`` +
``measure_dossiers`` on the first 100,000 rows (the scalar path is extrapolated to a million
rows: it is linear). Plain script, not a test:

    python benchmarks/bench_bulk.py [--rows N] [--scalar-rows N] [--distinct-minutes]

The Ba Trang export writes every time at 08:00, 16:00 or 16:30, so the reader's cache of
parsed date strings almost always hits; ``--distinct-minutes`` also moves every time by
0-29 minutes per repetition, for a far less repetitive export.

Target: at least 5x faster than the scalar path.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import time
from datetime import date, timedelta

from par_index.examples.ba_trang import example_path
from par_index.formats.columnar_reader import read_dossier_table
from par_index.formats.portal import loads_dossiers_csv
from par_index.model.periods import ReportingPeriod
from par_index.service.columnar import DossierTable, measure_table
from par_index.service.measures import measure_dossiers

N_ROWS = 1_000_000
N_SCALAR = 100_000
SHIFTS = 60
PERIOD = ReportingPeriod.annual(2023)
_DATE = re.compile(r"([0-9]{2})/([0-9]{2})/([0-9]{4})")
_TIME = re.compile(r" ([0-9]{2}):([0-9]{2})")


def _shift(cell: str, days: int) -> str:
    def moved(m: re.Match[str]) -> str:
        d = date(int(m.group(3)), int(m.group(2)), int(m.group(1))) + timedelta(days=days)
        return f"{d:%d/%m/%Y}"

    return _DATE.sub(moved, cell)


def _minutes(cell: str, minutes: int) -> str:
    return _TIME.sub(lambda m: f" {m.group(1)}:{(int(m.group(2)) + minutes) % 60:02d}", cell)


def build_csv(n: int, *, distinct_minutes: bool = False) -> str:
    """``n`` rows made from the Ba Trang synthetic export, with fresh codes and days."""
    text = example_path("ba-trang-2023-h1.synthetic-dossiers.csv").read_text(encoding="utf-8")
    header, *base = list(csv.reader(io.StringIO(text)))
    shifted = [[[_shift(c, s) for c in row] for row in base] for s in range(SHIFTS)]
    lines = [",".join(header)]
    for i in range(n):
        rep, k = divmod(i, len(base))
        row = shifted[rep % SHIFTS][k]
        if distinct_minutes:
            # The same minute offset for every moment of a row keeps their order.
            row = [_minutes(c, rep // SHIFTS % 30) for c in row]
        lines.append(",".join([f"{row[0]}-{rep}", *row[1:]]))
    return "\n".join(lines) + "\n"


def _timed(label: str, rows: int, seconds: float) -> float:
    per = seconds / rows * 1e6
    print(f"{label:<44} {rows:>9,} rows {seconds:8.2f} s {per:8.2f} us/dossier")
    return per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=N_ROWS)
    parser.add_argument("--scalar-rows", type=int, default=N_SCALAR)
    parser.add_argument("--distinct-minutes", action="store_true")
    args = parser.parse_args()
    n = args.rows
    n_scalar = min(args.scalar_rows, n)
    t = time.perf_counter()
    text = build_csv(n, distinct_minutes=args.distinct_minutes)
    print(f"built {n:,} rows ({len(text) / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s")
    scalar_text = "".join(text.splitlines(keepends=True)[: n_scalar + 1])

    t = time.perf_counter()
    table, rejected = read_dossier_table(text, partial=True)
    t_read = time.perf_counter() - t
    t = time.perf_counter()
    fast = measure_table(table, PERIOD)
    t_measure = time.perf_counter() - t
    assert not rejected, f"{len(rejected)} rows rejected, first: {rejected[0]}"
    assert len(table) == n

    t = time.perf_counter()
    small, _ = read_dossier_table(scalar_text)
    fast_small = measure_table(small, PERIOD)
    t_fast_small = time.perf_counter() - t

    t = time.perf_counter()
    dossiers = loads_dossiers_csv(scalar_text).records
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    slow = measure_dossiers(dossiers, PERIOD)
    t_slow = time.perf_counter() - t
    assert slow == fast_small, "the columnar path must equal the scalar path"
    assert DossierTable.from_dossiers(dossiers) == small

    print(f"counted {fast.counted:,} of {n:,}; on time {fast.on_time_766}")
    read = _timed("columnar: read_dossier_table", n, t_read)
    measure = _timed("columnar: measure_table", n, t_measure)
    load = _timed("scalar: loads_dossiers_csv", n_scalar, t_load)
    scalar_measure = _timed("scalar: measure_dossiers", n_scalar, t_slow)
    same_rows = _timed("columnar, on the scalar rows", n_scalar, t_fast_small)
    fast_total, slow_total = read + measure, load + scalar_measure
    print(
        f"columnar {fast_total:.2f} us/dossier, scalar {slow_total:.2f} us/dossier "
        f"(extrapolated from {n_scalar:,} rows: {slow_total * n / 1e6:.1f} s per {n:,}); "
        f"{slow_total / fast_total:.1f}x faster ({slow_total / same_rows:.1f}x on the same rows)"
    )


if __name__ == "__main__":
    main()

"""Reading and measuring a million dossiers: the columnar engine against a hand-written Polars
script and against the earlier array-based columnar path.

Generates a portal-shaped CSV export (5 units, receptions spread over the four NĐ 09 cut-off
quarters of 2023, moments to the second, 5 % with a supplement request, 3 % waiting for one),
then runs each contender in its own process under ``/usr/bin/time -v`` and reports wall time
and peak memory (maximum resident set size), interleaved, the median of ``--repeat`` runs:

- ``polars``: a hand-written Polars script computing only the naive on-time rate per unit
  (end of processing ≤ appointment day), no validation, no working days;
- ``floor``: a hand-written Polars script that reads every column the measures need (all
  sixteen) and parses the moments, then computes the same naive rate per unit and quarter:
  what any engine computing these measures must at least do, with no check and no rule;
- ``engine``: ``count_dossier_export`` + ``finish_counts``: every row checked by the rules of
  ``Dossier``, duplicates looked for, the portal's timeliness rules (supplement pauses,
  working days) and every measure, per unit and per quarter (four windows);
- ``earlier`` (with ``--baseline-src``, the ``src`` directory of a checkout of the earlier
  columnar path, e.g. ``git worktree add /tmp/base 7c9c88b``): its ``read_dossier_table`` +
  ``measure_table`` once per quarter (it has no units).

Plain script, not a test::

    python benchmarks/bench_bulk.py [--rows N] [--repeat K] [--baseline-src DIR]

Targets: engine ≤ 1.5x the Polars script's time, ≥ 5x faster than the earlier path, peak
memory ≤ 1.3x the Polars script's.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

N_ROWS = 1_000_000

NAIVE = """
import sys
import polars as pl
df = pl.read_csv(sys.argv[1], infer_schema=False,
                 columns=["MaDonVi", "NgayHenTra", "NgayKetThucXuLy"])
fin = pl.col("NgayKetThucXuLy").str.strptime(pl.Datetime("us"), "%d/%m/%Y %H:%M:%S", strict=False)
app = pl.col("NgayHenTra").str.strptime(pl.Date, "%d/%m/%Y", strict=False)
rate = (fin.dt.date() <= app).sum() / fin.is_not_null().sum()
print(df.group_by("MaDonVi").agg(rate=rate).sort("MaDonVi"))
"""

FLOOR = """
import sys
import polars as pl
df = pl.read_csv(sys.argv[1], infer_schema=False)
fmt = "%d/%m/%Y %H:%M:%S"
moments = ["NgayNopHoSo", "NgayTiepNhan", "NgayKetThucXuLy", "NgayTraKetQua"]
df = df.with_columns(
    **{c: pl.col(c).str.strptime(pl.Datetime("us"), fmt, strict=False) for c in moments},
    NgayHenTra=pl.col("NgayHenTra").str.strptime(pl.Date, "%d/%m/%Y", strict=False),
)
on_time = pl.col("NgayKetThucXuLy").dt.date() <= pl.col("NgayHenTra")
quarter = pl.col("NgayTiepNhan").dt.quarter()
print(df.group_by("MaDonVi", quarter).agg(rate=on_time.mean()).sort("MaDonVi"))
"""

ENGINE = """
import sys
from par_index.formats.columnar_reader import count_dossier_export
from par_index.model.periods import ReportingPeriod
from par_index.service.columnar import Window, finish_counts
windows = Window.of(ReportingPeriod.annual(2023)).split("quarter")
counts, report = count_dossier_export(sys.argv[1], windows, ["unit"])
groups = finish_counts(counts, windows, ["unit"], with_procedures=False)
print(report.accepted, len(groups), dict(groups[0].ratios)["on_time_rate_766"])
"""

EARLIER = """
import sys
from par_index.bulk import measure_table, read_dossier_table
from par_index.periods import ReportingPeriod
with open(sys.argv[1], "rb") as f:
    table, _ = read_dossier_table(f.read())
for q in range(1, 5):
    print(measure_table(table, ReportingPeriod.quarter(2023, q)).on_time_766)
"""


def build_csv(n: int, path: Path, seed: int = 2023) -> None:
    """``n`` dossiers: 5 units, receptions from 15/12/2022 over a year, moments to the second."""
    import numpy as np  # noqa: PLC0415 - the bench extra
    import polars as pl  # noqa: PLC0415 - the bulk extra

    rng = np.random.default_rng(seed)
    day = rng.integers(0, 365, n)
    tod = rng.integers(int(7.5 * 3600), int(17.5 * 3600), n)
    u = rng.random(n)
    status = np.select([u < 0.70, u < 0.80, u < 0.90, u < 0.97], [10, 9, 4, 2], 5)
    duration = rng.integers(600, 25 * 86_400, n)
    received = day * 86_400 + tod
    frame = pl.DataFrame(
        {
            "i": np.arange(n),
            "unit": rng.integers(0, 5, n),
            "proc": rng.integers(0, 40, n),
            "channel": rng.choice([1, 2, 3], n, p=[0.5, 0.45, 0.05]),
            "status": status,
            "rec": received,
            "sub": received - rng.integers(60, 2 * 86_400, n),
            "app": day + rng.integers(3, 21, n),
            "fin": received + duration,
            "ret": received + duration + rng.integers(60, 7_200, n),
            "sup": (rng.random(n) < 0.05) & np.isin(status, [9, 10]),
            "req": received + duration * 3 // 10,
            "done": received + duration * 5 // 10,
            "open": received + rng.integers(600, 5 * 86_400, n),
            "f": rng.integers(0, 16, n),
        }
    )
    epoch = pl.datetime(2022, 12, 15)

    def moment(column: str) -> pl.Expr:
        return (epoch + pl.duration(seconds=pl.col(column))).dt.strftime("%d/%m/%Y %H:%M:%S")

    ended = pl.col("status").is_in([9, 10])
    frame.select(
        MaHoSo=pl.format("H51.{}-{}", pl.col("unit"), pl.col("i")),
        MaTTHC=pl.format("1.00{}", pl.col("proc") + 1000),
        MaDonVi=pl.format("H51.{}", pl.col("unit")),
        KenhThucHien=pl.col("channel"),
        TrangThaiHoSo=pl.col("status"),
        NgayNopHoSo=pl.when(pl.col("channel") == 2).then(moment("sub")),
        NgayTiepNhan=moment("rec"),
        NgayHenTra=(epoch + pl.duration(days=pl.col("app"))).dt.strftime("%d/%m/%Y"),
        NgayKetThucXuLy=pl.when(ended).then(moment("fin")),
        NgayTraKetQua=pl.when(pl.col("status") == 10).then(moment("ret")),
        NgayYeuCauBoSung=pl.when(pl.col("sup"))
        .then(moment("req"))
        .when(pl.col("status") == 5)
        .then(moment("open")),
        NgayHoanThanhBoSung=pl.when(pl.col("sup")).then(moment("done")),
        ThanhToanTrucTuyen=pl.col("f") % 2,
        SoHoa=pl.col("f") // 2 % 2,
        KetQuaDienTu=pl.col("f") // 4 % 2,
        TaiSuDungDuLieu=pl.col("f") // 8 % 2,
    ).write_csv(path)


def run(code: str, path: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak MiB) of ``code`` run on ``path`` in a fresh process."""
    done = subprocess.run(
        ["/usr/bin/time", "-v", sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    assert wall is not None, done.stderr
    assert rss is not None, done.stderr
    hours, minutes, seconds = wall.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return total, int(rss.group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=N_ROWS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline-src", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dossiers.csv"
        build_csv(args.rows, path)
        size = path.stat().st_size / 2**20
        print(f"{args.rows:,} dossiers, {size:.0f} MiB of CSV; median of {args.repeat} runs")
        contenders = {
            "polars": (NAIVE, dict(os.environ)),
            "floor": (FLOOR, dict(os.environ)),
            "engine": (ENGINE, dict(os.environ)),
        }
        if args.baseline_src is not None:
            env = dict(os.environ, PYTHONPATH=str(args.baseline_src.resolve()))
            contenders["earlier"] = (EARLIER, env)
        times: dict[str, list[float]] = {k: [] for k in contenders}
        peaks: dict[str, list[float]] = {k: [] for k in contenders}
        for _ in range(args.repeat):  # interleaved: the machine's load hits all alike
            for name, (code, env) in contenders.items():
                wall, peak = run(code, path, env)
                times[name].append(wall)
                peaks[name].append(peak)
    median_wall = {k: statistics.median(v) for k, v in times.items()}
    median_peak = {k: statistics.median(v) for k, v in peaks.items()}
    print(f"{'':<8} {'wall s':>8} {'peak MiB':>9}  {'time / polars':>13} {'memory / polars':>15}")
    for name in contenders:
        print(
            f"{name:<8} {median_wall[name]:>8.2f} {median_peak[name]:>9.0f}  "
            f"{median_wall[name] / median_wall['polars']:>13.2f} "
            f"{median_peak[name] / median_peak['polars']:>15.2f}"
        )
    if "earlier" in median_wall:
        faster = median_wall["earlier"] / median_wall["engine"]
        print(f"engine is {faster:.1f}x faster than the earlier path")


if __name__ == "__main__":
    main()

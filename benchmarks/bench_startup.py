"""Whole-process start-up: ``par-index --help`` and ``import par_index`` against a bare Python.

Run: ``python benchmarks/bench_startup.py [runs]`` (default 30) in an environment where
par_index is installed. Each command runs as its own process, alternating with the bare
``python -c pass`` so that a drift of the machine's speed hits both; the medians and the
median of the pairwise ratios are printed. Targets: ``par-index --help`` at most 3 times and
``import par_index`` at most 2.5 times a bare start.

The same can be measured with public tools, e.g.
``hyperfine -N 'par-index --help' 'python3 -c pass'``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

BARE = (sys.executable, "-c", "pass")


def _run(command: Sequence[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def compare(command: Sequence[str], runs: int) -> tuple[float, float, float]:
    """Medians of ``command`` and the bare start, and the median pairwise ratio."""
    _run(command), _run(BARE)  # warm the file cache
    mine, bare, ratios = [], [], []
    for _ in range(runs):
        a, b = _run(command), _run(BARE)
        mine.append(a)
        bare.append(b)
        ratios.append(a / b)
    return statistics.median(mine), statistics.median(bare), statistics.median(ratios)


def main(argv: Sequence[str]) -> None:
    runs = int(argv[0]) if argv else 30
    script = shutil.which("par-index")
    cases = {
        "import par_index": ((sys.executable, "-c", "import par_index"), 2.5),
        "par-index --help": (
            (script, "--help") if script else (sys.executable, "-m", "par_index", "--help"),
            3.0,
        ),
    }
    print(f"{'command':<20} {'median ms':>10} {'bare ms':>9} {'ratio':>7} {'target':>7}")
    for name, (command, target) in cases.items():
        mine, bare, ratio = compare(command, runs)
        print(f"{name:<20} {mine * 1e3:>10.1f} {bare * 1e3:>9.1f} {ratio:>7.2f} {target:>7.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])

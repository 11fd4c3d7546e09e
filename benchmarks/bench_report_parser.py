"""Benchmark of the report parser and checker on large texts (linear time).

Run: ``python benchmarks/bench_report_parser.py [megabytes]`` (default 10).

Workloads, each about ``megabytes`` MB of text:

- ``report``: the header of the Ba Trang seed report, its body (sections I–V with every
  figure sentence) repeated until the size is reached, then its closing and signature. One
  huge report with thousands of sections, tens of thousands of blocks and citations.
- ``seeds``: the whole seed report repeated (the first copy is the report; the rest is tail).
- ``hostile``: lines of figure keywords, numbers, bullets and numbered headings in random
  order, no sentence end: every pattern scans the whole text without finding its figure.

For each, the time of :func:`parse_report` and of :func:`check_report` (which parses again)
is printed, then the time per MB at 1/4 of the size, to show that time grows linearly.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from functools import partial

from par_index.examples.ba_trang import ba_trang_text
from par_index.reports.checks import check_report
from par_index.reports.parser import parse_report

SEED = 20240605
_WORDS = (
    "hồ sơ 253 năm 2023 tiếp nhận trả trước hạn quá hạn tỷ lệ 96,83% - + # I. 1. a) không "
    "có văn bản ban hành thiếu máy tính hơn 500 lượt người 4559/QĐ-UBND ngày 22/12/2022"
)
WORDS = tuple(_WORDS.split(" "))


def report_text(size: int) -> str:
    text = ba_trang_text()
    head, rest = text.split("#### **I.", 1)
    body, tail = ("#### **I." + rest).split("Trên đây là báo cáo", 1)
    return head + body * (size // len(body) + 1) + "Trên đây là báo cáo" + tail


def seeds_text(size: int) -> str:
    text = ba_trang_text()
    return text * (size // len(text) + 1)


def hostile_text(size: int) -> str:
    rng = random.Random(SEED)
    lines = ["BÁO CÁO", "Công tác cải cách hành chính quý I năm 2024"]
    total = 0
    while total < size:
        line = " ".join(rng.choice(WORDS) for _ in range(15))
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    size = int(megabytes * 1_000_000)
    print(f"report parser on {megabytes:g} MB texts (Python {sys.version.split()[0]})")
    for name, make in (("report", report_text), ("seeds", seeds_text), ("hostile", hostile_text)):
        text = make(size)
        small = make(size // 4)
        mb, small_mb = len(text) / 1e6, len(small) / 1e6
        parse = timed(partial(parse_report, text))
        check = timed(partial(check_report, text))
        parse_small = timed(partial(parse_report, small))
        print(
            f"  {name:8} {mb:5.1f} MB: parse {parse:6.2f} s ({parse / mb:5.2f} s/MB; "
            f"{parse_small / small_mb:5.2f} s/MB at {small_mb:4.1f} MB), check {check:6.2f} s"
        )


if __name__ == "__main__":
    main()

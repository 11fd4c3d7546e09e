"""Benchmark of WorkCalendar.add_working_days against holidays and numpy.busday_offset.

Run: ``python benchmarks/bench_calendar.py [pairs]`` (default 1,000,000). Needs numpy, which is
a benchmark-only dependency (``pip install numpy``); par_index itself never imports it.

Workload: random (date, n) pairs, dates uniform over 2020-01-01..2030-12-31, n uniform in
0..30, counted on the Vietnamese public-sector calendar (2000–2035).

Contenders:

- ``WorkCalendar.add_working_days`` called in a Python loop (the scalar API);
- ``WorkCalendar.add_working_days_many`` (dates in, dates out) and
  ``WorkCalendar.add_working_days_ordinals`` (ints in, ``array('q')`` out): the columnar paths,
  pure Python over the same O(1) tables;
- ``holidays`` ``HolidayBase.get_nth_working_day``: it walks day by day, so it is timed on a
  sample (20,000 pairs) and the per-call time extrapolated to the full workload;
- ``numpy.busday_offset`` on ``datetime64[D]`` arrays, two ways:

  * exact: weekmask ``1111111`` and ``holidays`` = every non-working day of our calendar
    (weekends not worked, holidays, days off). numpy's weekmask cannot express a single
    worked Saturday (4/5/2024), so this is the only way to give it the same calendar;
  * usual: weekmask ``1111100`` and ``holidays`` = our weekdays off. Faster, but it treats
    worked Saturdays as rest days, so some answers differ (counted below).

  ``roll="backward"`` gives our semantics for n > 0 (the n-th working day strictly after d,
  from a non-working d too). For n == 0 on a non-working day numpy returns the previous
  working day where we return d itself; those pairs are left out of the agreement counts.
  numpy times exclude building the datetime64 arrays (reported separately).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

import holidays
import numpy as np  # type: ignore[import-not-found, unused-ignore]  # bench-only dependency

from par_index.calendar.work_calendar import default_calendar

SEED = 20240426
SAMPLE_FOR_HOLIDAYS = 20_000


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``fn``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def ns_per(seconds: float, count: int) -> str:
    return f"{seconds / count * 1e9:8.1f} ns/pair"


def main(pairs: int) -> None:
    rng = random.Random(SEED)
    start, span = date(2020, 1, 1), (date(2030, 12, 31) - date(2020, 1, 1)).days + 1
    days = [start + timedelta(days=rng.randrange(span)) for _ in range(pairs)]
    ns = [rng.randrange(31) for _ in range(pairs)]
    ordinals = [d.toordinal() for d in days]

    t0 = time.perf_counter()
    cal = default_calendar()
    build = time.perf_counter() - t0
    print(f"pairs: {pairs:,}; calendar 2000–2035 compiled in {build * 1e3:.0f} ms")

    # -- ours ---------------------------------------------------------------------------------
    add = cal.add_working_days

    def scalar_loop() -> list[date]:
        return [add(d, n) for d, n in zip(days, ns, strict=True)]

    ours = scalar_loop()
    t_scalar = best_of(3, scalar_loop)
    t_many = best_of(3, lambda: cal.add_working_days_many(days, ns))
    t_ords = best_of(3, lambda: cal.add_working_days_ordinals(ordinals, ns))
    assert cal.add_working_days_many(days, ns) == ours
    assert list(cal.add_working_days_ordinals(ordinals, ns)) == [d.toordinal() for d in ours]

    # -- holidays -----------------------------------------------------------------------------
    package = holidays.country_holidays("VN", years=range(2019, 2033))
    sample = min(SAMPLE_FOR_HOLIDAYS, pairs)
    nth = package.get_nth_working_day

    def package_loop() -> list[date]:
        return [nth(d, n) for d, n in zip(days[:sample], ns[:sample], strict=True)]

    theirs = package_loop()
    t_pkg_sample = best_of(1, package_loop)
    t_pkg = t_pkg_sample / sample * pairs
    # holidays returns the next working day for n == 0 on a non-working day; we return d.
    comparable = [i for i in range(sample) if ns[i] > 0 or cal.is_working_day(days[i])]
    differing = [i for i in comparable if theirs[i] != ours[i]]
    pkg_disagree = len(differing)
    pkg_span = (
        f"{min(days[i] for i in differing)}..{max(ours[i] for i in differing)}"
        if differing
        else "no pair"
    )

    # -- numpy ----------------------------------------------------------------------------------
    t0 = time.perf_counter()
    np_days = np.array(days, dtype="datetime64[D]")
    np_ns = np.array(ns, dtype=np.int64)
    t_convert = time.perf_counter() - t0
    first, last = cal.first, cal.last
    every_day = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    closed = np.array([d for d in every_day if not cal.is_working_day(d)], dtype="datetime64[D]")
    weekday_off = np.array(
        [d for d in every_day if d.weekday() < 5 and not cal.is_working_day(d)],
        dtype="datetime64[D]",
    )
    exact_cal = np.busdaycalendar(weekmask="1111111", holidays=closed)
    usual_cal = np.busdaycalendar(weekmask="1111100", holidays=weekday_off)

    def numpy_exact() -> object:
        return np.busday_offset(np_days, np_ns, roll="backward", busdaycal=exact_cal)

    def numpy_usual() -> object:
        return np.busday_offset(np_days, np_ns, roll="backward", busdaycal=usual_cal)

    t_np_exact = best_of(3, numpy_exact)
    t_np_usual = best_of(3, numpy_usual)
    ours_np = np.array(ours, dtype="datetime64[D]")
    mask = (np_ns > 0) | np.array([cal.is_working_day(d) for d in days])
    exact_disagree = int(np.count_nonzero((np.asarray(numpy_exact()) != ours_np) & mask))
    usual_disagree = int(np.count_nonzero((np.asarray(numpy_usual()) != ours_np) & mask))

    # -- report ---------------------------------------------------------------------------------
    print()
    print(f"ours  add_working_days (scalar loop)    {t_scalar:7.3f} s  {ns_per(t_scalar, pairs)}")
    print(f"ours  add_working_days_many (dates)     {t_many:7.3f} s  {ns_per(t_many, pairs)}")
    print(f"ours  add_working_days_ordinals (ints)  {t_ords:7.3f} s  {ns_per(t_ords, pairs)}")
    print(
        f"holidays get_nth_working_day           {t_pkg:7.3f} s  {ns_per(t_pkg, pairs)}"
        f"  (timed on {sample:,} pairs, extrapolated)"
    )
    print(
        f"numpy busday_offset, exact calendar    {t_np_exact:7.3f} s  {ns_per(t_np_exact, pairs)}"
    )
    print(
        f"numpy busday_offset, usual weekmask    {t_np_usual:7.3f} s  {ns_per(t_np_usual, pairs)}"
    )
    print(f"numpy: building the datetime64 arrays  {t_convert:7.3f} s  {ns_per(t_convert, pairs)}")
    print()
    print("speed-ups (their time / our time; > 1 means ours is faster):")
    print(f"  holidays / ours scalar                  {t_pkg / t_scalar:8.1f}x   target >= 20x")
    print(f"  numpy exact calendar / ours scalar      {t_np_exact / t_scalar:8.2f}x")
    print(f"  numpy exact calendar / ours ordinals    {t_np_exact / t_ords:8.2f}x")
    print("slow-downs (our time / numpy usual weekmask; target <= 4x):")
    print(f"  ours scalar                             {t_scalar / t_np_usual:8.2f}x")
    print(f"  ours many (dates)                       {t_many / t_np_usual:8.2f}x")
    print(f"  ours ordinals (ints)                    {t_ords / t_np_usual:8.2f}x")
    print(
        "  ours many vs numpy incl. building arrays "
        f"{t_many / (t_np_usual + t_convert):7.2f}x  (for callers holding Python dates)"
    )
    print()
    print("agreement with ours (pairs with n > 0 or a working start day):")
    print(f"  holidays: {pkg_disagree:,} of {len(comparable):,} differ", end="")
    print(f" (all within {pkg_span}: its table lacks the 2/1 and 10/1/2026 swap)")
    print(f"  numpy exact: {exact_disagree:,} of {int(mask.sum()):,} differ")
    print(f"  numpy usual: {usual_disagree:,} of {int(mask.sum()):,} differ (worked Saturdays)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)

"""The columnar engine: windows by hand, and the scalar path as the reference by property."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time
from typing import cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.calendar import CalendarRangeError, default_calendar
from par_index.examples.ba_trang import (
    ba_trang_synthetic_dossiers,
    ba_trang_synthetic_procedures,
)
from par_index.model.dossiers import Dossier, DossierStatus
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure, TimeLimit
from par_index.model.ratios import Ratio
from par_index.service.columnar import (
    DossierTable,
    GroupMeasures,
    Window,
    WindowKind,
    combine_counts,
    finish_counts,
    measure_groups,
    measure_table,
    partition_counts,
)
from par_index.service.measures import DossierMeasures, measure_dossiers
from par_index.service.timeliness import Timeliness

UNITS = ["H21.65", "H21.66", "51"]
CODES = ["1.000001", "1.000002", "2.000003"]
# 2023 around Tết and 30/4–1/5, and 2024 around the swap of Mon 29/4 (off) with Sat 4/5
# (worked): CV 2450/VPCP-KGVX of 12/4/2024.
STARTS = pst.moments(min_value=datetime(2022, 11, 1), max_value=datetime(2023, 6, 30)) | (
    pst.moments(min_value=datetime(2024, 3, 1), max_value=datetime(2024, 6, 30))
)
PERIODS = st.sampled_from(
    [
        ReportingPeriod.half_year(2023),
        ReportingPeriod.quarter(2023, 1),
        ReportingPeriod.quarter(2024, 2),
        ReportingPeriod.month(2024, 5),
    ]
)
# Time limits in working days with a 15:00 cut-off (certified copies: received after 15:00,
# counted from the next working day), or any limit and cut-off the strategy draws.
CUTOFF_15 = pst.procedures(
    limits=st.builds(TimeLimit.parse, st.sampled_from(["1 ngày làm việc", "3 ngày làm việc"]))
).map(lambda p: attrs.evolve(p, cutoff=time(15, 0)))


def _coded(code: str) -> st.SearchStrategy[Procedure]:
    return (CUTOFF_15 | pst.procedures()).map(lambda p: attrs.evolve(p, code=code))


PROCEDURES = st.tuples(*(_coded(code) for code in CODES)).map(lambda ps: {p.code: p for p in ps})


@st.composite
def dossier_sets(draw: st.DrawFn) -> tuple[list[Dossier], dict[str, Procedure]]:
    procedures = draw(PROCEDURES)
    dossiers = draw(
        st.lists(
            pst.dossiers(
                start=STARTS,
                procedures=list(procedures.values()),
                unit_codes=st.sampled_from(UNITS),
                judgeable=True,
            ),
            max_size=12,
        )
    )
    return dossiers, procedures


# --------------------------------------------------------------------------- windows


def test_windows_by_hand() -> None:
    q1 = ReportingPeriod.quarter(2023, 1)
    # NĐ 09/2019/NĐ-CP Điều 12: from the 15th of the month before the period to the 14th of
    # its last month.
    cut = Window.of(q1)
    assert (cut.start, cut.end, cut.kind) == (date(2022, 12, 15), date(2023, 3, 14), "cut_off")
    assert cut.label() == "Quý I năm 2023 (chốt số liệu 15/12/2022–14/03/2023, NĐ 09/2019/NĐ-CP)"
    cal = Window.of(q1, WindowKind.CALENDAR)
    assert (cal.start, cal.end) == (date(2023, 1, 1), date(2023, 3, 31))
    assert cal.label("en") == "Q1 2023 (calendar 2023-01-01–2023-03-31)"
    year = Window.of(ReportingPeriod.annual(2024), WindowKind.CALENDAR)
    months = year.split("month")
    assert len(months) == 12
    assert (months[1].start, months[1].end) == (date(2024, 2, 1), date(2024, 2, 29))
    assert [w.period for w in year.split("quarter")] == [
        ReportingPeriod.quarter(2024, q) for q in range(1, 5)
    ]
    assert Window.of(ReportingPeriod.half_year(2023)).split("quarter")[1].end == date(2023, 6, 14)
    assert Window.of(ReportingPeriod.nine_months(2023)).split("year")[0].end == date(2023, 12, 14)
    custom = Window.custom(date(2023, 5, 1), date(2023, 5, 31))
    assert custom.label("en") == "2023-05-01–2023-05-31"
    for bad in (
        lambda: Window.custom(date(2023, 5, 2), date(2023, 5, 1)),
        lambda: custom.split("quarter"),
        lambda: cut.split("week"),
        lambda: Window.of(q1, WindowKind.CUSTOM),
    ):
        with pytest.raises(ValueError, match=r"\w"):
            bad()


def test_grouped_measures_of_the_example_by_hand() -> None:
    """Ba Trang's six-month report: 245 of 253 dossiers returned early or on time."""
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    h1 = Window.of(ReportingPeriod.half_year(2023))
    (whole,) = measure_groups(table, [h1], ["unit"])
    assert whole.keys == (("unit", "UBND-BATRANG"),)
    assert dict(whole.ratios)["early_or_on_time_rate"] == Ratio(245, 253)
    quarters = measure_groups(table, h1.split("quarter"), ["unit"])
    # The windows 15/12/2022–14/3/2023 and 15/3–14/6/2023 share dossiers open across them.
    assert [g.counted for g in quarters] == [125, 129]
    assert quarters[0].dossier_measures().period == ReportingPeriod.quarter(2023, 1)
    calendar = Window.of(ReportingPeriod.quarter(2023, 1), WindowKind.CALENDAR)
    (cal,) = measure_groups(table, [calendar])
    with pytest.raises(ValueError, match="cut-off"):
        cal.dossier_measures()
    with pytest.raises(ValueError, match="group keys"):
        measure_groups(table, [h1], ["colour"])
    with pytest.raises(ValueError, match="field"):
        measure_groups(table, [h1], ["field"])
    empty = measure_table(DossierTable.concat([]), ReportingPeriod.quarter(2023, 1))
    assert empty.counted == 0
    assert empty.on_time_766 == Ratio(0, 0)


def test_calendar_range_errors_are_the_scalar_paths() -> None:
    d = ba_trang_synthetic_dossiers()[0]
    assert d.received_at is not None
    old = attrs.evolve(
        d,
        received_at=d.received_at.replace(year=1998),
        submitted_at=None,
        finished_at=None,
        returned_at=None,
        status=DossierStatus.IN_PROGRESS,
    )
    period = ReportingPeriod.quarter(2023, 1)
    with pytest.raises(CalendarRangeError):
        measure_dossiers([old], period)
    with pytest.raises(CalendarRangeError):
        measure_table(DossierTable.from_dossiers([old]), period)


# --------------------------------------------------------------------------- the reference


def scalar(ds: list[Dossier], window: Window, procedures: dict[str, Procedure]) -> DossierMeasures:
    """The scalar measures over any window (they read only the period's first and last day)."""

    @attrs.frozen
    class Days:
        start: date
        end: date

    period = window.period if window.kind is WindowKind.CUT_OFF else Days(window.start, window.end)
    return measure_dossiers(ds, cast(ReportingPeriod, period), procedures=procedures)


def same(group: GroupMeasures, m: DossierMeasures) -> None:
    assert group.counted == m.counted
    assert group.by_timeliness == m.by_timeliness
    assert group.by_status == m.by_status
    assert group.by_channel == m.by_channel
    assert dict(group.ratios) == m.ratios()
    assert group.average_working_days == m.average_working_days


@settings(max_examples=50)
@given(dossier_sets(), PERIODS, st.sampled_from(list(WindowKind)[:2]))
def test_groups_equal_the_scalar_path(
    drawn: tuple[list[Dossier], dict[str, Procedure]], period: ReportingPeriod, kind: WindowKind
) -> None:
    """Swap days, supplement pauses, 15:00 cut-offs, dossiers open at the end of the window:
    per unit and per month of the period, the engine's figures are the scalar path's."""
    ds, procedures = drawn
    table = DossierTable.from_dossiers(ds)
    base = Window.of(period, kind)
    windows = base.split("month")
    groups = measure_groups(table, windows, ["unit"], procedures=procedures)
    found = {(g.window, dict(g.keys)["unit"]): g for g in groups}
    for window in windows:
        for unit in UNITS:
            mine = [d for d in ds if d.unit_code == unit]
            reference = scalar(mine, window, procedures)
            group = found.pop((window, unit), None)
            if group is None:
                assert reference.counted == 0
                continue
            same(group, reference)
            if kind is WindowKind.CUT_OFF:
                assert group.dossier_measures() == reference
    assert not found
    (whole,) = measure_groups(table, [base], procedures=procedures) or (None,)
    reference = scalar(ds, base, procedures)
    if whole is None:
        assert reference.counted == 0
    else:
        same(whole, reference)


@settings(max_examples=20)
@given(dossier_sets(), st.lists(st.integers(0, 12), max_size=3))
def test_partition_counts_add_up(
    drawn: tuple[list[Dossier], dict[str, Procedure]], cuts: list[int]
) -> None:
    ds, procedures = drawn
    windows = Window.of(ReportingPeriod.annual(2023)).split("quarter")
    by = ["unit", "procedure", "channel"]
    bounds = [0, *sorted(min(c, len(ds)) for c in cuts), len(ds)]
    parts = [
        partition_counts(
            DossierTable.from_dossiers(ds[a:b]).frame, windows, by, procedures=procedures
        )
        for a, b in itertools.pairwise(bounds)
    ]
    whole = DossierTable.from_dossiers(ds)
    assert finish_counts(
        combine_counts(parts, by), windows, by, with_procedures=True
    ) == measure_groups(whole, windows, by, procedures=procedures)
    assert DossierTable.concat(DossierTable.from_dossiers(ds[a:b]) for a, b in [(0, 0)]) == (
        DossierTable.from_dossiers([])
    )


def test_attribute_columns_group_figures() -> None:
    ds = ba_trang_synthetic_dossiers()
    fields = ["Hộ tịch" if d.procedure_code == "9.000001" else "Chứng thực" for d in ds]
    table = DossierTable.from_dossiers(ds, {"field": fields})
    h1 = Window.of(ReportingPeriod.half_year(2023))
    groups = measure_groups(table, [h1], ["field"], procedures=ba_trang_synthetic_procedures())
    assert sum(g.counted for g in groups) == 253
    assert {dict(g.keys)["field"] for g in groups} == {"Hộ tịch", "Chứng thực"}
    assert all(t in (k for k, _ in g.by_timeliness) for g in groups for t in [Timeliness.LATE])
    assert default_calendar() is default_calendar()

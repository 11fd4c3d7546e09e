"""The columnar path equals the scalar one: same rows accepted, same problems, same measures."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.examples.ba_trang import (
    ba_trang_synthetic_dossiers,
    ba_trang_synthetic_procedures,
    example_path,
)
from par_index.exceptions import LoadError
from par_index.formats import columnar_reader
from par_index.formats._exports import CSV_COLUMNS, read_row
from par_index.formats.columnar_reader import read_dossier_table
from par_index.formats.portal import loads_dossiers_csv
from par_index.model.dossiers import VN_TZ, Dossier, SupplementRequest
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.model.ratios import Ratio
from par_index.service.columnar import DossierTable, measure_table
from par_index.service.measures import DossierMeasures, measure_dossiers
from par_index.service.timeliness import TimelinessError

H1_2023 = ReportingPeriod.half_year(2023)
PERIODS = st.sampled_from(
    [
        H1_2023,
        ReportingPeriod.quarter(2023, 1),
        ReportingPeriod.quarter(2023, 2),
        ReportingPeriod.quarter(2022, 4),
        ReportingPeriod.nine_months(2023),
    ]
)
EXAMPLE = "ba-trang-2023-h1.synthetic-dossiers.csv"
PROCEDURE_CODES = ["1.000001", "1.000002", "2.000003"]
START = pst.moments(min_value=datetime(2022, 10, 1), max_value=datetime(2023, 7, 1))
DOSSIERS = pst.dossiers(start=START, procedure_codes=st.sampled_from(PROCEDURE_CODES))
WITH_APPOINTMENT = DOSSIERS.filter(lambda d: d.appointment_at is not None or d.received_at is None)


def example_text() -> str:
    return example_path(EXAMPLE).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- reader


def test_example_reads_to_the_scalar_table_without_the_scalar_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    scalar = read_row

    def spy(*args: Any) -> Any:
        calls.append(args[2])
        return scalar(*args)

    monkeypatch.setattr("par_index.formats.columnar_reader.read_row", spy)
    table, rejected = read_dossier_table(example_text(), source=EXAMPLE)
    assert rejected == ()
    assert calls == []  # every row took the fast path
    assert table == DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    assert len(table) == 253
    procedures = table.frame.get_column("procedure").unique(maintain_order=True).to_list()
    assert procedures == ["9.000001", "9.000004", "9.000002", "9.000003"]


def test_large_exports_are_flushed_to_columns_in_order() -> None:
    header, *rows = example_text().splitlines()
    lines = [header]
    for rep in range(160):  # 40,480 rows: more than one flush of pending rows
        lines += [f"{row.split(',', 1)[0]}-{rep},{row.split(',', 1)[1]}" for row in rows]
    text = "\n".join(lines) + "\n"
    table, rejected = read_dossier_table(text)
    assert rejected == ()
    assert len(table) == 253 * 160
    assert table == DossierTable.from_dossiers(loads_dossiers_csv(text).records)


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        ("crlf", lambda lines: "\r\n".join(lines) + "\r\n"),
        ("no final newline", "\n".join),
        (
            "blank lines",
            lambda lines: "\n".join([*lines[:40], "", *lines[40:90], "\r", *lines[90:]]),
        ),
        (
            "short and long rows",
            lambda lines: (
                "\n".join([*lines[:50], "A,1", *lines[50:120], lines[120] + ",x", *lines[121:]])
                + "\n"
            ),
        ),
        ("semicolons", lambda lines: "\n".join(line.replace(",", ";") for line in lines) + "\n"),
    ],
)
def test_blocks_of_lines_read_as_the_whole(
    name: str, shape: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file read in blocks of lines (here of 2 KB) gives the rows, rejected rows and row
    numbers of the scalar loader, whatever the line ends, blank or faulty lines."""
    monkeypatch.setattr(columnar_reader, "_BLOCK", 2048)
    lines = example_text().splitlines()
    text = shape(lines)
    assert_same_load(text)
    table, _ = read_dossier_table(text.encode(), partial=True)
    assert len(table) >= 250, name


def test_cells_with_surrounding_white_space() -> None:
    """Every cell padded with spaces, tabs or no-break spaces: read as the scalar loader reads
    them (the engine strips a column again only where its cells fail)."""
    lines = example_text().splitlines()
    pads = [" ", "\t", "\u00a0", "  "]
    padded = [lines[0]] + [
        ",".join(
            f"{pads[i % 4]}{cell}{pads[(i + j) % 4]}" for j, cell in enumerate(line.split(","))
        )
        for i, line in enumerate(lines[1:])
    ]
    text = "\n".join(padded) + "\n"
    assert_same_load(text)
    table, rejected = read_dossier_table(text)
    assert rejected == ()
    assert table == read_dossier_table(example_text())[0]


def test_bytes_bom_and_header_errors_are_the_scalar_loaders() -> None:
    text = example_text()
    table, _ = read_dossier_table(("\ufeff" + text).encode())
    assert len(table) == 253
    for bad in ("", "MaHoSo,Foo\n", "MaHoSo,MaHoSo\n"):
        with pytest.raises(LoadError) as fast:
            read_dossier_table(bad)
        with pytest.raises(LoadError) as slow:
            loads_dossiers_csv(bad)
        assert fast.value.problems == slow.value.problems
    # Bytes that are neither UTF-8, UTF-16 nor Windows-1258 (0x81 is undefined in it).
    with pytest.raises(LoadError) as wrong:
        read_dossier_table(b"\x81\x8a")
    assert [p.code for p in wrong.value.problems] == ["bad-encoding"]


def test_unit_code_option_and_ignored_columns() -> None:
    rows = ["MaHoSo,MaTTHC,KenhThucHien,TrangThaiHoSo,NgayTiepNhan,GhiChu,Extra"]
    rows.append("A1,1.1,1,2,15/12/2022 08:00,note,?")
    text = "\n".join(rows) + "\n"
    for unit in ("U1", " U1", ""):
        fast = read_dossier_table(text, unit_code=unit, extra_columns="ignore", partial=True)
        slow = loads_dossiers_csv(text, unit_code=unit, extra_columns="ignore", partial=True)
        assert fast == (DossierTable.from_dossiers(slow.records), slow.rejected)


def test_strict_mode_raises_the_scalar_error() -> None:
    text = example_text().replace(",1,10,,15/12/2022 08:00", ",1,10,,15/13/2022 08:00", 1)
    with pytest.raises(LoadError) as fast:
        read_dossier_table(text, source="x.csv")
    with pytest.raises(LoadError) as slow:
        loads_dossiers_csv(text, source="x.csv")
    assert fast.value.problems == slow.value.problems
    assert str(fast.value) == str(slow.value)
    table, rejected = read_dossier_table(text, partial=True)
    assert len(table) == 252
    assert [r.location for r in rejected] == ["row 2"]


# Rendering dossiers as CSV rows, in every form the loader reads, then corrupting them.

HEADER = list(CSV_COLUMNS)
MOMENT_FIELDS = {
    "NgayNopHoSo": "submitted_at",
    "NgayTiepNhan": "received_at",
    "NgayHenTra": "appointment_at",
    "NgayKetThucXuLy": "finished_at",
    "NgayTraKetQua": "returned_at",
}
FLAG_FIELDS = {
    "ThanhToanTrucTuyen": "paid_online",
    "SoHoa": "digitised",
    "KetQuaDienTu": "electronic_result",
    "TaiSuDungDuLieu": "reused_data",
}
ODD_MOMENTS = [
    "",
    " ",
    "31/02/2023",
    "15/12/2022 25:00",
    "garbage",
    "2023-01-05",
    "2023-01-05T08:00:00.5+09:00",
    "20230105083000",
    "1/1/1970",
    "01/01/1960 10:00",
    "0001-01-01T00:00:00+05:00",
    "15/12/2022 08:00",
    "16/12/2022",
    # forms the engine reads itself, at their edges: a leap second, the first moment of
    # UTC+7, a five-digit year, separators the scalar rules do not take
    "2023-01-05 08:00:00",
    "2023-01-05T08:00:60",
    "20230105083060",
    "31/12/1975 23:59:59",
    "01/01/1976 00:00:00",
    "5/01/20230 08:00:00",
    "05/01/2023\t08:00:00",
    "05-01-2023 08:00:00",
]


@st.composite
def render_moment(draw: st.DrawFn, moment: datetime | None, *, day_only: bool = False) -> str:
    if moment is None:
        return draw(st.sampled_from(["", "", " "]))
    local = moment.astimezone(VN_TZ)
    forms = [
        f"{local:%d/%m/%Y %H:%M:%S}",
        f"{local.day}/{local.month}/{local.year} {local:%H:%M:%S}",
        local.isoformat(),
        moment.astimezone(timezone(timedelta(hours=-3))).isoformat(),
        f"{local:%Y%m%d%H%M%S}",
        f"{local:%Y-%m-%d %H:%M:%S}",
        f"{local:%Y-%m-%dT%H:%M:%S}",
    ]
    if day_only:
        forms += [f"{local:%d/%m/%Y}", f"{local:%Y-%m-%d}"]
    return draw(st.sampled_from(forms))


@st.composite
def csv_rows(draw: st.DrawFn) -> list[str]:
    d: Dossier = draw(DOSSIERS)
    cells = {
        "MaHoSo": d.code,
        "MaTTHC": d.procedure_code,
        "MaDonVi": d.unit_code,
        "KenhThucHien": str(int(d.channel)),
        "TrangThaiHoSo": str(int(d.status)),
    }
    for column, field in MOMENT_FIELDS.items():
        cells[column] = draw(render_moment(getattr(d, field), day_only=column == "NgayHenTra"))
    requested = [draw(render_moment(s.requested_at)) for s in d.supplements]
    completed = [draw(render_moment(s.completed_at)) for s in d.supplements]
    while completed and not completed[-1].strip() and draw(st.booleans()):
        completed.pop()
    cells["NgayYeuCauBoSung"] = ";".join(requested)
    cells["NgayHoanThanhBoSung"] = ";".join(completed)
    for column, field in FLAG_FIELDS.items():
        value = getattr(d, field)
        cells[column] = draw(
            st.sampled_from(
                ["1", "true", "có", "x", "X", "Có", " 1"] if value else ["0", "", "không", "FALSE"]
            )
        )
    rendered = list(cells.values())
    # Corrupt some cells: another value of the row (breaks order rules) or an odd one.
    for column in draw(st.lists(st.sampled_from(HEADER), max_size=3, unique=True)):
        kind = CSV_COLUMNS[column].kind
        pool: list[str]
        if kind == "text":
            pool = ["", " ", "X1", " X2 "]
        elif kind == "channel":
            pool = ["0", "1", "2", "3", "4", "02", " 2 ", "x", ""]
        elif kind == "status":
            pool = [str(s) for s in range(12)] + ["05", "", "1.0"]
        elif kind == "flag":
            pool = ["maybe", "2", "không", "KHÔNG", " x ", ""]
        elif kind == "moments":
            pool = [";", ";;", "15/12/2022 08:00;", ";15/12/2022", "a;b", *rendered[5:10]]
            pool += [f"{a};{b}" for a in rendered[5:10] for b in rendered[5:10] if a and b]
        else:
            pool = ODD_MOMENTS + [c for c in rendered[5:10] if c]
        cells[column] = draw(st.sampled_from(pool))
    return list(cells.values())


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    rows = draw(st.lists(csv_rows(), max_size=8))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for i, row in enumerate(rows):
        if row[0].strip():  # codes are unique: duplicates are a policy of their own
            row[0] = f"{row[0]}-{i}"
        shape = draw(st.sampled_from(["plain"] * 8 + ["short", "long", "blank"]))
        if shape == "blank":
            writer.writerow([" "] * len(HEADER))
        writer.writerow({"short": row[:-1], "long": [*row, ""]}.get(shape, row))
    return out.getvalue()


def assert_same_load(text: str) -> None:
    slow = loads_dossiers_csv(text, partial=True)
    table, rejected = read_dossier_table(text, partial=True)
    assert rejected == slow.rejected
    assert table == DossierTable.from_dossiers(slow.records)


@settings(max_examples=100, deadline=None)
@given(csv_texts())
def test_fast_reader_accepts_and_rejects_as_the_scalar_loader(text: str) -> None:
    assert_same_load(text)
    slow = loads_dossiers_csv(text, partial=True)
    if slow.complete:
        read_dossier_table(text)
    else:
        with pytest.raises(LoadError) as fast:
            read_dossier_table(text)
        assert fast.value.problems == slow.problems


@pytest.mark.parametrize(
    "row",
    [
        # status 1 must be online, submitted and not received
        "A,1.1,U,1,1,15/12/2022 08:00,,,,,,,,,,",
        "A,1.1,U,2,1,,,,,,,,,,,",
        "A,1.1,U,2,1,15/12/2022 08:00,15/12/2022 09:00,,,,,,,,,",
        # order rules
        "A,1.1,U,1,2,16/12/2022 08:00,15/12/2022 08:00,,,,,,,,,",
        "A,1.1,U,1,2,,15/12/2022 08:00,14/12/2022,,,,,,,,",
        "A,1.1,U,1,9,,15/12/2022 08:00,,14/12/2022 08:00,,,,,,,",
        "A,1.1,U,1,10,,15/12/2022 08:00,,16/12/2022 08:00,15/12/2022 08:00,,,,,,",
        # statuses and their moments
        "A,1.1,U,1,4,,15/12/2022 08:00,,16/12/2022 08:00,,,,,,,",
        "A,1.1,U,1,9,,15/12/2022 08:00,,,,,,,,,",
        "A,1.1,U,1,9,,15/12/2022 08:00,,16/12/2022 08:00,16/12/2022 09:00,,,,,,",
        "A,1.1,U,1,3,,,,,,,,,,,",
        # supplements
        "A,1.1,U,1,5,,15/12/2022 08:00,,,,16/12/2022 08:00,,,,,",
        "A,1.1,U,1,5,,15/12/2022 08:00,,,,,,,,,",
        "A,1.1,U,1,4,,15/12/2022 08:00,,,,16/12/2022 08:00,,,,,",
        "A,1.1,U,1,4,,15/12/2022 08:00,,,,16/12/2022 08:00,15/12/2022 09:00,,,,",
        "A,1.1,U,1,4,,15/12/2022 08:00,,,,14/12/2022 08:00,14/12/2022 09:00,,,,",
        "A,1.1,U,1,5,,15/12/2022 08:00,,,,16/12/2022 08:00;17/12/2022,17/12/2022 08:00,,,,",
        "A,1.1,U,1,5,,15/12/2022 08:00,,,,16/12/2022 08:00;16/12/2022 09:00,,,,,",
        "A,1.1,U,1,9,,15/12/2022 08:00,,16/12/2022,,16/12/2022 08:00,17/12/2022,,,,",
        "A,1.1,U,1,4,,15/12/2022 08:00,,,,;16/12/2022,,,,,",
        "A,1.1,U,1,4,,15/12/2022 08:00,,,,16/12/2022,16/12/2022;17/12/2022,,,,",
        "A,1.1,U,1,7,,15/12/2022 08:00,,16/12/2022,,16/12/2022 08:00,,,,,",
        # a moment from the years when Vietnam was not on UTC+7 takes the scalar path
        "A,1.1,U,1,2,01/01/1960 10:00,01/01/1960 10:30,,,,,,,,,",
        "A,1.1,U,1,2,01/01/1960 10:00,01/01/1960T02:00:00+00:00,,,,,,,,,",
        # flags
        "A,1.1,U,1,2,,15/12/2022 08:00,,,,,,KHÔNG, X ,True,maybe",
    ],
)
def test_rules_of_the_dossier_model(row: str) -> None:
    assert_same_load(",".join(HEADER) + "\n" + row + "\n")


# --------------------------------------------------------------------------- measures


def test_example_measures_equal_the_scalar_ones() -> None:
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers())
    procedures = ba_trang_synthetic_procedures()
    for period in (H1_2023, ReportingPeriod.quarter(2023, 3), ReportingPeriod.nine_months(2023)):
        for procs in (None, procedures):
            fast = measure_table(table, period, procedures=procs)
            assert fast == measure_dossiers(ba_trang_synthetic_dossiers(), period, procedures=procs)
    assert measure_table(table, H1_2023).early_or_on_time == Ratio(245, 253)


@settings(max_examples=50, deadline=None)
@given(st.lists(WITH_APPOINTMENT, max_size=12), PERIODS)
def test_measures_equal_the_scalar_path(ds: list[Dossier], period: ReportingPeriod) -> None:
    assert measure_table(DossierTable.from_dossiers(ds), period) == measure_dossiers(ds, period)


PROCEDURES = st.tuples(*(pst.procedures(codes=st.just(code)) for code in PROCEDURE_CODES)).map(
    lambda ps: {p.code: p for p in ps}
)


@settings(max_examples=40, deadline=None)
@given(st.lists(DOSSIERS, max_size=10), PERIODS, PROCEDURES)
def test_time_limits_and_procedure_measures_equal_the_scalar_path(
    ds: list[Dossier], period: ReportingPeriod, procedures: dict[str, Procedure]
) -> None:
    table = DossierTable.from_dossiers(ds)
    assert measure_table(table, period, procedures=procedures) == measure_dossiers(
        ds, period, procedures=procedures
    )


def test_missing_appointments_are_listed_as_the_scalar_path_lists_them() -> None:
    ds = [attrs.evolve(d, appointment_at=None) for d in ba_trang_synthetic_dossiers()[:3]]
    with pytest.raises(TimelinessError) as fast:
        measure_table(DossierTable.from_dossiers(ds), H1_2023)
    with pytest.raises(TimelinessError) as slow:
        measure_dossiers(ds, H1_2023)
    assert fast.value.problems == slow.value.problems
    assert len(fast.value.problems) == 3
    with pytest.raises(TimelinessError) as unknown:
        measure_table(DossierTable.from_dossiers(ds), H1_2023, procedures={})
    assert [p.code for p in unknown.value.problems] == ["unknown-procedure"] * len(
        {d.procedure_code for d in ds}
    )
    wrong = dict.fromkeys(
        {d.procedure_code for d in ds}, ba_trang_synthetic_procedures()["9.000001"]
    )
    with pytest.raises(TimelinessError) as fast_mismatch:
        measure_table(DossierTable.from_dossiers(ds), H1_2023, procedures=wrong)
    with pytest.raises(TimelinessError) as slow_mismatch:
        measure_dossiers(ds, H1_2023, procedures=wrong)
    assert fast_mismatch.value.problems == slow_mismatch.value.problems


# --------------------------------------------------------------------------- partitions


def add(parts: Sequence[DossierMeasures], whole: DossierMeasures) -> None:
    assert whole.counted == sum(p.counted for p in parts)
    for name, ratio in whole.ratios().items():
        total: Ratio | None = None
        for p in parts:
            part = p.ratios()[name]
            if part is not None:
                total = part if total is None else total + part
        assert ratio == (total if parts else ratio)
    for kind, count in whole.by_timeliness:
        assert count == sum(p.count(kind) for p in parts)


@settings(max_examples=25, deadline=None)
@given(st.lists(WITH_APPOINTMENT, max_size=12), st.lists(st.integers(0, 12), max_size=3), PERIODS)
def test_partitions_concatenate_and_add_up(
    ds: list[Dossier], cuts: list[int], period: ReportingPeriod
) -> None:
    bounds = [0, *sorted(min(c, len(ds)) for c in cuts), len(ds)]
    chunks = [ds[a:b] for a, b in itertools.pairwise(bounds)]
    tables = [DossierTable.from_dossiers(c) for c in chunks]
    whole = DossierTable.from_dossiers(ds)
    assert DossierTable.concat(tables) == whole
    add([measure_table(t, period) for t in tables], measure_table(whole, period))


def test_table_checks_its_columns() -> None:
    table = DossierTable.from_dossiers(ba_trang_synthetic_dossiers()[:2])
    assert table.frame.get_column("ended_us")[0] is not None
    assert len(DossierTable.concat([])) == 0
    assert DossierTable.from_arrow(table.to_arrow()) == table
    assert table != 1
    with pytest.raises(ValueError, match="channel"):
        DossierTable(table.frame.drop("channel"))
    with pytest.raises(TypeError, match="Dossier"):
        DossierTable.from_dossiers([table])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="DossierTable"):
        DossierTable.concat([table, 1])  # type: ignore[list-item]


def test_supplement_moments_are_kept_for_any_reference_moment() -> None:
    d = ba_trang_synthetic_dossiers()[0]
    assert d.received_at is not None
    req = d.received_at + timedelta(hours=1)
    table = DossierTable.from_dossiers(
        [attrs.evolve(d, supplements=(SupplementRequest(req, req + timedelta(minutes=30)),))]
    )
    row = table.frame.row(0, named=True)
    assert row["supplement_completed_us"][0] - row["supplement_requested_us"][0] == 30 * 60 * 10**6

"""Reading real-shaped exports: encodings, Vietnamese titles, XLSX, Parquet, duplicates, partial
files, and batches that add up to the whole."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import unicodedata
from pathlib import Path

import pytest

from par_index.cli import main
from par_index.examples.ba_trang import (
    ba_trang_synthetic_dossiers,
    ba_trang_synthetic_procedures,
    example_path,
)
from par_index.exceptions import LoadError
from par_index.formats import columnar_reader
from par_index.formats.columnar_reader import (
    count_dossier_export,
    read_dossier_export,
    read_dossier_table,
)
from par_index.formats.portal_columns import TITLES, canonical_column
from par_index.model.periods import ReportingPeriod
from par_index.service.columnar import (
    DossierTable,
    Window,
    finish_counts,
    measure_groups,
    polars_module,
)

EXAMPLE = Path(str(example_path("ba-trang-2023-h1.synthetic-dossiers.csv")))
H1 = Window.of(ReportingPeriod.half_year(2023))


def example_rows() -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(EXAMPLE.read_text("utf-8"))))
    return header, rows


def vietnamese(header: list[str]) -> list[str]:
    """The header as a one-stop system's export titles it."""
    return [TITLES[name][0] if name in TITLES else name for name in header]


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters with ô ơ ư ă â ê đ precomposed, tone
    marks as combining characters."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("windows-1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base, marks = decomposed[0], list(decomposed[1:])
            for mark in marks:  # ô ơ ư ă â ê are letters of the code page
                letter = unicodedata.normalize("NFC", base + mark)
                if len(letter) == 1 and letter.encode("windows-1258", "ignore"):
                    rest = "".join(m for m in marks if m != mark)
                    out += (letter + rest).encode("windows-1258")
                    break
            else:
                out += (base + "".join(marks)).encode("windows-1258")
    return bytes(out)


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def whole() -> DossierTable:
    return DossierTable.from_dossiers(ba_trang_synthetic_dossiers())


def test_titles_are_recognised() -> None:
    assert canonical_column("Mã hồ sơ") == "MaHoSo"
    assert canonical_column("NGÀY HẸN TRẢ") == "NgayHenTra"
    # The old and new placement of the tone mark: "hoá" and "hóa".
    assert canonical_column("Số hoá") == canonical_column("Số hóa") == "SoHoa"
    assert canonical_column("\ufeffmahoso") == "MaHoSo"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "windows-1258"])
def test_encodings_and_vietnamese_titles(encoding: str) -> None:
    header, rows = example_rows()
    text = to_csv([*vietnamese(header), "Ghi chú nội bộ"], [[*r, "ghi chú"] for r in rows])
    data = cp1258(text) if encoding == "windows-1258" else text.encode(encoding)
    export = read_dossier_export(data, name="export.csv")
    assert export.table == whole()
    report = export.report
    assert report.encoding == encoding
    assert (report.rows, report.accepted, report.partial) == (253, 253, False)
    assert ("Mã hồ sơ", "MaHoSo") in report.columns
    assert report.ignored_columns == ("Ghi chú nội bộ",)
    with pytest.raises(LoadError) as strict:
        read_dossier_export(data, extra_columns="error")
    assert [p.code for p in strict.value.problems] == ["unknown-column"]


def test_a_named_encoding_and_a_wrong_one() -> None:
    header, rows = example_rows()
    data = to_csv(header, rows).encode("utf-8")
    assert read_dossier_export(data, encoding="utf-8").table == whole()
    with pytest.raises(LoadError) as wrong:
        read_dossier_export("Mã hồ sơ".encode("utf-16-le"), encoding="ascii")
    assert [p.code for p in wrong.value.problems] == ["bad-encoding"]


def test_xlsx_exports(tmp_path: Path) -> None:
    import openpyxl

    header, rows = example_rows()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "HoSo"
    sheet.append(vietnamese(header))
    moments = {i for i, name in enumerate(header) if name.startswith("Ngay")}
    for row in rows:
        cells: list[object] = []
        for i, cell in enumerate(row):
            # Excel keeps some moments as dates, flags as numbers; both read as text would.
            if i in moments and cell and ";" not in cell:
                day, _, clock = cell.partition(" ")
                d, m, y = (int(x) for x in day.split("/"))
                hh, mm = (int(x) for x in clock.split(":")) if clock else (0, 0)
                from datetime import datetime

                cells.append(datetime(y, m, d, hh, mm) if clock else datetime(y, m, d).date())
            elif cell in ("0", "1"):
                cells.append(int(cell))
            else:
                cells.append(cell)
        sheet.append(cells)
    path = tmp_path / "export.xlsx"
    book.save(path)
    export = read_dossier_export(path)
    assert export.report.format == "xlsx"
    assert export.table == whole()
    sheet.append(["X-1", "9.000001", "UBND-BATRANG", 1, 99])
    book.save(path)
    partial = read_dossier_export(path, partial=True)
    assert partial.report.rejected[0].location == "sheet HoSo, row 255"
    assert read_dossier_export(path.read_bytes(), partial=True).table == whole()


def test_parquet_exports(tmp_path: Path) -> None:
    pl = polars_module()
    header, rows = example_rows()
    text = pl.DataFrame([dict(zip(header, r, strict=True)) for r in rows])
    path = tmp_path / "text.parquet"
    text.write_parquet(path)
    assert read_dossier_export(path).table == whole()
    # Typed columns: moments as timestamps in Vietnam's zone, flags as booleans.
    typed = text.with_columns(
        pl.col("NgayTiepNhan")
        .str.strptime(pl.Datetime("us"), "%d/%m/%Y %H:%M")
        .dt.replace_time_zone("Asia/Ho_Chi_Minh"),
        pl.col("NgayHenTra").str.strptime(pl.Date, "%d/%m/%Y"),
        pl.col("SoHoa") == "1",
    )
    path = tmp_path / "typed.parquet"
    typed.write_parquet(path)
    export = read_dossier_export(path)
    assert export.report.format == "parquet"
    assert export.table == whole()
    # Moments with microseconds on some rows are read exactly, as their ISO text would be.
    finished = pl.col("NgayKetThucXuLy").str.strptime(
        pl.Datetime("us"), "%d/%m/%Y %H:%M", strict=False
    )
    fine = text.with_columns(
        pl.when(pl.int_range(pl.len()) % 2 == 0)
        .then(finished + pl.duration(microseconds=250))
        .otherwise(finished)
        .alias("NgayKetThucXuLy")
    )
    path = tmp_path / "fine.parquet"
    fine.write_parquet(path)
    as_text = fine.with_columns(
        pl.col("NgayKetThucXuLy").dt.strftime("%Y-%m-%dT%H:%M:%S%.6f").fill_null("")
    )
    expected = read_dossier_export(as_text.write_csv().encode()).table
    assert read_dossier_export(path).table == expected
    assert expected != whole()
    with pytest.raises(LoadError) as broken:
        read_dossier_export(b"PAR1 not really")
    assert [p.code for p in broken.value.problems] == ["bad-parquet"]


def test_duplicate_codes_and_partial_files() -> None:
    header, rows = example_rows()
    repeated = [*rows, rows[0], rows[5], rows[0]]
    bad = list(rows[1])
    bad[0], bad[4] = "X-1", "11"  # no status 11
    data = to_csv(header, [*repeated, bad]).encode()
    with pytest.raises(LoadError) as error:
        read_dossier_export(data, partial=True)
    problems = error.value.problems
    assert [(p.path, p.code, p.found) for p in problems] == [
        ("row 255, column MaHoSo", "duplicate-code", rows[0][0]),
        ("row 256, column MaHoSo", "duplicate-code", rows[5][0]),
    ]
    export = read_dossier_export(data, partial=True, duplicates="keep-last")
    report = export.report
    assert [d.places for d in report.duplicates] == [
        ("row 2", "row 255", "row 257"),
        ("row 7", "row 256"),
    ]
    assert report.dropped_duplicates == 3
    assert report.partial
    assert [r.location for r in report.rejected] == ["row 258"]
    assert report.rejected[0].problems[0].path == "row 258, column TrangThaiHoSo"
    assert (report.rows, report.accepted) == (257, 253)
    assert sorted(export.table.codes) == sorted(d.code for d in ba_trang_synthetic_dossiers())


def test_batches_add_up_to_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar_reader, "_BLOCK", 4096)  # many small batches
    header, rows = example_rows()
    rows = [[*r, "Hộ tịch" if r[1] == "9.000001" else "Chứng thực", "xã"] for r in rows]
    bad = list(rows[7])
    bad[0], bad[6] = "X-1", "31/02/2023 08:00"
    rows.insert(100, bad)
    rows.insert(200, ["short", "row"])
    data = to_csv([*header, "Lĩnh vực", "Cấp"], rows).encode()
    shares: list[float] = []
    export = read_dossier_export(data, partial=True, progress=shares.append)
    assert len(shares) > 3
    assert [r.location for r in export.report.rejected] == ["row 102", "row 202"]
    assert export.report.rejected[1].problems[0].code == "cell-count"
    by = ["field", "level"]
    procedures = ba_trang_synthetic_procedures()
    windows = H1.split("quarter")
    counts, report = count_dossier_export(data, windows, by, procedures=procedures, partial=True)
    assert report == export.report
    assert finish_counts(counts, windows, by, with_procedures=True) == measure_groups(
        export.table, windows, by, procedures=procedures
    )
    with pytest.raises(LoadError) as strict:
        read_dossier_export(data)
    assert [p.code for p in strict.value.problems] == ["bad-date", "cell-count"]


def test_the_earlier_signature_reads_text() -> None:
    table, rejected = read_dossier_table(EXAMPLE.read_text("utf-8"))
    assert (table, rejected) == (whole(), ())
    with pytest.raises(LoadError) as missing:
        read_dossier_export(Path("/nonexistent/export.csv"))
    assert [p.code for p in missing.value.problems] == ["unreadable"]


# --------------------------------------------------------------------------- the command


def ten_thousand_rows(tmp_path: Path) -> Path:
    """10,000 rows of the Ba Trang export with fresh codes, Vietnamese titles, 3 bad rows and
    50 codes repeated (a correction appended later in the file)."""
    header, rows = example_rows()
    out: list[list[str]] = []
    for i in range(9_950):
        row = list(rows[i % len(rows)])
        row[0] = f"{row[0]}-{i}"
        out.append(row)
    for i in range(50):
        out.append(list(out[i * 7]))
    for i in (10, 4000, 9000):
        out[i][6] = "15/13/2022 08:00"  # no month 13
    path = tmp_path / "export-10000.csv"
    path.write_text(to_csv(vietnamese(header), out), encoding="utf-8-sig")
    return path


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(args), out=out)
    return status, out.getvalue()


def test_stats_on_a_ten_thousand_row_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ten_thousand_rows(tmp_path)
    common = ("dossiers", "stats", str(path), "--period", "năm 2023", "--by", "unit,quarter")
    status, _ = run(*common)
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("duplicate-code") == 50
    status, _ = run(*common, "--duplicates", "keep-last")
    assert status == 1
    assert capsys.readouterr().err.count("bad-date") == 3
    status, text = run(*common, "--duplicates", "keep-last", "--partial")
    assert status == 0
    assert "10.000 dòng, 9.947 hồ sơ được tính" in text
    assert "Mã hồ sơ → MaHoSo" in text
    assert "Mã hồ sơ trùng: 50 mã, bỏ 50 dòng trước" in text
    assert "3 dòng bị loại:" in text
    assert "row 12, column Ngày tiếp nhận: expected" in text
    assert "Quý I năm 2023 (chốt số liệu 15/12/2022–14/03/2023, NĐ 09/2019/NĐ-CP)" in text
    assert "* Tính trên tệp chưa đầy đủ" in text
    output = tmp_path / "by-unit.json"
    status, text = run(
        *common,
        "--duplicates",
        "keep-last",
        "--partial",
        "--format",
        "json",
        "--output",
        str(output),
    )
    data = json.loads(text)
    assert data == json.loads(output.read_text("utf-8"))
    assert data["schema_version"] == "1"
    assert data["partial"] is True
    single = json.loads(
        run("dossiers", "stats", str(path), "--period", "quý I năm 2023", "--format", "json",
            "--duplicates", "keep-last", "--partial")[1]
    )  # fmt: skip
    assert (single["schema_version"], single["partial"]) == ("1", True)
    assert 0 < single["received"] <= single["counted"]
    assert single["read"]["dropped_duplicates"] == 50
    assert data["read"]["dropped_duplicates"] == 50
    assert len(data["read"]["rejected"]) == 3
    assert [g["window"]["kind"] for g in data["groups"]] == ["cut_off"] * 4
    for suffix in ("csv", "xlsx", "parquet"):
        target = tmp_path / f"by-unit.{suffix}"
        status, text = run(
            *common, "--duplicates", "keep-last", "--partial", "--output", str(target)
        )
        assert status == 0
        assert target.stat().st_size > 0
    pl = polars_module()
    table = pl.read_csv(tmp_path / "by-unit.csv")
    assert table.get_column("partial").to_list() == [True] * 4
    assert table.get_column("window_kind").to_list() == ["cut_off"] * 4
    assert table.get_column("counted").sum() > 9_947  # open dossiers count in each window


def test_stats_windows_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, text = run(
        "dossiers", "stats", str(EXAMPLE), "--period", "năm 2023", "--by", "month",
        "--windows", "calendar", "--lang", "en",
    )  # fmt: skip
    assert status == 0
    assert "Time windows: calendar months, quarters and years." in text
    assert "January 2023 (calendar 2023-01-01–2023-01-31)" in text
    status, text = run(
        "dossiers", "stats", str(EXAMPLE), "--from", "2023-01-01", "--to", "31/03/2023",
        "--by", "procedure,channel", "--procedures",
        str(example_path("ba-trang-2023-h1.synthetic-procedures.json")),
    )  # fmt: skip
    assert status == 0
    assert "Cửa sổ thời gian: từ ngày đến ngày đã chọn." in text
    assert "01/01/2023–31/03/2023" in text
    # A dossier received in 2023 and still open in 2030: nothing received, 4.3 not applicable.
    status, text = run(
        "dossiers", "stats", str(EXAMPLE), "--from", "2030-01-01", "--to", "2030-01-31"
    )
    assert status == 0
    assert "— không áp dụng" in text
    for args in (
        ("--from", "2023-01-01"),
        ("--from", "2023-02-01", "--to", "2023-01-01"),
        ("--period", "năm 2023", "--by", "field"),
        (),
        ("--period", "năm 2023", "--output", str(tmp_path / "x.txt")),
    ):
        assert run("dossiers", "stats", str(EXAMPLE), *args)[0] == 1
    err = capsys.readouterr().err
    assert "window-options" in err
    assert "missing-column" in err
    assert "unknown-format" in err
    with pytest.raises(SystemExit):
        run("dossiers", "stats", str(EXAMPLE), "--by", "colour")
    with pytest.raises(SystemExit):
        run("dossiers", "stats", str(EXAMPLE), "--by", "month,year")


GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_stats_by_unit_and_quarter_golden(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The grouped table of the Ba Trang export; regenerate with PAR_INDEX_REGOLD=1."""
    monkeypatch.chdir(EXAMPLE.parent)
    status, text = run(
        "dossiers", "stats", EXAMPLE.name, "--period", "6 tháng đầu năm 2023",
        "--by", "unit,quarter", "--procedures", "ba-trang-2023-h1.synthetic-procedures.json",
        "--lang", lang,
    )  # fmt: skip
    assert status == 0
    golden = GOLDEN / f"stats-ba-trang-by-unit-quarter.{lang}.txt"
    if os.environ.get("PAR_INDEX_REGOLD"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_progress_bar_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from par_index.cli import dossiers

    args = ("dossiers", "stats", str(EXAMPLE), "--period", "6 tháng đầu năm 2023", "--by", "unit")
    monkeypatch.setattr(dossiers, "_PROGRESS_BYTES", 0)
    quiet = run(*args)[1]
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert run(*args, "--quiet")[1] == quiet
    assert run(*args)[1] == quiet  # the bar goes to standard error
    missing = dossiers._progress(tmp_path / "absent.csv", quiet=False)
    assert missing == (None, None)
    capsys.readouterr()


def test_utf8_is_checked_across_blocks(tmp_path: Path) -> None:
    """ASCII blocks are passed over quickly, but not while a character is left open."""
    block = 1 << 22
    split = b"a" * (block - 1) + "ă".encode() + b"b" * block
    broken = b"a" * (block - 1) + "ă".encode()[:1] + b"b" * block
    (tmp_path / "split.csv").write_bytes(split)
    (tmp_path / "broken.csv").write_bytes(broken)
    assert columnar_reader._streams_as_utf8(tmp_path / "split.csv")
    assert not columnar_reader._streams_as_utf8(tmp_path / "broken.csv")


def test_rejected_rows_past_the_cap_are_counted(tmp_path: Path) -> None:
    """Past 1,000 problems, rejected rows are counted by problem code, not kept (as the
    scalar loaders do): a million bad rows cost kilobytes, and the listing stays readable."""
    header, rows = example_rows()
    bad = []
    for i in range(1100):
        row = list(rows[i % len(rows)])
        row[0], row[4] = f"X-{i}", "11"  # no status 11
        bad.append(row)
    bad.insert(499, ["short", "row"])  # row 501: refused by the careful reader, kept in order
    data = to_csv(header, bad).encode()
    report = read_dossier_export(data, partial=True).report
    assert len(report.rejected) == 1000
    assert report.rejected[499].location == "row 501"
    assert report.rejected[499].problems[0].code == "cell-count"
    assert [r.location for r in report.rejected[:2]] == ["row 2", "row 3"]
    assert report.omitted == (("not-allowed", 101),)
    assert (report.omitted_records, report.rejected_count, report.partial) == (101, 1101, True)
    with pytest.raises(LoadError) as strict:
        read_dossier_export(data)
    assert len(strict.value.problems) == 1000
    assert strict.value.omitted == {"not-allowed": 101}
    path = tmp_path / "cap.csv"
    path.write_bytes(data)
    status, text = run("dossiers", "stats", str(path), "--period", "năm 2023", "--partial")
    assert status == 0
    assert "1.101 dòng bị loại:" in text
    assert "… và 101 lỗi khác không liệt kê (not-allowed 101)" in text
    assert text.count("[not-allowed]") == 999
    status, text = run(
        "dossiers", "stats", str(path), "--period", "năm 2023", "--partial", "--format", "json"
    )
    read = json.loads(text)["read"]
    assert (read["rejected_count"], len(read["rejected"]), read["omitted"]) == (
        1101,
        1000,
        {"not-allowed": 101},
    )

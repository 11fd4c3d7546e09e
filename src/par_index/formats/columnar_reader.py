"""Reading dossier exports (CSV, XLSX, Parquet) into the columnar engine, in batches.

A file is read batch by batch (about 16 MB of text at a time), so memory stays bounded
whatever its size: :func:`count_dossier_export` keeps only the additive counts of each batch
(:func:`~par_index.service.columnar.partition_counts`), :func:`read_dossier_export` keeps the
rows as one :class:`~par_index.service.columnar.DossierTable`.

Each batch is checked on a vectorised fast path with the rules of
:class:`~par_index.model.dossiers.Dossier`; a row that fails any rule, or holds something
unusual (a moment in a form other than dd/mm/yyyy[ HH:MM[:SS]], yyyyMMddHHmmss or ISO 8601
without an offset, a year before 1976 when Vietnam's offset was not UTC+7), is read again by
the scalar rules of :func:`par_index.formats.portal.loads_dossiers_csv`, so accepted rows and
reported problems are the scalar loader's own. Past
:attr:`~par_index.core.limits.Limits.max_problems` problems, rejected rows are counted by
problem code instead of kept, as the scalar loaders count them.

What the reading found is reported (:class:`ExportReport`): the encoding, the columns
recognised by their Vietnamese titles (:mod:`par_index.formats.portal_columns`), the columns
ignored, the rows rejected with their places, and the duplicate dossier codes. Duplicate codes
are an error by default; ``duplicates="keep-last"`` keeps the last row of each code (exports
append corrections) and counts the rows dropped.
"""

from __future__ import annotations

import codecs
import collections
import csv
import io
import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from par_index.calendar.work_calendar import WorkCalendar
from par_index.core.decode import decode_text
from par_index.core.tz import VN_TZ
from par_index.exceptions import LoadError, Problem, Rejected, RejectedRecords
from par_index.formats._exports import (
    CSV_COLUMNS,
    FLAGS,
    parse_vn_moment,
    read_row,
    sniff_delimiter,
    unclosed_quote_rows,
)
from par_index.formats.portal_columns import ATTRIBUTE_COLUMNS, canonical_column
from par_index.model.dossiers import Dossier
from par_index.model.procedures import Procedure
from par_index.service.columnar import (
    _DAY_US,
    _EPOCH,
    _MICROSECOND,
    _VN_OFFSET_US,
    COLUMNS,
    DossierTable,
    Window,
    combine_counts,
    partition_counts,
    polars_module,
)

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "DossierExport",
    "DuplicateCode",
    "Duplicates",
    "ExportReport",
    "count_dossier_export",
    "read_dossier_export",
    "read_dossier_table",
]

#: What to do with rows that repeat a dossier code.
Duplicates = Literal["error", "keep-last"]
Source = str | os.PathLike[str] | bytes

_BAD: Final = -(2**63) + 1  # a cell only the scalar rules can judge
_BLOCK: Final = 1 << 24  # bytes of CSV text per batch (larger blocks cost memory, save passes)
_XLSX_BATCH: Final = 50_000
_COUNT_ROWS: Final = 1 << 17  # valid rows counted at once
_SLOW_ROWS: Final = 8192  # rows read by the scalar rules gathered into one frame
_MOMENTS: Final = {
    "submitted_us": ("NgayNopHoSo", False),
    "received_us": ("NgayTiepNhan", False),
    "appointment_us": ("NgayHenTra", True),
    "finished_us": ("NgayKetThucXuLy", False),
    "returned_us": ("NgayTraKetQua", False),
}
_CODES: Final = frozenset({"MaHoSo", "MaTTHC", "MaDonVi"})
_FLAG_COLUMNS: Final = {
    "paid_online": "ThanhToanTrucTuyen",
    "digitised": "SoHoa",
    "electronic_result": "KetQuaDienTu",
    "reused_data": "TaiSuDungDuLieu",
}


@attrs.frozen
class DuplicateCode:
    """A dossier code found on more than one row.

    Attributes:
        code: the code (MaHoSo).
        places: where each row is ("row 12"), in file order.
        kept: the place kept under ``duplicates="keep-last"``, None under ``"error"``.
    """

    code: str
    places: tuple[str, ...]
    kept: str | None = None
    numbers: tuple[int, ...] = attrs.field(default=(), eq=False, repr=False)


@attrs.frozen
class ExportReport:
    """What reading an export found, to be shown next to any figure computed from it.

    Attributes:
        source: the file's name.
        format: ``csv``, ``xlsx`` or ``parquet``.
        encoding: the text encoding of a CSV file and how it was known
            (``utf-8``, ``utf-8-sig``, ``utf-16``, ``windows-1258``), None otherwise.
        rows: the data rows read (blank lines left out).
        accepted: the rows kept (rejected rows and dropped duplicates left out).
        columns: the columns recognised, as (title in the file, portal field name).
        ignored_columns: the titles of the columns not read.
        rejected: the rows that break a rule, each with every problem and its place.
        duplicates: the codes found on several rows.
        duplicate_policy: ``error`` or ``keep-last``.
        omitted: past :attr:`~par_index.core.limits.Limits.max_problems` problems, the
            problems of the rejected rows not kept in ``rejected``, by code.
        omitted_records: how many rejected rows are counted in ``omitted`` instead of kept.
    """

    source: str
    format: str
    encoding: str | None
    rows: int
    accepted: int
    columns: tuple[tuple[str, str], ...]
    ignored_columns: tuple[str, ...]
    rejected: tuple[Rejected, ...]
    duplicates: tuple[DuplicateCode, ...]
    duplicate_policy: Duplicates = "error"
    omitted: tuple[tuple[str, int], ...] = ()
    omitted_records: int = 0

    @property
    def partial(self) -> bool:
        """Whether some rows were rejected: figures then cover the valid rows only."""
        return bool(self.rejected) or self.omitted_records > 0

    @property
    def rejected_count(self) -> int:
        """Every row rejected, kept in ``rejected`` or counted in ``omitted``."""
        return len(self.rejected) + self.omitted_records

    @property
    def dropped_duplicates(self) -> int:
        """Rows left out because a later row has the same code (``keep-last``)."""
        return sum(len(d.places) - 1 for d in self.duplicates)


@attrs.frozen(eq=False)
class DossierExport:
    """An export read whole: its valid rows as a table and what reading found.

    Attributes:
        table: the valid rows, in file order.
        report: what reading found.
    """

    table: DossierTable
    report: ExportReport


# --------------------------------------------------------------------------- sources


@attrs.frozen
class _Opened:
    name: str
    format: str
    encoding: str | None
    data: bytes | None  # the bytes, or None to read ``path``
    path: Path | None
    size: int


def _open(source: Source, name: str | None, encoding: str | None) -> _Opened:
    if isinstance(source, bytes):
        data: bytes | None = source
        path = None
        head = source[:4]
        size = len(source)
        shown = name or "<bytes>"
    else:
        path = Path(source)
        shown = name or str(path)
        try:
            with path.open("rb") as f:
                head = f.read(4)
            size = path.stat().st_size
        except OSError as exc:
            raise LoadError(
                [Problem("file", "unreadable", "a readable file", exc.strerror or str(exc))],
                source=shown,
            ) from None
        data = None
    if head == b"PAR1":
        return _Opened(shown, "parquet", None, data, path, size)
    if head == b"PK\x03\x04":  # read whole: openpyxl keeps no file open then
        return _Opened(shown, "xlsx", None, data or path.read_bytes(), None, size)  # type: ignore[union-attr]
    if data is None and encoding is None and _streams_as_utf8(path):  # type: ignore[arg-type]
        # UTF-8 on disk is read in blocks, never whole (pyarrow skips a byte-order mark).
        with path.open("rb") as f:  # type: ignore[union-attr]
            bom = f.read(3) == b"\xef\xbb\xbf"
        return _Opened(shown, "csv", "utf-8-sig" if bom else "utf-8", None, path, size)
    raw = data if data is not None else path.read_bytes()  # type: ignore[union-attr]
    text_bytes, used = _utf8(raw, shown, encoding)
    return _Opened(shown, "csv", used, text_bytes, None, size)


def _streams_as_utf8(path: Path) -> bool:
    """Whether the file is UTF-8 (checked in blocks, with bounded memory), not UTF-16."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as f:
        head = f.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            return False  # UTF-16 (its ASCII characters carry a NUL byte)
        f.seek(0)
        try:
            while block := f.read(1 << 22):
                # ASCII is UTF-8, and ten times faster to check, when no character is open.
                if not block.isascii() or decoder.getstate()[0]:
                    decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _utf8(raw: bytes, name: str, encoding: str | None) -> tuple[bytes, str]:
    """The CSV bytes as UTF-8 without a byte-order mark, and the encoding found.

    UTF-8 (with or without a byte-order mark) is taken as it is; anything else goes through
    the library's one door for text (:func:`par_index.core.decode.decode_text`: UTF-16 with
    or without a byte-order mark, Windows-1258, TCVN3, recomposed to NFC), or is read as
    ``encoding`` when given.
    """
    if encoding is not None:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise LoadError(
                [Problem("file", "bad-encoding", f"text in {encoding}", str(exc))], source=name
            ) from None
        return unicodedata.normalize("NFC", text.removeprefix("\ufeff")).encode(), encoding
    if b"\x00" not in raw[:4096]:  # text has no NUL: UTF-16 has one in every ASCII character
        body, used = (raw[3:], "utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else (raw, "utf-8")
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            if used == "utf-8-sig":
                found = f"UTF-8 text broken at byte {exc.start + 3}, after its byte-order mark"
                raise LoadError(
                    [Problem("file", "bad-encoding", "UTF-8 text", found)], source=name
                ) from None
        else:
            return body, used
    decoded = decode_text(raw, source=name)
    return decoded.text.encode(), _ENCODING_NAMES.get(decoded.encoding, decoded.encoding.lower())


#: The names :class:`ExportReport` gives the encodings the door reads.
_ENCODING_NAMES: Final = {
    "UTF-8": "utf-8-sig",
    "UTF-16": "utf-16",
    "UTF-32": "utf-32",
    "Windows-1258": "windows-1258",
    "TCVN3 (ABC)": "tcvn3",
}


# --------------------------------------------------------------------------- raw batches


@attrs.frozen
class _Header:
    titles: tuple[str, ...]  # as in the file
    names: tuple[str, ...]  # portal field names, or the title when not known

    @property
    def fields(self) -> dict[str, str]:
        return dict(zip(self.names, self.titles, strict=True))


def _header(
    titles: Sequence[str], name: str, unit_code: str | None, extra_columns: str
) -> tuple[_Header, tuple[tuple[str, str], ...], tuple[str, ...]]:
    """The header with portal names, the columns recognised and those ignored.

    Raises:
        LoadError: for missing, repeated or (with ``extra_columns="error"``) unknown columns.
    """
    names: list[str] = []
    problems: list[Problem] = []
    recognised: list[tuple[str, str]] = []
    ignored: list[str] = []
    seen: dict[str, str] = {}
    fields = [canonical_column(raw.replace("\ufeff", "").strip()) for raw in titles]
    for required, column in CSV_COLUMNS.items():
        if (
            column.required
            and required not in fields
            and not (required == "MaDonVi" and unit_code is not None)
        ):
            problems.append(Problem("row 1", "missing-column", f"a column {required}", "none"))
    for index, (raw, field) in enumerate(zip(titles, fields, strict=True)):
        title = raw.replace("\ufeff", "").strip()
        if field is None:
            names.append(f"_ignored_{index}")  # titles of unknown columns may repeat
            if extra_columns == "error":
                problems.append(
                    Problem("row 1", "unknown-column", "only known portal columns", repr(title))
                )
            ignored.append(title)
            continue
        if field in seen:
            problems.append(Problem("row 1", "duplicate-column", "each column once", title))
        seen[field] = title
        names.append(field)
        recognised.append((title, field))
        if field not in CSV_COLUMNS and field not in ATTRIBUTE_COLUMNS:
            ignored.append(title)
    if problems:
        raise LoadError(problems, source=name)
    header = _Header(tuple(t.replace("\ufeff", "").strip() for t in titles), tuple(names))
    return header, tuple(recognised), tuple(ignored)


@attrs.frozen
class _Raw:
    """A batch of text cells, columns by position (``c0``...), and ``_rowno``."""

    frame: Any
    bad: tuple[Rejected, ...]  # rows with the wrong number of cells


def _numbers(pl: Any, start: int, count: int, skip: list[int]) -> tuple[Any, int]:
    """Record numbers for ``count`` rows from ``start``, passing over the numbers in ``skip``
    (rows the CSV reader set aside), which are consumed; and the next number."""
    parts = []
    n = start
    left = count
    while left:
        while skip and skip[0] < n:
            skip.pop(0)
        stop = skip[0] if skip else n + left
        take = min(stop - n, left)
        if take:
            parts.append(pl.int_range(n, n + take, eager=True, dtype=pl.Int64))
            n += take
            left -= take
        if left:
            skip.pop(0)
            n += 1
    if not parts:
        return pl.Series("_rowno", [], dtype=pl.Int64), n
    return pl.concat(parts).alias("_rowno"), n


def _csv_batches(
    opened: _Opened, columns: Sequence[int] | None
) -> tuple[list[str], Iterator[_Raw], str]:
    data = opened.data
    if data is not None:
        first = data[: 1 << 20]
    else:
        with opened.path.open("rb") as f:  # type: ignore[union-attr]
            first = f.read(1 << 20)
    bom = 3 if first.startswith(b"\xef\xbb\xbf") else 0
    first = first[bom:]
    line = first.split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r")
    if not line.strip():
        raise LoadError(
            [Problem("row 1", "empty-file", "a header row", "an empty file")], source=opened.name
        )
    delimiter = sniff_delimiter(line)
    try:
        titles = next(csv.reader([line], delimiter=delimiter))
    except csv.Error as exc:
        raise LoadError(
            [Problem("row 1", "unreadable-row", "a header row of column names", str(exc))],
            source=opened.name,
        ) from None
    width = len(titles)
    names = [f"c{i}" for i in range(width)]
    wanted = names if columns is None else [names[i] for i in columns]
    body = first[len(line.encode()) :].lstrip(b"\r\n")
    if not body.strip():
        return titles, iter(()), delimiter
    quoted = b'"' in data if data is not None else _has_quote(opened.path)  # type: ignore[arg-type]
    if not quoted and len(delimiter.encode()) == 1:
        start = bom + first.index(b"\n") + 1
        return titles, _plain_batches(opened, start, names, wanted, delimiter), delimiter
    bad: list[Rejected] = []
    if data is None:
        data = opened.path.read_bytes()  # type: ignore[union-attr]
    if quoted:
        # A quote left open would swallow the following lines into one cell: such a row is
        # reported as the row-by-row reader reports it, and the lines after it are read as
        # the rows they are.
        data, swallowing = _without_unclosed_quotes(data, delimiter, titles)
        bad.extend(swallowing)
    return titles, _arrow_batches(data, names, wanted, delimiter, 2, 1, bad), delimiter


def _plain_batches(
    opened: _Opened, start: int, names: list[str], wanted: list[str], delimiter: str
) -> Iterator[_Raw]:
    """The batches of a CSV file without quotes, from byte ``start``: blocks of whole lines
    read by the engine (all cores). A block whose lines do not all hold ``len(names)`` cells
    is read by the careful reader, which names each row at fault."""
    pl = polars_module()
    sep = delimiter.encode()
    width = len(names)
    picked = [names.index(n) for n in wanted]
    row = 2
    for block in _line_blocks(opened, start):
        lines = block.count(b"\n") + (not block.endswith(b"\n"))
        frame = None
        if block.count(sep) == (width - 1) * lines:
            try:
                frame = pl.read_csv(
                    block,
                    has_header=False,
                    new_columns=names,
                    columns=picked,
                    separator=delimiter,
                    quote_char=None,
                    infer_schema=False,
                    empty_string_is_null=False,
                    raise_if_empty=False,
                )
            except pl.exceptions.PolarsError:  # e.g. a line of more cells than the header
                frame = None
        if frame is not None and frame.height == lines:
            rowno = pl.int_range(row, row + lines, dtype=pl.Int64, eager=True).alias("_rowno")
            # Handed over in a box: the generator keeps no reference to the batch (nor to the
            # block's bytes) while the reader works on it.
            box = [_Raw(frame.select(wanted).with_columns(rowno), ())]
            del frame, rowno, block
            yield box.pop()
        else:
            yield from _arrow_batches(block, names, wanted, delimiter, row, 0, [])
        row += lines


def _line_blocks(opened: _Opened, start: int) -> Iterator[bytes]:
    """The bytes from ``start`` in blocks of about :data:`_BLOCK` bytes, each ending at the
    end of a line (the last one at the end of the file)."""
    if opened.data is not None:
        data = opened.data
        at = start
        while at < len(data):
            cut = data.find(b"\n", at + _BLOCK)
            stop = len(data) if cut < 0 else cut + 1
            yield data[at:stop]
            at = stop
        return
    with opened.path.open("rb") as f:  # type: ignore[union-attr]
        f.seek(start)
        left = b""
        while block := f.read(_BLOCK):
            block = left + block
            cut = block.rfind(b"\n")
            if cut < 0:
                left = block
                continue
            left = block[cut + 1 :]
            yield block[: cut + 1]
        if left:
            yield left


def _arrow_batches(
    data: bytes,
    names: list[str],
    wanted: list[str],
    delimiter: str,
    first_row: int,
    skip_rows: int,
    bad: list[Rejected],
) -> Iterator[_Raw]:
    """The batches of CSV text read by the careful reader: rows of the wrong number of cells
    and unreadable rows are reported at their row numbers (``first_row`` is the number of the
    first row after the ``skip_rows`` skipped), the others numbered around them."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pacsv  # noqa: PLC0415

    pl = polars_module()
    width = len(names)
    offset = first_row - 1 - skip_rows
    pending: list[int] = []

    def handler(row: Any) -> str:
        number = row.number + offset
        where = f"row {number}"
        try:
            cells = next(csv.reader([row.text], delimiter=delimiter), [])
        except csv.Error as exc:
            problem = Problem(where, "unreadable-row", "a row of CSV cells", str(exc))
            bad.append(Rejected(where, (problem,)))
        else:
            if any(c.strip() for c in cells):
                found = str(row.actual_columns)
                problem = Problem(where, "cell-count", f"{width} cells", found)
                bad.append(Rejected(where, (problem,)))
        pending.append(number)
        return "skip"

    reader = pacsv.open_csv(
        io.BytesIO(data),
        read_options=pacsv.ReadOptions(
            use_threads=False, skip_rows=skip_rows, column_names=names, block_size=_BLOCK
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=delimiter,
            newlines_in_values=True,
            ignore_empty_lines=False,
            invalid_row_handler=handler,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()),
            include_columns=wanted,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    start = first_row
    for batch in reader:
        frame = pl.from_arrow(batch)
        pending.sort()
        rowno, start = _numbers(pl, start, frame.height, pending)
        done = tuple(bad)
        bad.clear()
        box = [_Raw(frame.with_columns(rowno), done)]
        del frame, rowno, batch
        yield box.pop()
    if bad:
        schema = {**dict.fromkeys(wanted, pl.String), "_rowno": pl.Int64}
        yield _Raw(pl.DataFrame(schema=schema), tuple(bad))


def _has_quote(path: Path) -> bool:
    with path.open("rb") as f:
        while block := f.read(1 << 22):
            if b'"' in block:
                return True
    return False


def _without_unclosed_quotes(
    data: bytes, delimiter: str, titles: Sequence[str]
) -> tuple[bytes, list[Rejected]]:
    """``data`` with each row whose quote is left open emptied (its line kept, so that rows
    keep their numbers), and those rows with their problems."""
    found = unclosed_quote_rows(data.decode("utf-8-sig"), delimiter, titles)
    if not found:
        return data, []
    lines = data.splitlines(keepends=True)
    for number, _ in found:
        line = lines[number - 1]
        lines[number - 1] = line[len(line.rstrip(b"\r\n")) :]
    rejected = [Rejected(f"row {number}", tuple(problems)) for number, problems in found]
    return b"".join(lines), rejected


def _cell_text(value: object) -> str:
    """An Excel cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        if value.microsecond:
            return value.isoformat(sep=" ")
        if value.time() == datetime.min.time():  # a date cell: Excel keeps dates at midnight
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M:%S}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_batches(
    opened: _Opened, columns: Sequence[int] | None
) -> tuple[list[str], Iterator[_Raw]]:
    try:
        import openpyxl  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the suite installs the extra
        raise ImportError(
            "reading XLSX exports needs openpyxl: pip install 'par_index[bulk]'"
        ) from None
    pl = polars_module()
    source = io.BytesIO(opened.data or b"")  # an XLSX file is always read whole
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise LoadError(
            [Problem("file", "bad-xlsx", "an XLSX workbook", f"{type(exc).__name__}: {exc}")],
            source=opened.name,
        ) from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    first = next(rows, None)
    if first is None:
        book.close()
        raise LoadError(
            [Problem(f"{sheet.title}!1", "empty-file", "a header row", "an empty sheet")],
            source=opened.name,
        )
    titles = [_cell_text(v) for v in first]
    width = len(titles)
    keep = list(range(width)) if columns is None else list(columns)
    names = [f"c{i}" for i in keep]

    def batches() -> Iterator[_Raw]:
        cells: list[list[str]] = [[] for _ in keep]
        numbers: list[int] = []
        for n, values in enumerate(rows, start=2):
            row = list(values) + [None] * (width - len(values))
            for k, i in enumerate(keep):
                cells[k].append(_cell_text(row[i]))
            numbers.append(n)
            if len(numbers) >= _XLSX_BATCH:
                yield _Raw(_frame(pl, names, cells, numbers), ())
                cells = [[] for _ in keep]
                numbers = []
        book.close()
        yield _Raw(_frame(pl, names, cells, numbers), ())

    return titles, batches()


def _frame(pl: Any, names: list[str], cells: list[list[str]], numbers: list[int]) -> Any:
    data: dict[str, Any] = {
        n: pl.Series(n, c, dtype=pl.String) for n, c in zip(names, cells, strict=True)
    }
    data["_rowno"] = pl.Series("_rowno", numbers, dtype=pl.Int64)
    return pl.DataFrame(data)


def _parquet_text(pl: Any, column: Any) -> Any:
    """A Parquet column as the text a CSV export would hold (moments exactly)."""
    dtype = column.dtype
    if dtype == pl.Datetime or isinstance(dtype, pl.Datetime):
        if getattr(dtype, "time_zone", None):
            column = column.dt.convert_time_zone("Asia/Ho_Chi_Minh").dt.replace_time_zone(None)
        exact = column.dt.strftime("%d/%m/%Y %H:%M:%S")
        whole = column.dt.microsecond() == 0
        if whole.fill_null(value=True).all():  # moments to the second: one form
            return exact.fill_null("")
        fine = column.dt.strftime("%Y-%m-%dT%H:%M:%S%.6f")
        return pl.select(pl.when(whole).then(exact).otherwise(fine).fill_null("")).to_series()
    if dtype == pl.Date:
        return column.dt.strftime("%d/%m/%Y").fill_null("")
    if dtype == pl.Boolean:
        return column.cast(pl.Int8).cast(pl.String).fill_null("")
    return column.cast(pl.String).fill_null("")


def _parquet_batches(
    opened: _Opened, columns: Sequence[int] | None
) -> tuple[list[str], Iterator[_Raw]]:
    import pyarrow.parquet as pq  # noqa: PLC0415

    pl = polars_module()
    source = io.BytesIO(opened.data) if opened.data is not None else opened.path
    try:
        parquet = pq.ParquetFile(source)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds on a broken file
        raise LoadError(
            [Problem("file", "bad-parquet", "a Parquet file", f"{type(exc).__name__}: {exc}")],
            source=opened.name,
        ) from None
    titles = list(parquet.schema_arrow.names)
    keep = list(range(len(titles))) if columns is None else list(columns)

    def batches() -> Iterator[_Raw]:
        n = 1
        for batch in parquet.iter_batches(batch_size=131_072, columns=[titles[i] for i in keep]):
            frame = pl.from_arrow(batch)
            texts = {f"c{i}": _parquet_text(pl, frame.to_series(k)) for k, i in enumerate(keep)}
            out = pl.DataFrame(texts).with_columns(
                _rowno=pl.int_range(n, n + frame.height, dtype=pl.Int64)
            )
            n += frame.height
            yield _Raw(out, ())

    return titles, batches()


# --------------------------------------------------------------------------- fast path


def _scalar_us(text: str, end_of_day: bool) -> int:
    try:
        dt = parse_vn_moment(text, end_of_day=end_of_day)
    except (ValueError, OverflowError):
        return _BAD
    # Two moments in VN_TZ compare by wall clock, others by UTC; they agree only while
    # Vietnam's offset is +07:00 (since 1975), so other moments take the scalar path.
    if dt.tzinfo is VN_TZ and dt.utcoffset() != timedelta(hours=7):
        return _BAD
    return (dt - _EPOCH) // _MICROSECOND


@attrs.frozen
class _Form:
    """A form of moment the engine parses itself: the text must match ``pattern`` whole."""

    pattern: str
    fmt: str  # the engine's format for it
    date_only: bool


#: The forms of :func:`~par_index.formats._exports.parse_vn_moment` the engine reads, with
#: two-digit fields and seconds below 60; any other text is read by the scalar rules.
_FORMS: Final = (
    _Form(
        r"^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-5][0-9]$",
        "%d/%m/%Y %H:%M:%S",
        date_only=False,
    ),
    _Form(r"^[0-9]{2}/[0-9]{2}/[0-9]{4}$", "%d/%m/%Y", date_only=True),
    _Form(r"^[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}$", "%d/%m/%Y %H:%M", date_only=False),
    _Form(r"^[0-9]{12}[0-5][0-9]$", "%Y%m%d%H%M%S", date_only=False),
    _Form(
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-5][0-9]$",
        "%Y-%m-%dT%H:%M:%S",
        date_only=False,
    ),
    _Form(
        r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-5][0-9]$",
        "%Y-%m-%d %H:%M:%S",
        date_only=False,
    ),
    _Form(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "%Y-%m-%d", date_only=True),
)
_FORM_RES: Final = tuple(re.compile(f.pattern) for f in _FORMS)
_SAMPLE: Final = 64  # texts looked at to choose the forms to parse
_LAST_SECOND_US: Final = 86_399_000_000  # 23:59:59, the end of a day as the scalar rules say
# Vietnam has kept UTC+7 since 1975: earlier moments are read by the scalar rules.
_FIRST_US: Final = (datetime(1976, 1, 1, tzinfo=UTC) - _EPOCH) // _MICROSECOND - _VN_OFFSET_US


def _forms_in(texts: Sequence[str]) -> list[_Form]:
    """The forms that some of ``texts`` are written in."""
    return [
        form
        for form, regex in zip(_FORMS, _FORM_RES, strict=True)
        if any(regex.match(t) for t in texts)
    ]


def _moment_value(pl: Any, s: Any, forms: Sequence[_Form], end_of_day: bool) -> Any:
    """µs since the epoch of a text in one of ``forms`` (null otherwise), not yet checked
    against :data:`_FIRST_US`."""
    values = []
    for form in forms:
        if form.date_only:
            # Days repeat (cached); moments to the second rarely do (not cached).
            day = s.str.strptime(pl.Date, form.fmt, strict=False, cache=True).cast(pl.Int64)
            value = day * _DAY_US + (
                _LAST_SECOND_US - _VN_OFFSET_US if end_of_day else -_VN_OFFSET_US
            )
        else:
            value = (
                s.str.strptime(pl.Datetime("us"), form.fmt, strict=False, cache=False).dt.epoch(
                    "us"
                )
                - _VN_OFFSET_US
            )
        values.append(pl.when(s.str.contains(form.pattern)).then(value))
    if not values:
        return pl.lit(None, dtype=pl.Int64)
    return values[0] if len(values) == 1 else pl.coalesce(values)


def _moments_of(
    pl: Any,
    frame: Any,
    columns: Mapping[str, tuple[str, bool]],
    forms: Mapping[str, Sequence[_Form]],
) -> Any:
    """``frame`` with each ``out`` column computed from its text by ``forms`` (two passes:
    the engine does not share subexpressions)."""
    frame = frame.with_columns(
        **{
            f"_v_{out}": _moment_value(pl, pl.col(src), forms[out], end_of_day)
            for out, (src, end_of_day) in columns.items()
        }
    )
    return frame.with_columns(
        **{
            out: pl.when(pl.col(src) == "")
            .then(pl.lit(None, dtype=pl.Int64))
            .when(pl.col(f"_v_{out}") >= _FIRST_US)
            .then(pl.col(f"_v_{out}"))
            .otherwise(pl.lit(_BAD, dtype=pl.Int64))
            for out, (src, _) in columns.items()
        }
    ).drop([f"_v_{out}" for out in columns])


def _parse_moments(pl: Any, frame: Any, columns: Mapping[str, tuple[str, bool]]) -> Any:
    """``frame`` with, for each ``out: (text column, end_of_day)``, the µs since the epoch of
    the text: null when empty (or white space only), the scalar reading for uncommon forms,
    ``_BAD`` when only the scalar rules can judge it.

    The forms of :data:`_FORMS` found in a sample of each column are parsed by the engine
    (a text of another form simply fails them); the texts left are stripped of surrounding
    white space and parsed by the forms they then show, and what remains is read by the
    scalar rules once per distinct text.
    """
    chosen: dict[str, list[_Form]] = {}
    for out, (src, _) in columns.items():
        head = frame.get_column(src).head(_SAMPLE * 16)
        chosen[out] = _forms_in(head.filter(head != "").head(_SAMPLE).to_list())
    frame = _moments_of(pl, frame, columns, chosen)
    for out, (src, end_of_day) in columns.items():
        # Texts no form read: read again without surrounding white space, by the forms they
        # show then; what is left goes to the scalar rules.
        bad = frame.get_column(out) == _BAD
        if bad.any():
            at = bad.arg_true()
            texts = frame.get_column(src).gather(at).str.strip_chars()
            forms = _forms_in(texts.head(_SAMPLE).to_list())
            if forms:
                again = _moments_of(
                    pl, texts.to_frame(src), {"_again": (src, end_of_day)}, {"_again": forms}
                ).get_column("_again")
                frame = frame.with_columns(frame.get_column(out).clone().scatter(at, again))
        frame = _resolve(pl, frame, src, out, end_of_day)
    return frame


def _resolve(pl: Any, frame: Any, src: str, out: str, end_of_day: bool) -> Any:
    values = frame.get_column(out)
    if not (values == _BAD).any():
        return frame
    texts = frame.get_column(src).filter(values == _BAD).unique()
    mapping = {t: _scalar_us(t, end_of_day) for t in texts.to_list()}
    fix = pl.DataFrame(
        {src: list(mapping), "_fix": list(mapping.values())},
        schema={src: pl.String, "_fix": pl.Int64},
    )
    return (
        frame.join(fix, on=src, how="left", maintain_order="left")
        .with_columns(
            pl.when(pl.col(out) == _BAD).then(pl.col("_fix")).otherwise(pl.col(out)).alias(out)
        )
        .drop("_fix")
    )


#: Flag texts the engine reads (FLAGS in the cases exports write them); any other case
#: is read by the scalar rules, which compare without case.
_FLAG_TEXTS: Final = {
    variant: int(value)
    for key, value in FLAGS.items()
    for variant in (key, key.upper(), key.capitalize())
}
_CHANNEL_TEXTS: Final = {f"{z}{c}": c for c in range(1, 4) for z in ("", "0")}
_STATUS_TEXTS: Final = {
    **{str(s): s for s in range(1, 11)},
    **{f"0{s}": s for s in range(1, 10)},
}


def _lookup(pl: Any, s: Any, texts: Mapping[str, int], default: int | None) -> Any:
    """The small integer ``texts`` gives a cell, ``default`` for other texts."""
    return s.replace_strict(
        list(texts), list(texts.values()), default=default, return_dtype=pl.Int8
    )


def _fast_rows(pl: Any, raw: Any, has_unit: bool, unit_code: str | None) -> tuple[Any, Any]:
    """(valid rows as table columns with ``_rowno``, numbers of rows for the scalar rules).

    ``raw`` has a text column per portal field name (empty when absent), the codes stripped
    of surrounding white space, the other cells as they are in the file.
    """
    unit_ok = has_unit or (bool(unit_code) and unit_code == (unit_code or "").strip())
    g = _parse_moments(pl, raw, {k: (f"_s_{v[0]}", v[1]) for k, v in _MOMENTS.items()})
    lookups = {
        "channel": ("_s_KenhThucHien", _CHANNEL_TEXTS, None),
        "status": ("_s_TrangThaiHoSo", _STATUS_TEXTS, None),
        **{k: (f"_s_{v}", _FLAG_TEXTS, -1) for k, v in _FLAG_COLUMNS.items()},
    }
    g = g.with_columns(
        **{k: _lookup(pl, pl.col(src), texts, d) for k, (src, texts, d) in lookups.items()}
    )
    for name, (src, texts, default) in lookups.items():
        # Cells with surrounding white space are looked up again without it.
        miss = pl.col(name).is_null() if default is None else pl.col(name) == default
        if g.select(miss.any()).item():
            again = _lookup(pl, pl.col(src).str.strip_chars(), texts, default)
            g = g.with_columns(pl.when(miss).then(again).otherwise(pl.col(name)).alias(name))
    f = g.select(
        "_rowno",
        *_MOMENTS,
        *(c for c in ("field", "level") if c in g.columns),
        code=pl.col("_s_MaHoSo"),
        procedure=pl.col("_s_MaTTHC"),
        unit=pl.col("_s_MaDonVi") if has_unit else pl.lit(unit_code or "", dtype=pl.String),
        **{name: pl.col(name) for name in lookups},
        sup_req=pl.col("_s_NgayYeuCauBoSung"),
        sup_done=pl.col("_s_NgayHoanThanhBoSung"),
    )
    st = pl.col("status")
    sub, rec, app, fin, ret = (pl.col(n) for n in _MOMENTS)
    # The rules of Dossier (model/dossiers.py), row by row.
    ok = (
        pl.lit(unit_ok)
        & (pl.col("code") != "")
        & (pl.col("procedure") != "")
        & (pl.col("unit") != "")
        & pl.col("channel").is_not_null()
        & pl.col("status").is_not_null()
        & pl.all_horizontal([pl.col(n) >= 0 for n in _FLAG_COLUMNS])
        & pl.all_horizontal([m.is_null() | (m != _BAD) for m in (sub, rec, app, fin, ret)])
        & ((st != 1) | ((pl.col("channel") == 2) & sub.is_not_null() & rec.is_null()))
        & (rec.is_not_null() | ~st.is_in([2, 4, 5, 6, 7, 8, 9, 10]))
        & (fin.is_not_null() | ~st.is_in([8, 9, 10]))
        & (fin.is_null() | ~st.is_in([1, 2, 4, 5, 6]))
        & ((st == 10) == ret.is_not_null())
        & (rec.is_null() | sub.is_null() | (rec >= sub))
        & (app.is_null() | rec.is_null() | (app >= rec))
        & (fin.is_null() | ((rec.is_null() | (fin >= rec)) & (sub.is_null() | (fin >= sub))))
        & (ret.is_null() | fin.is_null() | (ret >= fin))
    ).fill_null(value=False)
    f = f.with_columns(_ok=ok)
    f = _supplements(pl, f)
    good = f.filter("_ok").select(
        "_rowno",
        "code",
        "procedure",
        "unit",
        "channel",
        "status",
        "submitted_us",
        "received_us",
        "appointment_us",
        ended_us=pl.coalesce("finished_us", "returned_us"),
        **{k: pl.col(k) == 1 for k in _FLAG_COLUMNS},
        # The fee list (DanhSachPhiLePhi) is not in the exports read: no dossier is known to
        # have an all-zero one, as the scalar loader reads them.
        zero_fees=pl.lit(value=False),
        supplement_requested_us=pl.col("_sreq"),
        supplement_completed_us=pl.col("_sdone"),
        **{c: pl.col(c) for c in ("field", "level") if c in f.columns},
    )
    return good, f.filter(~pl.col("_ok")).get_column("_rowno")


def _supplements(pl: Any, f: Any) -> Any:
    """``f`` with the supplement lists (``_sreq``, ``_sdone``) of the rows whose supplement
    cells follow the rules of :class:`Dossier`; ``_ok`` is cleared for the others."""
    empty = pl.lit([], dtype=pl.List(pl.Int64))
    has = (pl.col("sup_req") != "") | (pl.col("sup_done") != "")
    rows = f.filter(pl.col("_ok") & has).select(
        "_rowno", "status", "received_us", "finished_us", "returned_us", "sup_req", "sup_done"
    )
    if rows.height == 0:
        return f.with_columns(
            _ok=pl.col("_ok") & ~has & (pl.col("status") != 5), _sreq=empty, _sdone=empty
        )
    reqs = (
        rows.select("_rowno", r=pl.col("sup_req").str.split(";"))
        .with_columns(k=pl.int_ranges(pl.col("r").list.len()))
        .explode("r", "k")
    )
    dones = (
        rows.filter(pl.col("sup_done") != "")
        .select("_rowno", d=pl.col("sup_done").str.split(";"))
        .with_columns(k=pl.int_ranges(pl.col("d").list.len()))
        .explode("d", "k")
    )
    counts = (
        reqs.group_by("_rowno")
        .agg(nr=pl.len())
        .join(dones.group_by("_rowno").agg(nd=pl.len()), on="_rowno", how="left")
    )
    x = (
        reqs.filter(pl.col("r").is_not_null())
        .join(dones, on=["_rowno", "k"], how="left")
        .with_columns(
            r=pl.col("r").str.strip_chars(), d=pl.col("d").fill_null("").str.strip_chars()
        )
        .join(
            rows.select("_rowno", "status", "received_us", "finished_us", "returned_us"),
            on="_rowno",
        )
        .join(counts, on="_rowno")
        .sort("_rowno", "k")
    )
    x = _parse_moments(pl, x, {"req": ("r", False), "done": ("d", False)})
    is_open = pl.col("done").is_null()
    end = pl.when(is_open).then(pl.col("req")).otherwise(pl.col("done"))
    ended = pl.coalesce("finished_us", "returned_us")
    # Rows are sorted by (row, request): the previous request of the same row is the one above.
    same_row = pl.col("_rowno") == pl.col("_rowno").shift(1)
    x = x.with_columns(_prev=pl.when(same_row).then(end.shift(1)), _end=end)
    bad = (
        pl.col("req").is_null()
        | pl.col("req").eq_missing(_BAD)
        | pl.col("done").eq_missing(_BAD)
        | (~is_open & (pl.col("done") < pl.col("req")))
        | (pl.col("received_us").is_not_null() & (pl.col("req") < pl.col("received_us")))
        | (pl.col("_prev").is_not_null() & (pl.col("req") < pl.col("_prev")))
        | (is_open & ((pl.col("k") != pl.col("nr") - 1) | ~pl.col("status").is_in([5, 7, 8])))
        | (ended.is_not_null() & (pl.col("_end") > ended))
    ).fill_null(value=False)
    verdict = (
        x.group_by("_rowno")
        .agg(
            _bad=bad.any(),
            _last_open=is_open.last(),
            _sreq=pl.col("req"),
            _sdone=pl.col("done"),
            _n=pl.len(),
        )
        .join(counts, on="_rowno", how="left")
        .select(
            "_rowno",
            "_sreq",
            "_sdone",
            "_last_open",
            _sup_ok=~pl.col("_bad")
            & (pl.col("nd").fill_null(0) <= pl.col("nr"))
            & (pl.col("_n") == pl.col("nr")),
        )
    )
    f = f.join(verdict, on="_rowno", how="left", maintain_order="left")
    return f.with_columns(
        _ok=pl.col("_ok")
        & pl.when(has).then(pl.col("_sup_ok").fill_null(value=False)).otherwise(pl.lit(value=True))
        & ((pl.col("status") != 5) | pl.col("_last_open").fill_null(value=False)),
        _sreq=pl.col("_sreq").fill_null([]),
        _sdone=pl.col("_sdone").fill_null([]),
    )


# --------------------------------------------------------------------------- batches


@attrs.frozen(eq=False)
class _Plan:
    opened: _Opened
    header: _Header
    recognised: tuple[tuple[str, str], ...]
    ignored: tuple[str, ...]
    drop: frozenset[int]  # rows left out by keep-last
    duplicates: tuple[DuplicateCode, ...]
    batches: Iterator[_Raw]
    where: Callable[[int], str]


def _place(fmt: str, sheet: str | None) -> Callable[[int], str]:
    if fmt == "parquet":
        return lambda n: f"record {n}"
    if fmt == "xlsx":
        return lambda n: f"sheet {sheet}, row {n}"
    return lambda n: f"row {n}"


def _batches(opened: _Opened, columns: Sequence[int] | None) -> tuple[list[str], Iterator[_Raw]]:
    if opened.format == "csv":
        titles, it, _ = _csv_batches(opened, columns)
        return titles, it
    if opened.format == "xlsx":
        return _xlsx_batches(opened, columns)
    return _parquet_batches(opened, columns)


def _plan(
    source: Source,
    name: str | None,
    encoding: str | None,
    unit_code: str | None,
    extra_columns: str,
    duplicates: Duplicates,
) -> _Plan:
    opened = _open(source, name, encoding)
    titles, _ = _batches(opened, [])
    header, recognised, ignored = _header(titles, opened.name, unit_code, extra_columns)
    where = _place(opened.format, _sheet_name(opened))
    drop: frozenset[int] = frozenset()
    dups: tuple[DuplicateCode, ...] = ()
    if duplicates == "keep-last":
        # A first pass reads the codes alone: the rows to leave out are known before any
        # row is judged. (Under "error", codes are checked during the one pass.)
        dups = _code_pass(opened, header, where, keep_last=True)
        drop = frozenset(n for d in dups for n in d.numbers[:-1])
    _, batches = _batches(opened, None)
    return _Plan(opened, header, recognised, ignored, drop, dups, batches, where)


def _code_pass(
    opened: _Opened, header: _Header, where: Callable[[int], str], *, keep_last: bool
) -> tuple[DuplicateCode, ...]:
    """The codes found on several rows, read in a pass over the code column alone."""
    pl = polars_module()
    code_at = header.names.index("MaHoSo")
    codes = [
        raw.frame.select(code=pl.col(f"c{code_at}").str.strip_chars(), n=pl.col("_rowno"))
        for raw in _batches(opened, [code_at])[1]
    ]
    return _repeated(codes, where, keep_last=keep_last)


def _repeated(
    codes: list[Any], where: Callable[[int], str], *, keep_last: bool
) -> tuple[DuplicateCode, ...]:
    """The codes found on several rows, from (code, row number) frames."""
    pl = polars_module()
    schema = {"code": pl.String, "n": pl.Int64}
    found = pl.concat(codes) if codes else pl.DataFrame(schema=schema)
    repeated = (
        found.filter((pl.col("code") != "") & pl.col("code").is_duplicated())
        .sort("n")
        .group_by("code", maintain_order=True)
        .agg(pl.col("n"))
    )
    out: list[DuplicateCode] = []
    for code, numbers in repeated.iter_rows():
        places = tuple(where(n) for n in numbers)
        out.append(DuplicateCode(code, places, places[-1] if keep_last else None, tuple(numbers)))
    return tuple(out)


def _repeats(values: Any) -> bool:
    """Whether a value occurs twice (sorted, neighbours compared: less memory than a hash
    table of a million values)."""
    if values.len() < 2:
        return False
    ordered = values.sort()
    return bool((ordered.slice(1) == ordered.slice(0, ordered.len() - 1)).any())


def _duplicate_problems(dups: Sequence[DuplicateCode], header: _Header) -> list[Problem]:
    return [
        Problem(
            f"{d.places[1]}, column {header.fields['MaHoSo']}",
            "duplicate-code",
            f"each dossier code once (first at {d.places[0]}; "
            "keep the last row of each code with the keep-last policy)",
            d.code,
        )
        for d in dups
    ]


def _sheet_name(opened: _Opened) -> str | None:
    if opened.format != "xlsx":
        return None
    import openpyxl  # noqa: PLC0415

    book = openpyxl.load_workbook(io.BytesIO(opened.data or b""), read_only=True)
    title = str(book.worksheets[0].title)
    book.close()
    return title


def _read_batch(
    plan: _Plan, raw: _Raw, unit_code: str | None, reject: Callable[[int, Rejected], None]
) -> tuple[Any, int, Any]:
    """The valid rows of a batch (table columns + ``_rowno``), how many rows it had, and the
    64-bit hashes of its (non-empty) codes; its rejected rows go to ``reject`` in row order."""
    pl = polars_module()
    names = plan.header.names
    frame = raw.frame.rename({f"c{i}": n for i, n in enumerate(names)})
    dropped = 0
    if plan.drop:
        before = frame.height
        frame = frame.filter(~pl.col("_rowno").is_in(sorted(plan.drop)))
        dropped = before - frame.height
    # Codes are stripped of surrounding white space; other cells are read as they are, and
    # stripped only where that fails (a copy of every cell would double the batch's memory).
    stripped = {
        f"_s_{field}": (
            (pl.col(field).str.strip_chars() if field in _CODES else pl.col(field))
            if field in frame.columns
            else pl.lit("")
        )
        for field in CSV_COLUMNS
    }
    attributes = {}
    for source_name, target in ATTRIBUTE_COLUMNS.items():
        if source_name in frame.columns and target not in attributes:
            value = pl.col(source_name).str.strip_chars()
            attributes[target] = pl.when(value == "").then(None).otherwise(value)
    s = frame.select("_rowno", **stripped, **attributes)
    blank = s.filter(pl.col("_s_MaHoSo") == "")
    if blank.height:
        cells = [pl.col(n).str.strip_chars() == "" for n in names if n in frame.columns]
        empty = frame.filter(pl.col("_rowno").is_in(blank.get_column("_rowno").implode()))
        empty = empty.filter(pl.all_horizontal(cells)).get_column("_rowno")
        s = s.filter(~pl.col("_rowno").is_in(empty.implode()))
        frame = frame.filter(~pl.col("_rowno").is_in(empty.implode()))
    rows = s.height + dropped
    # Codes are checked for repeats by their 64-bit hashes (8 bytes a row, whatever the
    # file's size); a repeated hash sends the reader back to the codes themselves.
    codes = s.get_column("_s_MaHoSo").filter(s.get_column("_s_MaHoSo") != "").hash()
    good, slow = _fast_rows(pl, s, "MaDonVi" in frame.columns, unit_code)
    if slow.len():
        sub = frame.filter(pl.col("_rowno").is_in(slow.implode()))
        attr_frame = s.filter(pl.col("_rowno").is_in(slow.implode()))
        del frame, s
        more = _slow_rows(plan, sub, attr_frame, list(attributes), unit_code, reject)
        if more:
            good = pl.concat(
                [good, *(m.select(good.columns) for m in more)], how="vertical_relaxed"
            ).sort("_rowno")
    return good, rows, codes


def _slow_rows(
    plan: _Plan,
    sub: Any,
    attr_frame: Any,
    attributes: list[str],
    unit_code: str | None,
    reject: Callable[[int, Rejected], None],
) -> list[Any]:
    """The rows the fast path set aside, read by the scalar rules, a few thousand at a time:
    the valid ones as frames of table columns, the others handed to ``reject`` in row order.
    """
    pl = polars_module()
    order = list(plan.header.names)
    frames: list[Any] = []
    extra: list[Dossier] = []
    numbers: list[int] = []
    attrs_rows: dict[str, list[str]] = {k: [] for k in attributes}

    def flush() -> None:
        if extra:
            frames.append(
                DossierTable.from_dossiers(extra, attrs_rows or None).frame.with_columns(
                    _rowno=pl.Series(numbers, dtype=pl.Int64)
                )
            )
        extra.clear()
        numbers.clear()
        for values in attrs_rows.values():
            values.clear()

    attr_rows: Iterator[dict[str, Any]] = (
        attr_frame.select(*attributes).iter_rows(named=True) if attributes else itertools.repeat({})
    )
    # itertools.repeat never ends: the rows end the loop.
    for values, attr_values in zip(
        sub.select(*order, "_rowno").iter_rows(), attr_rows, strict=False
    ):
        n = values[-1]
        where = plan.where(n)
        result = read_row(list(order), list(values[:-1]), where, unit_code)
        if isinstance(result, Dossier):
            extra.append(result)
            numbers.append(n)
            for k in attributes:
                attrs_rows[k].append(attr_values[k])
            if len(extra) >= _SLOW_ROWS:
                flush()
        else:
            reject(n, Rejected(where, tuple(_titled(p, plan.header) for p in result)))
    flush()
    return frames


def _titled(problem: Problem, header: _Header) -> Problem:
    """A problem whose place names the column by its title in the file."""
    fields = header.fields
    for field, title in fields.items():
        if title != field and f"column {field}" in problem.path:
            return attrs.evolve(
                problem, path=problem.path.replace(f"column {field}", f"column {title}")
            )
    return problem


def _schema_frame(good: Any) -> Any:
    pl = polars_module()
    from par_index.service.columnar import _schema  # noqa: PLC0415

    schema = _schema()
    extra = [c for c in ("field", "level") if c in good.columns]
    return good.select(*COLUMNS, *extra).cast(schema | dict.fromkeys(extra, pl.String))


def _run(
    source: Source,
    *,
    name: str | None,
    encoding: str | None,
    partial: bool,
    unit_code: str | None,
    duplicates: Duplicates,
    extra_columns: str,
    progress: Callable[[float], None] | None,
    sink: Callable[[Any], None],
) -> ExportReport:
    pl = polars_module()
    plan = _plan(source, name, encoding, unit_code, extra_columns, duplicates)
    rejected = RejectedRecords()
    hashes: list[Any] = []
    rows = accepted = 0
    done = 0
    for raw in plan.batches:
        # Batches come in file order; within one, the rows the careful reader refused and
        # those the rules refuse are merged by row number.
        merge = _InRowOrder(raw.bad, rejected)
        good, count, batch_codes = _read_batch(plan, raw, unit_code, merge.reject)
        size, bad_rows = raw.frame.estimated_size(), len(raw.bad)
        del raw  # the batch's text is not kept while its rows are counted
        merge.finish()
        rows += count + bad_rows
        accepted += good.height
        if duplicates == "error":
            hashes.append(batch_codes)
        if not rejected.count or partial:
            sink(_schema_frame(good))
        done += size
        if progress is not None:
            progress(min(done / max(plan.opened.size, 1), 1.0))
    dups = plan.duplicates
    problems: list[Problem] = []
    if duplicates == "error":
        if hashes and _repeats(pl.concat(hashes)):
            dups = _code_pass(plan.opened, plan.header, plan.where, keep_last=False)
        problems = _duplicate_problems(dups, plan.header)
    omitted: dict[str, int] = {}
    if rejected.count and not partial:
        problems += [p for r in rejected.kept for p in r.problems]
        omitted = dict(rejected.omitted)
    if problems:
        raise LoadError(problems, source=plan.opened.name, omitted=omitted)
    return ExportReport(
        source=plan.opened.name,
        format=plan.opened.format,
        encoding=plan.opened.encoding,
        rows=rows,
        accepted=accepted,
        columns=plan.recognised,
        ignored_columns=plan.ignored,
        rejected=tuple(rejected.kept),
        duplicates=dups,
        duplicate_policy=duplicates,
        omitted=rejected.omitted_items(),
        omitted_records=rejected.omitted_records,
    )


class _InRowOrder:
    """Rejected rows of one batch to ``into`` in row order: those the careful reader refused
    (``refused``) merged with those the rules refuse, which come in row order."""

    def __init__(self, refused: Sequence[Rejected], into: RejectedRecords) -> None:
        self.refused = collections.deque(sorted(refused, key=lambda r: _number(r.location)))
        self.into = into

    def reject(self, number: int, rejected: Rejected) -> None:
        self.finish(before=number)
        self.into.add(rejected.location, rejected.problems)

    def finish(self, before: float = float("inf")) -> None:
        """Hand over the refused rows numbered below ``before`` (all by default)."""
        while self.refused and _number(self.refused[0].location) < before:
            first = self.refused.popleft()
            self.into.add(first.location, first.problems)


def _number(location: str) -> int:
    digits = "".join(ch for ch in location.rsplit(" ", 1)[-1] if ch.isdigit())
    return int(digits) if digits else 0


def read_dossier_export(
    source: Source,
    *,
    name: str | None = None,
    encoding: str | None = None,
    partial: bool = False,
    unit_code: str | None = None,
    duplicates: Duplicates = "error",
    extra_columns: Literal["error", "ignore"] = "ignore",
    progress: Callable[[float], None] | None = None,
) -> DossierExport:
    """Read a dossier export (CSV, XLSX or Parquet, told apart by content) into one table.

    Args:
        source: a path, or the file's bytes.
        name: the name used in messages (default: the path).
        encoding: the text encoding of a CSV file, when it is none of those recognised
            (UTF-8 with or without byte-order mark, UTF-16 with one, Windows-1258).
        partial: keep the valid rows and report the rejected ones instead of raising.
        unit_code: the unit code of every row, for an export without a MaDonVi column.
        duplicates: ``error`` (default) or ``keep-last``.
        extra_columns: what to do with columns not known: ``ignore`` them (listed in the
            report) or raise.
        progress: called with the share of the file read so far, after each batch.

    Returns:
        The valid rows as a table (with ``field`` and ``level`` columns when the export has
        them) and what reading found.

    Raises:
        LoadError: for an unreadable file, a wrong encoding, header problems, duplicate codes
            (unless ``keep-last``), or (unless ``partial``) any invalid row, listing every
            problem with its place.
    """
    pl = polars_module()
    parts: list[Any] = []
    report = _run(
        source,
        name=name,
        encoding=encoding,
        partial=partial,
        unit_code=unit_code,
        duplicates=duplicates,
        extra_columns=extra_columns,
        progress=progress,
        sink=parts.append,
    )
    frame = pl.concat(parts, how="diagonal_relaxed") if parts else None
    table = DossierTable(frame) if frame is not None else DossierTable.concat([])
    return DossierExport(table, report)


def count_dossier_export(
    source: Source,
    windows: Sequence[Window],
    by: Sequence[str] = (),
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
    name: str | None = None,
    encoding: str | None = None,
    partial: bool = False,
    unit_code: str | None = None,
    duplicates: Duplicates = "error",
    extra_columns: Literal["error", "ignore"] = "ignore",
    progress: Callable[[float], None] | None = None,
) -> tuple[pl.DataFrame, ExportReport]:
    """The additive counts of an export, batch by batch, with bounded memory.

    The same arguments as :func:`read_dossier_export`, and the windows and group keys of
    :func:`~par_index.service.columnar.partition_counts`; pass the counts to
    :func:`~par_index.service.columnar.finish_counts` for the measures.

    Raises:
        LoadError: as :func:`read_dossier_export`.
        TimelinessError: as :func:`~par_index.service.columnar.measure_table`.
        CalendarRangeError: when a day used falls outside the calendar.
        ValueError: for an unknown group key or one the export lacks.
    """
    pl = polars_module()
    parts: list[Any] = []
    pending: list[Any] = []

    def flush() -> None:
        if pending:
            frame = pl.concat(pending, how="diagonal_relaxed")
            pending.clear()
            parts.append(
                partition_counts(frame, windows, by, procedures=procedures, calendar=calendar)
            )

    def count(frame: Any) -> None:
        # Valid rows are compact (about 100 bytes each): they are counted by chunks of
        # _COUNT_ROWS rows, fewer passes over the windows for the same bounded memory.
        pending.append(frame)
        if sum(f.height for f in pending) >= _COUNT_ROWS:
            flush()

    report = _run(
        source,
        name=name,
        encoding=encoding,
        partial=partial,
        unit_code=unit_code,
        duplicates=duplicates,
        extra_columns=extra_columns,
        progress=progress,
        sink=count,
    )
    flush()
    return combine_counts(parts, by), report


def read_dossier_table(
    text: str | bytes,
    *,
    source: str = "<string>",
    partial: bool = False,
    unit_code: str | None = None,
    extra_columns: Literal["error", "ignore"] = "error",
) -> tuple[DossierTable, tuple[Rejected, ...]]:
    """Read a portal CSV export given as text or bytes (the earlier signature).

    The same as :func:`read_dossier_export` with ``extra_columns="error"`` by default, the
    table and rejected rows returned as a pair; duplicate codes are an error.

    Raises:
        LoadError: as :func:`read_dossier_export`.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    export = read_dossier_export(
        data, name=source, partial=partial, unit_code=unit_code, extra_columns=extra_columns
    )
    return export.table, export.report.rejected

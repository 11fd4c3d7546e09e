"""Reading the cells of portal exports (private): shared by :mod:`par_index.formats.json` and
:mod:`par_index.service.columnar` so that both read every cell and check every row the same way."""

from __future__ import annotations

import csv
import enum
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, time, timezone
from typing import Any, Final, Literal
from zoneinfo import ZoneInfo

import attrs

from par_index.core.decode import decode_bytes
from par_index.core.limits import DEFAULT_LIMITS, Limits
from par_index.exceptions import InvalidValueError, LoadError, Problem
from par_index.model.dossiers import VN_TZ, Channel, Dossier, DossierStatus, SupplementRequest

__all__ = [
    "CSV_COLUMNS",
    "FLAGS",
    "INFORMATIONAL_COLUMNS",
    "MOMENT_FORMS",
    "UNCLOSED",
    "UNREADABLE",
    "Bad",
    "Column",
    "ExportRows",
    "check_header",
    "decode_export",
    "dossier_from_row",
    "duplicate_code",
    "header_problems",
    "open_export",
    "parse_vn_moment",
    "read_cell",
    "read_row",
    "show_found",
    "sniff_delimiter",
]


class Bad(ValueError):
    """A leaf value that a structure hook refused."""

    def __init__(self, code: str, expected: str, found: object) -> None:
        super().__init__(f"expected {expected}, found {found!r}")
        self.code = code
        self.expected = expected
        self.found = found


def show_found(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


_VN_DATE = re.compile(
    r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?:[ T]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?"
)
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{2})")
MOMENT_FORMS = "dd/mm/yyyy, dd/mm/yyyy HH:MM[:SS], ISO 8601 or yyyyMMddHHmmss"


def parse_vn_moment(
    text: str, *, end_of_day: bool = False, tz: timezone | ZoneInfo = VN_TZ
) -> datetime:
    """Read a moment as Vietnamese exports write it; naive values are in ``tz`` (UTC+7).

    A date without a time is the start of that day, or with ``end_of_day`` its end
    (23:59:59): an appointment date (ngày hẹn trả) runs to the end of the day, as a time
    limit does (Bộ luật Dân sự 2015 Điều 147).

    Raises:
        ValueError: when the text is none of: ``dd/mm/yyyy``, ``dd/mm/yyyy HH:MM[:SS]``,
            ISO 8601 (``YYYY-MM-DD[THH:MM[:SS][±HH:MM]]``) or ``yyyyMMddHHmmss``.
    """
    try:
        return _parse_moment(text.strip(), end_of_day, tz)
    except ValueError:
        raise ValueError(f"expected {MOMENT_FORMS}, found {text!r}") from None


# Exports repeat the same date strings many times: parsed moments (immutable) are cached.
@functools.lru_cache(maxsize=1 << 16)
def _parse_moment(s: str, end_of_day: bool, tz: timezone | ZoneInfo) -> datetime:
    m = _VN_DATE.fullmatch(s)
    result: datetime
    if m is not None:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day = date(y, mo, d)
        if m.group(4) is None:
            t = time(23, 59, 59) if end_of_day else time(0, 0)
        else:
            t = time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0))
        result = datetime.combine(day, t)
    elif (c := _COMPACT.fullmatch(s)) is not None:
        y, mo, d, h, mi, sec = (int(g) for g in c.groups())
        result = datetime(y, mo, d, h, mi, sec, tzinfo=tz)
    elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        result = datetime.combine(
            date.fromisoformat(s), time(23, 59, 59) if end_of_day else time(0, 0)
        )
    elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}.*", s):
        result = datetime.fromisoformat(s)
    else:
        raise ValueError(s)
    if result.tzinfo is None:
        result = result.replace(tzinfo=tz)
    return result


@attrs.frozen
class Column:
    field: str
    kind: Literal["text", "channel", "status", "moment", "deadline", "flag", "moments"]
    required: bool = False


#: The CSV columns read, by the portal's field names (docs/sources.md, QĐ 766); the last six are
#: par_index's own names for data the portal keeps elsewhere. Lists (several supplement
#: requests) are separated by ";".
CSV_COLUMNS: dict[str, Column] = {
    "MaHoSo": Column("code", "text", required=True),
    "MaTTHC": Column("procedure_code", "text", required=True),
    "MaDonVi": Column("unit_code", "text", required=True),
    "KenhThucHien": Column("channel", "channel", required=True),
    "TrangThaiHoSo": Column("status", "status", required=True),
    "NgayNopHoSo": Column("submitted_at", "moment"),
    "NgayTiepNhan": Column("received_at", "moment"),
    "NgayHenTra": Column("appointment_at", "deadline"),
    "NgayKetThucXuLy": Column("finished_at", "moment"),
    "NgayTraKetQua": Column("returned_at", "moment"),
    "NgayYeuCauBoSung": Column("supplement_requested", "moments"),
    "NgayHoanThanhBoSung": Column("supplement_completed", "moments"),
    "ThanhToanTrucTuyen": Column("paid_online", "flag"),
    "SoHoa": Column("digitised", "flag"),
    "KetQuaDienTu": Column("electronic_result", "flag"),
    "TaiSuDungDuLieu": Column("reused_data", "flag"),
}

#: Portal columns that carry names or personal data the model does not keep; they are
#: accepted and not read. Any other unknown column is an error unless
#: ``extra_columns="ignore"``.
INFORMATIONAL_COLUMNS = frozenset(
    {
        "STT",
        "TenTTHC",
        "TenDonVi",
        "DonViXuLy",
        "ChuHoSo",
        "TrichYeuHoSo",
        "MaLinhVuc",
        "TenLinhVuc",
        "SoDienThoai",
        "Email",
        "DiaChi",
        "GhiChu",
        "LoaiDoiTuong",
    }
)

FLAGS = {
    "1": True,
    "0": False,
    "true": True,
    "false": False,
    "có": True,
    "không": False,
    "x": True,
    "": False,
}


def read_cell(col: Column, raw: str) -> Any:
    value = raw.strip()
    if col.kind == "text":
        if not value:
            raise Bad("missing-value", "a non-empty code", raw)
        return value
    if col.kind in ("channel", "status"):
        cl: type[enum.IntEnum] = Channel if col.kind == "channel" else DossierStatus
        if not re.fullmatch(r"[0-9]{1,2}", value) or int(value) not in set(cl):
            allowed = ", ".join(str(int(m)) for m in cl)
            raise Bad("not-allowed", f"one of {allowed}", raw)
        return cl(int(value))
    if col.kind == "flag":
        key = value.lower()
        if key not in FLAGS:
            raise Bad("bad-flag", "1/0, true/false, có/không, x or empty", raw)
        return FLAGS[key]
    if col.kind == "moments":
        if not value:
            return []
        return [parse_vn_moment(p) if p.strip() else None for p in value.split(";")]
    if not value:
        return None
    try:
        return parse_vn_moment(value, end_of_day=col.kind == "deadline")
    except ValueError:
        raise Bad("bad-date", MOMENT_FORMS, raw) from None


def sniff_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


def dossier_from_row(
    values: dict[str, Any], column_of: Mapping[str, str], where: str, problems: list[Problem]
) -> Dossier | None:
    def locate(field: str) -> str:
        base = field.split(".", 1)[0].split("[", 1)[0]
        column = column_of.get(base)
        if base == "supplements":
            column = "NgayYeuCauBoSung/NgayHoanThanhBoSung"
        return f"{where}, column {column}" if column else f"{where}, field {field}"

    requested: Sequence[datetime | None] = values.pop("supplement_requested", [])
    completed: Sequence[datetime | None] = values.pop("supplement_completed", [])
    if len(completed) > len(requested) or any(r is None for r in requested):
        problems.append(
            Problem(
                locate("supplements"),
                "supplement-lists",
                "one request moment per completion, none empty",
                f"{len(requested)} requests, {len(completed)} completions",
            )
        )
        return None
    padded = list(completed) + [None] * (len(requested) - len(completed))
    try:
        supplements = tuple(
            SupplementRequest(r, c) for r, c in zip(requested, padded, strict=True) if r
        )
        return Dossier(supplements=supplements, **values)
    except InvalidValueError as exc:
        problems.extend(attrs.evolve(p, path=locate(p.path)) for p in exc.problems)
    return None


def decode_export(text: str | bytes, source: str) -> str:
    """The text of an export, through the library's one decoding boundary (UTF-8 with or
    without a byte-order mark, UTF-16, Windows-1258, TCVN3).

    Raises:
        LoadError: when the bytes are no text the library reads.
    """
    return decode_bytes(text, source=source)


def check_header(
    header: Sequence[str], source: str, unit_code: str | None, extra_columns: str
) -> None:
    """Every problem of a header row at once: missing, duplicate and unknown columns.

    Raises:
        LoadError: listing them.
    """
    file_problems = header_problems(header, unit_code, extra_columns)
    if file_problems:
        raise LoadError(file_problems, source=source)


def header_problems(
    header: Sequence[str], unit_code: str | None, extra_columns: str
) -> list[Problem]:
    """Every problem of a header row: missing, duplicate and unknown columns."""
    file_problems: list[Problem] = []
    for name, column in CSV_COLUMNS.items():
        if column.required and name not in header:
            if name == "MaDonVi" and unit_code is not None:
                continue
            file_problems.append(Problem("row 1", "missing-column", f"a column {name}", "none"))
    seen: set[str] = set()
    for name in header:
        if name in seen:
            file_problems.append(Problem("row 1", "duplicate-column", "each column once", name))
        seen.add(name)
        known = name in CSV_COLUMNS or name in INFORMATIONAL_COLUMNS
        if not known and extra_columns == "error":
            file_problems.append(
                Problem("row 1", "unknown-column", "only known portal columns", repr(name))
            )
    return file_problems


#: The row a reader yields in place of one the csv module could not read (a cell past its own
#: limit of 131,072 characters): it is reported, and reading goes on with the next row.
UNREADABLE: Final = "\x00unreadable row"


#: The first cell of the row a reader yields in place of one that opens a quote it never
#: closes on its line (then the column's index and the lines it would have swallowed).
UNCLOSED: Final = "\x00unclosed quote"


class _Lines:
    """The lines of a text, one at a time, with the lines of the current record kept so
    that they can be put back and read again."""

    def __init__(self, text: str) -> None:
        self._lines = _lines(text)
        self._back: list[str] = []  # put back, in reverse order
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._back.pop() if self._back else next(self._lines)
        self.taken.append(line)
        return line

    def put_back(self, lines: Sequence[str]) -> None:
        self._back.extend(reversed(lines))


class ExportRows:
    """The data rows of an export, never failing on one.

    A row the csv module refuses (a cell past its own limit) comes out as
    ``[UNREADABLE, its message]``.
    A quote opened in a cell and not closed on its line would swallow every following line
    into that cell: the row comes out as ``[UNCLOSED, column index, lines]`` and the lines
    after it are read again as the rows they are. ``first_line`` is the physical line where
    the last row yielded starts.
    """

    def __init__(
        self,
        lines: _Lines,
        reader: Any,
        width: int,
        delimiter: str,
        header_problems: Sequence[Problem] = (),
    ) -> None:
        self._lines = lines
        self._reader = reader
        self._width = width
        self._delimiter = delimiter
        #: Problems of the header that leave the rows readable (an unknown or a repeated
        #: column): reported with the rows' problems, which are read all the same.
        self.header_problems = tuple(header_problems)
        self.first_line = 1
        self._next_line = 2

    def __iter__(self) -> ExportRows:
        return self

    def __next__(self) -> list[str]:
        self._lines.taken = []
        try:
            row: list[str] = next(self._reader)
        except csv.Error as exc:
            row = [UNREADABLE, str(exc)]
        taken = self._lines.taken
        self.first_line = self._next_line
        if len(taken) > 1 and len(row) != self._width:
            for i, cell in enumerate(row):
                if "\n" in cell and self._delimiter in cell.split("\n", 1)[1]:
                    self._lines.put_back(taken[1:])
                    row = [UNCLOSED, str(i), str(len(taken) - 1)]
                    taken = taken[:1]
                    break
        self._next_line += len(taken)
        return row


def _row_shape_problems(
    header: Sequence[str], row: Sequence[str], where: str, limits: Limits
) -> list[Problem]:
    too_long = f"cells of at most {limits.max_cell} characters"
    if row and row[0] == UNREADABLE:
        if "field larger than field limit" in row[-1]:
            found = "a cell of more than 131072 characters"
            return [Problem(where, "cell-too-long", too_long, found)]
        return [Problem(where, "unreadable-row", "a row of CSV cells", row[-1])]
    if row and row[0] == UNCLOSED:
        index, lines = int(row[1]), row[2]
        column = f", column {header[index]}" if index < len(header) else ""
        return [
            Problem(
                f"{where}{column}",
                "unclosed-quote",
                'a quote (") closed in the same cell; a quote inside a cell doubled ("")',
                f"a quote left open, which would swallow the next {lines} lines (read as rows)",
            )
        ]
    if len(row) != len(header):
        return [Problem(where, "cell-count", f"{len(header)} cells", str(len(row)))]
    return [
        Problem(f"{where}, column {name}", "cell-too-long", too_long, f"{len(cell)} characters")
        for name, cell in zip(header, row, strict=True)
        if len(cell) > limits.max_cell
    ]


def unclosed_quote_rows(
    text: str, delimiter: str, header: Sequence[str], limits: Limits = DEFAULT_LIMITS
) -> list[tuple[int, list[Problem]]]:
    """The rows of ``text`` (a CSV export, header first) whose quote is left open, each as its
    physical line and its problems, exactly as the row-by-row reader reports them."""
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        next(reader)
    except (csv.Error, StopIteration):
        return []
    rows = ExportRows(lines, reader, len(header), delimiter)
    found = []
    for row in rows:
        if row and row[0] == UNCLOSED:
            where = f"row {rows.first_line}"
            found.append((rows.first_line, _row_shape_problems(header, row, where, limits)))
    return found


def duplicate_code(where: str, code: str, first: str) -> Problem:
    """The problem of a dossier code already read in ``first`` (a row counted twice would
    count a dossier twice)."""
    return Problem(
        f"{where}, column MaHoSo",
        "duplicate-code",
        "each dossier code once in a file",
        f"{code!r}, also in {first}",
    )


def read_row(
    header: Sequence[str],
    row: Sequence[str],
    where: str,
    unit_code: str | None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dossier | list[Problem]:
    """One data row: its dossier, or every problem found in it (paths ``row N, column X``)."""
    shape = _row_shape_problems(header, row, where, limits)
    if shape:
        return shape
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    column_of: dict[str, str] = {}
    unread: set[str] = set()  # the columns whose cell could not be read
    for name, cell in zip(header, row, strict=True):
        col = CSV_COLUMNS.get(name)
        if col is None:
            continue
        column_of[col.field] = name
        try:
            values[col.field] = read_cell(col, cell)
        except Bad as bad:
            where_cell = f"{where}, column {name}"
            problems.append(Problem(where_cell, bad.code, bad.expected, show_found(bad.found)))
            unread.add(name)
        except ValueError:
            problems.append(
                Problem(f"{where}, column {name}", "bad-date", MOMENT_FORMS, show_found(cell))
            )
            unread.add(name)
    if "unit_code" not in values and unit_code is not None:
        values["unit_code"] = unit_code
    if not problems:
        dossier = dossier_from_row(values, column_of, where, problems)
        if dossier is not None:
            return dossier
        return problems
    # The rules between cells still run on the cells that were read, so that fixing the bad
    # cells reveals nothing new; rules that would need an unread cell are left out.
    if not any(CSV_COLUMNS[name].required for name in unread):
        for name in unread:
            field = CSV_COLUMNS[name].field
            values[field] = [] if CSV_COLUMNS[name].kind == "moments" else None
        if unread & {"NgayYeuCauBoSung", "NgayHoanThanhBoSung"}:
            values["supplement_requested"] = values["supplement_completed"] = []
        cross: list[Problem] = []
        dossier_from_row(values, column_of, where, cross)
        shown = {f"{where}, column {name}" for name in unread}
        problems.extend(p for p in cross if not any(p.path.startswith(s) for s in shown))
    return problems


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, one at a time: a file of a million rows is
    not copied again (``io.StringIO`` would hold four bytes a character)."""
    for m in _LINE.finditer(text):
        yield m.group()


def open_export(
    text: str | bytes, source: str, unit_code: str | None, extra_columns: str
) -> tuple[list[str], ExportRows]:
    """The checked header of a CSV export and a reader over its data rows.

    The delimiter ("," ";" or tab) is the one the header row uses most.

    Raises:
        LoadError: for bytes in no readable encoding, an empty file, or a missing column
            (with every other header problem); the other header problems are in the
            reader's ``header_problems``, to be reported with the rows'.
    """
    text = decode_export(text, source)
    end = text.find("\n")
    first_line = text if end < 0 else text[:end]
    delimiter = sniff_delimiter(first_line)
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error:
        raise LoadError(
            [Problem("row 1", "cell-too-long", "a header row of column names", "a huge cell")],
            source=source,
        ) from None
    except StopIteration:
        raise LoadError(
            [Problem("row 1", "empty-file", "a header row", "an empty file")], source=source
        ) from None
    found = header_problems(header, unit_code, extra_columns)
    if any(p.code == "missing-column" for p in found):
        raise LoadError(found, source=source)  # rows without a required column cannot be read
    return header, ExportRows(lines, reader, len(header), delimiter, found)

"""Cells of a spreadsheet (xlsx sheet or CSV table), read strictly, with their places.

The spreadsheet readers (evidence tables, framework tables) share this boundary: a workbook
or CSV file becomes a grid of :class:`Cell` values, each knowing its place (``Phiếu
chấm!C12`` in a workbook, ``row 12, column "Giá trị"`` in a CSV file). What Excel does to
typed text is never guessed back:

* numbers are read as Excel shows them, to 15 significant digits (``0,1 + 0,2`` is ``0,3``);
* numbers written as text take one decimal mark, ``,`` or ``.``, and no thousands separator;
* a formula gives the value Excel computed and saved; a formula never computed (a file
  written by a script and never opened in Excel) is an error at its cell;
* merged cells on a data sheet are an error (one value per row and column);
* a date where a number or a text is expected is an error (Excel turns "5/6" into a date).

Problems are reported in Vietnamese (default) or English (:class:`SheetProblems`), every one
at once, by :class:`InvalidWorkbook`.
"""

from __future__ import annotations

import csv
import difflib
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from par_index.core.lang import Lang
from par_index.exceptions import LoadError, Problem

__all__ = [
    "MISSING_EXCEL",
    "Cell",
    "Grid",
    "InvalidWorkbook",
    "SheetProblems",
    "closest",
    "column_letter",
    "csv_grid",
    "decode_text",
    "fold",
    "is_xlsx",
    "load_workbook",
    "number_of_float",
    "parse_number",
    "render_problem",
    "row_is_empty",
    "sheet_grid",
    "text_of",
]

MISSING_EXCEL: Final = "pip install 'par_index[excel]'"
"""How to install what reading and writing workbooks needs."""

_XLSX_MAGIC: Final = b"PK\x03\x04"
_XLS_MAGIC: Final = b"\xd0\xcf\x11\xe0"


def fold(text: str) -> str:
    """NFC, lower case, single spaces: the form headers and labels are matched in."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (for a "did you mean"), or None when none is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``27`` → ``AB``."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


# --------------------------------------------------------------------------- problems


class SheetProblems:
    """Collects problems with their places, worded in one language.

    Each problem is recorded with a stable code and the expected value worded in Vietnamese
    and English; :attr:`problems` holds them in the chosen language.
    """

    def __init__(self, lang: Lang = "vi") -> None:
        self.lang: Lang = lang
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(
        self, place: str, code: str, vi: str, en: str, found: object, *, warning: bool = False
    ) -> None:
        """Record a problem (or a warning) at ``place``."""
        text = found if isinstance(found, str) else _show(found)
        if len(text) > 80:
            text = text[:77] + "..."
        problem = Problem(place, code, vi if self.lang == "vi" else en, text)
        (self.warnings if warning else self.problems).append(problem)

    def raise_if_any(self, source: str) -> None:
        """Raise :class:`InvalidWorkbook` with every problem, if there is one."""
        if self.problems:
            raise InvalidWorkbook(self.problems, source=source, lang=self.lang)


def _show(value: object) -> str:
    if value is None:
        return "ô trống"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return _float_text(value)
    return repr(value)


def render_problem(p: Problem, lang: Lang) -> str:
    """One problem as a line, in ``lang``."""
    if lang == "vi":
        return f"{p.path}: cần {p.expected}, nhưng có {p.found} [{p.code}]"
    return str(p)


class InvalidWorkbook(LoadError):
    """A spreadsheet (bảng tính) that cannot be read: every problem with its place."""

    term = "bảng tính"
    what = "spreadsheet"

    def __init__(
        self, problems: Iterable[Problem], *, source: str = "<string>", lang: Lang = "vi"
    ) -> None:
        self.lang: Lang = lang
        super().__init__(problems, source=source)

    def __str__(self) -> str:
        head = (
            f"{len(self.problems)} lỗi trong {self.source}:"
            if self.lang == "vi"
            else f"{len(self.problems)} problems in {self.source}:"
        )
        return "\n".join([head, *(f"  {render_problem(p, self.lang)}" for p in self.problems)])


# --------------------------------------------------------------------------- cells


@attrs.frozen
class Cell:
    """One cell: its value as read and its place.

    Attributes:
        value: None (empty), a text, an int, a float, a bool or a datetime.
        place: ``Phiếu chấm!C12`` or ``row 12, column "Giá trị"``.
        row: the 1-based row number.
        column: the 0-based column index.
        uncomputed: the text of a formula Excel never computed, else empty.
    """

    value: Any
    place: str
    row: int
    column: int
    uncomputed: str = ""

    @property
    def empty(self) -> bool:
        """Whether the cell holds nothing (blank text counts as nothing)."""
        return self.value is None or (isinstance(self.value, str) and self.value.strip() == "")


@attrs.frozen
class Grid:
    """The cells of one sheet or CSV table, row by row (each row as long as the header).

    Attributes:
        name: the sheet's name ("" for CSV).
        rows: the rows; ``rows[0]`` is the first row of the sheet.
        merged: the merged ranges of the sheet (``C5:C9``).
    """

    name: str
    rows: tuple[tuple[Cell, ...], ...]
    merged: tuple[str, ...] = ()


def _float_text(x: float) -> str:
    text = f"{x:.15g}"
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def number_of_float(x: float) -> Decimal:
    """A float as Excel shows it: 15 significant digits, trailing zeros dropped."""
    d = Decimal(_float_text(x))
    if d == d.to_integral_value() and d.adjusted() < 15:
        return d.quantize(Decimal(1))
    return d.normalize()


_NUMBER_RE: Final = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def parse_number(value: object) -> tuple[Decimal, bool] | None:
    """A cell's number and whether it was written as a percentage, or None.

    Numbers (int, float) are read as Excel shows them; texts take one decimal mark ("," or
    "."), no thousands separator, and may end with "%" (then the number is divided by 100).
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value), False
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        return number_of_float(value), False
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFC", value).strip().replace("\u00a0", "").replace(" ", "")
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    if not _NUMBER_RE.fullmatch(text):
        return None
    try:
        d = Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return (d / 100 if percent else d), percent


# --------------------------------------------------------------------------- reading


def is_xlsx(data: bytes) -> bool:
    """Whether ``data`` is a zip container (an .xlsx workbook)."""
    return data[:4] == _XLSX_MAGIC


def decode_text(data: bytes, source: str, lang: Lang) -> str:
    """The text of a CSV file: UTF-8 (with or without a byte order mark) or UTF-16 with one.

    Raises:
        InvalidWorkbook: for an old binary .xls workbook or text in another encoding.
    """
    sink = SheetProblems(lang)
    if data[:4] == _XLS_MAGIC:
        sink.add(
            source,
            "old-xls",
            "một tệp .xlsx hoặc .csv (tệp .xls cũ: mở bằng Excel và lưu lại dạng .xlsx)",
            "an .xlsx or .csv file (an old .xls workbook: open it in Excel and save it as .xlsx)",
            "tệp .xls" if lang == "vi" else "an .xls file",
        )
        sink.raise_if_any(source)
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        sink.add(
            source,
            "bad-encoding",
            "văn bản UTF-8 (trong Excel: Lưu thành > CSV UTF-8)",
            "UTF-8 text (in Excel: Save As > CSV UTF-8)",
            f"byte {exc.start}",
        )
        sink.raise_if_any(source)
        raise  # pragma: no cover - raise_if_any raised


def csv_grid(text: str, source: str = "<string>") -> Grid:
    """A CSV text as a grid; the delimiter is "," or ";" (Excel in a Vietnamese locale).

    Raises:
        LoadError: for a row the CSV reader cannot read (a cell past its limit).
    """
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        rows = [list(r) for r in reader]
    except csv.Error as exc:
        raise LoadError(
            [
                Problem(
                    f"row {reader.line_num}",
                    "unreadable-row",
                    "a row of CSV cells of at most 131,072 characters each",
                    str(exc),
                )
            ],
            source=source,
        ) from None
    header = rows[0] if rows else []
    names = [h.strip() for h in header]
    out: list[tuple[Cell, ...]] = []
    for r, raw in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(raw):
            name = names[c] if c < len(names) else column_letter(c)
            place = f'row {r}, column "{name}"'
            cells.append(Cell(value if value != "" else None, place, r, c))
        out.append(tuple(cells))
    return Grid("", tuple(out))


def load_workbook(data: bytes, source: str, lang: Lang) -> tuple[Any, Any]:
    """The workbook twice: with the values Excel saved, and with its formulas.

    Raises:
        InvalidWorkbook: when the bytes are no readable workbook.
        ModuleNotFoundError: when openpyxl is not installed (the message names the extra).
    """
    try:
        import openpyxl  # noqa: PLC0415 - optional dependency, loaded when used
    except ModuleNotFoundError as exc:  # pragma: no cover - the test extra installs it
        raise ModuleNotFoundError(
            f"reading .xlsx files needs openpyxl: {MISSING_EXCEL}", name=exc.name
        ) from None
    import warnings  # noqa: PLC0415

    sink = SheetProblems(lang)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it does not read (slicers, conditional formats).
            warnings.simplefilter("ignore")
            values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
            # The formulas are read only when a sheet has one (half the time otherwise).
            formulas = (
                openpyxl.load_workbook(io.BytesIO(data), data_only=False)
                if _has_formulas(data)
                else values
            )
    except Exception as exc:
        sink.add(
            source,
            "bad-workbook",
            "một bảng tính .xlsx đọc được",
            "a readable .xlsx workbook",
            f"{type(exc).__name__}: {exc}",
        )
        sink.raise_if_any(source)
        raise  # pragma: no cover
    return values, formulas


def _has_formulas(data: bytes) -> bool:
    """Whether a worksheet of the workbook holds a formula (an ``<f>`` element)."""
    import zipfile  # noqa: PLC0415

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(
                re.search(rb"<(?:\w+:)?f[ >/]", z.read(n)) is not None
                for n in z.namelist()
                if n.startswith("xl/worksheets/") and n.endswith(".xml")
            )
    except (zipfile.BadZipFile, KeyError, OSError):  # openpyxl reports the bad file itself
        return True


def sheet_grid(values_wb: Any, formulas_wb: Any, name: str) -> Grid:
    """The cells of sheet ``name``: values as Excel saved them, formulas never computed
    marked (:attr:`Cell.uncomputed`)."""
    ws = values_wb[name]
    wf = formulas_wb[name]
    rows: list[tuple[Cell, ...]] = []
    for r, (vrow, frow) in enumerate(zip(ws.iter_rows(), wf.iter_rows(), strict=False), start=1):
        cells = []
        for c, (vcell, fcell) in enumerate(zip(vrow, frow, strict=False)):
            value = vcell.value
            formula = (
                fcell.value
                if formulas_wb is not values_wb and isinstance(fcell.value, str)
                else None
            )
            uncomputed = ""
            if value is None and formula is not None and formula.startswith("="):
                uncomputed = formula
            if isinstance(value, str):
                value = unicodedata.normalize("NFC", value)
            cells.append(Cell(value, f"{name}!{column_letter(c)}{r}", r, c, uncomputed))
        rows.append(tuple(cells))
    merged = tuple(str(m) for m in ws.merged_cells.ranges)
    return Grid(name, tuple(rows), merged)


def text_of(cell: Cell) -> str | None:
    """The cell's text (stripped, NFC), a whole number as its digits, or None when empty or
    of another kind."""
    v = cell.value
    if isinstance(v, str):
        s = unicodedata.normalize("NFC", v).strip()
        return s or None
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return None


def row_is_empty(row: Sequence[Cell]) -> bool:
    """Whether every cell of the row is empty."""
    return all(c.empty and not c.uncomputed for c in row)

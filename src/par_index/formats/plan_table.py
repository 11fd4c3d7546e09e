"""Reading plan tables as they are published: Markdown, CSV, Excel (.xlsx) and Word (.docx).

An annual reform plan (kế hoạch CCHC) carries its tasks in a table, usually an appendix
(Phụ lục) with columns such as STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp,
Thời gian hoàn thành and Sản phẩm. Headers vary from one unit to the next, so they are matched
through an alias map (:data:`HEADER_ALIASES`); section rows (I, II, … or A, B, …) become the
tasks' group, their reform area when the heading names one, and mark the tasks assigned by the
level above when the heading says so ("Nhiệm vụ UBND huyện giao"). A progress table may add
status columns (Tình hình thực hiện, Ngày hoàn thành).

Every problem is reported with its place (``dòng 12, cột 5`` for Markdown and CSV,
``Phụ lục!E12`` for a workbook, ``bảng 1, dòng 12, cột 5`` for a Word document); nothing is
guessed: a completion time that cannot be read is a problem, not a task without a deadline.
With ``partial=True`` the rows that are right are kept and the result says it is partial.

Excel needs the ``excel`` extra (openpyxl), Word the ``documents`` extra (python-docx); both
are imported only when such a file is read.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Final, Literal

import attrs

from par_index.core.lang import Lang
from par_index.exceptions import InvalidTask, LoadError, Problem
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentKind, DocumentRef, find_document_refs
from par_index.model.periods import ReportingPeriod
from par_index.model.tasks import Deadline, Plan, Task, TaskStatus, TaskUpdate

__all__ = [
    "HEADER_ALIASES",
    "Cell",
    "PlanTable",
    "plan_from_rows",
    "problem_text",
    "read_plan_table",
    "read_task_updates",
    "rows_from_csv",
    "rows_from_docx",
    "rows_from_markdown",
    "rows_from_xlsx",
    "updates_from_rows",
]

Field = Literal[
    "id",
    "title",
    "lead",
    "partners",
    "deadline",
    "product",
    "area",
    "assigned_by",
    "status",
    "completed_on",
    "document",
    "ignored",
]

#: Header words (normalised: lower case, no punctuation) and the task field they fill.
HEADER_ALIASES: Final[dict[str, Field]] = {
    **dict.fromkeys(["stt", "tt", "số tt", "số thứ tự"], "id"),
    **dict.fromkeys(
        [
            "nội dung",
            "nội dung nhiệm vụ",
            "nhiệm vụ",
            "tên nhiệm vụ",
            "nhiệm vụ cụ thể",
            "nhiệm vụ giải pháp",
            "nhiệm vụ đề án dự án",
            "nội dung công việc",
            "công việc",
            "nội dung thực hiện",
            "nội dung hoạt động",
            "hoạt động",
        ],
        "title",
    ),
    **dict.fromkeys(
        [
            "cơ quan chủ trì",
            "cơ quan chủ trì thực hiện",
            "đơn vị chủ trì",
            "chủ trì",
            "chủ trì thực hiện",
            "cơ quan đơn vị chủ trì",
            "bộ phận chủ trì",
            "người chủ trì",
            "cơ quan thực hiện",
            "đơn vị thực hiện",
            "cơ quan đơn vị thực hiện",
            "bộ phận thực hiện",
            "người thực hiện",
            "phân công thực hiện",
        ],
        "lead",
    ),
    **dict.fromkeys(
        [
            "cơ quan phối hợp",
            "cơ quan phối hợp thực hiện",
            "đơn vị phối hợp",
            "cơ quan đơn vị phối hợp",
            "bộ phận phối hợp",
            "phối hợp",
            "phối hợp thực hiện",
        ],
        "partners",
    ),
    **dict.fromkeys(
        [
            "thời gian hoàn thành",
            "thời hạn hoàn thành",
            "thời gian dự kiến hoàn thành",
            "hạn hoàn thành",
            "thời gian thực hiện",
            "thời gian",
            "thời hạn",
            "thời gian trình",
            "tiến độ",
            "tiến độ thực hiện",
            "tiến độ hoàn thành",
        ],
        "deadline",
    ),
    **dict.fromkeys(
        [
            "sản phẩm",
            "sản phẩm đầu ra",
            "sản phẩm dự kiến",
            "dự kiến sản phẩm",
            "kết quả sản phẩm",
            "kết quả dự kiến",
            "kết quả đầu ra",
            "kết quả",
            "hình thức văn bản",
            "hình thức sản phẩm",
        ],
        "product",
    ),
    "lĩnh vực": "area",
    **dict.fromkeys(
        ["cơ quan giao", "cấp giao", "nguồn giao", "cấp trên giao", "văn bản giao"],
        "assigned_by",
    ),
    **dict.fromkeys(
        ["tình hình thực hiện", "kết quả thực hiện", "trạng thái", "tình trạng"], "status"
    ),
    **dict.fromkeys(
        ["ngày hoàn thành", "ngày hoàn thành thực tế", "thời gian hoàn thành thực tế"],
        "completed_on",
    ),
    **dict.fromkeys(
        ["văn bản", "số ký hiệu văn bản", "văn bản sản phẩm", "văn bản đã ban hành"], "document"
    ),
    **dict.fromkeys(
        [
            "cấp trình",
            "ghi chú",
            "kinh phí",
            "nguồn kinh phí",
            "thời gian bắt đầu",
            "ngày bắt đầu",
        ],
        "ignored",
    ),
}

# Words of a section heading and the reform area they name (the provincial PAR INDEX domains,
# QĐ 876/QĐ-BNV 2022; the outline of 581/BNV-CCHC).
_AREA_WORDS: Final[tuple[tuple[str, ReformArea], ...]] = (
    ("chỉ đạo", ReformArea.DIRECTION),
    ("thể chế", ReformArea.INSTITUTIONS),
    ("quy phạm pháp luật", ReformArea.INSTITUTIONS),
    ("thủ tục hành chính", ReformArea.PROCEDURES),
    ("tthc", ReformArea.PROCEDURES),
    ("bộ máy", ReformArea.APPARATUS),
    ("công vụ", ReformArea.CIVIL_SERVICE),
    ("tài chính công", ReformArea.PUBLIC_FINANCE),
    ("chính quyền điện tử", ReformArea.DIGITAL_GOVERNMENT),
    ("chính quyền số", ReformArea.DIGITAL_GOVERNMENT),
    ("chuyển đổi số", ReformArea.DIGITAL_GOVERNMENT),
    ("hiện đại hóa", ReformArea.DIGITAL_GOVERNMENT),
)
_AREA_BY_VALUE: Final = {a.value: a for a in ReformArea} | {
    unicodedata.normalize("NFC", a.name_vi).lower(): a for a in ReformArea
}

# First match wins: "chưa hoàn thành" before "hoàn thành", "chưa rõ" before "chưa".
_STATUS_WORDS: Final[tuple[tuple[str, TaskStatus], ...]] = (
    ("không thực hiện", TaskStatus.CANCELLED),
    ("hủy", TaskStatus.CANCELLED),
    ("không rõ", TaskStatus.UNKNOWN),
    ("chưa rõ", TaskStatus.UNKNOWN),
    ("chưa hoàn thành", TaskStatus.IN_PROGRESS),
    ("một phần", TaskStatus.IN_PROGRESS),
    ("hoàn thành", TaskStatus.DONE),
    ("đang", TaskStatus.IN_PROGRESS),
    ("chưa", TaskStatus.NOT_STARTED),
)

_GROUP_ID_RE: Final = re.compile(r"(?:phần |mục )?([ivxlc]+|[a-zđ])\.?", re.IGNORECASE)
# A completion time the source says it does not know ("Không rõ"): kept as no time at all.
_UNKNOWN_TIME: Final = frozenset({"không rõ", "chưa rõ", "không xác định"})
_DATE_RE: Final = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR_RE: Final = re.compile(r"năm (\d{4})", re.IGNORECASE)
_PLAN_KINDS: Final = (DocumentKind.QUYET_DINH, DocumentKind.KE_HOACH, DocumentKind.NGHI_QUYET)


@attrs.frozen
class Cell:
    """One cell's text and its place in the file ("Phụ lục!C12", "dòng 12, cột 3")."""

    text: str
    place: str


Row = tuple[Cell, ...]


@attrs.frozen
class PlanTable:
    """A plan read from a table.

    Attributes:
        plan: the plan (with the rows that were right when the result is partial).
        source: the file read.
        columns: each header as written and the field it fills ("ignored" for known columns
            the plan model does not keep, such as Cấp trình or Ghi chú).
        problems: every problem found, each with its place.
        rows: how many task rows the table has.
    """

    plan: Plan
    source: str
    columns: tuple[tuple[str, str], ...]
    problems: tuple[Problem, ...] = ()
    rows: int = 0

    @property
    def complete(self) -> bool:
        """Whether every row was read (the result is not partial)."""
        return not self.problems


def _norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _field_of(header: str) -> Field | None:
    n = _norm(header)
    if n in HEADER_ALIASES:
        return HEADER_ALIASES[n]
    # "Thời gian hoàn thành (dự kiến)", "Sản phẩm (kết quả)": the longest alias it starts with.
    best = max((a for a in HEADER_ALIASES if n.startswith(a + " ")), key=len, default=None)
    return HEADER_ALIASES[best] if best is not None else None


# --------------------------------------------------------------------------- readers


def rows_from_markdown(text: str) -> tuple[list[Row], list[str]]:
    """The table rows of a Markdown (or " | "-separated) text, and its other lines.

    A line is a row when it starts with "|" or has " | " between cells; separator lines
    ("|---|---|") and HTML comments are skipped. Places read "dòng N, cột K".
    """
    rows: list[Row] = []
    other: list[str] = []
    in_comment = False
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if in_comment or line.startswith("<!--"):  # an HTML comment is no part of the text
            in_comment = "-->" not in line
            continue
        if not line.startswith("|") and " | " not in line:
            if line:
                other.append(line)
            continue
        inner = line.strip("|")
        if re.fullmatch(r"[\s|:\-]+", inner):
            continue
        cells = [c.strip() for c in inner.split("|")]
        rows.append(tuple(Cell(c, f"dòng {n}, cột {k}") for k, c in enumerate(cells, start=1)))
    return rows, other


def rows_from_csv(text: str) -> list[Row]:
    """The rows of a CSV text (comma, semicolon or tab separated). Places read "dòng N, cột K"."""
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, ",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[Row] = []
    for n, record in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        rows.append(tuple(Cell(c, f"dòng {n}, cột {k}") for k, c in enumerate(record, start=1)))
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rows_from_xlsx(data: bytes, sheet: str | None = None) -> list[Row]:
    """The rows of a workbook's sheet (the first one unless named). Places read "Sheet!C12";
    date cells read as dd/mm/yyyy.

    Raises:
        ImportError: naming the ``excel`` extra when openpyxl is missing.
        LoadError: when the sheet does not exist or the file is not a workbook.
    """
    try:
        import openpyxl  # noqa: PLC0415
        from openpyxl.utils import get_column_letter  # noqa: PLC0415
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "reading .xlsx plan tables needs the excel extra: pip install 'par_index[excel]'"
        ) from e
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise LoadError(
            [Problem("$", "not-a-workbook", "an Excel workbook (.xlsx)", type(e).__name__)]
        ) from None
    if sheet is not None and sheet not in wb.sheetnames:
        raise LoadError([Problem("$", "unknown-sheet", f"a sheet of {wb.sheetnames}", repr(sheet))])
    ws = wb[sheet] if sheet is not None else wb.worksheets[0]
    rows: list[Row] = []
    for r, values in enumerate(ws.iter_rows(values_only=True), start=1):
        rows.append(
            tuple(
                Cell(_cell_text(v), f"{ws.title}!{get_column_letter(k)}{r}")
                for k, v in enumerate(values, start=1)
            )
        )
    wb.close()
    return rows


def rows_from_docx(data: bytes) -> tuple[list[Row], list[str]]:
    """The rows of every table of a Word document, and its paragraphs. Places read
    "bảng T, dòng N, cột K"; a merged cell repeats its text in each column it spans.

    Raises:
        ImportError: naming the ``documents`` extra when python-docx is missing.
        LoadError: when the file is not a Word document.
    """
    try:
        import docx  # noqa: PLC0415
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "reading .docx plan tables needs the documents extra: "
            "pip install 'par_index[documents]'"
        ) from e
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds for a bad file
        raise LoadError(
            [Problem("$", "not-a-document", "a Word document (.docx)", type(e).__name__)]
        ) from None
    rows: list[Row] = []
    for t, table in enumerate(document.tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            rows.append(
                tuple(
                    Cell(cell.text, f"bảng {t}, dòng {r}, cột {k}")
                    for k, cell in enumerate(row.cells, start=1)
                )
            )
    paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
    return rows, paragraphs


# --------------------------------------------------------------------------- rows to a plan


def _header_row(rows: Sequence[Row]) -> int | None:
    for i, row in enumerate(rows):
        fields = [_field_of(c.text) for c in row if c.text.strip()]
        if "title" in fields and sum(f is not None for f in fields) >= 2:
            return i
    return None


def _area_of(text: str) -> ReformArea | None:
    n = _clean(text).lower()
    if n in _AREA_BY_VALUE:
        return _AREA_BY_VALUE[n]
    for words, area in _AREA_WORDS:
        if words in n:
            return area
    return None


def _assigned_heading(text: str) -> bool:
    n = _clean(text).lower()
    return "cấp trên giao" in n or bool(re.search(r"(huyện|tỉnh|thành phố|trung ương)\s+giao", n))


def _is_group(cells: dict[Field, Cell], row: Row) -> bool:
    ident = cells["id"].text.strip() if "id" in cells else ""
    title = cells["title"].text.strip() if "title" in cells else ""
    if not ident or not _GROUP_ID_RE.fullmatch(ident) or ident.isdigit():
        return False
    others = {c.text.strip() for c in row if c.text.strip() and c is not cells.get("id")}
    return bool(title) and others <= {title}


def _plan_meta(
    lines: Sequence[str],
    ref: DocumentRef | None,
    year: int | None,
    issuer: str | None,
    c: list[Problem],
) -> tuple[DocumentRef | None, int | None, str, str]:
    text = "\n".join(lines)
    if ref is None:
        # The plan's own document follows "Kèm theo" ("Ban hành kèm theo Quyết định số …");
        # a title may cite others first ("… thực hiện Nghị quyết 15-NQ/TW").
        attached = [ln for ln in lines if "kèm theo" in ln.lower()]
        for candidates in (attached, [text]):
            found = [
                f.ref
                for ln in candidates
                for f in find_document_refs(ln)
                if f.ref.kind in _PLAN_KINDS
            ]
            if found:
                ref = found[0]
                break
    if ref is None:
        c.append(
            Problem(
                "kế hoạch",
                "plan-ref-missing",
                "the plan's document (a line such as 'Kèm theo Quyết định số 252/QĐ-UBND "
                "ngày 25/12/2022') or --ref",
                "no reference",
            )
        )
    clean = [ln.lstrip("#").strip() for ln in lines if ln.lstrip("#").strip()]
    i = next(
        (
            k
            for k, ln in enumerate(clean)
            if re.search(r"kế hoạch|chương trình|phụ lục", ln.lower())
        ),
        None,
    )
    title = ""
    if i is not None:
        title = clean[i]
        if _norm(title) == "phụ lục" and i + 1 < len(clean):  # the appendix's own title follows
            title = f"{title} — {clean[i + 1]}"
    if year is None:
        m = next((_YEAR_RE.search(ln) for ln in lines if _YEAR_RE.search(ln)), None)
        if m is not None:
            year = int(m.group(1))
        elif ref is not None and ref.date is not None:
            year = ref.date.year
    if year is None:
        c.append(Problem("kế hoạch", "plan-year-missing", "the plan's year or --year", "none"))
    return ref, year, issuer or (ref.issuer if ref is not None else ""), title


def plan_from_rows(
    rows: Sequence[Row],
    lines: Sequence[str] = (),
    *,
    source: str = "<table>",
    ref: DocumentRef | None = None,
    year: int | None = None,
    issuer: str | None = None,
    assigned_by: str = "",
    partial: bool = False,
) -> PlanTable:
    """A plan from table rows (any reader's) and the text around the table.

    Args:
        rows: the rows; the first whose headers name a task field (and two fields at least)
            is the header row, rows above it are read as text with ``lines``.
        lines: the text around the table, where the plan's document, title and year are
            looked for ("Kèm theo Quyết định số 252/QĐ-UBND ngày 25/12/2022").
        source: the file's name for messages.
        ref: the plan's document, when the text does not give it.
        year: the plan's year, when the text does not give it.
        issuer: the issuing body (default: the document's issuer abbreviation).
        assigned_by: the higher body, for tasks under an "assigned" heading.
        partial: keep the right rows and list the problems instead of raising.

    Raises:
        LoadError: listing every problem with its place, unless ``partial`` (a missing
            header, document or year is raised even then: there is no plan without them).
    """
    problems: list[Problem] = []
    h = _header_row(rows)
    if h is None:
        raise LoadError(
            [
                Problem(
                    "$",
                    "header-missing",
                    "a header row with STT, Nội dung nhiệm vụ and Thời gian hoàn thành (or "
                    "their variants)",
                    "no such row",
                )
            ],
            source=source,
        )
    header = rows[h]
    above = [" ".join(c.text for c in r if c.text.strip()) for r in rows[:h]]
    meta_problems: list[Problem] = []
    ref, year, issuer_text, title = _plan_meta([*lines, *above], ref, year, issuer, meta_problems)
    if meta_problems or ref is None or year is None:
        raise LoadError(meta_problems, source=source)
    # Each field takes one column: the one whose header is an alias exactly, else the first
    # that starts with one ("Thời gian hoàn thành" wins over "Thời gian bắt đầu"); every other
    # column is listed as ignored, never dropped unseen.
    fields: dict[int, Field] = {}
    for exact in (True, False):
        for k, cell in enumerate(header):
            f = _field_of(cell.text)
            if f is None or f == "ignored" or k in fields or f in fields.values():
                continue
            if (_norm(cell.text) in HEADER_ALIASES) is exact:
                fields[k] = f
    columns = [
        (_clean(cell.text), fields.get(k, "ignored"))
        for k, cell in enumerate(header)
        if cell.text.strip()
    ]
    if "deadline" not in fields.values():
        problems.append(
            Problem(header[0].place, "deadline-column-missing", "a completion-time column", "none")
        )
    tasks: list[Task] = []
    seen: dict[str, str] = {}
    group, group_id, area, assigned = "", "", None, False
    count = 0
    for row in rows[h + 1 :]:
        cells: dict[Field, Cell] = {f: row[k] for k, f in fields.items() if k < len(row)}
        texts = [c.text.strip() for c in row if c.text.strip()]
        if not texts:
            continue
        if _is_group(cells, row):
            group = _clean(cells["title"].text)
            group_id = cells["id"].text.strip().rstrip(".")
            area = _area_of(group)
            assigned = _assigned_heading(group)
            continue
        if all(re.fullmatch(r"\(?\d+\)?", t) for t in texts):
            continue  # a row of column numbers (1) (2) (3) under the header
        count += 1
        task, row_problems = _task(cells, row, group, group_id, area, assigned, assigned_by, year)
        problems.extend(row_problems)
        ident = _task_id(cells, group_id)
        place = cells["id"].place if "id" in cells else row[0].place
        if ident and ident in seen:
            problems.append(
                Problem(
                    place, "duplicate-id", f"an id not used before (used at {seen[ident]})", ident
                )
            )
            continue
        if ident:
            seen[ident] = place
        if task is not None:
            tasks.append(task)
    if problems and not partial:
        raise LoadError(problems, source=source)
    plan = Plan(ref, year, issuer_text, tuple(tasks), title)
    return PlanTable(plan, source, tuple(columns), tuple(problems), count)


def _task_id(cells: dict[Field, Cell], group_id: str) -> str:
    """The task's id: its STT, under its section's number ("I.1") when the STT is a bare
    number."""
    ident = _clean(cells["id"].text).rstrip(".") if "id" in cells else ""
    if group_id and re.fullmatch(r"\d+", ident):
        return f"{group_id}.{ident}"
    return ident


def _task(
    cells: dict[Field, Cell],
    row: Row,
    group: str,
    group_id: str,
    area: ReformArea | None,
    assigned: bool,
    assigned_by: str,
    year: int,
) -> tuple[Task | None, list[Problem]]:
    problems: list[Problem] = []

    def text(f: Field) -> str:
        return _clean(cells[f].text) if f in cells else ""

    ident = _task_id(cells, group_id)
    title = text("title")
    first = row[0].place
    if not ident:
        problems.append(Problem(first, "id-missing", "the task's STT", "an empty cell"))
    if not title:
        problems.append(
            Problem(
                cells["title"].place if "title" in cells else first,
                "title-missing",
                "what is to be done",
                "an empty cell",
            )
        )
    deadline: Deadline | None = None
    if "deadline" in cells:
        raw = text("deadline")
        if _norm(raw) in _UNKNOWN_TIME:
            pass  # stated as unknown: the task cannot be placed in a period, and says so
        elif not raw:
            problems.append(
                Problem(cells["deadline"].place, "deadline-missing", "a completion time", "")
            )
        else:
            try:
                deadline = Deadline.parse(raw, year=year)
            except InvalidTask as e:
                problems.extend(
                    Problem(cells["deadline"].place, p.code, p.expected, p.found)
                    for p in e.problems
                )
    task_area = area
    if "area" in cells and text("area"):
        task_area = _area_of(text("area"))
        if task_area is None:
            problems.append(
                Problem(cells["area"].place, "unknown-area", "a reform area", text("area"))
            )
    status = TaskStatus.NOT_STARTED
    if "status" in cells and text("status"):
        s = _status_of(text("status"))
        if s is None:
            problems.append(
                Problem(
                    cells["status"].place,
                    "unknown-status",
                    "Đã hoàn thành, Đang thực hiện, Chưa thực hiện, Không thực hiện or Không rõ",
                    text("status"),
                )
            )
        else:
            status = s
    completed: date | None = None
    if "completed_on" in cells and text("completed_on"):
        m = _DATE_RE.fullmatch(text("completed_on"))
        try:
            completed = date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
        except ValueError:
            completed = None
        if completed is None:
            problems.append(
                Problem(
                    cells["completed_on"].place,
                    "bad-date",
                    "a day dd/mm/yyyy",
                    text("completed_on"),
                )
            )
    if (
        status is TaskStatus.DONE
        and completed is None
        and not any(p.code == "bad-date" for p in problems)
    ):
        place = cells["completed_on"].place if "completed_on" in cells else first
        problems.append(
            Problem(place, "done-without-date", "the completion day of a done task", "")
        )
    if status is not TaskStatus.DONE and completed is not None:
        problems.append(
            Problem(
                cells["completed_on"].place,
                "date-without-done",
                f"no completion day while the task is {status.value}",
                text("completed_on"),
            )
        )
    by = text("assigned_by") or (assigned_by or group if assigned else "")
    if problems:  # a row with a problem is rejected whole, never half-read
        return None, problems
    try:
        task = Task(
            id=ident,
            title=title,
            area=task_area,
            assigned_by=by,
            status=status,
            completed_on=completed,
            deadline=deadline,
            lead=text("lead"),
            partners=text("partners"),
            product=text("product") or text("document"),
            group=group,
        )
    except InvalidTask as e:  # pragma: no cover - the checks above cover the task's rules
        return None, problems + [Problem(first, p.code, p.expected, p.found) for p in e.problems]
    return task, problems


def _status_of(text: str) -> TaskStatus | None:
    n = _clean(text).lower()
    for words, status in _STATUS_WORDS:
        if words in n:
            return status
    return None


# --------------------------------------------------------------------------- files


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError(
            [Problem(f"byte {e.start}", "not-utf8", "UTF-8 text", repr(data[e.start : e.end]))],
            source=source,
        ) from None


def read_plan_table(
    path: str | Path,
    *,
    ref: DocumentRef | None = None,
    year: int | None = None,
    issuer: str | None = None,
    assigned_by: str = "",
    sheet: str | None = None,
    partial: bool = False,
) -> PlanTable:
    """Read a plan table from a .md/.txt, .csv, .xlsx or .docx file.

    Args:
        path: the file; its suffix chooses the reader.
        ref: the plan's document, when the file does not give it.
        year: the plan's year, when the file does not give it.
        issuer: the issuing body.
        assigned_by: the higher body, for tasks under an "assigned" heading.
        sheet: the workbook sheet (the first one by default).
        partial: keep the right rows and list the problems instead of raising.

    Raises:
        LoadError: listing every problem with its place; also for an unknown suffix.
        ImportError: naming the extra to install for .xlsx or .docx files.
        OSError: when the file cannot be read.
    """
    rows, lines, source = _file_rows(Path(path), sheet)
    return plan_from_rows(
        rows,
        lines,
        source=source,
        ref=ref,
        year=year,
        issuer=issuer,
        assigned_by=assigned_by,
        partial=partial,
    )


# --------------------------------------------------------------------------- updates

_UPDATE_ALIASES: Final[dict[str, str]] = {
    **dict.fromkeys(["stt", "tt", "mã nhiệm vụ", "nhiệm vụ"], "task_id"),
    **dict.fromkeys(["ngày", "ngày cập nhật", "ngày hoàn thành"], "on"),
    **dict.fromkeys(["tình trạng", "trạng thái", "tình hình thực hiện"], "status"),
    **dict.fromkeys(["văn bản", "số ký hiệu văn bản"], "document"),
    "sản phẩm": "product",
    **dict.fromkeys(["kỳ", "kỳ báo cáo"], "period"),
    **dict.fromkeys(["ghi chú", "nguồn"], "note"),
}


def _file_rows(path: Path, sheet: str | None) -> tuple[list[Row], list[str], str]:
    source = str(path)
    data = path.read_bytes()
    suffix = path.suffix.lower()
    try:
        if suffix in (".md", ".markdown", ".txt"):
            rows, lines = rows_from_markdown(_decode(data, source))
            return rows, lines, source
        if suffix == ".csv":
            return rows_from_csv(_decode(data, source)), [], source
        if suffix == ".xlsx":
            return rows_from_xlsx(data, sheet), [], source
        if suffix == ".docx":
            rows, lines = rows_from_docx(data)
            return rows, lines, source
    except LoadError as e:
        raise LoadError(e.problems, source=source) from None
    raise LoadError(
        [Problem("$", "unknown-format", "a .md, .txt, .csv, .xlsx or .docx file", suffix)],
        source=source,
    )


def read_task_updates(
    path: str | Path, plan: Plan, *, sheet: str | None = None
) -> tuple[TaskUpdate, ...]:
    """Read a status history (one update a row: STT, Ngày, Tình trạng, Văn bản, Sản phẩm, Kỳ,
    Ghi chú) for the tasks of ``plan``.

    Raises:
        LoadError: listing every problem with its place (unknown task, bad day, status,
            document or period, a done row without its product, rows out of order).
        ImportError: naming the extra to install for .xlsx or .docx files.
        OSError: when the file cannot be read.
    """
    rows, _, source = _file_rows(Path(path), sheet)
    return updates_from_rows(rows, plan, source=source)


def updates_from_rows(
    rows: Sequence[Row], plan: Plan, *, source: str = "<table>"
) -> tuple[TaskUpdate, ...]:
    """A status history from table rows (any reader's), checked against ``plan``.

    Raises:
        LoadError: listing every problem with its place.
    """
    problems: list[Problem] = []
    header = next(
        (i for i, r in enumerate(rows) if sum(_norm(c.text) in _UPDATE_ALIASES for c in r) >= 3),
        None,
    )
    if header is None:
        raise LoadError(
            [Problem("$", "header-missing", "a header row with STT, Ngày and Tình trạng", "none")],
            source=source,
        )
    cols = {
        k: _UPDATE_ALIASES[_norm(c.text)]
        for k, c in enumerate(rows[header])
        if _norm(c.text) in _UPDATE_ALIASES
    }
    ids = {t.id for t in plan.tasks}
    updates: list[TaskUpdate] = []
    for row in rows[header + 1 :]:
        if not any(c.text.strip() for c in row):
            continue
        cell = {name: row[k] for k, name in cols.items() if k < len(row)}

        def val(name: str, cell: dict[str, Cell] = cell) -> str:
            return _clean(cell[name].text) if name in cell else ""

        here = len(problems)
        place = row[0].place
        task_id = val("task_id")
        if task_id not in ids:
            problems.append(
                Problem(place, "unknown-task", "the STT of a task of the plan", task_id)
            )
        m = _DATE_RE.fullmatch(val("on"))
        on: date | None = None
        try:
            on = date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
        except ValueError:
            on = None
        if on is None:
            where = cell["on"].place if "on" in cell else place
            problems.append(Problem(where, "bad-date", "a day dd/mm/yyyy", val("on")))
        status = _status_of(val("status"))
        if status is None or status is TaskStatus.UNKNOWN:
            where = cell["status"].place if "status" in cell else place
            problems.append(
                Problem(
                    where,
                    "unknown-status",
                    "Đã hoàn thành, Đang thực hiện, Chưa thực hiện or Không thực hiện",
                    val("status"),
                )
            )
        document: DocumentRef | None = None
        if val("document"):
            try:
                document = DocumentRef.parse(val("document"))
            except ValueError:
                problems.append(
                    Problem(
                        cell["document"].place,
                        "bad-document",
                        "a document reference",
                        val("document"),
                    )
                )
        period: ReportingPeriod | None = None
        if val("period"):
            try:
                period = ReportingPeriod.parse(val("period"))
            except ValueError:
                problems.append(
                    Problem(cell["period"].place, "bad-period", "a reporting period", val("period"))
                )
        if len(problems) > here:
            continue
        assert on is not None
        assert status is not None
        try:
            updates.append(
                TaskUpdate(task_id, on, status, document, val("product"), period, val("note"))
            )
        except InvalidTask as e:
            problems.extend(Problem(place, p.code, p.expected, p.found) for p in e.problems)
    if not problems:
        try:
            plan.with_updates(*updates)
        except InvalidTask as e:
            problems.extend(p.under(source) for p in e.problems)
    if problems:
        raise LoadError(problems, source=source)
    return tuple(updates)


# --------------------------------------------------------------------------- messages

_EXPECTED_VI: Final[dict[str, str]] = {
    "header-missing": "một dòng tiêu đề có STT, Nội dung nhiệm vụ và Thời gian hoàn thành",
    "plan-ref-missing": "số, ký hiệu văn bản ban hành kế hoạch (hoặc --ref)",
    "plan-year-missing": "năm kế hoạch (hoặc --year)",
    "deadline-column-missing": "cột thời gian hoàn thành",
    "deadline-missing": "thời gian hoàn thành",
    "deadline-unreadable": "thời gian hoàn thành như 'Quý II/2023', 'Tháng 6/2023', "
    "'Trước 30/6/2023', '2023', 'Thường xuyên', 'Cả năm', 'Hằng quý'",
    "deadline-year-missing": "năm của thời gian hoàn thành (hoặc năm kế hoạch)",
    "deadline-out-of-range": "ngày, tháng hoặc quý có thật",
    "id-missing": "số thứ tự (STT) của nhiệm vụ",
    "title-missing": "nội dung nhiệm vụ",
    "duplicate-id": "STT chưa dùng ở dòng khác",
    "unknown-area": "một lĩnh vực CCHC",
    "unknown-status": (
        "Đã hoàn thành, Đang thực hiện, Chưa thực hiện, Không thực hiện hoặc Không rõ"
    ),
    "bad-date": "ngày dạng dd/mm/yyyy",
    "done-without-date": "ngày hoàn thành của nhiệm vụ đã hoàn thành",
    "date-without-done": "không ghi ngày hoàn thành khi nhiệm vụ chưa hoàn thành",
    "not-utf8": "văn bản mã UTF-8",
    "unknown-format": "tệp .md, .txt, .csv, .xlsx hoặc .docx",
    "not-a-workbook": "tệp Excel (.xlsx)",
    "not-a-document": "tệp Word (.docx)",
    "unknown-task": "STT của một nhiệm vụ trong kế hoạch",
    "bad-document": "số, ký hiệu văn bản",
    "bad-period": "một kỳ báo cáo như '6 tháng đầu năm 2023'",
    "done-without-product": "văn bản hoặc sản phẩm của nhiệm vụ đã hoàn thành",
    "cancelled-without-decision": "văn bản điều chỉnh kế hoạch",
    "update-order": "ngày không trước lần cập nhật trước",
    "update-after-final": "không cập nhật sau khi nhiệm vụ đã hoàn thành hoặc không thực hiện",
    "unknown-sheet": "tên một trang tính có trong tệp",
}


def problem_text(p: Problem, lang: Lang = "vi") -> str:
    """One problem for people: its place, what was expected and what was found."""
    if lang == "en":
        return str(p)
    expected = _EXPECTED_VI.get(p.code, p.expected)
    found = p.found if p.found else "ô trống"
    return f"{p.path}: cần {expected}, gặp {found} [{p.code}]"

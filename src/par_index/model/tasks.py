"""Reform plans (kế hoạch CCHC), their tasks (nhiệm vụ), deadlines and status updates.

A unit's annual reform plan is issued by decision (e.g. Quyết định 252/QĐ-UBND ngày
25/12/2022 of UBND xã Ba Trang for 2023) and lists tasks in a table: what is to be done, the
lead body (cơ quan chủ trì), the partners (cơ quan phối hợp), the completion time as written
("Quý II/2023", "Tháng 6/2023", "Trước 30/6/2023", "Thường xuyên", "Cả năm") and the expected
product (sản phẩm). Some tasks are assigned by the level above (nhiệm vụ cấp trên giao: the
11 tasks of Quyết định 4559/QĐ-UBND of UBND huyện Ba Tơ in the Ba Trang example) and are kept
apart from the unit's own. Plan completion is the share of tasks done (the "mức độ thực hiện
kế hoạch CCHC" criterion; Cà Mau 1880/QĐ-UBND 1.1.4, docs/sources.md).

:class:`Deadline` reads a completion time as written into its calendar window; the working-day
due date is computed by :mod:`par_index.service.plans` on the working calendar, which this
layer does not import. :class:`TaskUpdate` records how a task stands on a date (done with its
product, in progress, not started, cancelled with the adjusting decision); a :class:`Plan`
carries its updates, and measures are taken as of any date.
"""

from __future__ import annotations

import calendar as _calendar
import enum
import re
import unicodedata
from datetime import date
from typing import Final, Self

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidTask, Problem
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.periods import PeriodKind, ReportingPeriod

__all__ = [
    "Deadline",
    "DeadlineKind",
    "Plan",
    "Task",
    "TaskStatus",
    "TaskUpdate",
    "deadline_problem",
]


class TaskStatus(enum.StrEnum):
    """Where a task stands."""

    NOT_STARTED = "not_started"  # chưa thực hiện
    IN_PROGRESS = "in_progress"  # đang thực hiện
    DONE = "done"  # đã hoàn thành
    CANCELLED = "cancelled"  # không thực hiện (điều chỉnh, hủy bỏ)
    UNKNOWN = "unknown"  # không rõ: the source does not say (never guessed as not done)

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return _STATUS_VI[self]

    @property
    def name_en(self) -> str:
        """The English name."""
        return _STATUS_EN[self]


_STATUS_VI: Final = {
    TaskStatus.NOT_STARTED: "chưa thực hiện",
    TaskStatus.IN_PROGRESS: "đang thực hiện",
    TaskStatus.DONE: "đã hoàn thành",
    TaskStatus.CANCELLED: "không thực hiện",
    TaskStatus.UNKNOWN: "không rõ",
}
_STATUS_EN: Final = {
    TaskStatus.NOT_STARTED: "not started",
    TaskStatus.IN_PROGRESS: "in progress",
    TaskStatus.DONE: "done",
    TaskStatus.CANCELLED: "cancelled",
    TaskStatus.UNKNOWN: "unknown",
}


# --------------------------------------------------------------------------- deadlines


class DeadlineKind(enum.StrEnum):
    """How a completion time is written."""

    DATE = "date"  # "30/6/2023", "Trước ngày 30/6/2023", "Giữa năm 2023"
    MONTH = "month"  # "Tháng 6/2023"
    QUARTER = "quarter"  # "Quý II/2023"
    HALF_YEAR = "half_year"  # "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"
    NINE_MONTHS = "nine_months"  # "9 tháng đầu năm 2023"
    YEAR = "year"  # "2023", "Năm 2023", "Trong năm 2023"
    RANGE = "range"  # "2022-2030", "Tháng 3-4/2023", "Quý I-II/2023"
    CONTINUOUS = "continuous"  # "Thường xuyên", "Cả năm": judged per period
    RECURRING = "recurring"  # "Hằng quý", "Hằng tháng", "Định kỳ 6 tháng": one per period


_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Q = r"(?P<q>iv|i{1,3}|[1-4])"
_Y = r"(?:(?:/|\s+năm\s+|\s+)(?P<y>\d{4}))?"

_CONTINUOUS_RE: Final = re.compile(
    r"(?:thường xuyên(?:,? liên tục)?|liên tục|cả năm|quanh năm|trong năm)"
    r"(?: (?:trong )?năm (?P<y>\d{4}))?"
)
_RECURRING_RE: Final = re.compile(
    r"(?:định kỳ,? )?(?:hằng|hàng|mỗi|theo|định kỳ) ?(?P<every>tháng|quý|năm|6 tháng)"
)
_DATE_RE: Final = re.compile(
    r"(?:ngày )?(?P<d>\d{1,2})(?:[/.-]| tháng )(?P<m>\d{1,2})(?:(?:[/.-]| năm )(?P<y>\d{4}))?"
)
_MONTH_RE: Final = re.compile(
    r"(?:tháng |t)(?P<m>\d{1,2})" + _Y + r"|(?P<m2>\d{1,2})/(?P<y2>\d{4})"
)
_QUARTER_RE: Final = re.compile(r"(?:quý |q)" + _Q + _Y)
_HALF_RE: Final = re.compile(r"6 tháng (?P<which>đầu|cuối)(?: năm)?" + _Y)
_NINE_RE: Final = re.compile(r"9 tháng(?: đầu)?(?: năm)?" + _Y)
_POINT_RE: Final = re.compile(r"(?P<which>đầu|giữa|cuối) năm" + _Y)
_YEAR_RE: Final = re.compile(r"(?:năm )?(?P<y>\d{4})")
_YEARS_RE: Final = re.compile(
    r"(?:năm |giai đoạn |từ năm |từ )?(?P<a>\d{4}) ?(?:-|đến|đến năm) ?(?:năm )?(?P<b>\d{4})"
)
_MONTHS_RE: Final = re.compile(
    r"(?:từ )?tháng (?P<a>\d{1,2})(?:/(?P<ya>\d{4}))? ?(?:-|đến|đến hết) ?(?:tháng )?(?P<b>\d{1,2})"
    + _Y
)
_QUARTERS_RE: Final = re.compile(
    r"(?:từ )?quý (?P<a>iv|i{1,3}|[1-4]) ?(?:-|đến) ?(?:quý )?(?P<b>iv|i{1,3}|[1-4])" + _Y
)
# Words before the time that do not change it ("hoàn thành trong quý II/2023").
_LEAD_RE: Final = re.compile(
    r"^(?:dự kiến |hoàn thành |thực hiện |triển khai )?(?:trong |vào |xong trong )?"
)
# "Trước 30/6/2023": before (how strictly is a policy of the service layer);
# "Chậm nhất 30/6/2023", "Hạn 30/6/2023", "Không quá 30/6/2023": by that day.
_BEFORE_RE: Final = re.compile(r"^(?:hoàn thành )?(?:trước|xong trước)(?: ngày)? ")
_BY_RE: Final = re.compile(r"^(?:chậm nhất|hạn chót|hạn|không quá|đến)(?: là)?(?: ngày)? ")


def _norm(text: str) -> str:
    t = unicodedata.normalize("NFC", text).lower()
    t = re.sub(r"[\u2010-\u2015\u2212]", "-", t)
    t = re.sub(r"\s+", " ", t).strip().rstrip(".;,").strip()
    return re.sub(r"\s*-\s*", "-", t) if re.search(r"\d\s*-\s*\d", t) else t


def _month_end(y: int, m: int) -> date:
    return date(y, m, _calendar.monthrange(y, m)[1])


def _quarter(text: str) -> int:
    return _ROMAN.get(text) or int(text)


@attrs.frozen
class Deadline:
    """A completion time as a plan writes it, with its calendar window.

    The window is what the words name: "Tháng 6/2023" is 01/06–30/06/2023 and its last day is
    the day the task is due by (Bộ luật Dân sự 2015, Điều 146 khoản 2 điểm c: "cuối tháng là
    ngày cuối cùng của tháng"; khoản 3: "giữa năm là ngày cuối cùng của tháng sáu", "cuối năm
    là ngày cuối cùng của tháng mười hai"). The working-day due date (a last day that is a
    rest day moves to the next working day, Điều 148 khoản 5) is computed on the working
    calendar by :func:`par_index.service.plans.due_date`.

    Attributes:
        text: the words as written ("Quý II/2023").
        kind: how they are written.
        start: the first day of the window.
        end: the last day of the window.
        before: written "Trước …": whether the last day itself still counts is a policy
            (:class:`par_index.service.plans.DeadlinePolicy`), not a fact of the words.
        every: for a recurring time, the period kind of each occurrence (month, quarter,
            half year, year); None otherwise.

    Raises:
        InvalidTask: for a window that ends before it starts, or fields of the wrong type.
    """

    text: str
    kind: DeadlineKind
    start: date
    end: date
    before: bool = False
    every: PeriodKind | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.text, str, "text", "the words as written")
        c.of_type(self.kind, DeadlineKind, "kind", "a DeadlineKind")
        ok = c.of_type(self.start, date, "start", "a date")
        ok = c.of_type(self.end, date, "end", "a date") and ok
        if ok:
            c.check(
                self.start <= self.end,
                "end",
                "end-before-start",
                f"a window end on or after its start ({self.start.isoformat()})",
                self.end,
            )
        c.of_type(self.before, bool, "before", "True or False")
        recurring = self.kind is DeadlineKind.RECURRING
        if self.every is not None or recurring:
            c.check(
                recurring and isinstance(self.every, PeriodKind),
                "every",
                "every-mismatch",
                "a period kind exactly when the time is recurring",
                self.every,
            )
        c.raise_if_any(InvalidTask)

    @property
    def is_periodic(self) -> bool:
        """Whether the task is judged per period (continuous or recurring)."""
        return self.kind in (DeadlineKind.CONTINUOUS, DeadlineKind.RECURRING)

    def occurrences(self) -> tuple[tuple[ReportingPeriod, date, date], ...]:
        """The occurrences of a recurring time inside its window: (period, first, last day).

        "Hằng quý" in 2023 gives the four quarters; "Định kỳ 6 tháng" the first half and the
        year (the six-month and annual reports of NĐ 09/2019/NĐ-CP Điều 12). Other kinds have
        no occurrences.
        """
        if self.kind is not DeadlineKind.RECURRING or self.every is None:
            return ()
        out: list[tuple[ReportingPeriod, date, date]] = []
        for y in range(self.start.year, self.end.year + 1):
            items: list[tuple[ReportingPeriod, date, date]]
            if self.every is PeriodKind.MONTH:
                items = [
                    (ReportingPeriod.month(y, m), date(y, m, 1), _month_end(y, m))
                    for m in range(1, 13)
                ]
            elif self.every is PeriodKind.QUARTER:
                items = [
                    (ReportingPeriod.quarter(y, q), date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
                    for q in range(1, 5)
                ]
            elif self.every is PeriodKind.HALF_YEAR:
                items = [
                    (ReportingPeriod.half_year(y), date(y, 1, 1), date(y, 6, 30)),
                    (ReportingPeriod.annual(y), date(y, 7, 1), date(y, 12, 31)),
                ]
            else:
                items = [(ReportingPeriod.annual(y), date(y, 1, 1), date(y, 12, 31))]
            out.extend(i for i in items if self.start <= i[2] and i[1] <= self.end)
        return tuple(out)

    @classmethod
    def parse(cls, text: str, *, year: int | None = None) -> Self:
        """Read a completion time as written in a plan table.

        Args:
            text: "Quý II/2023", "Tháng 6/2023", "Trước 30/6/2023", "6 tháng đầu năm 2023",
                "2023", "2022-2030", "Thường xuyên", "Cả năm", "Hằng quý", ...
            year: the plan's year, for times written without one ("Quý II", "Thường xuyên").

        Raises:
            InvalidTask: with code ``deadline-unreadable`` when the words are not a time this
                reader knows, ``deadline-year-missing`` when a year is needed and none is
                given, ``deadline-out-of-range`` for impossible days or months.
        """
        problem = _parse_problem(text, year)
        if isinstance(problem, Problem):
            raise InvalidTask([problem])
        kind, start, end, before, every = problem
        return cls(text.strip(), kind, start, end, before, every)


_Parsed = tuple[DeadlineKind, date, date, bool, PeriodKind | None]


def _parse_problem(text: object, year: int | None) -> _Parsed | Problem:
    if not isinstance(text, str) or not text.strip():
        return Problem("deadline", "deadline-unreadable", "a completion time", repr(text))
    t = _norm(text)
    before = False
    if m := _BEFORE_RE.match(t):
        before, t = True, t[m.end() :]
    elif m := _BY_RE.match(t):
        t = t[m.end() :]
    if lead := _LEAD_RE.match(t):
        t = t[lead.end() :]

    def need_year(y: str | None) -> int | Problem:
        if y is not None:
            return int(y)
        if year is not None:
            return year
        return Problem(
            "deadline", "deadline-year-missing", "a year in the time or the plan's year", text
        )

    try:
        if m := _CONTINUOUS_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            return DeadlineKind.CONTINUOUS, date(y, 1, 1), date(y, 12, 31), before, None
        if m := _RECURRING_RE.fullmatch(t):
            if year is None:
                return Problem(
                    "deadline",
                    "deadline-year-missing",
                    "the plan's year for a recurring time",
                    text,
                )
            every = {
                "tháng": PeriodKind.MONTH,
                "quý": PeriodKind.QUARTER,
                "6 tháng": PeriodKind.HALF_YEAR,
                "năm": PeriodKind.YEAR,
            }[m["every"]]
            return DeadlineKind.RECURRING, date(year, 1, 1), date(year, 12, 31), before, every
        if m := _YEARS_RE.fullmatch(t):
            a, b = int(m["a"]), int(m["b"])
            return DeadlineKind.RANGE, date(a, 1, 1), date(b, 12, 31), before, None
        if t == "năm" and year is not None:  # "Trong năm": the plan's year
            return DeadlineKind.YEAR, date(year, 1, 1), date(year, 12, 31), before, None
        if m := _YEAR_RE.fullmatch(t):
            y0 = int(m["y"])
            return DeadlineKind.YEAR, date(y0, 1, 1), date(y0, 12, 31), before, None
        if m := _POINT_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            day = {"đầu": date(y, 1, 1), "giữa": date(y, 6, 30), "cuối": date(y, 12, 31)}
            d = day[m["which"]]
            return DeadlineKind.DATE, d, d, before, None
        if m := _HALF_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            if m["which"] == "đầu":
                return DeadlineKind.HALF_YEAR, date(y, 1, 1), date(y, 6, 30), before, None
            return DeadlineKind.HALF_YEAR, date(y, 7, 1), date(y, 12, 31), before, None
        if m := _NINE_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            return DeadlineKind.NINE_MONTHS, date(y, 1, 1), date(y, 9, 30), before, None
        if m := _QUARTERS_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            qa, qb = _quarter(m["a"]), _quarter(m["b"])
            return (DeadlineKind.RANGE, date(y, 3 * qa - 2, 1), _month_end(y, 3 * qb), before, None)
        if m := _QUARTER_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            q = _quarter(m["q"])
            return DeadlineKind.QUARTER, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), before, None
        if m := _MONTHS_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            ya = int(m["ya"]) if m["ya"] else y
            return (
                DeadlineKind.RANGE,
                date(ya, int(m["a"]), 1),
                _month_end(y, int(m["b"])),
                before,
                None,
            )
        if m := _MONTH_RE.fullmatch(t):
            month = int(m["m"] or m["m2"])
            y = need_year(m["y"] or m["y2"])
            if isinstance(y, Problem):
                return y
            return DeadlineKind.MONTH, date(y, month, 1), _month_end(y, month), before, None
        if m := _DATE_RE.fullmatch(t):
            y = need_year(m["y"])
            if isinstance(y, Problem):
                return y
            d = date(y, int(m["m"]), int(m["d"]))
            return DeadlineKind.DATE, d, d, before, None
    except ValueError:
        return Problem("deadline", "deadline-out-of-range", "a real day, month or quarter", text)
    return Problem(
        "deadline",
        "deadline-unreadable",
        "a completion time such as 'Quý II/2023', 'Tháng 6/2023', 'Trước 30/6/2023', "
        "'6 tháng đầu năm 2023', '2023', '2022-2030', 'Thường xuyên', 'Cả năm', 'Hằng quý'",
        text,
    )


def deadline_problem(text: str, *, year: int | None = None) -> Problem | None:
    """The problem with a completion time, or None when :meth:`Deadline.parse` reads it."""
    p = _parse_problem(text, year)
    return p if isinstance(p, Problem) else None


# --------------------------------------------------------------------------- tasks


def _text_field(c: Checker, value: object, name: str, *, required: bool) -> None:
    if c.of_type(value, str, name, "a text"):
        assert isinstance(value, str)
        if required:
            c.check(
                value.strip() == value and value != "",
                name,
                "blank-text",
                "a non-empty text without surrounding spaces",
                value,
            )
        else:
            c.check(value.strip() == value, name, "blank-text", "no surrounding spaces", value)


def _date_field(c: Checker, value: object, name: str) -> None:
    if value is not None:
        c.check(
            type(value) is date,
            name,
            "wrong-type",
            "a date (not a datetime) or None",
            value,
        )


@attrs.frozen
class Task:
    """One task of a plan (one row of the plan table).

    Attributes:
        id: an identifier unique within its plan ("1", "II.3", ...).
        title: what is to be done (Nội dung nhiệm vụ).
        area: the reform area it belongs to, if the plan says.
        assigned_by: the higher body that assigned it ("UBND huyện Ba Tơ"); empty for the
            unit's own tasks.
        status: where it stands as the plan table states (tables of progress reports have
            a column for it); later changes are :class:`TaskUpdate` records of the plan.
        due: the due date, for a task given one plain date (:attr:`deadline` wins when set).
        completed_on: the completion date; set exactly when the status is done.
        deadline: the completion time as written (Thời gian hoàn thành).
        lead: the lead body (Cơ quan chủ trì).
        partners: the partner bodies (Cơ quan phối hợp).
        product: the expected product (Sản phẩm).
        group: the heading of the table section the task sits in.
        assigned_in: the higher level's document that assigned it (4559/QĐ-UBND).

    Raises:
        InvalidTask: listing every rule broken.
    """

    id: str
    title: str
    area: ReformArea | None = None
    assigned_by: str = ""
    status: TaskStatus = TaskStatus.NOT_STARTED
    due: date | None = None
    completed_on: date | None = None
    deadline: Deadline | None = None
    lead: str = ""
    partners: str = ""
    product: str = ""
    group: str = ""
    assigned_in: DocumentRef | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        _text_field(c, self.id, "id", required=True)
        _text_field(c, self.title, "title", required=True)
        for name in ("assigned_by", "lead", "partners", "product", "group"):
            _text_field(c, getattr(self, name), name, required=False)
        if self.area is not None:
            c.of_type(self.area, ReformArea, "area", "a ReformArea or None")
        status_ok = c.of_type(self.status, TaskStatus, "status", "a TaskStatus")
        _date_field(c, self.due, "due")
        _date_field(c, self.completed_on, "completed_on")
        if self.deadline is not None:
            c.of_type(self.deadline, Deadline, "deadline", "a Deadline or None")
        if self.assigned_in is not None:
            c.of_type(self.assigned_in, DocumentRef, "assigned_in", "a DocumentRef or None")
        if status_ok:
            if self.status is TaskStatus.DONE:
                c.check(
                    self.completed_on is not None,
                    "completed_on",
                    "done-without-date",
                    "a completion date for a task that is done",
                    None,
                )
            else:
                c.check(
                    self.completed_on is None,
                    "completed_on",
                    "date-without-done",
                    f"no completion date while the task is {self.status.value}",
                    self.completed_on,
                )
        c.raise_if_any(InvalidTask)

    @property
    def assigned(self) -> bool:
        """Whether the level above assigned it (nhiệm vụ cấp trên giao)."""
        return bool(self.assigned_by) or self.assigned_in is not None

    @property
    def time(self) -> Deadline | None:
        """The completion time: :attr:`deadline`, else the plain :attr:`due` date."""
        if self.deadline is not None:
            return self.deadline
        if self.due is not None:
            d = self.due
            return Deadline(d.strftime("%d/%m/%Y"), DeadlineKind.DATE, d, d)
        return None

    def is_late(self, as_of: date) -> bool:
        """Whether the task missed its calendar due day as seen on ``as_of``.

        A done task is late when it was completed after the last day of its time; an open
        task is late once ``as_of`` is past it. Tasks without a single due day (none, or
        judged per period) and cancelled tasks are never late here; the working-day
        judgement is :func:`par_index.service.plans.judge_plan`.
        """
        t = self.time
        if t is None or t.is_periodic or self.status is TaskStatus.CANCELLED:
            return False
        if self.completed_on is not None:
            return self.completed_on > t.end
        return as_of > t.end


@attrs.frozen
class TaskUpdate:
    """How a task stood on a date: one line of its status history.

    Attributes:
        task_id: the task's id.
        on: the day of the update (the completion day for ``DONE``, the day of the adjusting
            decision for ``CANCELLED``, the day of the report that says so otherwise).
        status: not started, in progress, done or cancelled (never unknown).
        document: the product document (done) or the adjusting decision (cancelled).
        product: the product in words, when it has no document number ("Biên bản hội nghị").
        period: for a task judged per period (continuous or recurring), the period the
            update is about.
        note: where the update comes from (a quoted sentence of a report).

    Raises:
        InvalidTask: for an unknown status, a done update without its product, a
            cancellation without its decision, or wrong types.
    """

    task_id: str
    on: date
    status: TaskStatus
    document: DocumentRef | None = None
    product: str = ""
    period: ReportingPeriod | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        _text_field(c, self.task_id, "task_id", required=True)
        c.check(
            type(self.on) is date,
            "on",
            "wrong-type",
            "a date (not a datetime)",
            self.on,
        )
        if c.of_type(self.status, TaskStatus, "status", "a TaskStatus"):
            c.check(
                self.status is not TaskStatus.UNKNOWN,
                "status",
                "unknown-update",
                "a known status (an update says how the task stands)",
                self.status.value,
            )
            if self.status is TaskStatus.DONE:
                c.check(
                    self.document is not None or bool(self.product),
                    "document",
                    "done-without-product",
                    "the product document or the product in words of a done task",
                    None,
                )
            if self.status is TaskStatus.CANCELLED:
                c.check(
                    self.document is not None,
                    "document",
                    "cancelled-without-decision",
                    "the decision that adjusted the plan",
                    None,
                )
        if self.document is not None:
            c.of_type(self.document, DocumentRef, "document", "a DocumentRef or None")
        c.of_type(self.product, str, "product", "a text")
        if self.period is not None:
            c.of_type(self.period, ReportingPeriod, "period", "a ReportingPeriod or None")
        c.of_type(self.note, str, "note", "a text")
        c.raise_if_any(InvalidTask)


_FINAL: Final = (TaskStatus.DONE, TaskStatus.CANCELLED)


@attrs.frozen
class Plan:
    """A reform plan: the issuing document, its tasks and their status history.

    Attributes:
        ref: the document that issued the plan (``252/QĐ-UBND ngày 25/12/2022``).
        year: the year the plan covers.
        issuer: the issuing body ("UBND xã Ba Trang").
        tasks: the tasks, ids unique.
        title: the plan's title, if known.
        updates: the status history, oldest first for each task. A done or cancelled task
            (for one period) takes no later update: moving the as-of date forward never
            un-completes a task.

    Raises:
        InvalidTask: listing every rule broken (duplicate ids, updates of unknown tasks or out
            of order, wrong types).
    """

    ref: DocumentRef
    year: int
    issuer: str
    tasks: tuple[Task, ...] = ()
    title: str = ""
    updates: tuple[TaskUpdate, ...] = ()

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.ref, DocumentRef, "ref", "a DocumentRef")
        if c.of_type(self.year, int, "year", "a year"):
            c.check(1945 <= self.year <= 2100, "year", "year-range", "a year 1945-2100", self.year)
        if c.of_type(self.issuer, str, "issuer", "a non-empty issuer"):
            c.check(bool(self.issuer.strip()), "issuer", "blank-text", "a non-empty issuer", "")
        c.of_type(self.title, str, "title", "a text")
        seen: set[str] = set()
        if c.of_type(self.tasks, tuple, "tasks", "a tuple of Task"):
            for i, t in enumerate(self.tasks):
                if c.of_type(t, Task, f"tasks[{i}]", "a Task"):
                    c.check(t.id not in seen, f"tasks[{i}].id", "duplicate-id", "a unique id", t.id)
                    seen.add(t.id)
        if c.of_type(self.updates, tuple, "updates", "a tuple of TaskUpdate"):
            last: dict[tuple[str, ReportingPeriod | None], TaskUpdate] = {}
            for i, u in enumerate(self.updates):
                if not c.of_type(u, TaskUpdate, f"updates[{i}]", "a TaskUpdate"):
                    continue
                if not c.check(
                    u.task_id in seen,
                    f"updates[{i}].task_id",
                    "unknown-task",
                    "the id of a task of the plan",
                    u.task_id,
                ):
                    continue
                key = (u.task_id, u.period)
                prev = last.get(key)
                if prev is not None and c.check(
                    u.on >= prev.on,
                    f"updates[{i}].on",
                    "update-order",
                    f"a day on or after the task's previous update ({prev.on.isoformat()})",
                    u.on,
                ):
                    c.check(
                        prev.status not in _FINAL or u.status is prev.status,
                        f"updates[{i}].status",
                        "update-after-final",
                        f"no change after the task was {prev.status.value}"
                        f" on {prev.on.isoformat()}",
                        u.status.value,
                    )
                last[key] = u
        c.raise_if_any(InvalidTask)

    def task(self, task_id: str) -> Task:
        """The task with this id.

        Raises:
            KeyError: when no task has it.
        """
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)

    @property
    def assigned_tasks(self) -> tuple[Task, ...]:
        """The tasks assigned by the level above."""
        return tuple(t for t in self.tasks if t.assigned)

    @property
    def own_tasks(self) -> tuple[Task, ...]:
        """The unit's own tasks."""
        return tuple(t for t in self.tasks if not t.assigned)

    def with_updates(self, *updates: TaskUpdate) -> Plan:
        """This plan with ``updates`` appended to its history.

        Raises:
            InvalidTask: when an update names an unknown task or breaks the history's order.
        """
        return attrs.evolve(self, updates=self.updates + updates)

    def updates_of(self, task_id: str) -> tuple[TaskUpdate, ...]:
        """The updates of one task, in order."""
        return tuple(u for u in self.updates if u.task_id == task_id)

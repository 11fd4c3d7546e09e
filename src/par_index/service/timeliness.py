"""Whether a dossier (hồ sơ TTHC) was handled in time: the legal count and the portal's.

The rules follow the National Public Service Portal's formula document ("Mô tả công thức
tính chỉ số 766", indicator 2.1):

1. A dossier is on time when its end of processing is no later than its appointment date
   (ngày hẹn trả). The end of processing is the first of finished (9), returned (10), stopped
   or refused (8/3); a withdrawal (7) ends it too.
2. Time spent waiting for a supplement (yêu cầu bổ sung) is removed. A dossier still waiting
   for a supplement is judged at the moment of the request; when its process shows only the
   supplement status, more than one request makes it late ("trừ trường hợp Yêu cầu bổ sung
   hồ sơ hơn 01 lần thì tính quá hạn"). That rule is :class:`RepeatedSupplement`
   (default: only such dossiers, as the document says).
3. Without an appointment date, the due moment is computed from the procedure's time limit
   on the working-day calendar (:meth:`WorkCalendar.deadline`).
4. A dossier not finished is judged at the reference moment (normally the end of the
   reporting period): in progress within time, or overdue.
5. What counts as "early" is not defined centrally: by default a dossier ended on a day
   before its due day is early (local one-stop systems' usage). Whether moments are compared
   by day or by timestamp is also a policy (:class:`TimelinessPolicy`).

Two ways of removing the supplement time (:class:`TimelinessMode`):

- ``WORKING_DAYS`` (default, the legal count): the clock pauses from each request to its
  completion in working time, so the due moment moves later by the office time (or, compared
  by day, the working days) paused;
- ``PORTAL_766`` (the portal's own count): "Thời gian kết thúc xử lý hồ sơ = Thời gian kết thúc
  xử lý − Thời gian bổ sung hồ sơ", the supplement time being wall-clock time (completion −
  request, weekends and nights included), and the result is compared as a timestamp with the
  appointment moment. The two differ when a supplement spans a weekend: see
  ``docs/service.md`` for a worked example.

Whether the time limit restarts after an incomplete dossier is returned
(:class:`SupplementClock`): Nghị định 61/2018/NĐ-CP Điều 21 (replaced from 01/7/2025 by Nghị
định 118/2025/NĐ-CP) governs returning an incomplete dossier; its text could not be read for
this library (docs/sources.md), so both readings are offered: the clock pauses (default, the
portal's rule) or restarts in full from the completed supplement.
"""

from __future__ import annotations

import enum
from array import array
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta

import attrs

from par_index.calendar.office_hours import DEFAULT_OFFICE_HOURS, OfficeHours
from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.core.tz import VN_TZ
from par_index.core.validation import Checker
from par_index.exceptions import InvalidValueError, Problem
from par_index.model.dossiers import Dossier, SupplementRequest
from par_index.model.procedures import Procedure

__all__ = [
    "DEFAULT_POLICY",
    "Comparison",
    "DossierColumns",
    "DueSource",
    "EarlyRule",
    "RepeatedSupplement",
    "SupplementClock",
    "Timeliness",
    "TimelinessError",
    "TimelinessMode",
    "TimelinessPolicy",
    "TimelinessResult",
    "classify",
    "classify_columns",
    "columns_from_days",
    "dossier_columns",
    "due_moment",
]


class TimelinessError(InvalidValueError):
    """A dossier's timeliness (tiến độ giải quyết hồ sơ) cannot be judged from what is given."""

    term = "tiến độ giải quyết hồ sơ"
    what = "timeliness input"


class Timeliness(enum.StrEnum):
    """How a dossier stands against its due moment."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"
    IN_PROGRESS_WITHIN_TIME = "in_progress_within_time"
    IN_PROGRESS_OVERDUE = "in_progress_overdue"
    NOT_COUNTED = "not_counted"

    @property
    def name_vi(self) -> str:
        """The Vietnamese words one-stop reports use."""
        return _VI[self]

    @property
    def name_en(self) -> str:
        """An English name."""
        return _EN[self]

    @property
    def is_ended(self) -> bool:
        """Whether processing had ended when judged."""
        return self in (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE)

    @property
    def is_timely(self) -> bool:
        """Early, on time, or in progress within time (QĐ 766 indicator 2.1's numerator)."""
        return self in (
            Timeliness.EARLY,
            Timeliness.ON_TIME,
            Timeliness.IN_PROGRESS_WITHIN_TIME,
        )


_VI = {
    Timeliness.EARLY: "trước hạn",
    Timeliness.ON_TIME: "đúng hạn",
    Timeliness.LATE: "quá hạn",
    Timeliness.IN_PROGRESS_WITHIN_TIME: "đang giải quyết trong hạn",
    Timeliness.IN_PROGRESS_OVERDUE: "đang giải quyết quá hạn",
    Timeliness.NOT_COUNTED: "không tính (chưa tiếp nhận)",
}
_EN = {
    Timeliness.EARLY: "early",
    Timeliness.ON_TIME: "on time",
    Timeliness.LATE: "late",
    Timeliness.IN_PROGRESS_WITHIN_TIME: "in progress, within time",
    Timeliness.IN_PROGRESS_OVERDUE: "in progress, overdue",
    Timeliness.NOT_COUNTED: "not counted (not received)",
}


class Comparison(enum.StrEnum):
    """Whether the end of processing is compared with the due moment by day or by time."""

    DATE = "date"
    TIMESTAMP = "timestamp"


class EarlyRule(enum.StrEnum):
    """What counts as early."""

    BEFORE_DUE_DAY = "before_due_day"  # ended on a day before the due day
    NONE = "none"  # no early class: every timely dossier is on time


class TimelinessMode(enum.StrEnum):
    """How supplement time is removed before the end of processing is compared."""

    WORKING_DAYS = "working_days"  # the legal count: pauses in working time move the due moment
    PORTAL_766 = "portal_766"  # the portal's: end − wall-clock supplement time vs appointment


class RepeatedSupplement(enum.StrEnum):
    """Which dossiers more supplement requests than allowed make late.

    ``WAITING_ONLY`` (default): only a dossier judged at an open supplement request, whose
    process shows only the supplement status (the formula document, indicator 2.1). ``ANY``:
    every dossier with more requests than ``TimelinessPolicy.max_supplements``.
    """

    WAITING_ONLY = "waiting_only"
    ANY = "any"


class SupplementClock(enum.StrEnum):
    """What a completed supplement does to the time limit.

    ``PAUSE`` (default): the clock stops from the request to its completion and resumes (the
    portal's rule; NĐ 61/2018/NĐ-CP Điều 21, text not verified). ``RESTART``: the time limit
    is counted again in full from the last completed supplement (the procedure's time limit
    is then needed).
    """

    PAUSE = "pause"
    RESTART = "restart"


class DueSource(enum.StrEnum):
    """Where the due moment came from."""

    APPOINTMENT = "appointment"  # the dossier's ngày hẹn trả
    TIME_LIMIT = "time_limit"  # computed from the procedure's thời hạn giải quyết
    RESTARTED = "restarted"  # the time limit counted again from the completed supplement


@attrs.frozen
class TimelinessPolicy:
    """The choices the portal's rules leave open, with documented defaults.

    Attributes:
        comparison: compare by local day (default: appointment dates are days) or by moment.
        early: what counts as early (default: ended before the due day).
        office_hours: the office hours that measure paused and elapsed time.
        max_supplements: more supplement requests than this make a dossier late (1, rule 2).
        pauses_extend_appointment: whether supplement pauses move a given appointment date
            later (default True, rule 2). Set False for systems that issue a new appointment
            date after each supplement, so the pause is not counted twice.
        mode: the legal working-day count (default) or the portal's wall-clock count; the
            portal's mode always compares timestamps (``comparison`` is not used).
        repeated_supplement: which dossiers ``max_supplements`` applies to (default: only
            those judged at an open request, as the formula document says).
        supplement_clock: whether a completed supplement pauses (default) or restarts the
            time limit.

    Raises:
        TimelinessError: for wrong types or a negative ``max_supplements``.
    """

    comparison: Comparison = Comparison.DATE
    early: EarlyRule = EarlyRule.BEFORE_DUE_DAY
    office_hours: OfficeHours = DEFAULT_OFFICE_HOURS
    max_supplements: int = 1
    pauses_extend_appointment: bool = True
    mode: TimelinessMode = TimelinessMode.WORKING_DAYS
    repeated_supplement: RepeatedSupplement = RepeatedSupplement.WAITING_ONLY
    supplement_clock: SupplementClock = SupplementClock.PAUSE

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.comparison, Comparison, "comparison", "a Comparison")
        c.of_type(self.early, EarlyRule, "early", "an EarlyRule")
        c.of_type(self.office_hours, OfficeHours, "office_hours", "an OfficeHours")
        if c.of_type(self.max_supplements, int, "max_supplements", "a whole number"):
            c.check(self.max_supplements >= 0, "max_supplements", "negative", "0 or more", -1)
        c.of_type(self.pauses_extend_appointment, bool, "pauses_extend_appointment", "a bool")
        c.of_type(self.mode, TimelinessMode, "mode", "a TimelinessMode")
        c.of_type(
            self.repeated_supplement,
            RepeatedSupplement,
            "repeated_supplement",
            "a RepeatedSupplement",
        )
        c.of_type(self.supplement_clock, SupplementClock, "supplement_clock", "a SupplementClock")
        c.raise_if_any(TimelinessError)


DEFAULT_POLICY = TimelinessPolicy()


@attrs.frozen
class TimelinessResult:
    """The judgement of one dossier, with what it rests on.

    Attributes:
        timeliness: the class.
        due: the due moment after supplement pauses (the end of the due day when compared by
            day; the appointment moment itself in the portal's mode); None when not counted.
        due_source: where the due moment came from; None when not counted.
        judged_at: the moment compared with ``due``: the end of processing, the open
            supplement request, or the reference moment; None when not counted.
        paused: office time paused for completed supplement requests before ``judged_at``.
        elapsed: office time from reception to ``judged_at``, pauses removed.
        supplements: supplement requests made before ``judged_at``.
        reason: a code: ``ended``, ``waiting-supplement``, ``as-of``,
            ``repeated-supplement`` or ``not-received``.
        estimated: whether the due moment was counted through a year without an official
            notice of days off (:meth:`WorkCalendar.depends_on_estimate`): it may move when
            that year's notice is issued.
    """

    timeliness: Timeliness
    due: datetime | None = None
    due_source: DueSource | None = None
    judged_at: datetime | None = None
    paused: timedelta = timedelta(0)
    elapsed: timedelta | None = None
    supplements: int = 0
    reason: str = "not-received"
    estimated: bool = False


def _aware(moment: object, name: str) -> datetime:
    if isinstance(moment, datetime) and moment.utcoffset() is not None:
        return moment
    c = Checker()
    if c.of_type(moment, datetime, name, "a timezone-aware datetime"):
        c.aware(moment, name)  # type: ignore[arg-type]
    c.raise_if_any(TimelinessError)
    assert isinstance(moment, datetime)
    return moment


def _base_due(
    dossier: Dossier,
    procedure: Procedure | None,
    calendar: WorkCalendar,
    policy: TimelinessPolicy,
) -> tuple[datetime, DueSource]:
    received = dossier.received_at
    if received is None:
        raise TimelinessError(
            [
                Problem(
                    "received_at",
                    "missing-reception",
                    "a reception moment (ngày tiếp nhận) to count the time limit from",
                    "None",
                )
            ]
        )
    if dossier.appointment_at is not None:
        return dossier.appointment_at, DueSource.APPOINTMENT
    if procedure is None:
        raise TimelinessError(
            [
                Problem(
                    "appointment_at",
                    "no-due-moment",
                    "an appointment date (ngày hẹn trả) or the procedure "
                    f"{dossier.procedure_code} with its time limit",
                    "neither",
                )
            ]
        )
    if procedure.code != dossier.procedure_code:
        raise TimelinessError(
            [
                Problem(
                    "procedure",
                    "procedure-mismatch",
                    f"the procedure {dossier.procedure_code} of the dossier",
                    procedure.code,
                )
            ]
        )
    due = calendar.deadline(
        received,
        procedure.time_limit,
        office_hours=policy.office_hours,
        cutoff=procedure.cutoff,
    )
    return due, DueSource.TIME_LIMIT


def due_moment(
    dossier: Dossier,
    *,
    procedure: Procedure | None = None,
    calendar: WorkCalendar | None = None,
    policy: TimelinessPolicy = DEFAULT_POLICY,
) -> tuple[datetime, DueSource]:
    """The moment a dossier is due, before any supplement pause, and where it came from.

    The appointment date (ngày hẹn trả) when the dossier has one, else the deadline of the
    procedure's time limit counted from the reception (with the procedure's cut-off).

    Raises:
        TimelinessError: for a dossier without a reception moment (ngày tiếp nhận), without
            an appointment date and procedure, or with the procedure of another code.
        CalendarRangeError: when the reception or the deadline is outside the calendar.
    """
    cal = calendar if calendar is not None else default_calendar()
    return _base_due(dossier, procedure, cal, policy)


def _restarted_due(
    dossier: Dossier,
    procedure: Procedure | None,
    completed: datetime,
    calendar: WorkCalendar,
    policy: TimelinessPolicy,
) -> datetime:
    """The deadline of the time limit counted again from a completed supplement."""
    if procedure is None or procedure.code != dossier.procedure_code:
        raise TimelinessError(
            [
                Problem(
                    "procedure",
                    "restart-needs-time-limit",
                    f"the procedure {dossier.procedure_code} with its time limit, to count it "
                    "again from the completed supplement (SupplementClock.RESTART)",
                    "absent" if procedure is None else procedure.code,
                )
            ]
        )
    return calendar.deadline(
        completed, procedure.time_limit, office_hours=policy.office_hours, cutoff=procedure.cutoff
    )


def _local_day(moment: datetime) -> date:
    return moment.astimezone(VN_TZ).date()


def _end_of_day(day: date) -> datetime:
    return datetime.combine(day, datetime.max.time(), tzinfo=VN_TZ)


def classify(
    dossier: Dossier,
    as_of: datetime,
    *,
    procedure: Procedure | None = None,
    calendar: WorkCalendar | None = None,
    policy: TimelinessPolicy = DEFAULT_POLICY,
) -> TimelinessResult:
    """Judge one dossier at the reference moment ``as_of``.

    Args:
        dossier: the dossier.
        as_of: the reference moment (the end of the reporting period); what happened after
            it is ignored.
        procedure: the dossier's procedure, needed when the dossier has no appointment date.
        calendar: the working-day calendar (default: :func:`default_calendar`).
        policy: the open choices (by day or by time, what is early, ...).

    Returns:
        The class and what it rests on. A dossier not received by ``as_of`` (status 1, or
        refused at reception without a reception moment) is not counted.

    Raises:
        TimelinessError: for a naive ``as_of``, or a received dossier with neither an
            appointment date nor its procedure's time limit.
        CalendarRangeError: when a moment falls outside the calendar.
    """
    as_of = _aware(as_of, "as_of")
    cal = calendar if calendar is not None else default_calendar()
    received = dossier.received_at
    if received is None or received > as_of:
        return TimelinessResult(Timeliness.NOT_COUNTED)
    base, source = _base_due(dossier, procedure, cal, policy)
    office = policy.office_hours

    ended = dossier.ended_at
    if ended is not None and ended > as_of:
        ended = None  # it ended after the reference moment: still in progress then
    paused = timedelta(0)
    pause_days = 0
    requests: list[SupplementRequest] = []
    wall = timedelta(0)  # wall-clock supplement time (the portal's count)
    last_done: datetime | None = None
    if dossier.supplements:
        requests = [s for s in dossier.supplements if s.requested_at <= as_of]
        waiting = next(
            (s for s in requests if s.completed_at is None or s.completed_at > as_of), None
        )
        if ended is not None:
            judged, reason = ended, "ended"
        elif waiting is not None:
            judged, reason = waiting.requested_at, "waiting-supplement"
        else:
            judged, reason = as_of, "as-of"
        requests = [s for s in requests if s.requested_at <= judged]
        for s in requests:
            done = s.completed_at
            if done is not None and done <= judged:
                paused += cal.working_time_between(s.requested_at, done, office_hours=office)
                pause_days += cal.working_days_between(_local_day(s.requested_at), _local_day(done))
                wall += done - s.requested_at
                last_done = done
    elif ended is not None:
        judged, reason = ended, "ended"
    else:
        judged, reason = as_of, "as-of"
    if policy.supplement_clock is SupplementClock.RESTART and last_done is not None:
        # The time limit counts again in full from the completed supplement: nothing to
        # pause any more, the due moment is the new deadline.
        base, source = (
            _restarted_due(dossier, procedure, last_done, cal, policy),
            (DueSource.RESTARTED),
        )
        paused, pause_days, wall = timedelta(0), 0, timedelta(0)
    judged_day = _local_day(judged)
    extend = source is DueSource.TIME_LIMIT or policy.pauses_extend_appointment
    if policy.mode is TimelinessMode.PORTAL_766:
        # "Thời gian kết thúc xử lý hồ sơ = Thời gian kết thúc xử lý − Thời gian bổ sung hồ
        # sơ", compared as a timestamp with the appointment moment (NgayKetThucXuLy ≤
        # NgayHenTra); the due moment does not move.
        due = base
        due_day = _local_day(due)
        compared = judged - wall
        judged_day = _local_day(compared)
        timely = compared <= due
    elif policy.comparison is Comparison.DATE:
        due_day = _local_day(base)
        if extend and pause_days:
            due_day = cal.add_working_days(due_day, pause_days)
        due = _end_of_day(due_day)
        timely = judged_day <= due_day
    else:
        # Without a pause the due moment stays as it is (adding no office time would move a
        # moment outside office hours to the next opening).
        due = cal.add_working_time(base, paused, office_hours=office) if extend and paused else base
        due_day = _local_day(due)
        timely = judged <= due
    elapsed = cal.working_time_between(received, judged, office_hours=office) - paused

    ended_now = reason == "ended"
    repeated = len(requests) > policy.max_supplements and (
        policy.repeated_supplement is RepeatedSupplement.ANY or reason == "waiting-supplement"
    )
    if repeated:
        result = Timeliness.LATE if ended_now else Timeliness.IN_PROGRESS_OVERDUE
        reason = "repeated-supplement"
    elif ended_now:
        if not timely:
            result = Timeliness.LATE
        elif policy.early is EarlyRule.BEFORE_DUE_DAY and judged_day < due_day:
            result = Timeliness.EARLY
        else:
            result = Timeliness.ON_TIME
    else:
        result = Timeliness.IN_PROGRESS_WITHIN_TIME if timely else Timeliness.IN_PROGRESS_OVERDUE
    return TimelinessResult(
        result,
        due=due,
        due_source=source,
        judged_at=judged,
        paused=paused,
        elapsed=elapsed,
        supplements=len(requests),
        reason=reason,
        estimated=cal.depends_on_estimate(_local_day(received), due_day),
    )


# --------------------------------------------------------------------------- columnar path

_NONE = -1


@attrs.frozen
class DossierColumns:
    """Dossiers as columns of day ordinals, for the columnar path (compared by day).

    ``received`` is -1 for a dossier not counted. ``due`` is the due day after supplement
    pauses; ``judged`` the day compared with it (the end of processing, the open supplement
    request, or the reference day); ``ended`` is 1 when processing had ended; ``repeated``
    is 1 when more supplement requests than the policy allows were made.
    """

    received: array[int]
    due: array[int]
    judged: array[int]
    ended: array[int]
    repeated: array[int]


def dossier_columns(
    dossiers: Iterable[Dossier],
    as_of: datetime,
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
    policy: TimelinessPolicy = DEFAULT_POLICY,
) -> DossierColumns:
    """Build the columns :func:`classify_columns` reads (by-day comparison).

    A bulk export usually arrives as columns already (appointment and end days); this builds
    them from :class:`Dossier` objects with the same rules as :func:`classify`.

    Raises:
        TimelinessError: as :func:`classify`, or when ``policy`` compares by timestamp or
            counts as the portal does (:attr:`TimelinessMode.PORTAL_766`).
    """
    if policy.comparison is not Comparison.DATE:
        raise TimelinessError(
            [Problem("policy.comparison", "columnar-date-only", "Comparison.DATE", "timestamp")]
        )
    if policy.mode is not TimelinessMode.WORKING_DAYS:
        raise TimelinessError(
            [
                Problem(
                    "policy.mode",
                    "columnar-working-days-only",
                    "TimelinessMode.WORKING_DAYS",
                    policy.mode.value,
                )
            ]
        )
    cols = DossierColumns(array("q"), array("q"), array("q"), array("q"), array("b"))
    procs = procedures or {}
    for d in dossiers:
        r = classify(
            d, as_of, procedure=procs.get(d.procedure_code), calendar=calendar, policy=policy
        )
        if r.timeliness is Timeliness.NOT_COUNTED:
            cols.received.append(_NONE)
            cols.due.append(_NONE)
            cols.judged.append(_NONE)
            cols.ended.append(0)
            cols.repeated.append(0)
            continue
        assert d.received_at is not None
        assert r.due is not None
        assert r.judged_at is not None
        cols.received.append(_local_day(d.received_at).toordinal())
        cols.due.append(_local_day(r.due).toordinal())
        cols.judged.append(_local_day(r.judged_at).toordinal())
        cols.ended.append(1 if r.timeliness.is_ended else 0)
        cols.repeated.append(1 if r.reason == "repeated-supplement" else 0)
    return cols


def columns_from_days(
    received: Sequence[int],
    appointment: Sequence[int],
    ended: Sequence[int],
    waiting_since: Sequence[int],
    pause_days: Sequence[int],
    requests: Sequence[int],
    as_of: date,
    *,
    calendar: WorkCalendar | None = None,
    max_supplements: int = 1,
    repeated_supplement: RepeatedSupplement = RepeatedSupplement.WAITING_ONLY,
) -> DossierColumns:
    """Build :class:`DossierColumns` from the day columns of a bulk export.

    All inputs are day ordinals (``date.toordinal()``) or counts, ``-1`` for absent, with
    everything after ``as_of`` already removed by the caller (as :func:`classify` ignores it):

    Args:
        received: reception day; -1 when not received (not counted).
        appointment: appointment day (ngày hẹn trả); required for every received dossier.
        ended: day processing ended, -1 when still in progress.
        waiting_since: day of an unanswered supplement request, -1 when none.
        pause_days: working days paused by completed supplement requests (the due day moves
            that many working days later).
        requests: how many supplement requests were made.
        as_of: the reference day.
        calendar: the working-day calendar (default: :func:`default_calendar`).
        max_supplements: more requests than this make a dossier late.
        repeated_supplement: which dossiers ``max_supplements`` applies to (default: those
            judged at an open request: not ended, with ``waiting_since`` set).

    Raises:
        ValueError: when the columns differ in length, or a received dossier lacks an
            appointment day.
        CalendarRangeError: when a due day falls outside the calendar.
    """
    n = len(received)
    named = {
        "appointment": appointment,
        "ended": ended,
        "waiting_since": waiting_since,
        "pause_days": pause_days,
        "requests": requests,
    }
    for name, col in named.items():
        if len(col) != n:
            raise ValueError(f"column {name} has {len(col)} rows, not {n}")
    missing = [i for i, (r, a) in enumerate(zip(received, appointment, strict=True)) if r >= 0 > a]
    if missing:
        raise TimelinessError(
            [
                Problem(f"appointment[{i}]", "no-due-moment", "an appointment day", "-1")
                for i in missing[:20]
            ]
        )
    cal = calendar if calendar is not None else default_calendar()
    day = as_of.toordinal()
    any_dossier = repeated_supplement is RepeatedSupplement.ANY
    counted = [r >= 0 for r in received]
    due = cal.add_working_days_ordinals(
        [a if c else cal.first.toordinal() for a, c in zip(appointment, counted, strict=True)],
        [p if c else 0 for p, c in zip(pause_days, counted, strict=True)],
    )
    judged = array(
        "q",
        [
            e if e >= 0 else (w if w >= 0 else day)
            for e, w in zip(ended, waiting_since, strict=True)
        ],
    )
    return DossierColumns(
        received=array("q", received),
        due=due,
        judged=judged,
        ended=array("b", [1 if e >= 0 else 0 for e in ended]),
        repeated=array(
            "b",
            [
                1 if k > max_supplements and (any_dossier or (e < 0 <= w)) else 0
                for k, e, w in zip(requests, ended, waiting_since, strict=True)
            ],
        ),
    )


def classify_columns(
    columns: DossierColumns, *, early: EarlyRule = EarlyRule.BEFORE_DUE_DAY
) -> list[Timeliness]:
    """Classify dossiers given as columns (:class:`DossierColumns`), by day.

    The same answers as :func:`classify` under a by-day policy, without building objects:
    for bulk analytics over millions of dossiers, run per partition.

    Raises:
        ValueError: when the columns differ in length.
    """
    n = len(columns.received)
    for name in ("due", "judged", "ended", "repeated"):
        if len(getattr(columns, name)) != n:
            raise ValueError(f"column {name} has {len(getattr(columns, name))} rows, not {n}")
    early_on = early is EarlyRule.BEFORE_DUE_DAY
    not_counted, early_c, on_time, late, within, overdue = (
        Timeliness.NOT_COUNTED,
        Timeliness.EARLY,
        Timeliness.ON_TIME,
        Timeliness.LATE,
        Timeliness.IN_PROGRESS_WITHIN_TIME,
        Timeliness.IN_PROGRESS_OVERDUE,
    )
    return [
        not_counted
        if r < 0
        else (
            (late if rep or j > du else (early_c if early_on and j < du else on_time))
            if e
            else (overdue if rep or j > du else within)
        )
        for r, du, j, e, rep in zip(
            columns.received,
            columns.due,
            columns.judged,
            columns.ended,
            columns.repeated,
            strict=True,
        )
    ]

"""Dossier timeliness, checked by hand against the 2024 calendar and the portal's rules."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from attrs import evolve as attrs_evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.calendar.days import CalendarRangeError
from par_index.calendar.work_calendar import default_calendar
from par_index.exceptions import InvalidProcedure
from par_index.formats.json import dumps, loads
from par_index.model.dossiers import VN_TZ, Channel, Dossier, DossierStatus, SupplementRequest
from par_index.model.procedures import Procedure, ProcedureLevel, TimeLimit, TimeUnit
from par_index.service.timeliness import (
    Comparison,
    DueSource,
    EarlyRule,
    RepeatedSupplement,
    SupplementClock,
    Timeliness,
    TimelinessError,
    TimelinessMode,
    TimelinessPolicy,
    classify,
    classify_columns,
    columns_from_days,
    dossier_columns,
    due_moment,
)

CAL = default_calendar()


def at(d: date, hour: int = 8, minute: int = 0) -> datetime:
    return datetime.combine(d, time(hour, minute), tzinfo=VN_TZ)


THREE_DAYS = Procedure(
    "1.000110",
    "Xác nhận tình trạng hôn nhân",
    ProcedureLevel.COMMUNE,
    TimeLimit(3, TimeUnit.WORKING_DAYS),
)
FRI = date(2024, 4, 26)  # then Mon 29/4 off (CV 2450/VPCP-KGVX), 30/4 and 1/5 holidays
AS_OF = at(date(2024, 6, 14), 23, 59)


def dossier(**kw: Any) -> Dossier:
    base: dict[str, Any] = {
        "code": "H21.65-240426-0001",
        "procedure_code": "1.000110",
        "unit_code": "H21.65",
        "channel": Channel.IN_PERSON,
        "status": DossierStatus.RETURNED,
        "received_at": at(FRI, 9),
    }
    base.update(kw)
    if base["status"] is DossierStatus.RETURNED and "finished_at" in base:
        base.setdefault("returned_at", base["finished_at"] + timedelta(minutes=30))
    return Dossier(**base)


def test_due_from_the_time_limit_crosses_the_swapped_holidays() -> None:
    # Received Fri 26/4/2024, 3 working days: 29/4 off, 30/4 and 1/5 holidays, Thu 2/5 (1),
    # Fri 3/5 (2), Sat 4/5 worked (3) -> due Saturday 4/5/2024.
    d = dossier(finished_at=at(date(2024, 5, 4), 10))
    r = classify(d, AS_OF, procedure=THREE_DAYS)
    assert r.due_source is DueSource.TIME_LIMIT
    assert r.due is not None
    assert r.due.date() == date(2024, 5, 4)
    assert r.timeliness is Timeliness.ON_TIME
    # Office time from Fri 09:00 to Sat 10:00: Fri 7h30 (09:00-11:30, 13:30-17:30: 2h30+4h = 6h30)
    # + Thu 8h + Fri 8h + Sat 07:30-10:00 2h30 = 25h.
    assert r.elapsed == timedelta(hours=25)


def test_early_and_late_by_day() -> None:
    early = classify(dossier(finished_at=at(date(2024, 5, 3), 16)), AS_OF, procedure=THREE_DAYS)
    assert early.timeliness is Timeliness.EARLY
    late = classify(dossier(finished_at=at(date(2024, 5, 6), 8)), AS_OF, procedure=THREE_DAYS)
    assert late.timeliness is Timeliness.LATE
    no_early = TimelinessPolicy(early=EarlyRule.NONE)
    r = classify(
        dossier(finished_at=at(date(2024, 5, 3), 16)), AS_OF, procedure=THREE_DAYS, policy=no_early
    )
    assert r.timeliness is Timeliness.ON_TIME


def test_appointment_wins_over_the_limit_and_timestamps_are_a_policy() -> None:
    appointment = at(date(2024, 5, 6), 10)
    d = dossier(appointment_at=appointment, finished_at=at(date(2024, 5, 6), 15))
    by_day = classify(d, AS_OF, procedure=THREE_DAYS)
    assert by_day.due_source is DueSource.APPOINTMENT
    assert by_day.timeliness is Timeliness.ON_TIME  # same day
    by_time = classify(d, AS_OF, policy=TimelinessPolicy(comparison=Comparison.TIMESTAMP))
    assert by_time.timeliness is Timeliness.LATE  # 15:00 after 10:00
    assert by_time.due == appointment


def test_a_supplement_pauses_the_clock() -> None:
    # Request Thu 2/5 10:00, supplied Tue 7/5 10:00: working days (2/5, 7/5] = Fri 3/5, Sat 4/5,
    # Mon 6/5, Tue 7/5 = 4, so the due day moves from Sat 4/5 to 4 working days later:
    # Mon 6/5, Tue 7/5, Wed 8/5, Thu 9/5.
    s = SupplementRequest(at(date(2024, 5, 2), 10), at(date(2024, 5, 7), 10))
    d = dossier(supplements=(s,), finished_at=at(date(2024, 5, 9), 16))
    r = classify(d, AS_OF, procedure=THREE_DAYS)
    assert r.timeliness is Timeliness.ON_TIME
    assert r.due is not None
    assert r.due.date() == date(2024, 5, 9)
    # Paused office time: Thu 10:00-17:30 (1h30 + 4h = 5h30), Fri 8h, Sat 8h, Mon 8h,
    # Tue 07:30-10:00 (2h30) = 32h.
    assert r.paused == timedelta(hours=32)
    by_time = classify(
        d, AS_OF, procedure=THREE_DAYS, policy=TimelinessPolicy(comparison=Comparison.TIMESTAMP)
    )
    # Deadline Sat 4/5 17:30 plus 32h of office time: Mon 8h, Tue 8h, Wed 8h, Thu 8h
    # -> Thu 9/5 17:30.
    assert by_time.due == at(date(2024, 5, 9), 17, 30)
    assert by_time.timeliness is Timeliness.ON_TIME


def test_second_supplement_request_of_an_ended_dossier_is_not_late_by_default() -> None:
    # The formula document (2.1): "Nếu tiến trình chỉ có trạng thái Yêu cầu bổ sung hồ sơ mà
    # không có trạng thái Đã xử lý xong hoặc Đã trả kết quả thì thời hạn hoàn thành xử lý là
    # thời điểm theo trạng thái Yêu cầu bổ sung hồ sơ, trừ trường hợp Yêu cầu bổ sung hồ sơ
    # hơn 01 lần thì tính quá hạn": the rule is for dossiers showing only the supplement
    # status. This one was finished Fri 3/5, before its due day Sat 4/5 (received Fri 26/4,
    # 3 working days: 2/5, 3/5, 4/5 worked; both pauses within 2/5): early.
    s1 = SupplementRequest(at(date(2024, 5, 2), 9), at(date(2024, 5, 2), 11))
    s2 = SupplementRequest(at(date(2024, 5, 2), 14), at(date(2024, 5, 2), 15))
    d = dossier(supplements=(s1, s2), finished_at=at(date(2024, 5, 3), 9))
    r = classify(d, AS_OF, procedure=THREE_DAYS)
    assert (r.timeliness, r.reason, r.supplements) == (Timeliness.EARLY, "ended", 2)
    strict = TimelinessPolicy(repeated_supplement=RepeatedSupplement.ANY)
    r = classify(d, AS_OF, procedure=THREE_DAYS, policy=strict)
    assert (r.timeliness, r.reason, r.supplements) == (Timeliness.LATE, "repeated-supplement", 2)
    lenient = TimelinessPolicy(max_supplements=2, repeated_supplement=RepeatedSupplement.ANY)
    assert classify(d, AS_OF, procedure=THREE_DAYS, policy=lenient).timeliness is (Timeliness.EARLY)


def test_second_supplement_request_makes_a_waiting_dossier_late() -> None:
    # Waiting on its second request (Fri 3/5, before the due day Sat 4/5): judged at that
    # request it would be within time, but a second request makes it overdue.
    s1 = SupplementRequest(at(date(2024, 5, 2), 9), at(date(2024, 5, 2), 11))
    s2 = SupplementRequest(at(date(2024, 5, 3), 9))
    d = dossier(status=DossierStatus.SUPPLEMENT_REQUESTED, supplements=(s1, s2))
    r = classify(d, AS_OF, procedure=THREE_DAYS)
    assert (r.timeliness, r.reason) == (Timeliness.IN_PROGRESS_OVERDUE, "repeated-supplement")
    one = dossier(status=DossierStatus.SUPPLEMENT_REQUESTED, supplements=(s2,))
    assert classify(one, AS_OF, procedure=THREE_DAYS).timeliness is (
        Timeliness.IN_PROGRESS_WITHIN_TIME
    )


def test_waiting_for_a_supplement_is_judged_at_the_request() -> None:
    waiting = SupplementRequest(at(date(2024, 5, 3), 9))
    d = dossier(status=DossierStatus.SUPPLEMENT_REQUESTED, supplements=(waiting,))
    r = classify(d, AS_OF, procedure=THREE_DAYS)  # 14/6 is long past 4/5, yet:
    assert (r.timeliness, r.reason) == (Timeliness.IN_PROGRESS_WITHIN_TIME, "waiting-supplement")
    assert r.judged_at == waiting.requested_at
    late_request = SupplementRequest(at(date(2024, 5, 6), 9))
    d = dossier(status=DossierStatus.SUPPLEMENT_REQUESTED, supplements=(late_request,))
    assert classify(d, AS_OF, procedure=THREE_DAYS).timeliness is Timeliness.IN_PROGRESS_OVERDUE


def test_in_progress_is_judged_at_the_reference_moment() -> None:
    d = dossier(status=DossierStatus.IN_PROGRESS)
    on_3_may = at(date(2024, 5, 3), 17)
    assert classify(d, on_3_may, procedure=THREE_DAYS).timeliness is (
        Timeliness.IN_PROGRESS_WITHIN_TIME
    )
    assert classify(d, AS_OF, procedure=THREE_DAYS).timeliness is Timeliness.IN_PROGRESS_OVERDUE
    # A dossier that ended after the reference moment was still in progress then.
    ended_later = dossier(finished_at=at(date(2024, 5, 10), 9))
    assert classify(ended_later, on_3_may, procedure=THREE_DAYS).timeliness is (
        Timeliness.IN_PROGRESS_WITHIN_TIME
    )


def test_withdrawal_and_refusal_end_processing() -> None:
    d = dossier(status=DossierStatus.WITHDRAWN, finished_at=at(date(2024, 5, 2), 9))
    assert classify(d, AS_OF, procedure=THREE_DAYS).timeliness is Timeliness.EARLY


def test_not_received_is_not_counted() -> None:
    d = dossier(
        channel=Channel.ONLINE,
        status=DossierStatus.SUBMITTED_ONLINE,
        submitted_at=at(FRI, 7),
        received_at=None,
    )
    r = classify(d, AS_OF)
    assert (r.timeliness, r.due, r.reason) == (Timeliness.NOT_COUNTED, None, "not-received")
    future = classify(dossier(status=DossierStatus.RECEIVED), at(FRI, 8), procedure=THREE_DAYS)
    assert future.timeliness is Timeliness.NOT_COUNTED


def test_the_15_00_cutoff() -> None:
    copy = Procedure(
        "2.000815",
        "Chứng thực bản sao từ bản chính",
        ProcedureLevel.COMMUNE,
        TimeLimit(1, TimeUnit.WORKING_DAYS),
        cutoff=time(15, 0),
    )
    # Received Thu 25/4 at 15:30: counts from Fri 26/4, so due the next working day, Thu 2/5.
    d = dossier(
        procedure_code="2.000815",
        received_at=at(date(2024, 4, 25), 15, 30),
        status=DossierStatus.IN_PROGRESS,
    )
    r = classify(d, AS_OF, procedure=copy)
    assert r.due is not None
    assert r.due.date() == date(2024, 5, 2)


def test_errors_say_what_was_expected() -> None:
    d = dossier(status=DossierStatus.IN_PROGRESS)
    with pytest.raises(TimelinessError, match="appointment date \\(ngày hẹn trả\\)") as info:
        classify(d, AS_OF)
    assert info.value.code == "no-due-moment"
    with pytest.raises(TimelinessError) as info:
        classify(d, datetime(2024, 6, 14))
    assert info.value.code == "naive-datetime"
    other = Procedure("1.000111", "X", ProcedureLevel.COMMUNE, TimeLimit(1, TimeUnit.WORKING_DAYS))
    with pytest.raises(TimelinessError, match="procedure-mismatch"):
        classify(d, AS_OF, procedure=other)
    unreceived = dossier(
        channel=Channel.ONLINE,
        status=DossierStatus.SUBMITTED_ONLINE,
        submitted_at=at(FRI, 7),
        received_at=None,
    )
    with pytest.raises(TimelinessError, match=r"reception moment \(ngày tiếp nhận\)") as info:
        due_moment(unreceived, procedure=THREE_DAYS)
    assert (info.value.field, info.value.code) == ("received_at", "missing-reception")
    assert due_moment(d, procedure=THREE_DAYS) == (
        at(date(2024, 5, 4), 17, 30),
        DueSource.TIME_LIMIT,
    )
    old = dossier(received_at=at(date(1999, 12, 30)), status=DossierStatus.IN_PROGRESS)
    with pytest.raises(CalendarRangeError, match="lịch làm việc"):
        classify(old, AS_OF, procedure=THREE_DAYS)
    with pytest.raises(InvalidProcedure, match="negative-limit"):
        TimeLimit(Decimal(-3), TimeUnit.WORKING_DAYS)


# --------------------------------------------------------------------------- properties

WITH_APPOINTMENT = pst.dossiers(
    start=pst.moments(min_value=datetime(2019, 1, 1), max_value=datetime(2030, 1, 1))
).filter(lambda d: d.appointment_at is not None or d.received_at is None)


@settings(max_examples=150, deadline=None)
@given(
    WITH_APPOINTMENT, pst.moments(min_value=datetime(2019, 1, 1), max_value=datetime(2031, 1, 1))
)
def test_classification_survives_serialization(d: Dossier, as_of: datetime) -> None:
    again = loads(Dossier, dumps(d))
    assert classify(again, as_of) == classify(d, as_of)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(WITH_APPOINTMENT, max_size=12),
    pst.moments(min_value=datetime(2019, 1, 1), max_value=datetime(2031, 1, 1)),
)
def test_columnar_path_equals_scalar(ds: list[Dossier], as_of: datetime) -> None:
    scalar = [classify(d, as_of).timeliness for d in ds]
    assert classify_columns(dossier_columns(ds, as_of)) == scalar


def test_columns_from_export_days() -> None:
    o = date.toordinal
    cols = columns_from_days(
        received=[o(FRI), o(FRI), o(FRI), -1, o(FRI)],
        appointment=[o(date(2024, 5, 4))] * 4 + [o(date(2024, 5, 4))],
        ended=[o(date(2024, 5, 3)), o(date(2024, 5, 6)), -1, -1, o(date(2024, 5, 9))],
        waiting_since=[-1, -1, -1, -1, -1],
        pause_days=[0, 0, 0, 0, 4],
        requests=[0, 0, 0, 0, 1],
        as_of=date(2024, 5, 4),
    )
    assert classify_columns(cols) == [
        Timeliness.EARLY,
        Timeliness.LATE,
        Timeliness.IN_PROGRESS_WITHIN_TIME,
        Timeliness.NOT_COUNTED,
        Timeliness.ON_TIME,
    ]
    with pytest.raises(ValueError, match="rows"):
        columns_from_days([1], [], [], [], [], [], date(2024, 1, 1))
    with pytest.raises(TimelinessError):
        columns_from_days([o(FRI)], [-1], [-1], [-1], [0], [0], date(2024, 5, 4))


def test_columns_apply_the_repeated_supplement_rule_to_waiting_dossiers_only() -> None:
    o = date.toordinal
    kw: dict[str, Any] = {
        "received": [o(FRI), o(FRI)],
        "appointment": [o(date(2024, 5, 4))] * 2,
        "ended": [o(date(2024, 5, 3)), -1],  # ended / waiting on its 2nd request since 3/5
        "waiting_since": [-1, o(date(2024, 5, 3))],
        "pause_days": [0, 0],
        "requests": [2, 2],
        "as_of": date(2024, 5, 4),
    }
    assert classify_columns(columns_from_days(**kw)) == [
        Timeliness.EARLY,
        Timeliness.IN_PROGRESS_OVERDUE,
    ]
    strict = columns_from_days(**kw, repeated_supplement=RepeatedSupplement.ANY)
    assert classify_columns(strict) == [Timeliness.LATE, Timeliness.IN_PROGRESS_OVERDUE]


# The portal's count (TimelinessMode.PORTAL_766) against the legal one, worked by hand.
# Received Thu 9/5/2024 09:00, appointment Tue 14/5/2024 17:00 (3 working days: Fri 10,
# Mon 13, Tue 14). A supplement was requested Fri 10/5 16:00 and completed Mon 13/5 08:00;
# processing finished Thu 16/5 10:00.
# - Legal count by day: the pause spans 1 working day (10/5 -> 13/5), so the due day moves
#   from Tue 14/5 to Wed 15/5; finished Thu 16/5 > 15/5: LATE.
# - Portal count: supplement time = 13/5 08:00 − 10/5 16:00 = 64 h (wall clock, the weekend
#   included); 16/5 10:00 − 64 h = Mon 13/5 18:00 <= Tue 14/5 17:00: in time (ON_TIME without
#   an early class, EARLY with the default "day before the due day" rule).
def _portal_case(finished: datetime) -> Dossier:
    return dossier(
        received_at=at(date(2024, 5, 9), 9),
        appointment_at=at(date(2024, 5, 14), 17),
        supplements=(SupplementRequest(at(date(2024, 5, 10), 16), at(date(2024, 5, 13), 8)),),
        finished_at=finished,
    )


PORTAL_CASE = _portal_case(at(date(2024, 5, 16), 10))


def test_portal_766_mode_subtracts_wall_clock_supplement_time() -> None:
    legal = classify(PORTAL_CASE, AS_OF)
    assert legal.timeliness is Timeliness.LATE
    assert legal.due == datetime.combine(date(2024, 5, 15), time.max, tzinfo=VN_TZ)
    portal = TimelinessPolicy(mode=TimelinessMode.PORTAL_766, early=EarlyRule.NONE)
    r = classify(PORTAL_CASE, AS_OF, policy=portal)
    assert r.timeliness is Timeliness.ON_TIME
    assert r.due == at(date(2024, 5, 14), 17)  # the appointment moment, not moved
    default_early = TimelinessPolicy(mode=TimelinessMode.PORTAL_766)
    assert classify(PORTAL_CASE, AS_OF, policy=default_early).timeliness is Timeliness.EARLY
    # 17/5 02:00 − 64 h = Tue 14/5 10:00: in time; 17/5 10:00 − 64 h = 14/5 18:00: late.
    in_time = _portal_case(at(date(2024, 5, 17), 2))
    assert classify(in_time, AS_OF, policy=portal).timeliness is Timeliness.ON_TIME
    late = _portal_case(at(date(2024, 5, 17), 10))
    assert classify(late, AS_OF, policy=portal).timeliness is Timeliness.LATE
    with pytest.raises(TimelinessError):
        dossier_columns([PORTAL_CASE], AS_OF, policy=portal)


def test_restart_counts_the_time_limit_again_from_the_completed_supplement() -> None:
    # Received Mon 3/6/2024 09:00, 3 working days, no appointment: due Thu 6/6. A supplement
    # requested Tue 4/6 10:00 was completed Thu 6/6 09:00; finished Tue 11/6 10:00.
    # - Pause (default): 2 working days paused (4/6 -> 6/6): due Mon 10/6; 11/6 is LATE.
    # - Restart: 3 working days counted again from Thu 6/6: Fri 7, Mon 10, Tue 11: ON_TIME.
    d = dossier(
        received_at=at(date(2024, 6, 3), 9),
        supplements=(SupplementRequest(at(date(2024, 6, 4), 10), at(date(2024, 6, 6), 9)),),
        finished_at=at(date(2024, 6, 11), 10),
    )
    assert classify(d, AS_OF, procedure=THREE_DAYS).timeliness is Timeliness.LATE
    restart = TimelinessPolicy(supplement_clock=SupplementClock.RESTART)
    r = classify(d, AS_OF, procedure=THREE_DAYS, policy=restart)
    assert (r.timeliness, r.due_source) == (Timeliness.ON_TIME, DueSource.RESTARTED)
    assert r.due is not None
    assert r.due.date() == date(2024, 6, 11)
    # Restarting needs the procedure's time limit, even with an appointment date.
    with_appointment = attrs_evolve(d, appointment_at=at(date(2024, 6, 6), 17))
    with pytest.raises(TimelinessError, match="restart"):
        classify(with_appointment, AS_OF, policy=restart)


def test_a_due_moment_counted_into_an_estimated_year_says_so() -> None:
    # Received Mon 28/12/2026, 5 working days: Tue 5/1/2027 (2027 has no official notice).
    five = Procedure(
        "1.000110", "Chứng thực", ProcedureLevel.COMMUNE, TimeLimit(5, TimeUnit.WORKING_DAYS)
    )
    d = dossier(
        received_at=at(date(2026, 12, 28), 9),
        status=DossierStatus.IN_PROGRESS,
    )
    r = classify(d, at(date(2026, 12, 31), 17), procedure=five)
    assert r.due is not None
    assert r.due.date() == date(2027, 1, 5)
    assert r.estimated
    in_2024 = dossier(status=DossierStatus.IN_PROGRESS)
    assert not classify(in_2024, AS_OF, procedure=THREE_DAYS).estimated


@settings(max_examples=60, deadline=None)
@given(
    WITH_APPOINTMENT, pst.moments(min_value=datetime(2019, 1, 1), max_value=datetime(2031, 1, 1))
)
def test_portal_count_without_supplements_is_the_timestamp_count(
    d: Dossier, as_of: datetime
) -> None:
    # With no supplement time to remove, the portal's count compares the end of processing
    # with the appointment moment, as the legal count by timestamp does.
    d = attrs_evolve(d, supplements=()) if d.status is not DossierStatus.SUPPLEMENT_REQUESTED else d
    if d.supplements:
        return
    portal = TimelinessPolicy(mode=TimelinessMode.PORTAL_766)
    by_time = TimelinessPolicy(comparison=Comparison.TIMESTAMP)
    assert classify(d, as_of, policy=portal).timeliness is (
        classify(d, as_of, policy=by_time).timeliness
    )


@settings(max_examples=60, deadline=None)
@given(
    WITH_APPOINTMENT, pst.moments(min_value=datetime(2019, 1, 1), max_value=datetime(2031, 1, 1))
)
def test_repeated_supplements_only_matter_while_waiting(d: Dossier, as_of: datetime) -> None:
    # The formula document's rule makes late only a dossier judged at an open request; the
    # former rule (ANY) is at least as strict.
    default = classify(d, as_of)
    strict = classify(d, as_of, policy=TimelinessPolicy(repeated_supplement=RepeatedSupplement.ANY))
    if default.reason == "repeated-supplement":
        assert strict.reason == "repeated-supplement"
        assert default.judged_at is not None
        assert d.ended_at is None or d.ended_at > as_of
    if default.timeliness in (Timeliness.LATE, Timeliness.IN_PROGRESS_OVERDUE):
        assert strict.timeliness is default.timeliness

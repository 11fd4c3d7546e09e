"""Service measures: the synthetic Ba Trang dossier set reproduces the report's counts."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from par_index import strategies as pst
from par_index.examples.ba_trang import (
    ba_trang_report,
    ba_trang_synthetic_dossiers,
    ba_trang_synthetic_procedures,
)
from par_index.model.dossiers import VN_TZ, Channel, Dossier, DossierStatus
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure, ProcedureLevel, TimeLimit, TimeUnit
from par_index.model.ratios import NOT_APPLICABLE, Ratio
from par_index.service.measures import measure_dossiers, period_bounds, satisfaction_5_4
from par_index.service.timeliness import Timeliness, TimelinessError

H1_2023 = ReportingPeriod.half_year(2023)


def seed_measures() -> object:
    return measure_dossiers(
        ba_trang_synthetic_dossiers(), H1_2023, procedures=ba_trang_synthetic_procedures()
    )


def test_synthetic_set_reproduces_the_report() -> None:
    m = measure_dossiers(
        ba_trang_synthetic_dossiers(), H1_2023, procedures=ba_trang_synthetic_procedures()
    )
    report = ba_trang_report()

    def printed(name: str) -> Decimal:
        f = report.figure(name)
        assert f is not None
        return f.value

    assert m.counted == printed("dossiers_received") == 253
    assert m.early_or_on_time == Ratio(245, 253)
    assert m.count(Timeliness.EARLY) + m.count(Timeliness.ON_TIME) == 245
    assert m.count(Timeliness.LATE) == printed("dossiers_late") == 7
    assert m.count(Timeliness.IN_PROGRESS_WITHIN_TIME) == printed("dossiers_in_progress") == 1
    assert m.online_submitted.numerator == printed("dossiers_online") == 34
    # The report prints 96,83 %: 245/253 = 96.8379...%, truncated. Rounded it is 96,84 %.
    assert printed("dossiers_early_or_on_time_rate") == Decimal("96.83")
    assert m.early_or_on_time.percent() == Decimal("96.84")
    assert m.early_or_on_time.percent(rounding="ROUND_DOWN") == Decimal("96.83")
    # Its other rates are rounded correctly: 7/253 = 2.7668 -> 2,77 %; 1/253 = 0.395 -> 0,4 %.
    assert m.late.percent() == printed("dossiers_late_rate") == Decimal("2.77")
    assert Ratio(1, 253).percent(places=1) == printed("dossiers_in_progress_rate")
    # QĐ 766 indicator 2.1 counts the dossier in progress within time as well: 246/253.
    assert m.on_time_766 == Ratio(246, 253)
    assert m.complete


def test_online_766_needs_an_electronic_result_for_paper_results() -> None:
    m = measure_dossiers(
        ba_trang_synthetic_dossiers(), H1_2023, procedures=ba_trang_synthetic_procedures()
    )
    # 34 online; the one in progress has no electronic result yet and all invented
    # procedures have paper results, so 33 count for indicator 3.3.
    assert m.online_766 == Ratio(33, 253)
    assert m.by_channel == ((Channel.IN_PERSON, 219), (Channel.ONLINE, 34))
    assert dict(m.by_status) == {DossierStatus.IN_PROGRESS: 1, DossierStatus.RETURNED: 252}


def test_without_procedures_the_measures_say_they_are_incomplete() -> None:
    m = measure_dossiers(ba_trang_synthetic_dossiers(), H1_2023)
    assert m.online_766 is None
    assert m.paid_online is None
    assert not m.complete
    assert m.early_or_on_time == Ratio(245, 253)


def test_unknown_procedures_are_listed() -> None:
    with pytest.raises(TimelinessError) as info:
        measure_dossiers(ba_trang_synthetic_dossiers(), H1_2023, procedures={})
    assert [p.found for p in info.value.problems] == ["absent"] * 4


def test_period_selection() -> None:
    start, end = period_bounds(H1_2023)
    assert start == datetime(2022, 12, 15, tzinfo=VN_TZ)
    assert end.date().isoformat() == "2023-06-14"
    q3 = measure_dossiers(ba_trang_synthetic_dossiers(), ReportingPeriod.quarter(2023, 3))
    # Only the dossier still in progress at 14/6 is processed in quý III (from 15/6).
    assert q3.counted == 1
    empty = measure_dossiers([], H1_2023)
    assert empty.on_time_766.rate is NOT_APPLICABLE
    assert satisfaction_5_4(empty, 0).rate is NOT_APPLICABLE


def test_satisfaction_5_4() -> None:
    m = measure_dossiers(ba_trang_synthetic_dossiers(), H1_2023)
    # 100 % − (7/253 late + 3/253 complained of) = 243/253.
    assert satisfaction_5_4(m, 3) == Ratio(243, 253)
    assert satisfaction_5_4(m, 250) == Ratio(0, 253)  # overlapping: floored at 0
    with pytest.raises(ValueError, match="complaints"):
        satisfaction_5_4(m, 254)
    with pytest.raises(ValueError, match="complaints"):
        satisfaction_5_4(m, complaints=True)


def test_average_processing_time_per_procedure() -> None:
    m = measure_dossiers(ba_trang_synthetic_dossiers(), H1_2023)
    averages = dict(m.average_working_days)
    assert set(averages) == {"9.000001", "9.000002", "9.000003", "9.000004"}
    assert all(Decimal(0) < v < Decimal(10) for v in averages.values())


WITH_APPOINTMENT = pst.dossiers(
    start=pst.moments(min_value=datetime(2022, 10, 1), max_value=datetime(2023, 7, 1))
).filter(lambda d: d.appointment_at is not None or d.received_at is None)


@settings(max_examples=60, deadline=None)
@given(st.lists(WITH_APPOINTMENT, max_size=10))
def test_measures_are_sums_of_their_parts(ds: list[Dossier]) -> None:
    whole = measure_dossiers(ds, H1_2023)
    parts = [measure_dossiers([d], H1_2023) for d in ds]
    assert whole.counted == sum(p.counted for p in parts)
    for name, ratio in whole.ratios().items():
        if ratio is None:
            continue
        total = Ratio(0, 0)
        for p in parts:
            part = p.ratios()[name]
            assert part is not None
            total = total + part
        assert ratio == total
        rate = ratio.rate
        assert rate is NOT_APPLICABLE or Decimal(0) <= rate <= Decimal(1)


def test_dossiers_outside_the_period_are_left_out() -> None:
    d = ba_trang_synthetic_dossiers()[0]
    assert d.received_at is not None
    later = d.received_at + timedelta(days=400)
    moved = type(d)(
        code=d.code,
        procedure_code=d.procedure_code,
        unit_code=d.unit_code,
        channel=d.channel,
        status=DossierStatus.RECEIVED,
        received_at=later,
        appointment_at=later + timedelta(days=3),
    )
    assert measure_dossiers([moved], H1_2023).counted == 0


# --------------------------------------------------------------------------------------------
# 3.3, 3.6, 4.1 and 4.3 as the portal's formula document "Mô tả công thức tính chỉ số 766"
# defines them: 3.3 "Tổng số hồ sơ tiếp nhận trực tuyến có Ngày tiếp nhận trong kỳ / Tổng số
# hồ sơ tiếp nhận trong kỳ"; 3.6 dossiers "có Ngày bắt đầu xử lý trong kỳ" of fee-bearing
# procedures "– Tổng số hồ sơ ... có tất cả các thông tin đồng bộ Danh sachphilephi có Gia: 0";
# 4.1 "Mẫu số = Tổng số hồ sơ TTHC ... của các TTHC có yêu cầu trả kết quả bằng văn bản, giấy
# tờ"; 4.3 "Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết = Tổng số hồ sơ có Ngày tiếp nhận
# trong kỳ".


Q1_2024 = ReportingPeriod.quarter(2024, 1)  # data window 15/12/2023 .. 14/3/2024
PAPER_FEE = Procedure(
    "1.000001",
    "Cấp bản sao",
    ProcedureLevel.COMMUNE,
    TimeLimit(3, TimeUnit.WORKING_DAYS),
    fee_bearing=True,
    paper_result=True,
)
NO_PAPER = Procedure(
    "1.000002",
    "Đăng ký",
    ProcedureLevel.COMMUNE,
    TimeLimit(3, TimeUnit.WORKING_DAYS),
    fee_bearing=False,
    paper_result=False,
)


def _at(y: int, mo: int, d: int, h: int = 9) -> datetime:
    return datetime(y, mo, d, h, tzinfo=VN_TZ)


def _returned(code: str, proc: str, channel: Channel, day: datetime, **kw: object) -> Dossier:
    return Dossier(
        code=code,
        procedure_code=proc,
        unit_code="H21.65",
        channel=channel,
        status=DossierStatus.RETURNED,
        received_at=day,
        appointment_at=day + timedelta(days=10),
        finished_at=day + timedelta(days=2),
        returned_at=day + timedelta(days=3),
        **kw,  # type: ignore[arg-type]
    )


FORMULA_SET = [
    # A: received before the window, still in progress: counted for 2.1 and 4.1, not received
    # in the period, so out of 3.3, 3.6 and 4.3 (its reused data does not count).
    Dossier(
        code="A",
        procedure_code="1.000001",
        unit_code="H21.65",
        channel=Channel.IN_PERSON,
        status=DossierStatus.IN_PROGRESS,
        received_at=_at(2023, 12, 10),
        appointment_at=_at(2024, 3, 30),
        reused_data=True,
    ),
    # B: online, paper result issued electronically, paid online.
    _returned(
        "B", "1.000001", Channel.ONLINE, _at(2024, 1, 5), electronic_result=True, paid_online=True
    ),
    # C: in person, its synced fee list is all zero: out of 3.6's denominator.
    _returned("C", "1.000001", Channel.IN_PERSON, _at(2024, 1, 10), zero_fees=True),
    # D: online, the procedure returns no paper result: online for 3.3 without an e-result;
    # its electronic result does not count for 4.1 (not a paper-result procedure).
    _returned(
        "D", "1.000002", Channel.ONLINE, _at(2024, 1, 20), electronic_result=True, reused_data=True
    ),
    # E: online, paper result without an electronic result: not online for 3.3.
    _returned("E", "1.000001", Channel.ONLINE, _at(2024, 2, 1), reused_data=True),
]


def test_formula_document_definitions_by_hand() -> None:
    procs = {"1.000001": PAPER_FEE, "1.000002": NO_PAPER}
    m = measure_dossiers(FORMULA_SET, Q1_2024, procedures=procs)
    assert m.counted == 5  # A..E: received or processed in the period
    assert m.received == 4  # B..E: received in the period
    # 3.3: online and (e-result or no paper result) among B..E: B, D -> 2/4 (not 2/5).
    assert m.online_766 == Ratio(2, 4)
    # 3.6: fee-bearing among B..E: B, C, E; C has an all-zero fee list -> {B, E}; B paid: 1/2.
    assert m.paid_online == Ratio(1, 2)
    # 4.1: paper-result procedures, ended or not: A, B, C, E; with an e-result: B -> 1/4.
    # (The former rule, e-result / ended dossiers, gave B, D of B..E: 2/4.)
    assert m.electronic_result == Ratio(1, 4)
    # 4.3: reused data among B..E: D, E -> 2/4 (A, received before the window, is out).
    assert m.reuse == Ratio(2, 4)
    # 4.2 and 2.1 keep the dossiers received or processed in the period.
    assert m.digitised == Ratio(0, 5)
    assert m.on_time_766 == Ratio(5, 5)
    # The portal multiplies 3.3 by the sync rate (1.4), which only it knows: 2/4 × 9/10.
    assert m.online_766_synced(Ratio(9, 10)) == Ratio(18, 40)
    assert m.complete


def test_without_procedures_4_1_is_not_computed() -> None:
    m = measure_dossiers(FORMULA_SET, Q1_2024)
    assert m.electronic_result is None
    assert m.online_766_synced(Ratio(1, 1)) is None
    assert m.reuse == Ratio(2, 4)
    with pytest.raises(TypeError):
        m.online_766_synced(0.9)  # type: ignore[arg-type]


def test_columnar_measures_follow_the_same_definitions() -> None:
    from par_index.service.columnar import DossierTable, measure_table

    procs = {"1.000001": PAPER_FEE, "1.000002": NO_PAPER}
    table = DossierTable.from_dossiers(FORMULA_SET)
    assert measure_table(table, Q1_2024, procedures=procs) == measure_dossiers(
        FORMULA_SET, Q1_2024, procedures=procs
    )
    assert measure_table(table, Q1_2024) == measure_dossiers(FORMULA_SET, Q1_2024)

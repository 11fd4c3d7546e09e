"""Dossiers: the portal's codes and the rules that tie their moments together."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from par_index.exceptions import InvalidDossier
from par_index.model.dossiers import VN_TZ, Channel, Dossier, DossierStatus, SupplementRequest

T0 = datetime(2023, 3, 6, 8, 0, tzinfo=VN_TZ)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def make(**kw: Any) -> Dossier:
    base: dict[str, Any] = {
        "code": "H21.65-230306-0001",
        "procedure_code": "1.000110",
        "unit_code": "H21.65",
        "channel": Channel.IN_PERSON,
        "status": DossierStatus.RETURNED,
        "received_at": at(0),
        "appointment_at": at(48),
        "finished_at": at(24),
        "returned_at": at(26),
    }
    base.update(kw)
    return Dossier(**base)


def codes_of(exc: pytest.ExceptionInfo[InvalidDossier]) -> set[tuple[str, str]]:
    return {(p.path, p.code) for p in exc.value.problems}


def test_portal_codes() -> None:
    assert [int(s) for s in DossierStatus] == list(range(1, 11))
    assert [int(c) for c in Channel] == [1, 2, 3]
    assert DossierStatus(10).name_vi == "đã trả kết quả"
    assert Channel(3).name_vi == "qua dịch vụ bưu chính công ích"
    assert DossierStatus.WITHDRAWN.is_terminal
    assert not DossierStatus.SUPPLEMENT_REQUESTED.is_terminal


def test_a_returned_dossier() -> None:
    d = make()
    assert d.ended_at == at(24)
    assert d.open_supplement is None


def test_finished_before_received() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(finished_at=at(-1), returned_at=at(1))
    assert codes_of(info) == {("finished_at", "finished-before-received")}
    assert "hồ sơ TTHC" in str(info.value)


def test_returned_without_finish() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(finished_at=None)
    assert ("returned_at", "return-without-finish") in codes_of(info)
    assert ("finished_at", "missing-finish") in codes_of(info)


def test_return_moment_needs_status_10() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(status=DossierStatus.FINISHED)
    assert codes_of(info) == {("returned_at", "return-without-status")}


def test_status_10_needs_return_moment() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(returned_at=None)
    assert codes_of(info) == {("returned_at", "missing-return")}


def test_submitted_online_not_yet_received() -> None:
    d = make(
        channel=Channel.ONLINE,
        status=DossierStatus.SUBMITTED_ONLINE,
        submitted_at=at(-2),
        received_at=None,
        appointment_at=None,
        finished_at=None,
        returned_at=None,
    )
    assert d.received_at is None
    with pytest.raises(InvalidDossier) as info:
        make(
            channel=Channel.IN_PERSON,
            status=DossierStatus.SUBMITTED_ONLINE,
            received_at=at(0),
            appointment_at=None,
            finished_at=None,
            returned_at=None,
        )
    assert codes_of(info) == {
        ("channel", "online-status-channel"),
        ("submitted_at", "missing-submission"),
        ("received_at", "received-not-received"),
    }


def test_in_progress_cannot_have_finished() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(status=DossierStatus.IN_PROGRESS, returned_at=None)
    assert codes_of(info) == {("finished_at", "finish-while-open")}


def test_reception_is_needed_once_processing_started() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(
            status=DossierStatus.IN_PROGRESS,
            received_at=None,
            appointment_at=None,
            finished_at=None,
            returned_at=None,
        )
    assert codes_of(info) == {("received_at", "missing-reception")}


def test_refused_at_reception_may_lack_reception() -> None:
    d = make(
        status=DossierStatus.REFUSED,
        received_at=None,
        appointment_at=None,
        finished_at=at(1),
        returned_at=None,
        submitted_at=at(0),
    )
    assert d.status is DossierStatus.REFUSED


def test_moment_order() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(submitted_at=at(1), appointment_at=at(-5), returned_at=at(20))
    assert codes_of(info) == {
        ("received_at", "received-before-submitted"),
        ("appointment_at", "appointment-before-received"),
        ("returned_at", "returned-before-finished"),
    }


def test_naive_moments_are_rejected() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(received_at=datetime(2023, 3, 6, 8, 0))
    assert ("received_at", "naive-datetime") in codes_of(info)


def test_other_zones_are_fine() -> None:
    utc = T0.astimezone(UTC)
    assert make(received_at=utc).received_at == T0


def test_supplements() -> None:
    d = make(
        status=DossierStatus.SUPPLEMENT_REQUESTED,
        finished_at=None,
        returned_at=None,
        supplements=(SupplementRequest(at(1), at(3)), SupplementRequest(at(5))),
    )
    assert d.open_supplement == SupplementRequest(at(5))


def test_status_5_needs_an_open_request() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(
            status=DossierStatus.SUPPLEMENT_REQUESTED,
            finished_at=None,
            returned_at=None,
            supplements=(SupplementRequest(at(1), at(2)),),
        )
    assert codes_of(info) == {("supplements", "status-without-open-supplement")}


def test_bad_supplement_sequences() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(
            supplements=(
                SupplementRequest(at(-1)),
                SupplementRequest(at(2), at(30)),
            )
        )
    assert codes_of(info) == {
        ("supplements[0].requested_at", "supplement-before-reception"),
        ("supplements[0].completed_at", "open-supplement-not-last"),
        ("supplements[0].completed_at", "open-supplement-status"),
        ("supplements[1]", "supplement-after-finish"),
    }
    with pytest.raises(InvalidDossier) as info:
        make(supplements=(SupplementRequest(at(2), at(6)), SupplementRequest(at(5), at(7))))
    assert codes_of(info) == {("supplements[1].requested_at", "supplements-overlap")}


def test_supplement_request_itself() -> None:
    with pytest.raises(InvalidDossier) as info:
        SupplementRequest(at(5), at(4))
    assert info.value.code == "supplement-before-request"
    assert SupplementRequest(at(5)).is_open


def test_wrong_types_are_reported_without_crashing() -> None:
    with pytest.raises(InvalidDossier) as info:
        make(
            channel=2, status="10", code="", supplements=[SupplementRequest(at(1))], digitised="yes"
        )
    assert {p.path for p in info.value.problems} == {
        "code",
        "channel",
        "status",
        "supplements",
        "digitised",
    }

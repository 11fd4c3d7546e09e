"""Dossiers (hồ sơ TTHC): one application for one administrative procedure.

Statuses and channels are the codes the National Public Service Portal uses when dossiers
are synchronised to it (docs/sources.md): status 1–10, channel 1 in person, 2 online,
3 public postal service (bưu chính công ích). Moments are timezone-aware; Vietnamese
exports without a zone are read as Asia/Ho_Chi_Minh (UTC+7) by the loaders in
:mod:`par_index.formats.json`.
"""

from __future__ import annotations

import enum
from datetime import datetime

import attrs

from par_index.core.tz import VN_TZ
from par_index.core.validation import Checker
from par_index.exceptions import InvalidDossier

__all__ = ["VN_TZ", "Channel", "Dossier", "DossierStatus", "SupplementRequest"]


class Channel(enum.IntEnum):
    """How a dossier was submitted (KenhThucHien)."""

    IN_PERSON = 1
    ONLINE = 2
    POSTAL = 3

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return _CHANNEL_VI[self]


_CHANNEL_VI = {
    Channel.IN_PERSON: "trực tiếp",
    Channel.ONLINE: "trực tuyến",
    Channel.POSTAL: "qua dịch vụ bưu chính công ích",
}


class DossierStatus(enum.IntEnum):
    """The portal's dossier status codes (TrangThaiHoSo)."""

    SUBMITTED_ONLINE = 1  # nộp trực tuyến, chưa tiếp nhận
    RECEIVED = 2  # đã tiếp nhận
    REFUSED = 3  # từ chối tiếp nhận
    IN_PROGRESS = 4  # đang xử lý
    SUPPLEMENT_REQUESTED = 5  # yêu cầu bổ sung
    AWAITING_FINANCIAL_OBLIGATION = 6  # chờ thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # công dân yêu cầu rút hồ sơ
    STOPPED = 8  # dừng xử lý
    FINISHED = 9  # đã xử lý xong
    RETURNED = 10  # đã trả kết quả

    @property
    def name_vi(self) -> str:
        """The Vietnamese name."""
        return _STATUS_VI[self]

    @property
    def is_terminal(self) -> bool:
        """Whether processing has ended (refused, withdrawn, stopped, finished, returned)."""
        return self in _TERMINAL

    @property
    def needs_reception(self) -> bool:
        """Whether a dossier in this status must have been received."""
        return self not in (DossierStatus.SUBMITTED_ONLINE, DossierStatus.REFUSED)


_STATUS_VI = {
    DossierStatus.SUBMITTED_ONLINE: "nộp trực tuyến, chưa tiếp nhận",
    DossierStatus.RECEIVED: "đã tiếp nhận",
    DossierStatus.REFUSED: "từ chối tiếp nhận",
    DossierStatus.IN_PROGRESS: "đang xử lý",
    DossierStatus.SUPPLEMENT_REQUESTED: "yêu cầu bổ sung",
    DossierStatus.AWAITING_FINANCIAL_OBLIGATION: "chờ thực hiện nghĩa vụ tài chính",
    DossierStatus.WITHDRAWN: "rút hồ sơ",
    DossierStatus.STOPPED: "dừng xử lý",
    DossierStatus.FINISHED: "đã xử lý xong",
    DossierStatus.RETURNED: "đã trả kết quả",
}
_TERMINAL = frozenset(
    {
        DossierStatus.REFUSED,
        DossierStatus.WITHDRAWN,
        DossierStatus.STOPPED,
        DossierStatus.FINISHED,
        DossierStatus.RETURNED,
    }
)
# Statuses in which processing is under way: an end-of-processing moment contradicts them.
_OPEN = frozenset(
    {
        DossierStatus.SUBMITTED_ONLINE,
        DossierStatus.RECEIVED,
        DossierStatus.IN_PROGRESS,
        DossierStatus.SUPPLEMENT_REQUESTED,
        DossierStatus.AWAITING_FINANCIAL_OBLIGATION,
    }
)
# Statuses that end processing and must say when (NgayKetThucXuLy).
_NEEDS_FINISH = frozenset({DossierStatus.STOPPED, DossierStatus.FINISHED, DossierStatus.RETURNED})
# An unanswered supplement request may stay open only while waiting, or once the applicant
# withdrew or processing was stopped during the wait.
_OPEN_SUPPLEMENT_OK = frozenset(
    {DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED}
)


@attrs.frozen
class SupplementRequest:
    """A request to the applicant to complete the dossier (yêu cầu bổ sung).

    The processing clock pauses from ``requested_at`` until ``completed_at``; an open
    request has ``completed_at`` None.

    Raises:
        InvalidDossier: for naive moments or a completion before the request.
    """

    requested_at: datetime
    completed_at: datetime | None = None

    def __attrs_post_init__(self) -> None:
        c = Checker()
        ok = c.aware(self.requested_at, "requested_at")
        ok = c.aware(self.completed_at, "completed_at") and ok
        # Messages are built only on failure: loaders construct millions of these.
        if ok and self.completed_at is not None and self.completed_at < self.requested_at:
            c.add(
                "completed_at",
                "supplement-before-request",
                f"a moment at or after requested_at ({self.requested_at.isoformat()})",
                self.completed_at,
            )
        c.raise_if_any(InvalidDossier)

    @property
    def is_open(self) -> bool:
        """Whether the applicant has not yet supplied what was asked."""
        return self.completed_at is None


@attrs.frozen
class Dossier:
    """One dossier (hồ sơ TTHC) as the one-stop system records it.

    Attributes:
        code: opaque dossier code (MaHoSo), e.g. ``H21.65-220914-0011``.
        procedure_code: the procedure's code (MaTTHC).
        unit_code: the handling agency or unit code (``H21.65``, or an administrative code).
        channel: how it was submitted.
        status: the portal status code.
        submitted_at: when the applicant submitted it (NgayNopHoSo), if known.
        received_at: when the one-stop desk received it (NgayTiepNhan).
        appointment_at: the promised return moment (NgayHenTra), if set.
        finished_at: the end of processing (NgayKetThucXuLy): finished, stopped, refused
            or withdrawn.
        returned_at: when the result was returned (NgayTraKetQua).
        supplements: supplement requests in time order; at most the last may be open.
        paid_online: fees were paid online (QĐ 766 indicator 3.6).
        digitised: components and result digitised (indicator 4.2).
        electronic_result: an electronic result was issued (indicator 4.1).
        reused_data: a component reused digitised data (indicator 4.3).
        zero_fees: every fee item synced for the dossier (the portal's DanhSachPhiLePhi) has
            price 0; such a dossier leaves the denominator of indicator 3.6 (the portal's
            formula document "Mô tả công thức tính chỉ số 766", 3.6).

    Raises:
        InvalidDossier: listing every field that breaks a rule, with the rule's code.
    """

    code: str
    procedure_code: str
    unit_code: str
    channel: Channel
    status: DossierStatus
    submitted_at: datetime | None = None
    received_at: datetime | None = None
    appointment_at: datetime | None = None
    finished_at: datetime | None = None
    returned_at: datetime | None = None
    supplements: tuple[SupplementRequest, ...] = ()
    paid_online: bool = False
    digitised: bool = False
    electronic_result: bool = False
    reused_data: bool = False
    zero_fees: bool = False

    def __attrs_post_init__(self) -> None:
        c = Checker()
        for name in ("code", "procedure_code", "unit_code"):
            value = getattr(self, name)
            if c.of_type(value, str, name, "a non-empty code"):
                c.check(
                    value.strip() == value and value != "",
                    name,
                    "blank-code",
                    "a non-empty code without surrounding spaces",
                    value,
                )
        types_ok = c.of_type(self.channel, Channel, "channel", "a Channel (1, 2 or 3)")
        types_ok = c.of_type(self.status, DossierStatus, "status", "a DossierStatus (1-10)") and (
            types_ok
        )
        for name in ("paid_online", "digitised", "electronic_result", "reused_data", "zero_fees"):
            c.of_type(getattr(self, name), bool, name, "True or False")
        moments = ("submitted_at", "received_at", "appointment_at", "finished_at", "returned_at")
        for name in moments:
            types_ok = c.aware(getattr(self, name), name) and types_ok
        if c.of_type(self.supplements, tuple, "supplements", "a tuple of SupplementRequest"):
            for i, s in enumerate(self.supplements):
                types_ok = (
                    c.of_type(s, SupplementRequest, f"supplements[{i}]", "a SupplementRequest")
                    and types_ok
                )
        else:
            types_ok = False
        if types_ok:
            self._check_rules(c)
        c.raise_if_any(InvalidDossier)

    def _check_rules(self, c: Checker) -> None:
        status = self.status
        if status is DossierStatus.SUBMITTED_ONLINE:
            c.check(
                self.channel is Channel.ONLINE,
                "channel",
                "online-status-channel",
                "channel 2 (online) for status 1 (submitted online)",
                int(self.channel),
            )
            c.check(
                self.submitted_at is not None,
                "submitted_at",
                "missing-submission",
                "a submission moment for status 1 (submitted online)",
                None,
            )
            c.check(
                self.received_at is None,
                "received_at",
                "received-not-received",
                "no reception moment for status 1 (not yet received)",
                self.received_at,
            )
        if status.needs_reception:
            c.check(
                self.received_at is not None,
                "received_at",
                "missing-reception",
                f"a reception moment for status {int(status)} ({status.name_vi})",
                None,
            )
        if status in _NEEDS_FINISH:
            c.check(
                self.finished_at is not None,
                "finished_at",
                "missing-finish",
                f"an end-of-processing moment for status {int(status)} ({status.name_vi})",
                None,
            )
        if status in _OPEN:
            c.check(
                self.finished_at is None,
                "finished_at",
                "finish-while-open",
                f"no end-of-processing moment while status is {int(status)} ({status.name_vi})",
                self.finished_at,
            )
        if status is DossierStatus.RETURNED:
            c.check(
                self.returned_at is not None,
                "returned_at",
                "missing-return",
                "a return moment for status 10 (result returned)",
                None,
            )
        elif self.returned_at is not None:
            c.add(
                "returned_at",
                "return-without-status",
                "no return moment unless status is 10 (result returned)",
                self.returned_at,
            )
        if self.returned_at is not None:
            c.check(
                self.finished_at is not None,
                "returned_at",
                "return-without-finish",
                "an end-of-processing moment (finished_at) before a result is returned",
                self.returned_at,
            )
        self._check_order(c)
        self._check_supplements(c)

    def _check_order(self, c: Checker) -> None:
        pairs = (
            ("received_at", "submitted_at", "received-before-submitted"),
            ("appointment_at", "received_at", "appointment-before-received"),
            ("finished_at", "received_at", "finished-before-received"),
            ("finished_at", "submitted_at", "finished-before-submitted"),
            ("returned_at", "finished_at", "returned-before-finished"),
        )
        for later, earlier, code in pairs:
            a: datetime | None = getattr(self, later)
            b: datetime | None = getattr(self, earlier)
            if a is not None and b is not None and a < b:
                c.add(later, code, f"a moment at or after {earlier} ({b.isoformat()})", a)

    def _check_supplements(self, c: Checker) -> None:
        previous_end: datetime | None = None
        for i, s in enumerate(self.supplements):
            path = f"supplements[{i}]"
            if self.received_at is not None and s.requested_at < self.received_at:
                c.add(
                    f"{path}.requested_at",
                    "supplement-before-reception",
                    f"a request at or after received_at ({self.received_at.isoformat()})",
                    s.requested_at,
                )
            if previous_end is not None and s.requested_at < previous_end:
                c.add(
                    f"{path}.requested_at",
                    "supplements-overlap",
                    f"a request after the previous one was completed ({previous_end.isoformat()})",
                    s.requested_at,
                )
            if s.completed_at is None:
                c.check(
                    i == len(self.supplements) - 1,
                    f"{path}.completed_at",
                    "open-supplement-not-last",
                    "only the last supplement request to be open",
                    None,
                )
                c.check(
                    self.status in _OPEN_SUPPLEMENT_OK,
                    f"{path}.completed_at",
                    "open-supplement-status",
                    "a completion moment unless status is 5, 7 or 8",
                    None,
                )
            end = s.completed_at or s.requested_at
            if self.finished_at is not None and end > self.finished_at:
                c.add(
                    f"{path}",
                    "supplement-after-finish",
                    f"a request that ends by finished_at ({self.finished_at.isoformat()})",
                    end,
                )
            previous_end = end
        if self.status is DossierStatus.SUPPLEMENT_REQUESTED:
            c.check(
                bool(self.supplements) and self.supplements[-1].is_open,
                "supplements",
                "status-without-open-supplement",
                "an open supplement request for status 5 (supplement requested)",
                len(self.supplements),
            )

    @property
    def open_supplement(self) -> SupplementRequest | None:
        """The unanswered supplement request, if any."""
        if self.supplements and self.supplements[-1].is_open:
            return self.supplements[-1]
        return None

    @property
    def ended_at(self) -> datetime | None:
        """The end of processing: ``finished_at``, else ``returned_at`` (the portal's formula
        document, 2.1)."""
        return self.finished_at if self.finished_at is not None else self.returned_at

"""Service measures over a set of dossiers and a reporting period.

Each measure is a :class:`~par_index.model.ratios.Ratio` (numerator, denominator, exact rate; not
applicable when nothing was considered), following the QĐ 766/QĐ-TTg indicators as the
National Public Service Portal's formula document ("Mô tả công thức tính chỉ số 766")
defines them, and the way local one-stop reports count:

- 2.1 dossiers handled early or on time: (ended on time + in progress within time) / dossiers
  received or processed in the period ("Tổng số hồ sơ được tiếp nhận, xử lý trong kỳ");
- local on-time rate: (early + on time) / the same dossiers, as one-stop reports print it
  ("trả trước hạn 245 (tỷ lệ 96,83%)" of 253 received);
- 3.3 online dossier share: dossiers **received in the period** online (channel 2), with an
  electronic result where the procedure's result is a paper document / dossiers received in
  the period. The portal then multiplies by the sync rate (indicator 1.4, "* Tỷ lệ đồng bộ hồ
  sơ"); the library holds no sync data and **leaves that factor out**: multiply by your 1.4
  rate (:meth:`DossierMeasures.online_766_synced`) to get the portal's figure;
- 3.6 dossiers paid online / dossiers of fee-bearing procedures **whose processing started
  in the period** (the reception: "Ngày bắt đầu xử lý ... Ngày tiếp nhận hồ sơ"), less those
  whose synced fee list is all zero (``Dossier.zero_fees``);
- 4.1 dossiers with an electronic result / dossiers of procedures that must return a paper
  result, ended or not, among those received or processed in the period;
- 4.2 dossiers digitised / all; 4.3 dossiers **received in the period** reusing digitised data
  / dossiers received in the period ("Tổng số hồ sơ có Ngày tiếp nhận trong kỳ");
- 2.2 average processing time per procedure (working days, supplement pauses removed);
- 5.4 satisfaction in TTHC handling: 100 % − (late rate + rate of dossiers with a complaint).

The dossiers counted for a period are those received by its end and either received in it or
still being processed when it began ("received or processed in the period"); 3.3, 3.6 and
4.3 count only those received in it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime, time, timedelta
from decimal import Decimal, localcontext

import attrs

from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.core.tz import VN_TZ
from par_index.exceptions import Problem
from par_index.model.dossiers import Channel, Dossier, DossierStatus
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.model.ratios import Ratio
from par_index.service.timeliness import (
    DEFAULT_POLICY,
    Timeliness,
    TimelinessError,
    TimelinessPolicy,
    classify,
)

_MICROSECOND = timedelta(microseconds=1)

__all__ = [
    "DossierMeasures",
    "measure_dossiers",
    "period_bounds",
    "satisfaction_5_4",
]


def period_bounds(period: ReportingPeriod) -> tuple[datetime, datetime]:
    """The first and last moments of a period's data window, in Vietnam time."""
    return (
        datetime.combine(period.start, time.min, tzinfo=VN_TZ),
        datetime.combine(period.end, time.max, tzinfo=VN_TZ),
    )


def _in_period(d: Dossier, start: datetime, end: datetime) -> bool:
    received = d.received_at
    if received is None or received > end:
        return False
    if received >= start:
        return True
    ended = d.ended_at
    return ended is None or ended >= start


@attrs.frozen
class DossierMeasures:
    """The measures of one set of dossiers over one period.

    Ratios whose definition needs procedure data (3.3, 3.6, 4.1) are None when no procedure
    list was given: the measures are then incomplete, and :attr:`complete` says so.

    Attributes:
        period: the reporting period.
        as_of: the reference moment (the end of the period's window).
        counted: dossiers received or processed in the period.
        received: dossiers received in the period (the base of 3.3, 3.6 and 4.3).
        by_timeliness: how many of each class, in :class:`Timeliness` order.
        by_status: how many in each status, as recorded.
        by_channel: how many by channel.
        on_time_766: QĐ 766 indicator 2.1.
        early_or_on_time: ended early or on time / counted (local reports).
        late: ended late or in progress overdue / counted.
        online_submitted: received online (channel 2) / counted.
        online_766: indicator 3.3 before the portal's sync factor (see
            :meth:`online_766_synced`), or None without procedure data.
        paid_online: indicator 3.6, or None without procedure data.
        electronic_result: indicator 4.1, or None without procedure data.
        digitised: indicator 4.2.
        reuse: indicator 4.3.
        average_working_days: indicator 2.2: per procedure code, the mean office time from
            reception to the end of processing, pauses removed, in working days.
    """

    period: ReportingPeriod
    as_of: datetime
    counted: int
    received: int
    by_timeliness: tuple[tuple[Timeliness, int], ...]
    by_status: tuple[tuple[DossierStatus, int], ...]
    by_channel: tuple[tuple[Channel, int], ...]
    on_time_766: Ratio
    early_or_on_time: Ratio
    late: Ratio
    online_submitted: Ratio
    online_766: Ratio | None
    paid_online: Ratio | None
    electronic_result: Ratio | None
    digitised: Ratio
    reuse: Ratio
    average_working_days: tuple[tuple[str, Decimal], ...]

    @property
    def complete(self) -> bool:
        """Whether every measure was computed (procedure data was available)."""
        return (
            self.online_766 is not None
            and self.paid_online is not None
            and self.electronic_result is not None
        )

    def online_766_synced(self, sync_rate: Ratio) -> Ratio | None:
        """Indicator 3.3 as the portal computes it: the online share times the sync rate.

        The formula document: "Tổng số hồ sơ tiếp nhận trực tuyến có Ngày tiếp nhận trong kỳ/
        Tổng số hồ sơ tiếp nhận trong kỳ * Tỷ lệ đồng bộ hồ sơ * 100%". The sync rate is
        indicator 1.4 (synced dossiers received in the period / dossiers to count), which only
        the portal knows; the product keeps both parts exact.

        Returns:
            ``(online × synced) / (received × to count)``, or None without procedure data.

        Raises:
            TypeError: when ``sync_rate`` is not a :class:`Ratio`.
        """
        if not isinstance(sync_rate, Ratio):
            raise TypeError(f"expected a Ratio, found {type(sync_rate).__name__}")
        online = self.online_766
        if online is None:
            return None
        return Ratio(
            online.numerator * sync_rate.numerator, online.denominator * sync_rate.denominator
        )

    def count(self, timeliness: Timeliness) -> int:
        """How many dossiers fell in ``timeliness``."""
        return dict(self.by_timeliness).get(timeliness, 0)

    def ratios(self) -> dict[str, Ratio | None]:
        """Every ratio by its measure name (the names frameworks read, ``dossiers.*``)."""
        return {
            "on_time_rate_766": self.on_time_766,
            "early_or_on_time_rate": self.early_or_on_time,
            "late_rate": self.late,
            "online_submitted_rate": self.online_submitted,
            "online_rate_766": self.online_766,
            "paid_online_rate": self.paid_online,
            "electronic_result_rate": self.electronic_result,
            "digitised_rate": self.digitised,
            "reuse_rate": self.reuse,
        }


def measure_dossiers(
    dossiers: Iterable[Dossier],
    period: ReportingPeriod,
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
    policy: TimelinessPolicy = DEFAULT_POLICY,
) -> DossierMeasures:
    """Compute the service measures of ``dossiers`` over ``period``.

    Args:
        dossiers: the dossiers (any order; those outside the period are left out).
        period: the reporting period; dossiers are judged at the end of its window.
        procedures: the procedures by code. Needed for 3.3, 3.6 and 4.1 and for dossiers
            without an appointment date; without it, 3.3, 3.6 and 4.1 are None.
        calendar: the working-day calendar (default: :func:`default_calendar`).
        policy: the timeliness policy.

    Raises:
        TimelinessError: listing every dossier that cannot be judged, or (with
            ``procedures``) every procedure code the list lacks.
    """
    cal = calendar if calendar is not None else default_calendar()
    start, as_of = period_bounds(period)
    chosen = [d for d in dossiers if _in_period(d, start, as_of)]
    procs = procedures
    if procs is not None:
        unknown = sorted({d.procedure_code for d in chosen} - set(procs))
        if unknown:
            raise TimelinessError(
                [
                    Problem("procedures", "unknown-procedure", f"the procedure {code}", "absent")
                    for code in unknown
                ]
            )
    results = []
    problems: list[Problem] = []
    for d in chosen:
        try:
            results.append(
                classify(
                    d,
                    as_of,
                    procedure=procs.get(d.procedure_code) if procs is not None else None,
                    calendar=cal,
                    policy=policy,
                )
            )
        except TimelinessError as exc:
            problems.extend(p.under(f"dossier {d.code}") for p in exc.problems)
    if problems:
        raise TimelinessError(problems)
    n = len(chosen)
    kinds = Counter(r.timeliness for r in results)
    online = sum(1 for d in chosen if d.channel is Channel.ONLINE)
    # 3.3, 3.6 and 4.3 count the dossiers received in the period ("có Ngày tiếp nhận trong
    # kỳ"; 3.6: "Ngày bắt đầu xử lý trong kỳ", which is the reception).
    received = [d for d in chosen if d.received_at is not None and d.received_at >= start]
    online_766 = paid = electronic = None
    if procs is not None:
        online_766 = Ratio(
            sum(
                1
                for d in received
                if d.channel is Channel.ONLINE
                and (d.electronic_result or not procs[d.procedure_code].paper_result)
            ),
            len(received),
        )
        # 3.6: fee-bearing procedures, less the dossiers whose synced fee list is all zero.
        fee = [d for d in received if procs[d.procedure_code].fee_bearing and not d.zero_fees]
        paid = Ratio(sum(1 for d in fee if d.paid_online), len(fee))
        # 4.1: dossiers of procedures that must return a paper result, ended or not.
        paper = [d for d in chosen if procs[d.procedure_code].paper_result]
        electronic = Ratio(sum(1 for d in paper if d.electronic_result), len(paper))
    day = policy.office_hours.day_microseconds
    spent: dict[str, list[int]] = {}
    for d, r in zip(chosen, results, strict=True):
        if r.timeliness.is_ended and r.elapsed is not None:
            spent.setdefault(d.procedure_code, []).append(r.elapsed // _MICROSECOND)
    with localcontext() as ctx:
        ctx.prec = 34
        averages = tuple(
            (code, Decimal(sum(v)) / Decimal(len(v)) / Decimal(day))
            for code, v in sorted(spent.items())
        )
    timely = kinds[Timeliness.EARLY] + kinds[Timeliness.ON_TIME]
    return DossierMeasures(
        period=period,
        as_of=as_of,
        counted=n,
        received=len(received),
        by_timeliness=tuple((t, kinds[t]) for t in Timeliness if t is not Timeliness.NOT_COUNTED),
        by_status=tuple(
            sorted(Counter(d.status for d in chosen).items(), key=lambda kv: int(kv[0]))
        ),
        by_channel=tuple(
            sorted(Counter(d.channel for d in chosen).items(), key=lambda kv: int(kv[0]))
        ),
        on_time_766=Ratio(timely + kinds[Timeliness.IN_PROGRESS_WITHIN_TIME], n),
        early_or_on_time=Ratio(timely, n),
        late=Ratio(kinds[Timeliness.LATE] + kinds[Timeliness.IN_PROGRESS_OVERDUE], n),
        online_submitted=Ratio(online, n),
        online_766=online_766,
        paid_online=paid,
        electronic_result=electronic,
        digitised=Ratio(sum(1 for d in chosen if d.digitised), n),
        reuse=Ratio(sum(1 for d in received if d.reused_data), len(received)),
        average_working_days=averages,
    )


def satisfaction_5_4(measures: DossierMeasures, complaints: int) -> Ratio:
    """QĐ 766 indicator 5.4: 100 % − (late rate + rate of dossiers with a complaint).

    Args:
        measures: the period's measures (their late count and the dossiers counted).
        complaints: dossiers of the period with a complaint or a "dislike" rating; the
            library does not hold this, so it must be given.

    Returns:
        ``(counted − late − complaints) / counted`` as a ratio, floored at 0 when late and
        complained-of dossiers overlap; not applicable when no dossier was counted.

    Raises:
        ValueError: for a negative count or more complaints than dossiers.
    """
    if type(complaints) is not int or not 0 <= complaints <= measures.counted:
        raise ValueError(
            f"expected a number of complaints from 0 to {measures.counted}, found {complaints!r}"
        )
    n = measures.counted
    return Ratio(max(n - measures.late.numerator - complaints, 0), n)

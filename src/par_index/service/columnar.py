"""The columnar path for bulk dossier analytics: arrays in, measures out, no objects per row.

One province processes millions of dossiers a year, the country tens of millions
(docs/service.md, "Millions of dossiers"). Building and validating a
:class:`~par_index.model.dossiers.Dossier` per row costs tens of microseconds; this module
reads a portal CSV export straight into parallel
:mod:`array` columns (:class:`DossierTable`) with the same validation, and computes the
same :class:`~par_index.service.measures.DossierMeasures` from them (:func:`measure_table`). A table
is a partition: tables concatenate (:meth:`DossierTable.concat`) and the counts and ratios
of disjoint partitions add up, so the same functions run per partition on Dask or Spark.

Design choices:

- Moments are kept exactly, as microseconds since 1970-01-01 UTC (``*_us`` columns, with
  :data:`NO_MOMENT` for absent), next to their local day in Vietnam (day ordinals,
  ``date.toordinal()``, -1 for absent). The table does not depend on a reference moment:
  :func:`measure_table` applies the period's ``as_of`` itself, ignoring what happened after
  it exactly as :func:`~par_index.service.timeliness.classify` does.
- Supplement requests are kept whole, in flat columns indexed by
  ``supplement_offsets`` (request ``k`` of row ``i`` is at ``supplement_offsets[i] + k``),
  rather than as as-of-dependent summaries.
- The reader validates each row on a fast path; a row that fails any rule, or holds
  something unusual (a moment in the years when Vietnam's offset was not UTC+7), is read
  again by the scalar rules of :func:`par_index.formats.portal.loads_dossiers_csv`, so accepted
  rows and
  reported problems are the scalar loader's own.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, localcontext
from itertools import compress
from typing import Final

import attrs

from par_index.calendar.office_hours import OfficeHours
from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.core.tz import VN_TZ
from par_index.exceptions import Problem
from par_index.model.dossiers import Channel, Dossier, DossierStatus
from par_index.model.periods import ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.model.ratios import Ratio
from par_index.service.measures import DossierMeasures, period_bounds
from par_index.service.timeliness import DEFAULT_POLICY, Timeliness, TimelinessError

__all__ = ["NO_MOMENT", "DossierTable", "measure_table"]

#: The value of an absent moment in the ``*_us`` columns (the smallest 64-bit integer, so
#: that "at or after an absent moment" holds for every moment).
NO_MOMENT: Final = -(2**63)
NO_DAY: Final = -1

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL: Final = 719_163  # date(1970, 1, 1).toordinal()
_MICROSECOND: Final = timedelta(microseconds=1)
_DAY_US: Final = 86_400_000_000
VN_OFFSET: Final = timedelta(hours=7)
_VN_OFFSET_US: Final = 25_200_000_000
ABSENT: Final = (NO_MOMENT, NO_DAY)
# A moment cell the fast path leaves to the scalar rules (compared by identity).
BAD_CELL: Final = (NO_MOMENT + 1, NO_DAY)

INT_COLUMNS: Final = (
    "procedure",
    "channel",
    "status",
    "paid_online",
    "digitised",
    "electronic_result",
    "reused_data",
    "zero_fees",
    "submitted",
    "received",
    "appointment",
    "ended",
    "submitted_us",
    "received_us",
    "appointment_us",
    "ended_us",
)
SUPPLEMENT_COLUMNS: Final = (
    "supplement_requested_us",
    "supplement_requested",
    "supplement_completed_us",
    "supplement_completed",
)
FLUSH: Final = 15 * 32_768  # pending values before a flush to the columns
TYPECODES: Final = ("l", "b", "b", "b", "b", "b", "b", "b", "q", "q", "q", "q", "q", "q", "q", "q")


def moment_cells(dt: datetime | None) -> tuple[int, int]:
    """(µs since the epoch, local day ordinal in Vietnam) of an aware moment."""
    if dt is None:
        return ABSENT
    us = (dt - _EPOCH) // _MICROSECOND
    try:
        day = dt.astimezone(VN_TZ).toordinal()
    except OverflowError:  # within a day of year 1 or 9999: no calendar holds it anyway
        day = (us + _VN_OFFSET_US) // _DAY_US + _EPOCH_ORDINAL
    return us, day


@attrs.frozen
class DossierTable:
    """Dossiers as parallel columns, one row per dossier, for the columnar path.

    Day columns hold local day ordinals in Vietnam (``date.toordinal()``), -1 when absent;
    ``*_us`` columns hold the exact moment in microseconds since 1970-01-01 UTC,
    :data:`NO_MOMENT` when absent. Codes are the portal's integer codes. The class is
    frozen but :class:`array.array` is not: treat the columns as read-only.

    Attributes:
        codes: the dossier codes (MaHoSo).
        procedure_codes: the distinct procedure codes, in order of first appearance.
        procedure: per row, the index of its code in ``procedure_codes``.
        channel: :class:`~par_index.model.dossiers.Channel` codes (1-3).
        status: :class:`~par_index.model.dossiers.DossierStatus` codes (1-10).
        paid_online: 1 when fees were paid online, else 0.
        digitised: 1 when digitised, else 0.
        electronic_result: 1 when an electronic result was issued, else 0.
        reused_data: 1 when digitised data was reused, else 0.
        zero_fees: 1 when the synced fee list is all zero (3.6's denominator leaves it).
        submitted: day of submission.
        received: day of reception.
        appointment: the appointment day (ngày hẹn trả) as given, before supplement pauses.
        ended: day processing ended (``Dossier.ended_at``).
        submitted_us: moment of submission.
        received_us: moment of reception.
        appointment_us: appointment moment (a date-only NgayHenTra is the end of that day).
        ended_us: moment processing ended.
        supplement_offsets: ``len + 1`` offsets into the supplement columns.
        supplement_requested_us: moment of each supplement request.
        supplement_requested: day of each request.
        supplement_completed_us: moment each request was completed, :data:`NO_MOMENT` if open.
        supplement_completed: day each request was completed, -1 if open.

    Raises:
        ValueError: when the columns differ in length.
    """

    codes: tuple[str, ...]
    procedure_codes: tuple[str, ...]
    procedure: array[int]
    channel: array[int]
    status: array[int]
    paid_online: array[int]
    digitised: array[int]
    electronic_result: array[int]
    reused_data: array[int]
    zero_fees: array[int]
    submitted: array[int]
    received: array[int]
    appointment: array[int]
    ended: array[int]
    submitted_us: array[int]
    received_us: array[int]
    appointment_us: array[int]
    ended_us: array[int]
    supplement_offsets: array[int]
    supplement_requested_us: array[int]
    supplement_requested: array[int]
    supplement_completed_us: array[int]
    supplement_completed: array[int]

    def __attrs_post_init__(self) -> None:
        n = len(self.codes)
        for name in INT_COLUMNS:
            size = len(getattr(self, name))
            if size != n:
                raise ValueError(f"column {name} has {size} rows, not {n}")
        if len(self.supplement_offsets) != n + 1:
            raise ValueError(f"supplement_offsets has {len(self.supplement_offsets)} rows")
        k = self.supplement_offsets[-1]
        for name in SUPPLEMENT_COLUMNS:
            size = len(getattr(self, name))
            if size != k:
                raise ValueError(f"column {name} has {size} rows, not {k}")

    def __len__(self) -> int:
        return len(self.codes)

    @classmethod
    def from_dossiers(cls, dossiers: Iterable[Dossier]) -> DossierTable:
        """The table of ``dossiers``, in their order.

        Raises:
            TypeError: when an item is not a :class:`Dossier`.
        """
        builder = TableBuilder()
        for d in dossiers:
            if not isinstance(d, Dossier):
                raise TypeError(f"expected a Dossier, found {type(d).__name__}")
            builder.add_dossier(d)
        return builder.build()

    @classmethod
    def concat(cls, tables: Iterable[DossierTable]) -> DossierTable:
        """One table of the rows of ``tables``, in order (procedure codes are merged).

        Raises:
            TypeError: when an item is not a :class:`DossierTable`.
        """
        parts = list(tables)
        for t in parts:
            if not isinstance(t, DossierTable):
                raise TypeError(f"expected a DossierTable, found {type(t).__name__}")
        merged: dict[str, int] = {}
        columns: dict[str, array[int]] = {
            name: array(code) for name, code in zip(INT_COLUMNS, TYPECODES, strict=True)
        }
        sup: dict[str, array[int]] = {name: array("q") for name in SUPPLEMENT_COLUMNS}
        offsets = array("q", [0])
        codes: list[str] = []
        for t in parts:
            remap = [merged.setdefault(c, len(merged)) for c in t.procedure_codes]
            codes.extend(t.codes)
            columns["procedure"].extend(array("l", [remap[p] for p in t.procedure]))
            for name in INT_COLUMNS[1:]:
                columns[name].extend(getattr(t, name))
            base = offsets[-1]
            offsets.extend(array("q", [base + o for o in t.supplement_offsets[1:]]))
            for name in SUPPLEMENT_COLUMNS:
                sup[name].extend(getattr(t, name))
        return cls(tuple(codes), tuple(merged), **columns, supplement_offsets=offsets, **sup)


class TableBuilder:
    """Accumulates rows as tuples and turns them into columns once."""

    def __init__(self) -> None:
        self.codes: list[str] = []
        self.rows: list[int] = []  # pending rows, one after another, flushed to columns
        self.columns: list[array[int]] = [array(code) for code in TYPECODES]
        self.procedures: dict[str, int] = {}
        self.offsets: list[int] = [0]
        self.supplements: list[tuple[int, int, int, int]] = []

    def procedure_index(self, code: str) -> int:
        index = self.procedures.get(code)
        if index is None:
            index = self.procedures[code] = len(self.procedures)
        return index

    def add_dossier(self, d: Dossier) -> None:
        sub_us, sub = moment_cells(d.submitted_at)
        rec_us, rec = moment_cells(d.received_at)
        app_us, app = moment_cells(d.appointment_at)
        end_us, end = moment_cells(d.ended_at)
        self.codes.append(d.code)
        self.rows.extend(
            (
                self.procedure_index(d.procedure_code),
                int(d.channel),
                int(d.status),
                int(d.paid_online),
                int(d.digitised),
                int(d.electronic_result),
                int(d.reused_data),
                int(d.zero_fees),
                sub,
                rec,
                app,
                end,
                sub_us,
                rec_us,
                app_us,
                end_us,
            )
        )
        for s in d.supplements:
            self.supplements.append((*moment_cells(s.requested_at), *moment_cells(s.completed_at)))
        self.offsets.append(len(self.supplements))

    def flush(self) -> None:
        """Move the pending rows into the columns (bounds the Python ints alive at once)."""
        width = len(INT_COLUMNS)
        rows = self.rows
        for k, column in enumerate(self.columns):
            column.extend(array(column.typecode, rows[k::width]))
        rows.clear()

    def build(self) -> DossierTable:
        self.flush()
        columns = dict(zip(INT_COLUMNS, self.columns, strict=True))
        sups = list(zip(*self.supplements, strict=True)) if self.supplements else [()] * 4
        return DossierTable(
            tuple(self.codes),
            tuple(self.procedures),
            **columns,
            supplement_offsets=array("q", self.offsets),
            supplement_requested_us=array("q", sups[0]),
            supplement_requested=array("q", sups[1]),
            supplement_completed_us=array("q", sups[2]),
            supplement_completed=array("q", sups[3]),
        )


# --------------------------------------------------------------------------- measures


def _us_of(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICROSECOND


def _spans(office: OfficeHours) -> tuple[tuple[int, int], ...]:
    def us(t: time) -> int:
        return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond

    return tuple((us(a), us(b)) for a, b in office.intervals)


class _Clock:
    """Office-time positions of moments, the arithmetic of
    :meth:`WorkCalendar.working_time_between` on integers, with a cache per day.
    """

    def __init__(self, cal: WorkCalendar, office: OfficeHours) -> None:
        self.cal = cal
        self.day_us = office.day_microseconds
        self.spans = _spans(office)
        self.days: dict[int, tuple[int, bool, int]] = {}

    def day(self, ordinal: int) -> tuple[int, bool, int]:
        """(office µs before the day's opening, working?, working days up to it)."""
        info = self.days.get(ordinal)
        if info is None:
            d = date.fromordinal(ordinal)
            working = self.cal.is_working_day(d)
            cum = self.cal.working_days_between(self.cal.first, d)
            info = self.days[ordinal] = ((cum - working) * self.day_us, working, cum)
        return info

    def position(self, us: int, ordinal: int) -> int:
        base, working, _ = self.day(ordinal)
        if not working:
            return base
        # Vietnam has kept UTC+7 since 1975; every calendar starts later.
        tod = (us + _VN_OFFSET_US) % _DAY_US
        total = 0
        for start, end in self.spans:
            if tod <= start:
                break
            total += min(tod, end) - start
        return base + total


def measure_table(
    table: DossierTable,
    period: ReportingPeriod,
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
) -> DossierMeasures:
    """The measures of a table's dossiers over ``period``, judged by day (default policy).

    Equal to ``measure_dossiers(dossiers, period, procedures=..., calendar=...)`` under
    :data:`~par_index.service.timeliness.DEFAULT_POLICY` for the dossiers the table was built from,
    including indicator 2.2 (office time is computed exactly from the stored moments).
    Dossiers without an appointment date get their due day from their procedure's time
    limit when ``procedures`` are given (:meth:`WorkCalendar.deadline`, as the scalar path).

    Args:
        table: the dossiers.
        period: the reporting period; dossiers are judged at the end of its window.
        procedures: the procedures by code; needed for 3.3 and 3.6 and for dossiers without
            an appointment date.
        calendar: the working-day calendar (default: :func:`default_calendar`).

    Raises:
        TimelinessError: listing every counted dossier without an appointment date when no
            procedures are given, or (with ``procedures``) every procedure code the mapping
            lacks; the problems are the scalar path's.
        CalendarRangeError: when a day used falls outside the calendar (the first such day
            found, which may not be the one the scalar path names).
    """
    cal = calendar if calendar is not None else default_calendar()
    office = DEFAULT_POLICY.office_hours
    start, as_of = period_bounds(period)
    start_us, end_us = _us_of(start), _us_of(as_of)
    as_of_day = period.end.toordinal()
    none = NO_MOMENT
    mask = [
        r != none and r <= end_us and (r >= start_us or e == none or e >= start_us)
        for r, e in zip(table.received_us, table.ended_us, strict=True)
    ]
    names = table.procedure_codes
    pidx = list(compress(table.procedure, mask))
    if procedures is not None:
        unknown = sorted({names[p] for p in set(pidx)} - set(procedures))
        if unknown:
            raise TimelinessError(
                [
                    Problem("procedures", "unknown-procedure", f"the procedure {code}", "absent")
                    for code in unknown
                ]
            )
    codes = list(compress(table.codes, mask))
    rec_us = list(compress(table.received_us, mask))
    app_day = list(compress(table.appointment, mask))
    app_us = list(compress(table.appointment_us, mask))
    due_base = _due_days(codes, pidx, names, rec_us, app_us, app_day, procedures, cal)
    clock = _Clock(cal, office)
    position = clock.position
    positions: dict[int, int] = {}
    cached = positions.get
    offsets = table.supplement_offsets
    sup_index = list(compress(range(len(table)), mask))
    kinds = [0] * 6  # early, on time, late, within, overdue (indices of _KINDS)
    spent: dict[int, list[int]] = {}
    a_day = as_of_day
    for i, p, r_us, r_day, e_us, e_day, base in zip(
        sup_index,
        pidx,
        rec_us,
        compress(table.received, mask),
        compress(table.ended_us, mask),
        compress(table.ended, mask),
        due_base,
        strict=True,
    ):
        ended = e_us != none and e_us <= end_us
        s0, s1 = offsets[i], offsets[i + 1]
        requests = 0
        waiting = False
        paused = 0
        due_day = base
        if s0 == s1:
            if ended:
                j_us, j_day = e_us, e_day
            else:
                j_us, j_day = end_us, a_day
        else:
            j_us, j_day, paused, pause_days, requests, waiting = _supplement_pause(
                table, s0, s1, ended, e_us, e_day, end_us, a_day, clock
            )
            if pause_days:
                due_day = cal.add_working_days(date.fromordinal(base), pause_days).toordinal()
        # Moments repeat in bulk data: positions are cached by moment.
        pj = cached(j_us)
        if pj is None:
            pj = positions[j_us] = position(j_us, j_day)
        pr = cached(r_us)
        if pr is None:
            pr = positions[r_us] = position(r_us, r_day)
        elapsed = pj - pr - paused
        # DEFAULT_POLICY: more than max_supplements (1) requests make late only a dossier
        # judged at an open request (RepeatedSupplement.WAITING_ONLY).
        if requests > 1 and waiting:
            kind = 2 if ended else 4
        elif ended:
            kind = 2 if j_day > due_day else (0 if j_day < due_day else 1)
        else:
            kind = 4 if j_day > due_day else 3
        kinds[kind] += 1
        if ended:
            got = spent.get(p)
            if got is None:
                spent[p] = [elapsed, 1]
            else:
                got[0] += elapsed
                got[1] += 1
    return _assemble(table, period, as_of, start_us, mask, pidx, kinds, spent, procedures, office)


_KINDS: Final = (
    Timeliness.EARLY,
    Timeliness.ON_TIME,
    Timeliness.LATE,
    Timeliness.IN_PROGRESS_WITHIN_TIME,
    Timeliness.IN_PROGRESS_OVERDUE,
)


def _due_days(
    codes: Sequence[str],
    pidx: Sequence[int],
    names: Sequence[str],
    rec_us: Sequence[int],
    app_us: Sequence[int],
    app_day: Sequence[int],
    procedures: Mapping[str, Procedure] | None,
    cal: WorkCalendar,
) -> list[int]:
    """The due day before pauses of each counted row (as ``timeliness._base_due``)."""
    if NO_MOMENT not in app_us:
        return list(app_day)
    out: list[int] = []
    problems: list[Problem] = []
    office = DEFAULT_POLICY.office_hours
    for code, p, r, a, day in zip(codes, pidx, rec_us, app_us, app_day, strict=True):
        if a != NO_MOMENT:
            out.append(day)
            continue
        name = names[p]
        procedure = procedures.get(name) if procedures is not None else None
        if procedure is None:
            problems.append(
                Problem(
                    f"dossier {code}.appointment_at",
                    "no-due-moment",
                    "an appointment date (ngày hẹn trả) or the procedure "
                    f"{name} with its time limit",
                    "neither",
                )
            )
            out.append(NO_DAY)
        elif procedure.code != name:
            problems.append(
                Problem(
                    f"dossier {code}.procedure",
                    "procedure-mismatch",
                    f"the procedure {name} of the dossier",
                    procedure.code,
                )
            )
            out.append(NO_DAY)
        else:
            received = (_EPOCH + timedelta(microseconds=r)).astimezone(VN_TZ)
            due = cal.deadline(
                received, procedure.time_limit, office_hours=office, cutoff=procedure.cutoff
            )
            out.append(due.astimezone(VN_TZ).toordinal())
    if problems:
        raise TimelinessError(problems)
    return out


def _supplement_pause(
    table: DossierTable,
    s0: int,
    s1: int,
    ended: bool,
    e_us: int,
    e_day: int,
    end_us: int,
    as_of_day: int,
    clock: _Clock,
) -> tuple[int, int, int, int, int, bool]:
    """(judged µs, judged day, paused µs, pause working days, requests, judged at an open
    request) as ``classify``."""
    none = NO_MOMENT
    reqs = [
        (
            table.supplement_requested_us[k],
            table.supplement_requested[k],
            table.supplement_completed_us[k],
            table.supplement_completed[k],
        )
        for k in range(s0, s1)
        if table.supplement_requested_us[k] <= end_us
    ]
    waiting = next((s for s in reqs if s[2] == none or s[2] > end_us), None)
    if ended:
        j_us, j_day = e_us, e_day
    elif waiting is not None:
        j_us, j_day = waiting[0], waiting[1]
    else:
        j_us, j_day = end_us, as_of_day
    reqs = [s for s in reqs if s[0] <= j_us]
    paused = pause_days = 0
    for r_us, r_day, d_us, d_day in reqs:
        if d_us != none and d_us <= j_us:
            paused += clock.position(d_us, d_day) - clock.position(r_us, r_day)
            pause_days += clock.day(d_day)[2] - clock.day(r_day)[2]
    return j_us, j_day, paused, pause_days, len(reqs), not ended and waiting is not None


def _assemble(
    table: DossierTable,
    period: ReportingPeriod,
    as_of: datetime,
    start_us: int,
    mask: list[bool],
    pidx: list[int],
    kinds: list[int],
    spent: dict[int, list[int]],
    procedures: Mapping[str, Procedure] | None,
    office: OfficeHours,
) -> DossierMeasures:
    n = len(pidx)
    names = table.procedure_codes
    channel = list(compress(table.channel, mask))
    electronic = list(compress(table.electronic_result, mask))
    # 3.3, 3.6 and 4.3 count the dossiers received in the period (as measure_dossiers).
    received = [r >= start_us for r in compress(table.received_us, mask)]
    n_received = sum(received)
    online_766 = paid = electronic_766 = None
    if procedures is not None:
        paper = [procedures[name].paper_result for name in names]
        fee = [procedures[name].fee_bearing for name in names]
        online_766 = Ratio(
            sum(
                1
                for c, e, p, r in zip(channel, electronic, pidx, received, strict=True)
                if r and c == 2 and (e or not paper[p])
            ),
            n_received,
        )
        paid_flags = [
            f
            for f, z, p, r in zip(
                compress(table.paid_online, mask),
                compress(table.zero_fees, mask),
                pidx,
                received,
                strict=True,
            )
            if r and fee[p] and not z
        ]
        paid = Ratio(sum(paid_flags), len(paid_flags))
        paper_flags = [e for e, p in zip(electronic, pidx, strict=True) if paper[p]]
        electronic_766 = Ratio(sum(paper_flags), len(paper_flags))
    day = office.day_microseconds
    with localcontext() as ctx:
        ctx.prec = 34
        averages = tuple(
            (code, Decimal(total) / Decimal(count) / Decimal(day))
            for code, total, count in sorted((names[p], v[0], v[1]) for p, v in spent.items())
        )
    early, on_time, late, within, overdue = kinds[:5]
    by_kind = dict(zip(_KINDS, kinds, strict=False))
    timely = early + on_time
    statuses = Counter(compress(table.status, mask))
    channels = Counter(channel)
    return DossierMeasures(
        period=period,
        as_of=as_of,
        counted=n,
        received=n_received,
        by_timeliness=tuple((t, by_kind[t]) for t in Timeliness if t is not Timeliness.NOT_COUNTED),
        by_status=tuple((DossierStatus(s), statuses[s]) for s in sorted(statuses)),
        by_channel=tuple((Channel(c), channels[c]) for c in sorted(channels)),
        on_time_766=Ratio(timely + within, n),
        early_or_on_time=Ratio(timely, n),
        late=Ratio(late + overdue, n),
        online_submitted=Ratio(channels[2], n),
        online_766=online_766,
        paid_online=paid,
        electronic_result=electronic_766,
        digitised=Ratio(sum(compress(table.digitised, mask)), n),
        reuse=Ratio(
            sum(u for u, r in zip(compress(table.reused_data, mask), received, strict=True) if r),
            n_received,
        ),
        average_working_days=averages,
    )

"""The columnar engine for bulk dossier analytics: Arrow tables, Polars expressions.

One province processes millions of dossiers a year, the country tens of millions. This module
keeps dossiers as an Arrow-backed Polars frame (:class:`DossierTable`) and computes the
service measures with vectorised expressions: timestamps parsed by the engine, working days
looked up in the calendar's compiled tables by day ordinal, supplement pauses summed per
dossier. The rules are the scalar reference's (:func:`~par_index.service.timeliness.classify`,
:func:`~par_index.service.measures.measure_dossiers`); a Hypothesis property checks that the
engine gives exactly the same classification and measures on any generated dossier set.

Figures are grouped by what officials report on (unit, procedure, field, level, channel) and
by time windows (:class:`Window`): the data cut-off windows of Nghị định 09/2019/NĐ-CP Điều 12
or calendar months, quarters and years, said explicitly in every label. A dossier open
across several windows counts in each, judged at the end of each.

The figures of a partition are additive integer counts (:func:`partition_counts`): counts and
ratios of disjoint partitions add up exactly (:func:`combine_counts`), so the same function
runs per partition on Dask or Spark (:mod:`par_index.service.distributed`) and per batch of a
file larger than memory (:mod:`par_index.formats.columnar_reader`).

Needs the ``bulk`` extra: ``pip install 'par_index[bulk]'``.
"""

from __future__ import annotations

import enum
import functools
import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, Final

import attrs

from par_index.calendar.days import CalendarRangeError
from par_index.calendar.work_calendar import WorkCalendar, default_calendar
from par_index.core.lang import Lang, format_date
from par_index.core.tz import VN_TZ
from par_index.exceptions import Problem
from par_index.model.dossiers import Channel, Dossier, DossierStatus
from par_index.model.periods import PeriodKind, ReportingPeriod
from par_index.model.procedures import Procedure
from par_index.model.ratios import Ratio
from par_index.service.measures import DossierMeasures, period_bounds
from par_index.service.timeliness import DEFAULT_POLICY, Timeliness, TimelinessError

if TYPE_CHECKING:
    import polars as pl
    import pyarrow as pa
    from polars import DataFrame as PolarsFrame

__all__ = [
    "COLUMNS",
    "GROUP_KEYS",
    "DossierTable",
    "GroupMeasures",
    "Window",
    "WindowKind",
    "combine_counts",
    "finish_counts",
    "measure_groups",
    "measure_table",
    "partition_counts",
    "polars_module",
]

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL: Final = 719_163  # date(1970, 1, 1).toordinal()
_MICROSECOND: Final = timedelta(microseconds=1)
_DAY_US: Final = 86_400_000_000
_VN_OFFSET_US: Final = 25_200_000_000  # Vietnam has kept UTC+7 since 1975


def polars_module() -> Any:
    """The :mod:`polars` module, imported on first use.

    Raises:
        ImportError: naming the extra to install when Polars is missing.
    """
    try:
        import polars as pl  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the suite installs the extra
        raise ImportError(
            "the columnar engine needs Polars and PyArrow: pip install 'par_index[bulk]'"
        ) from None
    return pl


def _us(moment: datetime | None) -> int | None:
    return None if moment is None else (moment - _EPOCH) // _MICROSECOND


#: The table's columns: moments as microseconds since 1970-01-01 UTC, null when absent
#: (``ended_us`` is :attr:`Dossier.ended_at <par_index.model.dossiers.Dossier.ended_at>`; a
#: date-only appointment is the end of that day); supplement requests as two lists of equal
#: length, an open request with a null completion.
COLUMNS: Final = (
    "code",
    "procedure",
    "unit",
    "channel",
    "status",
    "submitted_us",
    "received_us",
    "appointment_us",
    "ended_us",
    "paid_online",
    "digitised",
    "electronic_result",
    "reused_data",
    "zero_fees",
    "supplement_requested_us",
    "supplement_completed_us",
)


def _schema() -> dict[str, Any]:
    pl = polars_module()
    types = (
        pl.String,
        pl.String,
        pl.String,
        pl.Int8,
        pl.Int8,
        pl.Int64,
        pl.Int64,
        pl.Int64,
        pl.Int64,
        pl.Boolean,
        pl.Boolean,
        pl.Boolean,
        pl.Boolean,
        pl.Boolean,
        pl.List(pl.Int64),
        pl.List(pl.Int64),
    )
    return dict(zip(COLUMNS, types, strict=True))


@attrs.frozen(eq=False)
class DossierTable:
    """Dossiers as an Arrow-backed Polars frame, one row per dossier, for the columnar engine.

    Attributes:
        frame: the columns of :data:`COLUMNS`, then any text columns groups can use
            (``field``: lĩnh vực; ``level``: the unit's level).

    Raises:
        ValueError: when a column of :data:`COLUMNS` is missing.
    """

    frame: pl.DataFrame

    def __attrs_post_init__(self) -> None:
        missing = [c for c in COLUMNS if c not in self.frame.columns]
        if missing:
            raise ValueError(f"the table lacks the columns {', '.join(missing)}")

    def __len__(self) -> int:
        return int(self.frame.height)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DossierTable):
            return NotImplemented
        return bool(self.frame.equals(other.frame))

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def from_dossiers(
        cls, dossiers: Iterable[Dossier], attributes: Mapping[str, Sequence[str]] | None = None
    ) -> DossierTable:
        """The table of ``dossiers``, in their order.

        Args:
            dossiers: the dossiers.
            attributes: extra text columns by name (``field``, ``level``), one value per
                dossier.

        Raises:
            TypeError: when an item is not a :class:`Dossier`.
        """
        pl = polars_module()
        rows: dict[str, list[Any]] = {name: [] for name in _schema()}
        for d in dossiers:
            if not isinstance(d, Dossier):
                raise TypeError(f"expected a Dossier, found {type(d).__name__}")
            rows["code"].append(d.code)
            rows["procedure"].append(d.procedure_code)
            rows["unit"].append(d.unit_code)
            rows["channel"].append(int(d.channel))
            rows["status"].append(int(d.status))
            rows["submitted_us"].append(_us(d.submitted_at))
            rows["received_us"].append(_us(d.received_at))
            rows["appointment_us"].append(_us(d.appointment_at))
            rows["ended_us"].append(_us(d.ended_at))
            rows["paid_online"].append(d.paid_online)
            rows["digitised"].append(d.digitised)
            rows["electronic_result"].append(d.electronic_result)
            rows["reused_data"].append(d.reused_data)
            rows["zero_fees"].append(d.zero_fees)
            rows["supplement_requested_us"].append([_us(s.requested_at) for s in d.supplements])
            rows["supplement_completed_us"].append([_us(s.completed_at) for s in d.supplements])
        frame = pl.DataFrame(rows, schema=_schema())
        if attributes:
            frame = frame.with_columns(
                pl.Series(name, list(values), dtype=pl.String)
                for name, values in attributes.items()
            )
        return cls(frame)

    @classmethod
    def concat(cls, tables: Iterable[DossierTable]) -> DossierTable:
        """One table of the rows of ``tables``, in order.

        Raises:
            TypeError: when an item is not a :class:`DossierTable`.
        """
        pl = polars_module()
        parts = list(tables)
        for t in parts:
            if not isinstance(t, DossierTable):
                raise TypeError(f"expected a DossierTable, found {type(t).__name__}")
        if not parts:
            return cls(pl.DataFrame(schema=_schema()))
        return cls(pl.concat([t.frame for t in parts], how="diagonal_relaxed"))

    @property
    def codes(self) -> tuple[str, ...]:
        """The dossier codes (MaHoSo), in order."""
        return tuple(self.frame.get_column("code").to_list())

    def to_arrow(self) -> pa.Table:
        """The table as an Arrow table (the interchange with other engines)."""
        return self.frame.to_arrow()

    @classmethod
    def from_arrow(cls, table: pa.Table) -> DossierTable:
        """A table from an Arrow table with the columns of :data:`COLUMNS`.

        Raises:
            ValueError: when a column is missing.
        """
        pl = polars_module()
        frame = pl.from_arrow(table)
        return cls(frame.cast({k: v for k, v in _schema().items() if k in frame.columns}))


# --------------------------------------------------------------------------- windows


class WindowKind(enum.StrEnum):
    """How a time window was cut (value: a stable English identifier)."""

    #: Nghị định 09/2019/NĐ-CP Điều 12: from the 15th of the month before the period to the
    #: 14th of its last month (the data cut-off window of periodic reports).
    CUT_OFF = "cut_off"
    #: Calendar months, quarters and years (1/1–31/3 for quarter I).
    CALENDAR = "calendar"
    #: The user's own first and last day.
    CUSTOM = "custom"


_SPLITS: Final = ("month", "quarter", "year")


def _calendar_bounds(period: ReportingPeriod) -> tuple[date, date]:
    """The calendar months a period names: quarter I is 1/1–31/3."""
    y = period.year
    first, last = {
        PeriodKind.MONTH: (period.number or 1, period.number or 1),
        PeriodKind.QUARTER: (3 * (period.number or 1) - 2, 3 * (period.number or 1)),
        PeriodKind.HALF_YEAR: (1, 6),
        PeriodKind.NINE_MONTHS: (1, 9),
        PeriodKind.YEAR: (1, 12),
    }[period.kind]
    end = date(y, 12, 31) if last == 12 else date(y, last + 1, 1) - timedelta(days=1)
    return date(y, first, 1), end


@attrs.frozen
class Window:
    """The days a group of figures covers; dossiers are judged at the end of the last day.

    Build it with :meth:`of` (a reporting period, cut-off or calendar) or :meth:`custom`.

    Attributes:
        start: the first day.
        end: the last day (the reference moment is its last microsecond, Vietnam time).
        kind: how the window was cut.
        period: the reporting period named, None for a custom window.

    Raises:
        ValueError: when ``end`` is before ``start``.
    """

    start: date
    end: date
    kind: WindowKind
    period: ReportingPeriod | None = None

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"the window ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def of(cls, period: ReportingPeriod, kind: WindowKind = WindowKind.CUT_OFF) -> Window:
        """The window of a reporting period: its NĐ 09 cut-off window or its calendar months.

        Raises:
            ValueError: for ``WindowKind.CUSTOM`` (use :meth:`custom`).
        """
        if kind is WindowKind.CUT_OFF:
            return cls(period.start, period.end, kind, period)
        if kind is WindowKind.CALENDAR:
            return cls(*_calendar_bounds(period), kind, period)
        raise ValueError("a custom window has its own days: use Window.custom(start, end)")

    @classmethod
    def custom(cls, start: date, end: date) -> Window:
        """The window from ``start`` to ``end``, both included.

        Raises:
            ValueError: when ``end`` is before ``start``.
        """
        return cls(start, end, WindowKind.CUSTOM)

    def split(self, by: str) -> tuple[Window, ...]:
        """The month, quarter or year windows of the same kind inside this window's period.

        Raises:
            ValueError: for an unknown ``by``, or a custom window.
        """
        if by not in _SPLITS:
            raise ValueError(f"expected one of {', '.join(_SPLITS)}, found {by!r}")
        if self.period is None:
            raise ValueError("a custom window has no months or quarters to split into")
        first, last = _calendar_bounds(self.period)
        y = self.period.year
        if by == "year":
            periods = [ReportingPeriod.annual(y)]
        elif by == "quarter":
            periods = [
                ReportingPeriod.quarter(y, q)
                for q in range(1, 5)
                if first.month <= 3 * q <= last.month
            ]
        else:
            periods = [ReportingPeriod.month(y, m) for m in range(first.month, last.month + 1)]
        return tuple(Window.of(p, self.kind) for p in periods)

    def label(self, lang: Lang = "vi") -> str:
        """The window's name and days, saying how it was cut.

        >>> Window.of(ReportingPeriod.quarter(2023, 1)).label()
        'Quý I năm 2023 (chốt số liệu 15/12/2022–14/03/2023, NĐ 09/2019/NĐ-CP)'
        """
        days = f"{format_date(self.start, lang)}–{format_date(self.end, lang)}"
        if self.period is None:
            return f"{days}" if lang == "vi" else days
        name = self.period.label(lang)
        if self.kind is WindowKind.CUT_OFF:
            cut = "chốt số liệu" if lang == "vi" else "cut-off"
            return f"{name} ({cut} {days}, NĐ 09/2019/NĐ-CP)"
        cal = "theo lịch" if lang == "vi" else "calendar"
        return f"{name} ({cal} {days})"

    @property
    def bounds_us(self) -> tuple[int, int]:
        """First and last microsecond of the window since 1970-01-01 UTC."""
        start = datetime.combine(self.start, time.min, tzinfo=VN_TZ)
        end = datetime.combine(self.end, time.max, tzinfo=VN_TZ)
        return (start - _EPOCH) // _MICROSECOND, (end - _EPOCH) // _MICROSECOND


# --------------------------------------------------------------------------- calendar tables


@attrs.frozen(eq=False)
class _Luts:
    base: int
    size: int
    flag: Any  # pl.Series Int64, 1 for a working day
    cum: Any  # working days in [first, i]
    work: Any  # ordinals of working days
    first: date
    last: date


@functools.lru_cache(maxsize=4)
def _luts(cal: WorkCalendar) -> _Luts:
    pl = polars_module()
    base = cal.first.toordinal()
    size = cal.last.toordinal() - base + 1
    flags = [1 if cal.is_working_day(date.fromordinal(base + i)) else 0 for i in range(size)]
    cum = list(itertools.accumulate(flags))
    work = [base + i for i, f in enumerate(flags) if f]
    return _Luts(
        base,
        size,
        pl.Series(flags, dtype=pl.Int64),
        pl.Series(cum, dtype=pl.Int64),
        pl.Series(work, dtype=pl.Int64),
        cal.first,
        cal.last,
    )


def _day(expr: Any) -> Any:
    """The local day ordinal in Vietnam of a µs moment."""
    return (expr + _VN_OFFSET_US) // _DAY_US + _EPOCH_ORDINAL


def _check_days(frame: Any, columns: Sequence[str], luts: _Luts) -> None:
    """Raise CalendarRangeError for the first day of ``columns`` outside the calendar."""
    if frame.height == 0:
        return
    pl = polars_module()
    low = frame.select(pl.min_horizontal([pl.col(c).min() for c in columns])).item()
    high = frame.select(pl.max_horizontal([pl.col(c).max() for c in columns])).item()
    for value in (low, high):
        if value is not None and not 0 <= value - luts.base < luts.size:
            day = date.fromordinal(min(max(value, 1), date.max.toordinal()))
            raise CalendarRangeError(day, luts.first, luts.last)


def _position(us: Any, day: Any, luts: _Luts, spans: Sequence[tuple[int, int]], day_us: int) -> Any:
    """Office µs from the opening of the first working day to a moment (as the calendar)."""
    pl = polars_module()
    i = day - luts.base
    flag = pl.lit(luts.flag).gather(i)
    cum = pl.lit(luts.cum).gather(i)
    tod = (us + _VN_OFFSET_US) % _DAY_US
    elapsed = pl.sum_horizontal([(tod - s).clip(0, e - s) for s, e in spans])
    return pl.when(flag == 1).then((cum - 1) * day_us + elapsed).otherwise(cum * day_us)


def _spans() -> tuple[tuple[int, int], ...]:
    def us(t: time) -> int:
        return ((t.hour * 60 + t.minute) * 60 + t.second) * 1_000_000 + t.microsecond

    return tuple((us(a), us(b)) for a, b in DEFAULT_POLICY.office_hours.intervals)


# --------------------------------------------------------------------------- measures

#: The attributes figures can be grouped by, besides time windows.
GROUP_KEYS: Final = ("unit", "procedure", "channel", "field", "level")


def _due_bases(
    c: Any, rows: Any, procedures: Mapping[str, Procedure] | None, cal: WorkCalendar
) -> Any:
    """``c`` with ``due_base``: the due day before pauses (as ``timeliness._base_due``);
    ``rows`` has the dossiers' codes by ``_row``."""
    pl = polars_module()
    c = c.with_columns(due_base=_day(pl.col("appointment_us")))
    # A dossier counted in several windows is named once, at its first.
    missing = c.filter(pl.col("appointment_us").is_null()).unique(
        subset="_row", keep="first", maintain_order=True
    )
    if missing.height == 0:
        return c
    missing = missing.join(rows.select("_row", "code"), on="_row", maintain_order="left")
    problems: list[Problem] = []
    office = DEFAULT_POLICY.office_hours
    dues: dict[tuple[str, int], int] = {}
    for code, name, rec in missing.select("code", "procedure", "received_us").iter_rows():
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
        elif procedure.code != name:
            problems.append(
                Problem(
                    f"dossier {code}.procedure",
                    "procedure-mismatch",
                    f"the procedure {name} of the dossier",
                    procedure.code,
                )
            )
        elif (name, rec) not in dues:
            received = (_EPOCH + timedelta(microseconds=rec)).astimezone(VN_TZ)
            due = cal.deadline(
                received, procedure.time_limit, office_hours=office, cutoff=procedure.cutoff
            )
            dues[name, rec] = due.astimezone(VN_TZ).toordinal()
    if problems:
        raise TimelinessError(problems)
    found = pl.DataFrame(
        {
            "procedure": [k[0] for k in dues],
            "received_us": [k[1] for k in dues],
            "_due": list(dues.values()),
        },
        schema={"procedure": pl.String, "received_us": pl.Int64, "_due": pl.Int64},
    )
    return (
        c.join(found, on=["procedure", "received_us"], how="left", maintain_order="left")
        .with_columns(due_base=pl.coalesce("due_base", "_due"))
        .drop("_due")
    )


def _window_members(frame: Any, windows: Sequence[Window]) -> Any:
    """One row per (window, dossier counted in it): ``window`` (its index), ``_row`` (the
    dossier's row), ``_we`` (the window's last µs), ``_in`` (received in the window) and
    ``_ended`` (ended by the window's end)."""
    pl = polars_module()
    rec, end = pl.col("received_us"), pl.col("ended_us")
    parts = []
    for index, window in enumerate(windows):
        start_us, end_us = window.bounds_us
        parts.append(
            frame.filter(
                rec.is_not_null()
                & (rec <= end_us)
                & ((rec >= start_us) | end.is_null() | (end >= start_us))
            ).with_columns(
                window=pl.lit(index, dtype=pl.Int32),
                _we=pl.lit(end_us, dtype=pl.Int64),
                _in=rec >= start_us,
                _ended=end.is_not_null() & (end <= end_us),
            )
        )
    return pl.concat(parts, how="vertical")


def _pauses(
    has: Any, requests: Any, luts: _Luts, spans: Sequence[tuple[int, int]], day_us: int
) -> Any:
    """The members that have supplement requests (``has``), with the moment they are judged
    at (``_judged``, ``_waiting``) and their pauses (``_requests``, ``_paused``,
    ``_pause_days``), as :func:`~par_index.service.timeliness.classify` counts them at the
    window's end; ``requests`` has a row per request (``_row``, ``req``, ``done``)."""
    pl = polars_module()
    end = pl.col("ended_us")
    # Supplement requests made by the window's end.
    s = requests.join(has.select("window", "_row", "_we"), on="_row").filter(
        pl.col("req") <= pl.col("_we")
    )
    waiting = (
        s.filter(pl.col("done").is_null() | (pl.col("done") > pl.col("_we")))
        .group_by("window", "_row")
        .agg(_waiting=pl.col("req").min())
    )
    has = has.join(waiting, on=["window", "_row"], how="left", maintain_order="left").with_columns(
        _judged=pl.when("_ended")
        .then(end)
        .when(pl.col("_waiting").is_not_null())
        .then(pl.col("_waiting"))
        .otherwise(pl.col("_we"))
    )
    s = s.join(has.select("window", "_row", "_judged"), on=["window", "_row"]).filter(
        pl.col("req") <= pl.col("_judged")
    )
    done_ok = pl.col("done").is_not_null() & (pl.col("done") <= pl.col("_judged"))
    s = s.with_columns(_rd=_day(pl.col("req")), _dd=_day(pl.col("done")))
    _check_days(s.filter(done_ok), ["_rd", "_dd"], luts)
    safe_dd = pl.when(done_ok).then(pl.col("_dd")).otherwise(pl.col("_rd"))
    safe_d = pl.when(done_ok).then(pl.col("done")).otherwise(pl.col("req"))
    s = s.with_columns(
        _p=_position(safe_d, safe_dd, luts, spans, day_us)
        - _position(pl.col("req"), pl.col("_rd"), luts, spans, day_us),
        _pd=pl.lit(luts.cum).gather(safe_dd - luts.base)
        - pl.lit(luts.cum).gather(pl.col("_rd") - luts.base),
    )
    pauses = s.group_by("window", "_row").agg(
        _requests=pl.len().cast(pl.Int64),
        _paused=pl.col("_p").sum(),
        _pause_days=pl.col("_pd").sum(),
    )
    return has.join(pauses, on=["window", "_row"], how="left", maintain_order="left").with_columns(
        pl.col("_requests").fill_null(0),
        pl.col("_paused").fill_null(0),
        pl.col("_pause_days").fill_null(0),
    )


def _windows_counts(
    frame: Any,
    windows: Sequence[Window],
    keys: Sequence[str],
    procedures: Mapping[str, Procedure] | None,
    cal: WorkCalendar,
) -> Any:
    """The counts of every window in long form, grouped by ``keys``: each dossier is judged
    in each window it is counted in, at the end of that window, in one pass over all."""
    pl = polars_module()
    luts = _luts(cal)
    day_us = DEFAULT_POLICY.office_hours.day_microseconds
    spans = _spans()
    rec, end = pl.col("received_us"), pl.col("ended_us")
    indexed = frame.with_columns(_row=pl.int_range(pl.len(), dtype=pl.Int64))
    # Supplement requests, one row each, read once for all windows.
    requests = (
        indexed.filter(pl.col("supplement_requested_us").list.len() > 0)
        .select("_row", req="supplement_requested_us", done="supplement_completed_us")
        .explode("req", "done")
    )
    narrow = indexed.select(
        "_row",
        "received_us",
        "ended_us",
        "appointment_us",
        "procedure",
        "channel",
        "status",
        "paid_online",
        "digitised",
        "electronic_result",
        "reused_data",
        "zero_fees",
        *(k for k in keys if k not in {"procedure", "channel"}),
        _has=pl.col("supplement_requested_us").list.len() > 0,
    )
    m = _window_members(narrow, windows)
    # The procedures of the dossiers counted, looked for once.
    names = (
        sorted(set(m.get_column("procedure").unique().to_list())) if procedures is not None else []
    )
    if procedures is not None:
        unknown = sorted(set(names) - set(procedures))
        if unknown:
            raise TimelinessError(
                [
                    Problem("procedures", "unknown-procedure", f"the procedure {code}", "absent")
                    for code in unknown
                ]
            )
    m = _due_bases(m, indexed, procedures, cal)
    # Most members have no supplement request: their columns are computed in place, and
    # the few others' are put at their rows (no copy of the members).
    paused = _pauses(m.filter("_has"), requests, luts, spans, day_us)
    c = m.with_columns(
        _waiting=pl.lit(None, dtype=pl.Int64),
        _judged=pl.when("_ended").then(end).otherwise(pl.col("_we")),
        _requests=pl.lit(0, dtype=pl.Int64),
        _paused=pl.lit(0, dtype=pl.Int64),
        _pause_days=pl.lit(0, dtype=pl.Int64),
    )
    if paused.height:
        at = c.get_column("_has").arg_true()
        c = c.with_columns(
            c.get_column(name).clone().scatter(at, paused.get_column(name))
            for name in ("_waiting", "_judged", "_requests", "_paused", "_pause_days")
        )
    c = c.with_columns(_jd=_day(pl.col("_judged")), _rd=_day(rec))
    _check_days(c, ["_jd", "_rd"], luts)
    extended = c.filter(pl.col("_pause_days") > 0)
    _check_days(extended, ["due_base"], luts)
    c = c.with_columns(
        _due_index=pl.when(pl.col("_pause_days") > 0)
        .then(
            pl.lit(luts.cum).gather((pl.col("due_base") - luts.base).clip(0, luts.size - 1))
            - 1
            + pl.col("_pause_days")
        )
        .otherwise(0)
    )
    top = c.select(pl.col("_due_index").max()).item()
    if top is not None and top >= len(luts.work):
        bad = (
            c.filter(pl.col("_due_index") >= len(luts.work))
            .sort("window", "_row")
            .row(0, named=True)
        )
        base_day = date.fromordinal(bad["due_base"])
        raise CalendarRangeError(
            base_day,
            luts.first,
            luts.last,
            subject=f"the result of counting {bad['_pause_days']} working days from "
            f"{base_day.isoformat()}",
            code="result-outside-calendar",
        )
    due = (
        pl.when(pl.col("_pause_days") > 0)
        .then(pl.lit(luts.work).gather(pl.col("_due_index")))
        .otherwise(pl.col("due_base"))
    )
    jd, ended = pl.col("_jd"), pl.col("_ended")
    # DEFAULT_POLICY: more than max_supplements requests make late only a dossier judged at an
    # open request (RepeatedSupplement.WAITING_ONLY; the formula document, indicator 2.1).
    repeated = (
        (pl.col("_requests") > DEFAULT_POLICY.max_supplements)
        & ~pl.col("_ended")
        & pl.col("_waiting").is_not_null()
    )
    c = c.with_columns(_due=due).with_columns(
        _kind=pl.when(repeated)
        .then(pl.when(ended).then(2).otherwise(4))
        .when(ended)
        .then(pl.when(jd > pl.col("_due")).then(2).when(jd < pl.col("_due")).then(0).otherwise(1))
        .otherwise(pl.when(jd > pl.col("_due")).then(4).otherwise(3))
    )
    if procedures is not None and names:
        paper = [procedures[n].paper_result for n in names]
        fee_bearing = [procedures[n].fee_bearing for n in names]
        c = c.with_columns(
            _paper=pl.col("procedure").replace_strict(names, paper, return_dtype=pl.Boolean),
            _fee=pl.col("procedure").replace_strict(names, fee_bearing, return_dtype=pl.Boolean),
        )
    else:
        c = c.with_columns(_paper=pl.lit(value=True), _fee=pl.lit(value=False))
    online = pl.col("channel") == 2
    kind = pl.col("_kind")
    # 3.3, 3.6 and 4.3 count the dossiers received in the window (the formula document: "có
    # Ngày tiếp nhận trong kỳ"); 3.6 leaves out dossiers whose fee list is all zero; 4.1
    # counts the dossiers of procedures that must return a paper result, ended or not.
    received_in = pl.col("_in")
    fee = received_in & pl.col("_fee") & ~pl.col("zero_fees")
    counts: dict[str, Any] = {
        "counted": pl.len(),
        **{name: (kind == k).sum() for k, name in enumerate(_KIND_NAMES)},
        "online": online.sum(),
        "received": received_in.sum(),
        "online_766": (
            received_in & online & (pl.col("electronic_result") | ~pl.col("_paper"))
        ).sum(),
        "fee": fee.sum(),
        "paid": (fee & pl.col("paid_online")).sum(),
        "paper": pl.col("_paper").sum(),
        "ended": ended.sum(),
        "electronic": (pl.col("_paper") & pl.col("electronic_result")).sum(),
        "digitised": pl.col("digitised").sum(),
        "reuse": (received_in & pl.col("reused_data")).sum(),
        **{f"status_{s}": (pl.col("status") == s).sum() for s in range(1, 11)},
        **{f"channel_{ch}": (pl.col("channel") == ch).sum() for ch in range(1, 4)},
    }
    group = [pl.col("window"), *(pl.col(k).cast(pl.String) for k in keys)]
    key_names = ["window", *keys]
    wide = c.group_by(group).agg(**{k: v.cast(pl.Int64) for k, v in counts.items()})
    long = wide.unpivot(index=key_names, variable_name="measure", value_name="value").with_columns(
        procedure_code=pl.lit(None, dtype=pl.String)
    )
    # 2.2: the working time spent on the dossiers ended, per procedure.
    spent = (
        c.select(
            *group,
            "_judged",
            "_jd",
            "received_us",
            "_rd",
            "_paused",
            "_ended",
            procedure_code=pl.col("procedure"),
        )
        .filter("_ended")
        .select(
            *key_names,
            "procedure_code",
            elapsed_us=_position(pl.col("_judged"), jd, luts, spans, day_us)
            - _position(rec, pl.col("_rd"), luts, spans, day_us)
            - pl.col("_paused"),
        )
        .group_by([*key_names, "procedure_code"])
        .agg(pl.col("elapsed_us").sum(), ended_n=pl.len().cast(pl.Int64))
        .unpivot(index=[*key_names, "procedure_code"], variable_name="measure", value_name="value")
    )
    out = pl.concat([long, spent.select(long.columns)], how="vertical")
    return out.filter(pl.col("value") != 0)


_KIND_NAMES: Final = ("early", "on_time", "late", "within", "overdue")


def _long_schema(by: Sequence[str]) -> Any:
    pl = polars_module()
    return {
        "window": pl.Int32,
        **dict.fromkeys(by, pl.String),
        "procedure_code": pl.String,
        "measure": pl.String,
        "value": pl.Int64,
    }


def partition_counts(
    frame: pl.DataFrame,
    windows: Sequence[Window],
    by: Sequence[str] = (),
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
) -> pl.DataFrame:
    """The additive counts of one partition of dossiers, in long form.

    One row per (window index, group keys, procedure, measure) with an integer ``value``:
    counts of dossiers (``counted``, ``early``... ``status_9``, ``channel_2``) with a null
    ``procedure_code``, and the 2.2 sums (``elapsed_us``, ``ended_n``) per ``procedure_code``.
    The counts of disjoint partitions add up (:func:`combine_counts`): this is what runs on each
    partition of a Dask or Spark frame.

    Raises:
        TimelinessError: as :func:`measure_table`.
        CalendarRangeError: when a day used falls outside the calendar.
    """
    pl = polars_module()
    _check_keys(frame, by)
    cal = calendar if calendar is not None else default_calendar()
    schema = _long_schema(by)
    result: PolarsFrame
    if not windows:
        result = pl.DataFrame(schema=schema)
    else:
        counts = _windows_counts(frame, windows, by, procedures, cal)
        result = counts.select(list(schema)).cast(schema)
    return result


def _check_keys(frame: Any, by: Sequence[str]) -> None:
    for key in by:
        if key not in GROUP_KEYS:
            raise ValueError(f"expected group keys among {', '.join(GROUP_KEYS)}, found {key!r}")
        if key not in frame.columns:
            raise ValueError(f"the table has no {key!r} column to group by")


def combine_counts(parts: Iterable[pl.DataFrame], by: Sequence[str] | None = None) -> pl.DataFrame:
    """The exact sum of the counts of disjoint partitions (:func:`partition_counts`).

    Args:
        parts: the counts of each partition.
        by: the group keys; default: the key columns of the first part.
    """
    pl = polars_module()
    parts = list(parts)
    if by is None:
        fixed = ("window", "procedure_code", "measure", "value")
        by = [c for c in parts[0].columns if c not in fixed] if parts else []
    schema = _long_schema(by)
    frames = [p.select(list(schema)).cast(schema) for p in parts]
    whole = pl.concat(frames or [pl.DataFrame(schema=schema)], how="vertical")
    keys = ["window", *by, "procedure_code", "measure"]
    # Sums are exact: Int128 cannot overflow on any real number of dossiers.
    result: PolarsFrame = whole.group_by(keys).agg(pl.col("value").cast(pl.Int128).sum())
    return result


@attrs.frozen
class GroupMeasures:
    """The measures of one group of dossiers over one window (build it with
    :func:`measure_groups` or :func:`finish_counts`).

    Attributes:
        window: the time window.
        keys: the group's keys and values (``("unit", "H21.65")``...).
        counted: dossiers received or processed in the window.
        received: dossiers received in the window (the base of 3.3, 3.6 and 4.3).
        by_timeliness: how many of each class.
        by_status: how many in each status.
        by_channel: how many by channel.
        ratios: every ratio by the names of :meth:`DossierMeasures.ratios`; 3.3, 3.6 and 4.1
            are None without procedure data.
        average_working_days: indicator 2.2 per procedure code.
    """

    window: Window
    keys: tuple[tuple[str, str], ...]
    counted: int
    received: int
    by_timeliness: tuple[tuple[Timeliness, int], ...]
    by_status: tuple[tuple[DossierStatus, int], ...]
    by_channel: tuple[tuple[Channel, int], ...]
    ratios: tuple[tuple[str, Ratio | None], ...]
    average_working_days: tuple[tuple[str, Decimal], ...]

    def dossier_measures(self) -> DossierMeasures:
        """These figures as :class:`DossierMeasures` (a cut-off window only)."""
        if self.window.kind is not WindowKind.CUT_OFF or self.window.period is None:
            raise ValueError("only the cut-off window of a reporting period gives DossierMeasures")
        r = dict(self.ratios)

        def given(name: str) -> Ratio:
            ratio = r[name]
            assert ratio is not None  # only 3.3, 3.6 and 4.1 need procedures
            return ratio

        return DossierMeasures(
            period=self.window.period,
            as_of=period_bounds(self.window.period)[1],
            counted=self.counted,
            received=self.received,
            by_timeliness=self.by_timeliness,
            by_status=self.by_status,
            by_channel=self.by_channel,
            on_time_766=given("on_time_rate_766"),
            early_or_on_time=given("early_or_on_time_rate"),
            late=given("late_rate"),
            online_submitted=given("online_submitted_rate"),
            online_766=r["online_rate_766"],
            paid_online=r["paid_online_rate"],
            electronic_result=r["electronic_result_rate"],
            digitised=given("digitised_rate"),
            reuse=given("reuse_rate"),
            average_working_days=self.average_working_days,
        )


def finish_counts(
    counts: pl.DataFrame,
    windows: Sequence[Window],
    by: Sequence[str] = (),
    *,
    with_procedures: bool,
) -> tuple[GroupMeasures, ...]:
    """The measures of each group from its counts (:func:`combine_counts`), sorted by window
    and keys; groups without a counted dossier are absent."""
    day = DEFAULT_POLICY.office_hours.day_microseconds
    groups: dict[tuple[Any, ...], dict[str, int]] = {}
    spent: dict[tuple[Any, ...], dict[str, list[int]]] = {}
    for row in counts.iter_rows(named=True):
        group = (row["window"], *(row[k] for k in by))
        value = int(row["value"])
        if row["procedure_code"] is None:
            groups.setdefault(group, {})[row["measure"]] = value
        else:
            pair = spent.setdefault(group, {}).setdefault(row["procedure_code"], [0, 0])
            pair[0 if row["measure"] == "elapsed_us" else 1] += value
    out: list[GroupMeasures] = []
    for group in sorted(groups, key=lambda g: (g[0], *("" if v is None else v for v in g[1:]))):
        n = groups[group]
        get = n.get
        counted = get("counted", 0)
        kinds = tuple(get(k, 0) for k in _KIND_NAMES)
        timely = kinds[0] + kinds[1]
        with localcontext() as ctx:
            ctx.prec = 34
            averages = tuple(
                (code, Decimal(total) / Decimal(k) / Decimal(day))
                for code, (total, k) in sorted(spent.get(group, {}).items())
                if k
            )
        out.append(
            GroupMeasures(
                window=windows[group[0]],
                keys=tuple(zip(by, group[1:], strict=True)),
                counted=counted,
                received=get("received", 0),
                by_timeliness=tuple(zip(_KINDS, kinds, strict=True)),
                by_status=tuple(
                    (DossierStatus(s), get(f"status_{s}", 0))
                    for s in range(1, 11)
                    if get(f"status_{s}", 0)
                ),
                by_channel=tuple(
                    (Channel(c), get(f"channel_{c}", 0))
                    for c in range(1, 4)
                    if get(f"channel_{c}", 0)
                ),
                ratios=(
                    ("on_time_rate_766", Ratio(timely + kinds[3], counted)),
                    ("early_or_on_time_rate", Ratio(timely, counted)),
                    ("late_rate", Ratio(kinds[2] + kinds[4], counted)),
                    ("online_submitted_rate", Ratio(get("online", 0), counted)),
                    (
                        "online_rate_766",
                        Ratio(get("online_766", 0), get("received", 0))
                        if with_procedures
                        else None,
                    ),
                    (
                        "paid_online_rate",
                        Ratio(get("paid", 0), get("fee", 0)) if with_procedures else None,
                    ),
                    (
                        "electronic_result_rate",
                        Ratio(get("electronic", 0), get("paper", 0)) if with_procedures else None,
                    ),
                    ("digitised_rate", Ratio(get("digitised", 0), counted)),
                    ("reuse_rate", Ratio(get("reuse", 0), get("received", 0))),
                ),
                average_working_days=averages,
            )
        )
    return tuple(out)


_KINDS: Final = (
    Timeliness.EARLY,
    Timeliness.ON_TIME,
    Timeliness.LATE,
    Timeliness.IN_PROGRESS_WITHIN_TIME,
    Timeliness.IN_PROGRESS_OVERDUE,
)


def measure_groups(
    table: DossierTable,
    windows: Sequence[Window],
    by: Sequence[str] = (),
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
) -> tuple[GroupMeasures, ...]:
    """The measures of each group of dossiers (by unit, procedure...) in each window.

    Raises:
        ValueError: for an unknown group key or one the table lacks.
        TimelinessError: as :func:`measure_table`.
        CalendarRangeError: when a day used falls outside the calendar.
    """
    counts = partition_counts(table.frame, windows, by, procedures=procedures, calendar=calendar)
    return finish_counts(
        combine_counts([counts], by), windows, by, with_procedures=procedures is not None
    )


def measure_table(
    table: DossierTable,
    period: ReportingPeriod,
    *,
    procedures: Mapping[str, Procedure] | None = None,
    calendar: WorkCalendar | None = None,
) -> DossierMeasures:
    """The measures of a table's dossiers over a period's cut-off window.

    Equal to :func:`~par_index.service.measures.measure_dossiers` under the default policy
    for the dossiers the table was built from (a Hypothesis property checks it).

    Raises:
        TimelinessError: listing every counted dossier without an appointment date when no
            procedures are given, or (with ``procedures``) every procedure code the mapping
            lacks; the problems are the scalar path's.
        CalendarRangeError: when a day used falls outside the calendar (the first such day
            found, which may not be the one the scalar path names).
    """
    window = Window.of(period)
    groups = measure_groups(table, [window], procedures=procedures, calendar=calendar)
    if groups:
        return groups[0].dossier_measures()
    empty = finish_counts(
        polars_module().DataFrame(
            {"window": [0], "procedure_code": [None], "measure": ["counted"], "value": [0]},
            schema=_long_schema(()),
        ),
        [window],
        with_procedures=procedures is not None,
    )
    return empty[0].dossier_measures()

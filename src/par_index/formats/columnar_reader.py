"""Reading a portal CSV export straight into a :class:`~par_index.service.columnar.DossierTable`.

The reader validates each row on a fast path; a row that fails any rule, or holds something
unusual (a moment in the years when Vietnam's offset was not UTC+7), is read again by the
scalar rules of :func:`par_index.formats.portal.loads_dossiers_csv`, so accepted rows and
reported problems are the scalar loader's own.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Final, Literal

from par_index.core.limits import DEFAULT_LIMITS
from par_index.core.tz import VN_TZ
from par_index.exceptions import LoadError
from par_index.formats._exports import (
    FLAGS,
    duplicate_code,
    open_export,
    parse_vn_moment,
    read_row,
)
from par_index.formats.json import Rejected
from par_index.model.dossiers import Dossier
from par_index.service.columnar import (
    ABSENT,
    BAD_CELL,
    FLUSH,
    NO_MOMENT,
    VN_OFFSET,
    DossierTable,
    TableBuilder,
    moment_cells,
)

__all__ = ["read_dossier_table"]


# --------------------------------------------------------------------------- CSV reader


def _parse_cell(raw: str, *, end_of_day: bool) -> tuple[int, int]:
    """A moment cell as (µs, day); :data:`BAD_CELL` when only the scalar path can judge it."""
    value = raw.strip()
    if not value:
        return ABSENT
    try:
        dt = parse_vn_moment(value, end_of_day=end_of_day)
    except (ValueError, OverflowError):
        return BAD_CELL
    # Two moments in VN_TZ compare by wall clock, others by UTC; they agree only while
    # Vietnam's offset is +07:00 (since 1975), so other moments take the scalar path.
    if dt.tzinfo is VN_TZ and dt.utcoffset() != VN_OFFSET:
        return BAD_CELL
    return moment_cells(dt)


_CHANNELS: Final = {f"{p}{c}": c for c in (1, 2, 3) for p in ("", "0")}
_STATUSES: Final = {f"{p}{s}": s for s in range(1, 11) for p in ("", "0") if len(f"{p}{s}") <= 2}
_NEEDS_RECEPTION: Final = frozenset({2, 4, 5, 6, 7, 8, 9, 10})
_NEEDS_FINISH: Final = frozenset({8, 9, 10})
_OPEN: Final = frozenset({1, 2, 4, 5, 6})
_OPEN_SUPPLEMENT_OK: Final = frozenset({5, 7, 8})
_FIELDS: Final = (
    "MaHoSo",
    "MaTTHC",
    "MaDonVi",
    "KenhThucHien",
    "TrangThaiHoSo",
    "NgayNopHoSo",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
    "NgayTraKetQua",
    "NgayYeuCauBoSung",
    "NgayHoanThanhBoSung",
    "ThanhToanTrucTuyen",
    "SoHoa",
    "KetQuaDienTu",
    "TaiSuDungDuLieu",
)


def read_dossier_table(
    text: str | bytes,
    *,
    source: str = "<string>",
    partial: bool = False,
    unit_code: str | None = None,
    extra_columns: Literal["error", "ignore"] = "error",
) -> tuple[DossierTable, tuple[Rejected, ...]]:
    """Read a portal CSV export straight into a :class:`DossierTable`.

    The same columns, conventions and validation as
    :func:`par_index.formats.portal.loads_dossiers_csv`
    (header in row 1, "row N, column X" paths, date-only NgayHenTra is the end of that day,
    naive moments in UTC+7), without building a :class:`Dossier` per valid row: the table
    equals ``DossierTable.from_dossiers(loads_dossiers_csv(...).records)`` and the rejected
    rows equal the scalar loader's. Repeated date strings are parsed once.

    Args:
        text: the CSV text (UTF-8, a byte-order mark is allowed); "," ";" or tab separated.
        source: the name used in error messages.
        partial: keep the valid rows and return the rejected ones instead of raising.
        unit_code: the unit code for every row, when the export has no MaDonVi column
            (validated, not stored: the table has no unit column).
        extra_columns: what to do with unknown columns.

    Returns:
        The table of valid rows and the rejected rows (empty unless ``partial``).

    Raises:
        LoadError: for a missing or unknown column, or (unless ``partial``) when any row is
            invalid; it lists every problem with its row and column.
    """
    header, reader = open_export(text, source, unit_code, extra_columns)
    ncols = len(header)
    position = {name: i for i, name in enumerate(header)}
    # Absent optional columns read an empty cell appended to the row.
    pad = any(name not in position for name in _FIELDS)
    get = itemgetter(*(position.get(name, ncols) for name in _FIELDS))
    has_unit = "MaDonVi" in position
    builder = TableBuilder()
    rows, codes, offsets, supplements = (
        builder.rows,
        builder.codes,
        builder.offsets,
        builder.supplements,
    )
    procedure_index = builder.procedure_index
    known_procedures = builder.procedures.get
    rows_extend = rows.extend
    rejected: list[Rejected] = []
    cap, omitted = DEFAULT_LIMITS.max_problems, Counter[str]()
    first_row: dict[str, str] = {}  # each dossier code once (a row counted twice is an error)
    moments: dict[str, tuple[int, int]] = {"": ABSENT}
    deadlines: dict[str, tuple[int, int]] = {"": ABSENT}
    flags: dict[str, int] = {"0": 0, "1": 1, "": 0, "x": 1, "true": 1, "false": 0}
    channel_of, status_of, flag_of = _CHANNELS.get, _STATUSES.get, flags.get
    moment_of, deadline_of = moments.get, deadlines.get
    needs_reception, needs_finish, open_statuses = _NEEDS_RECEPTION, _NEEDS_FINISH, _OPEN
    none, bad = NO_MOMENT, BAD_CELL[0]

    def moment(raw: str) -> tuple[int, int]:
        m = moments[raw] = _parse_cell(raw, end_of_day=False)
        return m

    def deadline(raw: str) -> tuple[int, int]:
        m = deadlines[raw] = _parse_cell(raw, end_of_day=True)
        return m

    def flag(raw: str) -> int:
        value = FLAGS.get(raw.strip().lower())
        if value is None:
            return -1
        flags[raw] = int(value)
        return int(value)

    i_code = position["MaHoSo"]
    for index, row in enumerate(reader):
        if len(row) == ncols and row[i_code].strip():
            if pad:
                row.append("")
            (
                code,
                procedure,
                unit,
                channel_raw,
                status_raw,
                sub_raw,
                rec_raw,
                app_raw,
                fin_raw,
                ret_raw,
                req_raw,
                done_raw,
                paid_raw,
                dig_raw,
                el_raw,
                reuse_raw,
            ) = get(row)
            if pad:
                row.pop()
            code = code.strip()
            procedure = procedure.strip()
            unit = unit.strip() if has_unit else (unit_code or "")
            channel = channel_of(channel_raw) or channel_of(channel_raw.strip(), 0)
            status = status_of(status_raw) or status_of(status_raw.strip(), 0)
            paid = flag_of(paid_raw)
            if paid is None:
                paid = flag(paid_raw)
            dig = flag_of(dig_raw)
            if dig is None:
                dig = flag(dig_raw)
            el = flag_of(el_raw)
            if el is None:
                el = flag(el_raw)
            reuse = flag_of(reuse_raw)
            if reuse is None:
                reuse = flag(reuse_raw)
            sub_us, sub = moment_of(sub_raw) or moment(sub_raw)
            rec_us, rec = moment_of(rec_raw) or moment(rec_raw)
            app_us, app = deadline_of(app_raw) or deadline(app_raw)
            fin_us, fin = moment_of(fin_raw) or moment(fin_raw)
            ret_us, _ = moment_of(ret_raw) or moment(ret_raw)
            ok = (
                code
                and procedure
                and unit
                and channel
                and status
                and paid >= 0
                and dig >= 0
                and el >= 0
                and reuse >= 0
                and bad not in (sub_us, rec_us, app_us, fin_us, ret_us)
                and (has_unit or unit.strip() == unit)
                and (status != 1 or (channel == 2 and sub_us != none and rec_us == none))
                and (rec_us != none or status not in needs_reception)
                and (fin_us != none or status not in needs_finish)
                and (fin_us == none or status not in open_statuses)
                and (status == 10) == (ret_us != none)
                and (rec_us == none or rec_us >= sub_us)
                and (app_us == none or app_us >= rec_us)
                and (fin_us == none or (fin_us >= rec_us and fin_us >= sub_us))
                and (ret_us == none or ret_us >= fin_us)
            )
            sups: list[tuple[int, int, int, int]] | None = None
            if ok and (req_raw or done_raw):
                sups = _supplements(req_raw, done_raw, moments, status, rec_us, fin_us)
                ok = sups is not None
            if ok and status == 5 and (not sups or sups[-1][2] != none):
                ok = False
            if ok and code in first_row:
                ok = False  # read again below, to report the duplicate
            if ok:
                first_row[code] = f"row {index + 2}"
                codes.append(code)
                p = known_procedures(procedure)
                rows_extend(
                    (
                        procedure_index(procedure) if p is None else p,
                        channel,
                        status,
                        paid,
                        dig,
                        el,
                        reuse,
                        0,  # zero_fees: CSV exports carry no fee list
                        sub,
                        rec,
                        app,
                        fin,
                        sub_us,
                        rec_us,
                        app_us,
                        fin_us,
                    )
                )
                if sups:
                    supplements.extend(sups)
                offsets.append(len(supplements))
                if len(rows) >= FLUSH:
                    builder.flush()
                continue
        elif not any(cell.strip() for cell in row):
            continue  # a blank line carries no record
        where = f"row {index + 2}"
        result = read_row(header, row, where, unit_code)
        if not isinstance(result, Dossier):
            problems = tuple(result)
        elif result.code in first_row:
            problems = (duplicate_code(where, result.code, first_row[result.code]),)
        else:
            first_row[result.code] = where
            builder.add_dossier(result)
            continue
        if partial or len(rejected) < cap:
            rejected.append(Rejected(where, problems))
        else:  # a strict read raises: past the cap, problems are only counted
            omitted.update(p.code for p in problems)
    table = builder.build()
    if reader.header_problems or ((rejected or omitted) and not partial):
        found = [*reader.header_problems, *(p for r in rejected for p in r.problems)]
        raise LoadError(found, source=source, omitted=omitted)
    return table, tuple(rejected)


def _supplements(
    requested: str,
    completed: str,
    cache: dict[str, tuple[int, int]],
    status: int,
    received_us: int,
    finished_us: int,
) -> list[tuple[int, int, int, int]] | None:
    """The supplement cells as (request µs, day, completion µs, day) when they follow the
    rules of :class:`Dossier`; None when they break one or only the scalar path can tell.
    """
    lists: list[list[tuple[int, int]]] = []
    for raw in (requested, completed):
        value = raw.strip()
        out: list[tuple[int, int]] = []
        for part in value.split(";") if value else ():
            m = cache.get(part)
            if m is None:
                m = cache[part] = _parse_cell(part, end_of_day=False)
            if m is BAD_CELL:
                return None
            out.append(m)
        lists.append(out)
    reqs, dones = lists
    if len(dones) > len(reqs) or any(r[0] == NO_MOMENT for r in reqs):
        return None
    dones += [ABSENT] * (len(reqs) - len(dones))
    sups = [(*r, *d) for r, d in zip(reqs, dones, strict=True)]
    previous_end = NO_MOMENT
    last = len(sups) - 1
    for k, (r_us, _, d_us, _) in enumerate(sups):
        is_open = d_us == NO_MOMENT
        if (
            (not is_open and d_us < r_us)
            or r_us < received_us
            or r_us < previous_end
            or (is_open and (k != last or status not in _OPEN_SUPPLEMENT_OK))
        ):
            return None
        previous_end = r_us if is_open else d_us
        if finished_us != NO_MOMENT and previous_end > finished_us:
            return None
    return sups

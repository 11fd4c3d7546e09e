"""``par-index plan check|stats``: read a plan table, measure its tasks as of a day.

``plan check FILE`` reads a plan table (.md, .txt, .csv, .xlsx, .docx) and lists every
problem with its place; ``plan stats FILE --as-of DATE [--period P] [--updates FILE]`` judges
the tasks on the working calendar and prints the completion measures, the assigned tasks
apart, per reform area, and the list of overdue tasks, as text, JSON (with a schema version),
CSV (one row per task) or an Excel workbook.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

from par_index.cli._common import emit_json
from par_index.core.lang import Lang, format_date, format_number
from par_index.core.tz import VN_TZ
from par_index.exceptions import LoadError, Problem
from par_index.model.documents import DocumentRef
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE, Ratio

if TYPE_CHECKING:
    from par_index.formats.plan_table import PlanTable
    from par_index.scoring.evidence import Evidence
    from par_index.service.plans import PlanMeasures

__all__ = ["SCHEMA_VERSION", "add_plan_options", "apply_plan", "register"]

#: The version of the JSON documents ``plan check`` and ``plan stats`` write.
SCHEMA_VERSION: Final = "1"

_TEXT: Final[dict[str, tuple[str, str]]] = {
    "plan": ("Kế hoạch", "Plan"),
    "tasks": (
        "{n} nhiệm vụ ({a} do cấp trên giao) trong {src}",
        "{n} tasks ({a} assigned) in {src}",
    ),
    "columns": ("Cột", "Columns"),
    "ignored": ("không dùng", "not used"),
    "problems": ("{n} lỗi:", "{n} problems:"),
    "ok": ("Không có lỗi.", "No problems."),
    "scope_period": ("Nhiệm vụ của kỳ {p}, tính đến {d}", "Tasks of {p}, as of {d}"),
    "scope_due": ("Nhiệm vụ đến hạn, tính đến {d}", "Tasks due, as of {d}"),
    "own": ("Nhiệm vụ của đơn vị: hoàn thành", "Own tasks: done"),
    "own_on_time": ("Nhiệm vụ của đơn vị: đúng hạn, trước hạn", "Own tasks: early or on time"),
    "assigned": ("Nhiệm vụ cấp trên giao: hoàn thành", "Assigned tasks: done"),
    "assigned_on_time": (
        "Nhiệm vụ cấp trên giao: đúng hạn, trước hạn",
        "Assigned tasks: early or on time",
    ),
    "all": ("Tất cả: hoàn thành", "All: done"),
    "progress": ("Tiến độ so với cả kế hoạch", "Progress against the whole plan"),
    "by_area": ("Theo lĩnh vực", "By reform area"),
    "no_area": ("chưa xác định lĩnh vực", "no area"),
    "overdue": ("Nhiệm vụ quá hạn ({n})", "Overdue tasks ({n})"),
    "none": ("không có", "none"),
    "unknown": (
        "Chưa đủ thông tin: {n} nhiệm vụ không rõ tình trạng hoặc thời hạn ({ids}).",
        "Incomplete: {n} tasks with unknown status or time ({ids}).",
    ),
    "na": ("không áp dụng", "not applicable"),
    "partial": ("chưa đầy đủ", "incomplete"),
    "due": ("hạn", "due"),
    "late_by": ("quá {n} ngày làm việc", "{n} working days late"),
    "xlsx_needs_output": (
        "--format xlsx cần --output TỆP.xlsx",
        "--format xlsx needs --output FILE.xlsx",
    ),
}


def _t(key: str, lang: Lang) -> str:
    vi, en = _TEXT[key]
    return vi if lang == "vi" else en


def _date_arg(text: str) -> date:
    """``dd/mm/yyyy`` or ``yyyy-mm-dd``."""
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text.strip()):
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date (dd/mm/yyyy or yyyy-mm-dd): {text!r}"
        ) from None


def _ref_arg(text: str) -> DocumentRef:
    try:
        return DocumentRef.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a document reference: {text!r}") from None


def _report_problems(
    source: str, problems: tuple[Problem, ...] | list[Problem], lang: Lang
) -> None:
    from par_index.formats.plan_table import problem_text  # noqa: PLC0415

    sys.stderr.write(_t("problems", lang).format(n=len(problems)) + f" {source}\n")
    for p in problems:
        sys.stderr.write(f"  {problem_text(p, lang)}\n")


def _problem_json(p: Problem) -> dict[str, str]:
    return {"place": p.path, "code": p.code, "expected": p.expected, "found": p.found}


def _read(args: argparse.Namespace, *, partial: bool) -> PlanTable:
    from par_index.formats.plan_table import read_plan_table  # noqa: PLC0415

    return read_plan_table(
        args.file,
        ref=args.ref,
        year=args.year,
        issuer=args.issuer,
        assigned_by=args.assigned_by,
        sheet=args.sheet,
        partial=partial,
    )


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    try:
        table = _read(args, partial=True)
    except LoadError as e:
        if args.format == "json":
            emit_json(
                out,
                {
                    "schema_version": SCHEMA_VERSION,
                    "source": e.source,
                    "complete": False,
                    "plan": None,
                    "problems": [_problem_json(p) for p in e.problems],
                },
            )
        else:
            _report_problems(e.source, e.problems, lang)
        return 1
    plan = table.plan
    if args.format == "json":
        emit_json(
            out,
            {
                "schema_version": SCHEMA_VERSION,
                "source": table.source,
                "complete": table.complete,
                "plan": {
                    "ref": str(plan.ref),
                    "year": plan.year,
                    "issuer": plan.issuer,
                    "title": plan.title,
                    "tasks": len(plan.tasks),
                    "assigned_tasks": len(plan.assigned_tasks),
                },
                "columns": [{"header": h, "field": f} for h, f in table.columns],
                "tasks": [
                    {
                        "id": t.id,
                        "title": t.title,
                        "group": t.group,
                        "area": t.area.value if t.area is not None else None,
                        "assigned_by": t.assigned_by,
                        "lead": t.lead,
                        "partners": t.partners,
                        "product": t.product,
                        "time": t.time.text if t.time is not None else None,
                        "kind": t.time.kind.value if t.time is not None else None,
                        "start": _iso(t.time.start) if t.time is not None else None,
                        "end": _iso(t.time.end) if t.time is not None else None,
                        "status": t.status.value,
                    }
                    for t in plan.tasks
                ],
                "problems": [_problem_json(p) for p in table.problems],
            },
        )
        return 0 if table.complete else 1
    out.write(f"{_t('plan', lang)}: {plan.ref} — {plan.title or plan.issuer}\n")
    out.write(
        _t("tasks", lang).format(n=len(plan.tasks), a=len(plan.assigned_tasks), src=table.source)
        + "\n"
    )
    cols = ", ".join(
        f"{h} → {f if f != 'ignored' else _t('ignored', lang)}" for h, f in table.columns
    )
    out.write(f"{_t('columns', lang)}: {cols}\n")
    if table.complete:
        out.write(_t("ok", lang) + "\n")
        return 0
    _report_problems(table.source, table.problems, lang)
    return 1


# --------------------------------------------------------------------------- stats


def _ratio_text(r: Ratio, lang: Lang) -> str:
    pct = r.percent()
    shown = format_number(pct, lang) + "%" if isinstance(pct, Decimal) else _t("na", lang)
    return f"{shown} ({r.numerator}/{r.denominator})"


def _ratio_json(r: Ratio) -> dict[str, Any]:
    rate = r.rate
    return {
        "numerator": r.numerator,
        "denominator": r.denominator,
        "rate": None if rate is NOT_APPLICABLE else str(rate),
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _task_rows(m: PlanMeasures) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for j in m.judgements:
        t = j.task
        o = j.occurrence
        rows.append(
            {
                "id": t.id,
                "period": str(o.period) if o.period is not None else "",
                "title": t.title,
                "area": t.area.value if t.area is not None else "",
                "assigned": t.assigned,
                "assigned_by": t.assigned_by,
                "lead": t.lead,
                "time": t.time.text if t.time is not None else "",
                "nominal_due": _iso(o.nominal),
                "due": _iso(o.due),
                "status": j.status.value,
                "outcome": j.outcome.value,
                "completed_on": _iso(j.completed_on),
                "working_days": j.working_days,
                "document": str(j.document) if j.document is not None else "",
                "product": j.product or t.product,
            }
        )
    return rows


def _stats_json(m: PlanMeasures) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "plan": {"ref": str(m.plan.ref), "year": m.plan.year, "issuer": m.plan.issuer},
        "as_of": m.as_of.isoformat(),
        "period": str(m.period) if m.period is not None else None,
        "complete": m.complete,
        "complete_own": m.complete_for(assigned=False),
        "complete_assigned": m.complete_for(assigned=True),
        "measures": {
            "completion": _ratio_json(m.completion),
            "on_time": _ratio_json(m.on_time),
            "own_completion": _ratio_json(m.own_completion),
            "own_on_time": _ratio_json(m.own_on_time),
            "assigned_completion": _ratio_json(m.assigned_completion),
            "assigned_on_time": _ratio_json(m.assigned_on_time),
            "progress": _ratio_json(m.progress),
        },
        "by_area": [
            {"area": a.value if a is not None else None} | _ratio_json(r) for a, r in m.by_area
        ],
        "overdue": [j.occurrence.key for j in m.overdue],
        "unknown": [j.occurrence.key for j in m.unknown + m.unplaced],
        "tasks": _task_rows(m),
    }


def _write_text(m: PlanMeasures, lang: Lang, out: TextIO) -> None:
    plan = m.plan
    out.write(f"{_t('plan', lang)}: {plan.ref} — {plan.title or plan.issuer}\n")
    d = format_date(m.as_of, lang)
    if m.period is not None:
        out.write(_t("scope_period", lang).format(p=m.period.label(lang), d=d) + "\n")
    else:
        out.write(_t("scope_due", lang).format(d=d) + "\n")
    own, assigned, every = (
        m.complete_for(assigned=False),
        m.complete_for(assigned=True),
        m.complete,
    )
    rows = [
        ("own", m.own_completion, own),
        ("own_on_time", m.own_on_time, own),
        ("assigned", m.assigned_completion, assigned),
        ("assigned_on_time", m.assigned_on_time, assigned),
        ("all", m.completion, every),
        ("progress", m.progress, every),
    ]
    width = max(len(_t(k, lang)) for k, _, _ in rows)
    for key, r, complete in rows:
        mark = "" if complete else f" — {_t('partial', lang)}"
        out.write(f"  {_t(key, lang).ljust(width)}  {_ratio_text(r, lang)}{mark}\n")
    if m.by_area:
        out.write(f"{_t('by_area', lang)}:\n")
        for area, r in m.by_area:
            name = (
                _t("no_area", lang)
                if area is None
                else (area.name_vi if lang == "vi" else area.name_en)
            )
            out.write(f"  {name}: {_ratio_text(r, lang)}\n")
    overdue = m.overdue
    out.write(
        _t("overdue", lang).format(n=len(overdue))
        + ":"
        + ("" if overdue else " " + _t("none", lang))
        + "\n"
    )
    for j in overdue:
        due = format_date(j.occurrence.due, lang) if j.occurrence.due is not None else "—"
        late = _t("late_by", lang).format(n=j.working_days)
        lead = f" — {j.task.lead}" if j.task.lead else ""
        out.write(f"  {j.occurrence.key}. {j.task.title}{lead} ({_t('due', lang)} {due}, {late})\n")
    missing = m.unknown + m.unplaced
    if missing:
        ids = ", ".join(j.occurrence.key for j in missing[:20]) + (
            " …" if len(missing) > 20 else ""
        )
        out.write(_t("unknown", lang).format(n=len(missing), ids=ids) + "\n")


_CSV_COLUMNS: Final = (
    "id",
    "period",
    "title",
    "area",
    "assigned",
    "assigned_by",
    "lead",
    "time",
    "nominal_due",
    "due",
    "status",
    "outcome",
    "completed_on",
    "working_days",
    "document",
    "product",
)


def _write_csv(m: PlanMeasures, out: TextIO) -> None:
    w = csv.DictWriter(out, fieldnames=_CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in _task_rows(m):
        w.writerow({k: ("" if v is None else v) for k, v in row.items()})


def _write_xlsx(m: PlanMeasures, path: Path) -> None:
    try:
        import openpyxl  # noqa: PLC0415
    except ImportError as e:  # pragma: no cover - the test extra installs it
        raise ImportError(
            "writing .xlsx needs the excel extra: pip install 'par_index[excel]'"
        ) from e
    data = _stats_json(m)
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Chỉ số"
    ws.append(["Chỉ số", "Tử số", "Mẫu số", "Tỷ lệ"])
    for name, r in data["measures"].items():
        rate = Decimal(r["rate"]) if r["rate"] is not None else None
        ws.append([name, r["numerator"], r["denominator"], rate])
    ws.append([])
    ws.append(["Kế hoạch", data["plan"]["ref"]])
    ws.append(["Tính đến", m.as_of])
    ws.append(["Kỳ", data["period"] or ""])
    ws.append(["Đầy đủ", data["complete"]])
    tasks = wb.create_sheet("Nhiệm vụ")
    tasks.append(list(_CSV_COLUMNS))
    for row in data["tasks"]:
        tasks.append(["" if row[k] is None else row[k] for k in _CSV_COLUMNS])
    overdue = wb.create_sheet("Quá hạn")
    overdue.append(["id", "title", "lead", "due", "working_days"])
    for j in m.overdue:
        overdue.append(
            [j.occurrence.key, j.task.title, j.task.lead, j.occurrence.due, j.working_days]
        )
    wb.save(path)


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    from par_index.formats.plan_table import read_task_updates  # noqa: PLC0415
    from par_index.service.plans import DeadlinePolicy, judge_plan  # noqa: PLC0415

    lang: Lang = args.lang
    if args.format == "xlsx" and args.output is None:
        sys.stderr.write(_t("xlsx_needs_output", lang) + "\n")
        return 2
    try:
        table = _read(args, partial=False)
        plan = table.plan
        if args.updates is not None:
            plan = plan.with_updates(*read_task_updates(args.updates, plan))
    except LoadError as e:
        _report_problems(e.source, e.problems, lang)
        return 1
    period = ReportingPeriod.parse(args.period) if args.period is not None else None
    policy = DeadlinePolicy(
        before_inclusive=not args.before_exclusive, roll_forward=not args.calendar_days
    )
    m = judge_plan(plan, args.as_of, period=period, policy=policy)
    if args.format == "json":
        emit_json(out, _stats_json(m))
    elif args.format == "csv":
        _write_csv(m, out)
    elif args.format == "xlsx":
        _write_xlsx(m, Path(args.output))
    else:
        _write_text(m, lang, out)
    return 0


# --------------------------------------------------------------------------- score --plan


def add_plan_options(p: argparse.ArgumentParser) -> None:
    """The options by which ``score`` takes its task measures from a plan table."""
    p.add_argument(
        "--plan", default=None, help="plan table whose tasks give the task measures (kế hoạch)"
    )
    p.add_argument("--plan-updates", default=None, help="the plan's status history")
    p.add_argument("--plan-as-of", type=_date_arg, default=None, help="judge the tasks on this day")
    p.add_argument("--plan-period", default=None, help='the period, e.g. "6 tháng đầu năm 2023"')
    p.add_argument("--plan-issuer", default=None, help="the plan's issuing body")
    p.add_argument("--plan-assigned-by", default="", help="the higher body, for assigned headings")


def apply_plan(evidence: Evidence, args: argparse.Namespace) -> Evidence:
    """``evidence`` with the task measures of ``--plan`` in place of the report's (unchanged
    without ``--plan``).

    Raises:
        LoadError: for a plan table or history with problems (listed with their places).
        InvalidPeriod: for a period that cannot be read.
    """
    if getattr(args, "plan", None) is None:
        return evidence
    from par_index.formats.plan_table import read_plan_table, read_task_updates  # noqa: PLC0415
    from par_index.scoring.plan_evidence import with_plan  # noqa: PLC0415
    from par_index.service.plans import judge_plan  # noqa: PLC0415

    plan = read_plan_table(
        args.plan, issuer=args.plan_issuer, assigned_by=args.plan_assigned_by
    ).plan
    if args.plan_updates is not None:
        plan = plan.with_updates(*read_task_updates(args.plan_updates, plan))
    period = ReportingPeriod.parse(args.plan_period) if args.plan_period else evidence.period
    # Without --plan-as-of: today in Vietnam (UTC+7), not the machine's zone.
    as_of = args.plan_as_of if args.plan_as_of is not None else datetime.now(VN_TZ).date()
    return with_plan(evidence, judge_plan(plan, as_of, period=period))


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``plan check|stats``."""
    p = sub.add_parser("plan", help="reform plans (kế hoạch CCHC) and their tasks")
    psub = p.add_subparsers(dest="plan_command", required=True)
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    shared.add_argument("file", help="plan table: .md, .txt, .csv, .xlsx or .docx")
    shared.add_argument("--ref", type=_ref_arg, default=None, help="the plan's document")
    shared.add_argument("--year", type=int, default=None, help="the plan's year")
    shared.add_argument("--issuer", default=None, help="the issuing body")
    shared.add_argument(
        "--assigned-by", default="", help="the higher body, for tasks under an assigned heading"
    )
    shared.add_argument("--sheet", default=None, help="the workbook sheet (default: the first)")
    c = psub.add_parser("check", parents=[shared], help="read a plan table, list every problem")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.set_defaults(run=_cmd_check)
    s = psub.add_parser(
        "stats", parents=[shared], help="task measures as of a day, with the overdue tasks"
    )
    s.add_argument("--as-of", type=_date_arg, required=True, help="dd/mm/yyyy or yyyy-mm-dd")
    s.add_argument("--period", default=None, help='count the tasks of a period, e.g. "Quý II/2023"')
    s.add_argument("--updates", default=None, help="status history (.csv, .md, .xlsx)")
    s.add_argument("--format", choices=["text", "json", "csv", "xlsx"], default="text")
    s.add_argument("--output", default=None, help="the .xlsx file to write (--format xlsx)")
    s.add_argument(
        "--before-exclusive",
        action="store_true",
        help='"Trước 30/6" means by 29/6 (default: by 30/6)',
    )
    s.add_argument(
        "--calendar-days",
        action="store_true",
        help="keep a due day that falls on a rest day (default: next working day, BLDS Điều 148)",
    )
    s.set_defaults(run=_cmd_stats)

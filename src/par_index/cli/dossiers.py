"""``par-index dossiers check|stats``: load dossier files, measure them over a period."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from par_index.cli._common import SCHEMA_VERSION, emit_json, pick, problem_json, shown_path
from par_index.core.lang import Lang, format_number
from par_index.exceptions import InvalidValueError, Problem
from par_index.formats.columnar_reader import read_dossier_table
from par_index.formats.portal import load_dossiers, load_procedures
from par_index.formats.schema import versioned
from par_index.model.periods import ReportingPeriod
from par_index.model.ratios import NOT_APPLICABLE, Ratio
from par_index.service.columnar import measure_table
from par_index.service.measures import DossierMeasures, measure_dossiers, satisfaction_5_4

__all__ = [
    "register",
]

_TWO = Decimal("0.01")

_WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_CHECK_TEXT: dict[str, tuple[str, str]] = {
    "dossiers_ok": ("{n} hồ sơ hợp lệ trong {src}", "{n} valid dossiers in {src}"),
    "dossiers_bad": (
        "{n} hồ sơ bị loại, {p} lỗi trong {src}:",
        "{n} dossiers rejected, {p} problems in {src}:",
    ),
    "omitted": (
        "… và {n} lỗi khác không liệt kê ({counts})",
        "… and {n} more problems not listed ({counts})",
    ),
}


def _ct(key: str, lang: Lang) -> str:
    return pick(_CHECK_TEXT, key, lang)


def _cmd_dossiers_check(args: argparse.Namespace, out: TextIO) -> int:
    result = load_dossiers(args.file, partial=True)
    lang: Lang = args.lang
    src = shown_path(result.source)
    omitted = dict(result.omitted)
    if args.format == "json":
        data = {
            "schema_version": SCHEMA_VERSION,
            "source": src,
            "valid": len(result.records),
            "rejected_count": result.rejected_count,
            "rejected": [
                {"location": r.location, "problems": [problem_json(p) for p in r.problems]}
                for r in result.rejected
            ],
            "omitted": omitted,
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(_ct("dossiers_ok", lang).format(n=len(result.records), src=src) + "\n")
        if not result.complete:
            out.write(
                _ct("dossiers_bad", lang).format(
                    n=result.rejected_count, p=result.problem_count, src=src
                )
                + "\n"
            )
            for p in result.problems:
                out.write(f"  {p}\n")
            if omitted:
                counts = ", ".join(f"{code} {n}" for code, n in sorted(omitted.items()))
                line = _ct("omitted", lang).format(n=sum(omitted.values()), counts=counts)
                out.write(f"  {line}\n")
    return 0 if result.complete else 1


# --------------------------------------------------------------------------- dossier stats

_LABELS: dict[str, tuple[str, str]] = {
    "counted": ("Hồ sơ tiếp nhận hoặc đang giải quyết trong kỳ", "Dossiers received or processed"),
    "on_time_766": (
        "Tỷ lệ giải quyết trước hạn, đúng hạn (QĐ 766, chỉ tiêu 2.1)",
        "Handled early or on time (QĐ 766 indicator 2.1)",
    ),
    "early_or_on_time": (
        "Tỷ lệ trả trước và đúng hạn (cách tính của Bộ phận Một cửa)",
        "Returned early or on time (one-stop reports)",
    ),
    "late": ("Tỷ lệ quá hạn", "Late or overdue"),
    "online_submitted": ("Tỷ lệ hồ sơ nộp trực tuyến", "Submitted online"),
    "online_766": (
        "Tỷ lệ hồ sơ trực tuyến (QĐ 766, chỉ tiêu 3.3, chưa nhân tỷ lệ đồng bộ)",
        "Online dossiers (QĐ 766 indicator 3.3, before the sync rate)",
    ),
    "paid_online": ("Tỷ lệ thanh toán trực tuyến (chỉ tiêu 3.6)", "Paid online (indicator 3.6)"),
    "electronic_result": (
        "Tỷ lệ có kết quả điện tử (chỉ tiêu 4.1)",
        "With an electronic result (indicator 4.1)",
    ),
    "digitised": ("Tỷ lệ số hóa hồ sơ (chỉ tiêu 4.2)", "Digitised (indicator 4.2)"),
    "reuse": (
        "Tỷ lệ tái sử dụng dữ liệu số hóa (chỉ tiêu 4.3)",
        "Reusing digitised data (indicator 4.3)",
    ),
    "satisfaction": ("Mức độ hài lòng (chỉ tiêu 5.4)", "Satisfaction (indicator 5.4)"),
    "missing": (
        "không tính được: cần danh mục TTHC (--procedures)",
        "not computed: needs the procedure list (--procedures)",
    ),
    "incomplete": ("Kết quả chưa đầy đủ.", "The result is incomplete."),
    "average": (
        "Thời gian giải quyết trung bình (ngày làm việc, chỉ tiêu 2.2)",
        "Average processing time (working days, indicator 2.2)",
    ),
}


def _l(key: str, lang: Lang) -> str:
    vi, en = _LABELS[key]
    return vi if lang == "vi" else en


def _ratio_text(r: Ratio | None, lang: Lang) -> str:
    if r is None:
        return _l("missing", lang)
    pct = r.percent()
    if isinstance(pct, Decimal):
        shown = format_number(pct, lang) + "%"
    else:
        shown = "không áp dụng" if lang == "vi" else "not applicable"
    return f"{shown} ({r.numerator}/{r.denominator})"


def _ratio_json(r: Ratio | None) -> dict[str, Any] | None:
    if r is None:
        return None
    rate = r.rate
    return {
        "numerator": r.numerator,
        "denominator": r.denominator,
        "rate": None if rate is NOT_APPLICABLE else str(rate),
        "percent": None if rate is NOT_APPLICABLE else str(r.percent()),
    }


def _stats_json(m: DossierMeasures, satisfaction: Ratio | None) -> dict[str, Any]:
    return {
        "period": str(m.period),
        "as_of": m.as_of.isoformat(),
        "counted": m.counted,
        "received": m.received,
        "complete": m.complete,
        "by_timeliness": {t.value: n for t, n in m.by_timeliness},
        "by_status": {str(int(s)): n for s, n in m.by_status},
        "by_channel": {str(int(c)): n for c, n in m.by_channel},
        "measures": {name: _ratio_json(r) for name, r in m.ratios().items()}
        | {"satisfaction_rate_5_4": _ratio_json(satisfaction)},
        "average_working_days": {code: str(v) for code, v in m.average_working_days},
    }


def _cmd_stats(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    period = ReportingPeriod.parse(args.period)
    procedures = None
    if args.procedures is not None:
        procedures = {p.code: p for p in load_procedures(args.procedures).records}
    path = Path(args.file)
    if path.suffix.lower() == ".csv":
        # The columnar path: the same checks and the same measures, several times faster.
        table, _ = read_dossier_table(path.read_bytes(), source=str(path))
        m = measure_table(table, period, procedures=procedures)
    else:
        m = measure_dossiers(load_dossiers(path).records, period, procedures=procedures)
    satisfaction = None
    if args.complaints is not None:
        try:
            satisfaction = satisfaction_5_4(m, args.complaints)
        except ValueError as exc:  # more complaints than dossiers counted
            expected = str(exc).split(", found", 1)[0].removeprefix("expected ")
            raise InvalidValueError(
                [Problem("--complaints", "out-of-range", expected, str(args.complaints))]
            ) from None
    if args.format == "json":
        return emit_json(out, versioned(_stats_json(m, satisfaction)))
    out.write(f"{period.label(lang)} — {_l('counted', lang)}: {m.counted}\n")
    for t, n in m.by_timeliness:
        out.write(f"  {(t.name_vi if lang == 'vi' else t.name_en)}: {n}\n")
    rows = [
        ("on_time_766", m.on_time_766),
        ("early_or_on_time", m.early_or_on_time),
        ("late", m.late),
        ("online_submitted", m.online_submitted),
        ("online_766", m.online_766),
        ("paid_online", m.paid_online),
        ("electronic_result", m.electronic_result),
        ("digitised", m.digitised),
        ("reuse", m.reuse),
    ]
    if satisfaction is not None:
        rows.append(("satisfaction", satisfaction))
    width = max(len(_l(k, lang)) for k, _ in rows)
    for key, r in rows:
        out.write(f"{_l(key, lang).ljust(width)}  {_ratio_text(r, lang)}\n")
    if m.average_working_days:
        out.write(f"{_l('average', lang)}:\n")
        for code, v in m.average_working_days:
            out.write(f"  {code}: {format_number(v.quantize(_TWO), lang)}\n")
    if not m.complete:
        out.write(_l("incomplete", lang) + "\n")
    return 0


def _count(text: str) -> int:
    """A count given on the command line: a whole number of 0 or more."""
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise argparse.ArgumentTypeError(f"expected a whole number of 0 or more, found {text!r}")
    return int(text)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Register ``dossiers check|stats``."""
    p = sub.add_parser("dossiers", help="dossier files (JSON or portal CSV)")
    dsub = p.add_subparsers(dest="dossiers_command", required=True)
    c = dsub.add_parser(
        "check", parents=[common], help="load a dossier file and list every problem"
    )
    c.add_argument("file")
    c.set_defaults(run=_cmd_dossiers_check)
    c = dsub.add_parser(
        "stats", parents=[common], help="service measures of a dossier file over a period"
    )
    c.add_argument("file", help="dossiers: JSON or portal CSV")
    c.add_argument("--period", required=True, help='e.g. "6 tháng đầu năm 2023"')
    c.add_argument("--procedures", default=None, help="procedures JSON (needed for 3.3, 3.6, 4.1)")
    c.add_argument(
        "--complaints", type=_count, default=None, help="dossiers with a complaint (for 5.4)"
    )
    c.set_defaults(run=_cmd_stats)

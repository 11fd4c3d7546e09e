"""Consistency checks of a CCHC report (báo cáo CCHC): what a reviewer would flag.

:func:`check_report` takes the text of a report or a report model:

* **From a model** it checks what the model holds: printed rates against their counts, parts
  against their totals, the report's date against its period (cut-off window of NĐ
  09/2019/NĐ-CP Điều 12, due date of 581/BNV-CCHC), the report number, and the standard
  sections of the 581/BNV-CCHC outline.
* **From a text** it parses the text (:func:`par_index.reports.parser.read_report`) and also
  checks the wording of the body: years and periods that contradict the report's own period,
  duplicated words, and counts followed by a list of another length. Spans of findings index
  the normalised text (:func:`par_index.reports.parser.normalize_text`).

Severities: ``error`` for numbers that contradict each other (a rate its counts do not give,
parts larger than their total, a report dated before its period), ``warning`` for what is
probably a mistake (a rate truncated instead of rounded, a denominator the text does not
state, a plan of another year, a duplicated word, a late report, a missing section), and
``info`` for facts worth knowing (a draft without number, a report dated before the end of
its data window, "sơ kết quý I" in a six-month report).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import attrs

from par_index.core.lang import format_date, format_number
from par_index.model.areas import ReformArea
from par_index.model.periods import PeriodKind, ReportingPeriod, find_period_mentions
from par_index.reports._text import LineIndex
from par_index.reports.figures import STANDARD_FIGURES
from par_index.reports.model import Figure, Report, SectionRole, SourceSpan, TextKind
from par_index.reports.parser import ParsedReport, read_report

__all__ = ["Finding", "Severity", "check_report"]


class Severity(enum.StrEnum):
    """How serious a finding is; the value is a stable English identifier."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def name_vi(self) -> str:
        """The Vietnamese word ("lỗi", "cảnh báo", "thông tin")."""
        return {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "thông tin"}[
            self
        ]


@attrs.frozen
class Finding:
    """One thing a check found in a report.

    Attributes:
        code: a stable identifier ("rate-truncated", "duplicated-word", ...).
        severity: error, warning or info.
        message: an English sentence naming the Vietnamese term concerned.
        message_vi: the same in Vietnamese.
        span: where in the (normalised) text, when known.
        figures: the names of the figures concerned.
        printed: the value the report prints, for numeric findings.
        computed: the value computed from the report's own numbers.
        text: the words concerned ("bản bản", "quý I", "năm 2022").
        denominator: for a rate the text gives no total for, the whole number it is a
            share of (34 dossiers at 53,96 % → 63), when one exists.
        scope: the scope of the figures concerned ("level:huyện"), None for the whole unit.
        period: the key of their period ("M2021-09"), None for the report's own.
    """

    code: str
    severity: Severity
    message: str
    message_vi: str
    span: SourceSpan | None = None
    figures: tuple[str, ...] = ()
    printed: Decimal | None = None
    computed: Decimal | None = None
    text: str | None = None
    denominator: int | None = None
    scope: str | None = None
    period: str | None = None


def check_report(source: str | Report) -> tuple[Finding, ...]:
    """Every finding about a report, header findings first, then in reading order.

    Args:
        source: the report text (Markdown or plain text), checked in full; or a
            :class:`Report`, of which only the model checks run (no wording checks).

    Returns:
        The findings.

    Raises:
        ReportParseError: when ``source`` is a text with no recognisable report.
    """
    if isinstance(source, Report):
        findings = list(_model_findings(source))
    else:
        parsed = read_report(source)
        findings = [*_model_findings(parsed.report, parsed), *_text_findings(parsed)]
    return tuple(sorted(findings, key=lambda f: (-1 if f.span is None else f.span.start, f.code)))


# --- numbers ---------------------------------------------------------------------------------


def _vi(value: Decimal) -> str:
    return format_number(value, "vi")


def _en(value: Decimal) -> str:
    return format_number(value, "en")


def _label(name: str) -> tuple[str, str]:
    """English and Vietnamese labels of a figure, both to stand inside a sentence."""
    spec = STANDARD_FIGURES.get(name)
    if spec is None:
        words = name.replace("_", " ")
        return words, words
    return spec.label_en.lower(), spec.label_vi[:1].lower() + spec.label_vi[1:]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _quantum(printed: Decimal) -> Decimal:
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(1).scaleb(-places)


def _share(count: Decimal, total: Decimal) -> Decimal:
    return count * 100 / total


# Rates, the counts they are shares of, and every total a report may state for them, in the
# order tried: QĐ 766/QĐ-TTg indicator 2.1 (early or on time) is a share of the dossiers
# resolved in the period; portals also print it over the dossiers due (Vĩnh Phúc: "đến hạn
# giải quyết"), received or to process. A rate is checked against each stated total; it is a
# finding only when none gives it (docs/sources.md).
_TOTALS = (
    "dossiers_due",
    "dossiers_resolved",
    "dossiers_received",
    "dossiers_to_process",
    "dossiers_new",
)
_RATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("dossiers_early_or_on_time_rate", "dossiers_early_or_on_time", _TOTALS),
    ("dossiers_early_rate", "dossiers_early", _TOTALS),
    ("dossiers_on_time_rate", "dossiers_on_time", _TOTALS),
    ("dossiers_late_rate", "dossiers_late", _TOTALS),
    (
        "dossiers_in_progress_rate",
        "dossiers_in_progress",
        ("dossiers_received", "dossiers_to_process", "dossiers_new", "dossiers_due"),
    ),
    ("dossiers_in_progress_overdue_rate", "dossiers_in_progress_overdue", _TOTALS),
    ("dossiers_returned_rate", "dossiers_returned", _TOTALS),
    (
        "dossiers_online_rate",
        "dossiers_online",
        ("dossiers_received", "dossiers_new", "dossiers_to_process", "dossiers_resolved"),
    ),
    (
        "dossiers_resolved_rate",
        "dossiers_resolved",
        ("dossiers_received", "dossiers_to_process", "dossiers_new", "dossiers_due"),
    ),
    ("feedback_resolved_rate", "feedback_resolved", ("feedback_received",)),
    ("procedures_online_rate", "procedures_online", ("procedures_total",)),
)
_SHARES = frozenset({name for name, _, _ in _RATES} | {"procedures_on_one_stop_software_rate"})
_PART_OF: tuple[tuple[str, str], ...] = (
    ("dossiers_online", "dossiers_received"),
    ("dossiers_supplement_requested", "dossiers_received"),
    ("tasks_completed", "tasks_assigned"),
    ("documents_reviewed", "documents_to_review"),
)


@attrs.frozen
class _Group:
    """The figures of one scope and period, by name."""

    figures: dict[str, Figure]
    scope: str | None = None  # None: the whole unit
    period: str | None = None  # None: the report's own period

    def figure(self, name: str) -> Figure | None:
        return self.figures.get(name)

    def finding(self, finding: Finding) -> Finding:
        """``finding`` placed in this group's scope and period."""
        if self.scope is None and self.period is None:
            return finding
        where_en = self.scope or ""
        where = f" [{where_en}{' ' if where_en and self.period else ''}{self.period or ''}]"
        return attrs.evolve(
            finding,
            message=finding.message + where,
            message_vi=finding.message_vi + where,
            scope=self.scope,
            period=self.period,
        )


def _groups(report: Report) -> list[_Group]:
    """The whole unit's figures of the report's period, then every other scope and period."""
    out = [_Group({f.name: f for f in report.figures})]
    others: dict[tuple[str, str], dict[str, Figure]] = {}
    for f in report.other_figures:
        key = (f.scope.key, f.period.key if f.period is not None else "")
        others.setdefault(key, {}).setdefault(f.name, f)
    for (scope, period), figures in others.items():
        out.append(_Group(figures, None if scope == "unit" else scope, period or None))
    return out


def _exact(report: _Group, name: str) -> Figure | None:
    f = report.figure(name)
    return f if f is not None and f.is_exact else None


def _count(report: _Group, name: str) -> Decimal | None:
    """An exact count; early-or-on-time also as early plus on time when both are stated."""
    f = _exact(report, name)
    if f is not None:
        return f.value
    if name == "dossiers_early_or_on_time":
        early, on_time = _exact(report, "dossiers_early"), _exact(report, "dossiers_on_time")
        if early is not None and on_time is not None:
            return early.value + on_time.value
    return None


def _apparent_denominator(
    count: Decimal, printed: Decimal, stated: Decimal | None = None
) -> int | None:
    """The whole number ``d`` (not ``stated``) with ``count / d`` printing as ``printed``.

    Printing means rounding half up or truncating to the printed number of decimals.
    """
    if printed <= 0 or count <= 0:
        return None
    quantum = _quantum(printed)
    centre = int(count * 100 / printed)
    for d in range(max(centre - 2, 1), centre + 4):
        if d < count or (stated is not None and Decimal(d) == stated):
            continue
        value = _share(count, Decimal(d))
        if printed in (
            value.quantize(quantum, ROUND_HALF_UP),
            value.quantize(quantum, ROUND_DOWN),
        ):
            return d
    return None


def _rate_findings(report: _Group) -> Iterator[Finding]:
    for rate_name, count_name, total_names in _RATES:
        rate = _exact(report, rate_name)
        if rate is None:
            continue
        en, vi = _label(rate_name)
        p_en, p_vi = f"{_en(rate.value)}%", f"{_vi(rate.value)}%"
        if rate_name in _SHARES and rate.value > 100:
            yield Finding(
                "rate-out-of-range",
                Severity.ERROR,
                f"the {en} ({vi}) is printed as {p_en}, more than 100%",
                _sentence(f"{vi} in là {p_vi}, lớn hơn 100%"),
                rate.span,
                (rate_name,),
                printed=rate.value,
            )
            continue
        count = _count(report, count_name)
        stated = [report.figure(n) for n in total_names]
        totals = [f for f in stated if f is not None and f.is_exact and f.value > 0]
        if count is None or (not totals and any(f is not None for f in stated)):
            continue  # an approximate count or total ("khoảng 250 hồ sơ") checks nothing
        c = count
        if not totals:
            d = _apparent_denominator(c, rate.value)
            hint_en = f"; {_en(c)}/{d} would print it" if d is not None else ""
            hint_vi = f"; {_vi(c)}/{d} cho ra tỷ lệ này" if d is not None else ""
            yield Finding(
                "rate-denominator-unstated",
                Severity.WARNING,
                f"the {en} ({vi}) {p_en} has no stated total to be a share of{hint_en}",
                _sentence(f"{vi} {p_vi} không nêu tổng số làm mẫu số{hint_vi}"),
                rate.span,
                (rate_name, count_name),
                printed=rate.value,
                denominator=d,
            )
            continue
        quantum = _quantum(rate.value)
        fits = [
            t for t in totals if _share(c, t.value).quantize(quantum, ROUND_HALF_UP) == rate.value
        ]
        if fits:
            continue
        truncated = [
            t for t in totals if _share(c, t.value).quantize(quantum, ROUND_DOWN) == rate.value
        ]
        total = truncated[0] if truncated else totals[0]
        t = total.value
        rounded = _share(c, t).quantize(quantum, ROUND_HALF_UP)
        names = (rate_name, count_name, total.name)
        ratio_en, ratio_vi = f"{_en(c)}/{_en(t)}", f"{_vi(c)}/{_vi(t)}"
        if truncated:
            yield Finding(
                "rate-truncated",
                Severity.WARNING,
                f"the {en} ({vi}) is printed as {p_en} but {ratio_en} rounds to "
                f"{_en(rounded)}%: the printed value is truncated, not rounded",
                _sentence(
                    f"{vi} in {p_vi} nhưng {ratio_vi} làm tròn là {_vi(rounded)}%: số in bị "
                    "cắt bớt chữ số chứ không làm tròn"
                ),
                rate.span,
                names,
                printed=rate.value,
                computed=rounded,
            )
            continue
        tried_en = _tried(c, totals, quantum, "en")
        tried_vi = _tried(c, totals, quantum, "vi")
        d = _apparent_denominator(c, rate.value, t)
        if d is not None:
            apparent = _share(c, Decimal(d))
            how_en = "truncated" if apparent.quantize(quantum, ROUND_DOWN) == rate.value else ""
            how_vi = "cắt bớt chữ số" if how_en else ""
            yield Finding(
                "rate-denominator-unstated",
                Severity.WARNING,
                f"the {en} ({vi}) {p_en} is not {tried_en}; it is "
                f"{_en(c)}/{_en(Decimal(d))}{f' ({how_en})' if how_en else ''}, a total of "
                f"{_en(Decimal(d))} the report does not state",
                _sentence(
                    f"{vi} {p_vi} không bằng {tried_vi}; tỷ lệ này là "
                    f"{_vi(c)}/{_vi(Decimal(d))}{f' ({how_vi})' if how_vi else ''}, mẫu số "
                    f"{_vi(Decimal(d))} không được nêu trong báo cáo"
                ),
                rate.span,
                names,
                printed=rate.value,
                computed=rounded,
                denominator=d,
            )
            continue
        yield Finding(
            "rate-mismatch",
            Severity.ERROR,
            f"the {en} ({vi}) is printed as {p_en} but {tried_en}",
            _sentence(f"{vi} in {p_vi} nhưng {tried_vi}"),
            rate.span,
            names,
            printed=rate.value,
            computed=rounded,
        )


def _tried(c: Decimal, totals: Sequence[Figure], quantum: Decimal, lang: str) -> str:
    """ "253/6.776 = 37,20%" for each stated total tried, in the language's notation."""
    fmt = _vi if lang == "vi" else _en
    parts = [
        f"{fmt(c)}/{fmt(t.value)} = {fmt(_share(c, t.value).quantize(quantum, ROUND_HALF_UP))}%"
        for t in totals
    ]
    return (" hoặc " if lang == "vi" else " or ").join(parts)


def _parts_findings(report: _Group) -> Iterator[Finding]:
    total = _exact(report, "dossiers_received")
    early, on_time = _exact(report, "dossiers_early"), _exact(report, "dossiers_on_time")
    both = _exact(report, "dossiers_early_or_on_time")
    if early is not None and on_time is not None and both is not None:
        parts = early.value + on_time.value
        if parts != both.value:
            yield _sum_finding(both, (early, on_time), parts, Severity.ERROR, "parts-do-not-add-up")
    timely: list[Figure | None] = [both] if both is not None else [early, on_time]
    pieces = [*timely, _exact(report, "dossiers_late"), _exact(report, "dossiers_in_progress")]
    present = [f for f in pieces if f is not None]
    if total is not None and present:
        parts = sum((f.value for f in present), Decimal(0))
        if parts > total.value:
            yield _sum_finding(total, present, parts, Severity.ERROR, "parts-exceed-total")
        elif (
            len(present) == len(pieces)
            and parts != total.value
            and report.figure("dossiers_resolved") is None
        ):
            # Below the total is a clash only when nothing else may hold the rest: with a
            # resolved count stated, returned or withdrawn dossiers may (Thông tư
            # 01/2018/TT-VPCP Điều 17), and the flow identities check the resolved count.
            yield _sum_finding(total, present, parts, Severity.WARNING, "parts-do-not-add-up")
    for part_name, total_name in _PART_OF:
        part, whole = _exact(report, part_name), _exact(report, total_name)
        if part is not None and whole is not None and part.value > whole.value:
            yield _sum_finding(whole, (part,), part.value, Severity.ERROR, "parts-exceed-total")
    rates = [
        _exact(report, n)
        for n in (
            "dossiers_early_or_on_time_rate",
            "dossiers_late_rate",
            "dossiers_in_progress_rate",
        )
    ]
    if all(r is not None for r in rates):
        values = [r.value for r in rates if r is not None]
        tolerance = sum((_quantum(v) for v in values), Decimal(0))
        printed = sum(values, Decimal(0))
        if abs(printed - 100) > tolerance:
            first = rates[0]
            yield Finding(
                "rates-do-not-add-up",
                Severity.WARNING,
                "the rates of dossiers early or on time, late and in progress (tỷ lệ hồ sơ "
                f"trước và đúng hạn, quá hạn, đang giải quyết) add up to {_en(printed)}%, not 100%",
                f"tỷ lệ hồ sơ trước và đúng hạn, quá hạn và đang giải quyết cộng lại là "
                f"{_vi(printed)}%, không phải 100%",
                first.span if first is not None else None,
                tuple(r.name for r in rates if r is not None),
                printed=printed,
                computed=Decimal(100),
            )


def _sum_finding(
    total: Figure, parts: Sequence[Figure], value: Decimal, severity: Severity, code: str
) -> Finding:
    t_en, t_vi = _label(total.name)
    names_en = ", ".join(_label(p.name)[0] for p in parts)
    names_vi = ", ".join(_label(p.name)[1] for p in parts)
    relation_en = "exceed" if code == "parts-exceed-total" else "do not add up to"
    relation_vi = "vượt quá" if code == "parts-exceed-total" else "không khớp với"
    return Finding(
        code,
        severity,
        f"{names_en} ({_en(value)}) {relation_en} the {t_en} ({t_vi}, {_en(total.value)})",
        _sentence(f"{names_vi} (cộng {_vi(value)}) {relation_vi} {t_vi} ({_vi(total.value)})"),
        total.span,
        (total.name, *(p.name for p in parts)),
        printed=total.value,
        computed=value,
    )


# --- header, dates and outline ---------------------------------------------------------------

_DATE_IN_HEADER = re.compile(r"ngày[ \t]*+[0-9]{1,2}", re.IGNORECASE)
_NUMBER_IN_HEADER = re.compile(r"(?m)^[ \t#*_|]*+số[ \t]*+:", re.IGNORECASE)


def _header_span(parsed: ParsedReport | None, pattern: re.Pattern[str]) -> SourceSpan | None:
    if parsed is None:
        return None
    matches = list(pattern.finditer(parsed.text, 0, parsed.body[0]))
    if not matches:
        return None
    last = matches[-1]
    start = parsed.text.rfind("\n", 0, last.start()) + 1
    end = parsed.text.find("\n", last.end())
    end = len(parsed.text) if end < 0 else end
    return LineIndex(parsed.text).span(start, end)


def _date_findings(report: Report, parsed: ParsedReport | None) -> Iterator[Finding]:
    p = report.period
    when = report.header.date
    if when is None:
        yield Finding(
            "report-undated",
            Severity.INFO,
            "the report states no date (ngày ... tháng ... năm ...)",
            "Báo cáo không ghi ngày tháng năm ban hành",
        )
        return
    if p is None:
        return
    span = _header_span(parsed, _DATE_IN_HEADER)
    label_en, label_vi = p.label("en"), p.label("vi")
    if when < p.start:
        yield Finding(
            "report-before-period",
            Severity.ERROR,
            f"the report is dated {format_date(when, 'en')}, before its period ({label_en}, "
            f"kỳ báo cáo) starts on {format_date(p.start, 'en')}",
            f"Báo cáo ghi ngày {format_date(when)}, trước khi kỳ báo cáo {label_vi} bắt đầu "
            f"({format_date(p.start)})",
            span,
        )
    elif when > p.due:
        source = "581/BNV-CCHC" if p.due_is_verified else "by analogy with 581/BNV-CCHC"
        yield Finding(
            "report-after-due",
            Severity.WARNING,
            f"the report is dated {format_date(when, 'en')}, after its due date "
            f"{format_date(p.due, 'en')} (hạn gửi báo cáo, {source})",
            f"Báo cáo ghi ngày {format_date(when)}, sau hạn gửi {format_date(p.due)}",
            span,
        )
    elif when < p.end:
        yield Finding(
            "report-before-cutoff",
            Severity.INFO,
            f"the report is dated {format_date(when, 'en')}, before the end of its data "
            f"window on {format_date(p.end, 'en')} (thời gian chốt số liệu, NĐ 09/2019/NĐ-CP)",
            f"Báo cáo ghi ngày {format_date(when)}, trước khi hết thời gian chốt số liệu "
            f"({format_date(p.end)})",
            span,
        )


def _number_findings(report: Report, parsed: ParsedReport | None) -> Iterator[Finding]:
    number = report.header.number
    if number is None or number.is_draft:
        shown = f" ({number})" if number is not None else ""
        yield Finding(
            "report-unnumbered",
            Severity.INFO,
            f"the report has no number (số văn bản){shown}: a draft or a copy before issue",
            f"Báo cáo chưa có số{shown}",
            _header_span(parsed, _NUMBER_IN_HEADER),
        )


# The usual outline (581/BNV-CCHC, docs/sources.md) and the six reform areas under its part II.
_OUTLINE: tuple[tuple[frozenset[SectionRole], str, str, Severity], ...] = (
    (
        frozenset({SectionRole.DIRECTION}),
        "I. Công tác chỉ đạo, điều hành",
        "direction and steering",
        Severity.WARNING,
    ),
    (
        frozenset({SectionRole.ASSESSMENT, SectionRole.STRENGTHS, SectionRole.WEAKNESSES}),
        "III. Đánh giá chung",
        "general assessment",
        Severity.WARNING,
    ),
    (
        frozenset({SectionRole.DIRECTIONS}),
        "IV. Phương hướng, nhiệm vụ",
        "directions and tasks",
        Severity.WARNING,
    ),
    (
        frozenset({SectionRole.PROPOSALS}),
        "V. Kiến nghị, đề xuất",
        "proposals",
        Severity.INFO,
    ),
)
_RESULT_AREAS = (
    ReformArea.INSTITUTIONS,
    ReformArea.PROCEDURES,
    ReformArea.APPARATUS,
    ReformArea.CIVIL_SERVICE,
    ReformArea.PUBLIC_FINANCE,
    ReformArea.DIGITAL_GOVERNMENT,
)


def _outline_findings(report: Report) -> Iterator[Finding]:
    roles = {s.role for s in report.walk()}
    areas = {s.area for s in report.walk()}
    for wanted, vi, en, severity in _OUTLINE:
        if not roles & wanted:
            yield Finding(
                "missing-section",
                severity,
                f"the report has no section on {en} ({vi})",
                f"Báo cáo thiếu phần {vi}",
                text=vi,
            )
    for area in _RESULT_AREAS:
        if area not in areas:
            yield Finding(
                "missing-section",
                Severity.WARNING,
                f"the report has no section on {area.name_en.lower()} ({area.name_vi})",
                f"Báo cáo thiếu phần {area.name_vi}",
                text=area.name_vi,
            )


def _model_findings(report: Report, parsed: ParsedReport | None = None) -> Iterator[Finding]:
    whole = report.kind is TextKind.REPORT
    if whole:
        yield from _number_findings(report, parsed)
        yield from _date_findings(report, parsed)
    groups = _groups(report)
    for group in groups:
        seen: set[tuple[int, Decimal | None, Decimal | None]] = set()
        for finding in (
            *_rate_findings(group),
            *_parts_findings(group),
            *_flow_findings(group),
        ):
            # One clash is told once, by the first check that finds it.
            key = (finding.span.start if finding.span else -1, finding.printed, finding.computed)
            if finding.printed is not None and key in seen:
                continue
            seen.add(key)
            yield group.finding(finding)
    yield from _level_findings(groups)
    if whole and not (parsed is not None and parsed.partial):
        yield from _outline_findings(report)


# --- flows -----------------------------------------------------------------------------------

# The identities of the one-stop statistics (Thông tư 01/2018/TT-VPCP Điều 17-18, the monthly
# forms of the provincial one-stop systems): total to process = carried over + new; resolved
# = early + on time + late; due = early or on time + late + overdue in progress; in progress =
# within the limit + past it; to process = resolved + in progress (+ returned or withdrawn).
_FLOW_SUMS: tuple[tuple[str, tuple[tuple[str, ...], ...], bool], ...] = (
    # (total, alternative part lists, whether every part must be stated)
    ("dossiers_to_process", (("dossiers_carried_over", "dossiers_new"),), True),
    ("dossiers_received", (("dossiers_carried_over", "dossiers_new"),), True),
    (
        "dossiers_received",
        (("dossiers_carried_over", "dossiers_online", "dossiers_direct", "dossiers_postal"),),
        False,
    ),
    (
        "dossiers_resolved",
        (
            ("dossiers_early_or_on_time", "dossiers_late"),
            ("dossiers_early", "dossiers_on_time", "dossiers_late"),
        ),
        True,
    ),
    (
        "dossiers_in_progress",
        (("dossiers_in_progress_within", "dossiers_in_progress_overdue"),),
        True,
    ),
    ("dossiers_online", (("dossiers_online_level3", "dossiers_online_level4"),), True),
    ("dossiers_online", (("dossiers_online_full", "dossiers_online_partial"),), True),
    ("feedback_received", (("feedback_resolved", "feedback_in_progress"),), True),
    (
        "procedures_published",
        (("procedures_new", "procedures_amended", "procedures_abolished"),),
        True,
    ),
)


def _bounds(f: Figure) -> tuple[Decimal, Decimal] | None:
    """The values a figure may stand for: itself when exact; for an abbreviated count
    ("4,52 ngàn") half a unit of its last written digit either side; None when a qualifier
    ("gần", "khoảng", "trên") leaves it open."""
    if f.qualifier is not None:
        return None
    if not f.approximate:
        return f.value, f.value
    digits = re.search(r"[0-9]+(?:[.,]([0-9]+))?", f.text or "")
    places = len(digits.group(1)) if digits and digits.group(1) else 0
    multiplier = Decimal(1_000_000) if "triệu" in (f.text or "") else Decimal(1000)
    half = multiplier * Decimal(1).scaleb(-places) / 2
    return f.value - half, f.value + half


def _flow_findings(group: _Group) -> Iterator[Finding]:
    for total_name, alternatives, all_parts in _FLOW_SUMS:
        total = group.figure(total_name)
        if total is None or (t_bounds := _bounds(total)) is None:
            continue
        for names in alternatives:
            parts = [group.figure(n) for n in names]
            present = [p for p in parts if p is not None]
            if all_parts and len(present) < len(names):
                continue
            if not all_parts and (len(present) < 3 or _exact(group, "dossiers_direct") is None):
                continue
            bounds = [_bounds(p) for p in present]
            if any(b is None for b in bounds):
                break  # a qualified part ("khoảng 250") checks nothing
            low = sum((b[0] for b in bounds if b is not None), Decimal(0))
            high = sum((b[1] for b in bounds if b is not None), Decimal(0))
            value = sum((p.value for p in present), Decimal(0))
            # An abbreviated value stands for a range; a clash is a sum outside it.
            if high < t_bounds[0] or low > t_bounds[1]:
                code = (
                    "parts-do-not-add-up"
                    if total_name.startswith("procedures")
                    else ("flow-mismatch")
                )
                yield _sum_finding(total, present, value, Severity.ERROR, code)
            break
    yield from _due_findings(group)
    yield from _processing_findings(group)


def _due_findings(group: _Group) -> Iterator[Finding]:
    """Due = early or on time + late + overdue in progress, when a part besides the first is
    stated."""
    due = _exact(group, "dossiers_due")
    timely = _exact(group, "dossiers_early_or_on_time")
    rest = [_exact(group, n) for n in ("dossiers_late", "dossiers_in_progress_overdue")]
    present = [p for p in rest if p is not None]
    if due is None or timely is None or not present:
        return
    value = timely.value + sum((p.value for p in present), Decimal(0))
    if value != due.value:
        yield _sum_finding(due, [timely, *present], value, Severity.ERROR, "flow-mismatch")


def _processing_findings(group: _Group) -> Iterator[Finding]:
    """To process = resolved + in progress (+ returned). Less is a gap the unstated returned
    dossiers may fill; more is a clash, an error when the total holds the carried-over
    dossiers (to process), a warning when it is the received count a carried-over count
    the text does not state could exceed."""
    resolved, progress = _exact(group, "dossiers_resolved"), _exact(group, "dossiers_in_progress")
    if resolved is None or progress is None:
        return
    returned = _exact(group, "dossiers_returned")
    parts = [p for p in (resolved, progress, returned) if p is not None]
    value = sum((p.value for p in parts), Decimal(0))
    total = _exact(group, "dossiers_to_process")
    if total is not None:
        if value > total.value or (returned is not None and value != total.value):
            yield _sum_finding(total, parts, value, Severity.ERROR, "flow-mismatch")
        return
    received = _exact(group, "dossiers_received")
    if received is None or value <= received.value:
        return
    explained = (
        _exact(group, "dossiers_carried_over") is None and _exact(group, "dossiers_new") is None
    )
    yield _sum_finding(
        received,
        parts,
        value,
        Severity.WARNING if explained else Severity.ERROR,
        "parts-exceed-total",
    )


_LEVELS = ("level:tỉnh", "level:huyện", "level:xã")


def _level_findings(groups: Sequence[_Group]) -> Iterator[Finding]:
    """The whole unit's count against the sum of its three levels, when all are stated."""
    unit = next((g for g in groups if g.scope is None and g.period is None), None)
    levels = {g.scope: g for g in groups if g.period is None and g.scope in _LEVELS}
    if unit is None or len(levels) < len(_LEVELS):
        return
    for name, total in unit.figures.items():
        if total.unit == "%" or not total.is_exact:
            continue
        parts = [_exact(levels[key], name) for key in _LEVELS]
        present = [p for p in parts if p is not None]
        if len(present) < len(_LEVELS):
            continue
        value = sum((p.value for p in present), Decimal(0))
        if value != total.value:
            f = _sum_finding(total, present, value, Severity.ERROR, "levels-do-not-add-up")
            yield attrs.evolve(
                f,
                message=f.message + " (cấp tỉnh + cấp huyện + cấp xã)",
                message_vi=f.message_vi + " (cấp tỉnh + cấp huyện + cấp xã)",
            )


# --- wording ---------------------------------------------------------------------------------

_DUPLICATE = re.compile(r"(?<!\w)(\w++)[ \t]++(\1)(?!\w)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(\w++)[ \t]++$")
_WORD_AFTER = re.compile(r"[ \t]++(\w++)")
# Reduplicated words that Vietnamese writes on purpose ("dần dần", "người người, nhà nhà").
_REDUPLICATIONS = frozenset(
    {"dần", "từ", "thường", "ngày", "người", "nhà", "đời", "mãi", "xa", "ai", "đâu", "lâu"}
)
# Two-syllable words of administrative texts: a syllable that ends one and starts the next
# ("triển khai khai thác", "cán bộ bộ phận", "văn bản bản đồ") is written twice correctly.
_COMPOUND_LIST = """
    triển khai|khai thác|khai báo|hành chính|chính quyền|chính phủ|chính sách|chính trị|
    cán bộ|bộ phận|bộ máy|văn bản|bản đồ|thông tin|tin học|quốc gia|gia đình|tổ chức|
    chức năng|chức vụ|chức danh|công chức|nhân dân|dân tộc|dân cư|cơ quan|quan hệ|quan tâm|
    nhà nước|nước ngoài|thực hiện|hiện đại|hiện nay|hiện hành|kiểm tra|tra cứu|giải quyết|
    quyết định|quyết toán|kế hoạch|thủ tục|cải cách|cách thức|công tác|tác động|lãnh đạo|
    đạo đức|đào tạo|đơn vị|vị trí|công vụ|vụ việc|sự việc|việc làm|làm việc|kiến nghị|
    nghị quyết|nghị định|định kỳ|kỳ họp|hội nghị|tuyên truyền|truyền thông|thông báo|
    báo cáo|dịch vụ|chuyển đổi|đổi mới|tài chính|tài sản|sản xuất|điều hành|hành động|
    quản lý|lý do|xử lý|hồ sơ|sơ kết|tổng kết|kết quả|quả thực|phản ánh|số hóa|số hoá|
    hóa đơn|hoá đơn|trực tuyến|ngân sách|sách báo|phát triển|biên chế|chế độ|độ tuổi|
    viên chức|thành phố|phố phường|phường xã|hướng dẫn|dẫn đầu|điện tử|chỉ đạo|đạo luật|
    tham gia|gia tăng|tiếp nhận|nhận thức|thức ăn|chất lượng|lượng hóa|đánh giá|giá trị|
    trị giá|hoàn thành|thành viên|địa phương|phương án|án phí|người dân
"""
_COMPOUNDS = frozenset(" ".join(c.split()) for c in _COMPOUND_LIST.split("|"))
_PLAN_NOUN = re.compile(r"kế hoạch|chương trình|nhiệm vụ", re.IGNORECASE)
_NOT_A_PLAN = re.compile(
    r"đánh giá|kiểm điểm|tổng kết|sơ kết|chỉ số|công bố|kết quả|xếp loại|so với|cùng kỳ",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?]")
_REVIEW = re.compile(r"(?:sơ kết|tổng kết|báo cáo|giao ban|hội nghị)", re.IGNORECASE)
_PLAN_WINDOW = 80


def _legit_repeat(text: str, match: re.Match[str]) -> bool:
    """Whether a repeated syllable ends one word and starts the next ("triển khai khai thác")."""
    word = match.group(1).casefold()
    if word.isdigit() or word in _REDUPLICATIONS:
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    after = _WORD_AFTER.match(text, match.end())
    return (
        before is not None
        and after is not None
        and f"{before.group(1).casefold()} {word}" in _COMPOUNDS
        and f"{word} {after.group(1).casefold()}" in _COMPOUNDS
    )


def _duplicate_findings(parsed: ParsedReport, lines: LineIndex) -> Iterator[Finding]:
    start, end = parsed.body
    for m in _DUPLICATE.finditer(parsed.text, start, end):
        if _legit_repeat(parsed.text, m):
            continue
        word, phrase = m.group(1), m.group(0)
        yield Finding(
            "duplicated-word",
            Severity.WARNING,
            f"the word {word!r} is written twice: {phrase!r} (lặp từ)",
            f"Lặp từ: {phrase!r}",
            lines.span(m.start(), m.end()),
            text=phrase,
        )


def _line_before(text: str, at: int, size: int) -> str:
    line_start = text.rfind("\n", 0, at) + 1
    return text[max(line_start, at - size) : at]


def _period_findings(parsed: ParsedReport, report: Report, lines: LineIndex) -> Iterator[Finding]:
    start, end = parsed.body
    own = report.period
    if own is None:
        return
    text = parsed.text
    for mention in find_period_mentions(text[start:end]):
        at, stop = start + mention.start, start + mention.end
        phrase = text[at:stop]
        span = lines.span(at, stop)
        before = _line_before(text, at, _PLAN_WINDOW)
        if mention.year is not None and mention.year < own.year:
            # The clause the year closes: a plan or task named in it, and no review of it.
            ends = list(_CLAUSE_END.finditer(before))
            clause = before[ends[-1].end() :] if ends else before
            nouns = list(_PLAN_NOUN.finditer(clause))
            noun = nouns[-1] if nouns else None
            if noun is not None and not _NOT_A_PLAN.search(clause):
                words = text[at - len(clause) + noun.start() : stop]
                yield Finding(
                    "plan-year-mismatch",
                    Severity.WARNING,
                    f"{words!r} names a plan or task of {mention.year} (kế hoạch, nhiệm vụ) "
                    f"as work of a report on {own.label('en')}",
                    f"{words!r} nêu kế hoạch, nhiệm vụ năm {mention.year} như công việc của "
                    f"kỳ báo cáo {own.label('vi')}",
                    span,
                    text=words,
                )
            continue
        if mention.kind in (PeriodKind.YEAR, PeriodKind.MONTH):
            continue
        try:
            named = ReportingPeriod(mention.kind, mention.year or own.year, mention.number)
        except ValueError:  # pragma: no cover - a mention always names an existing period
            continue
        if named == own or named.start > own.end:
            continue  # the period itself, or a later one (a plan for the future)
        if own.start <= named.start and named.end <= own.end:
            review = _REVIEW.search(before[-40:]) is not None
            yield Finding(
                "period-narrower",
                Severity.INFO if review else Severity.WARNING,
                f"{phrase!r} names {named.label('en')}, a part of the report's period "
                f"({own.label('en')}, kỳ báo cáo)"
                + ("" if review else ": text copied from a report on that part?"),
                f"{phrase!r} chỉ là một phần của kỳ báo cáo {own.label('vi')}",
                span,
                text=phrase,
            )
        elif named.start < own.start:
            yield Finding(
                "period-outside",
                Severity.WARNING,
                f"{phrase!r} names {named.label('en')}, before the report's period "
                f"({own.label('en')}, kỳ báo cáo)",
                f"{phrase!r} nằm trước kỳ báo cáo {own.label('vi')}",
                span,
                text=phrase,
            )


_LIST_ITEM = re.compile(r"[ \t]*+([-+•*–—●○◦▪·])[ \t]++\S")
# Counts of things a report usually enumerates after stating how many there were.
_LISTED = frozenset(
    {
        "documents_issued",
        "meetings",
        "citizen_dialogues",
        "propaganda_sessions",
        "news_items",
        "tasks_assigned",
        "tasks_completed",
        "legal_documents_issued",
        "documents_self_inspected",
        "documents_to_review",
        "documents_reviewed",
    }
)
_MAX_LISTED = 200


def _line_at(text: str, pos: int) -> tuple[str, int]:
    """The line starting at ``pos`` and where the next line starts."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    return text[pos:end], end + 1


def _listed_items(text: str, figure: Figure) -> int:
    """How many items follow the figure's line when a list of the same things follows.

    The list is introduced either by the figure's own line ending with ":" ("tổ chức 03 hội
    nghị, cụ thể:") or by the next line ending with ":" and naming what is counted ("Nội dung
    các cuộc họp, hội nghị:"); its items share one marker. 0 when no such list follows.
    """
    assert figure.span is not None
    assert figure.text is not None
    noun = " ".join(figure.text.split()[1:3]).casefold().rstrip(",")
    own, pos = _line_at(text, text.rfind("\n", 0, figure.span.start) + 1)
    intro = own.rstrip().endswith(":") and "trong đó" not in own.casefold()
    count = 0
    marker: str | None = None
    while pos <= len(text) and count <= _MAX_LISTED:
        row, pos = _line_at(text, pos)
        if not row.strip():
            continue
        item = _LIST_ITEM.match(row)
        if item is None:
            named = bool(noun) and noun in row.casefold() and row.rstrip().endswith(":")
            if intro or count or not named:
                break
            intro = True
            continue
        if not intro or (marker is not None and item.group(1) != marker):
            break
        marker = item.group(1)
        count += 1
    return count


def _list_findings(parsed: ParsedReport, report: Report) -> Iterator[Finding]:
    """A count followed by a list of the things counted, of another length."""
    for figure in report.figures:
        if figure.name not in _LISTED or not figure.is_exact or figure.value == 0:
            continue
        if figure.span is None or figure.text is None:
            continue
        count = _listed_items(parsed.text, figure)
        if count and Decimal(count) != figure.value:
            en, vi = _label(figure.name)
            yield Finding(
                "list-count-mismatch",
                Severity.WARNING,
                f"the report states {_en(figure.value)} {figure.unit} ({en}, {vi}) and then "
                f"lists {count} items",
                f"Báo cáo nêu {_vi(figure.value)} {figure.unit} nhưng liệt kê {count} mục",
                figure.span,
                (figure.name,),
                printed=figure.value,
                computed=Decimal(count),
            )


def _text_findings(parsed: ParsedReport) -> Iterator[Finding]:
    if parsed.report.kind is not TextKind.REPORT or parsed.report.period is None:
        return
    lines = LineIndex(parsed.text)
    yield from _duplicate_findings(parsed, lines)
    yield from _period_findings(parsed, parsed.report, lines)
    yield from _list_findings(parsed, parsed.report)

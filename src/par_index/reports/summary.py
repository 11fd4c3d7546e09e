"""A short readable summary of a report model (``par-index example``, ``report parse``)."""

from __future__ import annotations

from collections import Counter

from par_index.core.lang import Lang, format_date, format_number
from par_index.reports.figures import STANDARD_FIGURES
from par_index.reports.model import Report, TextKind

__all__ = ["render_summary"]

_TEXT: dict[str, tuple[str, str]] = {
    "report": ("Báo cáo", "Report"),
    "unit": ("Đơn vị", "Unit"),
    "period": ("Kỳ báo cáo", "Period"),
    "window": ("số liệu từ {start} đến {end}, hạn gửi {due}", "data {start} to {end}, due {due}"),
    "number": ("Số, ký hiệu", "Number"),
    "draft": ("chưa có số", "not yet numbered"),
    "dated": ("ngày", "dated"),
    "signed": ("Người ký", "Signed by"),
    "figures": ("Số liệu", "Figures"),
    "refs": ("Văn bản được dẫn", "Documents cited"),
    "times": ("lần", "times"),
    "sections": ("Bố cục", "Outline"),
    "recipients": ("Nơi nhận", "Recipients"),
    "unknown": ("không rõ", "unknown"),
    "kind": ("Loại văn bản", "Kind of text"),
    "other_figures": ("Số liệu theo cấp, đơn vị, kỳ khác", "Figures by level, agency or period"),
    "warnings": ("Không xác định được", "Could not establish"),
}

#: What each warning of :attr:`Report.warnings` says, in Vietnamese and English (the codes
#: themselves are what JSON carries).
_WARNINGS: dict[str, tuple[str, str]] = {
    "no-number": ("số, ký hiệu văn bản", "the document's number"),
    "no-date": ("ngày ban hành", "the date"),
    "no-unit": ("đơn vị báo cáo", "the reporting unit"),
    "no-period": ("kỳ báo cáo", "the reporting period"),
    "no-figures": ("số liệu", "any figure"),
    "partial": ("phần cuối (văn bản bị cắt)", "the end (the text is cut off)"),
}


def _t(key: str, lang: Lang) -> str:
    vi, en = _TEXT[key]
    return vi if lang == "vi" else en


def _figure_label(name: str, fallback: str, lang: Lang) -> str:
    spec = STANDARD_FIGURES.get(name)
    if spec is None:
        return fallback
    return spec.label_vi if lang == "vi" else spec.label_en


def render_summary(report: Report, lang: Lang = "vi") -> str:
    """A readable summary of a report model."""
    out: list[str] = []
    out.append(f"{_t('report', lang)}: {report.title}")
    unit = report.unit.label(lang) if report.unit else _t("unknown", lang)
    out.append(f"{_t('unit', lang)}: {unit}")
    if report.kind is not TextKind.REPORT:
        kind = report.kind.name_vi if lang == "vi" else report.kind.value
        out.append(f"{_t('kind', lang)}: {kind}")
    p = report.period
    if p is not None:
        window = _t("window", lang).format(
            start=format_date(p.start, lang),
            end=format_date(p.end, lang),
            due=format_date(p.due, lang),
        )
        stated = report.stated_period
        as_stated = f"; {stated.label(lang)}" if stated is not None else ""
        out.append(f"{_t('period', lang)}: {p.label(lang)} ({window}{as_stated})")
    elif report.stated_period is not None:
        out.append(f"{_t('period', lang)}: {report.stated_period.label(lang)}")
    else:
        out.append(f"{_t('period', lang)}: {_t('unknown', lang)}")
    h = report.header
    number = str(h.number) if h.number else "—"
    if h.number is not None and h.number.is_draft:
        number += f" ({_t('draft', lang)})"
    dated = f", {h.place}" if h.place else ""
    if h.date:
        dated += f", {_t('dated', lang)} {format_date(h.date, lang)}"
    out.append(f"{_t('number', lang)}: {number}{dated}")
    if report.signatory:
        s = report.signatory
        behalf = f"{s.on_behalf}, " if s.on_behalf else ""
        out.append(f"{_t('signed', lang)}: {behalf}{s.title} {s.name}")
    out.append("")
    out.append(f"{_t('figures', lang)} ({len(report.figures)}):")
    width = max((len(_figure_label(f.name, f.label, lang)) for f in report.figures), default=0)
    for f in report.figures:
        label = _figure_label(f.name, f.label, lang)
        qualifier = ""
        if f.qualifier is not None:
            qualifier = (f.qualifier.value if lang == "vi" else f.qualifier.name_en) + " "
        value = format_number(f.value, lang)
        unit = f.unit if f.unit == "%" else f" {f.unit}"
        line = f"  {label.ljust(width)}  {qualifier}{value}{unit}"
        if f.span is not None:
            line += f"  [{'dòng' if lang == 'vi' else 'line'} {f.span.line}]"
        out.append(line)
    if report.other_figures:
        out.append("")
        out.append(f"{_t('other_figures', lang)} ({len(report.other_figures)}):")
        for f in report.other_figures:
            label = _figure_label(f.name, f.label, lang)
            where = f.scope.name if f.scope.name else _t("unit", lang).lower()
            when = f" · {f.period.label(lang)}" if f.period is not None else ""
            value = format_number(f.value, lang)
            unit = f.unit if f.unit == "%" else f" {f.unit}"
            q = (
                (f.qualifier.value if lang == "vi" else f.qualifier.name_en) + " "
                if (f.qualifier)
                else ""
            )
            out.append(f"  {label} [{where}{when}]  {q}{value}{unit}")
    if report.warnings:
        out.append("")
        said = [
            f"{_WARNINGS[w][0 if lang == 'vi' else 1]} ({w})" if w in _WARNINGS else w
            for w in report.warnings
        ]
        out.append(f"{_t('warnings', lang)}: " + ", ".join(said))
    counts = Counter(c.ref for c in report.citations)
    out.append("")
    out.append(f"{_t('refs', lang)} ({len(counts)}):")
    for ref, n in counts.items():
        out.append(f"  {ref}" + (f" ({n} {_t('times', lang)})" if n > 1 else ""))
    out.append("")
    out.append(f"{_t('sections', lang)}:")
    for section in report.walk():
        indent = "  " * section.level
        num = f"{section.numbering}. " if section.numbering else ""
        out.append(f"{indent}{num}{section.heading}")
    if report.recipients:
        out.append("")
        out.append(f"{_t('recipients', lang)}: " + "; ".join(report.recipients))
    return "\n".join(out)

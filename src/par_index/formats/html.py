"""Self-contained HTML reports: a scorecard, a ranking (with rank sensitivity) and a dossier
dashboard, in Vietnamese (default) or English.

Each page is one file that opens offline in any browser: the charts are inline SVG
(:mod:`par_index.formats.svg`), the style sheet is inline, and there is no script, font or
image from outside (a Content-Security-Policy in the page forbids any). Charts read in black
and white: classes are told by fill patterns and by their names, not by colour alone.

The functions take plain data (scorecards, a sensitivity result, rows of rates) and return
the page as text. Needs Jinja2 (``pip install 'par_index[html]'``).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Final

import attrs

from par_index.core.lang import Lang, format_number
from par_index.formats.scorecard_text import (
    _explanation_lines,
    _header_lines,
    _status,
    format_index,
    format_points,
    text,
)
from par_index.formats.svg import (
    Bar,
    HeatRow,
    Interval,
    Series,
    Threshold,
    distribution_svg,
    domain_bars_svg,
    dossier_trend_svg,
    heatmap_svg,
    rank_intervals_svg,
    ranking_bars_svg,
    render_template,
)
from par_index.frameworks.measures import MEASURES
from par_index.frameworks.model import Framework, NodeRole, Provenance
from par_index.frameworks.rules import ThresholdRule
from par_index.scoring.classification import SCHEMES, ClassificationScheme
from par_index.scoring.comparison import compare
from par_index.scoring.improvements import improvements
from par_index.scoring.ranking import Ranked, rank
from par_index.scoring.scorecard import NodeStatus, Scorecard
from par_index.scoring.sensitivity import SensitivityResult
from par_index.scoring.what_it_takes import what_it_takes
from par_index.service.columnar import GroupMeasures
from par_index.service.measures import DossierMeasures

__all__ = [
    "DashboardRow",
    "dashboard_rows",
    "dashboard_rows_of_groups",
    "dossier_thresholds",
    "ranking_charts",
    "render_dossier_dashboard_html",
    "render_ranking_html",
    "render_scorecard_html",
    "scorecard_charts",
]

_TEXT: Final[dict[str, tuple[str, str]]] = {
    "scorecard_title": ("Phiếu chấm điểm Chỉ số CCHC", "Reform index scorecard"),
    "ranking_title": ("Xếp hạng Chỉ số CCHC", "Reform index ranking"),
    "dashboard_title": ("Tình hình giải quyết hồ sơ TTHC", "Administrative procedure dossiers"),
    "domains_chart": (
        "Điểm đạt được so với điểm tối đa theo lĩnh vực",
        "Points against maximum by domain",
    ),
    "points_axis": ("Điểm", "Points"),
    "domain_axis": ("Lĩnh vực", "Domain"),
    "unit_axis": ("Đơn vị", "Unit"),
    "index_axis": ("Chỉ số (%)", "Index (%)"),
    "count_axis": ("Số đơn vị", "Number of units"),
    "rank_axis": ("Hạng (1 = cao nhất)", "Rank (1 = highest)"),
    "period_axis": ("Kỳ báo cáo", "Reporting period"),
    "rate_axis": ("Tỷ lệ (%)", "Rate (%)"),
    "ranking_chart": ("Chỉ số CCHC theo đơn vị", "Reform index by unit"),
    "heatmap_chart": ("Chỉ số theo đơn vị và lĩnh vực", "Index by unit and domain"),
    "heat_groups": ("(trung bình theo nhóm thứ tự xếp hạng)", "(mean per group of places)"),
    "places": ("Thứ tự {a}–{b}", "Places {a}–{b}"),
    "heat_legend": ("Chỉ số của lĩnh vực (%):", "Domain index (%):"),
    "distribution_chart": ("Phân bố chỉ số", "Distribution of indices"),
    "intervals_chart": (
        "Độ vững của thứ hạng: khoảng 5–95% khi trọng số thay đổi",
        "How firm each rank is: 5–95% interval as weights vary",
    ),
    "criteria": ("Điểm theo tiêu chí", "Points by criterion"),
    "improvements": (
        "Có thể cải thiện (điểm còn đạt được)",
        "Room for improvement (points attainable)",
    ),
    "gain": ("Có thể thêm", "Attainable"),
    "next_cond": ("Điều kiện", "Condition"),
    "status": ("Tình trạng", "Status"),
    "what_title": ("Để lên hạng tiếp theo", "To reach the next class"),
    "what_text": (
        "Để đạt {grade} (chỉ số từ {min}%) cần thêm {need} điểm. Ít cải thiện nhất: {n} tiêu chí, "
        "thêm {gained} điểm, chỉ số đạt {after}%.",
        "To reach {grade} (an index of {min}% or more) takes {need} more points. Fewest "
        "improvements: {n} criteria, {gained} points, index {after}%.",
    ),
    "what_none": (
        "Dù cải thiện mọi tiêu chí cũng chưa đạt {grade} (chỉ số từ {min}%).",
        "Even every improvement together does not reach {grade} (an index of {min}%).",
    ),
    "what_top": ("Đơn vị đã ở hạng cao nhất.", "The unit is in the highest class."),
    "change_title": ("So với kỳ trước", "Change from the previous scorecard"),
    "before": ("Kỳ trước", "Before"),
    "after": ("Kỳ này", "After"),
    "change": ("Thay đổi", "Change"),
    "total_row": ("Tổng điểm", "Total"),
    "index_row": ("Chỉ số", "Index"),
    "provisional_note": (
        "† tạm tính: điểm tối đa của tiêu chí chưa được xác minh từ văn bản gốc",
        "† provisional: the criterion's points are not verified against the source text",
    ),
    "code": ("Mã", "Code"),
    "max": ("Tối đa", "Max"),
    "rank": ("Hạng", "Rank"),
    "unit": ("Đơn vị", "Unit"),
    "period": ("Kỳ", "Period"),
    "points": ("Điểm", "Points"),
    "index": ("Chỉ số", "Index"),
    "class": ("Xếp loại", "Class"),
    "median": ("Hạng trung vị", "Median rank"),
    "interval": ("Khoảng 5–95%", "5–95% interval"),
    "chances": ("Xác suất xếp loại", "Class probabilities"),
    "movers": ("Tiêu chí ảnh hưởng nhất", "Criteria that move the rank most"),
    "incomplete_mark": (
        "* chưa đủ tài liệu kiểm chứng: chỉ số chưa phải kết quả cuối cùng",
        "* evidence missing: not a final index",
    ),
    "summary": (
        "{n} đơn vị; chỉ số trung bình {mean}%, trung vị {median}%.",
        "{n} units; mean index {mean}%, median {median}%.",
    ),
    "summary_classes": ("Số đơn vị theo xếp loại: {counts}.", "Units per class: {counts}."),
    "sensitivity_note": (
        "{draws} lần rút ngẫu nhiên (hạt giống {seed}): trọng số mỗi tiêu chí cấp {level} "
        "nhân với hệ số đều trong [{lo}; {hi}] rồi chuẩn hóa lại tổng điểm{thresholds}. Tiêu chí "
        "ảnh hưởng nhất: thứ hạng thay đổi bao nhiêu khi bỏ tiêu chí đó (số âm: đơn vị lên hạng).",
        "{draws} random draws (seed {seed}): each level-{level} criterion's weight multiplied by "
        "a factor uniform in [{lo}, {hi}], then rescaled to the framework total{thresholds}. "
        "Criteria that move the rank most: the change of rank when the criterion is dropped "
        "(negative: the unit rises).",
    ),
    "thresholds_note": ("; ngưỡng chọn ngẫu nhiên: {t}", "; thresholds drawn from: {t}"),
    "threshold": ("Ngưỡng QĐ 766: {t}%", "QĐ 766 threshold: {t}%"),
    "no_threshold": (
        "QĐ 766 không đặt ngưỡng cho chỉ tiêu này (điểm = tỷ lệ × điểm tối đa).",
        "QĐ 766 sets no threshold for this indicator (points = rate × maximum).",
    ),
    "more_units": (
        "Biểu đồ chỉ vẽ {shown} đơn vị đầu; bảng dưới có đủ {n} đơn vị.",
        "The chart shows the first {shown} units; the table below has all {n}.",
    ),
    "generated": (
        "Tạo bởi par_index. Trang tự chứa: không tải tệp nào từ bên ngoài.",
        "Made with par_index. Self-contained page: nothing is loaded from outside.",
    ),
    "unclassified": ("Không xếp loại", "Unclassified"),
    "all_dossiers": ("Tất cả hồ sơ", "All dossiers"),
    "partial_file": (
        "CHƯA ĐẦY ĐỦ: tính trên các dòng hợp lệ của một tệp có dòng bị loại",
        "PARTIAL: computed on the valid rows of a file with rejected rows",
    ),
}

#: The dossier measures a dashboard shows, in this order; their labels are the measure
#: registry's (``dossiers.<name>``), the same words a framework and a scorecard use.
_MEASURES: Final = (
    "on_time_rate_766",
    "early_or_on_time_rate",
    "late_rate",
    "online_submitted_rate",
    "online_rate_766",
    "paid_online_rate",
    "electronic_result_rate",
    "digitised_rate",
    "reuse_rate",
    "satisfaction_rate_5_4",
)


def _measure_label(name: str, lang: Lang) -> str:
    spec = MEASURES.get(f"dossiers.{name}")
    if spec is None:
        return name
    return spec.description_vi if lang == "vi" else spec.description_en


_TREND_UNITS: Final = 8  # lines on one trend chart before it becomes unreadable
_HEAT_ROWS: Final = 100  # rows of a heat map; more units are grouped by rank


def _rank_groups(rows: list[HeatRow], lang: Lang) -> list[HeatRow]:
    """Rows grouped into at most :data:`_HEAT_ROWS` runs of consecutive places, each cell the
    mean of the group's indices (None when none applies)."""
    size = -(-len(rows) // _HEAT_ROWS)
    out = []
    for start in range(0, len(rows), size):
        group = rows[start : start + size]
        cells = []
        for j in range(len(group[0].cells)):
            got = [v for r in group if (v := r.cells[j]) is not None]
            mean = sum(got, Decimal(0)) / len(got) if got else None
            cells.append(None if mean is None else mean.quantize(Decimal("0.01")))
        label = _t("places", lang).format(a=start + 1, b=start + len(group))
        out.append(HeatRow(label, tuple(cells)))
    return out


def _t(key: str, lang: Lang) -> str:
    vi, en = _TEXT[key]
    return vi if lang == "vi" else en


def _pct(value: Decimal | None, lang: Lang, places: int = 2) -> str:
    if value is None:
        return "—"
    return format_number(value.quantize(Decimal(1).scaleb(-places)), lang)


def _rate(value: Decimal | None, lang: Lang) -> str:
    return "—" if value is None else _pct(value * 100, lang)


def _choice_text(choice: str, lang: Lang) -> str:
    """A drawn rule choice: a threshold ("0.6") as a percentage, a rule sentence quoted."""
    try:
        value = Decimal(choice)
    except ArithmeticError:
        return f"“{choice}”"
    return format_number((value * 100).normalize(), lang) + "%"


def _page(template: str, lang: Lang, title: str, **context: object) -> str:
    return render_template(
        template, lang=lang, title=title, footer=_t("generated", lang), **context
    )


def _grade_position(scheme: ClassificationScheme | None, code: str | None) -> int | None:
    if scheme is None or code is None:
        return None
    for i, g in enumerate(scheme.grades):
        if g.code == code:
            return i
    return None


def _scheme_of(
    cards: Sequence[Scorecard], scheme: ClassificationScheme | str | None
) -> ClassificationScheme | None:
    if isinstance(scheme, ClassificationScheme):
        return scheme
    key = scheme
    if key is None:
        for c in cards:
            if c.classification is not None:
                key = c.classification.scheme
                break
    return SCHEMES.get(key) if key is not None else None


def _threshold_label(g_label: str, value: Decimal, lang: Lang) -> str:
    return f"{g_label} ≥ {format_number(value.normalize(), lang)}"


# --------------------------------------------------------------------------- scorecard


def scorecard_charts(card: Scorecard, *, lang: Lang = "vi") -> dict[str, str]:
    """The charts of a scorecard page by name: ``domains`` (points against maximum).

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    bars = []
    for n in card.nodes:
        if n.depth != 0 or n.role is not NodeRole.NORMAL:
            continue
        name = n.name_en if lang == "en" and n.name_en else n.name
        excluded = n.status in (NodeStatus.NOT_APPLICABLE, NodeStatus.SURVEY_NOT_RUN)
        bars.append(
            Bar(
                f"{n.code}. {name}",
                None if excluded and not n.max_points else n.points,
                maximum=None if excluded and not n.max_points else n.max_points,
                note="" if excluded and not n.max_points else f"({format_index(n.index, lang)})",
            )
        )
    title = f"{_t('domains_chart', lang)} — {card.unit_label(lang)}"
    return {
        "domains": domain_bars_svg(
            bars,
            title=title,
            x_label=_t("points_axis", lang),
            y_label=_t("domain_axis", lang),
            lang=lang,
        )
    }


def render_scorecard_html(
    card: Scorecard,
    *,
    previous: Scorecard | None = None,
    framework: Framework | None = None,
    scheme: ClassificationScheme | str | None = None,
    lang: Lang = "vi",
) -> str:
    """One scorecard as a page: the summary, points against maximum per domain (chart) and per
    criterion (table, provisional points marked †, with each leaf's explanation), the
    improvement list, what it takes to reach the next class, and the change from
    ``previous`` when given.

    Args:
        card: the scorecard.
        previous: the same unit's earlier scorecard of the same framework.
        framework: the framework, to show measure values in their kind (rates as %).
        scheme: the scheme for "what it takes" (the card's own when None).
        lang: "vi" or "en".

    Raises:
        InvalidScorecard: when ``previous`` is of another framework.
        MissingDependency: when Jinja2 is not installed.
    """
    places = card.places
    rows = []
    for n in card.nodes:
        name = n.name_en if lang == "en" and n.name_en else n.name
        excluded = n.status in (NodeStatus.NOT_APPLICABLE, NodeStatus.SURVEY_NOT_RUN)
        sign = ""
        if n.role is NodeRole.BONUS:
            sign = "+ "
        elif n.role is NodeRole.DEDUCTION:
            sign = "− "
        rows.append(
            {
                "code": n.code,
                "name": sign + name,
                "depth": n.depth,
                "leaf": n.is_leaf,
                "points": "—"
                if excluded and not n.max_points
                else format_points(n.points, places, lang),
                "max": "—"
                if excluded and not n.max_points
                else format_points(n.max_points, places, lang),
                "index": format_index(n.index, lang)
                if not (excluded and not n.max_points)
                else "—",
                "status": "" if n.status is NodeStatus.SCORED else _status(n.status, lang),
                "provisional": n.provenance is Provenance.PROVISIONAL and n.is_leaf,
                "notes": _explanation_lines(n, framework, lang),
            }
        )
    items = [
        {
            "code": i.code,
            "name": i.name_en if lang == "en" and i.name_en else i.name,
            "gain": format_points(i.attainable, places, lang),
            "next": (i.next_condition if lang == "vi" else i.next_condition_en) or "",
            "status": "" if i.status is NodeStatus.SCORED else _status(i.status, lang),
        }
        for i in improvements(card)
    ]
    what = _what_text(card, scheme, lang)
    change = _change_rows(previous, card, lang) if previous is not None else None
    return _page(
        "scorecard.html.j2",
        lang,
        f"{_t('scorecard_title', lang)} — {card.unit_label(lang)}",
        header=_header_lines(card, lang)[1:],
        partial=None if card.complete else text("partial", lang),
        charts=scorecard_charts(card, lang=lang),
        rows=rows,
        items=items,
        what=what,
        change=change,
        t={k: _t(k, lang) for k in _TEXT},
    )


def _what_text(
    card: Scorecard, scheme: ClassificationScheme | str | None, lang: Lang
) -> dict[str, object] | None:
    target = what_it_takes(card, scheme=scheme)
    if target is None:
        if card.classification is not None and card.classification.code is not None:
            return {"text": _t("what_top", lang), "steps": []}
        return None
    label = target.grade.label_vi if lang == "vi" else target.grade.label_en
    minimum = format_number(target.grade.min_index.normalize(), lang)
    if not target.reachable:
        return {"text": _t("what_none", lang).format(grade=label, min=minimum), "steps": []}
    text = _t("what_text", lang).format(
        grade=label,
        min=minimum,
        need=format_points(target.points_needed, card.places, lang),
        n=len(target.steps),
        gained=format_points(target.gained, card.places, lang),
        after=format_number(target.index_after, lang),
    )
    steps = [
        {
            "code": s.code,
            "name": s.name_en if lang == "en" and s.name_en else s.name,
            "gain": format_points(s.attainable, card.places, lang),
        }
        for s in target.steps
    ]
    return {"text": text, "steps": steps}


def _signed(value: Decimal, places: int, lang: Lang) -> str:
    text = format_points(abs(value), places, lang)
    if value > 0:
        return f"▲ +{text}"
    if value < 0:
        return f"▼ −{text}"
    return f"= {text}"


def _change_rows(before: Scorecard, after: Scorecard, lang: Lang) -> list[dict[str, str]]:
    cmp = compare(before, after)
    places = after.places
    rows = []
    for n in cmp.nodes:
        node = after.nodes.find(n.code) or before.nodes.find(n.code)
        if node is None or node.depth != 0:
            continue
        name = node.name_en if lang == "en" and node.name_en else node.name
        rows.append(
            {
                "name": f"{n.code}. {name}",
                "before": "—" if n.before is None else format_points(n.before, places, lang),
                "after": "—" if n.after is None else format_points(n.after, places, lang),
                "change": "—" if n.change is None else _signed(n.change, places, lang),
            }
        )
    rows.append(
        {
            "name": _t("total_row", lang),
            "before": format_points(before.points, places, lang),
            "after": format_points(after.points, places, lang),
            "change": _signed(cmp.points_change, places, lang),
        }
    )
    rows.append(
        {
            "name": _t("index_row", lang),
            "before": format_index(before.index, lang),
            "after": format_index(after.index, lang),
            "change": "—"
            if not isinstance(cmp.index_change, Decimal)
            else _signed(cmp.index_change, places, lang),
        }
    )
    return rows


# --------------------------------------------------------------------------- ranking


def _ranked(items: Iterable[Ranked | Scorecard]) -> tuple[Ranked, ...]:
    got = list(items)
    if got and all(isinstance(x, Ranked) for x in got):
        return tuple(x for x in got if isinstance(x, Ranked))
    return rank(x.scorecard if isinstance(x, Ranked) else x for x in got)


def ranking_charts(
    items: Iterable[Ranked | Scorecard],
    *,
    scheme: ClassificationScheme | str | None = None,
    sensitivity: SensitivityResult | None = None,
    lang: Lang = "vi",
) -> dict[str, str]:
    """The charts of a ranking page by name: ``ranking`` (index by unit, by class, with the
    class thresholds), ``heatmap`` (units × domains), ``distribution`` (histogram of
    indices) and, with a sensitivity result, ``intervals`` (rank intervals).

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    ranked = _ranked(items)
    cards = [r.scorecard for r in ranked]
    chosen = _scheme_of(cards, scheme)
    grades = [g.label_vi if lang == "vi" else g.label_en for g in chosen.grades] if chosen else []
    thresholds = (
        [
            Threshold(g.min_index, _threshold_label(lbl, g.min_index, lang))
            for g, lbl in zip(chosen.grades, grades, strict=True)
            if g.min_index > 0
        ]
        if chosen
        else []
    )
    bars = []
    for r in ranked:
        c = r.scorecard
        grade = None
        label = ""
        if chosen is not None and isinstance(c.index, Decimal):
            g = chosen.classify(c.index)
            grade = _grade_position(chosen, g.code) if g is not None else None
            label = (
                (g.label_vi if lang == "vi" else g.label_en)
                if g is not None
                else _t("unclassified", lang)
            )
        bars.append(
            Bar(
                c.unit_label(lang),
                c.index if isinstance(c.index, Decimal) else None,
                grade,
                label,
                note="" if c.complete else "*",
            )
        )
    first = cards[0] if cards else None
    domains = (
        [n for n in first.nodes if n.depth == 0 and n.role is NodeRole.NORMAL] if first else []
    )
    rows = []
    for c in cards:
        cells = []
        for d in domains:
            node = c.nodes.find(d.code)
            cells.append(
                node.index if node is not None and isinstance(node.index, Decimal) else None
            )
        rows.append(HeatRow(c.unit_label(lang), tuple(cells)))
    heat_title = _t("heatmap_chart", lang)
    if len(rows) > _HEAT_ROWS:
        rows = _rank_groups(rows, lang)
        heat_title += " " + _t("heat_groups", lang)
    values = [c.index for c in cards if isinstance(c.index, Decimal)]
    charts = {
        "ranking": ranking_bars_svg(
            bars,
            title=_t("ranking_chart", lang),
            x_label=_t("index_axis", lang),
            y_label=_t("unit_axis", lang),
            grades=grades,
            thresholds=thresholds,
            lang=lang,
        ),
        "heatmap": heatmap_svg(
            rows,
            [d.code for d in domains],
            title=heat_title,
            x_label=_t("domain_axis", lang),
            y_label=_t("unit_axis", lang),
            legend_label=_t("heat_legend", lang),
            lang=lang,
        ),
        "distribution": distribution_svg(
            values,
            title=_t("distribution_chart", lang),
            x_label=_t("index_axis", lang),
            y_label=_t("count_axis", lang),
            thresholds=thresholds,
            lang=lang,
        ),
    }
    if sensitivity is not None:
        charts["intervals"] = rank_intervals_svg(
            [
                Interval(
                    u.unit if lang == "vi" else u.unit_en, u.rank, u.median_rank, u.low, u.high
                )
                for u in sensitivity.units
            ],
            title=_t("intervals_chart", lang),
            x_label=_t("rank_axis", lang),
            y_label=_t("unit_axis", lang),
            lang=lang,
        )
    return charts


def render_ranking_html(
    items: Iterable[Ranked | Scorecard],
    *,
    scheme: ClassificationScheme | str | None = None,
    sensitivity: SensitivityResult | None = None,
    lang: Lang = "vi",
) -> str:
    """A ranking as a page: a summary, the index by unit (sorted, patterned by class, with the
    class thresholds), a units × domains heat map, the distribution of indices, a table, and
    with ``sensitivity`` the rank intervals, class probabilities and the criteria that move
    each rank most.

    Args:
        items: scorecards (ranked here) or a ranking from :func:`~par_index.scoring.rank`.
        scheme: the classification scheme (or its id); the scorecards' own when None.
        sensitivity: a result of :func:`~par_index.scoring.sensitivity.sensitivity` on the
            same scorecards.
        lang: "vi" or "en".

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    ranked = _ranked(items)
    cards = [r.scorecard for r in ranked]
    chosen = _scheme_of(cards, scheme)
    values = [c.index for c in cards if isinstance(c.index, Decimal)]
    by_unit = {u.unit: u for u in sensitivity.units} if sensitivity is not None else {}
    table = []
    for r in ranked:
        c = r.scorecard
        klass = ""
        if chosen is not None and isinstance(c.index, Decimal):
            g = chosen.classify(c.index)
            klass = (
                (g.label_vi if lang == "vi" else g.label_en)
                if g is not None
                else _t("unclassified", lang)
            )
        s = by_unit.get(c.unit_label("vi"))
        row: dict[str, object] = {
            "rank": "—" if r.rank is None else str(r.rank),
            "unit": c.unit_label(lang),
            "period": c.period.label(lang) if c.period is not None else "—",
            "points": format_points(c.points, c.places, lang),
            "index": format_index(c.index, lang),
            "class": klass,
            "flag": "" if c.complete else "*",
        }
        if s is not None:
            row["median"] = str(s.median_rank)
            row["interval"] = f"{s.low}–{s.high}"
            row["chances"] = "; ".join(
                f"{ch.label_vi if lang == 'vi' else ch.label_en} {_rate(ch.probability, lang)}%"
                for ch in s.classes
                if ch.probability
            )
            row["movers"] = "; ".join(f"{m.code} ({m.shift:+d})" for m in s.movers)
        table.append(row)
    summary = []
    if values:
        mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))
        median = Decimal(statistics.median(values)).quantize(Decimal("0.01"))
        summary.append(
            _t("summary", lang).format(
                n=len(cards), mean=format_number(mean, lang), median=format_number(median, lang)
            )
        )
    if chosen is not None and values:
        counts = []
        for g in chosen.grades:
            k = sum(1 for v in values if chosen.classify(v) == g)
            counts.append(f"{g.label_vi if lang == 'vi' else g.label_en} {k}")
        rest = sum(1 for v in values if chosen.classify(v) is None)
        if rest:
            counts.append(f"{_t('unclassified', lang)} {rest}")
        summary.append(_t("summary_classes", lang).format(counts=", ".join(counts)))
    note = None
    if sensitivity is not None:
        spread = sensitivity.weight_spread
        thresholds = ""
        if sensitivity.thresholds:
            thresholds = _t("thresholds_note", lang).format(
                t="; ".join(
                    f"{code} {{{', '.join(_choice_text(v, lang) for v in vs)}}}"
                    for code, vs in sensitivity.thresholds
                )
            )
        note = _t("sensitivity_note", lang).format(
            draws=sensitivity.draws,
            seed=sensitivity.seed,
            level=sensitivity.level,
            lo=format_number(Decimal(1) - spread, lang),
            hi=format_number(Decimal(1) + spread, lang),
            thresholds=thresholds,
        )
    first = cards[0] if cards else None
    name = ""
    if first is not None:
        name = (
            first.framework_name_en
            if lang == "en" and first.framework_name_en
            else first.framework_name
        )
        name = f"{name} ({first.framework_id} {first.framework_version})"
    return _page(
        "ranking.html.j2",
        lang,
        _t("ranking_title", lang),
        framework=name,
        summary=summary,
        charts=ranking_charts(ranked, scheme=chosen, sensitivity=sensitivity, lang=lang),
        table=table,
        has_sensitivity=sensitivity is not None,
        any_incomplete=any(not c.complete for c in cards),
        note=note,
        t={k: _t(k, lang) for k in _TEXT},
    )


# --------------------------------------------------------------------------- dossiers


@attrs.frozen
class DashboardRow:
    """One unit's dossier rates for one period: the data of a dossier dashboard.

    Attributes:
        unit: the unit's name.
        period: the period's label; periods appear on the charts in the order rows give them.
        rates: rates (fractions from 0 to 1) by measure name, as
            :meth:`~par_index.service.measures.DossierMeasures.ratios` names them
            (``on_time_rate_766``, ``online_rate_766``, ``digitised_rate``…); None when the
            rate has no denominator.
    """

    unit: str
    period: str
    rates: Mapping[str, Decimal | None]


def dashboard_rows(
    unit: str, measures: Iterable[DossierMeasures], *, lang: Lang = "vi"
) -> list[DashboardRow]:
    """The rows of a dashboard for one unit from its measures of several periods (in the
    order given); a rate without a denominator is None."""
    rows = []
    for m in measures:
        rates: dict[str, Decimal | None] = {}
        for name, ratio in m.ratios().items():
            rate = ratio.rate if ratio is not None else None
            rates[name] = rate if isinstance(rate, Decimal) else None
        rows.append(DashboardRow(unit, m.period.label(lang), rates))
    return rows


def dashboard_rows_of_groups(
    groups: Iterable[GroupMeasures], *, lang: Lang = "vi"
) -> list[DashboardRow]:
    """The rows of a dashboard from grouped measures (``dossiers stats --by unit,month``):
    the group's key values name the unit ("Tất cả hồ sơ" without keys), its window the
    period."""
    rows = []
    for g in groups:
        unit = " · ".join(v for _, v in g.keys) or _t("all_dossiers", lang)
        w = g.window
        period = w.period.label(lang) if w.period is not None else w.label(lang)
        rates: dict[str, Decimal | None] = {}
        for name, ratio in g.ratios:
            rate = ratio.rate if ratio is not None else None
            rates[name] = rate if isinstance(rate, Decimal) else None
        rows.append(DashboardRow(unit, period, rates))
    return rows


def _qd_766_measures() -> frozenset[str]:
    """The dossier measures the bundled QĐ 766 framework scores."""
    from par_index.frameworks.loader import get_framework  # noqa: PLC0415 - loads TOML

    return frozenset(
        leaf.measure.removeprefix("dossiers.")
        for leaf in get_framework("qd-766-2022").leaves()
        if leaf.measure and leaf.measure.startswith("dossiers.")
    )


def dossier_thresholds() -> dict[str, Decimal]:
    """The QĐ 766/QĐ-TTg thresholds by dossier measure name (``online_rate_766``: 0.5…), read
    from the threshold rules of the bundled ``qd-766-2022`` framework."""
    from par_index.frameworks.loader import get_framework  # noqa: PLC0415 - loads TOML

    out: dict[str, Decimal] = {}
    for leaf in get_framework("qd-766-2022").leaves():
        if (
            isinstance(leaf.rule, ThresholdRule)
            and leaf.measure
            and leaf.measure.startswith("dossiers.")
        ):
            out[leaf.measure.removeprefix("dossiers.")] = leaf.rule.threshold
    return out


def render_dossier_dashboard_html(
    rows: Sequence[DashboardRow],
    *,
    thresholds: Mapping[str, Decimal] | None = None,
    title: str | None = None,
    partial: bool = False,
    lang: Lang = "vi",
) -> str:
    """Dossier rates per unit and period as a page: one trend chart per measure (one line per
    unit, the QĐ 766 threshold dashed) and a table of every value.

    Args:
        rows: the rates of each unit and period (see :class:`DashboardRow`).
        thresholds: thresholds (fractions) by measure name; default :func:`dossier_thresholds`.
        title: the page's title; a default names the dossiers.
        partial: whether the rates were computed on the valid rows of a file with rejected
            ones (said at the top of the page).
        lang: "vi" or "en".

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    limits = dict(dossier_thresholds() if thresholds is None else thresholds)
    scored = _qd_766_measures()
    periods: list[str] = []
    units: list[str] = []
    measures: list[str] = []
    for r in rows:
        if r.period not in periods:
            periods.append(r.period)
        if r.unit not in units:
            units.append(r.unit)
        for m in r.rates:
            if m not in measures:
                measures.append(m)
    known = [m for m in _MEASURES if m in measures] + [m for m in measures if m not in _MEASURES]
    value = {(r.unit, r.period): r.rates for r in rows}
    charts = []
    for m in known:
        label = _measure_label(m, lang)
        series = [
            Series(u, tuple(value.get((u, p), {}).get(m) for p in periods))
            for u in units[:_TREND_UNITS]
        ]
        limit = limits.get(m)
        th = (
            Threshold(
                limit,
                _t("threshold", lang).format(t=format_number((limit * 100).normalize(), lang)),
            )
            if limit is not None
            else None
        )
        svg = dossier_trend_svg(
            periods,
            series,
            title=label,
            x_label=_t("period_axis", lang),
            y_label=_t("rate_axis", lang),
            threshold=th,
            lang=lang,
            chart_id=f"trend-{m.replace('_', '-')}",
        )
        note = _t("no_threshold", lang) if th is None and m in scored else ""
        charts.append({"svg": svg, "note": note})
    table = [
        {
            "unit": r.unit,
            "period": r.period,
            "cells": [_rate(r.rates.get(m), lang) for m in known],
        }
        for r in rows
    ]
    heads = [_measure_label(m, lang) for m in known]
    more = (
        _t("more_units", lang).format(shown=_TREND_UNITS, n=len(units))
        if len(units) > _TREND_UNITS
        else ""
    )
    return _page(
        "dossiers.html.j2",
        lang,
        title or _t("dashboard_title", lang),
        charts=charts,
        heads=heads,
        table=table,
        more=more,
        partial=_t("partial_file", lang) if partial else "",
        t={k: _t(k, lang) for k in _TEXT},
    )

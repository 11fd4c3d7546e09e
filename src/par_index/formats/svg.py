"""Charts as SVG: rankings, heat maps, distributions, points per domain, rank intervals and
dossier trends.

Each chart is one self-contained ``<svg>`` element: a ``<title>`` and ``<desc>`` for screen
readers, a visible title, both axis labels, and no script, font or image from outside. Charts
read in black and white: a class is told by its fill pattern (solid, hatched, dotted,
cross-hatched, white) and by its name written on the chart, never by colour alone. The output
is stable (fixed ordering, ids derived from the chart's name, no timestamps), so that charts
can be compared with golden files.

Geometry (scales, ticks, label places) is computed here; the markup lives in Jinja2
templates beside this module (extra ``html``: ``pip install 'par_index[html]'``).
:func:`svg_to_png` rasterises a chart with CairoSVG for documents that take pictures only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

import attrs

from par_index.core.extras import require
from par_index.core.lang import Lang, format_number

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "Bar",
    "HeatRow",
    "Interval",
    "Series",
    "Threshold",
    "distribution_svg",
    "domain_bars_svg",
    "dossier_trend_svg",
    "heatmap_svg",
    "rank_intervals_svg",
    "ranking_bars_svg",
    "svg_to_png",
]

WIDTH: Final = 760
"""The width of every chart in CSS pixels (an A4 page's printable width at 96 dpi)."""

_HUNDRED: Final = Decimal(100)
# A white outline under value labels so that threshold lines do not cross them; CairoSVG
# does not know paint-order (it would draw the outline over the letters): left out of PNGs.
_HALO: Final = ' paint-order="stroke" stroke="#fff" stroke-width="3" stroke-linejoin="round"'
_MAX_LABEL: Final = 34  # characters of a unit or criterion name before it is shortened
_CHAR_W: Final = 6.6  # average advance of a 12 px sans-serif character, in pixels

# Fills of the classes, best first: a pattern and a colour each, so that black-and-white
# prints keep them apart. The last is for "unclassified".
PATTERNS: Final = ("solid", "hatch", "dots", "cross", "plain")


_WORDS: Final[dict[str, tuple[str, str]]] = {
    "points": ("Điểm đạt được", "Points achieved"),
    "max": ("Điểm tối đa", "Maximum points"),
    "interval": ("Khoảng 5–95%", "5–95% interval"),
    "median": ("Hạng trung vị", "Median rank"),
    "rank": ("Hạng công bố", "Published rank"),
}


def _w(key: str, lang: Lang) -> str:
    vi, en = _WORDS[key]
    return vi if lang == "vi" else en


@attrs.frozen
class Bar:
    """One bar of a ranking or of a scorecard's domains.

    Attributes:
        label: the unit's or the domain's name.
        value: the index (0–100) or the points; None draws no bar ("—").
        grade: the class's position in its scheme (0 for the best), None when unclassified.
        grade_label: the class's name, written after the value.
        maximum: for points against a maximum, the maximum (drawn as an empty bar).
        note: a mark written after the value ("tạm tính", "*").
    """

    label: str
    value: Decimal | None
    grade: int | None = None
    grade_label: str = ""
    maximum: Decimal | None = None
    note: str = ""


@attrs.frozen
class Threshold:
    """A dashed line across a chart at ``value``, named ``label`` ("Tốt ≥ 80")."""

    value: Decimal
    label: str


@attrs.frozen
class HeatRow:
    """One row of a heat map: a unit and its index in each column (None: not applicable)."""

    label: str
    cells: tuple[Decimal | None, ...]


@attrs.frozen
class Interval:
    """One unit's rank and its 5–95 % interval under perturbation.

    Attributes:
        label: the unit's name.
        rank: its rank with the published weights.
        median: its median rank over the draws.
        low: the best rank of the interval (5th percentile).
        high: the worst rank of the interval (95th percentile).
    """

    label: str
    rank: int
    median: int
    low: int
    high: int


@attrs.frozen
class Series:
    """One line of a trend chart: a unit's rates (fractions) for each period."""

    label: str
    values: tuple[Decimal | None, ...]


# --------------------------------------------------------------------------- helpers


_ENV: list[jinja2.Environment] = []


def _templates() -> jinja2.Environment:
    if not _ENV:
        j2 = require("jinja2", "html")
        env: jinja2.Environment = j2.Environment(
            loader=j2.PackageLoader("par_index.formats", "templates"),
            autoescape=True,
            undefined=j2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        _ENV.append(env)
    return _ENV[0]


def render_template(name: str, **context: object) -> str:
    """Render the template ``name`` of this package with ``context``.

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    return _templates().get_template(name).render(**context)


def _num(value: Decimal | float | int, lang: Lang, places: int = 2) -> str:
    d = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return format_number(d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), lang)


def _short(text: str, width: int = _MAX_LABEL) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _two_lines(text: str) -> tuple[str, ...]:
    """A tick label on two lines, split at the space nearest its middle, when it is long."""
    if len(text) <= 10 or " " not in text:
        return (text,)
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return (text[:cut], text[cut + 1 :])


def _label_width(labels: Sequence[str]) -> float:
    longest = max((len(_short(s)) for s in labels), default=4)
    return min(240.0, max(60.0, longest * _CHAR_W + 12))


def _f(x: float) -> str:
    """A coordinate with at most one decimal (stable text, small files)."""
    r = round(x, 1)
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def _nice_step(span: float, target: int = 6) -> float:
    raw = span / max(1, target)
    mag = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return float(m * mag)
    return float(10 * mag)  # pragma: no cover - the loop ends at 10


def _ticks(top: float, target: int = 6) -> list[float]:
    step = _nice_step(top, target)
    n = math.floor(top / step + 1e-9)
    return [i * step for i in range(n + 1)]


def _tick_text(value: float, lang: Lang) -> str:
    d = Decimal(str(value)).normalize()
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    return format_number(d, lang)


def _axis(top: float, x0: float, x1: float, lang: Lang) -> list[dict[str, str]]:
    return [{"x": _f(x0 + (x1 - x0) * t / top), "text": _tick_text(t, lang)} for t in _ticks(top)]


def _frame(chart_id: str, title: str, desc: str, height: float) -> dict[str, object]:
    return {"id": chart_id, "title": title, "desc": desc, "w": WIDTH, "h": _f(height)}


def _plot_area(
    left: float,
    right: float,
    top: float,
    bottom: float,
    *,
    title: str,
    x_label: str,
    y_label: str,
    xlab_y: float,
) -> dict[str, object]:
    """What every chart template reads of its plot area: its edges, the line of x-tick labels,
    the title and the two axis labels with their places."""
    return {
        "left": _f(left),
        "right": _f(right),
        "top": _f(top),
        "bottom": _f(bottom),
        "tick_y": _f(bottom + 14),
        "x_label": x_label,
        "y_label": y_label,
        "title": title,
        "mid": _f((left + right) / 2),
        "ymid": _f((top + bottom) / 2),
        "xlab_y": _f(xlab_y),
    }


# --------------------------------------------------------------------------- charts


def ranking_bars_svg(
    bars: Sequence[Bar],
    *,
    title: str,
    x_label: str,
    y_label: str,
    grades: Sequence[str] = (),
    thresholds: Sequence[Threshold] = (),
    lang: Lang = "vi",
    chart_id: str = "ranking",
) -> str:
    """Horizontal bars of an index (0–100) per unit, in the given order, each filled with its
    class's pattern and labelled with its value and class; class thresholds as dashed lines.

    Args:
        bars: one per unit, in the order to draw (highest first).
        title: the chart's title.
        x_label: the label of the value axis.
        y_label: the label of the unit axis.
        grades: the class names, best first (the legend; a bar's ``grade`` indexes it).
        thresholds: lines to draw (the classes' minimum indices).
        lang: the language of numbers.
        chart_id: a name unique in the page (ids of patterns derive from it).

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    n = len(bars)
    row = 18.0 if n <= 40 else 12.0 if n <= 120 else max(1.0, 1800.0 / n)
    show_labels = row >= 11
    left = 40 + (_label_width([b.label for b in bars]) if show_labels else 20)
    right = WIDTH - 150
    top = 66.0 + (18 if grades else 0) + 11 * max(0, len(thresholds) - 1)
    height = top + n * row + 58
    scale = (right - left) / 100
    items = []
    for i, b in enumerate(bars):
        y = top + i * row
        value = b.value
        width = float(min(max(value, Decimal(0)), _HUNDRED)) * scale if value is not None else 0
        items.append(
            {
                "y": _f(y + 1),
                "h": _f(max(0.5, row - 2)),
                "w": _f(width),
                "ty": _f(y + row / 2 + 4),
                "tx": _f(left + width + 4),
                "label": _short(b.label),
                "full": b.label,
                "fill": PATTERNS[-1] if b.grade is None else PATTERNS[min(b.grade, 3)],
                "value": "—" if value is None else _num(value, lang),
                "grade": b.grade_label,
                "note": b.note,
            }
        )
    lines = [
        {
            "x": _f(left + float(t.value) * scale),
            "label": t.label,
            "y0": _f(top - 4 - 11 * k),
            "y1": _f(top + n * row + 2),
            "ly": _f(top - 7 - 11 * k),
        }
        for k, t in enumerate(thresholds)
    ]
    legend = [
        {
            "x": _f(left + i * 120),
            "tx": _f(left + i * 120 + 20),
            "fill": PATTERNS[min(i, 3)],
            "label": g,
        }
        for i, g in enumerate(grades)
    ]
    return render_template(
        "svg/bars.svg.j2",
        frame=_frame(chart_id, title, f"{n} {y_label}; {x_label}", height),
        items=items,
        lines=lines,
        legend=legend,
        show_labels=show_labels,
        halo=_HALO,
        label_x=_f(left - 6),
        ticks=_axis(100, left, right, lang),
        **_plot_area(
            left,
            right,
            top,
            top + n * row,
            title=title,
            x_label=x_label,
            y_label=y_label,
            xlab_y=top + n * row + 40,
        ),
    )


def domain_bars_svg(
    bars: Sequence[Bar],
    *,
    title: str,
    x_label: str,
    y_label: str,
    lang: Lang = "vi",
    chart_id: str = "domains",
) -> str:
    """Points against the maximum per domain: an empty bar for the maximum, a hatched one for
    the points, written "10,50 / 12,00"; a domain without a maximum (not applicable) is "—".

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    n = len(bars)
    row = 24.0
    left = 40 + _label_width([b.label for b in bars])
    right = WIDTH - 130
    top = 60.0
    height = top + n * row + 58
    most = max((float(b.maximum) for b in bars if b.maximum is not None), default=1.0)
    span = _ticks(most)[-1]
    if span < most:
        span += _nice_step(most)
    scale = (right - left) / span
    items = []
    for i, b in enumerate(bars):
        y = top + i * row
        cap = float(b.maximum) if b.maximum is not None else 0.0
        got = float(b.value) if b.value is not None else 0.0
        text = (
            "—"
            if b.maximum is None or b.value is None
            else f"{_num(b.value, lang)} / {_num(b.maximum, lang)}"
        )
        items.append(
            {
                "y": _f(y + 3),
                "h": _f(row - 6),
                "wmax": _f(cap * scale),
                "w": _f(got * scale),
                "ty": _f(y + row / 2 + 4),
                "tx": _f(left + cap * scale + 4),
                "label": _short(b.label),
                "full": b.label,
                "text": text + (f" {b.note}" if b.note else ""),
            }
        )
    return render_template(
        "svg/domains.svg.j2",
        frame=_frame(chart_id, title, f"{n} {y_label}; {x_label}", height),
        items=items,
        legend={
            "got": _w("points", lang),
            "got_x": _f(left + 20),
            "max": _w("max", lang),
            "max_x": _f(left + 180),
            "max_tx": _f(left + 200),
        },
        label_x=_f(left - 6),
        ticks=_axis(span, left, left + span * scale, lang),
        **_plot_area(
            left,
            right,
            top,
            top + n * row,
            title=title,
            x_label=x_label,
            y_label=y_label,
            xlab_y=top + n * row + 40,
        ),
    )


def heatmap_svg(
    rows: Sequence[HeatRow],
    columns: Sequence[str],
    *,
    title: str,
    x_label: str,
    y_label: str,
    legend_label: str,
    lang: Lang = "vi",
    chart_id: str = "heatmap",
) -> str:
    """Units × domains: each cell shaded by its index in five steps of 20 (lighter is lower),
    with the number written in it when the rows are tall enough; "—" for not applicable.

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    n = len(rows)
    row = 18.0 if n <= 40 else 12.0 if n <= 120 else max(1.0, 1800.0 / n)
    show_labels = row >= 11
    left = 40 + (_label_width([r.label for r in rows]) if show_labels else 20)
    right = WIDTH - 20
    top = 96.0
    cols = max(1, len(columns))
    cw = (right - left) / cols
    height = top + n * row + 50
    cells = []
    for i, r in enumerate(rows):
        y = top + i * row
        for j, v in enumerate(r.cells):
            step = None if v is None else min(4, int(float(v) // 20))
            cells.append(
                {
                    "x": _f(left + j * cw),
                    "y": _f(y),
                    "w": _f(cw),
                    "h": _f(row),
                    "step": "na" if step is None else str(step),
                    "text": ("—" if v is None else _num(v, lang, 0)) if row >= 11 else "",
                    "tx": _f(left + j * cw + cw / 2),
                    "ty": _f(y + row / 2 + 4),
                    "dark": step is not None and step >= 3,
                }
            )
    heads = [{"x": _f(left + j * cw + cw / 2), "text": c} for j, c in enumerate(columns)]
    steps = [
        {
            "x": _f(left + k * 80),
            "tx": _f(left + k * 80 + 20),
            "step": str(k),
            "text": f"{k * 20}–{k * 20 + 20}" if k < 4 else "80–100",
        }
        for k in range(5)
    ]
    steps.append({"x": _f(left + 400), "tx": _f(left + 420), "step": "na", "text": "—"})
    return render_template(
        "svg/heatmap.svg.j2",
        frame=_frame(chart_id, title, f"{n} {y_label} × {len(columns)} {x_label}", height),
        cells=cells,
        heads=heads,
        steps=steps,
        labels=[
            {"y": _f(top + i * row + row / 2 + 4), "text": _short(r.label), "full": r.label}
            for i, r in enumerate(rows)
        ]
        if show_labels
        else [],
        label_x=_f(left - 6),
        head_y=_f(top - 6),
        legend_y=_f(44),
        legend_box_y=_f(50),
        legend_text_y=_f(60),
        legend_label=legend_label,
        **_plot_area(
            left,
            right,
            top,
            top + n * row,
            title=title,
            x_label=x_label,
            y_label=y_label,
            xlab_y=top - 20,
        ),
    )


def distribution_svg(
    values: Sequence[Decimal],
    *,
    title: str,
    x_label: str,
    y_label: str,
    thresholds: Sequence[Threshold] = (),
    lang: Lang = "vi",
    chart_id: str = "distribution",
) -> str:
    """A histogram of indices in bins of 5 points (the last bin holds 100), with the class
    thresholds as dashed lines.

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    counts = [0] * 20
    for v in values:
        counts[min(19, max(0, int(float(v) // 5)))] += 1
    left, right, top, bottom = 70.0, WIDTH - 30.0, 90.0, 320.0
    most = max(counts, default=0)
    span = max(1.0, _ticks(max(most, 1))[-1])
    if span < most:
        span += _nice_step(most)
    bw = (right - left) / 20
    bars = [
        {
            "x": _f(left + i * bw + 1),
            "w": _f(bw - 2),
            "y": _f(bottom - (bottom - top) * c / span),
            "h": _f((bottom - top) * c / span),
            "text": str(c) if c else "",
            "tx": _f(left + i * bw + bw / 2),
            "ty": _f(bottom - (bottom - top) * c / span - 3),
        }
        for i, c in enumerate(counts)
    ]
    yticks = [
        {
            "y": _f(bottom - (bottom - top) * t / span),
            "ty": _f(bottom - (bottom - top) * t / span + 4),
            "text": _tick_text(t, lang),
        }
        for t in _ticks(span, 5)
        if t == int(t)
    ]
    lines = [
        {
            "x": _f(left + (right - left) * float(t.value) / 100),
            "label": t.label,
            "ly": _f(top - 4 - 11 * k),
        }
        for k, t in enumerate(thresholds)
    ]
    return render_template(
        "svg/histogram.svg.j2",
        frame=_frame(chart_id, title, f"{len(values)} {y_label}; {x_label}", bottom + 50),
        bars=bars,
        xticks=_axis(100, left, right, lang),
        yticks=yticks,
        lines=lines,
        ytick_x=_f(left - 6),
        **_plot_area(
            left,
            right,
            top,
            bottom,
            title=title,
            x_label=x_label,
            y_label=y_label,
            xlab_y=bottom + 40,
        ),
    )


def rank_intervals_svg(
    intervals: Sequence[Interval],
    *,
    title: str,
    x_label: str,
    y_label: str,
    lang: Lang = "vi",
    chart_id: str = "intervals",
) -> str:
    """Each unit's 5–95 % rank interval as a line, its median rank as a dot and its published
    rank as a diamond; rank 1 on the left.

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    n = len(intervals)
    most = max((max(i.high, i.rank) for i in intervals), default=1)
    row = 18.0 if n <= 40 else 12.0 if n <= 120 else max(1.0, 1800.0 / n)
    show_labels = row >= 11
    left = 40 + (_label_width([i.label for i in intervals]) if show_labels else 20)
    right = WIDTH - 30
    top = 80.0
    height = top + n * row + 58
    span = float(max(most, 2) - 1)

    def x(r: int) -> float:
        return left + (right - left) * (r - 1) / span

    items = [
        {
            "y": _f(top + k * row + row / 2),
            "dy": _f(top + k * row + row / 2 - 4),
            "x0": _f(x(i.low)),
            "x1": _f(x(i.high)),
            "xm": _f(x(i.median)),
            "xr": _f(x(i.rank)),
            "r": _f(min(4.0, row / 3)),
            "label": _short(i.label),
            "full": i.label,
            "ty": _f(top + k * row + row / 2 + 4),
            "text": f"{i.rank}: {i.low}–{i.high}",
        }
        for k, i in enumerate(intervals)
    ]
    step = max(1, int(_nice_step(span)))
    ticks = [{"x": _f(x(r)), "text": str(r)} for r in [1, *range(step, most + 1, step)]]
    return render_template(
        "svg/intervals.svg.j2",
        frame=_frame(chart_id, title, f"{n} {y_label}; {x_label}", height),
        items=items,
        show_labels=show_labels,
        ticks=ticks,
        legend={
            "interval": _w("interval", lang),
            "line_x1": _f(left + 24),
            "line_tx": _f(left + 30),
            "median": _w("median", lang),
            "dot_x": _f(left + 170),
            "dot_tx": _f(left + 180),
            "rank": _w("rank", lang),
            "rank_x": _f(left + 320),
            "rank_tx": _f(left + 330),
        },
        label_x=_f(left - 6),
        **_plot_area(
            left,
            right,
            top,
            top + n * row,
            title=title,
            x_label=x_label,
            y_label=y_label,
            xlab_y=top + n * row + 40,
        ),
    )


_MARKERS: Final = ("circle", "square", "triangle", "diamond", "cross")
_DASHES: Final = ("", "6 3", "2 3", "8 3 2 3", "1 2")


def dossier_trend_svg(
    periods: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    x_label: str,
    y_label: str,
    threshold: Threshold | None = None,
    lang: Lang = "vi",
    chart_id: str = "trend",
) -> str:
    """Rates (fractions, drawn as percentages) per period, one line per unit with its own
    marker shape and dash pattern, and the QĐ 766 threshold as a dashed line.

    Raises:
        MissingDependency: when Jinja2 is not installed.
    """
    left, right, top, bottom = 70.0, WIDTH - 170.0, 60.0, 300.0
    k = max(1, len(periods) - 1)

    def px(i: int) -> float:
        return left + (right - left) * (i / k if len(periods) > 1 else 0.5)

    def py(v: Decimal) -> float:
        return bottom - (bottom - top) * float(v)

    lines = []
    for s_i, s in enumerate(series):
        pts = [(px(i), py(v)) for i, v in enumerate(s.values) if v is not None]
        lines.append(
            {
                "points": " ".join(f"{_f(a)},{_f(b)}" for a, b in pts),
                "marks": [{"x": _f(a), "y": _f(b)} for a, b in pts],
                "marker": _MARKERS[s_i % len(_MARKERS)],
                "dash": _DASHES[s_i % len(_DASHES)],
                "label": _short(s.label, 22),
                "full": s.label,
                "ly": _f(top + 10 + s_i * 18),
                "lty": _f(top + 14 + s_i * 18),
                "lx1": _f(right + 40),
                "lmx": _f(right + 28),
                "ltx": _f(right + 46),
            }
        )
    line = None
    if threshold is not None:
        line = {
            "y": _f(py(threshold.value)),
            "ly": _f(py(threshold.value) - 4),
            "label": threshold.label,
        }
    return render_template(
        "svg/trend.svg.j2",
        frame=_frame(chart_id, title, f"{len(series)} × {len(periods)}: {y_label}", bottom + 50),
        lines=lines,
        threshold=line,
        xticks=[
            {"x": _f(px(i)), "lines": _two_lines(_short(p, 30))} for i, p in enumerate(periods)
        ],
        yticks=[
            {"y": _f(py(Decimal(t) / 100)), "ty": _f(py(Decimal(t) / 100) + 4), "text": str(t)}
            for t in range(0, 101, 20)
        ],
        ytick_x=_f(left - 6),
        legend_x=_f(right + 16),
        **_plot_area(
            left,
            right,
            top,
            bottom,
            title=title,
            x_label=x_label,
            y_label=y_label,
            xlab_y=bottom + 46,
        ),
    )


def svg_to_png(svg: str, *, scale: float = 2.0) -> bytes:
    """The chart ``svg`` as a PNG image, ``scale`` times its size (2: sharp in print).

    Raises:
        MissingDependency: when CairoSVG or the cairo library it needs is missing.
    """
    cairosvg = require("cairosvg", "html", system="cairo (apt-get install libcairo2)")
    png: bytes = cairosvg.svg2png(bytestring=svg.replace(_HALO, "").encode("utf-8"), scale=scale)
    return png

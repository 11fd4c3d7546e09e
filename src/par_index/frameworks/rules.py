"""Scoring rules: a closed set of typed kinds, and how each turns a value into points.

A rule is data, never code: one of the frozen classes below, told apart by its ``kind``.
Each kind is an archetype found in the official tables (docs/sources.md, "Rule archetypes"):

* :class:`BandsRule` — percentage or value bands with inclusive/exclusive bounds ("từ 80%
  đến dưới 100%: 0,5 điểm"); the bands must cover their range with no gap or overlap;
* :class:`CategoricalRule` — on time / late / not done → points (Cà Mau 1880/QĐ-UBND 2013,
  1.1.1 "Ban hành kế hoạch CCHC năm");
* :class:`BooleanRule` — đạt / không đạt;
* :class:`ProportionalRule` — maximum × rate;
* :class:`ThresholdRule` — full points at or above a threshold T, rate / T × maximum below
  (the QĐ 766/QĐ-TTg curve, docs/sources.md);
* :class:`SurveyRule` — a survey mean on a scale, scaled linearly to the maximum;
* :class:`ManualRule` — points given by an assessor within [0, maximum];
* :class:`PerCountRule` — so many points for each counted event, capped at the maximum
  (bonus and deduction items).

Not-applicable handling is a property of the criterion that carries the rule (see
:class:`~par_index.frameworks.model.NotApplicablePolicy`): a value of
:data:`~par_index.model.ratios.NOT_APPLICABLE` never reaches :func:`evaluate`.

Rates are fractions in [0, 1] (the measures contract); texts show them as percentages.
"""

from __future__ import annotations

import enum
import itertools
from decimal import Decimal
from typing import ClassVar, Final, TypeAlias

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidValueError, Problem
from par_index.frameworks.measures import CATEGORY_RE, MeasureKind

__all__ = [
    "RULE_KINDS",
    "Band",
    "BandsRule",
    "BooleanRule",
    "CategoricalRule",
    "Choice",
    "InvalidRule",
    "ManualRule",
    "Outcome",
    "PerCountRule",
    "ProportionalRule",
    "Rule",
    "Scale",
    "SurveyRule",
    "ThresholdRule",
    "evaluate",
    "is_monotone",
    "measure_kinds",
    "next_up",
    "rule_max_points",
    "table_points",
]

_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)


class InvalidRule(InvalidValueError):
    """A scoring rule (quy tắc chấm điểm) that contradicts itself or a value it cannot score."""

    term = "quy tắc chấm điểm"
    what = "scoring rule"


class Scale(enum.StrEnum):
    """What the bounds of a :class:`BandsRule` measure."""

    PERCENT = "percent"  # a rate in [0, 1], shown as a percentage
    VALUE = "value"  # a count or value of 0 or more, shown with the rule's unit


def _points_ok(c: Checker, value: object, path: str) -> bool:
    if not c.of_type(value, Decimal, path, "points as a Decimal"):
        return False
    assert isinstance(value, Decimal)
    return c.check(
        value.is_finite() and value >= 0, path, "negative-points", "points of 0 or more", value
    )


def _bound_ok(c: Checker, value: object, path: str, scale: object) -> bool:
    if value is None:
        return True
    if not c.of_type(value, Decimal, path, "a Decimal bound or None"):
        return False
    assert isinstance(value, Decimal)
    if scale is Scale.PERCENT:
        return c.check(
            value.is_finite() and 0 <= value <= 1,
            path,
            "bound-out-of-range",
            "a rate bound from 0 to 1 (80% is 0.8)",
            value,
        )
    return c.check(
        value.is_finite() and value >= 0, path, "bound-out-of-range", "a bound of 0 or more", value
    )


@attrs.frozen
class Band:
    """One band of a :class:`BandsRule`: the values from ``lower`` to ``upper`` earn ``points``.

    Attributes:
        points: what a value in the band earns.
        lower: the lower bound (a fraction for percentages), None for no lower bound.
        upper: the upper bound, None for no upper bound.
        lower_inclusive: "từ X" (True, X ≤ v) or "trên X" (False, X < v).
        upper_inclusive: "đến Y" (True, v ≤ Y) or "dưới Y" (False, v < Y).
        wording: the condition as the official table words it, when it differs from the
            canonical wording ("hoàn thành 100% kế hoạch"); empty otherwise.

    Raises:
        InvalidRule: for reversed or empty bounds, negative points or wrong types.
    """

    points: Decimal
    lower: Decimal | None = None
    upper: Decimal | None = None
    lower_inclusive: bool = True
    upper_inclusive: bool = False
    wording: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        _points_ok(c, self.points, "points")
        ok = _bound_ok(c, self.lower, "lower", None)
        ok = _bound_ok(c, self.upper, "upper", None) and ok
        c.of_type(self.lower_inclusive, bool, "lower_inclusive", "a bool")
        c.of_type(self.upper_inclusive, bool, "upper_inclusive", "a bool")
        c.of_type(self.wording, str, "wording", "a text")
        if ok and self.lower is not None and self.upper is not None:
            if self.lower == self.upper:
                c.check(
                    self.lower_inclusive is True and self.upper_inclusive is True,
                    "upper",
                    "empty-band",
                    "both bounds inclusive when lower equals upper (exactly that value)",
                    self.upper,
                )
            else:
                c.check(
                    self.lower < self.upper,
                    "upper",
                    "reversed-band",
                    f"an upper bound above the lower bound {self.lower}",
                    self.upper,
                )
        c.raise_if_any(InvalidRule)

    def contains(self, value: Decimal | int) -> bool:
        """Whether ``value`` falls in the band."""
        lo, hi = self.lower, self.upper
        if lo is not None and (value < lo if self.lower_inclusive else value <= lo):
            return False
        return hi is None or (value <= hi if self.upper_inclusive else value < hi)


def _start_key(band: Band) -> tuple[int, Decimal, int]:
    # Bands in the order of the values they hold: no lower bound first, then by lower bound,
    # an inclusive bound ("từ X") before an exclusive one ("trên X").
    if band.lower is None:
        return (0, _ZERO, 0)
    return (1, band.lower, 0 if band.lower_inclusive else 1)


def _coverage_problems(bands: tuple[Band, ...], scale: Scale) -> list[Problem]:
    """Gaps and overlaps of ``bands`` over the scale's range ([0, 1] or [0, ∞))."""
    order = sorted(range(len(bands)), key=lambda i: _start_key(bands[i]))
    problems: list[Problem] = []
    cursor: Decimal | None = _ZERO  # the first value not yet covered; None past infinity
    need_inclusive = True  # whether the cursor value itself is still uncovered
    for step, i in enumerate(order):
        b = bands[i]
        path = f"bands[{i}]"
        if cursor is None:
            problems.append(
                Problem(path, "band-overlap", "bands that do not overlap", _band_text(b, scale))
            )
            continue
        if b.lower is None or b.lower < cursor:
            if step > 0:
                problems.append(
                    Problem(
                        path,
                        "band-overlap",
                        f"a band starting at {_show_bound(cursor, scale)} (the previous band "
                        "ends there)",
                        _band_text(b, scale),
                    )
                )
        elif b.lower > cursor:
            problems.append(
                Problem(
                    path,
                    "band-gap",
                    f"a band starting at {_show_bound(cursor, scale)}: values from "
                    f"{_show_bound(cursor, scale)} to {_show_bound(b.lower, scale)} are in no band",
                    _band_text(b, scale),
                )
            )
        elif b.lower_inclusive != need_inclusive:
            if need_inclusive:
                problems.append(
                    Problem(
                        path,
                        "band-gap",
                        f"a band that includes {_show_bound(cursor, scale)} ('từ'): that value "
                        "is in no band",
                        _band_text(b, scale),
                    )
                )
            else:
                problems.append(
                    Problem(
                        path,
                        "band-overlap",
                        f"a band that excludes {_show_bound(cursor, scale)} ('trên'): the "
                        "previous band includes it",
                        _band_text(b, scale),
                    )
                )
        if b.upper is None:
            cursor = None
        elif b.upper >= cursor:
            cursor = b.upper
            need_inclusive = not b.upper_inclusive
    if cursor is not None:
        top = _ONE if scale is Scale.PERCENT else None
        covered = top is not None and (cursor > top or (cursor == top and not need_inclusive))
        if not covered:
            last = order[-1] if order else 0
            problems.append(
                Problem(
                    f"bands[{last}]" if order else "bands",
                    "band-gap",
                    "bands that reach the top of the range ("
                    + ("100% included" if scale is Scale.PERCENT else "no upper bound, 'trở lên'")
                    + ")",
                    f"values from {_show_bound(cursor, scale)} in no band",
                )
            )
    return problems


def _show_bound(value: Decimal, scale: Scale) -> str:
    if scale is Scale.PERCENT:
        return f"{(value * 100).normalize():f}%"
    return f"{value.normalize():f}"


def _band_text(b: Band, scale: Scale) -> str:
    lo = "−∞" if b.lower is None else _show_bound(b.lower, scale)
    hi = "+∞" if b.upper is None else _show_bound(b.upper, scale)
    left = "[" if b.lower_inclusive and b.lower is not None else "("
    right = "]" if b.upper_inclusive and b.upper is not None else ")"
    return f"{left}{lo}, {hi}{right}: {b.points.normalize():f} điểm"


@attrs.frozen
class BandsRule:
    """Percentage or value bands: the band that holds the value gives the points.

    "Hoàn thành 100% kế hoạch: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm"
    (docs/sources.md, band wording "từ X% trở lên", "từ X% đến dưới Y%", "dưới X%").

    Attributes:
        bands: the bands in the order the table lists them.
        scale: percentages of a rate (bounds are fractions) or values of a count or score.
        unit: the unit word shown after values ("buổi", "tin"); empty for percentages.

    Raises:
        InvalidRule: when the bands overlap or leave a gap on their range ([0, 1] for
            percentages, [0, ∞) for values), for bounds outside the range, or wrong types.
    """

    kind: ClassVar[str] = "bands"

    bands: tuple[Band, ...]
    scale: Scale = Scale.PERCENT
    unit: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        scale_ok = c.of_type(self.scale, Scale, "scale", "percent or value")
        if c.of_type(self.unit, str, "unit", "a unit word") and scale_ok:
            c.check(
                self.scale is Scale.VALUE or self.unit == "",
                "unit",
                "unit-on-percent",
                "no unit word on percentage bands",
                self.unit,
            )
        bands_ok = c.of_type(self.bands, tuple, "bands", "a tuple of Band") and c.check(
            len(self.bands) > 0, "bands", "no-bands", "at least one band", self.bands
        )
        if bands_ok:
            bands_ok = all(
                c.of_type(b, Band, f"bands[{i}]", "a Band") for i, b in enumerate(self.bands)
            )
        if bands_ok and scale_ok:
            for i, b in enumerate(self.bands):
                _bound_ok(c, b.lower, f"bands[{i}].lower", self.scale)
                _bound_ok(c, b.upper, f"bands[{i}].upper", self.scale)
            if not c.problems:
                c.problems.extend(_coverage_problems(self.bands, self.scale))
        c.raise_if_any(InvalidRule)

    def band_for(self, value: Decimal | int) -> int:
        """The index of the band that holds ``value``."""
        for i, b in enumerate(self.bands):
            if b.contains(value):
                return i
        raise InvalidRule(  # pragma: no cover - coverage is checked at construction
            [Problem("value", "no-band", "a value inside the bands' range", repr(value))]
        )


@attrs.frozen
class Choice:
    """One category of a :class:`CategoricalRule` and its points.

    Attributes:
        category: the measure's category (``on_time``, ``late``, ``not_done``).
        points: what that category earns.
        label: the table's words for it ("ban hành đúng thời gian").

    Raises:
        InvalidRule: for a malformed category, negative points or an empty label.
    """

    category: str
    points: Decimal
    label: str

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.category, str, "category", "a category name"):
            c.check(
                CATEGORY_RE.fullmatch(self.category) is not None,
                "category",
                "category-name",
                "a snake_case category such as on_time",
                self.category,
            )
        _points_ok(c, self.points, "points")
        if c.of_type(self.label, str, "label", "the table's words"):
            c.check(
                self.label.strip() == self.label
                and ":" not in self.label
                and ";" not in self.label
                and self.label != "",
                "label",
                "bad-label",
                "a non-empty label without ':' or ';' or surrounding spaces",
                self.label,
            )
        c.raise_if_any(InvalidRule)


@attrs.frozen
class CategoricalRule:
    """Categories → points: "Ban hành đúng thời gian: 1 điểm; ban hành chậm: 0,5 điểm; không
    ban hành: 0 điểm" (Cà Mau 1880/QĐ-UBND 2013, 1.1.1; docs/sources.md).

    Attributes:
        choices: one per category, in the table's order.

    Raises:
        InvalidRule: for fewer than two choices or a repeated category.
    """

    kind: ClassVar[str] = "categorical"

    choices: tuple[Choice, ...]

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.choices, tuple, "choices", "a tuple of Choice"):
            ok = all(
                c.of_type(ch, Choice, f"choices[{i}]", "a Choice")
                for i, ch in enumerate(self.choices)
            )
            c.check(
                len(self.choices) >= 2,
                "choices",
                "too-few-choices",
                "at least two choices",
                len(self.choices),
            )
            if ok:
                seen: set[str] = set()
                for i, ch in enumerate(self.choices):
                    c.check(
                        ch.category not in seen,
                        f"choices[{i}].category",
                        "duplicate-category",
                        "each category once",
                        ch.category,
                    )
                    seen.add(ch.category)
        c.raise_if_any(InvalidRule)

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories in the table's order."""
        return tuple(ch.category for ch in self.choices)


@attrs.frozen
class BooleanRule:
    """Met / not met: "Đạt: 1 điểm; không đạt: 0 điểm".

    Attributes:
        true_points: points when the fact holds.
        false_points: points when it does not.
        true_label: the table's words for "met" ("đạt", "có", "gửi đúng thời gian").
        false_label: the words for "not met" ("không đạt").

    Raises:
        InvalidRule: for negative points or empty labels.
    """

    kind: ClassVar[str] = "boolean"

    true_points: Decimal
    false_points: Decimal = _ZERO
    true_label: str = "đạt"
    false_label: str = "không đạt"

    def __attrs_post_init__(self) -> None:
        c = Checker()
        _points_ok(c, self.true_points, "true_points")
        _points_ok(c, self.false_points, "false_points")
        for name in ("true_label", "false_label"):
            value = getattr(self, name)
            if c.of_type(value, str, name, "the table's words"):
                c.check(
                    value.strip() == value
                    and value != ""
                    and ":" not in value
                    and ";" not in value,
                    name,
                    "bad-label",
                    "a non-empty label without ':' or ';' or surrounding spaces",
                    value,
                )
        c.raise_if_any(InvalidRule)


@attrs.frozen
class ProportionalRule:
    """Maximum × rate: "Điểm = tỷ lệ đạt được × điểm tối đa" (docs/sources.md, proportional)."""

    kind: ClassVar[str] = "proportional"


@attrs.frozen
class ThresholdRule:
    """Full points at or above ``threshold``, else rate / threshold × maximum.

    The QĐ 766/QĐ-TTg curve (docs/sources.md: "full points at threshold T, linear below").

    Attributes:
        threshold: T as a fraction in (0, 1] (80% is ``Decimal("0.8")``).

    Raises:
        InvalidRule: for a threshold outside (0, 1].
    """

    kind: ClassVar[str] = "threshold"

    threshold: Decimal

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.threshold, Decimal, "threshold", "a Decimal fraction"):
            c.check(
                self.threshold.is_finite() and 0 < self.threshold <= 1,
                "threshold",
                "threshold-range",
                "a threshold above 0 and at most 1 (80% is 0.8)",
                self.threshold,
            )
        c.raise_if_any(InvalidRule)


@attrs.frozen
class SurveyRule:
    """A survey mean on the scale [low, high] scaled linearly to the maximum.

    points = (mean − low) / (high − low) × maximum (docs/sources.md: "survey mean scaled to
    max"). The mean comes from the assessment's survey results for the criterion.

    Attributes:
        low: the lowest answer of the scale (1 on a 1–5 scale).
        high: the highest answer.

    Raises:
        InvalidRule: unless 0 ≤ low < high.
    """

    kind: ClassVar[str] = "survey"

    low: Decimal
    high: Decimal

    def __attrs_post_init__(self) -> None:
        c = Checker()
        ok = c.of_type(self.low, Decimal, "low", "a Decimal")
        ok = c.of_type(self.high, Decimal, "high", "a Decimal") and ok
        if ok:
            c.check(
                self.low.is_finite() and self.low >= 0,
                "low",
                "scale-range",
                "a scale starting at 0 or more",
                self.low,
            )
            c.check(
                self.high.is_finite() and self.high > self.low,
                "high",
                "scale-range",
                f"a top of the scale above {self.low}",
                self.high,
            )
        c.raise_if_any(InvalidRule)


@attrs.frozen
class ManualRule:
    """Points given by an assessor within [0, maximum], read from the assessment."""

    kind: ClassVar[str] = "manual"


@attrs.frozen
class PerCountRule:
    """So many points for each counted event, capped at the maximum.

    "Mỗi sáng kiến: 0,5 điểm" on a bonus item of at most 1 point; on a deduction item the
    points are taken away (the criterion's role says which).

    Attributes:
        points_each: points per event.
        unit: what is counted ("sáng kiến", "báo cáo chậm").

    Raises:
        InvalidRule: for points that are not positive or an empty unit.
    """

    kind: ClassVar[str] = "per_count"

    points_each: Decimal
    unit: str

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.points_each, Decimal, "points_each", "a Decimal"):
            c.check(
                self.points_each.is_finite() and self.points_each > 0,
                "points_each",
                "points-each",
                "points above 0",
                self.points_each,
            )
        if c.of_type(self.unit, str, "unit", "what is counted"):
            c.check(
                self.unit.strip() == self.unit and self.unit != "" and ":" not in self.unit,
                "unit",
                "bad-label",
                "a non-empty unit without ':' or surrounding spaces",
                self.unit,
            )
        c.raise_if_any(InvalidRule)


Rule: TypeAlias = (
    BandsRule
    | CategoricalRule
    | BooleanRule
    | ProportionalRule
    | ThresholdRule
    | SurveyRule
    | ManualRule
    | PerCountRule
)
"""Every kind of rule."""

RULE_KINDS: Final[dict[str, type[Rule]]] = {
    cls.kind: cls
    for cls in (
        BandsRule,
        CategoricalRule,
        BooleanRule,
        ProportionalRule,
        ThresholdRule,
        SurveyRule,
        ManualRule,
        PerCountRule,
    )
}
"""The rule classes by their ``kind`` tag."""


def rule_max_points(rule: Rule) -> Decimal | None:
    """The most points the rule's own table gives, or None when it gives the maximum."""
    if isinstance(rule, BandsRule):
        return max(b.points for b in rule.bands)
    if isinstance(rule, CategoricalRule):
        return max(ch.points for ch in rule.choices)
    if isinstance(rule, BooleanRule):
        return max(rule.true_points, rule.false_points)
    return None


def measure_kinds(rule: Rule) -> frozenset[MeasureKind]:
    """The measure kinds the rule can read; empty for rules that read the assessment."""
    if isinstance(rule, BandsRule):
        if rule.scale is Scale.PERCENT:
            return frozenset({MeasureKind.RATE})
        return frozenset({MeasureKind.COUNT, MeasureKind.VALUE})
    if isinstance(rule, CategoricalRule):
        return frozenset({MeasureKind.CATEGORY})
    if isinstance(rule, BooleanRule):
        return frozenset({MeasureKind.BOOLEAN})
    if isinstance(rule, ProportionalRule | ThresholdRule):
        return frozenset({MeasureKind.RATE})
    if isinstance(rule, PerCountRule):
        return frozenset({MeasureKind.COUNT})
    return frozenset()


def is_monotone(rule: Rule) -> bool:
    """Whether a better value never earns fewer points.

    Bands are monotone when their points never fall from one band to the next higher one; a
    boolean rule when "met" earns at least "not met". Proportional, threshold, survey and
    per-count rules always are; categorical and manual rules have no order of values.
    """
    if isinstance(rule, BandsRule):
        ordered = sorted(rule.bands, key=_start_key)
        return all(a.points <= b.points for a, b in itertools.pairwise(ordered))
    if isinstance(rule, BooleanRule):
        return rule.true_points >= rule.false_points
    return not isinstance(rule, CategoricalRule | ManualRule)


@attrs.frozen
class Outcome:
    """What a rule gave for one value.

    Attributes:
        points: the points earned, within [0, maximum].
        hit: the index of the band or choice that held the value (0 for "met" and 1 for
            "not met" of a boolean rule); None for curves.
        next_hit: the index of the band or choice worth the fewest points above ``points``.
        next_points: what ``next_hit`` (or ``target``) earns.
        target: for curves, the value that earns the full maximum.
    """

    points: Decimal
    hit: int | None = None
    next_hit: int | None = None
    next_points: Decimal | None = None
    target: Decimal | None = None


def _bad(expected: str, value: object) -> InvalidRule:
    return InvalidRule([Problem("value", "bad-value", expected, repr(value))])


def _is_rate(value: object) -> bool:
    return isinstance(value, Decimal) and value.is_finite() and 0 <= value <= 1


def evaluate(rule: Rule, value: object, max_points: Decimal) -> Outcome:
    """Score ``value`` under ``rule`` for a criterion worth ``max_points``.

    Args:
        rule: the rule.
        value: the measure's value (a rate, count, fact or category), the survey mean for a
            :class:`SurveyRule` or the assessor's points for a :class:`ManualRule`; never
            :data:`~par_index.model.ratios.NOT_APPLICABLE` (the criterion handles that).
        max_points: the criterion's maximum.

    Returns:
        The points, capped at ``max_points``, with the band hit and the next band up.

    Raises:
        InvalidRule: when the value is of the wrong kind or outside its range.
    """
    got, hit, more, target = _evaluate(rule, value, max_points)
    if hit is None:
        return Outcome(got, None, None, more, target)
    nxt, nxt_pts = next_up(table_points(rule, max_points), got)
    return Outcome(got, hit, nxt, nxt_pts)


def table_points(rule: Rule, max_points: Decimal) -> tuple[Decimal, ...]:
    """The points of each band or choice (met, not met for a boolean rule), capped at
    ``max_points``; empty for rules without a table."""
    if isinstance(rule, BandsRule):
        return tuple(min(b.points, max_points) for b in rule.bands)
    if isinstance(rule, CategoricalRule):
        return tuple(min(c.points, max_points) for c in rule.choices)
    if isinstance(rule, BooleanRule):
        return (min(rule.true_points, max_points), min(rule.false_points, max_points))
    return ()


def next_up(points: tuple[Decimal, ...], current: Decimal) -> tuple[int | None, Decimal | None]:
    """The index and points of the entry worth the fewest points above ``current``."""
    best: int | None = None
    for i, p in enumerate(points):
        if p > current and (best is None or p < points[best]):
            best = i
    return best, (None if best is None else points[best])


_Result: TypeAlias = tuple[Decimal, int | None, Decimal | None, Decimal | None]


def _evaluate(rule: Rule, value: object, max_points: Decimal) -> _Result:
    """The scoring loop's fast path of :func:`evaluate`: (points, hit, points for full
    marks on a curve, value that earns them)."""
    if isinstance(rule, BandsRule):
        if rule.scale is Scale.PERCENT:
            if not _is_rate(value):
                raise _bad("a rate: a Decimal fraction from 0 to 1", value)
        elif (
            not isinstance(value, Decimal | int)
            or isinstance(value, bool)
            or not (value >= 0)
            or (isinstance(value, Decimal) and not value.is_finite())
        ):
            raise _bad("a count or value of 0 or more", value)
        assert isinstance(value, Decimal | int)
        hit = rule.band_for(value)
        return (min(rule.bands[hit].points, max_points), hit, None, None)
    if isinstance(rule, BooleanRule):
        if not isinstance(value, bool):
            raise _bad("true or false", value)
        if value:
            return (min(rule.true_points, max_points), 0, None, None)
        return (min(rule.false_points, max_points), 1, None, None)
    if isinstance(rule, CategoricalRule):
        for i, ch in enumerate(rule.choices):
            if ch.category == value:
                return (min(ch.points, max_points), i, None, None)
        raise _bad("one of the categories " + ", ".join(rule.categories), value)
    if isinstance(rule, ProportionalRule):
        if not _is_rate(value):
            raise _bad("a rate: a Decimal fraction from 0 to 1", value)
        assert isinstance(value, Decimal)
        got = max_points * value
        return (got, None, max_points if got < max_points else None, _ONE)
    if isinstance(rule, ThresholdRule):
        if not _is_rate(value):
            raise _bad("a rate: a Decimal fraction from 0 to 1", value)
        assert isinstance(value, Decimal)
        if value >= rule.threshold:
            return (max_points, None, None, rule.threshold)
        return (value / rule.threshold * max_points, None, max_points, rule.threshold)
    if isinstance(rule, SurveyRule):
        if (
            not isinstance(value, Decimal)
            or not value.is_finite()
            or not rule.low <= value <= rule.high
        ):
            raise _bad(f"a survey mean from {rule.low} to {rule.high}", value)
        got = (value - rule.low) / (rule.high - rule.low) * max_points
        return (got, None, max_points if got < max_points else None, rule.high)
    if isinstance(rule, ManualRule):
        if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= max_points:
            raise _bad(f"points from 0 to the maximum {max_points}", value)
        return (value, None, None, None)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad("a count: a whole number of 0 or more", value)
    return (min(rule.points_each * value, max_points), None, None, None)

"""Hypothesis strategies for frameworks, rules and evidence (re-exported by
``par_index.testing.strategies``). Every draw is valid: frameworks load, rules render and parse
back,
evidence suits its framework's measures.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from hypothesis import strategies as st

from par_index.frameworks.measures import (
    MEASURES,
    TIMELINESS_CATEGORIES,
    MeasureKind,
    MeasureOrigin,
    MeasureSpec,
    MeasureValue,
)
from par_index.frameworks.model import (
    Component,
    Criterion,
    Framework,
    NodeRole,
    NotApplicablePolicy,
    Provenance,
)
from par_index.frameworks.rules import (
    RULE_KINDS,
    Band,
    BandsRule,
    BooleanRule,
    CategoricalRule,
    Choice,
    ManualRule,
    PerCountRule,
    ProportionalRule,
    Rule,
    Scale,
    SurveyRule,
    ThresholdRule,
    measure_kinds,
)
from par_index.model.ratios import NOT_APPLICABLE
from par_index.scoring.evidence import (
    AppraisalRound,
    Assessment,
    CriterionAssessment,
    Evidence,
    Measurement,
    SurveyResult,
)

__all__ = ["evidence", "framework_evidence", "frameworks", "rules"]

_HUNDRED: Final = Decimal(100)
_QUARTER: Final = Decimal("0.25")

# Words that the rule parser reads back to the same rule (see frameworks.text).
_CATEGORY_LABELS: Final = {
    "on_time": ("đúng thời gian", "ban hành đúng thời gian", "gửi đúng hạn"),
    "late": ("chậm", "ban hành chậm", "gửi quá hạn"),
    "not_done": ("không ban hành", "không gửi", "không thực hiện"),
}
_BOOLEAN_LABELS: Final = (
    ("đạt", "không đạt"),
    ("có", "không"),
    ("ban hành kế hoạch", "không ban hành kế hoạch"),
    ("gửi đúng thời gian", "gửi không đúng thời gian"),
)
_UNITS: Final = ("buổi", "tin", "cuộc", "văn bản", "hội nghị", "người")
_COUNTED: Final = ("sáng kiến", "báo cáo chậm", "mô hình, sáng kiến")

# Registered measures by kind, for leaves to read.
_BY_KIND: Final = {
    kind: tuple(sorted(n for n, s in MEASURES.items() if s.kind is kind)) for kind in MeasureKind
}
_TIMELINESS_MEASURES: Final = tuple(
    sorted(
        n
        for n, s in MEASURES.items()
        if s.kind is MeasureKind.CATEGORY and s.categories == TIMELINESS_CATEGORIES
    )
)
# A deduction reads a measure of its own, declared by the framework (not shared).
_DEDUCTION_MEASURE: Final = MeasureSpec(
    "custom.reprimands",
    MeasureKind.COUNT,
    "Số lần bị cấp trên phê bình về CCHC",
    "Reprimands from the level above",
    MeasureOrigin.FRAMEWORK,
)


def _points(low: int = 0, high: int = 40) -> st.SearchStrategy[Decimal]:
    """Multiples of 0.25 from ``low``/4 to ``high``/4."""
    return st.integers(low, high).map(lambda k: Decimal(k) * _QUARTER)


@st.composite
def _bands(draw: st.DrawFn, best: Decimal | None, monotone: bool) -> BandsRule:
    scale = draw(st.sampled_from(Scale))
    if scale is Scale.PERCENT:
        cuts = sorted(draw(st.sets(st.integers(1, 99), min_size=1, max_size=4)))
        bounds = [Decimal(c) / _HUNDRED for c in cuts]
        unit = ""
    else:
        cuts = sorted(draw(st.sets(st.integers(1, 30), min_size=1, max_size=4)))
        bounds = [Decimal(c) for c in cuts]
        unit = draw(st.sampled_from(_UNITS))
    # Each cut is included by the band above it ("từ X") or the band below ("đến X").
    upper_takes = [draw(st.booleans()) for _ in bounds]
    n = len(bounds) + 1
    top = best if best is not None else draw(_points(1, 20))
    pts = [draw(_points(0, int(top / _QUARTER))) for _ in range(n - 1)] + [top]
    if monotone:
        pts = sorted(pts)
    else:
        draw(st.randoms()).shuffle(pts)
        if best is not None and best not in pts:  # pragma: no cover - top is always kept
            pts[-1] = best
    exact_top = scale is Scale.PERCENT and draw(st.booleans()) and bounds[-1] < 1
    bands: list[Band] = []
    for i in range(n):
        lower = bounds[i - 1] if i > 0 else None
        upper = bounds[i] if i < len(bounds) else None
        lower_incl = not upper_takes[i - 1] if i > 0 else True
        upper_incl = upper_takes[i] if i < len(bounds) else False
        if exact_top and i == n - 1:
            upper, upper_incl = Decimal(1), False
        bands.append(Band(pts[i], lower, upper, lower_incl, upper_incl))
    if exact_top:
        bands.append(Band(pts[-1], Decimal(1), Decimal(1), upper_inclusive=True))
        # The band below 100% earns what the top band earned before.
        bands[-2] = Band(
            pts[-2] if monotone else bands[-2].points,
            bands[-2].lower,
            bands[-2].upper,
            lower_inclusive=bands[-2].lower_inclusive,
            upper_inclusive=False,
        )
    order = draw(st.sampled_from(["high-first", "low-first"]))
    return BandsRule(tuple(reversed(bands) if order == "high-first" else bands), scale, unit)


@st.composite
def _rule(draw: st.DrawFn, kind: str, best: Decimal | None, monotone: bool) -> Rule:
    top = best if best is not None else draw(_points(1, 20))
    if kind == "bands":
        return draw(_bands(best, monotone))
    if kind == "categorical":
        cats = list(TIMELINESS_CATEGORIES)
        draw(st.randoms()).shuffle(cats)
        pts = [top] + [draw(_points(0, int(top / _QUARTER))) for _ in cats[1:]]
        return CategoricalRule(
            tuple(
                Choice(c, p, draw(st.sampled_from(_CATEGORY_LABELS[c])))
                for c, p in zip(cats, pts, strict=True)
            )
        )
    if kind == "boolean":
        yes, no = draw(st.sampled_from(_BOOLEAN_LABELS))
        other = draw(_points(0, int(top / _QUARTER)))
        if monotone or draw(st.booleans()):
            return BooleanRule(top, other, yes, no)
        return BooleanRule(other, top, yes, no)
    if kind == "proportional":
        return ProportionalRule()
    if kind == "threshold":
        return ThresholdRule(Decimal(draw(st.integers(1, 100))) / _HUNDRED)
    if kind == "survey":
        low = draw(st.sampled_from([Decimal(0), Decimal(1)]))
        return SurveyRule(low, draw(st.sampled_from([Decimal(4), Decimal(5), Decimal(10)])))
    if kind == "manual":
        return ManualRule()
    return PerCountRule(
        draw(st.sampled_from([_QUARTER, Decimal("0.5"), Decimal(1)])),
        draw(st.sampled_from(_COUNTED)),
    )


def rules(
    *,
    kinds: st.SearchStrategy[str] = st.sampled_from(sorted(RULE_KINDS)),  # noqa: B008
    monotone: bool = False,
) -> st.SearchStrategy[Rule]:
    """Valid rules of every kind, in the words the rule parser reads back.

    Args:
        kinds: the rule kinds to draw (``bands``, ``categorical``, ...).
        monotone: draw only bands and boolean rules where a better value never earns less.
    """
    return kinds.flatmap(lambda k: _rule(k, None, monotone))


class _Tree:
    """Builds one framework tree with codes and points that add up."""

    def __init__(self, draw: st.DrawFn, monotone: bool, max_depth: int) -> None:
        self.draw = draw
        self.monotone = monotone
        self.max_depth = max_depth
        self.uses_deduction = False

    def leaf(self, code: str, survey: bool) -> Criterion:
        draw = self.draw
        max_points = draw(st.sampled_from([Decimal("0.5"), Decimal(1), Decimal(2), Decimal(3)]))
        if survey:
            kind = "survey"
        else:
            kind = draw(
                st.sampled_from(
                    ["bands", "categorical", "boolean", "proportional", "threshold", "manual"]
                )
            )
        rule = draw(_rule(kind, max_points, self.monotone))
        measure = self._measure(rule)
        return Criterion(
            code,
            f"Tiêu chí {code}",
            max_points,
            source="Thử nghiệm (Hypothesis)",
            provenance=draw(st.sampled_from(Provenance)),
            rule=rule,
            measure=measure,
            not_applicable=draw(st.sampled_from(NotApplicablePolicy)),
        )

    def _measure(self, rule: Rule) -> str | None:
        kinds = measure_kinds(rule)
        if not kinds:
            return None
        if isinstance(rule, CategoricalRule):
            return self.draw(st.sampled_from(_TIMELINESS_MEASURES))
        names = sorted(n for k in kinds for n in _BY_KIND[k] if n != "innovation.initiatives")
        return self.draw(st.sampled_from(names))

    def node(self, code: str, depth: int, survey: bool) -> Criterion:
        draw = self.draw
        if depth >= self.max_depth or draw(st.integers(0, 2)) == 0:
            return self.leaf(code, survey)
        count = draw(st.integers(1, 3))
        children = [self.node(f"{code}.{j + 1}", depth + 1, survey) for j in range(count)]
        total = sum((c.max_points for c in children), Decimal(0))
        if not survey and draw(st.integers(0, 3)) == 0:
            cap = draw(st.sampled_from([Decimal("0.5"), Decimal(1)]))
            bonus = draw(st.booleans())
            if not bonus:
                self.uses_deduction = True
            children.append(
                Criterion(
                    f"{code}.{count + 1}",
                    "Điểm thưởng" if bonus else "Điểm trừ",
                    cap,
                    source="Thử nghiệm (Hypothesis)",
                    role=NodeRole.BONUS if bonus else NodeRole.DEDUCTION,
                    rule=PerCountRule(draw(st.sampled_from([_QUARTER, Decimal("0.5")])), "lần"),
                    measure="innovation.initiatives" if bonus else _DEDUCTION_MEASURE.name,
                )
            )
        return Criterion(
            code,
            f"Nhóm {code}",
            total,
            source="Thử nghiệm (Hypothesis)",
            children=tuple(children),
        )


@st.composite
def _frameworks(draw: st.DrawFn, monotone: bool, max_depth: int, survey: bool | None) -> Framework:
    tree = _Tree(draw, monotone, max_depth)
    count = draw(st.integers(1, 4))
    with_survey = draw(st.booleans()) if survey is None else survey
    tops = [tree.node(str(i + 1), 1, survey=False) for i in range(count)]
    components: list[Component] = []
    appraised = sum((t.max_points for t in tops), Decimal(0))
    if with_survey:
        top = tree.node(str(count + 1), 1, survey=True)
        tops = [*tops, top]
        components = [
            Component("appraised", "Điểm thẩm định", appraised),
            Component("survey", "Điểm điều tra xã hội học", top.max_points, survey=True),
        ]
        tops = [
            *(
                Criterion(
                    t.code,
                    t.name,
                    t.max_points,
                    source=t.source,
                    children=t.children,
                    rule=t.rule,
                    measure=t.measure,
                    not_applicable=t.not_applicable,
                    provenance=t.provenance,
                    component="appraised",
                )
                for t in tops[:-1]
            ),
            Criterion(
                top.code,
                top.name,
                top.max_points,
                source=top.source,
                children=top.children,
                rule=top.rule,
                measure=top.measure,
                provenance=top.provenance,
                component="survey",
            ),
        ]
    else:
        components = [Component("appraised", "Điểm thẩm định", appraised)]
    total = sum((c.max_points for c in components), Decimal(0))
    return Framework(
        id="thu-nghiem",
        version=str(draw(st.integers(1, 9))),
        name="Bộ tiêu chí thử nghiệm",
        criteria=tuple(tops),
        components=tuple(components),
        max_points=total,
        illustrative=True,
        classification=draw(st.sampled_from([None, "national", "quang-tri-3009-2017"])),
        measures=(_DEDUCTION_MEASURE,) if tree.uses_deduction else (),
    )


def frameworks(
    *, monotone: bool = False, max_depth: int = 3, survey: bool | None = None
) -> st.SearchStrategy[Framework]:
    """Valid frameworks: codes that extend their parent's, points that add up, rules whose
    best case is the maximum, measures of the right kind, bonus and deduction leaves, and
    (sometimes) a survey component.

    Args:
        monotone: only rules where a better value never earns fewer points.
        max_depth: the deepest level of the tree (1 for domains only).
        survey: True or False to force or forbid a survey component; None for either.
    """
    return _frameworks(monotone, max_depth, survey)


# The strategy above, for the functions whose parameter of the same name shadows it.
_all_frameworks = frameworks


def _value(draw: st.DrawFn, spec: MeasureSpec) -> MeasureValue:
    kind = spec.kind
    if kind is MeasureKind.RATE:
        return Decimal(draw(st.integers(0, 10_000))) / Decimal(10_000)
    if kind is MeasureKind.COUNT:
        return draw(st.integers(0, 40))
    if kind is MeasureKind.VALUE:
        return Decimal(draw(st.integers(0, 400))) / Decimal(10)
    if kind is MeasureKind.BOOLEAN:
        return draw(st.booleans())
    return draw(st.sampled_from(spec.categories))


@st.composite
def _evidence(
    draw: st.DrawFn,
    framework: Framework,
    allow_missing: bool,
    allow_not_applicable: bool,
    survey: bool | None,
) -> Evidence:
    measures: dict[str, Measurement] = {}
    criteria: list[CriterionAssessment] = []
    results: list[SurveyResult] = []
    run = draw(st.booleans()) if survey is None else survey
    for leaf in framework.leaves():
        rule = leaf.rule
        if isinstance(rule, ManualRule):
            if allow_missing and draw(st.integers(0, 4)) == 0:
                continue
            score = Decimal(draw(st.integers(0, int(leaf.max_points / _QUARTER)))) * _QUARTER
            rounds = tuple(
                AppraisalRound(i + 1, score, "nhận xét") for i in range(draw(st.integers(0, 2)))
            )
            criteria.append(CriterionAssessment(leaf.code, self_score=score, rounds=rounds))
            continue
        if isinstance(rule, SurveyRule):
            if run:
                steps = int((rule.high - rule.low) * 10)
                mean = rule.low + Decimal(draw(st.integers(0, steps))) / Decimal(10)
                results.append(SurveyResult(leaf.code, mean, draw(st.integers(1, 500))))
            continue
        assert leaf.measure is not None
        if leaf.measure in measures:
            continue
        if allow_missing and draw(st.integers(0, 6)) == 0:
            continue
        spec = framework.measure_spec(leaf.measure)
        assert spec is not None
        value: MeasureValue
        if allow_not_applicable and draw(st.integers(0, 6)) == 0:
            value = NOT_APPLICABLE
        else:
            value = _value(draw, spec)
        measures[leaf.measure] = Measurement(leaf.measure, value, "thử nghiệm")
    codes = [n.code for n in framework.walk()]
    marked: tuple[str, ...] = ()
    if allow_not_applicable and draw(st.integers(0, 4)) == 0:
        marked = tuple(draw(st.lists(st.sampled_from(codes), max_size=2, unique=True)))
    return Evidence(
        measures=tuple(measures.values()),
        assessment=Assessment(tuple(criteria), tuple(results), marked),
    )


def evidence(
    *,
    framework: Framework,
    allow_missing: bool = True,
    allow_not_applicable: bool = True,
    survey: bool | None = None,
) -> st.SearchStrategy[Evidence]:
    """Evidence for ``framework``: a value of the right kind for every measure it reads,
    self-scores and appraisal rounds for manual criteria, survey results when a survey is
    run; some measures missing or not applicable and some nodes marked not applicable
    unless forbidden.

    Args:
        framework: the framework the evidence is for.
        allow_missing: leave some measures and scores out.
        allow_not_applicable: make some measures and nodes not applicable.
        survey: True or False to force or forbid a survey; None for either.
    """
    return _evidence(framework, allow_missing, allow_not_applicable, survey)


def framework_evidence(
    *,
    frameworks: st.SearchStrategy[Framework] | None = None,
    allow_missing: bool = True,
    allow_not_applicable: bool = True,
) -> st.SearchStrategy[tuple[Framework, Evidence]]:
    """A framework and evidence for it.

    Args:
        frameworks: the frameworks to draw; default every framework the module's
            :func:`frameworks` strategy draws.
        allow_missing: leave some measures and scores out.
        allow_not_applicable: make some measures and nodes not applicable.
    """
    base = frameworks if frameworks is not None else _all_frameworks()
    return base.flatmap(
        lambda fw: st.tuples(
            st.just(fw),
            evidence(
                framework=fw,
                allow_missing=allow_missing,
                allow_not_applicable=allow_not_applicable,
            ),
        )
    )

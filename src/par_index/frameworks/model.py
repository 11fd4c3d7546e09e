"""A scoring framework: a tree of domains → criteria → sub-criteria, each with its points.

A framework is data (docs/sources.md): an id and version, the decision that issued it, the years
and unit levels it applies to, its components (appraised self-assessment, survey) with their
maximum points, and a tree of :class:`Criterion` nodes. Each node has a code (``1.1.2``), a
Vietnamese name, maximum points, its legal source and a provenance flag (verified from the
official text or provisional); a leaf carries a rule and the measure it reads, an inner node
its children, whose maximum points add up to its own. Bonus and deduction leaves stand
beside the ordinary children: their maximum is their cap and they do not count in the
parent's maximum.

A built :class:`Framework` can be trusted: its constructor checks every rule of the tree
and raises once with every problem, each with its path (``criteria[2].children[0].rule``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from par_index.core.validation import Checker
from par_index.exceptions import InvalidValueError, Problem
from par_index.frameworks.measures import MEASURES, MeasureKind, MeasureSpec
from par_index.frameworks.rules import (
    RULE_KINDS,
    CategoricalRule,
    Rule,
    SurveyRule,
    measure_kinds,
    rule_max_points,
)
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.units import UnitLevel

__all__ = [
    "Component",
    "Criterion",
    "Framework",
    "InvalidFramework",
    "NodeRole",
    "NotApplicablePolicy",
    "Provenance",
    "UnscoredIndicator",
]

_RULE_TYPES: Final = tuple(RULE_KINDS.values())
_ID_RE: Final = re.compile(r"[a-z0-9][a-z0-9.-]*")
_SEGMENT_RE: Final = re.compile(r"[0-9A-Za-z]+")


class InvalidFramework(InvalidValueError):
    """A framework (bộ chỉ số, bộ tiêu chí) whose tree, points or rules contradict."""

    term = "bộ chỉ số, bộ tiêu chí"
    what = "framework"


class Provenance(enum.StrEnum):
    """Whether a node's points and rule were verified from the official text."""

    VERIFIED = "verified"
    PROVISIONAL = "provisional"


class NodeRole(enum.StrEnum):
    """An ordinary node, or a bonus (điểm thưởng) or deduction (điểm trừ) with a cap."""

    NORMAL = "normal"
    BONUS = "bonus"
    DEDUCTION = "deduction"


class NotApplicablePolicy(enum.StrEnum):
    """What a not-applicable node gets.

    ``exclude``: its points leave the maximum and the index is achieved / remaining maximum
    (docs/sources.md: "where a unit has no task for a criterion, that criterion is not
    applicable: its points leave the maximum"). ``full_points``: the node earns its maximum,
    as some provincial tables say ("trường hợp không phát sinh thì được điểm tối đa").
    """

    EXCLUDE = "exclude"
    FULL_POINTS = "full_points"


def _text_ok(c: Checker, value: object, path: str, *, required: bool) -> bool:
    if not c.of_type(value, str, path, "a text"):
        return False
    assert isinstance(value, str)
    if required:
        return c.check(
            value.strip() == value and value != "",
            path,
            "blank-text",
            "a non-empty text without surrounding spaces",
            value,
        )
    return True


@attrs.frozen
class Component:
    """A component of the total: appraised self-assessment points, or survey points.

    Attributes:
        id: a short identifier (``appraised``, ``survey``).
        name: the Vietnamese name.
        max_points: its share of the framework's maximum.
        name_en: an English gloss.
        survey: whether its points come from a sociological survey (điều tra xã hội học);
            when no survey is run its nodes leave the maximum and the rest is rescaled.

    Raises:
        InvalidFramework: for a malformed id, a blank name or points that are not positive.
    """

    id: str
    name: str
    max_points: Decimal
    name_en: str = ""
    survey: bool = False

    def __attrs_post_init__(self) -> None:
        c = Checker()
        if c.of_type(self.id, str, "id", "an identifier"):
            c.check(
                _ID_RE.fullmatch(self.id) is not None,
                "id",
                "bad-id",
                "a lower-case identifier such as appraised",
                self.id,
            )
        _text_ok(c, self.name, "name", required=True)
        _text_ok(c, self.name_en, "name_en", required=False)
        if c.of_type(self.max_points, Decimal, "max_points", "a Decimal"):
            c.check(
                self.max_points.is_finite() and self.max_points > 0,
                "max_points",
                "points-not-positive",
                "maximum points above 0",
                self.max_points,
            )
        c.of_type(self.survey, bool, "survey", "a bool")
        c.raise_if_any(InvalidFramework)


@attrs.frozen
class Criterion:
    """A node of a framework: a domain, criterion or sub-criterion.

    Attributes:
        code: the code as the table prints it (``1``, ``1.1``, ``1.1.2``); a child's code
            is its parent's code, a dot and one more part.
        name: the Vietnamese name.
        max_points: the maximum points (the cap, for a bonus or deduction).
        source: the legal source of the node and its rule.
        provenance: verified from the official text, or provisional.
        name_en: an English gloss, optional.
        role: ordinary, bonus or deduction.
        children: the sub-criteria of an inner node.
        rule: the rule of a leaf.
        measure: the measure a leaf's rule reads (none for survey and manual rules).
        not_applicable: what the node gets when it is not applicable.
        component: the component the node and its subtree belong to; None inherits it.
        area: the reform area of a domain, optional.
        note: a remark shown with the node (why it is provisional, how it is read).
        levels: the unit levels the node is computed for; empty for every level the
            framework scores. A unit of another level gets the node as not applicable
            (QĐ 766 indicators 1.1–1.3 are not computed for sub-units).
        levels_note: why the node is limited to ``levels`` (Vietnamese, with its source).
        levels_note_en: the same in English.

    Raises:
        InvalidFramework: for wrong types, a node with both children and a rule, or with
            neither. Consistency with the rest of the tree is checked by :class:`Framework`.
    """

    code: str
    name: str
    max_points: Decimal
    source: str = ""
    provenance: Provenance = Provenance.VERIFIED
    name_en: str = ""
    role: NodeRole = NodeRole.NORMAL
    children: tuple[Criterion, ...] = ()
    rule: Rule | None = None
    measure: str | None = None
    not_applicable: NotApplicablePolicy = NotApplicablePolicy.EXCLUDE
    component: str | None = None
    area: ReformArea | None = None
    note: str = ""
    levels: tuple[UnitLevel, ...] = ()
    levels_note: str = ""
    levels_note_en: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        c.of_type(self.code, str, "code", "a code such as 1.1.2")
        if c.of_type(self.levels, tuple, "levels", "a tuple of UnitLevel"):
            for i, level in enumerate(self.levels):
                c.of_type(level, UnitLevel, f"levels[{i}]", "a UnitLevel")
        _text_ok(c, self.levels_note, "levels_note", required=False)
        _text_ok(c, self.levels_note_en, "levels_note_en", required=False)
        c.of_type(self.name, str, "name", "a name")
        if c.of_type(self.max_points, Decimal, "max_points", "a Decimal"):
            c.check(
                self.max_points.is_finite() and self.max_points >= 0,
                "max_points",
                "negative-points",
                "maximum points of 0 or more",
                self.max_points,
            )
        _text_ok(c, self.source, "source", required=False)
        c.of_type(self.provenance, Provenance, "provenance", "verified or provisional")
        _text_ok(c, self.name_en, "name_en", required=False)
        c.of_type(self.role, NodeRole, "role", "normal, bonus or deduction")
        if c.of_type(self.children, tuple, "children", "a tuple of Criterion"):
            for i, ch in enumerate(self.children):
                c.of_type(ch, Criterion, f"children[{i}]", "a Criterion")
        if self.rule is not None:
            c.of_type(self.rule, _RULE_TYPES, "rule", "a rule")
        if self.measure is not None:
            c.of_type(self.measure, str, "measure", "a measure name or None")
        c.of_type(self.not_applicable, NotApplicablePolicy, "not_applicable", "exclude or full")
        if self.component is not None:
            c.of_type(self.component, str, "component", "a component id or None")
        if self.area is not None:
            c.of_type(self.area, ReformArea, "area", "a ReformArea or None")
        _text_ok(c, self.note, "note", required=False)
        if not c.problems:
            if self.children and self.rule is not None:
                c.add("rule", "rule-and-children", "a rule on a leaf only", self.rule.kind)
            if not self.children and self.rule is None:
                c.add("rule", "leaf-without-rule", "a rule on a leaf (or children)", None)
            if self.children and self.measure is not None:
                c.add("measure", "measure-on-inner", "a measure on a leaf only", self.measure)
        c.raise_if_any(InvalidFramework)

    @property
    def is_leaf(self) -> bool:
        """Whether the node has a rule rather than children."""
        return not self.children

    def walk(self) -> Iterator[Criterion]:
        """This node and every node below it, depth first in table order."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen
class UnscoredIndicator:
    """An indicator the framework's source defines but gives no points (no scoring rule).

    Listed so that users see it exists and why it earns nothing (QĐ 766: 2.2 average time,
    4.4 connected data, 4.5 population data, 5.1 feedback by type).

    Attributes:
        code: its code in the source (``2.2``).
        name: the Vietnamese name.
        name_en: an English gloss.
        source: where it is defined.
        note: why it is not scored.

    Raises:
        InvalidFramework: for wrong types or a blank code or name.
    """

    code: str
    name: str
    name_en: str = ""
    source: str = ""
    note: str = ""

    def __attrs_post_init__(self) -> None:
        c = Checker()
        _text_ok(c, self.code, "code", required=True)
        _text_ok(c, self.name, "name", required=True)
        for name in ("name_en", "source", "note"):
            _text_ok(c, getattr(self, name), name, required=False)
        c.raise_if_any(InvalidFramework)


@attrs.frozen
class Framework:
    """A scoring framework.

    Attributes:
        id: a stable identifier (``qd-766-2022``, ``example-commune``).
        version: the version of this data (a new decision is a new framework).
        name: the Vietnamese name.
        criteria: the top-level nodes (domains, or the groups of an index).
        components: the components of the total, with their maximum points.
        max_points: the framework's total (100 for every published index).
        name_en: an English gloss.
        decision: the decision that issued it; None only for an illustrative framework.
        first_year: the first year it applies to.
        last_year: the last year, None while it is in force.
        unit_levels: the unit levels it scores; empty for any.
        illustrative: True for an example that is no official table.
        source: the citation of the text the data was taken from.
        description: what it is and how it was built, for people.
        classification: the id of the classification scheme used by default, if any.
        measures: measures the file declares for its own use, beside the registry's.
        unscored: indicators the source defines without points, listed for information.

    Raises:
        InvalidFramework: listing every problem, each with its path: codes that repeat or
            do not extend their parent's, children's points that do not add up to the
            parent's maximum, components that do not add up to the total, rules whose
            points exceed the maximum, unknown measures or measures of the wrong kind,
            bands that overlap or leave gaps (checked by the rule itself).
    """

    id: str
    version: str
    name: str
    criteria: tuple[Criterion, ...]
    components: tuple[Component, ...]
    max_points: Decimal = Decimal(100)
    name_en: str = ""
    decision: DocumentRef | None = None
    first_year: int | None = None
    last_year: int | None = None
    unit_levels: tuple[UnitLevel, ...] = ()
    illustrative: bool = False
    source: str = ""
    description: str = ""
    classification: str | None = None
    measures: tuple[MeasureSpec, ...] = ()
    unscored: tuple[UnscoredIndicator, ...] = ()
    _compiled: Any = attrs.field(init=False, default=None, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems = framework_problems(self)
        if problems:
            raise InvalidFramework(problems)

    def walk(self) -> Iterator[Criterion]:
        """Every node, depth first in table order."""
        for top in self.criteria:
            yield from top.walk()

    def node(self, code: str) -> Criterion:
        """The node with ``code``.

        Raises:
            KeyError: when there is none.
        """
        for n in self.walk():
            if n.code == code:
                return n
        raise KeyError(code)

    def leaves(self) -> tuple[Criterion, ...]:
        """Every leaf, in table order."""
        return tuple(n for n in self.walk() if n.is_leaf)

    def measure_spec(self, name: str) -> MeasureSpec | None:
        """The measure ``name`` as this framework knows it (its own first, then the registry)."""
        for spec in self.measures:
            if spec.name == name:
                return spec
        return MEASURES.get(name)

    def component(self, component_id: str) -> Component:
        """The component with ``component_id``.

        Raises:
            KeyError: when there is none.
        """
        for comp in self.components:
            if comp.id == component_id:
                return comp
        raise KeyError(component_id)

    @property
    def has_survey(self) -> bool:
        """Whether part of the total comes from a survey."""
        return any(comp.survey for comp in self.components)

    def years_label(self) -> str:
        """``2023–2025``, ``từ 2022`` or ``—``."""
        if self.first_year is None:
            return "—"
        if self.last_year is None:
            return f"từ {self.first_year}"
        if self.last_year == self.first_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


# --------------------------------------------------------------------------- checks


def _points(value: Decimal) -> str:
    return f"{value.normalize():f}"


def framework_problems(fw: Framework) -> list[Problem]:
    """Every problem of ``fw``, each with its path; empty when it is consistent."""
    c = Checker()
    if c.of_type(fw.id, str, "id", "an identifier"):
        c.check(
            _ID_RE.fullmatch(fw.id) is not None,
            "id",
            "bad-id",
            "a lower-case identifier such as qd-766-2022",
            fw.id,
        )
    _text_ok(c, fw.version, "version", required=True)
    _text_ok(c, fw.name, "name", required=True)
    _text_ok(c, fw.name_en, "name_en", required=False)
    _text_ok(c, fw.source, "source", required=False)
    _text_ok(c, fw.description, "description", required=False)
    max_ok = c.of_type(fw.max_points, Decimal, "max_points", "a Decimal")
    if max_ok:
        max_ok = c.check(
            fw.max_points.is_finite() and fw.max_points > 0,
            "max_points",
            "points-not-positive",
            "a total above 0",
            fw.max_points,
        )
    c.of_type(fw.illustrative, bool, "illustrative", "a bool")
    if fw.decision is not None:
        c.of_type(fw.decision, DocumentRef, "decision", "a DocumentRef or None")
    elif fw.illustrative is False:
        c.add(
            "decision",
            "missing-decision",
            "the issuing decision of an official framework (or illustrative = true)",
            None,
        )
    for name in ("first_year", "last_year"):
        value = getattr(fw, name)
        if value is not None and c.of_type(value, int, name, "a year or None"):
            c.check(1990 <= value <= 2100, name, "year-out-of-range", "a year 1990–2100", value)
    if (
        isinstance(fw.first_year, int)
        and isinstance(fw.last_year, int)
        and not isinstance(fw.last_year, bool)
    ):
        c.check(
            fw.first_year <= fw.last_year,
            "last_year",
            "reversed-years",
            f"a last year of {fw.first_year} or later",
            fw.last_year,
        )
    if c.of_type(fw.unit_levels, tuple, "unit_levels", "a tuple of UnitLevel"):
        for i, level in enumerate(fw.unit_levels):
            c.of_type(level, UnitLevel, f"unit_levels[{i}]", "a UnitLevel")
    if fw.classification is not None:
        c.of_type(fw.classification, str, "classification", "a scheme id or None")
    if c.of_type(fw.unscored, tuple, "unscored", "a tuple of UnscoredIndicator"):
        # The criteria are checked below; a malformed tree only skips this comparison.
        tops: tuple[object, ...] = fw.criteria
        scored = {n.code for top in tops if isinstance(top, Criterion) for n in top.walk()}
        seen_unscored: set[str] = set()
        for i, ind in enumerate(fw.unscored):
            if c.of_type(ind, UnscoredIndicator, f"unscored[{i}]", "an UnscoredIndicator"):
                c.check(
                    ind.code not in scored and ind.code not in seen_unscored,
                    f"unscored[{i}].code",
                    "duplicate-code",
                    "a code that no criterion or other unscored indicator has",
                    ind.code,
                )
                seen_unscored.add(ind.code)
    measures_ok = c.of_type(fw.measures, tuple, "measures", "a tuple of MeasureSpec")
    own: dict[str, MeasureSpec] = {}
    if measures_ok:
        for i, spec in enumerate(fw.measures):
            if not c.of_type(spec, MeasureSpec, f"measures[{i}]", "a MeasureSpec"):
                continue
            c.check(
                spec.name not in MEASURES and spec.name not in own,
                f"measures[{i}].name",
                "duplicate-measure",
                "a name not already in the registry or this file",
                spec.name,
            )
            own[spec.name] = spec
    comps: dict[str, Component] = {}
    if c.of_type(fw.components, tuple, "components", "a tuple of Component") and c.check(
        len(fw.components) > 0, "components", "no-components", "at least one component", ()
    ):
        comps_ok = True
        for i, comp in enumerate(fw.components):
            if c.of_type(comp, Component, f"components[{i}]", "a Component"):
                comps_ok = (
                    c.check(
                        comp.id not in comps,
                        f"components[{i}].id",
                        "duplicate-component",
                        "a component id used once",
                        comp.id,
                    )
                    and comps_ok
                )
                comps[comp.id] = comp
            else:
                comps_ok = False
        if comps_ok and max_ok:
            total = sum((comp.max_points for comp in fw.components), Decimal(0))
            c.check(
                total == fw.max_points,
                "components",
                "components-sum",
                f"components adding up to the total {_points(fw.max_points)}",
                f"{_points(total)}",
            )
    if not c.of_type(fw.criteria, tuple, "criteria", "a tuple of Criterion"):
        return c.problems
    if not c.check(len(fw.criteria) > 0, "criteria", "no-criteria", "at least one node", ()):
        return c.problems
    if not all(
        c.of_type(n, Criterion, f"criteria[{i}]", "a Criterion") for i, n in enumerate(fw.criteria)
    ):
        return c.problems
    default_component = next(iter(comps)) if len(comps) == 1 else None
    walker = _TreeCheck(c, {**MEASURES, **own}, comps)
    for i, top in enumerate(fw.criteria):
        walker.node(top, f"criteria[{i}]", None, default_component)
    if max_ok:
        total = sum((n.max_points for n in fw.criteria if n.role is NodeRole.NORMAL), Decimal(0))
        walker.sums_ok = (
            c.check(
                total == fw.max_points,
                "criteria",
                "children-sum",
                f"top-level points adding up to the total {_points(fw.max_points)}",
                _points(total),
            )
            and walker.sums_ok
        )
    # A component's sum is only meaningful once every parent's children add up.
    if walker.sums_ok:
        for cid, comp in comps.items():
            got = walker.component_points.get(cid, Decimal(0))
            c.check(
                got == comp.max_points,
                f"components[{list(comps).index(cid)}].max_points",
                "component-sum",
                f"the maximum points of the {cid!r} nodes ({_points(got)})",
                _points(comp.max_points),
            )
    return c.problems


class _TreeCheck:
    """Walks the tree once, checking each node against its parent, measures and components."""

    def __init__(
        self, c: Checker, measures: Mapping[str, MeasureSpec], comps: Mapping[str, Component]
    ) -> None:
        self.c = c
        self.measures = measures
        self.comps = comps
        self.codes: dict[str, str] = {}
        self.component_points: dict[str, Decimal] = {}
        self.sums_ok = True

    def node(self, n: Criterion, path: str, parent: Criterion | None, comp: str | None) -> None:
        c = self.c
        # Codes: "1", "1.1", "1.1.2" — a child extends its parent's code by one part.
        parts = n.code.split(".")
        if c.check(
            all(_SEGMENT_RE.fullmatch(p) for p in parts),
            f"{path}.code",
            "bad-code",
            "a code of dot-separated parts such as 1.1.2",
            n.code,
        ):
            if parent is None:
                c.check(
                    len(parts) == 1,
                    f"{path}.code",
                    "code-depth",
                    "a one-part code at the top level ('1')",
                    n.code,
                )
            else:
                c.check(
                    n.code.startswith(parent.code + ".")
                    and len(parts) == parent.code.count(".") + 2,
                    f"{path}.code",
                    "code-parent",
                    f"a code extending its parent's {parent.code!r} by one part "
                    f"('{parent.code}.1')",
                    n.code,
                )
        if n.code in self.codes:
            c.add(
                f"{path}.code",
                "duplicate-code",
                f"a code used once (already at {self.codes[n.code]})",
                n.code,
            )
        else:
            self.codes[n.code] = path
        _text_ok(c, n.name, f"{path}.name", required=True)
        c.check(
            n.max_points > 0,
            f"{path}.max_points",
            "points-not-positive",
            "maximum points above 0",
            n.max_points,
        )
        if n.component is not None:
            if c.check(
                n.component in self.comps,
                f"{path}.component",
                "unknown-component",
                "one of the components " + ", ".join(self.comps),
                n.component,
            ):
                comp = n.component
        elif parent is None and comp is None and self.comps:
            c.add(
                f"{path}.component",
                "missing-component",
                "the component of a top-level node ("
                + ", ".join(self.comps)
                + ") when the framework has several",
                None,
            )
        if n.role is not NodeRole.NORMAL and n.children:
            c.add(
                f"{path}.children",
                "inner-bonus",
                f"a {n.role.value} node that is a leaf (its rule gives the points, its "
                "maximum is the cap)",
                len(n.children),
            )
        if n.children:
            normal = [ch for ch in n.children if ch.role is NodeRole.NORMAL]
            total = sum((ch.max_points for ch in normal), Decimal(0))
            self.sums_ok = (
                c.check(
                    bool(normal) and total == n.max_points,
                    f"{path}.children",
                    "children-sum",
                    f"children's maximum points adding up to the parent's {_points(n.max_points)}",
                    _points(total),
                )
                and self.sums_ok
            )
            for j, ch in enumerate(n.children):
                self.node(ch, f"{path}.children[{j}]", n, comp)
            return
        assert n.rule is not None
        if n.role is NodeRole.NORMAL and comp is not None:
            self.component_points[comp] = self.component_points.get(comp, Decimal(0)) + (
                n.max_points
            )
        self.leaf(n, path, comp)

    def leaf(self, n: Criterion, path: str, comp: str | None) -> None:
        c = self.c
        rule = n.rule
        assert rule is not None
        best = rule_max_points(rule)
        if best is not None:
            c.check(
                best <= n.max_points,
                f"{path}.rule",
                "points-above-max",
                f"points within the maximum {_points(n.max_points)}",
                _points(best),
            )
            c.check(
                best >= n.max_points,
                f"{path}.rule",
                "max-unreachable",
                f"a rule whose best case earns the maximum {_points(n.max_points)}",
                _points(best),
            )
        survey_comp = comp is not None and comp in self.comps and self.comps[comp].survey
        if isinstance(rule, SurveyRule):
            c.check(
                survey_comp,
                f"{path}.rule",
                "survey-outside-survey",
                "a survey rule only in a survey component",
                comp,
            )
        elif survey_comp:
            c.add(
                f"{path}.rule",
                "non-survey-in-survey",
                "a survey rule for every leaf of a survey component",
                rule.kind,
            )
        kinds = measure_kinds(rule)
        if not kinds:
            c.check(
                n.measure is None,
                f"{path}.measure",
                "measure-not-read",
                f"no measure: a {rule.kind} rule reads the assessment",
                n.measure,
            )
            return
        if not c.check(
            n.measure is not None,
            f"{path}.measure",
            "missing-measure",
            f"the measure a {rule.kind} rule reads",
            None,
        ):
            return
        assert n.measure is not None
        spec = self.measures.get(n.measure)
        if not c.check(
            spec is not None,
            f"{path}.measure",
            "unknown-measure",
            "a measure of the registry or declared in the file",
            n.measure,
        ):
            return
        assert spec is not None
        if not c.check(
            spec.kind in kinds,
            f"{path}.measure",
            "measure-kind",
            f"a measure of kind {' or '.join(sorted(k.value for k in kinds))} for a "
            f"{rule.kind} rule",
            f"{n.measure} ({spec.kind.value})",
        ):
            return
        if isinstance(rule, CategoricalRule) and spec.kind is MeasureKind.CATEGORY:
            c.check(
                set(rule.categories) == set(spec.categories),
                f"{path}.rule.choices",
                "categories",
                "one choice for each category of the measure: " + ", ".join(spec.categories),
                ", ".join(rule.categories),
            )

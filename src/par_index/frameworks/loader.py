"""Framework files (TOML), the bundled frameworks, and the framework's JSON shape.

A framework file is TOML (read with :mod:`tomllib`, floats read as exact decimals)::

    id = "example-commune"
    version = "2023.1"
    name = "..."
    decision = "4559/QĐ-UBND ngày 22/12/2022"   # omitted only with illustrative = true
    first_year = 2023
    unit_levels = ["xã", "phường", "thị trấn"]
    max_points = 100

    [[components]]
    id = "appraised"
    name = "Điểm tự đánh giá được thẩm định"
    max_points = 80

    [[criteria]]
    code = "1"
    name = "Công tác chỉ đạo, điều hành CCHC"
    max_points = 14
    component = "appraised"

      [[criteria.children]]
      code = "1.1"
      name = "Ban hành kế hoạch CCHC năm"
      max_points = 1
      measure = "plan.issued"
      rule = "Ban hành đúng thời gian: 1 điểm; ban hành chậm: 0,5 điểm; không ban hành: 0 điểm"

A rule is either the sentence an official table prints (read by
:func:`~par_index.frameworks.text.parse_rule`) or a table with a ``kind``
(``{ kind = "threshold", threshold = 0.8 }``). Loading checks everything and reports every
problem at once as a :class:`~par_index.exceptions.LoadError` whose paths name the place
(``criteria[2].children[0].rule.bands[1]``). JSON uses the same shape, rules always as
tables (:func:`framework_to_dict`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, TypeVar

import cattrs

from par_index.core.decode import decode_bytes
from par_index.core.limits import DEFAULT_LIMITS
from par_index.exceptions import InvalidValueError, LoadError, Problem
from par_index.frameworks.measures import (
    MeasureKind,
    MeasureOrigin,
    MeasureSpec,
    MeasureValue,
)
from par_index.frameworks.model import (
    Component,
    Criterion,
    Framework,
    InvalidFramework,
    NodeRole,
    NotApplicablePolicy,
    Provenance,
    UnscoredIndicator,
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
)
from par_index.frameworks.text import parse_rule
from par_index.model.areas import ReformArea
from par_index.model.documents import DocumentRef
from par_index.model.ratios import NOT_APPLICABLE, NotApplicable
from par_index.model.units import UnitLevel

__all__ = [
    "BUNDLED",
    "bundled_frameworks",
    "configure_framework_converter",
    "framework_from_dict",
    "framework_to_dict",
    "get_framework",
    "load_framework",
    "loads_framework",
    "rule_from_dict",
    "rule_to_dict",
]

BUNDLED: Final = ("qd-766-2022", "example-commune")
"""The ids of the bundled frameworks, in the order they are listed."""

_FILES: Final = {"qd-766-2022": "qd-766-2022.toml", "example-commune": "example-commune.toml"}

E = TypeVar("E")
N = TypeVar("N", int, Decimal)


# --------------------------------------------------------------------------- reading


class _Reader:
    """Reads raw TOML/JSON values, recording a :class:`Problem` for each one that is wrong."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.tainted: set[str] = set()

    def add(self, path: str, code: str, expected: str, found: object) -> None:
        text = repr(found)
        self.problems.append(
            Problem(path, code, expected, text if len(text) <= 80 else text[:77] + "...")
        )
        self.tainted.add(path)

    def table(
        self, raw: object, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(raw, dict):
            self.add(path, "wrong-type", "a table", raw)
            return None
        for key in sorted(set(raw) - set(required) - set(optional)):
            self.add(
                _join(path, key),
                "unknown-field",
                "only known fields (" + ", ".join((*required, *optional)) + ")",
                key,
            )
        for key in required:
            if key not in raw:
                self.add(_join(path, key), "missing-field", "a value for this field", "nothing")
        return raw

    def text(self, raw: object, path: str, default: str | None = None) -> str:
        if raw is None and default is not None:
            return default
        if not isinstance(raw, str):
            self.add(path, "wrong-type", "a text", raw)
            return default if default is not None else "?"
        return raw

    def decimal(self, raw: object, path: str, default: Decimal | None = None) -> Decimal | None:
        if raw is None:
            return default
        if isinstance(raw, bool) or not isinstance(raw, Decimal | int | str):
            self.add(path, "wrong-type", 'a number such as 0.5 or "0.5"', raw)
            return None
        try:
            value = Decimal(raw)
        except InvalidOperation:
            self.add(path, "not-a-number", 'a number such as 0.5 or "0.5"', raw)
            return None
        beyond = DEFAULT_LIMITS.decimal_problem(value)
        if beyond is not None:
            self.add(path, "out-of-range" if value.is_finite() else "not-a-number", beyond, raw)
            return None
        return value

    def integer(self, raw: object, path: str) -> int | None:
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int):
            self.add(path, "wrong-type", "a whole number", raw)
            return None
        return raw

    def boolean(self, raw: object, path: str, default: bool) -> bool:
        if raw is None:
            return default
        if not isinstance(raw, bool):
            self.add(path, "wrong-type", "true or false", raw)
            return default
        return raw

    def choice(self, cls: type[E], raw: object, path: str, default: E) -> E:
        if raw is None:
            return default
        for member in cls:  # type: ignore[attr-defined]
            if raw == member.value and isinstance(raw, str):
                return member  # type: ignore[no-any-return]
        allowed = ", ".join(repr(m.value) for m in cls)  # type: ignore[attr-defined]
        self.add(path, "not-allowed", f"one of {allowed}", raw)
        return default

    def array(self, raw: object, path: str) -> list[Any]:
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.add(path, "wrong-type", "an array", raw)
            return []
        return raw

    def built(self, make: Callable[[], E], path: str) -> E | None:
        """Run a constructor, recording its problems under ``path``."""
        try:
            return make()
        except InvalidValueError as error:
            for p in error.problems:
                self.problems.append(p.under(path) if path else p)
            self.tainted.add(path)
            return None


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_NODE_FIELDS: Final = (
    "name_en",
    "source",
    "provenance",
    "role",
    "children",
    "rule",
    "measure",
    "not_applicable",
    "component",
    "area",
    "note",
    "levels",
    "levels_note",
    "levels_note_en",
)


def rule_from_dict(raw: object, path: str = "rule") -> Rule:
    """A rule from its table form (``{kind = "bands", ...}``) or its sentence.

    Raises:
        LoadError: listing every problem, each with its path under ``path``.
    """
    r = _Reader()
    rule = _read_rule(r, raw, path)
    if r.problems or rule is None:
        raise LoadError(r.problems or [Problem(path, "bad-rule", "a rule", repr(raw))])
    return rule


def _read_rule(r: _Reader, raw: object, path: str) -> Rule | None:
    if isinstance(raw, str):
        return r.built(lambda: parse_rule(raw), path)
    if not isinstance(raw, dict):
        r.add(path, "wrong-type", "a rule sentence or a table with a kind", raw)
        return None
    kind = raw.get("kind")
    if kind not in RULE_KINDS:
        r.add(
            _join(path, "kind"),
            "unknown-rule-kind",
            "one of the rule kinds " + ", ".join(RULE_KINDS),
            kind,
        )
        return None
    if kind == "bands":
        t = r.table(raw, path, ("kind", "bands"), ("scale", "unit"))
        if t is None:
            return None
        scale = r.choice(Scale, t.get("scale"), _join(path, "scale"), Scale.PERCENT)
        unit = r.text(t.get("unit"), _join(path, "unit"), "")
        bands: list[Band] = []
        ok = True
        for i, b in enumerate(r.array(t.get("bands"), _join(path, "bands"))):
            band = _read_band(r, b, f"{path}.bands[{i}]")
            ok = band is not None and ok
            if band is not None:
                bands.append(band)
        if not ok:
            return None
        return r.built(lambda: BandsRule(tuple(bands), scale, unit), path)
    if kind == "categorical":
        t = r.table(raw, path, ("kind", "choices"), ())
        if t is None:
            return None
        choices: list[Choice] = []
        ok = True
        for i, ch in enumerate(r.array(t.get("choices"), _join(path, "choices"))):
            cpath = f"{path}.choices[{i}]"
            ct = r.table(ch, cpath, ("category", "points", "label"), ())
            if ct is None:
                ok = False
                continue
            category = r.text(ct.get("category"), f"{cpath}.category")
            points = r.decimal(ct.get("points"), f"{cpath}.points")
            label = r.text(ct.get("label"), f"{cpath}.label")
            made = (
                r.built(lambda c=category, p=points, lb=label: Choice(c, p, lb), cpath)  # type: ignore[misc]
                if points is not None
                else None
            )
            ok = made is not None and ok
            if made is not None:
                choices.append(made)
        if not ok:
            return None
        return r.built(lambda: CategoricalRule(tuple(choices)), path)
    if kind == "boolean":
        t = r.table(
            raw, path, ("kind", "true_points"), ("false_points", "true_label", "false_label")
        )
        if t is None:
            return None
        tp = r.decimal(t.get("true_points"), _join(path, "true_points"))
        fp = r.decimal(t.get("false_points"), _join(path, "false_points"), Decimal(0))
        tl = r.text(t.get("true_label"), _join(path, "true_label"), "đạt")
        fl = r.text(t.get("false_label"), _join(path, "false_label"), "không đạt")
        if tp is None or fp is None:
            return None
        return r.built(lambda: BooleanRule(tp, fp, tl, fl), path)
    if kind == "threshold":
        t = r.table(raw, path, ("kind", "threshold"), ())
        if t is None:
            return None
        th = r.decimal(t.get("threshold"), _join(path, "threshold"))
        return None if th is None else r.built(lambda: ThresholdRule(th), path)
    if kind == "survey":
        t = r.table(raw, path, ("kind", "low", "high"), ())
        if t is None:
            return None
        lo = r.decimal(t.get("low"), _join(path, "low"))
        hi = r.decimal(t.get("high"), _join(path, "high"))
        if lo is None or hi is None:
            return None
        return r.built(lambda: SurveyRule(lo, hi), path)
    if kind == "per_count":
        t = r.table(raw, path, ("kind", "points_each", "unit"), ())
        if t is None:
            return None
        each = r.decimal(t.get("points_each"), _join(path, "points_each"))
        unit = r.text(t.get("unit"), _join(path, "unit"))
        return None if each is None else r.built(lambda: PerCountRule(each, unit), path)
    t = r.table(raw, path, ("kind",), ())
    return ProportionalRule() if kind == "proportional" else ManualRule()


def _read_band(r: _Reader, raw: object, path: str) -> Band | None:
    t = r.table(
        raw,
        path,
        ("points",),
        ("lower", "upper", "lower_inclusive", "upper_inclusive", "wording"),
    )
    if t is None:
        return None
    points = r.decimal(t.get("points"), _join(path, "points"))
    lower = r.decimal(t.get("lower"), _join(path, "lower"))
    upper = r.decimal(t.get("upper"), _join(path, "upper"))
    li = r.boolean(t.get("lower_inclusive"), _join(path, "lower_inclusive"), default=True)
    ui = r.boolean(t.get("upper_inclusive"), _join(path, "upper_inclusive"), default=False)
    wording = r.text(t.get("wording"), _join(path, "wording"), "")
    if points is None or (t.get("lower") is not None and lower is None):
        return None
    if t.get("upper") is not None and upper is None:
        return None
    return r.built(lambda: Band(points, lower, upper, li, ui, wording), path)


class _Taint:
    """Which tree checks to skip because the value they would test could not be read."""

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self.codes: set[str] = set()  # nodes whose code was unreadable (skip "code-parent")

    def hides(self, p: Problem) -> bool:
        if p.path in self.paths:
            return True
        if p.code == "code-parent":
            parent = p.path.rsplit(".children[", 1)[0]
            return parent in self.codes
        return p.code == "component-sum" and "components" in self.paths


def _read_node(r: _Reader, taint: _Taint, raw: object, path: str, depth: int) -> Criterion:
    if depth >= DEFAULT_LIMITS.max_depth:
        # Not read further: a tree this deep is a mistake, and reading it costs time.
        r.add(path, "too-deep", f"criteria at most {DEFAULT_LIMITS.max_depth} deep", "deeper")
        taint.paths.update({path, f"{path}.code", f"{path}.max_points"})
        return Criterion(f"?{path}", "?", Decimal(1), rule=ManualRule())
    t = r.table(raw, path, ("code", "name", "max_points"), _NODE_FIELDS)
    if t is None:
        taint.paths.update({path, f"{path}.code", f"{path}.max_points"})
        return Criterion(f"?{path}", "?", Decimal(1), rule=ManualRule())
    before = len(r.problems)
    code = r.text(t.get("code"), f"{path}.code")
    if len(r.problems) > before:
        code = f"?{path}"
        taint.paths.add(f"{path}.code")
        taint.codes.add(path)
    name = r.text(t.get("name"), f"{path}.name")
    max_points = r.decimal(t.get("max_points"), f"{path}.max_points")
    if max_points is None:
        max_points = Decimal(0)
        parent = path.rsplit(".children[", 1)[0] if ".children[" in path else ""
        taint.paths.update(
            {f"{path}.max_points", f"{path}.rule", f"{parent}.children" if parent else "criteria"}
        )
        taint.paths.add("components")
    children = tuple(
        _read_node(r, taint, ch, f"{path}.children[{j}]", depth + 1)
        for j, ch in enumerate(r.array(t.get("children"), f"{path}.children"))
    )
    rule: Rule | None = None
    if "rule" in t:
        rule = _read_rule(r, t["rule"], f"{path}.rule")
        if rule is None:
            taint.paths.update({f"{path}.rule", f"{path}.measure"})
    measure = t.get("measure")
    if measure is not None and not isinstance(measure, str):
        r.add(f"{path}.measure", "wrong-type", "a measure name", measure)
        measure = None
    if children and "rule" in t:
        r.add(f"{path}.rule", "rule-and-children", "a rule on a leaf only (or children)", "both")
        rule = None
    if children and measure is not None:
        r.add(f"{path}.measure", "measure-on-inner", "a measure on a leaf only", measure)
        measure = None
    if not children and rule is None:
        if "rule" not in t:
            r.add(f"{path}.rule", "leaf-without-rule", "a rule on a leaf (or children)", None)
        rule = ManualRule()
        taint.paths.update({f"{path}.rule", f"{path}.measure"})
    component = t.get("component")
    if component is not None and not isinstance(component, str):
        r.add(f"{path}.component", "wrong-type", "a component id", component)
        component = None
        taint.paths.update({f"{path}.component", "components"})
    area_raw = t.get("area")
    area = r.choice(ReformArea, area_raw, f"{path}.area", None) if area_raw is not None else None
    fields: dict[str, Any] = {
        "code": code,
        "name": name,
        "max_points": max_points,
        "source": r.text(t.get("source"), f"{path}.source", ""),
        "provenance": r.choice(
            Provenance, t.get("provenance"), f"{path}.provenance", Provenance.VERIFIED
        ),
        "name_en": r.text(t.get("name_en"), f"{path}.name_en", ""),
        "role": r.choice(NodeRole, t.get("role"), f"{path}.role", NodeRole.NORMAL),
        "children": children,
        "rule": rule,
        "measure": measure,
        "not_applicable": r.choice(
            NotApplicablePolicy,
            t.get("not_applicable"),
            f"{path}.not_applicable",
            NotApplicablePolicy.EXCLUDE,
        ),
        "component": component,
        "area": area,
        "note": r.text(t.get("note"), f"{path}.note", ""),
        "levels": tuple(
            r.choice(UnitLevel, lv, f"{path}.levels[{i}]", UnitLevel.XA)
            for i, lv in enumerate(r.array(t.get("levels"), f"{path}.levels"))
        ),
        "levels_note": r.text(t.get("levels_note"), f"{path}.levels_note", ""),
        "levels_note_en": r.text(t.get("levels_note_en"), f"{path}.levels_note_en", ""),
    }
    # The constructor checks the node's own rules (points not negative, ...): its problems
    # are placed under the node's path, and the others go on being read.
    made = r.built(lambda: Criterion(**fields), path)
    if made is not None:
        return made
    parent = path.rsplit(".children[", 1)[0] if ".children[" in path else ""
    taint.paths.update(
        {path, f"{path}.max_points", f"{path}.rule", f"{parent}.children" if parent else "criteria"}
    )
    taint.paths.add("components")
    stand_in: dict[str, Any] = {"name": "?", "max_points": Decimal(0), "children": children}
    stand_in["rule"] = None if children else ManualRule()
    try:
        return Criterion(code=code, **stand_in)
    except InvalidValueError:
        taint.paths.add(f"{path}.code")
        taint.codes.add(path)
        return Criterion(code=f"?{path}", **stand_in)


_TOP_REQUIRED: Final = ("id", "version", "name", "components", "criteria")
_TOP_OPTIONAL: Final = (
    "max_points",
    "name_en",
    "decision",
    "first_year",
    "last_year",
    "unit_levels",
    "illustrative",
    "source",
    "description",
    "classification",
    "measures",
    "unscored",
)


def framework_from_dict(data: object, *, source: str = "<string>") -> Framework:
    """A framework from its TOML/JSON shape, checking everything at once.

    Raises:
        LoadError: listing every problem of the file and of the tree, each with its path.
    """
    r = _Reader()
    taint = _Taint()
    t = r.table(data, "", _TOP_REQUIRED, _TOP_OPTIONAL)
    if t is None:
        raise LoadError(r.problems, source=source)
    decision: DocumentRef | None = None
    if t.get("decision") is not None:
        raw = t["decision"]
        if isinstance(raw, str):
            decision = r.built(lambda: DocumentRef.parse(raw), "decision")
        else:
            r.add("decision", "wrong-type", "a document reference such as 766/QĐ-TTg", raw)
        if decision is None:
            taint.paths.add("decision")
    levels = tuple(
        r.choice(UnitLevel, lv, f"unit_levels[{i}]", UnitLevel.XA)
        for i, lv in enumerate(r.array(t.get("unit_levels"), "unit_levels"))
    )
    components: list[Component] = []
    for i, raw in enumerate(r.array(t.get("components"), "components")):
        path = f"components[{i}]"
        ct = r.table(raw, path, ("id", "name", "max_points"), ("name_en", "survey"))
        if ct is None:
            taint.paths.add("components")
            continue
        cid = r.text(ct.get("id"), f"{path}.id")
        cname = r.text(ct.get("name"), f"{path}.name")
        cmax = r.decimal(ct.get("max_points"), f"{path}.max_points")
        cen = r.text(ct.get("name_en"), f"{path}.name_en", "")
        survey = r.boolean(ct.get("survey"), f"{path}.survey", default=False)
        made = (
            r.built(lambda a=cid, b=cname, m=cmax, e=cen, s=survey: Component(a, b, m, e, s), path)  # type: ignore[misc]
            if cmax is not None
            else None
        )
        if made is None:
            taint.paths.add("components")
        else:
            components.append(made)
    measures: list[MeasureSpec] = []
    for i, raw in enumerate(r.array(t.get("measures"), "measures")):
        path = f"measures[{i}]"
        mt = r.table(
            raw, path, ("name", "kind", "description_vi"), ("description_en", "categories")
        )
        if mt is None:
            continue
        kind = r.choice(MeasureKind, mt.get("kind"), f"{path}.kind", MeasureKind.VALUE)
        cats = r.array(mt.get("categories"), f"{path}.categories")
        bad_cats = [j for j, c in enumerate(cats) if not isinstance(c, str)]
        for j in bad_cats:
            r.add(f"{path}.categories[{j}]", "wrong-type", "a category name (a text)", cats[j])
        if bad_cats:
            continue
        made_m = r.built(
            lambda mt=mt, kind=kind, cats=cats: MeasureSpec(  # type: ignore[misc]
                mt.get("name"),
                kind,
                mt.get("description_vi"),
                mt.get("description_en", ""),
                MeasureOrigin.FRAMEWORK,
                tuple(cats),
            ),
            path,
        )
        if made_m is not None:
            measures.append(made_m)
    unscored: list[UnscoredIndicator] = []
    for i, raw in enumerate(r.array(t.get("unscored"), "unscored")):
        path = f"unscored[{i}]"
        ut = r.table(raw, path, ("code", "name"), ("name_en", "source", "note"))
        if ut is None or "code" not in ut or "name" not in ut:
            continue  # the missing field is reported by table()
        made_u = r.built(
            lambda ut=ut, path=path: UnscoredIndicator(  # type: ignore[misc]
                r.text(ut.get("code"), f"{path}.code"),
                r.text(ut.get("name"), f"{path}.name"),
                r.text(ut.get("name_en"), f"{path}.name_en", ""),
                r.text(ut.get("source"), f"{path}.source", ""),
                r.text(ut.get("note"), f"{path}.note", ""),
            ),
            path,
        )
        if made_u is not None:
            unscored.append(made_u)
    criteria = tuple(
        _read_node(r, taint, raw, f"criteria[{i}]", 0)
        for i, raw in enumerate(r.array(t.get("criteria"), "criteria"))
    )
    max_points = r.decimal(t.get("max_points"), "max_points", Decimal(100))
    fields: dict[str, Any] = {
        "id": r.text(t.get("id"), "id"),
        "version": r.text(t.get("version"), "version"),
        "name": r.text(t.get("name"), "name"),
        "criteria": criteria,
        "components": tuple(components),
        "max_points": max_points if max_points is not None else Decimal(100),
        "name_en": r.text(t.get("name_en"), "name_en", ""),
        "decision": decision,
        "first_year": r.integer(t.get("first_year"), "first_year"),
        "last_year": r.integer(t.get("last_year"), "last_year"),
        "unit_levels": levels,
        "illustrative": r.boolean(t.get("illustrative"), "illustrative", default=False),
        "source": r.text(t.get("source"), "source", ""),
        "description": r.text(t.get("description"), "description", ""),
        "classification": (
            r.text(t.get("classification"), "classification")
            if t.get("classification") is not None
            else None
        ),
        "measures": tuple(measures),
        "unscored": tuple(unscored),
    }
    # Building the framework checks the tree (framework_problems); its problems are merged
    # with the reader's, leaving out those that only echo a field the reader already refused.
    framework: Framework | None = None
    try:
        framework = Framework(**fields)
        found: list[Problem] = []
    except InvalidFramework as exc:
        found = list(exc.problems)
    if max_points is None:
        taint.paths.update({"max_points", "criteria", "components"})
    problems = list(r.problems)
    seen = {(p.path, p.code) for p in problems}
    for p in found:
        if (p.path, p.code) in seen or taint.hides(p) or p.path in r.tainted:
            continue
        problems.append(p)
    if problems or framework is None:
        raise LoadError(problems or found, source=source)
    return framework


def loads_framework(text: str | bytes, *, source: str = "<string>") -> Framework:
    """A framework from TOML text (or its bytes, read through the decoding boundary).

    Raises:
        LoadError: for TOML that cannot be read, or listing every problem of the framework.
    """
    text = decode_bytes(text, source)  # a byte-order mark, as every other file may have
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([Problem("$", "bad-toml", "valid TOML", str(exc))], source=source) from None
    except RecursionError:
        raise LoadError([_too_deep("$")], source=source) from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise LoadError(
            [Problem("$", "bad-toml", "numbers Python can read", str(exc)[:80])], source=source
        ) from None
    return framework_from_dict(data, source=source)


def _too_deep(path: str) -> Problem:
    return Problem(
        path, "too-deep", f"nesting of at most {DEFAULT_LIMITS.max_depth} levels", "deeper"
    )


def load_framework(path: str | Path) -> Framework:
    """A framework from a TOML file (or a JSON file, by its ``.json`` suffix).

    Raises:
        LoadError: listing every problem of the file.
        OSError: when the file cannot be read.
    """
    p = Path(path)
    text = decode_bytes(p.read_bytes(), str(p))
    if p.suffix.lower() == ".json":
        import json  # noqa: PLC0415 - only for JSON framework files

        try:
            data = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as exc:
            raise LoadError(
                [Problem(f"line {exc.lineno}", "bad-json", "valid JSON", exc.msg)], source=str(p)
            ) from None
        except RecursionError:
            raise LoadError([_too_deep("$")], source=str(p)) from None
        except ValueError as exc:  # an integer of more than 4,300 digits
            raise LoadError(
                [Problem("$", "bad-json", "numbers Python can read", str(exc)[:80])],
                source=str(p),
            ) from None
        return framework_from_dict(data, source=str(p))
    return loads_framework(text, source=str(p))


@cache
def _bundled(framework_id: str) -> Framework:
    name = _FILES[framework_id]
    text = (
        resources.files("par_index.frameworks").joinpath("data", name).read_text(encoding="utf-8")
    )
    return loads_framework(text, source=name)


def bundled_frameworks() -> tuple[Framework, ...]:
    """Every framework shipped with the package, in :data:`BUNDLED` order."""
    return tuple(_bundled(fid) for fid in BUNDLED)


def get_framework(id_or_path: str | Path) -> Framework:
    """A bundled framework by id (``qd-766-2022``, ``example-commune``), or a file by path.

    Raises:
        LoadError: when the file has problems.
        KeyError: when ``id_or_path`` is neither a bundled id nor an existing file.
        OSError: when the file cannot be read.
    """
    if isinstance(id_or_path, str) and id_or_path in _FILES:
        return _bundled(id_or_path)
    p = Path(id_or_path)
    if not p.exists():
        raise KeyError(
            f"no bundled framework {str(id_or_path)!r} (bundled: {', '.join(BUNDLED)}) "
            "and no such file"
        )
    return load_framework(p)


# --------------------------------------------------------------------------- writing


def _num(d: Decimal) -> str:
    return f"{d.normalize():f}" if d != d.to_integral_value() else str(d.quantize(Decimal(1)))


def rule_to_dict(rule: Rule) -> dict[str, Any]:
    """The table form of ``rule`` (JSON-ready: numbers as strings)."""
    out: dict[str, Any] = {"kind": rule.kind}
    if isinstance(rule, BandsRule):
        out["scale"] = rule.scale.value
        if rule.unit:
            out["unit"] = rule.unit
        bands = []
        for b in rule.bands:
            bd: dict[str, Any] = {"points": _num(b.points)}
            if b.lower is not None:
                bd["lower"] = _num(b.lower)
                bd["lower_inclusive"] = b.lower_inclusive
            if b.upper is not None:
                bd["upper"] = _num(b.upper)
                bd["upper_inclusive"] = b.upper_inclusive
            if b.wording:
                bd["wording"] = b.wording
            bands.append(bd)
        out["bands"] = bands
    elif isinstance(rule, CategoricalRule):
        out["choices"] = [
            {"category": ch.category, "points": _num(ch.points), "label": ch.label}
            for ch in rule.choices
        ]
    elif isinstance(rule, BooleanRule):
        out.update(
            true_points=_num(rule.true_points),
            false_points=_num(rule.false_points),
            true_label=rule.true_label,
            false_label=rule.false_label,
        )
    elif isinstance(rule, ThresholdRule):
        out["threshold"] = _num(rule.threshold)
    elif isinstance(rule, SurveyRule):
        out.update(low=_num(rule.low), high=_num(rule.high))
    elif isinstance(rule, PerCountRule):
        out.update(points_each=_num(rule.points_each), unit=rule.unit)
    return out


def _node_to_dict(n: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {"code": n.code, "name": n.name, "max_points": _num(n.max_points)}
    if n.name_en:
        out["name_en"] = n.name_en
    if n.source:
        out["source"] = n.source
    out["provenance"] = n.provenance.value
    if n.role is not NodeRole.NORMAL:
        out["role"] = n.role.value
    if n.not_applicable is not NotApplicablePolicy.EXCLUDE:
        out["not_applicable"] = n.not_applicable.value
    if n.component is not None:
        out["component"] = n.component
    if n.area is not None:
        out["area"] = n.area.value
    if n.note:
        out["note"] = n.note
    if n.levels:
        out["levels"] = [lv.value for lv in n.levels]
    if n.levels_note:
        out["levels_note"] = n.levels_note
    if n.levels_note_en:
        out["levels_note_en"] = n.levels_note_en
    if n.measure is not None:
        out["measure"] = n.measure
    if n.rule is not None:
        out["rule"] = rule_to_dict(n.rule)
    if n.children:
        out["children"] = [_node_to_dict(ch) for ch in n.children]
    return out


def framework_to_dict(fw: Framework) -> dict[str, Any]:
    """The JSON shape of ``fw`` (the TOML file's shape, rules as tables)."""
    out: dict[str, Any] = {
        "id": fw.id,
        "version": fw.version,
        "name": fw.name,
    }
    if fw.name_en:
        out["name_en"] = fw.name_en
    if fw.decision is not None:
        out["decision"] = str(fw.decision)
    if fw.first_year is not None:
        out["first_year"] = fw.first_year
    if fw.last_year is not None:
        out["last_year"] = fw.last_year
    if fw.unit_levels:
        out["unit_levels"] = [lv.value for lv in fw.unit_levels]
    out["illustrative"] = fw.illustrative
    if fw.source:
        out["source"] = fw.source
    if fw.description:
        out["description"] = fw.description
    if fw.classification is not None:
        out["classification"] = fw.classification
    out["max_points"] = _num(fw.max_points)
    out["components"] = [
        {
            "id": comp.id,
            "name": comp.name,
            **({"name_en": comp.name_en} if comp.name_en else {}),
            "max_points": _num(comp.max_points),
            "survey": comp.survey,
        }
        for comp in fw.components
    ]
    if fw.measures:
        out["measures"] = [
            {
                "name": m.name,
                "kind": m.kind.value,
                "description_vi": m.description_vi,
                "description_en": m.description_en,
                **({"categories": list(m.categories)} if m.categories else {}),
            }
            for m in fw.measures
        ]
    if fw.unscored:
        out["unscored"] = [
            {
                "code": u.code,
                "name": u.name,
                **{k: getattr(u, k) for k in ("name_en", "source", "note") if getattr(u, k)},
            }
            for u in fw.unscored
        ]
    out["criteria"] = [_node_to_dict(n) for n in fw.criteria]
    return out


# --------------------------------------------------------------------------- cattrs

_NUMBER_RE: Final = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


class _BadValue(ValueError):
    """A measure value that is none of the allowed shapes."""


def _structure_measure_value(value: Any, _: object) -> MeasureValue:
    # JSON shapes: true/false (fact), an integer (count), a numeric string (rate or value:
    # exact decimal), "not_applicable", or a category name.
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return _within_limits(value)
    if isinstance(value, Decimal):
        return _within_limits(value)
    if isinstance(value, str):
        if value == NOT_APPLICABLE.value:
            return NOT_APPLICABLE
        if _NUMBER_RE.fullmatch(value):
            return _within_limits(Decimal(value))
        if re.fullmatch(r"[a-z][a-z0-9_]*", value):
            return value
    raise InvalidValueError(
        [
            Problem(
                "",
                "bad-measure-value",
                'true/false, a whole number, a decimal as a string ("0.9683"), '
                '"not_applicable" or a category name',
                repr(value)[:80],
            )
        ]
    )


def _structure_optional_measure_value(value: Any, t: object) -> MeasureValue | None:
    return None if value is None else _structure_measure_value(value, t)


def _structure_decimal_or_na(value: Any, _: object) -> Decimal | NotApplicable:
    if value == NOT_APPLICABLE.value:
        return NOT_APPLICABLE
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise InvalidValueError(
            [Problem("", "wrong-type", 'a decimal string or "not_applicable"', repr(value))]
        )
    try:
        return _within_limits(Decimal(value))
    except InvalidOperation:
        raise InvalidValueError(
            [Problem("", "not-a-number", 'a decimal string or "not_applicable"', repr(value))]
        ) from None


def _within_limits(value: N) -> N:
    """``value``, when a number of that size can be computed with exactly.

    Raises:
        InvalidValueError: (``out-of-range``) past :data:`~par_index.core.limits.DEFAULT_LIMITS`.
    """
    beyond = DEFAULT_LIMITS.decimal_problem(Decimal(value))
    if beyond is not None:
        raise InvalidValueError([Problem("", "out-of-range", beyond, repr(value)[:80])])
    return value


def _unstructure_measure_value(value: MeasureValue | None) -> Any:
    if isinstance(value, NotApplicable):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


def configure_framework_converter(c: cattrs.Converter) -> None:
    """Register the hooks for frameworks, rules and measure values (evidence) on ``c``.

    Frameworks are written in their file's shape (:func:`framework_to_dict`); rules as
    tables with a ``kind``; measure values as JSON true/false (facts), integers (counts),
    decimal strings (rates and values), category names or ``"not_applicable"``.
    """
    c.register_structure_hook(Framework, lambda v, _: framework_from_dict(v, source="$"))
    c.register_unstructure_hook(Framework, framework_to_dict)
    c.register_structure_hook(Rule, lambda v, _: rule_from_dict(v, ""))
    c.register_unstructure_hook(Rule, rule_to_dict)
    for cls in RULE_KINDS.values():
        c.register_unstructure_hook(cls, rule_to_dict)
    c.register_structure_hook(MeasureValue, _structure_measure_value)
    c.register_structure_hook(
        MeasureValue | None,
        _structure_optional_measure_value,
    )
    c.register_unstructure_hook(MeasureValue, _unstructure_measure_value)
    c.register_unstructure_hook(
        MeasureValue | None,
        _unstructure_measure_value,
    )
    c.register_structure_hook(Decimal | NotApplicable, _structure_decimal_or_na)

"""Scoring frameworks: the criteria tree, its rules, rule sentences, measures and files.

* :mod:`~par_index.frameworks.model` — :class:`Framework`, :class:`Criterion`,
  :class:`Component`;
* :mod:`~par_index.frameworks.rules` — the closed set of rule kinds and :func:`evaluate`;
* :mod:`~par_index.frameworks.text` — rules as Vietnamese sentences and back;
* :mod:`~par_index.frameworks.measures` — the registry of measure names;
* :mod:`~par_index.frameworks.loader` — TOML files, the bundled frameworks, JSON hooks.
"""

from par_index.frameworks.loader import (
    BUNDLED,
    bundled_frameworks,
    configure_framework_converter,
    framework_from_dict,
    framework_to_dict,
    get_framework,
    load_framework,
    loads_framework,
    rule_from_dict,
    rule_to_dict,
)
from par_index.frameworks.measures import (
    MEASURES,
    TIMELINESS_CATEGORIES,
    InvalidMeasure,
    MeasureKind,
    MeasureOrigin,
    MeasureSpec,
    MeasureValue,
    measure_spec,
)
from par_index.frameworks.model import (
    Component,
    Criterion,
    Framework,
    InvalidFramework,
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
    InvalidRule,
    ManualRule,
    Outcome,
    PerCountRule,
    ProportionalRule,
    Rule,
    Scale,
    SurveyRule,
    ThresholdRule,
    evaluate,
    is_monotone,
)
from par_index.frameworks.text import InvalidRuleText, parse_rule, render_rule

__all__ = [
    "BUNDLED",
    "MEASURES",
    "RULE_KINDS",
    "TIMELINESS_CATEGORIES",
    "Band",
    "BandsRule",
    "BooleanRule",
    "CategoricalRule",
    "Choice",
    "Component",
    "Criterion",
    "Framework",
    "InvalidFramework",
    "InvalidMeasure",
    "InvalidRule",
    "InvalidRuleText",
    "ManualRule",
    "MeasureKind",
    "MeasureOrigin",
    "MeasureSpec",
    "MeasureValue",
    "NodeRole",
    "NotApplicablePolicy",
    "Outcome",
    "PerCountRule",
    "ProportionalRule",
    "Provenance",
    "Rule",
    "Scale",
    "SurveyRule",
    "ThresholdRule",
    "bundled_frameworks",
    "configure_framework_converter",
    "evaluate",
    "framework_from_dict",
    "framework_to_dict",
    "get_framework",
    "is_monotone",
    "load_framework",
    "loads_framework",
    "measure_spec",
    "parse_rule",
    "render_rule",
    "rule_from_dict",
    "rule_to_dict",
]

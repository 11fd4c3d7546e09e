"""JSON hooks of the scoring layer: frameworks, rules, evidence and scorecards."""

from __future__ import annotations

import cattrs

from par_index.frameworks.loader import configure_framework_converter
from par_index.scoring.scorecard import NodeScore, NodeScores

__all__ = [
    "configure_scoring_converter",
]

# --------------------------------------------------------------------------- JSON


def configure_scoring_converter(c: cattrs.Converter) -> None:
    """Register the hooks for frameworks, rules, evidence and scorecards on ``c``.

    Call it on a converter from :func:`par_index.formats.json.make_converter`. A scorecard's nodes
    are
    written as a list of node objects; measure values as JSON true/false (facts), integers
    (counts), decimal strings (rates and values), category names or ``"not_applicable"``.
    """
    configure_framework_converter(c)
    c.register_unstructure_hook(NodeScores, lambda ns: [c.unstructure(n, NodeScore) for n in ns])
    c.register_structure_hook(
        NodeScores, lambda v, _: NodeScores.of(c.structure(v, tuple[NodeScore, ...]))
    )

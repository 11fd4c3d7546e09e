"""Entry point called by Hypothesis at import time (``[project.entry-points.hypothesis]``).

It registers par_index's strategies for ``st.from_type`` without building them: each type gets
a deferred strategy that imports :mod:`par_index.testing.strategies` (and the parsers and
frameworks it needs) only when a value is first drawn. So ``import hypothesis`` in a project
that has par_index installed pays for the value classes alone, not for the strategies.
"""

from __future__ import annotations

import importlib
from typing import Any

from par_index.testing._types import TYPES


def _deferred(function: str) -> Any:
    """A strategy that imports the strategies module and builds ``function()`` on first draw."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis calls this hook

    def definition() -> Any:
        strategies = importlib.import_module("par_index.testing.strategies")
        return getattr(strategies, function)()

    return st.deferred(definition)


def register() -> None:
    """Register a deferred strategy for every par_index type."""
    from hypothesis import strategies as st  # noqa: PLC0415 - Hypothesis calls this hook

    for module, name, function in TYPES:
        cls = getattr(importlib.import_module(module), name)
        st.register_type_strategy(cls, _deferred(function))

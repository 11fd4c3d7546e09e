"""Entry point called by Hypothesis at import time (``[project.entry-points.hypothesis]``).

It registers par_index's strategies for ``st.from_type``. Importing the strategies is
deferred to the call so that par_index's own import never pulls in Hypothesis.
"""

from __future__ import annotations


def register() -> None:
    """Register every par_index strategy with Hypothesis."""
    from par_index.strategies import register_type_strategies  # noqa: PLC0415

    register_type_strategies()

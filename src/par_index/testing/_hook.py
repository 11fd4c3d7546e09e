"""Entry point called by Hypothesis at import time (``[project.entry-points.hypothesis]``).

It registers par_index's strategies for ``st.from_type``. Importing the strategies is
deferred to the call so that par_index's own import never pulls in Hypothesis. When the call
comes from inside ``par_index.testing.strategies``'s own first import (that module imports
Hypothesis, which runs this hook), the module is not ready yet; it registers its strategies
itself when its import completes.
"""

from __future__ import annotations

import sys


def register() -> None:
    """Register every par_index strategy with Hypothesis."""
    module = sys.modules.get("par_index.testing.strategies")
    if module is not None and not getattr(module, "_READY", False):
        return  # par_index.testing.strategies is being imported; it registers at its end
    from par_index.testing.strategies import register_type_strategies  # noqa: PLC0415

    register_type_strategies()

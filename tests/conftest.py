"""Hypothesis profiles: ``default`` for everyday runs, ``ci`` (chosen when CI=true) draws the
same examples on every run so that a submission's result does not depend on luck, and
``thorough`` (HYPOTHESIS_PROFILE=thorough) searches ten times harder before a release."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True)
settings.register_profile(
    "thorough",
    deadline=None,
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "default")
)

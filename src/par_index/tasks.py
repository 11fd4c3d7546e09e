"""Compatibility path: the names of :mod:`par_index.model.tasks`.

Import from the new path in new code; this module stays so that existing imports keep working.
"""

from __future__ import annotations

from par_index.model.tasks import (
    Deadline,
    DeadlineKind,
    Plan,
    Task,
    TaskStatus,
    TaskUpdate,
    deadline_problem,
)

__all__ = [
    "Deadline",
    "DeadlineKind",
    "Plan",
    "Task",
    "TaskStatus",
    "TaskUpdate",
    "deadline_problem",
]

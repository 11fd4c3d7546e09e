"""Packages whose re-exported names load on first use (PEP 562).

A package ``__init__`` lists where each public name lives and calls :func:`attach`; importing
the package then imports none of its modules, and ``from package import Name`` imports only
the module that defines ``Name``. Type checkers read the same names from an
``if TYPE_CHECKING:`` block of ordinary imports.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any

__all__ = ["attach"]


def attach(
    package: str, where: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, loading each name from ``where``.

    Args:
        package: the package's ``__name__``.
        where: for each public name, the module that defines it.
    """

    def get_attribute(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    def names() -> list[str]:
        return sorted({*vars(sys.modules[package]), *where})

    return get_attribute, names

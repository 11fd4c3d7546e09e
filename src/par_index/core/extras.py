"""Optional dependencies (extras), imported when first needed, with a clear error when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from par_index.exceptions import ParIndexError

__all__ = ["MissingDependency", "require"]


class MissingDependency(ParIndexError, ImportError):
    """An optional package (or a system library it needs) is not installed.

    Attributes:
        package: the Python module that could not be imported.
        extra: the par_index extra that installs it.
    """

    def __init__(self, package: str, extra: str, system: str | None = None) -> None:
        self.package = package
        self.extra = extra
        if system is None:
            message = (
                f"thiếu gói tùy chọn {package}: pip install 'par_index[{extra}]' "
                f"(missing optional package {package})"
            )
        else:
            message = (
                f"{package} cần thư viện hệ thống {system} "
                f"({package} needs the system library {system}; "
                f"and pip install 'par_index[{extra}]')"
            )
        super().__init__(message)


def require(module: str, extra: str, *, system: str | None = None) -> ModuleType:
    """Import ``module``, or raise :class:`MissingDependency` naming the extra to install.

    Args:
        module: the module's import name.
        extra: the par_index extra that brings it.
        system: a system library the module loads when imported (cairo for CairoSVG), named
            in the error when loading it fails.

    Raises:
        MissingDependency: when the module, or the system library it needs, is missing.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency(module, extra) from None
    except OSError:  # a binding that loads a shared library (cairocffi) found none
        raise MissingDependency(module, extra, system) from None

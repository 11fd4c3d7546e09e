"""What the command groups share: resolving a framework argument, writing JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from par_index.exceptions import Problem

if TYPE_CHECKING:
    from collections.abc import Mapping

    from par_index.core.lang import Lang
    from par_index.frameworks.model import Framework

__all__ = ["emit_json", "framework_arg", "pick"]


def emit_json(out: TextIO, data: Any) -> int:
    """Write ``data`` as indented JSON (UTF-8 characters kept) and return exit status 0."""
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return 0


def framework_arg(id_or_path: str) -> Framework:
    """A bundled framework or a file, with an unknown name reported as a domain error."""
    from par_index.frameworks.loader import BUNDLED, get_framework  # noqa: PLC0415
    from par_index.frameworks.model import InvalidFramework  # noqa: PLC0415

    try:
        return get_framework(id_or_path)
    except KeyError:
        raise InvalidFramework(
            [
                Problem(
                    "framework",
                    "unknown-framework",
                    f"a bundled framework id ({', '.join(BUNDLED)}) or a framework file",
                    repr(id_or_path),
                )
            ]
        ) from None


def pick(texts: Mapping[str, tuple[str, str]], key: str, lang: Lang) -> str:
    """The Vietnamese or English text of ``key`` in a table of (vi, en) pairs."""
    vi, en = texts[key]
    return vi if lang == "vi" else en

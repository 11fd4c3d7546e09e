"""What the command groups share: resolving a framework argument, writing JSON."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from par_index.core.decode import decode_bytes
from par_index.exceptions import ParIndexError, Problem
from par_index.formats.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Mapping

    from par_index.core.lang import Lang
    from par_index.frameworks.model import Framework

__all__ = [
    "SCHEMA_VERSION",
    "Output",
    "emit_json",
    "error_json",
    "framework_arg",
    "pick",
    "problem_json",
    "read_input",
    "shown_path",
    "silence_stdout",
    "stdin_bytes",
    "utf8_stream",
]


class Output(io.TextIOBase):
    """The command's output. A reader that goes away (``par-index ... | head``) ends the
    writing quietly: the rest is dropped and the command still returns its true status."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self.closed_by_reader = False

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        if not self.closed_by_reader:
            try:
                self._stream.write(s)
            except BrokenPipeError:
                self.closed_by_reader = True
        return len(s)

    def flush(self) -> None:
        if not self.closed_by_reader:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self.closed_by_reader = True


def utf8_stream(stream: TextIO) -> TextIO:
    """``stream`` writing UTF-8 whatever the locale (a cp1258 or ASCII console would refuse
    Vietnamese); a character that cannot be encoded (a lone surrogate) is escaped."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        return stream
    stream.flush()  # what was written before goes first
    return io.TextIOWrapper(
        buffer, encoding="utf-8", errors="backslashreplace", newline="\n", write_through=True
    )


def silence_stdout() -> None:
    """After the reader went away: point standard output at /dev/null so that Python's own
    flush at exit does not fail (as the Python documentation advises for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def shown_path(name: str) -> str:
    """A file name as it can be shown: bytes that are not UTF-8 (kept by Python as lone
    surrogates) appear as ``\\xff`` escapes instead of breaking the output."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def stdin_bytes() -> bytes | str:
    """Standard input as bytes (decoded at the boundary, not by the locale); text when it has
    no bytes underneath (a stream a program put there)."""
    buffer = getattr(sys.stdin, "buffer", None)
    data: bytes | str = buffer.read() if buffer is not None else sys.stdin.read()
    return data


def read_input(name: str) -> str:
    """The text of a file, or of standard input for ``-``, through the decoding boundary.

    Raises:
        LoadError: when the bytes are no text the library reads.
        OSError: when the file cannot be read.
    """
    if name == "-":
        return decode_bytes(stdin_bytes(), source="<stdin>")
    return decode_bytes(Path(name).read_bytes(), source=shown_path(name))


def problem_json(p: Problem) -> dict[str, str]:
    """A problem as JSON."""
    return {"path": p.path, "code": p.code, "expected": p.expected, "found": p.found}


def error_json(exc: BaseException, message: str) -> dict[str, Any]:
    """An error as the JSON document of ``--format json``: its kind, message and problems."""
    problems: tuple[Problem, ...] = (
        getattr(exc, "problems", ()) if isinstance(exc, ParIndexError) else ()
    )
    omitted = getattr(exc, "omitted", {})
    return {
        "schema_version": SCHEMA_VERSION,
        "error": {
            "kind": type(exc).__name__,
            "source": shown_path(getattr(exc, "source", "")) or None,
            "message": message,
            "problems": [problem_json(p) for p in problems],
            "omitted": dict(omitted),
        },
    }


def emit_json(out: TextIO, data: Any) -> int:
    """Write ``data`` as indented JSON (UTF-8 characters kept) and return exit status 0.

    An object gets ``"schema_version"`` first when it has none: every JSON output carries it.
    """
    if isinstance(data, dict) and "schema_version" not in data:
        from par_index.formats.schema import versioned  # noqa: PLC0415

        data = versioned(data)
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

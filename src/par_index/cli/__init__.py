"""The ``par-index`` command.

Output speaks Vietnamese by default; ``--lang en`` gives English. Exit status: 0 success,
1 when the input has problems (they are all listed), 2 for a usage error.

Each command group lives in its own module with a ``register(sub, common)`` function. Only the
group named on the command line is imported: ``par-index --help`` and a command of one group
load nothing of the others.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from par_index import __version__

# Neither typing nor the package's modules are imported at run time until a command needs
# them: ``par-index --help`` starts as fast as Python itself, nearly.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Final, TextIO

    from par_index.cli._common import Output

__all__ = ["COMMANDS", "build_parser", "main"]

#: Every command: its module (``par_index.cli.<module>``) and its one-line help. A new
#: command group is a new module with ``register(sub, common)`` plus its lines here.
COMMANDS: Final[dict[str, tuple[str, str]]] = {
    "score": (
        "scoring",
        "score evidence under a framework (no argument: the bundled Ba Trang example)",
    ),
    "rank": ("scoring", "rank scorecards (or evidence files)"),
    "sensitivity": ("sensitivity", "how firm ranks are when weights and thresholds change"),
    "frameworks": ("frameworks", "bundled and user frameworks"),
    "template": ("template", "write the evidence table units fill in (.xlsx or .csv)"),
    "schema": ("schema", "print the JSON Schema of an output (no name: list them)"),
    "report": ("report", "periodic CCHC reports (báo cáo CCHC)"),
    "plan": ("plan", "reform plans (kế hoạch CCHC): check a plan table, measure its tasks"),
    "dossiers": ("dossiers", "dossier files (JSON or portal CSV)"),
    "calendar": ("calendar", "working days of the public sector (lịch làm việc)"),
    "period": ("period", 'cut-off and due dates of a period, e.g. "6 tháng đầu năm 2023"'),
    "refs": ("refs", "list every document reference in a text file (- for stdin)"),
    "example": ("example", "the bundled Ba Trang six-month 2023 report, summarised"),
}


def _shared_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="output language (default vi)"
    )
    common.add_argument("--format", choices=["text", "json"], default="text")
    return common


def _chosen(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not an option)."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The ``par-index`` parser; the group of the command in ``argv`` is registered in full,
    the others by name and help only (they are imported when named)."""
    parser = argparse.ArgumentParser(
        prog="par-index",
        description="Mô hình hóa và chấm điểm cải cách hành chính (PAR INDEX) / "
        "model and score Vietnamese administrative reform.",
    )
    parser.add_argument("--version", action="version", version=f"par-index {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = _chosen(argv)
    if chosen is not None:
        module = importlib.import_module(f"par_index.cli.{COMMANDS[chosen][0]}")
        module.register(sub, _shared_options())
    for name, (_, help_text) in COMMANDS.items():
        if name not in sub.choices:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


_MESSAGES: Final = {
    "stdout_closed": (
        "par-index: đầu ra chuẩn (stdout) đã bị đóng, không ghi được kết quả",
        "par-index: standard output is closed",
    ),
    "internal": (
        "par-index: lỗi nội bộ của chương trình ({kind}), xin báo lại cho nhóm phát triển",
        "par-index: internal error ({kind}), please report it",
    ),
}


def _say(args: argparse.Namespace, key: str) -> str:
    vi, en = _MESSAGES[key]
    return en if getattr(args, "lang", "vi") == "en" else vi


def _fail(args: argparse.Namespace, out: Output, exc: BaseException, message: str) -> int:
    """Report an error: the message on standard error and, for ``--format json``, the error
    as a JSON document on standard output. Returns the exit status 1."""
    import json  # noqa: PLC0415 - only on failure

    from par_index.cli._common import error_json  # noqa: PLC0415

    sys.stderr.write(message + "\n")
    if getattr(args, "format", None) == "json":
        out.write(json.dumps(error_json(exc, message), ensure_ascii=False, indent=2) + "\n")
    return 1


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit status.

    Exit status: 0 success; 1 when the input has problems (all listed), whether or not the
    reader of the output read it all (``par-index dossiers check f.csv | head -1``); 2 for
    a usage error; 3 for an error of the program itself, a bug to report (never a
    traceback).
    """
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)  # --help and usage errors exit here, having loaded nothing
    from par_index.cli._common import Output, utf8_stream  # noqa: PLC0415

    own: TextIO | None = None
    if out is None:
        if sys.stdout is None:  # started with standard output closed (>&-)
            sys.stderr.write(_say(args, "stdout_closed") + "\n")
            return 1
        out = own = utf8_stream(sys.stdout)
    stream = Output(out)
    try:
        return _run(args, stream)
    finally:
        import contextlib  # noqa: PLC0415 - nothing is imported before a command runs
        import io  # noqa: PLC0415

        stream.flush()
        if isinstance(own, io.TextIOWrapper) and own is not sys.stdout:
            with contextlib.suppress(OSError, ValueError):
                own.detach()  # the buffer is sys.stdout's: it stays open


def _run(args: argparse.Namespace, stream: Output) -> int:
    from par_index.cli._common import shown_path, silence_stdout  # noqa: PLC0415

    try:
        status: int = args.run(args, stream)
    except Exception as exc:  # no traceback reaches a user; the bug is named
        # Whatever raised a library error has imported the error module already.
        from par_index.exceptions import LoadError, ParIndexError  # noqa: PLC0415

        if isinstance(exc, LoadError):
            status = _fail(args, stream, exc, str(exc))
        elif isinstance(exc, ParIndexError):
            status = _fail(args, stream, exc, f"par-index: {exc}")
        elif isinstance(exc, OSError):
            status = _fail(args, stream, exc, f"par-index: {shown_path(str(exc))}")
        else:
            import os  # noqa: PLC0415

            if os.environ.get("PAR_INDEX_TRACEBACK"):
                raise  # for a bug report: the whole traceback
            sys.stderr.write(_say(args, "internal").format(kind=type(exc).__name__) + "\n")
            return 3
    stream.flush()
    if stream.closed_by_reader:
        silence_stdout()
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""The error hierarchy of par_index.

Every error raised on purpose is a :class:`ParIndexError`. Errors about bad values also
subclass :class:`ValueError` so that callers who catch the builtin keep working. Each carries
structured :class:`Problem` records (path, what was expected, what was found, a stable code)
so that a tool can show all of them at once instead of the first.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "InvalidAdministrativeUnit",
    "InvalidDocumentRef",
    "InvalidDossier",
    "InvalidPeriod",
    "InvalidProcedure",
    "InvalidReport",
    "InvalidTask",
    "InvalidValueError",
    "LoadError",
    "ParIndexError",
    "Problem",
]


@attrs.frozen
class Problem:
    """One thing wrong with an input.

    Attributes:
        path: where the problem is: a JSON path (``$.dossiers[3].received_at``), a CSV
            location (``row 4, column NgayTiepNhan``) or a field name.
        code: a stable machine-readable identifier (``finished-before-received``).
        expected: what a correct value looks like, in words.
        found: a short rendering of what was there.
    """

    path: str
    code: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.path}: expected {self.expected}, found {self.found} [{self.code}]"

    def under(self, prefix: str) -> Problem:
        """This problem with its path placed under ``prefix`` (``$.dossiers[3]``)."""
        if self.path in ("", "$"):
            path = prefix
        elif self.path.startswith("$"):
            path = prefix + self.path[1:]
        else:
            path = f"{prefix}.{self.path}"
        return attrs.evolve(self, path=path)


class ParIndexError(Exception):
    """Root of every error that par_index raises on purpose."""


class InvalidValueError(ParIndexError, ValueError):
    """A value breaks a rule of the domain; ``problems`` lists every rule broken.

    The message is English and names the Vietnamese term concerned (``term``).
    """

    term: str = "giá trị"
    what: str = "value"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("an InvalidValueError needs at least one Problem")
        lines = "; ".join(str(p) for p in self.problems)
        super().__init__(f"invalid {self.what} ({self.term}): {lines}")

    @property
    def field(self) -> str:
        """The path of the first problem (the field for a single-object error)."""
        return self.problems[0].path

    @property
    def code(self) -> str:
        """The code of the first problem."""
        return self.problems[0].code


class InvalidAdministrativeUnit(InvalidValueError):
    """An administrative unit (đơn vị hành chính) whose code, level or parent is wrong."""

    term = "đơn vị hành chính"
    what = "administrative unit"


class InvalidPeriod(InvalidValueError):
    """A reporting period (kỳ báo cáo) that does not exist or a phrase that names none."""

    term = "kỳ báo cáo"
    what = "reporting period"


class InvalidDocumentRef(InvalidValueError):
    """A document reference (số, ký hiệu văn bản) that cannot be read or is malformed."""

    term = "số, ký hiệu văn bản"
    what = "document reference"


class InvalidProcedure(InvalidValueError):
    """An administrative procedure (thủ tục hành chính, TTHC) with a bad code or limit."""

    term = "thủ tục hành chính"
    what = "administrative procedure"


class InvalidDossier(InvalidValueError):
    """A dossier (hồ sơ TTHC) whose fields contradict each other or the portal's codes."""

    term = "hồ sơ TTHC"
    what = "dossier"


class InvalidTask(InvalidValueError):
    """A plan (kế hoạch) or task (nhiệm vụ) whose status, dates or ids contradict."""

    term = "kế hoạch, nhiệm vụ"
    what = "plan or task"


class InvalidReport(InvalidValueError):
    """A report (báo cáo CCHC) model whose parts contradict each other."""

    term = "báo cáo CCHC"
    what = "report"


class LoadError(InvalidValueError):
    """A file could not be loaded; ``problems`` lists every problem with its location.

    ``source`` names the file (or ``<string>``) that was read.
    """

    term = "tệp dữ liệu"
    what = "file"

    def __init__(self, problems: Iterable[Problem], *, source: str = "<string>") -> None:
        self.source = source
        self.what = f"file {source}"
        super().__init__(problems)

"""The error hierarchy of par_index.

Every error raised on purpose is a :class:`ParIndexError`. Errors about bad values also
subclass :class:`ValueError` so that callers who catch the builtin keep working. Each carries
structured :class:`Problem` records (path, what was expected, what was found, a stable code)
so that a tool can show all of them at once instead of the first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import attrs

from par_index.core.limits import DEFAULT_LIMITS, Limits

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
    "Rejected",
    "RejectedRecords",
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


@attrs.frozen
class Rejected:
    """A record that could not be loaded.

    Attributes:
        location: ``$.dossiers[3]`` or ``row 4``.
        problems: every problem found in it.
    """

    location: str
    problems: tuple[Problem, ...]


class RejectedRecords:
    """The rejected records of one file: kept in full up to the problem cap
    (:attr:`~par_index.core.limits.Limits.max_problems`), then counted, their problems by
    code, so that a million bad rows cost kilobytes."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.cap = limits.max_problems
        self.kept: list[Rejected] = []
        self.kept_problems = 0
        self.omitted: Counter[str] = Counter()
        self.omitted_records = 0

    def add(self, location: str, problems: Sequence[Problem]) -> None:
        """Keep a rejected record, or count it once the cap is reached."""
        if self.kept_problems < self.cap:
            self.kept.append(Rejected(location, tuple(problems)))
            self.kept_problems += len(problems)
        else:
            self.omitted_records += 1
            self.omitted.update(p.code for p in problems)

    @property
    def count(self) -> int:
        """Every record rejected, kept or counted."""
        return len(self.kept) + self.omitted_records

    def omitted_items(self) -> tuple[tuple[str, int], ...]:
        """The problems not kept, by code, sorted."""
        return tuple(sorted(self.omitted.items()))


class ParIndexError(Exception):
    """Root of every error that par_index raises on purpose."""


class InvalidValueError(ParIndexError, ValueError):
    """A value breaks a rule of the domain; ``problems`` lists every rule broken.

    The message is English and names the Vietnamese term concerned (``term``).
    """

    term: str = "giá trị"
    what: str = "value"

    #: Problems written out in the message; the others are counted by code.
    shown: int = 50

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("an InvalidValueError needs at least one Problem")
        super().__init__(f"invalid {self.what} ({self.term}): {self._lines()}")

    def _lines(self) -> str:
        lines = "; ".join(str(p) for p in self.problems[: self.shown])
        rest = Counter(p.code for p in self.problems[self.shown :])
        for code, n in self.omitted.items():
            rest[code] += n
        if rest:
            counts = ", ".join(f"{code} {n}" for code, n in sorted(rest.items()))
            lines += f"; and {sum(rest.values())} more ({counts})"
        return lines

    @property
    def omitted(self) -> Mapping[str, int]:
        """Problems found but not kept, by code (see :class:`LoadError`)."""
        return {}

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

    ``source`` names the file (or ``<string>``) that was read. A file with more problems than
    :attr:`~par_index.core.limits.Limits.max_problems` keeps that many in full and counts
    the others by code in :attr:`omitted`, so that a million bad rows cost kilobytes.
    """

    term = "tệp dữ liệu"
    what = "file"

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str = "<string>",
        omitted: Mapping[str, int] | None = None,
        cap: int = DEFAULT_LIMITS.max_problems,
    ) -> None:
        self.source = source
        self.what = f"file {source}"
        kept: list[Problem] = []
        counts: Counter[str] = Counter(omitted or {})
        for p in problems:
            if len(kept) < cap:
                kept.append(p)
            else:
                counts[p.code] += 1
        self._omitted = dict(counts)
        super().__init__(kept)

    @property
    def omitted(self) -> Mapping[str, int]:
        """Problems found past the cap and not kept, by code."""
        return self._omitted

    @property
    def total(self) -> int:
        """Every problem found, kept or counted."""
        return len(self.problems) + sum(self._omitted.values())

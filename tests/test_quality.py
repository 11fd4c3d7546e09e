"""Lint and type checks run as part of the suite (the README's one test command)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_lint_and_format() -> None:
    lint = _run(sys.executable, "-m", "ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_strict() -> None:
    done = _run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout + done.stderr


def test_package_ships_type_information() -> None:
    assert (ROOT / "src" / "par_index" / "py.typed").exists()


def test_the_test_extra_installs_every_extra() -> None:
    """Every package of every extra, with its own extras and the same versions, is in the
    ``test`` extra: the suite tests every optional path."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        extras: dict[str, list[str]] = tomllib.load(f)["project"]["optional-dependencies"]

    def packages(extra: str) -> list[Requirement]:
        found: list[Requirement] = []
        for requirement in map(Requirement, extras[extra]):
            if canonicalize_name(requirement.name) == "par-index":
                found += (r for name in sorted(requirement.extras) for r in packages(name))
            else:
                found.append(requirement)
        return found

    tested = {canonicalize_name(r.name): r for r in packages("test")}
    missing = [
        f"{extra}: {r}"
        for extra in extras
        for r in packages(extra)
        if (t := tested.get(canonicalize_name(r.name))) is None
        or not r.extras <= t.extras
        or r.specifier != t.specifier
    ]
    assert not missing

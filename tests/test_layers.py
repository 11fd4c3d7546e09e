"""The package's layers: imports point one way, downward, and form no circle.

Each folder of ``par_index`` is a layer; a module may import only from its own layer or a
lower one. The compatibility modules at the top (old paths kept for existing imports) may
import anything, and nothing inside the package imports them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

import par_index

PACKAGE: Final = Path(par_index.__file__).parent

#: The layers, lowest first.
LAYERS: Final = (
    "core",
    "model",
    "calendar",
    "service",
    "reports",
    "frameworks",
    "scoring",
    "formats",
    "examples",
    "testing",
    "cli",
)
#: Top-level modules that belong to a layer; the others are the package's front
#: (``__init__``, ``__main__``) or compatibility paths.
TOP_LEVEL: Final = {"exceptions": "core", "__main__": "cli"}
FRONT: Final = "__init__"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str | None:
    """The layer of ``par_index.x.y``; None for the front and the compatibility paths."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    if parts[1] in LAYERS:
        return parts[1]
    return TOP_LEVEL.get(parts[1])


def _imports(tree: ast.AST, module: str, *, top_only: bool) -> Iterator[tuple[str, int]]:
    """The par_index modules imported by ``tree``: all of them, or only those imported when
    the module itself is (outside functions and ``if TYPE_CHECKING:``)."""
    package = module if module in _PACKAGES else module.rpartition(".")[0]
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if top_only and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if (
                top_only
                and isinstance(child, ast.If)
                and isinstance(child.test, ast.Name)
                and child.test.id == "TYPE_CHECKING"
            ):
                stack.extend(child.orelse)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("par_index"):
                        yield alias.name, child.lineno
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - child.level + 1])
                    base = f"{base}.{child.module}" if child.module else base
                if base.startswith("par_index"):
                    for alias in child.names:
                        sub = f"{base}.{alias.name}"
                        yield (sub if sub in _ALL else base), child.lineno
            stack.append(child)


_ALL: Final = modules()
_PACKAGES: Final = {m for m, p in _ALL.items() if p.name == "__init__.py"}
_COMPAT: Final = {m for m in _ALL if m.count(".") == 1 and layer_of(m) is None}


def _resolve(name: str) -> str:
    while name not in _ALL and "." in name:
        name = name.rpartition(".")[0]
    return name


def upward_imports() -> list[str]:
    found = []
    for module, path in _ALL.items():
        here = layer_of(module)
        if here is None:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, line in _imports(tree, module, top_only=False):
            target = _resolve(name)
            there = layer_of(target)
            if target in _COMPAT:
                found.append(f"{module}:{line} imports the compatibility path {target}")
            elif there is not None and LAYERS.index(there) > LAYERS.index(here):
                found.append(f"{module}:{line} ({here}) imports {target} ({there})")
    return found


def import_cycles() -> list[list[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in _ALL.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = {
            _resolve(t) for t, _ in _imports(tree, module, top_only=True) if _resolve(t) != module
        }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    trail: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        trail.append(m)
        for n in sorted(graph.get(m, ())):
            # A package's __init__ importing its own submodules is how a package re-exports.
            if m in _PACKAGES and n.startswith(m + "."):
                continue
            if state.get(n) == 1:
                cycles.append([*trail[trail.index(n) :], n])
            elif n not in state:
                visit(n)
        trail.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    return cycles


def test_every_module_has_a_layer_or_is_a_known_front() -> None:
    homeless = sorted(m for m in _ALL if layer_of(m) is None and m != "par_index")
    assert homeless == sorted(_COMPAT)
    assert all(_ALL[m].parent == PACKAGE for m in _COMPAT)


def test_no_import_points_upward() -> None:
    assert upward_imports() == []


def test_no_import_circles() -> None:
    assert import_cycles() == []


def test_an_upward_import_is_caught(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # The check itself: a model module that imports scoring is reported.
    bad = PACKAGE / "model" / "units.py"
    text = bad.read_text(encoding="utf-8") + "\nfrom par_index.scoring.engine import score\n"
    fake = tmp_path / "units.py"
    fake.write_text(text, encoding="utf-8")
    monkeypatch.setitem(_ALL, "par_index.model.units", fake)
    assert upward_imports() == [
        f"par_index.model.units:{text.count(chr(10))} (model) imports par_index.scoring.engine "
        "(scoring)"
    ]


def test_a_circle_is_caught(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "ratios.py"
    text = (PACKAGE / "model" / "ratios.py").read_text(encoding="utf-8")
    fake.write_text(text + "\nimport par_index.model.periods\n", encoding="utf-8")
    other = tmp_path / "periods.py"
    text = (PACKAGE / "model" / "periods.py").read_text(encoding="utf-8")
    other.write_text(text + "\nimport par_index.model.ratios\n", encoding="utf-8")
    monkeypatch.setitem(_ALL, "par_index.model.ratios", fake)
    monkeypatch.setitem(_ALL, "par_index.model.periods", other)
    assert ["par_index.model.periods", "par_index.model.ratios", "par_index.model.periods"] in (
        import_cycles()
    )

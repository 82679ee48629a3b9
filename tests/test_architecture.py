"""The package's shape: layers that import only downward (import-linter, in `make lint`), no module
that takes another's underscore names, and no module or function too long to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "nato_ukraine"
MODULES = sorted(SRC.glob("*.py"))

#: The most lines a module, and a function, may have.
MODULE_LINES = 700
FUNCTION_LINES = 60


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_no_module_takes_another_modules_underscore_names(path: Path) -> None:
    """No module imports an underscore name from another module of the package, nor reads one off it."""
    module = path.stem
    found = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("nato_ukraine"):
            found += [f"from {node.module} import {a.name}" for a in node.names if a.name.startswith("_")]
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            imported = node.value.id.startswith(("nato_ukraine", "_"))
            if imported and node.attr.startswith("_") and not node.attr.startswith("__"):
                found.append(f"{node.value.id}.{node.attr}")
    assert [] == found, module


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_modules_and_functions_are_short(path: Path) -> None:
    """No module is over 700 lines and no function over 60."""
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(tree(path))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > FUNCTION_LINES
    ]
    assert (lines <= MODULE_LINES, []) == (True, long)


def test_the_layers_contract_covers_every_module() -> None:
    """Every module of the package is in a layer of the import-linter contract (so none escapes it)."""
    tomllib = pytest.importorskip("tomllib")  # (Python 3.11 on)
    config = tomllib.loads((SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    layers = config["tool"]["importlinter"]["contracts"][0]["layers"]
    named = {module.strip() for layer in layers for module in layer.split("|")}
    modules = {f"nato_ukraine.{path.stem}" for path in MODULES if path.stem != "__init__"}
    assert modules == named

"""The pure core imports nothing from Qt: every module under nnviz/, found automatically.

The rule is one folder per side of the boundary: ``nnviz/`` is pure (NumPy and the standard
library), ``app/`` holds everything that imports Qt. So a new module is checked the moment it
exists, with no list to keep.
"""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import nnviz

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "pyqtgraph", "shiboken6", "OpenGL")


def _top_level() -> list[str]:
    # nnviz.__main__ is the launcher of `python -m nnviz`: importing it starts the app.
    names = (f"nnviz.{m.name}" for m in pkgutil.iter_modules(nnviz.__path__))
    return sorted(n for n in names if n != "nnviz.__main__")


def _all_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(nnviz.__path__, "nnviz."))


# Imports each module of a package in turn and names the first one after which Qt is loaded.
PROBE = """
import importlib, pkgutil, sys
QT = {qt!r}
name = sys.argv[1]
module = importlib.import_module(name)
inside = pkgutil.walk_packages(getattr(module, "__path__", []), name + ".")
names = [name] + [i.name for i in inside]
for n in names:
    importlib.import_module(n)
    loaded = [m for m in QT if m in sys.modules]
    if loaded:
        print(n + " pulled in " + ",".join(loaded))
        break
"""


def test_the_pure_core_is_found():
    """Discovery sees every pure package (a broken walk would silently check nothing)."""
    modules = _all_modules()
    for expected in ("nnviz.engine.mlp", "nnviz.graph.explainer", "nnviz.lab", "nnviz.session"):
        assert expected in modules
    assert len(modules) >= 70


@pytest.mark.parametrize("name", _top_level())
def test_pure_module_imports_no_qt(name):
    """Importing the module (and all its submodules) in a fresh interpreter loads no Qt."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(qt=QT), name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [f"{path.name}:{node.lineno}" for n in names if n.split(".")[0] in QT]
    return found


def test_no_qt_import_anywhere_in_the_core_not_even_inside_a_function():
    """A lazy import inside a function would escape the import test; the source has none."""
    bad = [hit for p in sorted((ROOT / "nnviz").rglob("*.py")) for hit in _qt_imports(p)]
    assert bad == []

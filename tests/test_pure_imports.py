"""The pure core imports nothing from Qt: each module, fresh interpreter, no PySide6/pyqtgraph."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = [
    "nnviz.engine",
    "nnviz.data",
    "nnviz.graph",
    "nnviz.landscape",
    "nnviz.session",
    "nnviz.lab",
    "nnviz.commands",
    "nnviz.snapshot",
    "nnviz.lab_loop",
    "nnviz.picture",
    "nnviz.landscape_picture",
    "nnviz.palette",
    "nnviz.presets",
]

# Imports the module and, for a package, every submodule in it; then reports any Qt import.
PROBE = """
import importlib, pkgutil, sys
name = sys.argv[1]
module = importlib.import_module(name)
for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
    importlib.import_module(info.name)
print(",".join(m for m in ("PySide6", "pyqtgraph") if m in sys.modules))
"""


def _exists(name: str) -> bool:
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.util.find_spec(name) is not None
    finally:
        sys.path.remove(str(ROOT))


@pytest.mark.parametrize("name", PURE)
def test_pure_module_imports_no_qt(name):
    """Importing the module (and all its submodules) alone loads neither PySide6 nor pyqtgraph."""
    if not _exists(name):
        pytest.skip(f"{name} does not exist yet")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{name} pulled in {result.stdout.strip()}"

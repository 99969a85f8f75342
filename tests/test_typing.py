"""mypy is clean on the pure core: ``mypy`` with no arguments, as ``make lint`` runs it.

``[tool.mypy]`` in pyproject.toml names what is checked (``nnviz/``). CI installs the ``dev``
extra, so this runs there; on a machine without mypy it is skipped.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed (it comes with the dev extra: pip install -e '.[dev]')",
)
def test_mypy_is_clean_on_the_pure_core():
    """Every module under nnviz/ type-checks with no error."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr

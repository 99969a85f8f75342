"""`make run` installs quietly: no setuptools warning reaches a newcomer's first screen."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Lines a package index on some machines prints about its own settings, not about nnviz.
MACHINE_NOTES = ("WARNING: Location 'file:",)


def _makefile_warning_filter() -> str:
    """The PYTHONWARNINGS that the Makefile's install line sets ('' if it sets none)."""
    install = next(line for line in (ROOT / "Makefile").read_text().splitlines() if "-e " in line)
    found = re.search(r'PYTHONWARNINGS="([^"]*)"', install)
    return found.group(1) if found else ""


def test_the_editable_install_prints_no_setuptools_warning(tmp_path):
    """The Makefile's install, run on a copy of the project, says nothing of setuptools."""
    project = tmp_path / "project"  # a copy: building writes egg-info beside the sources
    # --ignore-installed: into its own prefix, leaving the nnviz this suite runs installed.
    for part in ("nnviz", "app", "resources"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / part, project / part)
    script = Path(sys.executable).with_name("nnviz")  # `make run` starts this one
    installed = script.exists()
    env = {**os.environ, "PYTHONWARNINGS": _makefile_warning_filter()}
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--ignore-installed",
         "--prefix", str(tmp_path / "prefix"), "-e", str(project)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    said = [line for line in done.stderr.splitlines() if not line.startswith(MACHINE_NOTES)]
    assert not [line for line in said if re.search(r"warning|deprecat", line, re.I)], said
    assert script.exists() == installed  # the suite's own nnviz was left installed

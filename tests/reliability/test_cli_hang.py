"""The command line always ends: divergence and bad files give a message and a non-zero code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.reliability.mutators import base_session

ROOT = Path(__file__).resolve().parents[2]


def _nnviz(*args: str, home: Path) -> subprocess.CompletedProcess:
    # The generous timeout only stops a hung run; the test is that it returns by itself.
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(home)}
    code = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_a_diverging_session_ends_with_its_message_and_its_own_preset(tmp_path):
    """--open S --epochs 20 --report on a diverging run exits non-zero, naming S's preset."""
    raw = json.loads(base_session("blobs"))
    raw["config"].update(lr=1e6, optimizer="sgd")
    session = tmp_path / "diverges.nnviz"
    session.write_text(json.dumps(raw), encoding="utf-8")
    done = _nnviz("--open", str(session), "--epochs", "20", "--report", home=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "diverged at epoch" in done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["preset"] == "blobs" and report["epochs"] < 20


def test_regression_reports_have_no_accuracy_and_no_nulls(tmp_path):
    """Metrics that do not apply (accuracy for regression) are absent, never null."""
    session = tmp_path / "curve.nnviz"
    session.write_text(base_session("curve"), encoding="utf-8")
    done = _nnviz("--open", str(session), "--epochs", "2", "--report", home=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["preset"] == "curve" and "train_loss" in report
    assert "train_acc" not in report and None not in report.values()


def test_a_bad_file_is_one_message_and_a_clean_exit(tmp_path):
    """--open of a damaged file prints one reason and exits 2, with no Qt thread abort."""
    bad = tmp_path / "bad.nnviz"
    raw = json.loads(base_session("xor"))
    raw["dataset"]["domain"] = "abc"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    done = _nnviz("--open", str(bad), "--report", home=tmp_path)
    assert done.returncode == 2
    assert "dataset.domain: expected two finite numbers" in done.stderr
    assert "QThread" not in done.stderr and len(done.stderr.strip().splitlines()) == 1

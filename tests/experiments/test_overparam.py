"""Over-parameterisation on the two spirals: wide networks succeed from every seed."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnviz.experiments.overparam import decimate, run_overparam, spirals
from nnviz.lessons.registry import compute


@pytest.fixture(scope="module")
def result():
    """The issue's full grid (7 widths × 10 seeds × 2000 Adam steps), trained once."""
    return run_overparam()


def test_narrow_fails_wide_succeeds(result):
    """Width 2 reaches 100 % on at most 2 of 10 seeds; every width ≥ 16 on at least 9."""
    rate = dict(zip(result.widths, result.success_rate, strict=True))
    assert rate[2] <= 0.2
    assert all(rate[w] >= 0.9 for w in result.widths if w >= 16)


def test_spread_shrinks_with_width(result):
    """The final losses of wide networks agree far more closely than narrow ones'."""
    spread = dict(zip(result.widths, result.loss_spread, strict=True))
    narrow = max(spread[w] for w in result.widths if w <= 6)
    wide = max(spread[w] for w in result.widths if w >= 16)
    assert wide < 0.1 * narrow
    assert np.all(result.loss_std >= 0) and result.loss_std[-1] < result.loss_std.max()


def test_every_curve_is_kept_and_decimated(result):
    """One curve per run, at most 200 points, starting at step 0 and ending at the last step."""
    assert result.curves.shape == (7, 10, len(result.curve_steps))
    assert len(result.curve_steps) <= 200
    assert result.curve_steps[0] == 0 and result.curve_steps[-1] == 1999
    assert np.all(np.isfinite(result.curves))


def test_decimate_keeps_short_runs_whole():
    """A run of 50 steps is kept whole; 10,000 steps shrink to ≤ 200 indices in order."""
    assert np.array_equal(decimate(50), np.arange(50))
    idx = decimate(10_000)
    assert len(idx) <= 200 and np.all(np.diff(idx) > 0) and idx[-1] == 9999


def test_spirals_drop_the_shared_centre():
    """No point closer to the origin than 0.5, and both classes remain."""
    X, y = spirals()
    assert np.all(np.hypot(X[:, 0], X[:, 1]) >= 0.5) and set(np.unique(y)) == {0.0, 1.0}


def test_lesson_numbers_are_plain_json():
    """The registered lesson function returns JSON values of matching lengths (small grid)."""
    numbers = compute("overparameterisation", widths=[2, 8], seeds=2, steps=20)
    assert json.loads(json.dumps(numbers)) == numbers
    assert numbers["widths"] == [2, 8]
    assert len(numbers["success_rate_by_width"]) == len(numbers["loss_spread_by_width"]) == 2


def test_experiment_and_lesson_import_no_qt():
    """The experiment and its lesson module are pure: no PySide6 or pyqtgraph once imported."""
    code = (
        "import sys, nnviz.experiments.overparam, nnviz.lessons.overparam;"
        "print(','.join(m for m in ('PySide6', 'pyqtgraph') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
        timeout=120,
    )  # fmt: skip
    assert out.stdout.strip() == ""

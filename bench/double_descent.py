"""Double-descent benchmark: the 17-width × 20-data-set sweep through the SVD closed forms,
against an explicit gradient-descent loop doing the same early-stopping search, same run.

Run with ``python bench/double_descent.py``. Prints human-readable lines, then one JSON object
on the last line. Target (issue 14): the whole default sweep (min-norm, ridge and early
stopping searched over T = 1 … 10⁶ steps, every width, every data set) in ≤ 3 s.

The baseline cannot search up to 10⁶ steps (it would take minutes), so the ratio is measured
on matched work: every cell's early-stopping search over the checkpoints T ≤ 1000, done once by
looping w ← w − η Φᵀ(Φw − y)/n and once by the closed form; both must agree to ~1e-10.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from nnviz.engine.random_features import (  # noqa: E402
    feature_svd,
    gd_gains,
    random_features,
    stable_lr,
)
from nnviz.experiments.double_descent import (  # noqa: E402
    DEFAULT_PS,
    EARLY_STOP_STEPS,
    double_descent,
    draw_task,
)

TARGET_S = 3.0
N_TRAIN, N_SEEDS, NOISE, D = 40, 20, 0.5, 5
MATCHED_STEPS = EARLY_STOP_STEPS[EARLY_STOP_STEPS <= 1000].astype(int)


def full_sweep(repeats: int = 3) -> tuple[float, object]:
    """Best time of the default sweep (17 widths × 20 data sets), and its result."""
    best, curve = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        curve = double_descent(DEFAULT_PS, N_TRAIN, N_SEEDS, NOISE, D)
        best = min(best, time.perf_counter() - start)
    return best, curve


def _cell(p: int, seed: int):
    rng = np.random.default_rng(seed)
    task = draw_task(N_TRAIN, NOISE, D, rng)
    features = random_features(D, p, rng)
    return task, features.transform(task.X), features.transform(task.X_val)


def closed_form_search(cells) -> tuple[list[np.ndarray], float]:
    """Validation error at every checkpoint, from one SVD per cell."""
    start = time.perf_counter()
    curves = []
    for task, Phi, val_phi in cells:
        svd = feature_svd(Phi, task.y)
        weights = svd.weights(gd_gains(svd, stable_lr(svd), MATCHED_STEPS))
        curves.append(np.mean((val_phi @ weights - task.y_val[:, None]) ** 2, axis=0))
    return curves, time.perf_counter() - start


def loop_search(cells) -> tuple[list[np.ndarray], float]:
    """The same validation errors by running gradient descent step by step from w = 0."""
    start = time.perf_counter()
    curves = []
    checkpoints = set(int(t) for t in MATCHED_STEPS)
    for task, Phi, val_phi in cells:
        n, lr = len(task.y), stable_lr(feature_svd(Phi, task.y))
        w, errors = np.zeros(Phi.shape[1]), []
        for step in range(1, int(MATCHED_STEPS[-1]) + 1):
            w -= lr * Phi.T @ (Phi @ w - task.y) / n
            if step in checkpoints:
                errors.append(np.mean((val_phi @ w - task.y_val) ** 2))
        curves.append(np.array(errors))
    return curves, time.perf_counter() - start


def main() -> None:
    """Time the full sweep, then the matched comparison; print lines and the JSON line."""
    sweep_s, curve = full_sweep()
    print(f"double-descent sweep, {len(DEFAULT_PS)} widths × {N_SEEDS} data sets: {sweep_s:.3f} s")
    print(f"  peak at p = {curve.peak_p} (N = {N_TRAIN}); zero training error from p =", end=" ")
    print(curve.interpolation_p)
    cells = [_cell(p, seed) for p in DEFAULT_PS for seed in range(N_SEEDS)]
    fast, fast_s = closed_form_search(cells)
    slow, slow_s = loop_search(cells)
    gap = max(
        float(np.max(np.abs(a - b) / np.maximum(1.0, np.abs(b))))
        for a, b in zip(fast, slow, strict=True)
    )
    # Where a validation curve is flat to 1e-11 the two may pick different (equally good) T,
    # so compare the best validation error each finds rather than the step.
    best_gap = max(abs(float(a.min() - b.min())) for a, b in zip(fast, slow, strict=True))
    ratio = slow_s / fast_s
    print(f"early-stopping search, T ≤ {MATCHED_STEPS[-1]}, {len(cells)} cells:")
    print(f"  closed form through the SVD: {fast_s:.3f} s")
    print(f"  explicit gradient-descent loop: {slow_s:.3f} s  ({ratio:.0f}× slower)")
    print(f"  max relative gap in validation error {gap:.1e}; in the best one {best_gap:.1e}")
    met = sweep_s <= TARGET_S
    print(f"target sweep ≤ {TARGET_S} s: {'met' if met else 'MISSED'}")
    result = {
        "sweep_s": round(sweep_s, 4),
        "widths": len(DEFAULT_PS),
        "data_sets": N_SEEDS,
        "peak_p": curve.peak_p,
        "n_train": N_TRAIN,
        "matched_closed_form_s": round(fast_s, 4),
        "matched_loop_s": round(slow_s, 4),
        "matched_max_steps": int(MATCHED_STEPS[-1]),
        "speedup_vs_loop": round(ratio, 1),
        "max_relative_gap": gap,
        "best_validation_gap": best_gap,
        "target_sweep_s": TARGET_S,
        "met": met,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

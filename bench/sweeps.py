"""Sweep benchmark: the over-parameterisation grid as one stacked ensemble vs one network at a time.

The grid (issue 14): two spirals, 2-w-w-1 tanh nets, widths {2, 3, 4, 6, 8, 16, 32} × 10 seeds,
full-batch Adam lr 0.01, 2000 steps. The ensemble trains all 70 at once (padded to width 32,
masked); the baseline loops over the single-network engine (``Trainer``, batch = all points,
which also gives each step's loss and accuracy, as the ensemble does). The loop would take
minutes, so it is timed on one seed per width and scaled by the number of seeds (said so below);
a leaner loop (loss_and_grads + optimizer step, no accuracy) is timed the same way for reference.
The ensemble runs in float32 (the experiment's precision) and, for reference, float64 (exact).

Also the double-descent sweep (17 widths × 20 data sets through the SVD closed forms: min-norm,
ridge and early stopping searched over T = 1 … 10⁶), timed whole and as the sweep runner streams
it (cell by cell, as the training process runs it for the window); bench/double_descent.py
keeps its comparison against an explicit gradient-descent loop.

Run with ``python bench/sweeps.py``. Human lines, then one JSON object on the last line.
Targets: ensemble ≥ 8× faster than the loop; the whole grid ≤ 10 s; double descent ≤ 3 s.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from nnviz.engine import MLP, TrainConfig, Trainer, make_optimizer  # noqa: E402
from nnviz.engine.ensemble import Ensemble, Member  # noqa: E402
from nnviz.experiments.double_descent import DEFAULT_PS, double_descent  # noqa: E402
from nnviz.experiments.overparam import LR, SEEDS, STEPS, WIDTHS, spirals  # noqa: E402
from nnviz.experiments.sweep import Sweep, run_sweep  # noqa: E402

TARGETS = {"speedup": 8.0, "grid_s": 10.0, "double_descent_s": 3.0}
DD_SEEDS = 20


def double_descent_seconds(repeats: int = 3) -> tuple[float, float, int]:
    """Best time of the whole sweep and of the streamed one (run_sweep), and the peak width."""
    whole, streamed, peak = float("inf"), float("inf"), 0
    sweep = Sweep("double-descent", DEFAULT_PS, tuple(range(DD_SEEDS)))
    for _ in range(repeats):
        start = time.perf_counter()
        peak = double_descent(DEFAULT_PS, n_seeds=DD_SEEDS).peak_p
        whole = min(whole, time.perf_counter() - start)
        start = time.perf_counter()
        cells = list(run_sweep(sweep))
        streamed = min(streamed, time.perf_counter() - start)
    assert len(cells) == len(DEFAULT_PS)
    return whole, streamed, peak


def ensemble_seconds(X: np.ndarray, y: np.ndarray, dtype: type) -> tuple[float, np.ndarray]:
    """Train the whole grid as one ensemble; (seconds, final accuracies)."""
    members = [Member((w, w), seed=s, lr=LR) for w in WIDTHS for s in range(SEEDS)]
    start = time.perf_counter()
    ens = Ensemble(2, 1, members, "tanh", "sigmoid", loss="log", optimizer="adam", dtype=dtype)
    ens.fit(X, y, STEPS)
    acc = ens.evaluate(X, y)[1]
    return time.perf_counter() - start, acc


def loop_seconds(X: np.ndarray, y: np.ndarray, seeds: range) -> tuple[float, list[float]]:
    """Train the given seeds of every width one network at a time; (seconds, accuracies)."""
    config = TrainConfig(loss="log", optimizer="adam", lr=LR, batch_size=len(X))
    start, accs = time.perf_counter(), []
    for w in WIDTHS:
        for s in seeds:
            net = MLP([2, w, w, 1], "tanh", "sigmoid", seed=s)
            trainer = Trainer(net, (X, y), config=config, seed=s)
            events = trainer.run()
            done = 0
            while done < STEPS:
                done += next(events).kind == "batch"
            accs.append(trainer.evaluate()["train_acc"])
    return time.perf_counter() - start, accs


def lean_loop_seconds(X: np.ndarray, y: np.ndarray, seeds: range) -> float:
    """The leanest single-network loop: loss_and_grads + optimizer step, no accuracy kept."""
    start = time.perf_counter()
    for w in WIDTHS:
        for s in seeds:
            net = MLP([2, w, w, 1], "tanh", "sigmoid", seed=s)
            opt = make_optimizer("adam", net.params, lr=LR)
            for _ in range(STEPS):
                opt.step(net.loss_and_grads(X, y, "log")[1])
    return time.perf_counter() - start


def main() -> None:
    """Time the ensemble (float32 and float64) and the loop, print a summary and the JSON."""
    X, y = spirals()
    runs = len(WIDTHS) * SEEDS
    print(f"grid: {len(WIDTHS)} widths × {SEEDS} seeds = {runs} runs, {STEPS} steps, N={len(X)}")
    grid32, acc32 = ensemble_seconds(X, y, np.float32)
    print(f"one ensemble, float32:   {grid32:.2f} s")
    grid64, acc64 = ensemble_seconds(X, y, np.float64)
    print(f"one ensemble, float64:   {grid64:.2f} s")
    subset, loop_acc = loop_seconds(X, y, range(1))
    loop = subset * SEEDS
    print(f"loop, 1 seed per width:  {subset:.2f} s → ×{SEEDS} seeds ≈ {loop:.1f} s (scaled)")
    lean = lean_loop_seconds(X, y, range(1)) * SEEDS
    print(f"lean loop (no accuracy), scaled the same way: ≈ {lean:.1f} s")
    first_seed = acc64.reshape(len(WIDTHS), SEEDS)[:, 0]
    same = bool(np.allclose(np.asarray(loop_acc), first_seed, rtol=0, atol=1e-12))
    print(f"loop and float64 ensemble agree on every final accuracy: {same}")
    speed32, speed64 = loop / grid32, loop / grid64
    print(f"speed-up over the Trainer loop: float32 {speed32:.1f}×, float64 {speed64:.1f}×")
    lean32, lean64 = lean / grid32, lean / grid64
    print(f"speed-up over the lean loop:    float32 {lean32:.1f}×, float64 {lean64:.1f}×")
    dd_whole, dd_streamed, dd_peak = double_descent_seconds()
    print(f"double descent, {len(DEFAULT_PS)} widths × {DD_SEEDS} data sets: {dd_whole:.2f} s "
          f"whole, {dd_streamed:.2f} s streamed cell by cell; peak at p = {dd_peak}")  # fmt: skip
    met = {"speedup": speed32 >= TARGETS["speedup"], "grid_s": grid32 <= TARGETS["grid_s"]}
    met["double_descent_s"] = max(dd_whole, dd_streamed) <= TARGETS["double_descent_s"]
    for key, ok in met.items():
        print(f"target {key} ({TARGETS[key]}): {'met' if ok else 'MISSED'}")
    result = {
        "runs": runs,
        "steps": STEPS,
        "n_points": len(X),
        "ensemble_float32_s": round(grid32, 3),
        "ensemble_float64_s": round(grid64, 3),
        "loop_subset_s": round(subset, 3),
        "loop_subset_runs": len(WIDTHS),
        "loop_scaled_s": round(loop, 2),
        "loop_is_scaled_from_subset": True,
        "speedup_float32": round(speed32, 2),
        "speedup_float64": round(speed64, 2),
        "lean_loop_scaled_s": round(lean, 2),
        "speedup_float32_vs_lean_loop": round(lean32, 2),
        "speedup_float64_vs_lean_loop": round(lean64, 2),
        "grid_s": round(grid32, 3),
        "float64_matches_loop_accuracy": same,
        "success_rate_float32": np.mean(acc32.reshape(len(WIDTHS), SEEDS) >= 1, 1).tolist(),
        "double_descent_s": round(dd_whole, 3),
        "double_descent_streamed_s": round(dd_streamed, 3),
        "double_descent_cells": len(DEFAULT_PS) * DD_SEEDS,
        "double_descent_peak_p": dd_peak,
        "targets": TARGETS,
        "met": met,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

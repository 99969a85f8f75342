"""Landscape benchmark: a 51×51 loss slice of a 2-8-8-1 tanh net on 500 points, batched over
parameter vectors, against a Python loop over the grid points measured in the same run; and
the time until the 17×17 coarse preview is ready.

Run with ``python bench/landscape.py``. Prints human-readable lines, then one JSON object on
the last line. Targets (issue 5): the batched slice ≥ 3× faster than the loop; the coarse
preview in ≤ 50 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from nnviz.engine import MLP, Problem, make_optimizer  # noqa: E402
from nnviz.landscape import plane_points, progressive_slice, random_plane, slice_2d  # noqa: E402

TARGETS = {"speedup": 3.0, "coarse_ms": 50.0}
GRID, COARSE, SPAN = 51, 17, (-1.0, 1.0)
LOSS = "log"


def circle(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The Playground's circle at noise 0: r < 2.5 is class 1, 3.5 < r < 5 is class 0."""
    rng = np.random.default_rng(seed)
    r = np.r_[rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5.0, n - n // 2)]
    a = rng.uniform(0, 2 * np.pi, n)
    return np.column_stack([r * np.sin(a), r * np.cos(a)]), (r < 2.5).astype(float)


def median_ms(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``run`` over ``repeats`` calls after one warm-up, in ms."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def trained_net(X: np.ndarray, y: np.ndarray) -> MLP:
    """A 2-8-8-1 tanh/sigmoid net after 100 full-batch SGD steps (a slice mid-training)."""
    net = MLP([2, 8, 8, 1], "tanh", "sigmoid", seed=0)
    opt = make_optimizer("sgd", net.params, lr=0.3)
    for _ in range(100):
        opt.step(net.loss_and_grads(X, y, LOSS)[1])
    return net


def main() -> None:
    """Time the three ways of getting a slice and print the summary and the JSON line."""
    X, y = circle(500, seed=0)
    net = trained_net(X, y)
    plane = random_plane(net, np.random.default_rng(0))  # filter-normalised, biases ignored
    grid = np.linspace(*SPAN, GRID)
    args = (Problem(net, X, y, LOSS), plane.center, plane.d1, plane.d2)

    def batched(precision: str) -> np.ndarray:
        return slice_2d(*args, grid, grid, precision=precision).values

    def loop() -> np.ndarray:
        twin = net.copy()
        out = []
        for theta in plane_points(plane.center, plane.d1, plane.d2, grid, grid):
            twin.set_flat(theta)
            out.append(twin.loss(X, y, LOSS))
        return np.array(out).reshape(GRID, GRID)

    def coarse() -> object:
        return next(progressive_slice(*args, SPAN, SPAN, sizes=(COARSE, GRID)))

    single_ms = median_ms(lambda: batched("single"), repeats=9)
    double_ms = median_ms(lambda: batched("double"), repeats=9)
    loop_ms = median_ms(loop, repeats=5)
    coarse_ms = median_ms(coarse, repeats=21)
    reference = loop()
    gap_single = float(np.max(np.abs(batched("single") - reference) / np.abs(reference)))
    gap_double = float(np.max(np.abs(batched("double") - reference) / np.abs(reference)))
    speedup = loop_ms / single_ms

    print(f"2-8-8-1 tanh/sigmoid, {len(X)} points, log loss, {GRID}×{GRID} random plane")
    print(f"loop over grid points (set_flat + net.loss): {loop_ms:8.2f} ms")
    print(f"batched, single precision (the app's):        {single_ms:8.2f} ms")
    print(f"batched, double precision (loss_many):        {double_ms:8.2f} ms")
    print(f"coarse {COARSE}×{COARSE} preview ready after:           {coarse_ms:8.2f} ms")
    print(f"max relative gap to the loop: single {gap_single:.1e}, double {gap_double:.1e}")
    print(f"speed-up over the loop: {speedup:.1f}× (double: {loop_ms / double_ms:.1f}×)")
    figures = {"speedup": speedup, "coarse_ms": coarse_ms}
    met = {
        "speedup": figures["speedup"] >= TARGETS["speedup"],
        "coarse_ms": figures["coarse_ms"] <= TARGETS["coarse_ms"],
    }
    for key, ok in met.items():
        print(f"target {key}: {'met' if ok else 'MISSED'}")
    result = {
        "grid": GRID,
        "points": len(X),
        "slice_ms": round(single_ms, 3),
        "slice_double_ms": round(double_ms, 3),
        "loop_ms": round(loop_ms, 3),
        "speedup": round(speedup, 2),
        "speedup_double": round(loop_ms / double_ms, 2),
        "coarse_ms": round(coarse_ms, 3),
        "max_rel_gap_single": gap_single,
        "max_rel_gap_double": gap_double,
        "targets": {"speedup": ">= 3", "coarse_ms": "<= 50"},
        "met": met,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

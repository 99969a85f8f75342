"""Engine benchmark: Playground-default epochs, a 2-8-8-1 net, and the all-neuron grid pass,
with a naive per-example training loop measured in the same run as the baseline.

The default epoch is also timed, alternating in the same run, through ``baseline_engine.py``:
a frozen copy of the engine's per-batch path before the flat parameter buffer (issue 14 asks
for ≥ 2× over it; ``speedup`` in the JSON). Both train bit-identically (weight gap 0).

Run with ``python bench/engine.py``. Prints human-readable lines, then one JSON object on the
last line. Targets (issue 2): a default epoch in ≤ 2 ms; the all-neuron grid pass in ≤ 10 ms.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from baseline_engine import BaselineTrainer  # noqa: E402  (the frozen pre-flat-buffer path)

from nnviz.engine import MLP, TrainConfig, Trainer, make_optimizer  # noqa: E402
from nnviz.engine.features import FEATURES, feature_matrix  # noqa: E402
from nnviz.engine.grid import grid_points, neuron_grids  # noqa: E402
from nnviz.engine.metrics import accuracy  # noqa: E402

TARGETS = {"default_epoch_ms": 2.0, "grid_pass_ms": 10.0}
REPEATS = 7
DOMAIN = (-6.0, 6.0)


DATA_SOURCE = ["inline"]


def circle(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The Playground's circle at noise 0: r < 2.5 is class 1, 3.5 < r < 5 class 0.

    Uses ``nnviz.data`` when it is importable and offers (X, y); otherwise generates the
    same geometry here, so the engine can be benchmarked on its own.
    """
    try:
        from nnviz.data import make_dataset

        ds = make_dataset("circle", seed=seed)
        X, y = np.asarray(ds.X, dtype=float), np.asarray(ds.y, dtype=float).reshape(-1)
        if X.shape[1:] == (2,) and len(X) >= n:
            DATA_SOURCE[0] = "nnviz.data"
            rows = np.random.default_rng(seed).permutation(len(X))[:n]  # mix the classes
            return X[rows], (y[rows] > 0).astype(float)
    except (ImportError, AttributeError, TypeError):
        pass
    rng = np.random.default_rng(seed)
    r = np.r_[rng.uniform(0, 2.5, n // 2), rng.uniform(3.5, 5.0, n - n // 2)]
    a = rng.uniform(0, 2 * np.pi, n)
    rows = rng.permutation(n)  # mix the classes so any slice (train/test) holds both
    X = np.column_stack([r * np.sin(a), r * np.cos(a)])[rows]
    return X, (r[rows] < 2.5).astype(float)


def median_ms(run: Callable[[], None], per_call: int = 1, repeats: int = REPEATS) -> float:
    """Median over ``repeats`` timings of ``run``, in ms per unit of work."""
    run()  # warm-up: first-call costs are not what a running session sees
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) / per_call)
    return 1e3 * statistics.median(times)


def trainer_epochs(trainer: Trainer, epochs: int) -> Callable[[], None]:
    """A callable that advances the trainer's generator by ``epochs`` epochs."""
    events = trainer.run()

    def run() -> None:
        done = 0
        for event in events:
            if event.kind == "epoch":
                done += 1
                if done == epochs:
                    return
            elif event.kind != "batch":
                raise RuntimeError(f"unexpected {event.kind}: {event.message}")

    return run


def default_workload(epochs: int = 50) -> float:
    """2-4-2-1 tanh, sigmoid output, log loss, 250 train + 250 test, batch 10, SGD 0.03."""
    X, y = circle(500, seed=0)
    net = MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=0)
    config = TrainConfig(loss="log", optimizer="sgd", lr=0.03, batch_size=10)
    trainer = Trainer(net, (X[:250], y[:250]), (X[250:], y[250:]), config=config, seed=0)
    return median_ms(trainer_epochs(trainer, epochs), per_call=epochs)


def baseline_events(trainer: BaselineTrainer, epochs: int) -> Callable[[], None]:
    """A callable that advances the frozen baseline trainer by ``epochs`` epochs."""
    events = trainer.run()

    def run() -> None:
        done = 0
        for event in events:
            done += event.kind == "epoch"
            if done == epochs:
                return

    return run


def default_vs_frozen(epochs: int = 20, rounds: int = 11) -> tuple[float, float, float, float]:
    """The default epoch through today's Trainer and through the frozen baseline, alternated.

    Both train the same network on the same data and shuffles; returns (today ms, baseline
    ms, the largest weight difference after one epoch each — 0 means bit-identical, and the
    same ratio in CPU time, which a busy machine disturbs less than wall-clock time).
    """
    X, y = circle(500, seed=0)
    train, test = (X[:250], y[:250]), (X[250:], y[250:])
    config = TrainConfig(loss="log", optimizer="sgd", lr=0.03, batch_size=10)
    now_net, old_net = (MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=0) for _ in range(2))
    now = trainer_epochs(Trainer(now_net, train, test, config=config, seed=0), epochs)
    old = baseline_events(BaselineTrainer(old_net, train, test, lr=0.03, seed=0), epochs)
    now(), old()  # warm-up, and one stretch of identical training to compare
    gap = float(np.max(np.abs(now_net.get_flat() - old_net.get_flat())))
    times: dict[str, list[float]] = {"now": [], "old": [], "now_cpu": [], "old_cpu": []}
    for _ in range(rounds):  # alternate, so a noisy neighbour hurts both alike
        for key, run in (("now", now), ("old", old)):
            start, cpu = time.perf_counter(), time.process_time()
            run()
            times[key].append((time.perf_counter() - start) / epochs)
            times[key + "_cpu"].append(time.process_time() - cpu)
    now_ms, old_ms = (1e3 * statistics.median(times[k]) for k in ("now", "old"))
    cpu_ratio = statistics.median(times["old_cpu"]) / statistics.median(times["now_cpu"])
    return now_ms, old_ms, gap, cpu_ratio


def net_2_8_8_1_workload(epochs: int = 20) -> float:
    """2-8-8-1 tanh/sigmoid on 500 training points, batch 10, SGD 0.03."""
    X, y = circle(500, seed=1)
    net = MLP([2, 8, 8, 1], "tanh", "sigmoid", seed=0)
    config = TrainConfig(loss="log", optimizer="sgd", lr=0.03, batch_size=10)
    trainer = Trainer(net, (X, y), config=config, seed=0)
    return median_ms(trainer_epochs(trainer, epochs), per_call=epochs)


def per_example_epoch(
    net: MLP, opt, train: tuple, test: tuple, order: np.ndarray, batch: int = 10
) -> None:
    """The baseline: one example at a time, as the Playground's JavaScript does.

    Forward + backward per example, gradients summed over the mini-batch, one SGD step per
    batch; then loss and accuracy over both splits, again one example at a time.
    """
    X, y = train
    for start in range(0, len(order), batch):
        rows = order[start : start + batch]
        total = None
        for i in rows:
            _, grads = net.loss_and_grads(X[i : i + 1], y[i : i + 1], "log", reduction="sum")
            total = grads if total is None else [t + g for t, g in zip(total, grads, strict=True)]
        opt.step([t / len(rows) for t in total])
    for Xs, ys in (train, test):
        losses = [net.loss(Xs[i : i + 1], ys[i : i + 1], "log") for i in range(len(Xs))]
        outputs = np.vstack([net.forward(Xs[i : i + 1]) for i in range(len(Xs))])
        _ = (float(np.mean(losses)), accuracy(outputs, ys))


def baseline_workload(epochs: int = 5) -> tuple[float, float]:
    """Per-example epoch time for workload (1), and its max weight gap to the Trainer's."""
    X, y = circle(500, seed=0)
    train, test = (X[:250], y[:250]), (X[250:], y[250:])
    net = MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=0)
    opt = make_optimizer("sgd", net.params, lr=0.03)
    rng = np.random.default_rng(0)

    def run() -> None:
        for _ in range(epochs):
            per_example_epoch(net, opt, train, test, rng.permutation(250))

    # Sanity: the same epoch through the Trainer (same start, same order) gives the same weights.
    check = MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=0)
    config = TrainConfig(loss="log", optimizer="sgd", lr=0.03, batch_size=10)
    trainer_epochs(Trainer(check, train, test, config=config, seed=0), 1)()
    twin = MLP([2, 4, 2, 1], "tanh", "sigmoid", seed=0)
    order = np.random.default_rng(0).permutation(250)
    per_example_epoch(twin, make_optimizer("sgd", twin.params, lr=0.03), train, test, order)
    gap = float(np.max(np.abs(check.get_flat() - twin.get_flat())))
    return median_ms(run, per_call=epochs, repeats=5), gap


def grid_workload() -> tuple[float, float]:
    """Largest Playground net (7 features, six hidden layers of 8, 1 output) on a 100×100 grid.

    Returns the full pass as the app runs it (features → forward → one image per neuron)
    and the forward_record call alone.
    """
    features = tuple(FEATURES)
    net = MLP([7, 8, 8, 8, 8, 8, 8, 1], "tanh", "sigmoid", seed=0)
    full = median_ms(lambda: neuron_grids(net, features, DOMAIN, 100), repeats=21)
    inputs = feature_matrix(grid_points(DOMAIN, 100), features)
    forward = median_ms(lambda: net.forward_record(inputs), repeats=21)
    images = neuron_grids(net, features, DOMAIN, 100)
    assert sum(len(layer) for layer in images) == 7 + 6 * 8 + 1
    return full, forward


def main() -> None:
    """Run every workload, print a summary, then the JSON line."""
    default_ms, frozen_ms, frozen_gap, cpu_speedup = default_vs_frozen()
    print(f"circle data from: {DATA_SOURCE[0]}")
    print(f"default 2-4-2-1, 250 pts, batch 10: {default_ms:.3f} ms/epoch")
    print(
        f"same epoch, frozen pre-flat engine:  {frozen_ms:.3f} ms/epoch (max |Δw| {frozen_gap:.1e})"
    )
    frozen_speedup = frozen_ms / default_ms
    print(
        f"speed-up over the frozen engine:     {frozen_speedup:.2f}× (CPU time: {cpu_speedup:.2f}×)"
    )
    wide_ms = net_2_8_8_1_workload()
    print(f"2-8-8-1, 500 pts, batch 10:          {wide_ms:.3f} ms/epoch")
    grid_ms, forward_ms = grid_workload()
    print(f"all-neuron grid pass 100×100, 7-8×6-1: {grid_ms:.3f} ms ({forward_ms:.3f} ms forward)")
    baseline_ms, gap = baseline_workload()
    print(f"baseline, per-example loop:          {baseline_ms:.3f} ms/epoch (max |Δw| {gap:.1e})")
    speedup = baseline_ms / default_ms
    print(f"speed-up of the batched engine over the per-example loop: {speedup:.1f}×")
    figures = {"default_epoch_ms": default_ms, "grid_pass_ms": grid_ms}
    met = {key: figures[key] <= target for key, target in TARGETS.items()}
    for key, ok in met.items():
        print(f"target {key} ≤ {TARGETS[key]}: {'met' if ok else 'MISSED'}")
    result = {
        "default_epoch_ms": round(default_ms, 4),
        "baseline_default_epoch_ms": round(frozen_ms, 4),
        "speedup": round(frozen_speedup, 2),
        "speedup_cpu_time": round(cpu_speedup, 2),
        "baseline_default_weight_gap": frozen_gap,
        "default_epochs_per_s": round(1e3 / default_ms, 1),
        "net_2_8_8_1_epoch_ms": round(wide_ms, 4),
        "grid_pass_ms": round(grid_ms, 4),
        "grid_forward_ms": round(forward_ms, 4),
        "baseline_epoch_ms": round(baseline_ms, 4),
        "speedup_vs_per_example": round(speedup, 2),
        "baseline_weight_gap": gap,
        "data_source": DATA_SOURCE[0],
        "targets": TARGETS,
        "met": met,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

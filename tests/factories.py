"""Synthetic snapshots and data for view tests (built by the real pure Lab, no threads)."""

from __future__ import annotations

import dataclasses

import numpy as np

from nnviz import commands as cmd
from nnviz.data import make_dataset
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.lab import Lab
from nnviz.snapshot import Snapshot


def circle_data(n: int = 200, seed: int = 0) -> cmd.DataArrays:
    """A small two-class circle dataset split in half."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-6, 6, (n, 2))
    y = (np.hypot(X[:, 0], X[:, 1]) < 3).astype(int)
    h = n // 2
    return cmd.DataArrays(X[:h], y[:h], X[h:], y[h:], "binary", 2, 2)


def make_lab(
    spec: NetworkSpec | None = None,
    data: cmd.DataArrays | None = None,
    config: TrainConfig | None = None,
    resolution: int = 40,
) -> Lab:
    """A pure Lab on circle data (small grid so tests stay fast)."""
    return Lab(data or circle_data(), spec, config, grid_resolution=resolution)


def make_snapshot(spec: NetworkSpec | None = None, epochs: int = 0, **params_override) -> Snapshot:
    """A real snapshot after ``epochs`` epochs of training on circle data."""
    lab = make_lab(spec)
    for _ in range(epochs):
        lab.apply(cmd.StepEpoch())
    return lab.snapshot()


def broken_lab() -> Lab:
    """A Lab whose training raises, to test that a bug pauses training instead of ending it."""
    lab = make_lab()

    def explode(budget_s: float = 0.01) -> int:
        raise RuntimeError("boom")

    lab.advance = explode
    return lab


def failing_lab() -> Lab:
    """A Lab that cannot even be built (to test the message when training cannot start)."""
    raise RuntimeError("no lab today")


# The perceptron lesson's network: one layer, a step output, no bias.
LINEAR = NetworkSpec(features=("x1", "x2"), hidden=(), output="step", bias=False)


def linear_data(noise: float = 0.0) -> cmd.DataArrays:
    """The perceptron lesson's points: 40 separable (or, with noise, overlapping) ones."""
    d = make_dataset("linear", n=40, noise=noise, seed=0)
    empty = np.zeros((0, 2))
    return cmd.DataArrays(d.X, d.y, empty, np.zeros(0), "binary", 2, 2, d.domain)


def perceptron_lab(rule: str = "perceptron", noise: float = 0.0, seed: int = 1) -> Lab:
    """A lab set up as the perceptron lesson does: data, network, rule, then a reset."""
    lab = Lab(linear_data(noise), grid_resolution=30)
    lab.apply(cmd.SetSpec(LINEAR))
    lab.apply(cmd.SetConfig(dataclasses.replace(lab.config, optimizer=rule)))
    lab.apply(cmd.Reset(seed))
    return lab


def same_arrays(a: tuple[np.ndarray, ...], b: tuple[np.ndarray, ...]) -> bool:
    """Two tuples of arrays with the same number of arrays, equal value for value."""
    return len(a) == len(b) and all(np.array_equal(u, v) for u, v in zip(a, b, strict=True))

"""Over-parameterisation: wider networks fit the two spirals from (almost) every seed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine.ensemble import Ensemble, Member
from nnviz.remember import remembered
from nnviz.text import _

Array = np.ndarray

WIDTHS = (2, 3, 4, 6, 8, 16, 32)
SEEDS = 10
STEPS = 2000
LR = 0.01
N_POINTS = 44  # few enough to train 70 networks in seconds, enough to need ~6 units a layer
CENTRE = 0.5  # both spirals start at the origin; points this close to it are dropped
MAX_CURVE_POINTS = 200


@dataclass(frozen=True)
class OverparamResult:
    """Per width (rows) and seed (columns): final loss and accuracy, and every loss curve."""

    widths: tuple[int, ...]
    seeds: tuple[int, ...]
    final_loss: Array  # (W, S)
    final_accuracy: Array  # (W, S)
    curve_steps: Array  # (C,) the steps the curves keep, C ≤ 200
    curves: Array  # (W, S, C)

    @property
    def success_rate(self) -> Array:
        """Share of seeds that reach 100 % training accuracy, per width."""
        return np.mean(self.final_accuracy >= 1.0, axis=1)

    @property
    def loss_spread(self) -> Array:
        """max − min of the final losses over seeds, per width (how much luck matters)."""
        return np.ptp(self.final_loss, axis=1)

    @property
    def loss_std(self) -> Array:
        """Standard deviation of the final losses over seeds, per width."""
        return np.std(self.final_loss, axis=1)


def spirals(n: int = N_POINTS, seed: int = 0) -> tuple[Array, Array]:
    """The Playground's two spirals without their shared centre.

    Both arms start at the origin, so at radius 0 a point of each class sits at the same
    place and no network could classify both: points with radius < ``CENTRE`` are dropped.
    """
    data = make_dataset("spiral", n=n, noise=0.0, seed=seed)
    keep = np.hypot(data.X[:, 0], data.X[:, 1]) >= CENTRE
    return np.asarray(data.X[keep], dtype=float), np.asarray(data.y[keep], dtype=float)


def decimate(n_steps: int, max_points: int = MAX_CURVE_POINTS) -> Array:
    """At most ``max_points`` step indices from 0 to n_steps − 1, evenly spread, ends kept."""
    if n_steps <= max_points:
        return np.arange(n_steps)
    return np.unique(np.round(np.linspace(0, n_steps - 1, max_points)).astype(int))


@remembered()
def run_overparam(
    widths: Sequence[int] = WIDTHS,
    seeds: int = SEEDS,
    steps: int = STEPS,
    lr: float = LR,
    n_points: int = N_POINTS,
    dtype: type = np.float32,
) -> OverparamResult:
    """Train widths × seeds networks 2-w-w-1 (tanh, sigmoid, log loss, Adam) as one ensemble.

    Every run is full-batch Adam (m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
    θ ← θ − lr·m̂/(√v̂ + ε)) from its own seed; all run at once, padded to the widest. The
    default float32 is several times faster than float64 (which matches training each network
    alone to 1e-10); success at 100 % accuracy does not hinge on the last bits.
    """
    widths, seed_ids = tuple(int(w) for w in widths), tuple(range(int(seeds)))
    if not widths or min(widths) < 1 or not seed_ids or steps < 1:
        raise ValueError(_("need at least one width ≥ 1, one seed and one step"))
    X, y = spirals(n_points)
    members = [Member((w, w), seed=s, lr=lr) for w in widths for s in seed_ids]
    ens = Ensemble(2, 1, members, "tanh", "sigmoid", loss="log", optimizer="adam", dtype=dtype)
    history = ens.fit(X, y, steps)
    loss, acc = ens.evaluate(X, y)
    keep = decimate(steps)
    shape = (len(widths), len(seed_ids))
    return OverparamResult(
        widths,
        seed_ids,
        loss.reshape(shape),
        acc.reshape(shape),
        keep,
        history.losses[keep].T.reshape(*shape, len(keep)),
    )

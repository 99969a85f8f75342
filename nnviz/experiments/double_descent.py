"""Double descent: random ReLU features with a min-norm readout, the width p swept through N."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.random_features import (
    FeatureSVD,
    feature_svd,
    gd_gains,
    min_norm_gains,
    random_features,
    ridge_gains,
    stable_lr,
)
from nnviz.remember import remembered
from nnviz.text import _

Array = np.ndarray

# 17 widths around N = 40, with p = N itself and p = 2N among them.
DEFAULT_PS = (5, 10, 15, 20, 25, 30, 35, 38, 40, 42, 45, 50, 60, 80, 100, 140, 200)
# Early stopping looks at these step counts (about 8 per decade, 1 to 10⁶) and keeps the best.
EARLY_STOP_STEPS = np.unique(np.round(np.logspace(0, 6, 49)))
# The training times T of the (p, T) grid: two per decade, 1 to 10⁶ steps.
DEFAULT_STEPS = tuple(int(round(t)) for t in np.logspace(0, 6, 13))
N_TEST = 500
INTERPOLATED = 1e-8  # a training MSE below this counts as fitting every point exactly


def widths_around(n_train: int) -> tuple[int, ...]:
    """The 17 default widths rescaled to N training points (exactly DEFAULT_PS for N = 40).

    p = N and p = 2N are always among them, so the threshold and the second descent show.
    """
    if n_train < 2:
        raise ValueError(_("need at least 2 training points, not {n_train}", n_train=n_train))
    scaled = {max(1, round(p * n_train / 40)) for p in DEFAULT_PS} | {n_train, 2 * n_train}
    return tuple(sorted(scaled))


@dataclass(frozen=True)
class Task:
    """One data set of the regression task y = f(x) + noise, x ~ N(0, I_d).

    f(x) = sin(u) + ½·u·v with u = x·β, v = x·γ for two fixed unit vectors β, γ: smooth, a
    little nonlinear, the same for every data set. The validation set (as large as the
    training set) is what early stopping watches; test errors are measured against the
    noise-free f on N_TEST fresh points, so they are the error of the fit, not of the noise.
    """

    X: Array
    y: Array
    X_val: Array
    y_val: Array
    X_test: Array
    f_test: Array


def teacher(X: Array) -> Array:
    """f(x) = sin(x·β) + ½ (x·β)(x·γ), β = (1, …, 1)/√d, γ = (1, −1, 1, …)/√d."""
    d = X.shape[1]
    beta = np.ones(d) / np.sqrt(d)
    gamma = np.where(np.arange(d) % 2 == 0, 1.0, -1.0) / np.sqrt(d)
    u, v = X @ beta, X @ gamma
    return np.sin(u) + 0.5 * u * v


def draw_task(n_train: int, noise: float, d: int, rng: np.random.Generator) -> Task:
    """Training, validation and test points of one data set (noise = std of the target noise)."""
    X, X_val, X_test = (rng.normal(size=(n, d)) for n in (n_train, n_train, N_TEST))
    y = teacher(X) + noise * rng.normal(size=n_train)
    y_val = teacher(X_val) + noise * rng.normal(size=n_train)
    return Task(X, y, X_val, y_val, X_test, teacher(X_test))


def cell_errors(
    p: int,
    seeds: Sequence[int],
    n_train: int = 40,
    noise: float = 0.5,
    d: int = 5,
    ridge: float = 1e-3,
) -> dict[str, Array]:
    """Errors of width p on each data set: test, train, early-stopped test, ridge test.

    Data set k uses ``default_rng(seeds[k])`` for its points, then its features, so the
    same seed gives the same data at every width and nested features (p₁ < p₂ share p₁).
    """
    rows = [_one_data_set(p, seed, n_train, noise, d, ridge) for seed in seeds]
    keys = ("test", "train", "early_stopping", "ridge", "stop_step")
    return {key: np.array([row[i] for row in rows]) for i, key in enumerate(keys)}


def _one_data_set(p, seed, n_train, noise, d, ridge) -> tuple[float, ...]:
    """(test, train, early-stopped test, ridge test, stopping step) of one data set."""
    rng = np.random.default_rng(seed)
    task = draw_task(n_train, noise, d, rng)
    features = random_features(d, p, rng)
    Phi = features.transform(task.X)
    svd = feature_svd(Phi, task.y)  # one SVD serves all three readouts
    test_phi = features.transform(task.X_test)

    def test_error(gains: Array) -> float:
        return float(np.mean((test_phi @ svd.weights(gains) - task.f_test) ** 2))

    w = svd.weights(min_norm_gains(svd))  # w = Φ⁺y: where gradient descent from 0 ends up
    train = float(np.mean((Phi @ w - task.y) ** 2))
    stop = _early_stop_step(svd, features.transform(task.X_val), task.y_val)
    early = test_error(gd_gains(svd, stable_lr(svd), stop))
    return test_error(min_norm_gains(svd)), train, early, test_error(ridge_gains(svd, ridge)), stop


def _early_stop_step(svd: FeatureSVD, val_phi: Array, y_val: Array) -> int:
    """The step T (of EARLY_STOP_STEPS) where gradient descent from zero has least validation
    error: Ilya's rule, "stop when validation loss starts rising", done by looking back."""
    weights = svd.weights(gd_gains(svd, stable_lr(svd), EARLY_STOP_STEPS))
    val_error = np.mean((val_phi @ weights - y_val[:, None]) ** 2, axis=0)
    return int(EARLY_STOP_STEPS[int(np.argmin(val_error))])


@dataclass(frozen=True)
class DoubleDescent:
    """The curves by width p, each the median over data sets (see ``double_descent``)."""

    n_train: int
    ps: tuple[int, ...]
    test_error: Array
    train_error: Array
    test_error_mean: Array
    early_stopping: Array
    ridge: Array

    @property
    def peak_p(self) -> int:
        """The width with the worst test error."""
        return int(self.ps[int(np.argmax(self.test_error))])

    @property
    def interpolation_p(self) -> int | None:
        """The first width whose readout fits every training point (training error ≈ 0)."""
        hits = np.flatnonzero(self.train_error < INTERPOLATED)
        return int(self.ps[hits[0]]) if hits.size else None


def double_descent(
    ps: Sequence[int] = DEFAULT_PS,
    n_train: int = 40,
    n_seeds: int = 20,
    noise: float = 0.5,
    d: int = 5,
    ridge: float = 1e-3,
    seed: int = 0,
) -> DoubleDescent:
    """Test and training error of the min-norm readout w = Φ⁺y as the width p grows.

    Also the same model stopped early (gradient descent from zero, T chosen on validation
    data) and with ridge λ (minimising ‖Φw − y‖²/2n + λ‖w‖²/2). Each curve is the **median**
    over the data sets seeded ``seed, seed + 1, …``: at p = N the error of one unlucky data
    set can be 10⁵× the others' (its smallest singular value is near 0), so the mean (also
    returned) jumps about while the median shows the typical data set.
    """
    seeds = range(seed, seed + n_seeds)
    cells = [cell_errors(p, seeds, n_train, noise, d, ridge) for p in ps]

    def median(key: str) -> Array:
        return np.array([np.median(cell[key]) for cell in cells])

    return DoubleDescent(
        n_train,
        tuple(int(p) for p in ps),
        median("test"),
        median("train"),
        np.array([np.mean(cell["test"]) for cell in cells]),
        median("early_stopping"),
        median("ridge"),
    )


@remembered()
def epoch_grid(
    ps: Sequence[int] = DEFAULT_PS,
    steps: Sequence[int] = DEFAULT_STEPS,
    n_train: int = 40,
    n_seeds: int = 20,
    noise: float = 0.5,
    d: int = 5,
    seed: int = 0,
) -> Array:
    """Median test error of gradient descent from zero after T steps, for every (p, T).

    Row i is width ps[i], column j is T = steps[j] at the largest stable rate η = n/s_max².
    Read across a row for epoch-wise behaviour (the noise is fitted late, through the small
    singular values); read down the last column for the model-wise double descent.
    """
    seeds = range(seed, seed + n_seeds)
    return np.array([epoch_row(p, seeds, steps, n_train, noise, d) for p in ps])


def epoch_row(
    p: int,
    seeds: Sequence[int],
    steps: Sequence[int],
    n_train: int = 40,
    noise: float = 0.5,
    d: int = 5,
) -> Array:
    """One row of ``epoch_grid``: median test error of width p after each T in ``steps``."""
    T = np.asarray(steps, dtype=float)
    return np.median([_errors_over_time(p, s, T, n_train, noise, d) for s in seeds], axis=0)


def _errors_over_time(p, seed, T, n_train, noise, d) -> Array:
    rng = np.random.default_rng(seed)
    task = draw_task(n_train, noise, d, rng)
    features = random_features(d, p, rng)
    svd = feature_svd(features.transform(task.X), task.y)
    weights = svd.weights(gd_gains(svd, stable_lr(svd), T))
    return np.mean((features.transform(task.X_test) @ weights - task.f_test[:, None]) ** 2, axis=0)

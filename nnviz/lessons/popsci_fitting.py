"""Lesson numbers: six knobs fit a curve, a smooth fit fills a gap, a shortcut fools a model."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from nnviz.data.functions_1d import CURVES, curve
from nnviz.data.registry import make_dataset
from nnviz.engine.features import polynomial_features
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem
from nnviz.engine.trainer import TrainConfig
from nnviz.landscape.knobs import KnobObjective
from nnviz.lessons.popsci_train import bias_of, rounded, train_epochs
from nnviz.lessons.registry import lesson_numbers

Array = np.ndarray
DEGREE = 5  # y = k0 + k1·x + … + k5·x⁵: six knobs


def fit_polynomial(X: Array, y: Array, epochs: int = 3000, seed: int = 0) -> MLP:
    """y ≈ k0 + k1·x + … + k5·x⁵ fitted by gradient descent (Adam) on the mean squared error.

    The model is a network with no hidden layer on the inputs x, x², …, x⁵: its weights are
    k1…k5 and its bias is k0.
    """
    F = polynomial_features(X, DEGREE, include_bias=False)
    net = MLP([DEGREE, 1], output="identity", bias=True, init="zeros", seed=seed)
    config = TrainConfig(
        loss="mse", optimizer="adam", lr=0.05, batch_size=len(F), classification=False
    )
    train_epochs(net, (F, y), config, epochs, seed=seed)
    return net


@lru_cache(maxsize=4)
def six_knob_fit(
    curve_name: str = "sin", n: int = 30, noise: float = 0.1, seed: int = 0
) -> tuple[MLP, Array, Array, Array, Array]:
    """The six-knob fit of a noisy curve (cached; read only): (net, F, y, F_test, y_test)."""
    train = make_dataset(curve_name, n=n, noise=noise, seed=seed)
    test = make_dataset(curve_name, n=n, noise=noise, seed=seed + 1)
    F, F_test = (polynomial_features(d.X, DEGREE, include_bias=False) for d in (train, test))
    return fit_polynomial(train.X, train.y, seed=seed), F, train.y, F_test, test.y


def knobs_of(net: MLP) -> list[float]:
    """[k0, k1, …, k5]: the bias first, then the weight of each power of x."""
    return [float(bias_of(net)[0]), *(float(w) for w in net.weights[0][:, 0])]


def loss_grid(net: MLP, F: Array, y: Array, knobs: tuple[int, int], half: float, n: int):
    """The loss over a square of two knobs (k_i, k_j, i, j ≥ 1) around their fitted values."""
    problem = Problem(net, F, y, "mse")
    objective = KnobObjective(problem, [(0, knobs[0] - 1, 0), (0, knobs[1] - 1, 0)])
    a = objective.start[0] + np.linspace(-half, half, n)
    b = objective.start[1] + np.linspace(-half, half, n)
    grid = [[objective(np.array([u, v]))[0] for u in a] for v in b]  # rows: second knob
    return a, b, np.array(grid)


@lesson_numbers("six-knobs")
def six_knobs(curve_name: str = "sin", n: int = 30, noise: float = 0.1, seed: int = 0) -> dict:
    """k0…k5 by gradient descent, train/test loss, the fitted curve and the loss over (k1, k2)."""
    net, F, y, F_test, y_test = six_knob_fit(curve_name, n, noise, seed)
    xs = np.linspace(-1.0, 1.0, 61)
    k1s, k2s, grid = loss_grid(net, F, y, (1, 2), half=2.0, n=21)
    # The best six knobs straight from the normal equations, to show descent got there.
    design = np.column_stack([np.ones(len(F)), F])
    exact = np.linalg.lstsq(design, y, rcond=None)[0]
    return {
        "knobs": knobs_of(net),
        "train_loss": net.loss(F, y, "mse"),
        "test_loss": net.loss(F_test, y_test, "mse"),
        "exact_knobs": exact.tolist(),
        "exact_train_loss": float(np.mean((design @ exact - y) ** 2)),
        "curve_x": rounded(xs),
        "curve_y": rounded(net.forward(polynomial_features(xs, DEGREE, False)).ravel()),
        "surface": {"k1": rounded(k1s), "k2": rounded(k2s), "loss": rounded(grid, 5)},
        "points": {"x": rounded(F[:, 0]), "y": rounded(y)},
    }


def gap_data(n: int, noise: float, gap: tuple[float, float], seed: int):
    """Samples of sin(πx) on [−1, 1] with every point inside ``gap`` removed."""
    x, y = curve("sin", n, noise, np.random.default_rng(seed))
    keep = (x[:, 0] < gap[0]) | (x[:, 0] > gap[1])
    return x[keep], y[keep]


@lesson_numbers("generalisation")
def generalisation(
    gap_low: float = 0.2, gap_high: float = 0.7, n: int = 40, noise: float = 0.05, seed: int = 0
) -> dict:
    """The six knobs fitted around a gap predict inside it; train vs test error."""
    X, y = gap_data(n, noise, (gap_low, gap_high), seed)
    X_test, y_test = curve("sin", n, noise, np.random.default_rng(seed + 1))
    net = fit_polynomial(X, y, seed=seed)

    def predict(x: Array) -> Array:
        return net.forward(polynomial_features(x, DEGREE, include_bias=False)).ravel()

    truth = CURVES["sin"][0]
    middle = (gap_low + gap_high) / 2
    inside = np.linspace(gap_low, gap_high, 21)
    xs = np.linspace(-1.0, 1.0, 61)
    return {
        "gap": [gap_low, gap_high],
        "x_in_gap": middle,
        "prediction_in_gap": float(predict(np.array([middle]))[0]),
        "truth_in_gap": float(truth(np.array(middle))),
        "gap_max_error": float(np.max(np.abs(predict(inside) - truth(inside)))),
        "train_error": float(np.mean((predict(X) - y) ** 2)),
        "test_error": float(np.mean((predict(X_test) - y_test) ** 2)),
        "n_train": len(X),
        "knobs": knobs_of(net),
        "curve_x": rounded(xs),
        "curve_y": rounded(predict(xs)),
    }


SHORTCUT_FEATURES = ("yellow", "elongated", "watermark")


def shortcut_data(n: int, signal: float, rng: np.random.Generator, honest: bool):
    """Bread (1) vs Shiba Inu (0): two weak real clues and a watermark.

    The real clues are Gaussian with means ±signal/2 (both dogs and loaves are yellow and
    long, so they overlap a lot). The watermark equals the label when ``honest`` is False
    (the training photos) and is a coin flip otherwise (photos from the real world).
    """
    y = rng.integers(0, 2, n)
    real = rng.normal(0.0, 1.0, (n, 2)) + signal * (y[:, None] - 0.5)
    mark = rng.integers(0, 2, n) if honest else y
    return np.column_stack([real, mark]).astype(float), y


@lesson_numbers("shortcut")
def shortcut(n: int = 400, signal: float = 0.6, epochs: int = 300, seed: int = 0) -> dict:
    """A watermark that equals the label in training: learned instead of the real clues."""
    rng = np.random.default_rng(seed)
    X, y = shortcut_data(n, signal, rng, honest=False)
    X_test, y_test = shortcut_data(n, signal, rng, honest=True)
    config = TrainConfig(loss="log", optimizer="adam", lr=0.05, batch_size=n)
    net = MLP([3, 1], output="sigmoid", seed=seed)
    train_epochs(net, (X, y), config, epochs, seed=seed)
    honest = MLP([2, 1], output="sigmoid", seed=seed)  # trained without the watermark
    train_epochs(honest, (X[:, :2], y), config, epochs, seed=seed)
    w = net.weights[0][:, 0]
    return {
        "features": list(SHORTCUT_FEATURES),
        "weights": dict(zip(SHORTCUT_FEATURES, rounded(w), strict=True)),
        "shortcut_weight": float(w[2]),
        "real_weights": [float(w[0]), float(w[1])],
        "train_accuracy": accuracy(net.forward(X), y),
        "test_accuracy": accuracy(net.forward(X_test), y_test),
        "honest_test_accuracy": accuracy(honest.forward(X_test[:, :2]), y_test),
    }

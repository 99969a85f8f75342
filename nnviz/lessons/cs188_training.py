"""Numbers for the CS188 training lessons: universal approximation and early stopping."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import MLP, TrainConfig, Trainer
from nnviz.engine.early_stopping import EarlyStopping
from nnviz.lessons.registry import lesson_numbers

WIDTHS = (1, 2, 4, 8)


@lru_cache(maxsize=8)
def fit_widths(
    curve: str = "poly",
    widths: tuple[int, ...] = WIDTHS,
    n: int = 40,
    steps: int = 1000,
    seed: int = 0,
) -> tuple[tuple[float, ...], tuple[tuple[float, ...], ...], tuple[float, ...], tuple[float, ...]]:
    """Train a 1-w-1 tanh net per width on one curve (full batch, Adam, ``steps`` updates).

    Returns (mse per width, each net's fit on a 101-point grid, the grid, the curve's points
    as x then y), as tuples so the cached result cannot be changed by a caller.
    """
    data = make_dataset(curve, n=n, seed=seed)
    grid = np.linspace(-1.0, 1.0, 101).reshape(-1, 1)
    config = TrainConfig(loss="mse", optimizer="adam", lr=0.03, batch_size=n, classification=False)
    errors, fits = [], []
    for width in widths:
        net = MLP([1, int(width), 1], activation="tanh", init="xavier", seed=seed)
        trainer = Trainer(net, (data.X, data.y), config=config, seed=seed)
        for _ in range(int(steps)):
            trainer.train_batch(np.arange(n))  # one full-batch step, as the window trains
        errors.append(net.loss(data.X, data.y, "mse"))
        fits.append(tuple(float(v) for v in net.forward(grid)[:, 0]))
    points = tuple(float(v) for v in data.X[:, 0]) + tuple(float(v) for v in data.y)
    return tuple(errors), tuple(fits), tuple(float(v) for v in grid[:, 0]), points


@lesson_numbers("universal-approximation")
def universal_approximation(
    curve: str = "poly", widths: tuple[int, ...] = WIDTHS, steps: int = 1000
) -> dict[str, Any]:
    """More hidden units fit the drawn curve better: the mean squared error for each width."""
    errors = fit_widths(curve, tuple(int(w) for w in widths), steps=int(steps))[0]
    return {
        "curve": curve,
        "widths": [int(w) for w in widths],
        "mse_by_width": list(errors),
        "improvement": float(errors[0] / errors[-1]),
    }


@lru_cache(maxsize=4)
def overfit_run(
    n: int = 20, noise: float = 0.3, epochs: int = 1000, patience: int = 100, seed: int = 0
) -> tuple[tuple[float, ...], tuple[float, ...], int, int | None]:
    """A big net on a few noisy points, trained past its best.

    Returns (train loss per epoch, validation loss per epoch, the best epoch, the epoch where
    ``patience`` epochs without improvement would have stopped it, or None).

    The training and validation points are two draws of the same noisy sine wave.
    """
    train = make_dataset("sin", n=n, noise=noise, seed=seed + 1)
    val = make_dataset("sin", n=n, noise=noise, seed=seed + 2)
    net = MLP([1, 8, 8, 1], activation="tanh", seed=seed)
    config = TrainConfig(loss="mse", optimizer="adam", lr=0.01, batch_size=n, classification=False)
    trainer = Trainer(net, (train.X, train.y), (val.X, val.y), config=config, seed=seed)
    monitor = EarlyStopping(patience=patience)
    train_loss, val_loss = [], []
    for epoch in range(1, int(epochs) + 1):
        trainer.train_batch(np.arange(n))
        metrics = trainer.evaluate()  # the numbers the window's curves show
        train_loss.append(metrics["train_loss"])
        val_loss.append(metrics["test_loss"])
        monitor.update(epoch, metrics["test_loss"], net.params)
    return tuple(train_loss), tuple(val_loss), int(monitor.best_epoch or 0), monitor.stopped_epoch


@lesson_numbers("early-stopping")
def early_stopping(
    n: int = 20, noise: float = 0.3, epochs: int = 1000, patience: int = 100
) -> dict[str, Any]:
    """Where the validation loss bottoms out, and how far it climbs if training goes on."""
    run = overfit_run(int(n), float(noise), int(epochs), int(patience))
    train_loss, val_loss, best, stopped = run
    return {
        "n_train": int(n),
        "epochs": len(val_loss),
        "patience": int(patience),
        "best_epoch": best,
        "stopped_epoch": stopped,
        "val_loss_at_best": float(val_loss[best - 1]),
        "val_loss_at_end": float(val_loss[-1]),
        "train_loss_at_best": float(train_loss[best - 1]),
        "train_loss_at_end": float(train_loss[-1]),
    }

"""Active learning: the model asks for labels where it is least sure, against random labelling."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import sigmoid
from nnviz.engine.random_features import random_features
from nnviz.text import _

Array = np.ndarray
STRATEGIES = ("active", "random")


@dataclass(frozen=True)
class ActiveLearning:
    """Held-out accuracy after each round, averaged over seeds, for both ways of choosing.

    ``labels[i]`` labelled points gave accuracy ``accuracy[strategy][i]``; ``per_seed`` keeps
    every seed's curve (rows) so a plot can show the spread.
    """

    labels: tuple[int, ...]
    accuracy: dict[str, Array]
    per_seed: dict[str, Array]


def fit_logistic(Phi: Array, y: Array, l2: float = 1e-2, iters: int = 20) -> Array:
    """L2-regularised logistic regression by Newton's method.

    Minimises mean log loss + (l2/2)‖w‖²; the gradient is Φᵀ(σ(Φw) − y)/n + l2·w and the
    Hessian Φᵀ diag(σ(1 − σ)) Φ / n + l2·I. The L2 term keeps w finite on the tiny, often
    separable labelled sets of the first rounds.
    """
    n, p = Phi.shape
    w = np.zeros(p)
    for _unused in range(iters):
        prob = sigmoid(Phi @ w)
        grad = Phi.T @ (prob - y) / n + l2 * w
        hess = (Phi.T * (prob * (1 - prob))) @ Phi / n + l2 * np.eye(p)
        w -= np.linalg.solve(hess, grad)
    return w


def _features(X: Array, features) -> Array:
    """A constant column, then the random ReLU features rescaled (× √p) to order 1 each."""
    return np.column_stack([np.ones(len(X)), features.transform(X / 3.0) * np.sqrt(features.p)])


def run_one(
    strategy: str,
    seed: int,
    dataset: str = "moons",
    noise: float = 0.3,
    start: int = 4,
    k: int = 4,
    budget: int = 40,
    p: int = 60,
) -> tuple[list[int], list[float]]:
    """One labelling session: returns (number of labels, held-out accuracy) after each round.

    Each round fits the model to the labelled points, then labels k more pool points: the k
    whose predicted probability is closest to ½ (|Φw| smallest) for "active", k drawn at
    random for "random". The first ``start`` labels (half of each class) are the same for both.
    """
    if strategy not in STRATEGIES:
        raise ValueError(
            _(
                "strategy must be one of {strategies}, not {strategy!r}",
                strategies=STRATEGIES,
                strategy=strategy,
            )
        )
    rng = np.random.default_rng(seed)
    pool = make_dataset(dataset, n=500, noise=noise, seed=seed)
    test = make_dataset(dataset, n=500, noise=noise, seed=seed + 10_000)
    features = random_features(2, p, rng)
    pool_phi, test_phi = _features(pool.X, features), _features(test.X, features)
    y = pool.y.astype(float)
    first = [rng.choice(np.flatnonzero(y == c), start // 2, replace=False) for c in (0, 1)]
    labelled = [int(i) for i in np.concatenate(first)]
    counts, accuracy = [], []
    while True:
        w = fit_logistic(pool_phi[labelled], y[labelled])
        counts.append(len(labelled))
        accuracy.append(float(np.mean((test_phi @ w > 0) == (test.y == 1))))
        if len(labelled) + k > budget:
            return counts, accuracy
        candidates = np.setdiff1d(np.arange(len(y)), labelled)
        if strategy == "active":  # least sure: σ(Φw) nearest ½, i.e. closest to the boundary
            chosen = candidates[np.argsort(np.abs(pool_phi[candidates] @ w), kind="stable")[:k]]
        else:
            chosen = rng.choice(candidates, k, replace=False)
        labelled += [int(i) for i in chosen]


def active_learning(n_seeds: int = 10, seed: int = 0, **options) -> ActiveLearning:
    """Both strategies from the same seeds ``seed, seed + 1, …``; accuracy averaged over seeds.

    ``options`` go to ``run_one`` (dataset, noise, start, k, budget, p).
    """
    per_seed: dict[str, Array] = {}
    labels: tuple[int, ...] = ()
    for strategy in STRATEGIES:
        runs = [run_one(strategy, s, **options) for s in range(seed, seed + n_seeds)]
        labels = tuple(runs[0][0])
        per_seed[strategy] = np.array([acc for _, acc in runs])
    mean = {name: curves.mean(axis=0) for name, curves in per_seed.items()}
    return ActiveLearning(labels, mean, per_seed)

"""Active learning: the model asks for labels where it is least sure, against random labelling."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import sigmoid
from nnviz.engine.random_features import RandomFeatures, random_features
from nnviz.text import _

Array = np.ndarray
STRATEGIES = ("active", "random")
POOL_SIZE = 500  # points that may be labelled (and as many held out to measure accuracy)
HESSIAN_ROWS = 64  # 64 × 61 × 61 multiply-adds: under OpenBLAS's threshold for threads
FEATURE_ROWS = 1024  # 1024 × 2 × 60 multiply-adds: likewise


@dataclass(frozen=True)
class ActiveLearning:
    """Held-out accuracy after each round, averaged over seeds, for both ways of choosing.

    ``labels[i]`` labelled points gave accuracy ``accuracy[strategy][i]``; ``per_seed`` keeps
    every seed's curve (rows) so a plot can show the spread.
    """

    labels: tuple[int, ...]
    accuracy: dict[str, Array]
    per_seed: dict[str, Array]


@dataclass(frozen=True)
class Pool:
    """One labelling problem: the points that may be labelled, their hidden labels, a held-out
    set to measure accuracy on, the model's features of both, and the first labels given."""

    X: Array  # (n, 2) positions of the pool
    y: Array  # (n,) their true labels, 0.0 or 1.0: revealed only when a point is labelled
    phi: Array  # (n, p + 1) the model's features of the pool
    test_phi: Array  # features of the held-out points
    test_y: Array  # their labels
    features: RandomFeatures
    first: tuple[int, ...]  # the first labels, half of each class, the same for every strategy
    domain: tuple[float, float]

    def features_of(self, X: Array) -> Array:
        """The model's features of any points (e.g. a grid over the plane)."""
        return _features(np.asarray(X, dtype=float), self.features)

    def accuracy(self, w: Array) -> float:
        """The share of held-out points the model with readout ``w`` gets right."""
        return float(np.mean((self.test_phi @ w > 0) == (self.test_y == 1)))

    def fit(self, labelled: list[int] | tuple[int, ...]) -> Array:
        """The readout fitted to the labelled points (by index into the pool)."""
        index = np.asarray(labelled, dtype=int)
        return fit_logistic(self.phi[index], self.y[index])

    def most_uncertain(self, w: Array, labelled: list[int] | tuple[int, ...], k: int) -> Array:
        """The k unlabelled points whose σ(Φw) is nearest ½ (|Φw| smallest), least sure first."""
        candidates = np.setdiff1d(np.arange(len(self.y)), labelled)
        return candidates[np.argsort(np.abs(self.phi[candidates] @ w), kind="stable")[:k]]


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
        curvature = prob * (1 - prob)
        hess = l2 * np.eye(p)
        # The sum Σ_i σ_i(1 − σ_i) φ_i φ_iᵀ / n goes in blocks of rows: a product this small
        # stays on one BLAS thread, while one over every labelled row is split across threads,
        # and on a busy 2-core machine waiting for them cost a fit up to 160 ms of the GUI
        # thread instead of ~4 ms (measured; bench/active_learning.py).
        for start in range(0, n, HESSIAN_ROWS):
            block = Phi[start : start + HESSIAN_ROWS]
            hess += (block.T * curvature[start : start + HESSIAN_ROWS]) @ block / n
        w -= np.linalg.solve(hess, grad)
    return w


def _features(X: Array, features: RandomFeatures) -> Array:
    """A constant column, then the random ReLU features rescaled (× √p) to order 1 each.

    Rows go through in blocks of 1024, each product small enough for one BLAS thread (see
    ``fit_logistic``): a grid of 4096 points in one product cost the GUI thread ~5 ms
    instead of ~0.3 ms on a busy machine.
    """
    blocks = [
        features.transform(X[i : i + FEATURE_ROWS] / 3.0) for i in range(0, len(X), FEATURE_ROWS)
    ]
    relu = np.concatenate(blocks) if blocks else np.zeros((0, features.p))
    return np.column_stack([np.ones(len(X)), relu * np.sqrt(features.p)])


def make_pool(
    seed: int, dataset: str = "moons", noise: float = 0.3, start: int = 4, p: int = 60
) -> tuple[Pool, np.random.Generator]:
    """The pool and held-out set from ``seed``, and the generator random labelling goes on with.

    Everything (data, features, the first labels) comes from the one seed, so the same seed
    always gives the same problem, whoever does the labelling.
    """
    rng = np.random.default_rng(seed)
    pool = make_dataset(dataset, n=POOL_SIZE, noise=noise, seed=seed)
    test = make_dataset(dataset, n=POOL_SIZE, noise=noise, seed=seed + 10_000)
    features = random_features(2, p, rng)
    y = pool.y.astype(float)
    first = [rng.choice(np.flatnonzero(y == c), start // 2, replace=False) for c in (0, 1)]
    labelled = tuple(int(i) for i in np.concatenate(first))
    phi, test_phi = _features(pool.X, features), _features(test.X, features)
    domain = (pool.domain[0], pool.domain[1])
    return Pool(pool.X, y, phi, test_phi, np.asarray(test.y), features, labelled, domain), rng


def rounds(
    strategy: str, pool: Pool, rng: np.random.Generator, k: int
) -> Iterator[tuple[int, float]]:
    """(labels so far, held-out accuracy) after each round, for as long as the pool lasts.

    Each round fits the model to the labelled points, then labels k more pool points: the k
    whose predicted probability is closest to ½ for "active", k drawn at random for "random".
    An unknown strategy is refused at once, before anything is computed.
    """
    if strategy not in STRATEGIES:
        raise ValueError(
            _(
                "strategy must be one of {strategies}, not {strategy!r}",
                strategies=STRATEGIES,
                strategy=strategy,
            )
        )
    return _rounds(strategy, pool, rng, k)


def _rounds(
    strategy: str, pool: Pool, rng: np.random.Generator, k: int
) -> Iterator[tuple[int, float]]:
    labelled = list(pool.first)
    while True:
        w = pool.fit(labelled)
        yield len(labelled), pool.accuracy(w)
        if len(labelled) + k > len(pool.y):
            return
        if strategy == "active":  # least sure: σ(Φw) nearest ½, i.e. closest to the boundary
            chosen = pool.most_uncertain(w, labelled, k)
        else:
            chosen = rng.choice(np.setdiff1d(np.arange(len(pool.y)), labelled), k, replace=False)
        labelled += [int(i) for i in chosen]


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
    """One labelling session: returns (number of labels, held-out accuracy) after each round,
    up to ``budget`` labels. The first ``start`` labels are the same for both strategies."""
    pool, rng = make_pool(seed, dataset, noise, start, p)
    counts, accuracy = [], []
    for count, acc in rounds(strategy, pool, rng, k):
        counts.append(count)
        accuracy.append(acc)
        if count + k > budget:
            break
    return counts, accuracy


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

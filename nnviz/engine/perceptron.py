"""The classic perceptron learning rule and the averaged perceptron (CS188 lecture 26)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike

Array = np.ndarray


def perceptron_predict(w: Array, X: Array, b: float = 0.0) -> Array:
    """Class 1 where z = w·x − b > 0, class 0 where z < 0; a tie (z = 0) goes to class 0."""
    return (np.asarray(X, dtype=float) @ w - b > 0).astype(int)


@dataclass
class Perceptron:
    """Mistake-driven training: on a wrong answer, w ← w + y*·x with y* = ±1.

    On separable data it stops making mistakes; on non-separable data it thrashes forever.
    The averaged perceptron predicts with the mean of every weight vector it has held,
    which settles down even when the raw weights never do.
    """

    n_features: int
    bias: bool = True
    w: Array = field(init=False)
    b: float = field(init=False, default=0.0)
    _w_sum: Array = field(init=False)
    _b_sum: float = field(init=False, default=0.0)
    _count: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.w = np.zeros(self.n_features)
        self._w_sum = np.zeros(self.n_features)

    def epoch(self, X: ArrayLike, y: ArrayLike, order: Iterable[int] | None = None) -> int:
        """One pass over the data; returns how many mistakes (and so updates) it made."""
        X = np.asarray(X, dtype=float)
        signs = np.where(np.asarray(y) > 0, 1.0, -1.0)  # labels {0,1} or ±1 → ±1
        mistakes = 0
        for i in range(len(X)) if order is None else order:
            predicted = 1.0 if X[i] @ self.w - self.b > 0 else -1.0
            if predicted != signs[i]:
                self.w = self.w + signs[i] * X[i]
                if self.bias:
                    self.b -= signs[i]  # the threshold moves the other way
                mistakes += 1
            self._w_sum += self.w
            self._b_sum += self.b
            self._count += 1
        return mistakes

    def averaged(self) -> tuple[Array, float]:
        """The averaged perceptron's weights and threshold."""
        if self._count == 0:
            return self.w.copy(), self.b
        return self._w_sum / self._count, self._b_sum / self._count

    def errors(self, X: Array, y: Array, averaged: bool = False) -> int:
        """Zero-one loss: how many points are on the wrong side."""
        w, b = self.averaged() if averaged else (self.w, self.b)
        return int(np.sum(perceptron_predict(w, X, b) != (np.asarray(y) > 0)))

"""A dataset value: points, labels, what kind of task, and the plane they live on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

KINDS = ("binary", "multiclass", "regression")


@dataclass(frozen=True)
class Dataset:
    """Points X (N, d) with d ∈ {1, 2}; labels y: class indices 0..k−1 or float targets."""

    X: np.ndarray
    y: np.ndarray
    kind: str
    n_classes: int
    name: str = ""
    domain: tuple[float, float] = (-6.0, 6.0)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, not {self.kind!r}")
        if self.X.ndim != 2 or self.X.shape[1] not in (1, 2) or len(self.X) != len(self.y):
            raise ValueError("X must be (N, 1) or (N, 2) with one label per row")

    @property
    def dim(self) -> int:
        """1 for curves, 2 for the plane."""
        return int(self.X.shape[1])


def to_pm1(y: np.ndarray) -> np.ndarray:
    """Class labels 0/1 → −1/+1 (the perceptron's and hinge loss's convention)."""
    return np.where(np.asarray(y) > 0, 1, -1)


def from_pm1(y: np.ndarray) -> np.ndarray:
    """Labels −1/+1 → 0/1."""
    return (np.asarray(y) > 0).astype(np.int64)

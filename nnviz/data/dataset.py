"""A dataset value: points, labels, what kind of task, and the stretch of plane they live on."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.text import _

KINDS = ("binary", "multiclass", "regression")
MAX_CLASSES = 6
MAX_POINTS = 100_000


def check_task(kind: str, n_classes: int) -> None:
    """Raise ValueError unless ``kind`` and ``n_classes`` describe a task we can learn.

    Parameters
    ----------
    kind : str
        "binary", "multiclass" or "regression".
    n_classes : int
        2 for binary, 2..6 for multiclass, 0 for regression.
    """
    if kind not in KINDS:
        raise ValueError(
            _("kind must be one of {choices}, not {kind!r}", choices=", ".join(KINDS), kind=kind)
        )
    if isinstance(n_classes, bool) or not isinstance(n_classes, int | np.integer):
        raise ValueError(
            _("n_classes must be a whole number, not {n_classes!r}", n_classes=n_classes)
        )
    low, high = {"binary": (2, 2), "multiclass": (2, MAX_CLASSES), "regression": (0, 0)}[kind]
    if not low <= n_classes <= high:
        want = str(low) if low == high else f"{low}..{high}"
        raise ValueError(
            _(
                "a {kind} task needs n_classes = {want}, not {n_classes}",
                kind=kind,
                want=want,
                n_classes=n_classes,
            )
        )


@dataclass(frozen=True)
class Dataset:
    """Points and their labels, as one read-only value.

    Attributes
    ----------
    X : np.ndarray
        float64 positions, shape (N, d) with d = 1 (a curve) or 2 (the plane).
    y : np.ndarray
        Shape (N,): int64 class indices 0..k−1 for "binary"/"multiclass", float64 targets for
        "regression".
    kind : str
        "binary", "multiclass" or "regression".
    n_classes : int
        k for classification, 0 for regression.
    name : str
        The generator's name (or a file's).
    domain : tuple of float
        (low, high) of each axis the data is drawn in; views show this square (or interval).
    """

    X: np.ndarray
    y: np.ndarray
    kind: str
    n_classes: int
    name: str = ""
    domain: tuple[float, float] = (-6.0, 6.0)

    def __post_init__(self) -> None:
        check_task(self.kind, self.n_classes)
        X = np.array(self.X, dtype=np.float64)  # a private copy, so the value cannot change
        if X.ndim != 2 or X.shape[1] not in (1, 2):
            raise ValueError(_("X must have shape (N, 1) or (N, 2), not {shape}", shape=X.shape))
        y = np.array(self.y).reshape(-1)
        if y.dtype.kind not in "biuf":
            raise ValueError(_("labels must be numbers, not {y_dtype}", y_dtype=y.dtype))
        y = y.astype(np.float64)
        if len(y) != len(X):
            raise ValueError(
                _("X has {rows} rows but y has {labels} labels", rows=len(X), labels=len(y))
            )
        if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
            raise ValueError(_("positions and labels must be finite (no NaN or infinity)"))
        if self.kind != "regression":
            if np.any(y != np.round(y)) or np.any((y < 0) | (y >= self.n_classes)):
                raise ValueError(
                    _(
                        "class labels must be whole numbers 0..{last}",
                        last=self.n_classes - 1,
                    )
                )
            y = y.astype(np.int64)
        lo, hi = (float(v) for v in self.domain)
        if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
            raise ValueError(
                _("domain must be (low, high) with low < high, not {domain}", domain=self.domain)
            )
        X.setflags(write=False)
        y.setflags(write=False)
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "domain", (lo, hi))

    @property
    def dim(self) -> int:
        """1 for curves, 2 for the plane."""
        return int(self.X.shape[1])


def to_pm1(y: np.ndarray) -> np.ndarray:
    """Class labels 0/1 → −1/+1 (the perceptron's, hinge loss's and Playground's convention).

    Parameters
    ----------
    y : array_like
        Labels, each 0 or 1.

    Returns
    -------
    np.ndarray
        int64 labels 2·y − 1.
    """
    y = np.asarray(y)
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(_("to_pm1 expects labels 0 and 1 only"))
    return (2 * y.astype(np.int64) - 1).astype(np.int64)


def from_pm1(y: np.ndarray) -> np.ndarray:
    """Labels −1/+1 → class indices 0/1.

    Parameters
    ----------
    y : array_like
        Labels, each −1 or +1.

    Returns
    -------
    np.ndarray
        int64 labels (y + 1) / 2.
    """
    y = np.asarray(y)
    if not np.all((y == -1) | (y == 1)):
        raise ValueError(_("from_pm1 expects labels -1 and +1 only"))
    return ((y.astype(np.int64) + 1) // 2).astype(np.int64)

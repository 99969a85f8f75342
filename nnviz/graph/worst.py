"""The training point the network gets most wrong: the one whose loss is highest."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.text import _


def point_losses(net: Any, X: np.ndarray, y: np.ndarray, loss: str) -> np.ndarray:
    """Each point's own loss under ``net`` (features already built), shape (N,)."""
    X = np.asarray(X, dtype=float)
    if not len(X):
        return np.zeros(0)
    return np.asarray(net.per_example_loss(X, np.asarray(y), loss=loss), dtype=float).ravel()


def worst_point(net: Any, X: np.ndarray, y: np.ndarray, loss: str) -> int:
    """The index of the point with the highest loss (the first one on a tie).

    Raises ValueError when there are no points. A point whose loss is not finite counts as
    the worst of all: the network is most wrong there.
    """
    losses = point_losses(net, X, y, loss)
    if not losses.size:
        raise ValueError(_("there are no training points to choose from"))
    return int(np.argmax(np.where(np.isfinite(losses), losses, np.inf)))

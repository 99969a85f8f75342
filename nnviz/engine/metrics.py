"""Classification metrics: predicted classes, zero-one loss and accuracy."""

from __future__ import annotations

import numpy as np

Array = np.ndarray


def predict_classes(output: Array, loss: str = "log") -> Array:
    """Class indices from network outputs.

    Several outputs → argmax. One output → class 1 above the threshold, which is 0 for
    hinge (labels ±1) and 0.5 otherwise (labels 0/1, a probability or a regression score).
    """
    output = np.asarray(output, dtype=float)
    if output.ndim == 2 and output.shape[1] > 1:
        return np.argmax(output, axis=1)
    threshold = 0.0 if loss == "hinge" else 0.5
    return (output.reshape(-1) > threshold).astype(int)


def zero_one_loss(output: Array, y: Array, loss: str = "log") -> int:
    """How many examples the network gets wrong."""
    y = np.asarray(y).reshape(-1)
    truth = (y > 0).astype(int) if loss == "hinge" else y.astype(int)
    return int(np.sum(predict_classes(output, loss) != truth))


def accuracy(output: Array, y: Array, loss: str = "log") -> float:
    """Fraction of examples classified correctly (NaN when there are none)."""
    n = len(np.asarray(y).reshape(-1))
    return float("nan") if n == 0 else 1.0 - zero_one_loss(output, y, loss) / n

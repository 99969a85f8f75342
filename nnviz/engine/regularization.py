"""L1 (λ·Σ|w|) and L2 (½·λ·Σw²) penalties on weights — never on biases."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def penalty(weights: Sequence[np.ndarray], l1: float = 0.0, l2: float = 0.0) -> float:
    """λ1·Σ|w| + ½·λ2·Σw² over every weight matrix."""
    if not l1 and not l2:
        return 0.0
    total = 0.0
    for w in weights:
        total += l1 * float(np.abs(w).sum()) + 0.5 * l2 * float((w * w).sum())
    return total


def penalty_grad(w: np.ndarray, l1: float = 0.0, l2: float = 0.0) -> np.ndarray | float:
    """d/dw of the penalty: λ1·sign(w) + λ2·w (0 when both are off)."""
    if not l1 and not l2:
        return 0.0
    return l1 * np.sign(w) + l2 * w

"""A deep net without nonlinearities is one matrix: x·(W1·W2·…·Wn) + b, whatever its depth."""

from __future__ import annotations

import numpy as np

from nnviz.engine.mlp import MLP

Array = np.ndarray


def collapse(net: MLP) -> tuple[Array, Array]:
    """The single layer a net with identity hidden layers equals: (M, c).

    M = W1·W2·…·Wn and, with biases, c = (…((b1·W2 + b2)·W3 + b3)…)·Wn + bn (zeros without).
    The output layer's activation is not part of the collapse: the net's logits z_out equal
    x·M + c, and its output is act(x·M + c).

    Raises
    ------
    ValueError
        If a hidden layer has a nonlinear activation (then no single matrix exists).
    """
    bent = [a for a in net.activations[:-1] if a != "identity"]
    if bent:
        raise ValueError(f"only identity hidden layers collapse; this net uses {bent[0]}")
    matrix = np.eye(net.sizes[0])
    offset = np.zeros(net.sizes[0])
    for w, b in zip(net.weights, net.biases, strict=True):
        # Each layer maps x·M + c to (x·M + c)·W + b: the matrix and the offset both pass on.
        matrix = matrix @ w
        offset = offset @ w + (0.0 if b is None else b)
    return matrix, offset


def collapse_difference(net: MLP, X: Array) -> float:
    """max over points and outputs of |z_out(x) − (x·M + c)|: zero up to rounding."""
    matrix, offset = collapse(net)
    X = np.asarray(X, dtype=float)
    logits = net.forward_record(X).zs[-1]
    return float(np.max(np.abs(logits - (X @ matrix + offset))))

"""A deep net without nonlinearities is one matrix: x·(W1·W2·…·Wn) + b, whatever its depth."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.text import _

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
        raise ValueError(
            _(
                "only identity hidden layers collapse; this net uses {activation}",
                activation=bent[0],
            )
        )
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


@dataclass(frozen=True)
class CollapseSummary:
    """A deep identity net as its one matrix: M, c and how well x·M + c matches it on data."""

    sizes: tuple[int, ...]
    matrix: Array
    offset: Array
    max_difference: float  # max |z_out(x) − (x·M + c)| over the points it was checked on
    n_points: int


def collapse_summary(net: MLP, X: Array) -> CollapseSummary | None:
    """The collapse of a net whose hidden layers are all identity, checked on ``X``.

    None for a net without hidden layers (it is one matrix already) or with a nonlinearity.
    """
    hidden = net.activations[:-1]
    if not hidden or any(a != "identity" for a in hidden):
        return None
    matrix, offset = collapse(net)
    X = np.asarray(X, dtype=float)
    diff = collapse_difference(net, X) if len(X) else 0.0
    for a in (matrix, offset):
        a.setflags(write=False)  # it travels in a snapshot to another thread
    return CollapseSummary(tuple(net.sizes), matrix, offset, diff, len(X))


def collapse_text(s: CollapseSummary) -> str:
    """ "This 2-4-4-1 identity network is one 2×1 matrix: [[0.31], [−1.2]]; max difference …"."""
    rows = ", ".join("[" + ", ".join(_num(v) for v in row) + "]" for row in s.matrix)
    shape = f"{s.matrix.shape[0]}×{s.matrix.shape[1]}"
    offset = ""
    if np.any(s.offset != 0):
        offset = " + [" + ", ".join(_num(v) for v in s.offset) + "]"
    net = "-".join(str(n) for n in s.sizes)
    return _(
        "This {net} identity network is one {shape} matrix W1·W2·…·Wn: "
        "z = x·[{rows}]{offset}; max difference on the {n_points} training points "
        "{max_difference:.1e}",
        net=net,
        shape=shape,
        rows=rows,
        offset=offset,
        n_points=s.n_points,
        max_difference=s.max_difference,
    )


def _num(v: float) -> str:
    return f"{v:.4g}".replace("-", "−")

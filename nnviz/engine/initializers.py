"""Weight initialisations: the Playground's uniform ±0.5, Xavier/Glorot and He."""

from __future__ import annotations

import numpy as np

from nnviz.text import _

INITIALIZERS = ("uniform", "xavier", "he", "zeros")


def init_weights(name: str, n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    """A fresh (n_in, n_out) weight matrix drawn from the named scheme."""
    if name == "uniform":  # TensorFlow Playground: U(−0.5, 0.5)
        return rng.uniform(-0.5, 0.5, size=(n_in, n_out))
    if name == "xavier":  # Glorot: U(±√(6/(fan_in + fan_out))) keeps variance steady both ways
        limit = np.sqrt(6.0 / (n_in + n_out))
        return rng.uniform(-limit, limit, size=(n_in, n_out))
    if name == "he":  # He: N(0, 2/fan_in) suits ReLU, which zeroes half its inputs
        return rng.normal(0.0, np.sqrt(2.0 / n_in), size=(n_in, n_out))
    if name == "zeros":
        return np.zeros((n_in, n_out))
    raise ValueError(
        _(
            "unknown init {name!r}; choose one of {choices}",
            name=name,
            choices=", ".join(INITIALIZERS),
        )
    )


def init_bias(name: str, n_out: int) -> np.ndarray:
    """The Playground starts biases at 0.1; the other schemes start them at 0."""
    return np.full(n_out, 0.1 if name == "uniform" else 0.0)

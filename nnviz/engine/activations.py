"""Activation functions, each with its value and its derivative side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import overload

import numpy as np
from numpy.typing import ArrayLike

from nnviz.text import _

Array = np.ndarray

LEAKY_SLOPE = 0.01


@dataclass(frozen=True)
class Activation:
    """One activation: ``a = value(z)`` and the backward rule ``dL/dz`` from ``dL/da``.

    ``derivative(z, a)`` is the element-wise slope da/dz; softmax, which mixes its inputs,
    overrides the whole backward rule instead.
    """

    name: str
    formula: str
    value: Callable[[Array], Array]
    derivative: Callable[[Array, Array], Array]
    has_gradient: bool = True
    output_only: bool = False
    # The same slope written into a given array (no new one): used for big stacked arrays.
    derivative_into: Callable[[Array, Array, Array], Array] | None = None

    def backward(self, z: Array, a: Array, grad_a: Array) -> Array:
        """Chain rule through the activation: dL/dz = dL/da · da/dz."""
        if self.name == "softmax":
            # Softmax Jacobian-vector product: dz_i = a_i (g_i − Σ_k g_k a_k).
            return a * (grad_a - np.sum(grad_a * a, axis=-1, keepdims=True))
        return grad_a * self.derivative(z, a)

    def backward_into(self, z: Array, a: Array, grad_a: Array, work: Array) -> Array:
        """``backward`` with the same numbers, reusing ``grad_a`` and ``work`` as storage."""
        if self.derivative_into is None:
            return self.backward(z, a, grad_a)
        return np.multiply(grad_a, self.derivative_into(z, a, work), out=grad_a)


@overload
def sigmoid(z: float) -> float: ...
@overload
def sigmoid(z: Array) -> Array: ...
def sigmoid(z: ArrayLike) -> Array | float:
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for large |z|.

    An array gives an array; a plain number gives a NumPy float (a ``float``).
    """
    x = np.asarray(z, dtype=float)
    # e = e^(−|x|) never overflows: for x ≥ 0, σ = 1/(1 + e); for x < 0, σ = e/(1 + e).
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def softmax(z: Array) -> Array:
    """softmax(z)_k = e^(z_k) / Σ_j e^(z_j), row-wise; shifting by max(z) avoids overflow."""
    z = np.asarray(z, dtype=float)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def _tanh_slope_into(z: Array, a: Array, out: Array) -> Array:
    np.multiply(a, a, out=out)
    return np.subtract(1.0, out, out=out)  # 1 − a², as in the tanh entry below


def _sigmoid_slope_into(z: Array, a: Array, out: Array) -> Array:
    np.subtract(1.0, a, out=out)
    return np.multiply(a, out, out=out)  # a·(1 − a), as in the sigmoid entry below


def _ones(z: Array, a: Array) -> Array:
    return np.ones_like(z)


def _zeros(z: Array, a: Array) -> Array:
    return np.zeros_like(z)


ACTIVATIONS: dict[str, Activation] = {
    "identity": Activation("identity", "a = z", lambda z: np.array(z, dtype=float), _ones),
    # σ'(z) = σ(z)(1 − σ(z)): the slope is largest (¼) at z = 0 and vanishes in the tails.
    "sigmoid": Activation(
        "sigmoid",
        "a = 1/(1+e^(−z))",
        sigmoid,
        lambda z, a: a * (1.0 - a),
        derivative_into=_sigmoid_slope_into,
    ),
    # tanh'(z) = 1 − tanh²(z).
    "tanh": Activation(
        "tanh", "a = tanh(z)", np.tanh, lambda z, a: 1.0 - a * a, derivative_into=_tanh_slope_into
    ),
    # ReLU passes positive inputs unchanged; its slope is 1 there and 0 for z ≤ 0.
    "relu": Activation(
        "relu", "a = max(0, z)", lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(float)
    ),
    "leaky_relu": Activation(
        "leaky_relu",
        f"a = z if z > 0 else {LEAKY_SLOPE}·z",
        lambda z: np.where(z > 0, z, LEAKY_SLOPE * z),
        lambda z, a: np.where(z > 0, 1.0, LEAKY_SLOPE),
    ),
    # The perceptron's threshold: 1 if z > 0 else 0. Flat almost everywhere, so its
    # derivative is 0 and gradient descent cannot learn through it (the perceptron rule can).
    # The threshold is set by the neuron's bias, not here: z = x·w + b > 0 ⇔ x·w > −b, so a
    # bias of −½ gives the threshold ½ of the hand-wired XOR (w·x − ½ > 0); a tie z = 0 is 0.
    "step": Activation(
        "step",
        "a = 1 if z > 0 else 0",
        lambda z: (np.asarray(z) > 0).astype(float),
        _zeros,
        has_gradient=False,
    ),
    "softmax": Activation("softmax", "a_k = e^(z_k)/Σ e^(z_j)", softmax, _ones, output_only=True),
}


def get_activation(name: str) -> Activation:
    """Look up an activation by name, with a clear error listing the choices."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(
            _(
                "unknown activation {name!r}; choose one of {choices}",
                name=name,
                choices=", ".join(ACTIVATIONS),
            )
        ) from None

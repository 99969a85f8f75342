"""Human-readable formulas with the live numbers plugged in, for tooltips."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnviz.engine.features import feature_table
from nnviz.text import _

Array = np.ndarray

_ACT_SYMBOL = {
    "identity": "",
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "relu",
    "leaky_relu": "leaky_relu",
    "step": "step",
    "softmax": "softmax",
}


def input_names(features: Sequence[str], dim: int = 2) -> list[str]:
    """Display names of the network inputs (X₁, X₂, X₁², …)."""
    table = feature_table(dim)
    return [table[f][0] for f in features]


def neuron_name(layer: int, index: int, n_layers: int, n_out: int = 1) -> str:
    """A neuron as the lecture and the computation graph name it, counting from 1.

    'h1[2]' is hidden layer 1's neuron 2 (index 1); the output is 'ŷ', or 'ŷ[1]', 'ŷ[2]', …
    when there are ``n_out`` > 1 outputs.
    """
    if layer == n_layers:
        return "ŷ" if n_out == 1 else f"ŷ[{index + 1}]"
    return f"h{layer}[{index + 1}]"


def weight_name(layer: int, i: int, j: int) -> str:
    """'W1[1,2]': layer 1's weight from input 1 to neuron 2 (0-based i, j in, 1-based out)."""
    return f"W{layer}[{i + 1},{j + 1}]"


def bias_name(layer: int, j: int) -> str:
    """'b1[2]': the bias of layer 1's neuron 2 (0-based j in)."""
    return f"b{layer}[{j + 1}]"


def neuron_formula(
    weights: Array, bias: Array | None, activation: str, inputs: Sequence[str], index: int
) -> str:
    """e.g. 'tanh(0.31·X₁ − 0.52·X₂ + 0.10)' for neuron ``index`` of one layer."""
    terms = []
    for i, name in enumerate(inputs):
        w = float(weights[i, index])
        sign = "−" if w < 0 else "+"
        terms.append(f"{sign} {abs(w):.3g}·{name}")
    if bias is not None:
        b = float(bias[index])
        terms.append(f"{'−' if b < 0 else '+'} {abs(b):.3g}")
    body = " ".join(terms) if terms else "0"
    # The first term needs no "+", and its minus sits tight against the number.
    body = body[2:] if body.startswith("+ ") else "−" + body[2:] if body.startswith("− ") else body
    symbol = _ACT_SYMBOL.get(activation, activation)
    return f"{symbol}({body})" if symbol else body


def edge_description(
    w: float, grad: float, update: float, source: str, target: str, name: str = ""
) -> str:
    """Tooltip for one weight (``name`` like W1[1,2]): its value, gradient and last change."""
    called = (
        _("weight {name} ({source} → {target})", name=name, source=source, target=target)
        if name
        else _("weight {source} → {target}", source=source, target=target)
    )
    return _(
        "{called} = {w:.4g}\n∂L/∂w = {grad:.3g}   last update Δw = "
        "{update:.3g}\n(adds {w:.3g}·{source} to {target}'s input)",
        called=called,
        w=w,
        grad=grad,
        update=update,
        source=source,
        target=target,
    )

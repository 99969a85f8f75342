"""The network view's words: layer captions, live hover cards and the colour legend (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np

from nnviz.engine.describe import (
    bias_name,
    edge_description,
    input_names,
    neuron_formula,
    neuron_name,
    weight_name,
)
from nnviz.engine.spec import NetworkSpec
from nnviz.palette import BLUE, ORANGE, hex_color
from nnviz.snapshot import Snapshot
from nnviz.text import _

MODE_KEYS = ("weight", "gradient", "update")


def _mode_words(key: str) -> tuple[str, str, str]:
    """One edge mode's (button label, what the numbers are, legend symbol), in today's language."""
    if key == "weight":
        return _("weight"), _("weight w"), "|w|"
    if key == "gradient":
        return _("gradient"), _("gradient ∂L/∂w of the loss"), "|∂L/∂w|"
    if key == "update":
        return _("update"), _("last update Δw"), "|Δw|"
    raise KeyError(key)


class _Modes(Mapping[str, tuple[str, str, str]]):
    """Edge modes: key → (button label, what the numbers are, symbol in the legend).

    Worded on every lookup, so a label read after a language switch is in the new language.
    """

    def __getitem__(self, key: str) -> tuple[str, str, str]:
        return _mode_words(key)

    def __iter__(self) -> Iterator[str]:
        return iter(MODE_KEYS)

    def __len__(self) -> int:
        return len(MODE_KEYS)


MODES: Mapping[str, tuple[str, str, str]] = _Modes()
MAX_WEIGHT_SCALE = 5.0  # as the Playground: |w| ≥ 5 draws at full width


def activation_of(spec: NetworkSpec, layer: int) -> str:
    """The activation applied by layer ``layer`` (0 = inputs, which pass through unchanged)."""
    if layer == 0:
        return "identity"
    return spec.output if layer == len(spec.sizes) - 1 else spec.activation


def layer_caption(spec: NetworkSpec, layer: int) -> str:
    """'Input', 'Hidden 1 · tanh · 4' or 'Output · sigmoid'."""
    if layer == 0:
        return _("Input")
    if layer == len(spec.sizes) - 1:
        return _("Output · {output}", output=spec.output)
    n = spec.sizes[layer]
    return _("Hidden {layer} · {activation} · {n}", layer=layer, activation=spec.activation, n=n)


def unit_name(snap: Snapshot, layer: int, index: int) -> str:
    """X₁ for an input, h1[2] for a hidden neuron, ŷ (ŷ[1], ŷ[2], …) for the output."""
    if layer == 0:
        return input_names(snap.spec.features, snap.dim)[index]
    return neuron_name(layer, index, len(snap.spec.sizes) - 1, snap.spec.sizes[-1])


def unit_title(snap: Snapshot, layer: int, index: int) -> str:
    """'neuron h1[2] (hidden layer 1, neuron 2)', 'input X₁' or 'output ŷ' for captions."""
    name = unit_name(snap, layer, index)
    if layer == 0:
        return _("input {name}", name=name)
    if layer == len(snap.spec.sizes) - 1:
        return _("output {name}", name=name)
    return _(
        "neuron {name} (hidden layer {layer}, neuron {index})",
        name=name,
        layer=layer,
        index=index + 1,
    )


def parameter_title(snap: Snapshot, layer: int, i: int, j: int | None = None) -> str:
    """'weight W1[1,2] (X₁ → h1[2])' or, with ``j`` None, 'bias b1[2] of h1[2]' (i = neuron)."""
    if j is None:
        return _("bias {name} of {unit}", name=bias_name(layer, i), unit=unit_name(snap, layer, i))
    source, target = unit_name(snap, layer - 1, i), unit_name(snap, layer, j)
    return _(
        "weight {name} ({source} → {target})",
        name=weight_name(layer, i, j),
        source=source,
        target=target,
    )


def layer_inputs(snap: Snapshot, layer: int) -> list[str]:
    """Names of the units feeding layer ``layer``."""
    return [unit_name(snap, layer - 1, k) for k in range(snap.spec.sizes[layer - 1])]


def _number(arrays: tuple, pi: int, index: tuple) -> float:
    """One entry of params/grads/updates, or NaN when it is missing (never raises)."""
    try:
        return float(arrays[pi][index])
    except (IndexError, TypeError, ValueError):
        return float("nan")


def node_text(snap: Snapshot, layer: int, index: int) -> str:
    """A neuron's hover card: its name, the formula with today's numbers, its activation."""
    name = unit_name(snap, layer, index)
    if layer == 0:
        where = _("x along the line") if snap.dim == 1 else _("the plane")
        return _("input {name}\nthe picture shows {name} across {where}", name=name, where=where)
    act = activation_of(snap.spec, layer)
    bias = snap.biases[layer - 1]
    formula = neuron_formula(snap.weights[layer - 1], bias, act, layer_inputs(snap, layer), index)
    kind = (
        _("output") if layer == len(snap.spec.sizes) - 1 else _("hidden layer {layer}", layer=layer)
    )
    return _(
        "{name}  ({kind}, neuron {index})\n{name} = {formula}\nactivation: {act}",
        name=name,
        kind=kind,
        index=index + 1,
        formula=formula,
        act=act,
    )


def edge_text(snap: Snapshot, layer: int, i: int, j: int) -> str:
    """An edge's hover card: w, ∂L/∂w and Δw of W_layer[i, j]."""
    pi = snap.param_index(layer - 1)
    w, g, u = (_number(a, pi, (i, j)) for a in (snap.params, snap.grads, snap.updates))
    source, target = unit_name(snap, layer - 1, i), unit_name(snap, layer, j)
    edge = edge_description(w, g, u, source, target, weight_name(layer, i, j))
    return _("{edge}\nclick to edit", edge=edge)


def bias_text(snap: Snapshot, layer: int, j: int) -> str:
    """A bias square's hover card: b, ∂L/∂b and Δb."""
    pi = snap.param_index(layer - 1, True)
    b, g, u = (_number(a, pi, (j,)) for a in (snap.params, snap.grads, snap.updates))
    return _(
        "bias {name} of {unit} = {b:.4g}\n∂L/∂b = {g:.3g}   last update Δb = "
        "{u:.3g}\nclick to edit",
        name=bias_name(layer, j),
        unit=unit_name(snap, layer, j),
        b=b,
        g=g,
        u=u,
    )


def edge_values(snap: Snapshot, mode: str) -> tuple[tuple[np.ndarray, ...], float]:
    """The weight-shaped arrays an edge mode draws, and the |value| drawn at full width.

    Weights use the largest |w| or |b| (capped at 5, the Playground's fixed scale) so the
    picture stays readable whatever the initialisation, and bias squares share that scale;
    gradients and updates use their own largest value.
    """
    source = {"weight": snap.params, "gradient": snap.grads, "update": snap.updates}[mode]
    arrays = tuple(source[snap.param_index(k)] for k in range(len(snap.spec.sizes) - 1))
    if mode == "weight":
        return arrays, min(largest(source), MAX_WEIGHT_SCALE)
    return arrays, largest(arrays)


def largest(arrays: tuple[np.ndarray, ...]) -> float:
    """The largest finite |value| in any of the arrays (0 when there is none)."""
    tops = [float(np.abs(a[np.isfinite(a)]).max()) for a in arrays if np.isfinite(a).any()]
    return max(tops, default=0.0)


def legend_html(mode: str, scale: float, present: bool = False) -> str:
    """The colour key under the graph, naming what edges show and the full-width value."""
    size = "18px" if present else "13px"
    blue, orange = hex_color(BLUE), hex_color(ORANGE)
    what, symbol = MODES[mode][1], MODES[mode][2]
    if scale > 0:
        thickness = _("thickness = {symbol} (thickest ≥ {scale:.2g})", symbol=symbol, scale=scale)
    else:
        thickness = _("all {symbol} are 0 so far (take a training step)", symbol=symbol)
    return _(
        "Edges show the <b>{what}</b>: <span "
        "style='color:{blue};font-size:{size}'>■</span> positive <span "
        "style='color:{orange};font-size:{size}'>■</span> negative; {thickness}. "
        "Small squares are biases. Hover for live values; click an edge or a "
        "bias to edit it.",
        what=what,
        blue=blue,
        size=size,
        orange=orange,
        thickness=thickness,
    )


def parameter_count_text(snap: Snapshot) -> str:
    """'12 weights + 5 biases = 17 parameters' (a 3-3-1 net without bias: '12 weights')."""
    weights = sum(int(w.size) for w in snap.weights)
    biases = sum(int(b.size) for b in snap.biases if b is not None)
    if not biases:
        return _("{weights} weights, no biases", weights=weights)
    return _(
        "{weights} weights + {biases} biases = {total} parameters",
        weights=weights,
        biases=biases,
        total=weights + biases,
    )

"""Trace one example through a live network into an op-level graph, op by op, loss included."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nnviz.graph.graph import Graph
from nnviz.text import _

Array = np.ndarray
LOSSES = ("mse", "log", "cross_entropy", "hinge")
_NEEDS_OUTPUT = {"log": "sigmoid", "cross_entropy": "softmax"}
_ELEMENTWISE = {"sigmoid", "tanh", "relu", "leaky_relu", "step"}


def trace_example(
    net: Any, x: Any, y: Any, loss: str = "mse", inputs: Sequence[str] | None = None
) -> Graph:
    """The op graph of one example through ``net``: exactly what the engine computes.

    Every input × weight product, each neuron's sum with its bias, every activation, then the
    loss built from ops. Names are 1-based, as in the lecture: leaves are the inputs
    ``x1, x2, …`` and every parameter (``W1[1,2]`` is layer 1's weight from input 1 to neuron
    2, ``b1[2]`` that neuron's bias); ``z1[2]`` is its weighted sum, ``h1[2]`` its activation,
    ``ŷ`` the output (``ŷ[1], ŷ[2], …`` for several) and ``L`` the loss. Indices inside
    ``meta`` stay 0-based, like the arrays they point into.

    Parameters
    ----------
    net : an MLP with ``sizes``, ``weights`` (n_in × n_out, one column per neuron),
        ``biases`` (or ``None``) and ``activations`` (one name per layer).
    x : the example's inputs, ``sizes[0]`` numbers.
    y : its label: target value(s) for ``mse``; 0/1 for ``log``; the class index for
        ``cross_entropy``; ±1 for ``hinge`` (0 counts as −1).
    loss : ``"mse"``, ``"log"``, ``"cross_entropy"`` or ``"hinge"``.
    inputs : the inputs' names as the network view shows them (``X₁``, ``X₁²``, …);
        ``x1, x2, …`` when not given.

    Each node's ``meta`` names what it belongs to: ``layer`` (1 = first weight layer),
    ``neuron``, ``role`` and, for parameters and products, ``param`` = ``("W", k, i, j)``
    (``net.weights[k][i, j]``) or ``("b", k, j)`` plus ``param_index`` into ``net.params``.
    """
    _check_loss(net, loss)
    xs = np.asarray(x, dtype=float).ravel()
    if xs.size != net.sizes[0]:
        raise ValueError(
            _("the network takes {inputs} inputs, got {got}", inputs=net.sizes[0], got=xs.size)
        )
    names = list(inputs) if inputs is not None else [f"x{i + 1}" for i in range(xs.size)]
    if len(names) != xs.size:
        raise ValueError(
            _("{names} input names for {inputs} inputs", names=len(names), inputs=xs.size)
        )
    g = Graph()
    prev = [
        g.leaf(names[i], xs[i], {"layer": 0, "neuron": i, "role": "input"}) for i in range(xs.size)
    ]
    index = 0  # position of the current layer's W in net.params
    n_layers = len(net.weights)
    for k, (w, b, act) in enumerate(zip(net.weights, net.biases, net.activations, strict=True)):
        zs = [_neuron(g, k, j, prev, w, b, index) for j in range(w.shape[1])]
        last = k == n_layers - 1
        only = _label_class(y, len(zs)) if last and loss == "cross_entropy" else None
        prev = _activate(g, zs, act, k + 1, last, only)
        index += 1 if b is None else 2
    _LOSS_BUILDERS[loss](g, prev, y)
    return g


def graph_param_grads(graph: Graph, net: Any) -> list[Array]:
    """The traced parameter gradients as arrays aligned with ``net.params`` (runs backward)."""
    graph.backward()
    grads = [np.zeros_like(p, dtype=float) for p in net.params]
    for node in graph.leaves:
        if "param_index" in node.meta:
            grads[node.meta["param_index"]][node.meta["index"]] = node.grad
    return grads


def _check_loss(net: Any, loss: str) -> None:
    if loss not in LOSSES:
        raise ValueError(
            _(
                "unknown loss {name!r}; choose one of {choices}",
                name=loss,
                choices=", ".join(LOSSES),
            )
        )
    needs = _NEEDS_OUTPUT.get(loss)
    if needs and net.activations[-1] != needs:
        raise ValueError(
            _(
                "the {loss!r} loss needs a {needs_output} output layer, but this network's "
                "output is {activation}",
                loss=loss,
                needs_output=needs,
                activation=net.activations[-1],
            )
        )


def _neuron(g: Graph, k: int, j: int, prev: list[int], w: Array, b, index: int) -> int:
    """z = Σ_i a_i·W[i, j] + b[j]: one product node per incoming edge, then one sum."""
    layer = k + 1
    terms = []
    for i, a in enumerate(prev):
        param = {"param": ("W", k, i, j), "param_index": index, "index": (i, j)}
        wname = f"W{layer}[{i + 1},{j + 1}]"
        wid = g.leaf(wname, w[i, j], {"layer": layer, "neuron": j, "role": "weight", **param})
        pmeta = {"layer": layer, "neuron": j, "role": "product", "edge": (k, i, j), **param}
        terms.append(g.op("mul", a, wid, name=f"{g.nodes[a].name}·{wname}", meta=pmeta))
    if b is not None:
        bmeta = {"param": ("b", k, j), "param_index": index + 1, "index": (j,)}
        terms.append(g.leaf(f"b{layer}[{j + 1}]", b[j], {"layer": layer, "neuron": j,
                                                      "role": "bias", **bmeta}))  # fmt: skip
    meta = {"layer": layer, "neuron": j, "role": "sum"}
    return g.op("sum", *terms, name=f"z{layer}[{j + 1}]", meta=meta)


def _activate(g: Graph, zs: list[int], act: str, layer: int, last: bool, only: int | None):
    """a = act(z) per neuron; softmax is composed of ops: e_k = exp(z_k), p_k = e_k / Σ e."""
    prefix = "ŷ" if last else f"h{layer}"
    meta = {"layer": layer, "role": "activation"}

    def name(j: int) -> str:
        return "ŷ" if last and len(zs) == 1 else f"{prefix}[{j + 1}]"

    if act == "identity":
        return zs  # a = z: nothing to compute
    if act in _ELEMENTWISE:
        return [g.op(act, z, name=name(j), meta={**meta, "neuron": j}) for j, z in enumerate(zs)]
    if act != "softmax":
        raise ValueError(_("cannot trace the activation {act!r}", act=act))
    es = [
        g.op("exp", z, name=f"exp z{layer}[{j + 1}]", meta={**meta, "neuron": j, "role": "exp"})
        for j, z in enumerate(zs)
    ]
    total = g.op("sum", *es, name="Σ exp", meta={**meta, "role": "softmax sum"})
    # Cross-entropy reads only the true class's probability, so only that one is built.
    keep = range(len(zs)) if only is None else [only]
    out = {j: g.op("div", es[j], total, name=name(j), meta={**meta, "neuron": j}) for j in keep}
    return [out.get(j, -1) for j in range(len(zs))]


def _label_class(y: Any, n_out: int) -> int:
    c = int(np.asarray(y).ravel()[0])
    if not 0 <= c < n_out:
        raise ValueError(
            _(
                "class labels must be 0..{last} for {n_out} outputs, not {c}",
                last=n_out - 1,
                n_out=n_out,
                c=c,
            )
        )
    return c


def _targets(y: Any, n_out: int) -> Array:
    ys = np.asarray(y, dtype=float).ravel()
    if ys.size != n_out:
        raise ValueError(
            _(
                "the label has {values} value(s) but the network has {n_out} outputs",
                values=ys.size,
                n_out=n_out,
            )
        )
    return ys


def _total(g: Graph, terms: list[int]) -> int:
    """Several outputs' losses add up; with one output its term is already the loss ``L``."""
    if len(terms) == 1:
        return terms[0]
    return g.op("sum", *terms, name="L", meta={"role": "loss"})


def _out(j: int, n_out: int) -> str:
    """The output's name: ``ŷ`` alone, or ``ŷ[1], ŷ[2], …`` (1-based) when there are several."""
    return "ŷ" if n_out == 1 else f"ŷ[{j + 1}]"


def _term_name(name: str, j: int, n_out: int) -> str:
    return "L" if n_out == 1 else name


def _reads(template: str, ids: tuple[int, ...], names: tuple[str, ...]) -> dict:
    """How a loss node reads on the board: ``−log(1 − {0})`` with ``ŷ`` (or its value) in it."""
    return {"reads": (template, ids, names)}


def _mse(g: Graph, outs: list[int], y: Any) -> int:
    """L = mean over outputs of (ŷ − y)², the engine's (and torch's) mean squared error.

    No ½ in front: one output's loss is exactly (ŷ − y)², so ∂L/∂ŷ = 2(ŷ − y).
    """
    ys = _targets(y, len(outs))
    n = len(outs)
    squares = []
    for j, (a, t) in enumerate(zip(outs, ys, strict=True)):
        label = g.const(t, {"role": "label", "neuron": j})
        yname = "y" if n == 1 else f"y[{j + 1}]"
        diff = g.op("sub", a, label, name=f"{_out(j, n)} − {yname}",
                    meta={"role": "loss", "neuron": j})  # fmt: skip
        name = _term_name(f"({_out(j, n)} − {yname})²", j, n)
        reads = _reads("({0} − {1})²", (a, label), (_out(j, n), yname))
        squares.append(g.op("powc", diff, name=name, param=2.0, meta={"role": "loss", **reads}))
    if len(squares) == 1:
        return _total(g, squares)
    total = g.op("sum", *squares, name="Σ (ŷ − y)²", meta={"role": "loss"})
    return g.op("div", total, g.const(len(squares)), name="L", meta={"role": "loss"})


def _log(g: Graph, outs: list[int], y: Any) -> int:
    """Binary log loss: y = 1 → −log ŷ; y = 0 → −log(1 − ŷ), per sigmoid output.

    The loss reads the label as y = 1 or 0 (class 2 or class 1 on screen).
    """
    terms = []
    n = len(outs)
    for j, (p, t) in enumerate(zip(outs, _targets(y, n), strict=True)):
        meta = {"role": "loss", "neuron": j}
        yhat = _out(j, n)
        if t > 0.5:
            inner, text, template = p, f" {yhat}", "−log {0}"
        else:
            text, template = f"(1 − {yhat})", "−log(1 − {0})"
            inner = g.op("sub", g.const(1.0), p, name=f"1 − {yhat}", meta=meta)
        logp = g.op("log", inner, name=f"log{text}", meta=meta)
        reads = _reads(template, (p,), (yhat,))
        terms.append(g.op("neg", logp, name=_term_name(f"L[{j + 1}]", j, n),
                          meta={**meta, **reads}))  # fmt: skip
    return _total(g, terms)


def _cross_entropy(g: Graph, outs: list[int], y: Any) -> int:
    """L = −log softmax(z)_c: minus the log of the true class's probability ŷ[c]."""
    c = _label_class(y, len(outs))
    yhat = _out(c, len(outs))
    logp = g.op("log", outs[c], name=f"log {yhat}", meta={"role": "loss", "neuron": c})
    reads = _reads("−log {0}", (outs[c],), (yhat,))
    return g.op("neg", logp, name="L", meta={"role": "loss", **reads})


def _hinge(g: Graph, outs: list[int], y: Any) -> int:
    """L = max(0, 1 − y·s) with y = ±1: zero once the score is on the right side by 1."""
    terms = []
    n = len(outs)
    for j, (s, t) in enumerate(zip(outs, _targets(y, n), strict=True)):
        meta = {"role": "loss", "neuron": j}
        yhat = _out(j, n)
        sign = g.const(1.0 if t > 0 else -1.0, {"role": "label", "neuron": j})
        margin = g.op("mul", sign, s, name=f"y·{yhat}", meta=meta)
        short = g.op("sub", g.const(1.0), margin, name=f"1 − y·{yhat}", meta=meta)
        reads = _reads("max(0, 1 − {0}·{1})", (sign, s), ("y", yhat))
        terms.append(g.op("relu", short, name=_term_name(f"L[{j + 1}]", j, n),
                          meta={**meta, **reads}))  # fmt: skip
    return _total(g, terms)


_LOSS_BUILDERS = {"mse": _mse, "log": _log, "cross_entropy": _cross_entropy, "hinge": _hinge}

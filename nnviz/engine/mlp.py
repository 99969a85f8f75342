"""A dense multi-layer perceptron in the lectures' row-vector convention: h = act(x·W + b)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.engine.activations import get_activation
from nnviz.engine.initializers import init_bias, init_weights
from nnviz.engine.losses import REDUCTIONS, get_loss, prepare_targets
from nnviz.engine.regularization import penalty, penalty_grad
from nnviz.text import _

Array = np.ndarray


@dataclass(frozen=True)
class ForwardRecord:
    """Everything one forward pass computed: inputs, each layer's z = x·W + b and a = act(z)."""

    zs: list[Array]
    activations: list[Array]  # activations[0] is the input X; activations[-1] the output

    @property
    def output(self) -> Array:
        """The network's output for every row of X."""
        return self.activations[-1]


class MLP:
    """A fully connected network; ``W`` is (n_in, n_out), one column per neuron.

    Parameters
    ----------
    sizes : layer widths, inputs first, e.g. ``[2, 4, 2, 1]``.
    activation : hidden-layer activation, one name or one per hidden layer.
    output : the output layer's activation (``identity``, ``sigmoid``, ``tanh``, ``softmax``…).
    bias : add a bias to every neuron; ``False`` reproduces the CS188 networks exactly.
    init : ``uniform`` (±0.5, the Playground's), ``xavier``, ``he`` or ``zeros``.
    seed : seeds the one random generator every weight is drawn from.
    init_scale : multiplies the initial weights (too small a scale makes deep nets untrainable).
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: str | Sequence[str] = "tanh",
        output: str = "identity",
        bias: bool = True,
        init: str = "uniform",
        seed: int = 0,
        init_scale: float = 1.0,
    ) -> None:
        self.sizes = _check_sizes(sizes)
        self.activations = _layer_activations(activation, output, len(self.sizes) - 1)
        if output == "softmax" and self.sizes[-1] < 2:
            raise ValueError(_("a softmax output needs at least 2 output neurons"))
        self.bias = bool(bias)
        self.init = init
        self.seed = int(seed)
        rng = np.random.default_rng(self.seed)
        self.weights = [
            init_scale * init_weights(init, n_in, n_out, rng)
            for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:], strict=True)
        ]
        self.biases: list[Array | None] = [
            init_bias(init, n) if self.bias else None for n in self.sizes[1:]
        ]
        self._pack()

    def _pack(self) -> None:
        """Move every parameter into one flat buffer θ and make each array a view of it.

        The arrays keep their shapes and stay the live parameters; an optimizer then updates
        all of them with one operation on θ instead of one per array.
        """
        old = self.params
        self.buffer = np.concatenate([np.ravel(p) for p in old]).astype(float)
        bounds = np.cumsum([0] + [p.size for p in old]).tolist()
        views = (
            self.buffer[i:j].reshape(p.shape)
            for i, j, p in zip(bounds, bounds[1:], old, strict=False)
        )
        pairs = [(next(views), None if b is None else next(views)) for b in self.biases]
        self.weights, self.biases = [w for w, _ in pairs], [b for _, b in pairs]

    def __deepcopy__(self, memo: dict) -> MLP:
        return self.copy()  # a plain deep copy would cut the arrays loose from the buffer

    # ----- parameters ------------------------------------------------------------------------
    @property
    def params(self) -> list[Array]:
        """The live parameter arrays ``[W1, b1, W2, b2, …]`` (biases left out if bias=False)."""
        out: list[Array] = []
        for w, b in zip(self.weights, self.biases, strict=True):
            out.append(w)
            if b is not None:
                out.append(b)
        return out

    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + the output layer)."""
        return len(self.weights)

    @property
    def n_params(self) -> int:
        """Total number of trainable numbers."""
        return int(sum(p.size for p in self.params))

    def get_flat(self) -> Array:
        """All parameters as one vector θ, in ``params`` order."""
        return np.concatenate([p.ravel() for p in self.params])

    def set_flat(self, theta: Array) -> None:
        """Write a parameter vector θ back into the live arrays, in place."""
        theta = np.asarray(theta, dtype=float)
        if theta.shape != (self.n_params,):
            raise ValueError(
                _(
                    "expected {n_params} parameters, got shape {theta_shape}",
                    n_params=self.n_params,
                    theta_shape=theta.shape,
                )
            )
        i = 0
        for p in self.params:
            p[...] = theta[i : i + p.size].reshape(p.shape)
            i += p.size

    def set_params(self, values: Sequence[Array]) -> None:
        """Copy arrays shaped like ``params`` into the network."""
        for p, v in zip(self.params, values, strict=True):
            p[...] = v

    def copy(self) -> MLP:
        """An independent network with the same architecture and weights."""
        twin = MLP.__new__(MLP)
        twin.__dict__.update(self.__dict__)
        twin.sizes = list(self.sizes)
        twin.activations = list(self.activations)
        twin.weights = [w.copy() for w in self.weights]
        twin.biases = [None if b is None else b.copy() for b in self.biases]
        twin._pack()
        return twin

    # ----- forward and backward --------------------------------------------------------------
    def forward_record(self, X: Array) -> ForwardRecord:
        """Run the forward pass and keep every layer's z and a (what backprop needs)."""
        a = _as_batch(X, self.sizes[0])
        zs, acts = [], [a]
        for w, b, name in zip(self.weights, self.biases, self.activations, strict=True):
            z = a @ w if b is None else a @ w + b
            a = get_activation(name).value(z)
            zs.append(z)
            acts.append(a)
        return ForwardRecord(zs, acts)

    def forward(self, X: Array) -> Array:
        """The network's output for each row of X, shape (N, n_out)."""
        return self.forward_record(X).output

    def loss_and_grads(
        self,
        X: Array,
        y: Array,
        loss: str = "mse",
        l1: float = 0.0,
        l2: float = 0.0,
        reduction: str = "mean",
    ) -> tuple[float, list[Array]]:
        """The loss on (X, y) plus regularisation, and its gradient for every parameter.

        Backprop: δ_L = dL/dz at the output; then for each layer going back
        dL/dW = aᵀ·δ, dL/db = Σ_rows δ, and δ_prev = (δ·Wᵀ) ⊙ act'(z_prev).
        """
        value, rec, lossfn, y_t, scale = self._data_loss(X, y, loss, reduction)
        out_act = get_activation(self.activations[-1])
        delta = lossfn.grad_z(rec.zs[-1], rec.output, y_t, out_act) / scale
        grads: list[Array] = []
        for layer in range(self.n_layers - 1, -1, -1):
            a_in = rec.activations[layer]
            gw = a_in.T @ delta + penalty_grad(self.weights[layer], l1, l2)
            layer_grads = [gw] if self.biases[layer] is None else [gw, delta.sum(axis=0)]
            grads[:0] = layer_grads
            if layer > 0:
                act = get_activation(self.activations[layer - 1])
                grad_a = delta @ self.weights[layer].T
                delta = act.backward(rec.zs[layer - 1], rec.activations[layer], grad_a)
        return value + penalty(self.weights, l1, l2), grads

    def loss(
        self,
        X: Array,
        y: Array,
        loss: str = "mse",
        l1: float = 0.0,
        l2: float = 0.0,
        reduction: str = "mean",
    ) -> float:
        """The loss value alone (no gradient)."""
        value = self._data_loss(X, y, loss, reduction)[0]
        return value + penalty(self.weights, l1, l2)

    def per_example_loss(self, X: Array, y: Array, loss: str = "mse") -> Array:
        """Each example's loss (summed over outputs), for display."""
        rec = self.forward_record(X)
        lossfn = get_loss(loss)
        y_t = prepare_targets(lossfn, y, self.sizes[-1])
        return lossfn.per_example(rec.zs[-1], rec.output, y_t)

    def check_loss(self, loss: str) -> None:
        """Raise a clear error if this loss cannot be used with this output layer."""
        lossfn = get_loss(loss)
        if lossfn.needs_output and self.activations[-1] != lossfn.needs_output:
            raise ValueError(
                _(
                    "the {loss!r} loss needs a {needs_output} output layer, but this "
                    "network's output is {activation}",
                    loss=loss,
                    needs_output=lossfn.needs_output,
                    activation=self.activations[-1],
                )
            )

    def _data_loss(self, X: Array, y: Array, loss: str, reduction: str):
        """One forward pass and its loss before regularisation: what loss and backprop share.

        Returns (value, the forward record, the loss, the prepared targets, the divisor that
        turns the sum over examples into the chosen reduction); backprop reuses all of them.
        """
        rec = self.forward_record(X)
        lossfn, y_t, scale = self._loss_setup(loss, y, reduction, len(rec.output))
        value = float(np.sum(lossfn.per_example(rec.zs[-1], rec.output, y_t))) / scale
        return value, rec, lossfn, y_t, scale

    def _loss_setup(self, loss: str, y: Array, reduction: str, n: int):
        if reduction not in REDUCTIONS:
            raise ValueError(
                _(
                    "reduction must be one of {reductions}, not {reduction!r}",
                    reductions=REDUCTIONS,
                    reduction=reduction,
                )
            )
        self.check_loss(loss)
        lossfn = get_loss(loss)
        y_t = prepare_targets(lossfn, y, self.sizes[-1])
        if len(y_t) != n:
            raise ValueError(_("{inputs} inputs but {labels} labels", inputs=n, labels=len(y_t)))
        return lossfn, y_t, lossfn.count(max(n, 1), self.sizes[-1], reduction)

    # ----- serialisation ---------------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain JSON-safe description: architecture and every weight."""
        return {
            "sizes": list(self.sizes),
            "activations": list(self.activations),
            "bias": self.bias,
            "init": self.init,
            "seed": self.seed,
            "params": [p.tolist() for p in self.params],
        }

    @classmethod
    def from_dict(cls, d: dict) -> MLP:
        """Rebuild a network from ``to_dict`` output, validating every shape."""
        acts = list(d["activations"])
        net = cls(
            d["sizes"],
            acts[:-1] or "tanh",
            acts[-1],
            bool(d["bias"]),
            d.get("init", "uniform"),
            int(d.get("seed", 0)),
        )
        values = [np.asarray(v, dtype=float) for v in d["params"]]
        if len(values) != len(net.params):
            raise ValueError(_("the saved weights do not match the saved architecture"))
        for p, v in zip(net.params, values, strict=True):
            if v.shape != p.shape or not np.all(np.isfinite(v)):
                raise ValueError(_("a saved weight array has the wrong shape or is not finite"))
        net.set_params(values)
        return net


def _check_sizes(sizes: Sequence[int]) -> list[int]:
    sizes = [int(s) for s in sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(_("sizes needs at least an input and an output width, each ≥ 1"))
    return sizes


def _layer_activations(activation, output: str, n_layers: int) -> list[str]:
    hidden = [activation] * (n_layers - 1) if isinstance(activation, str) else list(activation)
    if len(hidden) != n_layers - 1:
        raise ValueError(
            _(
                "{hidden} hidden layers but {given} activations given",
                hidden=n_layers - 1,
                given=len(hidden),
            )
        )
    names = hidden + [output]
    for i, name in enumerate(names):
        if get_activation(name).output_only and i < n_layers - 1:
            raise ValueError(_("{name} can only be used on the output layer", name=name))
    return names


def _as_batch(X: Array, n_in: int) -> Array:
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X.reshape(1, -1) if X.size == n_in else X.reshape(-1, 1)
    if X.ndim != 2 or X.shape[1] != n_in:
        raise ValueError(
            _(
                "expected inputs with {columns} columns, got shape {x_shape}",
                columns=n_in,
                x_shape=X.shape,
            )
        )
    return X

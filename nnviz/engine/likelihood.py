"""The log-likelihood of a data set under a model: ll = Σ log P(y_i | x_i)."""

from __future__ import annotations

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.text import _

Array = np.ndarray

# The loss whose per-example value is −log P(y|x) for each kind of output layer.
_LOSS_FOR_OUTPUT = {"sigmoid": "log", "softmax": "cross_entropy"}


def point_probabilities(net: MLP, X: Array, y: Array) -> Array:
    """P(y_i | x_i) for each point: p if y = 1 and 1 − p if y = 0 (sigmoid), p_y (softmax).

    Computed as exp(−loss_i) from the engine's stable log loss, so it is exactly the number
    the log-likelihood adds up.
    """
    return np.exp(-_per_point_nll(net, X, y))


def log_likelihood(net: MLP, X: Array, y: Array) -> float:
    """ll = Σ_i log P(y_i | x_i) = −Σ_i log loss_i (natural log).

    0 would be perfect (every point certain and right); the more negative, the worse.
    """
    return float(-np.sum(_per_point_nll(net, X, y)))


def _per_point_nll(net: MLP, X: Array, y: Array) -> Array:
    out = net.activations[-1]
    if out not in _LOSS_FOR_OUTPUT:
        raise ValueError(_("a likelihood needs a sigmoid or softmax output, not {out}", out=out))
    return net.per_example_loss(X, y, _LOSS_FOR_OUTPUT[out])


def data_likelihood(
    net: MLP, train: tuple[Array, Array], test: tuple[Array, Array]
) -> tuple[Array, Array, float] | None:
    """P(y_i | x_i) of every training and test point, and ll of the training set.

    None when the output is not a probability (regression, hinge scores). An empty split
    gives an empty array; ll of no points is 0.
    """
    if net.activations[-1] not in _LOSS_FOR_OUTPUT:
        return None
    nll_train, nll_test = (
        _per_point_nll(net, X, y) if len(X) else np.zeros(0) for X, y in (train, test)
    )
    return np.exp(-nll_train), np.exp(-nll_test), float(-np.sum(nll_train))


def likelihood_readout(metrics: dict[str, float]) -> str:
    """The live readout "log-likelihood ll = −12.3 (training set)", or "" without one."""
    ll = metrics.get("log_likelihood")
    if ll is None or not np.isfinite(ll):
        return ""
    return _("log-likelihood ll = Σ log P(y|x) = {ll} (training set)", ll=_signed(ll, 4))


def point_likelihood_text(
    position: Array, label: int | None, p: float | None, test: bool = False
) -> str:
    """One point under the mouse: "point (2.0, 1.0), class 2: P(class 2 | x) = 0.99, …".

    ``p`` is P(y|x) for the point's own class (from the lab); its loss is −log p.
    """
    where = ", ".join(f"{v:.2f}" for v in np.ravel(position))
    if label is None:
        return _("test point ({where})", where=where) if test else _("point ({where})", where=where)
    k = label + 1
    if p is None:
        if test:
            return _("test point ({where}), class {k}", where=where, k=k)
        return _("point ({where}), class {k}", where=where, k=k)
    loss = -np.log(p) if p > 0 else np.inf
    if test:
        return _(
            "test point ({where}), class {k}: P(class {k} | x) = {p:.4g}, loss −log P = {loss:.4g}",
            where=where,
            k=k,
            p=p,
            loss=loss,
        )
    return _(
        "point ({where}), class {k}: P(class {k} | x) = {p:.4g}, loss −log P = {loss:.4g}",
        where=where,
        k=k,
        p=p,
        loss=loss,
    )


def _signed(v: float, digits: int) -> str:
    """A number with a real minus sign (−12.3, not -12.3)."""
    return f"{v:.{digits}g}".replace("-", "−")

"""Fused optimizer update rules (torch.optim's formulas) on whole parameter buffers at once.

Each rule updates θ in place from the gradient g and its state dict of arrays shaped like θ.
θ may be one network's flat vector (P,) or an ensemble's stack (K, P); ``lr`` may then be a
(K, 1) column so every member has its own learning rate. Written once, used by both.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

Array = np.ndarray
Rate = float | Array  # one learning rate, or a (K, 1) column of them
Rule = Callable[[Array, Array, dict, int, Rate, dict], None]


def _fold_decay(theta: Array, g: Array, h: dict) -> Array:
    """L2 as torch's weight_decay: g ← g + wd·θ (a new array, so the caller's g is kept)."""
    wd = float(h.get("weight_decay", 0.0))
    return g + wd * theta if wd else g


def sgd(theta: Array, g: Array, state: dict, t: int, lr: Rate, h: dict) -> None:
    """SGD: θ ← θ − lr·g; with momentum v ← μ·v + (1 − dampening)·g (v = g on step 1).

    Nesterov looks one step ahead: the update uses g + μ·v instead of v.
    """
    g = _fold_decay(theta, g, h)
    mu = float(h["momentum"])
    if mu:
        buf = state.get("momentum_buffer")
        if buf is None:
            buf = state["momentum_buffer"] = g.copy()  # torch starts v at the first gradient
        else:
            buf[...] = mu * buf + (1.0 - float(h["dampening"])) * g
        g = g + mu * buf if h["nesterov"] else buf
    theta -= lr * g


def adagrad(theta: Array, g: Array, state: dict, t: int, lr: Rate, h: dict) -> None:
    """Adagrad: s ← s + g²; θ ← θ − lr/(1 + (t−1)·decay) · g/(√s + ε)."""
    g = _fold_decay(theta, g, h)
    s = _buffer(state, "sum", theta, float(h["initial_accumulator_value"]))
    s += g * g  # every past squared gradient, so busy directions slow down for good
    clr = lr / (1.0 + (t - 1) * float(h["lr_decay"]))
    theta -= clr * g / (np.sqrt(s) + float(h["eps"]))


def rmsprop(theta: Array, g: Array, state: dict, t: int, lr: Rate, h: dict) -> None:
    """RMSprop: s ← α·s + (1−α)·g²; θ ← θ − lr·g/(√s + ε) (optionally centred, with momentum).

    Centred: the denominator is √(s − m²) + ε with m ← α·m + (1−α)·g; momentum μ keeps a
    buffer b ← μ·b + g/denominator and steps by lr·b.
    """
    g = _fold_decay(theta, g, h)
    alpha, eps = float(h["alpha"]), float(h["eps"])
    s = _buffer(state, "square_avg", theta)
    s[...] = alpha * s + (1.0 - alpha) * g * g  # a leaky average, so old gradients fade
    if h["centered"]:
        m = _buffer(state, "grad_avg", theta)
        m[...] = alpha * m + (1.0 - alpha) * g
        avg = np.sqrt(s - m * m) + eps
    else:
        avg = np.sqrt(s) + eps
    mu = float(h["momentum"])
    if mu > 0:
        buf = _buffer(state, "momentum_buffer", theta)
        buf[...] = mu * buf + g / avg
        theta -= lr * buf
    else:
        theta -= lr * g / avg


def adam(theta: Array, g: Array, state: dict, t: int, lr: Rate, h: dict) -> None:
    """Adam: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; θ ← θ − lr·m̂/(√v̂ + ε).

    m̂ = m/(1 − β1ᵗ) and v̂ = v/(1 − β2ᵗ) undo the pull towards the zeros both start at;
    with amsgrad the denominator uses the running maximum of v.
    """
    g = _fold_decay(theta, g, h)
    b1, b2 = (float(b) for b in h["betas"])
    m = _buffer(state, "exp_avg", theta)
    v = _buffer(state, "exp_avg_sq", theta)
    # Updated in place, in the formula's order (so the same numbers, fewer temporary arrays).
    m *= b1
    m += (1.0 - b1) * g
    v *= b2
    v += _times(np.multiply(1.0 - b2, g), g)
    bc1, bc2 = 1.0 - b1**t, 1.0 - b2**t
    if h["amsgrad"]:
        vmax = _buffer(state, "max_exp_avg_sq", theta)
        np.maximum(vmax, v, out=vmax)
        v = vmax
    # math.sqrt keeps bc2 a plain float, so a float32 stack stays float32 (same value).
    denom = np.sqrt(v)
    denom /= math.sqrt(bc2)
    denom += float(h["eps"])
    step = (lr / bc1) * m
    step /= denom
    theta -= step


def _times(a: Array, b: Array) -> Array:
    """a ← a·b in place (a is a temporary), returned."""
    a *= b
    return a


def _buffer(state: dict, key: str, like: Array, fill: float = 0.0) -> Array:
    buf = state.get(key)
    if buf is None:
        buf = state[key] = np.full_like(like, fill)
    return buf


RULES: dict[str, Rule] = {"sgd": sgd, "adagrad": adagrad, "rmsprop": rmsprop, "adam": adam}

"""Optimizers whose update rules and defaults match torch.optim exactly.

Each keeps its internal state (velocity, squared-gradient sums, step count) readable in
``state`` because the landscape view draws it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Array = np.ndarray


class Optimizer:
    """Updates a list of parameter arrays in place from a list of gradients."""

    name = "optimizer"
    defaults: dict[str, object] = {}

    def __init__(self, params: Sequence[Array], **hyper: object) -> None:
        unknown = set(hyper) - set(self.defaults)
        if unknown:
            raise ValueError(
                f"{self.name} has no setting {', '.join(sorted(unknown))}; "
                f"it takes {', '.join(self.defaults)}"
            )
        self.params = list(params)
        self.hyper = {**self.defaults, **hyper}
        lr = float(self.hyper["lr"])  # type: ignore[arg-type]
        if not np.isfinite(lr) or lr < 0:
            raise ValueError(f"learning rate must be a finite number ≥ 0, not {lr}")
        _check_hyper(self.hyper)
        self.steps = 0
        self.state: dict[str, list] = {}

    @property
    def lr(self) -> float:
        """The current learning rate."""
        return float(self.hyper["lr"])  # type: ignore[arg-type]

    def set_hyper(self, **hyper: object) -> None:
        """Change hyper-parameters (e.g. the learning rate) without losing the state."""
        type(self)(self.params, **{**self.hyper, **hyper})  # validates
        self.hyper.update(hyper)

    def step(self, grads: Sequence[Array]) -> None:
        """Apply one update to every parameter."""
        if len(grads) != len(self.params):
            raise ValueError(f"{len(self.params)} parameters but {len(grads)} gradients")
        self.steps += 1
        for i, (p, g) in enumerate(zip(self.params, grads, strict=True)):
            wd = float(self.hyper.get("weight_decay", 0.0))  # type: ignore[arg-type]
            g = g + wd * p if wd else np.asarray(g, dtype=float)  # L2 folded into the gradient
            p -= self._update(i, p, g)

    def _buffer(self, key: str, i: int, like: Array, fill: float = 0.0) -> Array:
        bufs = self.state.setdefault(key, [np.full_like(p, fill) for p in self.params])
        return bufs[i]

    def _update(self, i: int, p: Array, g: Array) -> Array:
        raise NotImplementedError


def _check_hyper(hyper: dict[str, object]) -> None:
    """Reject what torch.optim rejects: negative (or non-finite) settings, betas outside [0, 1)."""
    for key, value in hyper.items():
        if isinstance(value, bool) or key == "lr":
            continue
        try:
            numbers = [float(b) for b in value] if key == "betas" else [float(value)]  # type: ignore
        except (TypeError, ValueError):
            raise ValueError(f"{key} must be a number, not {value!r}") from None
        if key == "betas":
            if len(numbers) != 2 or not all(0.0 <= b < 1.0 for b in numbers):
                raise ValueError(f"betas must be two numbers in [0, 1), not {value}")
        elif not np.isfinite(numbers[0]) or numbers[0] < 0:
            raise ValueError(f"{key} must be a finite number ≥ 0, not {value}")


class SGD(Optimizer):
    """θ ← θ − lr·g; with momentum, v ← μ·v + (1 − dampening)·g (v = g on the first step)."""

    name = "sgd"
    defaults = {
        "lr": 1e-3,
        "momentum": 0.0,
        "dampening": 0.0,
        "weight_decay": 0.0,
        "nesterov": False,
    }

    def __init__(self, params: Sequence[Array], **hyper: object) -> None:
        super().__init__(params, **hyper)
        if self.hyper["nesterov"] and (self.hyper["momentum"] <= 0 or self.hyper["dampening"]):
            raise ValueError("Nesterov momentum requires a momentum > 0 and zero dampening")

    def _update(self, i: int, p: Array, g: Array) -> Array:
        mu = float(self.hyper["momentum"])
        if mu:
            bufs = self.state.setdefault("momentum_buffer", [None] * len(self.params))
            if bufs[i] is None:
                bufs[i] = g.copy()  # torch starts the velocity at the first gradient
            else:
                bufs[i] = mu * bufs[i] + (1.0 - float(self.hyper["dampening"])) * g
            g = g + mu * bufs[i] if self.hyper["nesterov"] else bufs[i]
        return self.lr * g


class Adagrad(Optimizer):
    """s ← s + g²; θ ← θ − lr/(1 + (t−1)·decay) · g/(√s + ε)."""

    name = "adagrad"
    defaults = {
        "lr": 1e-2,
        "lr_decay": 0.0,
        "weight_decay": 0.0,
        "initial_accumulator_value": 0.0,
        "eps": 1e-10,
    }

    def _update(self, i: int, p: Array, g: Array) -> Array:
        s = self._buffer("sum", i, p, float(self.hyper["initial_accumulator_value"]))
        s += g * g  # every past squared gradient, so busy directions slow down for good
        clr = self.lr / (1.0 + (self.steps - 1) * float(self.hyper["lr_decay"]))
        return clr * g / (np.sqrt(s) + float(self.hyper["eps"]))


class RMSprop(Optimizer):
    """s ← α·s + (1−α)·g²; θ ← θ − lr·g/(√s + ε) (optionally centred, with momentum)."""

    name = "rmsprop"
    defaults = {
        "lr": 1e-2,
        "alpha": 0.99,
        "eps": 1e-8,
        "weight_decay": 0.0,
        "momentum": 0.0,
        "centered": False,
    }

    def _update(self, i: int, p: Array, g: Array) -> Array:
        alpha, eps = float(self.hyper["alpha"]), float(self.hyper["eps"])
        s = self._buffer("square_avg", i, p)
        s[...] = alpha * s + (1.0 - alpha) * g * g  # a leaky average, so old gradients fade
        if self.hyper["centered"]:
            m = self._buffer("grad_avg", i, p)
            m[...] = alpha * m + (1.0 - alpha) * g
            avg = np.sqrt(s - m * m) + eps
        else:
            avg = np.sqrt(s) + eps
        mu = float(self.hyper["momentum"])
        if mu > 0:
            buf = self._buffer("momentum_buffer", i, p)
            buf[...] = mu * buf + g / avg
            return self.lr * buf
        return self.lr * g / avg


class Adam(Optimizer):
    """m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; θ ← θ − lr·m̂/(√v̂ + ε), bias-corrected."""

    name = "adam"
    defaults = {
        "lr": 1e-3,
        "betas": (0.9, 0.999),
        "eps": 1e-8,
        "weight_decay": 0.0,
        "amsgrad": False,
    }

    def _update(self, i: int, p: Array, g: Array) -> Array:
        b1, b2 = (float(b) for b in self.hyper["betas"])  # type: ignore[union-attr]
        m = self._buffer("exp_avg", i, p)
        v = self._buffer("exp_avg_sq", i, p)
        m[...] = b1 * m + (1.0 - b1) * g
        v[...] = b2 * v + (1.0 - b2) * g * g
        # Both averages start at 0, so early on they are too small; dividing by 1 − βᵗ fixes it.
        bc1, bc2 = 1.0 - b1**self.steps, 1.0 - b2**self.steps
        if self.hyper["amsgrad"]:
            vmax = self._buffer("max_exp_avg_sq", i, p)
            np.maximum(vmax, v, out=vmax)
            v = vmax
        denom = np.sqrt(v) / np.sqrt(bc2) + float(self.hyper["eps"])
        return (self.lr / bc1) * m / denom


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "adagrad": Adagrad,
    "rmsprop": RMSprop,
    "adam": Adam,
}


def make_optimizer(name: str, params: Sequence[Array], **hyper: object) -> Optimizer:
    """Build an optimizer by name (``sgd``, ``momentum``, ``nesterov``, ``adagrad``, …)."""
    key = name.lower()
    if key == "momentum":
        key, hyper = "sgd", {"momentum": 0.9, **hyper}
    elif key == "nesterov":
        key, hyper = "sgd", {"momentum": 0.9, "nesterov": True, **hyper}
    if key not in OPTIMIZERS:
        choices = ", ".join([*OPTIMIZERS, "momentum", "nesterov"])
        raise ValueError(f"unknown optimizer {name!r}; choose one of {choices}")
    return OPTIMIZERS[key](params, **hyper)

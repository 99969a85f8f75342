"""Optimizers whose update rules and defaults match torch.optim exactly.

Each keeps its internal state (velocity, squared-gradient sums, step count) readable in
``state`` because the landscape view draws it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from nnviz.engine.updates import RULES
from nnviz.text import _

Array = np.ndarray


class Optimizer:
    """Updates a list of parameter arrays in place from a list of gradients."""

    name = "optimizer"
    defaults: dict[str, object] = {}

    def __init__(self, params: Sequence[Array], **hyper: object) -> None:
        unknown = set(hyper) - set(self.defaults)
        if unknown:
            raise ValueError(
                _(
                    "{name} has no setting {unknown}; it takes {settings}",
                    name=self.name,
                    unknown=", ".join(sorted(unknown)),
                    settings=", ".join(self.defaults),
                )
            )
        self.params = list(params)
        # Numbers, flags and (Adam's) a pair of betas: each rule reads its own with float().
        self.hyper: dict[str, Any] = {**self.defaults, **hyper}
        lr = float(self.hyper["lr"])
        if not np.isfinite(lr) or lr < 0:
            raise ValueError(_("learning rate must be a finite number ≥ 0, not {lr}", lr=lr))
        _check_hyper(self.hyper)
        self.steps = 0
        self._views = _ParamLayout(self.params)
        self._state: dict[str, Array] = {}  # one flat buffer per state entry

    @property
    def lr(self) -> float:
        """The current learning rate."""
        return float(self.hyper["lr"])

    @property
    def state(self) -> dict[str, list]:
        """Internal state per entry, one array per parameter (views: editing them edits it)."""
        return {key: self._views.split(buf) for key, buf in self._state.items()}

    @state.setter
    def state(self, value: dict[str, list]) -> None:
        self._state = {
            key: self._views.join(arrays)
            for key, arrays in value.items()
            if arrays and all(a is not None for a in arrays)
        }

    def set_hyper(self, **hyper: object) -> None:
        """Change hyper-parameters (e.g. the learning rate) without losing the state."""
        type(self)(self.params, **{**self.hyper, **hyper})  # validates
        self.hyper.update(hyper)

    def step(self, grads: Sequence[Array]) -> None:
        """Apply one update to every parameter."""
        if len(grads) != len(self.params):
            raise ValueError(
                _(
                    "{params} parameters but {grads} gradients",
                    params=len(self.params),
                    grads=len(grads),
                )
            )
        self.step_flat(self._views.join(grads))

    def step_flat(self, g: Array) -> None:
        """Apply one update from all gradients as one flat vector, in ``params`` order.

        The whole update runs once on one buffer (not once per array), which is what makes a
        small network's step cheap.
        """
        self.steps += 1
        views = self._views
        theta = views.base if views.base is not None else views.join(self.params)
        lr = float(self.hyper["lr"])
        RULES[self.name](theta, g, self._state, self.steps, lr, self.hyper)
        if views.base is None:
            views.write_back(theta)


class _ParamLayout:
    """Where each parameter array sits in one flat vector θ, and whether θ already exists.

    When the arrays are consecutive views of one buffer (as an MLP's are), that buffer is θ
    and updates land in the live arrays directly; otherwise θ is gathered and scattered.
    """

    def __init__(self, params: list[Array]) -> None:
        self.params = params
        self.shapes = [np.shape(p) for p in params]
        self.bounds = np.cumsum([0] + [int(np.size(p)) for p in params]).tolist()
        self.base = _shared_base(params)

    def write_back(self, theta: Array) -> None:
        if self.base is None:
            for p, v in zip(self.params, self.split(theta), strict=True):
                p[...] = v

    def join(self, arrays: Sequence[Array]) -> Array:
        if len(arrays) == 1:
            return np.array(arrays[0], dtype=float).reshape(-1)
        return np.concatenate([np.asarray(a, dtype=float).reshape(-1) for a in arrays])

    def split(self, flat: Array) -> list[Array]:
        b = self.bounds
        return [flat[b[i] : b[i + 1]].reshape(s) for i, s in enumerate(self.shapes)]


def _shared_base(params: list[Array]) -> Array | None:
    """The contiguous float buffer the params are consecutive views of, or None."""
    base = getattr(params[0], "base", None) if params else None
    if not isinstance(base, np.ndarray) or base.ndim != 1 or base.dtype != np.float64:
        return None
    if not base.flags.c_contiguous or base.size != sum(p.size for p in params):
        return None
    address = base.ctypes.data
    for p in params:
        if p.base is not base or not p.flags.c_contiguous or p.ctypes.data != address:
            return None
        address += p.nbytes
    return base


def _check_hyper(hyper: dict[str, Any]) -> None:
    """Reject what torch.optim rejects: negative (or non-finite) settings, betas outside [0, 1)."""
    for key, value in hyper.items():
        if isinstance(value, bool) or key == "lr":
            continue
        try:
            numbers = [float(b) for b in value] if key == "betas" else [float(value)]
        except (TypeError, ValueError):
            raise ValueError(
                _("{key} must be a number, not {value!r}", key=key, value=value)
            ) from None
        if key == "betas":
            if len(numbers) != 2 or not all(0.0 <= b < 1.0 for b in numbers):
                raise ValueError(_("betas must be two numbers in [0, 1), not {value}", value=value))
        elif not np.isfinite(numbers[0]) or numbers[0] < 0:
            raise ValueError(
                _("{key} must be a finite number ≥ 0, not {value}", key=key, value=value)
            )


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
        momentum, dampening = float(self.hyper["momentum"]), float(self.hyper["dampening"])
        if self.hyper["nesterov"] and (momentum <= 0 or dampening):
            raise ValueError(_("Nesterov momentum requires a momentum > 0 and zero dampening"))


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
        raise ValueError(
            _("unknown optimizer {name!r}; choose one of {choices}", name=name, choices=choices)
        )
    return OPTIMIZERS[key](params, **hyper)

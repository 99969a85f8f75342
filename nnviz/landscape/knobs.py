"""The network's loss as a function of a few chosen knobs, all other parameters held still."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from nnviz.engine.problem import Problem
from nnviz.landscape.params import ParamRef, flat_index, param_label
from nnviz.text import _

Array = np.ndarray


class _PrivateLoss:
    """A problem's loss on private copies of its network and data, at any flat θ."""

    def __init__(self, problem: Problem) -> None:
        self.net = problem.net.copy()  # the live network and data are never touched
        X, y = np.array(problem.X, dtype=float), np.array(problem.y)
        self.problem = replace(problem, net=self.net, X=X, y=y)

    def loss_and_flat_grad(self, theta: Array) -> tuple[float, Array]:
        """L(θ) and ∇L(θ) as one flat vector, by the engine's backprop."""
        self.net.set_flat(theta)
        value, grads = self.problem.loss_and_grads(self.net)
        return float(value), np.concatenate([g.ravel() for g in grads])


class KnobObjective(_PrivateLoss):
    """p ↦ (L, ∂L/∂p): the loss with the chosen parameters set to p, and its gradient.

    The gradient is the engine's backprop gradient read at the chosen entries, so the race
    on the network's two-weight slice uses exactly the numbers training would. It works on
    a private copy of the network and data: the live network is never touched.

    Parameters
    ----------
    problem : the loss (data, loss name, penalties); the current weights of ``problem.net``
        are the values every other knob is held at.
    refs : the knobs, each a weight ``(layer, i, j)``, a bias ``(layer, j)`` or an index.
    """

    def __init__(self, problem: Problem, refs: Sequence[ParamRef]) -> None:
        super().__init__(problem)
        self.index = np.array([flat_index(self.net, r) for r in refs], dtype=int)
        if len(set(self.index.tolist())) != len(self.index):
            raise ValueError(_("choose different parameters for different knobs"))
        self.labels = tuple(param_label(self.net, r) for r in refs)
        self.base = self.net.get_flat()
        self.start = self.base[self.index].copy()  # where the network is now

    def __call__(self, p: Array) -> tuple[float, Array]:
        """L(θ with θ[k_i] = p_i) and (∂L/∂θ[k_i])_i."""
        theta = self.base.copy()
        theta[self.index] = p
        value, flat = self.loss_and_flat_grad(theta)
        return value, flat[self.index]

    def value(self, x: float) -> float:
        """The loss along the first knob alone (for the 1-D panel)."""
        p = self.start.copy()
        p[0] = x
        return self(p)[0]

    def derivative(self, x: float) -> float:
        """dL/dx along the first knob, from backprop."""
        p = self.start.copy()
        p[0] = x
        return float(self(p)[1][0])


class PlaneObjective(_PrivateLoss):
    """(a, b) ↦ (L, ∂L/∂a, ∂L/∂b) on the plane θ(a, b) = center + a·d1 + b·d2.

    By the chain rule ∂L/∂a = ∇L(θ)·d1 and ∂L/∂b = ∇L(θ)·d2: the backprop gradient read
    along the two directions. For a two-weight plane (unit d1, d2) this is exactly
    :class:`KnobObjective`. Works on private copies; the live network is never touched.
    """

    def __init__(self, problem: Problem, center: Array, d1: Array, d2: Array) -> None:
        super().__init__(problem)
        self.center = np.array(center, dtype=float)
        self.basis = np.column_stack([d1, d2]).astype(float)  # (n_params, 2)

    def __call__(self, p: Array) -> tuple[float, Array]:
        """L(θ(a, b)) and (∇L·d1, ∇L·d2)."""
        value, flat = self.loss_and_flat_grad(self.center + self.basis @ np.asarray(p, float))
        return value, flat @ self.basis

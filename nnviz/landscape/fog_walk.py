"""A whole fog walk on a 1-D loss (an analytic curve or a real network along one weight)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem
from nnviz.landscape.knobs import KnobObjective
from nnviz.landscape.params import ParamRef, array_ref
from nnviz.landscape.probe import FogWalk, secant_sequence

Array = np.ndarray
PROBE_DXS = (1.0, 0.1, 0.01, 0.001, 0.0001)  # the shrinking steps that feel the slope


class LossAlongWeight:
    """t ↦ L(θ with one weight set to t): the network's loss along one knob, all others fixed.

    Works on a private copy of the network and data; the live network is never touched.

    Parameters
    ----------
    net : the network; its current weights are where every other knob stays.
    X, y : the data the loss is measured on.
    loss : ``mse``, ``log``, ``cross_entropy`` or ``hinge``.
    param_index : which array of ``net.params`` ([W1, b1, W2, b2, …]).
    index : the entry of that array, e.g. ``(0, 1)`` for W[0, 1] or ``(2,)`` for b[2].
    """

    def __init__(
        self, net: MLP, X: Array, y: Array, loss: str, param_index: int, index: Sequence[int]
    ) -> None:
        ref = array_ref(net, int(param_index), tuple(int(i) for i in index))
        self._bind(KnobObjective(Problem(net, X, y, loss), [ref]))

    @classmethod
    def on(cls, problem: Problem, theta: Array, ref: ParamRef) -> LossAlongWeight:
        """The problem's loss (penalties included) along weight ``ref``, the others at θ."""
        net = problem.net.copy()
        net.set_flat(np.asarray(theta, dtype=float))
        along = cls.__new__(cls)
        along._bind(KnobObjective(replace(problem, net=net), [ref]))
        return along

    def _bind(self, objective: KnobObjective) -> None:
        self._objective = objective
        self.label = objective.labels[0]
        self.start = float(objective.start[0])  # the weight's value now

    def __call__(self, t: float) -> float:
        """The loss with this weight set to t (a forward pass only: no gradient is needed)."""
        objective = self._objective
        theta = objective.base.copy()
        theta[objective.index[0]] = float(t)
        objective.net.set_flat(theta)
        return float(objective.problem.value(objective.net))

    def derivative(self, t: float) -> float:
        """dL/dt from backprop, to compare with the walker's secants."""
        return float(self._objective.derivative(float(t)))


@dataclass(frozen=True)
class FogWalkReport:
    """What a walker who sees only its feet did, and what it measured."""

    start: float
    secants: tuple[tuple[float, float], ...]  # (Δx, Δy/Δx) at the start, Δx shrinking
    slope: float  # the tangent's slope at the start: the last (smallest-Δx) secant
    steps: int
    evaluations: int  # how many times the loss was computed, probes included
    path: tuple[float, ...]  # the knob's value after each step, the start first
    values: tuple[float, ...]  # the loss at each of those
    status: str  # "stopped" (the knob stopped changing), "walking" (out of steps), "diverged"

    @property
    def end(self) -> float:
        """Where the walk ended."""
        return self.path[-1]


class CountedFogWalk:
    """A fog walk taken a few steps at a time, counting every look at the loss.

    On creation it feels the slope at x0 with each Δx of ``probe_dxs`` (the secants); each
    step then reads the secant Δy/Δx with the small ``dx`` and moves x ← x − lr·Δy/Δx. After
    any number of steps, ``report()`` equals :func:`fog_walk` run for that many steps.
    """

    def __init__(
        self,
        f: Callable[[float], float],
        x0: float,
        lr: float = 0.1,
        dx: float = 1e-4,
        tol: float = 1e-6,
        probe_dxs: Sequence[float] = PROBE_DXS,
    ) -> None:
        self.f, self.calls, self.steps = f, 0, 0
        self.start = float(x0)
        self.secants = tuple(secant_sequence(self.look, self.start, probe_dxs))
        self.walker = FogWalk(self.look, self.start, lr=lr, dx=dx, tol=tol)

    def look(self, x: float) -> float:
        """One look at the loss (counted)."""
        self.calls += 1
        return float(self.f(x))

    def run(self, steps: int) -> int:
        """Up to ``steps`` more steps; how many were taken (fewer once stopped or diverged)."""
        taken = self.walker.run(int(steps))
        self.steps += taken
        return taken

    def report(self) -> FogWalkReport:
        """The walk so far (looking at the loss where it now stands, if it has not yet)."""
        walker = self.walker
        path = tuple(walker.positions)
        values = tuple(walker.probe(x) for x in path)  # already seen, except maybe the last
        slope = self.secants[-1][1] if self.secants else float("nan")
        return FogWalkReport(
            self.start, self.secants, slope, self.steps, self.calls, path, values, walker.status
        )


def fog_walk(
    f: Callable[[float], float],
    x0: float,
    lr: float = 0.1,
    dx: float = 1e-4,
    tol: float = 1e-6,
    max_steps: int = 1000,
    probe_dxs: Sequence[float] = PROBE_DXS,
) -> FogWalkReport:
    """Probe the slope at x0 with shrinking Δx, then walk downhill until the knob stops moving.

    Each step reads the secant Δy/Δx with the small ``dx`` and moves x ← x − lr·Δy/Δx
    ("a little downhill"); it stops when a step moves x by less than ``tol``.
    """
    walk = CountedFogWalk(f, x0, lr=lr, dx=dx, tol=tol, probe_dxs=probe_dxs)
    walk.run(int(max_steps))
    return walk.report()

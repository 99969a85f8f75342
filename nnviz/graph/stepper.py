"""A cursor over the forward then backward steps, with exact step-back and the memo table."""

from __future__ import annotations

from dataclasses import dataclass

from nnviz.graph.graph import Graph
from nnviz.graph.steps import BACKWARD, FORWARD, ForwardStep, Step, Steps
from nnviz.text import _

PENDING, CURRENT, DONE = "pending", "current", "done"
START = "start"


@dataclass(frozen=True)
class MemoEntry:
    """One finished gradient in the memo table: ∂output/∂``name`` = ``grad``."""

    node: int
    name: str
    grad: float


@dataclass(frozen=True)
class StepperState:
    """What is known after ``position`` steps. Immutable, so going back restores it exactly.

    ``values[i]`` is ``None`` until node i is computed; ``grads[i]`` holds the gradient
    accumulated so far (``None`` before anything arrived); ``final`` are the nodes whose
    gradient is complete, listed in ``memo`` in the order they were finished.
    """

    position: int
    values: tuple[float | None, ...]
    grads: tuple[float | None, ...]
    final: frozenset[int]
    memo: tuple[MemoEntry, ...]


def initial_state(graph: Graph) -> StepperState:
    """Before any step: leaves and constants have values; nothing else is known."""
    values = tuple(n.value if n.kind != "op" else None for n in graph.nodes)
    return StepperState(0, values, (None,) * len(graph.nodes), frozenset(), ())


def apply_step(state: StepperState, step: Step) -> StepperState:
    """The state after one more step (a pure function: ``state`` itself is unchanged)."""
    if isinstance(step, ForwardStep):
        values = list(state.values)
        values[step.node] = step.value
        return StepperState(state.position + 1, tuple(values), state.grads, state.final, state.memo)
    grads = list(state.grads)
    grads[step.node] = step.grad  # complete now: every child has sent its contribution
    for edge in step.edges:
        # Like dynamic programming: reuse the stored gradient, add upstream × local below.
        grads[edge.source] = (grads[edge.source] or 0.0) + edge.product
    memo = (*state.memo, MemoEntry(step.node, step.name, step.grad))
    return StepperState(
        state.position + 1, state.values, tuple(grads), state.final | {step.node}, memo
    )


class Stepper:
    """Walk one graph's forward pass then its backward pass, one step at a time.

    Parameters
    ----------
    graph : the graph to explain; its current leaf values are used.

    Every state visited is kept (they are immutable), so :meth:`step_back` returns to exactly
    the previous values, gradients and memo table.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.steps: Steps = graph.steps
        self._all = self.steps.all
        self._states = [initial_state(graph)]
        self._pos = 0

    # ----- where we are --------------------------------------------------------------------
    @property
    def position(self) -> int:
        """Number of steps done, from 0 to :attr:`total`."""
        return self._pos

    @property
    def total(self) -> int:
        """Number of steps: forward steps plus backward steps."""
        return len(self._all)

    @property
    def state(self) -> StepperState:
        """Values, gradients and memo table known at this position."""
        return self._states[self._pos]

    @property
    def current(self) -> Step | None:
        """The step just done (the one to highlight), or ``None`` at the start."""
        return self._all[self._pos - 1] if self._pos else None

    @property
    def next_step(self) -> Step | None:
        """The step :meth:`step_forward` would do, or ``None`` at the end."""
        return self._all[self._pos] if self._pos < self.total else None

    @property
    def phase(self) -> str:
        """``"start"``, ``"forward"`` or ``"backward"``: the phase of the current step."""
        return self.current.phase if self.current else START

    @property
    def finished(self) -> bool:
        """True once the whole backward pass has been walked."""
        return self._pos == self.total

    @property
    def memo(self) -> tuple[MemoEntry, ...]:
        """The table of finished gradients, in the order they were filled in."""
        return self.state.memo

    def node_state(self, node: int) -> str:
        """``"pending"``, ``"current"`` or ``"done"`` for the current phase's quantity.

        Forward: is the node's value known? Backward: is its gradient complete? (Constants
        need no gradient, so they count as done.)
        """
        cur = self.current
        if cur is not None and cur.node == node:
            return CURRENT
        if self.phase == BACKWARD:
            done = node in self.state.final or self.graph.nodes[node].kind == "const"
        else:
            done = self.state.values[node] is not None
        return DONE if done else PENDING

    def node_states(self) -> dict[int, str]:
        """:meth:`node_state` for every node."""
        return {n.id: self.node_state(n.id) for n in self.graph.nodes}

    # ----- moving --------------------------------------------------------------------------
    def step_forward(self) -> Step | None:
        """Do the next step and return it (``None`` if already at the end)."""
        if self._pos == self.total:
            return None
        self._go(self._pos + 1)
        return self.current

    def step_back(self) -> Step | None:
        """Undo the last step exactly; return the new current step (``None`` at the start)."""
        if self._pos:
            self._pos -= 1
        return self.current

    def run_forward(self) -> None:
        """Finish the forward pass (nothing happens if the backward pass has begun)."""
        self._go(max(self._pos, len(self.steps.forward)))

    def run_backward(self) -> None:
        """Finish both passes."""
        self._go(self.total)

    def reset(self) -> None:
        """Back to the start: only the leaves and constants are known."""
        self._pos = 0

    def jump_to(self, node: int, phase: str = FORWARD) -> Step:
        """Go to just after ``node``'s step in ``phase`` (``"forward"`` or ``"backward"``)."""
        if phase not in (FORWARD, BACKWARD):
            raise ValueError(_("phase must be 'forward' or 'backward', not {phase!r}", phase=phase))
        for k, step in enumerate(self._all):
            if step.node == node and step.phase == phase:
                self._go(k + 1)
                return step
        raise ValueError(_("node {node} has no {phase} step", node=node, phase=phase))

    def _go(self, position: int) -> None:
        # States are computed once and kept, so any earlier position is restored bit for bit.
        while len(self._states) <= position:
            self._states.append(apply_step(self._states[-1], self._all[len(self._states) - 1]))
        self._pos = position

"""What one gradient step did to a traced example, in numbers that show the change."""

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.graph.trace import trace_example
from nnviz.graph.update import summarise_update


def _step(lr):
    net = MLP([2, 2, 1], "tanh", "sigmoid", seed=0)
    x, y = np.array([[0.5, -1.0]]), np.array([1.0])
    graph = trace_example(net, x[0], 1.0, loss="log")
    grads = net.loss_and_grads(x, y, loss="log")[1]
    new = [p - lr * g for p, g in zip(net.params, grads, strict=True)]
    after = net.copy()
    after.set_params(new)
    return summarise_update(graph, new, lr), net.loss(x, y, loss="log"), after.loss(x, y, "log")


def test_loss_before_and_after_match_the_engine():
    """The summary's losses are the engine's for this example, and the caption shows them."""
    s, before, after = _step(0.5)
    assert np.isclose(s.loss_before, before) and np.isclose(s.loss_after, after)
    assert "→" in s.caption and "Δ −" in s.caption and not s.quiet
    assert s.rows[0][0].startswith(("W", "b")) and "→" in s.rows[0][1]


def test_a_step_too_small_to_see_is_called_quiet():
    """A tiny step (|Δloss| < 1e-4) is flagged and the caption says so plainly."""
    s, _, _ = _step(1e-6)
    assert s.quiet and "Nothing visible changes" in s.caption
    assert "worst-classified training point" in s.caption

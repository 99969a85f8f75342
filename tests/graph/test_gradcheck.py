"""The on-demand gradient check: backprop against central differences, leaf by leaf."""

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.graph import EXAMPLES, gradcheck, parse, trace_example


@pytest.mark.parametrize("key", sorted(EXAMPLES))
def test_every_preset_passes(key):
    """Every preset's backprop gradients agree with finite differences."""
    checks = gradcheck(EXAMPLES[key].build())
    assert checks and all(c.ok for c in checks), checks


def test_reports_analytic_numeric_and_error():
    """CS188: w1's analytic 96 and numeric ≈ 96, with a tiny error."""
    checks = {c.name: c for c in gradcheck(EXAMPLES["cs188"].build())}
    assert list(checks) == ["w1", "w2", "w3"]
    w1 = checks["w1"]
    assert w1.analytic == 96.0
    assert w1.numeric == pytest.approx(96.0, rel=1e-8)
    assert w1.error < 1e-8 and w1.ok


def test_a_kink_shows_up_as_a_failed_check():
    """At relu's kink the one-sided slopes differ: backprop says 0, the difference says ½."""
    (check,) = gradcheck(parse("relu(x)", {"x": 0.0}))
    assert check.analytic == 0.0
    assert check.numeric == pytest.approx(0.5)
    assert not check.ok


def test_only_the_requested_leaves_and_graph_unchanged():
    """Checking some leaves leaves the graph's values exactly as they were."""
    g = EXAMPLES["tanh_neuron"].build()
    before = [n.value for n in g.nodes]
    checks = gradcheck(g, leaves=["w1", "b"])
    assert [c.name for c in checks] == ["w1", "b"]
    assert [n.value for n in g.nodes] == before


def test_refuses_non_leaves():
    """Only leaves can be checked."""
    with pytest.raises(ValueError, match="not a leaf"):
        gradcheck(EXAMPLES["cs188"].build(), leaves=["a"])


def test_traced_network_passes():
    """Every parameter and input of a traced tanh network passes the check."""
    net = MLP([2, 4, 1], "tanh", "sigmoid", seed=5)
    g = trace_example(net, np.array([0.3, -0.8]), 1, loss="log")
    checks = gradcheck(g)
    assert len(checks) == len(g.leaves) and all(c.ok for c in checks)

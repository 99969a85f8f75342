"""Depth and initialisation: half the Xavier scale stalls at ln 2, Xavier trains."""

import numpy as np
import pytest

from nnviz.experiments.depth import LN2, deep_net, depth_experiment


@pytest.fixture(scope="module")
def runs():
    return depth_experiment()  # 10 tanh layers, XOR, scales 0.5 and 1 × Xavier


def test_one_gradient_norm_per_layer(runs):
    """Ten weight layers give ten gradient norms, first layer first, all finite and positive."""
    for run in runs.values():
        assert len(run.grad_norm_by_layer) == 10
        assert all(np.isfinite(g) and g > 0 for g in run.grad_norm_by_layer)
    net = deep_net(10, 16, 1.0, 0)
    assert [w.shape[0] for w in net.weights][:2] == [2, 16]  # layer 1 is next to the inputs


def test_small_scale_gradients_vanish(runs):
    """At 0.5×, every layer's gradient is ≥ 10× smaller than at Xavier, worst at the input."""
    small, right = runs[0.5].grad_norm_by_layer, runs[1.0].grad_norm_by_layer
    assert all(s * 10 < r for s, r in zip(small, right, strict=True))
    assert small[0] < small[-1]  # the signal fades going back towards the inputs


def test_small_scale_stays_at_ln2_and_xavier_trains(runs):
    """The small scale's loss stays within 0.01 of ln 2; Xavier's falls below 0.1 and fits."""
    small, right = runs[0.5], runs[1.0]
    assert np.all(np.abs(small.losses - LN2) < 0.01)
    assert right.final_loss < 0.1 and right.accuracy > 0.95
    assert small.accuracy < 0.75


def test_depth_is_deterministic():
    """The same arguments give the same loss curve, bit for bit."""
    a = depth_experiment(scales=(1.0,), steps=20)[1.0]
    b = depth_experiment(scales=(1.0,), steps=20)[1.0]
    np.testing.assert_array_equal(a.losses, b.losses)

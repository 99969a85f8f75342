"""The fog walk on a parabola and on a real network's loss along one weight."""

import numpy as np
import pytest

from nnviz.engine import MLP
from nnviz.landscape.fog_walk import LossAlongWeight, fog_walk


def test_secants_close_in_on_the_tangent_of_a_parabola():
    """For f = (x − 3)², Δy/Δx = 2(x − 3) + Δx: each error equals Δx and shrinks with it."""
    report = fog_walk(lambda x: (x - 3.0) ** 2, 0.0, probe_dxs=(1.0, 0.1, 0.01))
    for dx, slope in report.secants:
        assert slope - (-6.0) == pytest.approx(dx, abs=1e-9)
    assert report.slope == pytest.approx(-6.0, abs=0.011)


def test_walk_stops_at_the_bottom_and_counts_its_evaluations():
    """Downhill steps reach x = 3 and stop; every loss evaluation is counted."""
    calls = []
    report = fog_walk(lambda x: calls.append(x) or (x - 3.0) ** 2, 0.0, lr=0.2)
    assert report.status == "stopped" and report.end == pytest.approx(3.0, abs=1e-3)
    assert report.evaluations == len(calls) and report.steps == len(report.path) - 1
    assert all(np.diff(report.values) <= 1e-12)  # downhill all the way


def test_loss_along_one_weight_is_the_networks_loss():
    """The callable equals net.loss with that weight set, and leaves the network unchanged."""
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(20, 2)), rng.integers(0, 2, 20)
    net = MLP([2, 3, 1], output="sigmoid", seed=0)
    before = net.get_flat()
    along = LossAlongWeight(net, X, y, "log", param_index=0, index=(1, 2))
    assert along(along.start) == pytest.approx(net.loss(X, y, "log"))
    twin = net.copy()
    twin.weights[0][1, 2] = 0.7
    assert along(0.7) == pytest.approx(twin.loss(X, y, "log"))
    assert np.array_equal(net.get_flat(), before)


def test_fog_walk_on_a_network_weight_finds_where_backprop_says_flat():
    """Walking one weight of a real network stops where backprop's dL/dw is ≈ 0."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 2))
    y = (X[:, 0] - X[:, 1] > 0).astype(int)
    along = LossAlongWeight(MLP([2, 1], output="sigmoid", seed=0), X, y, "log", 0, (0, 0))
    report = fog_walk(along, along.start, lr=1.0, max_steps=2000)
    assert report.secants[-1][1] == pytest.approx(along.derivative(along.start), abs=1e-3)
    assert report.status == "stopped" and abs(along.derivative(report.end)) < 1e-4
    assert report.values[-1] < report.values[0]


def test_a_walk_taken_a_few_steps_at_a_time_reports_as_one_walk():
    """3 + 4 + 1 steps of CountedFogWalk report exactly what fog_walk does for 8 steps."""
    from nnviz.landscape.fog_walk import CountedFogWalk

    f = lambda x: np.cosh(x - 1.0)  # noqa: E731
    walk = CountedFogWalk(f, 3.0, lr=0.3, dx=1e-3)
    for n in (3, 4, 1):
        walk.run(n)
        walk.report()  # looking between steps adds no looks the whole walk would not make
    assert walk.report() == fog_walk(f, 3.0, lr=0.3, dx=1e-3, max_steps=8)

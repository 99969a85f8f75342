"""The 1-D probe: secant slopes closing in on the derivative, and the walk in the fog."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape.knobs import KnobObjective
from nnviz.landscape.probe import FogWalk, secant_sequence, secant_slope, veil


def test_secant_slope_is_rise_over_run():
    """For f = x² at x = 1 with Δx = 0.5: (2.25 − 1)/0.5 = 2.5."""
    assert secant_slope(lambda x: x * x, 1.0, 0.5) == 2.5
    with pytest.raises(ValueError):
        secant_slope(lambda x: x, 1.0, 0.0)


def test_secants_converge_to_the_derivative():
    """Shrinking Δx, the slope of sin at 0.7 approaches cos(0.7), ever closer."""
    seq = secant_sequence(np.sin, 0.7)
    errors = [abs(slope - np.cos(0.7)) for _, slope in seq]
    assert all(b < a for a, b in zip(errors, errors[1:], strict=False))
    assert errors[-1] < 1e-4 and [dx for dx, _ in seq][0] == 1.0


def test_secant_on_a_network_knob_approaches_backprop(problem):
    """The video's probe on a real weight: Δy/Δx → the backprop derivative."""
    net, X, y = problem
    knob = KnobObjective(Problem(net, X, y, "log"), [(1, 0, 0)])
    x = float(knob.start[0])
    slope = secant_slope(knob.value, x, 1e-6)
    assert slope == pytest.approx(knob.derivative(x), rel=1e-4, abs=1e-7)


def test_fog_walk_goes_downhill_and_sees_only_its_probes():
    """On (x − 2)², the walk stops near 2 − Δx/2 and has seen only the probed points."""
    walk = FogWalk(lambda x: (x - 2.0) ** 2, x0=-1.0, lr=0.2, dx=0.01, tol=1e-9)
    taken = walk.run(500)
    assert walk.status == "stopped" and taken < 500
    # The forward secant is zero where 2(x − 2) + Δx = 0: the probe's own bias.
    assert walk.x == pytest.approx(2.0 - 0.005, abs=1e-6)
    xs, ys = walk.revealed()
    assert len(xs) == 2 * len(walk.slopes)
    assert np.all(np.diff(xs) > 0) and np.allclose(ys, (xs - 2.0) ** 2)
    assert walk.positions[0] == -1.0 and len(walk.positions) == taken + 1


def test_fog_walk_divergence_is_a_status():
    """Too big a learning rate: status "diverged", no exception, no more steps."""
    walk = FogWalk(lambda x: x * x, x0=1.0, lr=1.5, dx=1e-3, escape=1e3)
    walk.run(100)
    assert walk.status == "diverged" and walk.step() is False


def test_veil_hides_what_was_not_seen():
    """Values farther than the radius from every evaluated x become NaN."""
    xs = np.linspace(0, 1, 11)
    out = veil(xs, xs * 10, seen=[0.0, 0.55], radius=0.06)
    visible = ~np.isnan(out)
    assert visible.tolist() == [True] + [False] * 4 + [True, True] + [False] * 4
    assert np.isnan(veil(xs, xs, seen=[], radius=1.0)).all()

"""KnobWalk: a fog walk on a frozen copy of the network, its curve, its pictures."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape.knob_walk import HALF_SPAN, KnobWalk, check_steps, start_walk
from nnviz.landscape.race_session import InputError
from tests.landscape.conftest import make_problem


@pytest.fixture
def walk():
    """A walk along W1[1,2] of a 2-4-3-1 net, started 1.0 above the weight's value."""
    net, X, y = make_problem()
    problem = Problem(net, X, y, "log")
    theta = net.get_flat()
    return start_walk(problem, theta, (0, 1, 2), None, 1.0, lr=2.0, dx=0.01), problem, theta


def curve_of(w: KnobWalk) -> dict:
    """Run the walk's curve job as the job thread would and keep its result."""
    w.curve = next(w.curve_job(7)(lambda: False))
    return w.curve


def test_the_walk_copies_the_weights_it_starts_on(walk):
    """Changing the array it was given afterwards (training goes on) leaves the walk alone."""
    w, problem, theta = walk
    before = w.along(w.report.start)
    theta += 0.5
    assert w.along(w.report.start) == before and w.held == pytest.approx(theta[6] - 0.5)


def test_its_curve_covers_the_start_the_path_and_the_weight(walk):
    """The curve job spans the stops and the trained value, at least HALF_SPAN either side."""
    w, problem, theta = walk
    c = curve_of(w)
    assert c["token"] == 7 and len(c["xs"]) == 121
    assert c["xs"][0] <= w.held and w.report.start <= c["xs"][-1]
    assert c["xs"][-1] - c["xs"][0] >= 2 * HALF_SPAN
    moved = theta.copy()
    moved[6] = c["xs"][40]
    assert c["values"][40] == pytest.approx(problem.loss_at(moved[None])[0], rel=1e-12)
    assert not w.needs_curve()
    w.walk.walker.positions.append(c["xs"][-1] + 1.0)  # a stop past the curve's end
    w.step(0)  # (re-reads the report)
    assert w.needs_curve()


def test_the_feet_are_probed_without_counting_a_look(walk):
    """The picture's secant at the walker's feet is not one of the walker's looks."""
    w, *_ = walk
    looks = w.report.evaluations
    w.step(3)
    x, y, y_dx, slope = w.feet
    assert x == w.report.end and y == w.report.values[-1]
    assert y_dx == pytest.approx(w.along(x + 0.01)) and slope == pytest.approx(
        w.along.derivative(x)
    )
    curve_of(w)
    pic = w.curve_picture(fog=False)
    assert pic.secant_slope == pytest.approx((y_dx - y) / 0.01) and pic.label == "knob W1[1,2]"
    # The first step had already seen its start; the next two look twice; the last stop once.
    assert w.report.evaluations == looks + 1 + 2 + 2 + 1


def test_steps_must_be_whole_and_bounded():
    """1 … MAX_STEPS whole steps; True, 0 and 2.5 are refused."""
    assert check_steps(3) == 3
    for bad in (0, -1, 2.5, True, 10_001):
        with pytest.raises(InputError):
            check_steps(bad)


def test_a_walk_needs_a_network_and_a_finite_start(walk):
    """No network, a NaN place or a start off the map: InputError with the reason."""
    w, problem, theta = walk
    with pytest.raises(InputError, match="train it a little first"):
        start_walk(None, None, (0, 0, 0), None, 0.0, 0.1, 0.01)
    with pytest.raises(InputError, match="finite"):
        start_walk(problem, theta, (0, 0, 0), np.inf, 0.0, 0.1, 0.01)
    with pytest.raises(ValueError, match="outside"):
        start_walk(problem, theta, (0, 9, 0), None, 0.0, 0.1, 0.01)

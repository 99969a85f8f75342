"""Loss slices: centre = current loss, chosen-weight slices = a hand loop, progressive grids."""

import numpy as np
import pytest

from nnviz.engine.problem import Problem
from nnviz.landscape.directions import random_plane, weight_plane
from nnviz.landscape.slices import (
    Surface,
    interpolation,
    plane_points,
    progressive_slice,
    slice_1d,
    slice_2d,
)


@pytest.mark.parametrize(("precision", "rel"), [("double", 1e-13), ("single", 1e-5)])
def test_centre_of_a_slice_is_the_current_loss(problem, precision, rel):
    """L at (a, b) = (0, 0) of a random plane through θ equals net.loss (with L2)."""
    net, X, y = problem
    plane = random_plane(net, np.random.default_rng(0))
    grid = np.linspace(-1, 1, 21)
    s = slice_2d(
        Problem(net, X, y, "log", l2=0.01),
        plane.center,
        plane.d1,
        plane.d2,
        grid,
        grid,
        precision=precision,
    )
    assert s.values[10, 10] == pytest.approx(net.loss(X, y, "log", l2=0.01), rel=rel)


def test_slice_along_two_weights_equals_a_hand_loop(problem):
    """Each grid value = net.loss after setting the two weights by hand to (a, b)."""
    net, X, y = problem
    plane = weight_plane(net, (0, 1, 2), (1, 3, 0))
    alphas, betas = np.linspace(-2, 2, 7), np.linspace(-1, 3, 5)
    s = slice_2d(
        Problem(net, X, y, "log"),
        plane.center,
        plane.d1,
        plane.d2,
        alphas,
        betas,
        precision="double",
    )
    twin = net.copy()
    for i, b in enumerate(betas):
        for j, a in enumerate(alphas):
            twin.weights[0][1, 2], twin.weights[1][3, 0] = a, b
            assert s.values[i, j] == pytest.approx(twin.loss(X, y, "log"), rel=1e-13)


def test_surface_rows_follow_b_and_columns_follow_a(problem):
    """values has shape (len(betas), len(alphas)); values[i, j] is at (alphas[j], betas[i])."""
    net, X, y = problem
    plane = random_plane(net, np.random.default_rng(1))
    alphas, betas = np.linspace(-1, 1, 4), np.linspace(0, 2, 3)
    s = slice_2d(
        Problem(net, X, y, "log"),
        plane.center,
        plane.d1,
        plane.d2,
        alphas,
        betas,
        precision="double",
        labels=("u", "v"),
    )
    assert s.values.shape == (3, 4) and (s.x_label, s.y_label) == ("u", "v")
    one = slice_2d(
        Problem(net, X, y, "log"),
        plane.center,
        plane.d1,
        plane.d2,
        [alphas[3]],
        [betas[1]],
        precision="double",
    )
    assert s.values[1, 3] == pytest.approx(one.values[0, 0], rel=1e-13)
    assert plane_points(plane.center, plane.d1, plane.d2, alphas, betas).shape == (
        12,
        len(plane.center),
    )


def test_surfaces_are_read_only_and_know_their_extent():
    """Arrays cannot be written; contains/argmin/extent describe the grid."""
    values = np.array([[3.0, 2.0, 5.0], [1.0, np.nan, 4.0]])
    s = Surface(np.array([0.0, 1.0, 2.0]), np.array([-1.0, 1.0]), values)
    with pytest.raises(ValueError):
        s.values[0, 0] = 9.0
    values[0, 0] = 9.0  # the surface holds its own copy
    assert s.values[0, 0] == 3.0
    assert s.extent == (0.0, 2.0, -1.0, 1.0)
    assert s.contains(1.5, 0.0) and not s.contains(2.5, 0.0)
    assert s.argmin() == (0.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="shape"):
        Surface(np.zeros(2), np.zeros(3), np.zeros((2, 3)))


def test_slice_1d_along_one_weight_is_the_knob_curve(problem):
    """Along a unit direction from a centre with the weight zeroed, t is the weight's value."""
    net, X, y = problem
    plane = weight_plane(net, (2, 0, 0), (2, 1, 0))
    ts = np.linspace(-3, 3, 9)
    curve = slice_1d(
        Problem(net, X, y, "log"), plane.center, plane.d1, ts, label="W3[0,0]", precision="double"
    )
    twin = net.copy()
    twin.weights[2][1, 0] = 0.0  # the plane's centre has both of its weights at 0
    for t, value in zip(ts, curve.values, strict=True):
        twin.weights[2][0, 0] = t
        assert value == pytest.approx(twin.loss(X, y, "log"), rel=1e-13)
    assert curve.label == "W3[0,0]"


def test_interpolation_runs_from_the_initial_to_the_current_weights(problem):
    """t = 0 is the loss at θ_init, t = 1 the loss now; ts default to −0.25..1.25."""
    net, X, y = problem
    init = net.get_flat()
    now = init + np.random.default_rng(2).normal(scale=0.3, size=init.size)
    curve = interpolation(Problem(net, X, y, "log"), init, now, precision="double")
    assert curve.ts[0] == -0.25 and curve.ts[-1] == 1.25
    k0, k1 = int(np.argmin(abs(curve.ts))), int(np.argmin(abs(curve.ts - 1)))
    twin = net.copy()
    twin.set_flat(now)
    assert curve.values[k0] == pytest.approx(net.loss(X, y, "log"), rel=1e-13)
    assert curve.values[k1] == pytest.approx(twin.loss(X, y, "log"), rel=1e-12)
    assert curve.marks == {"init": 0.0, "now": 1.0}


def test_progressive_slice_yields_coarse_then_fine(problem):
    """17×17 (not refined) comes first, then 51×51 (refined) equal to slice_2d's grid."""
    net, X, y = problem
    plane = random_plane(net, np.random.default_rng(3))
    got = list(
        progressive_slice(
            Problem(net, X, y, "log"), plane.center, plane.d1, plane.d2, (-1, 1), (-0.5, 1.5)
        )
    )
    assert [s.values.shape for s in got] == [(17, 17), (51, 51)]
    assert [s.refined for s in got] == [False, True]
    alphas, betas = np.linspace(-1, 1, 51), np.linspace(-0.5, 1.5, 51)
    full = slice_2d(Problem(net, X, y, "log"), plane.center, plane.d1, plane.d2, alphas, betas)
    assert np.array_equal(got[1].values, full.values)


def test_progressive_slice_asks_between_chunks_and_stops_when_cancelled(problem):
    """cancelled() is checked several times per grid; once True, nothing more is yielded."""
    net, X, y = problem
    plane = random_plane(net, np.random.default_rng(3))
    center, d1, d2 = plane.center, plane.d1, plane.d2
    calls = []

    def never():
        calls.append(1)
        return False

    list(
        progressive_slice(Problem(net, X, y, "log"), center, d1, d2, sizes=(9, 41), cancelled=never)
    )
    assert len(calls) > 3
    assert (
        list(progressive_slice(Problem(net, X, y, "log"), center, d1, d2, cancelled=lambda: True))
        == []
    )
    flag = {"stop": False}
    gen = progressive_slice(
        Problem(net, X, y, "log"), center, d1, d2, cancelled=lambda: flag["stop"]
    )
    first = next(gen)
    flag["stop"] = True  # training moved on while the coarse grid was being drawn
    assert not first.refined and list(gen) == []


def test_progressive_slice_uses_a_copy_of_the_centre(problem):
    """Changing the caller's θ after submitting does not change the slice."""
    net, X, y = problem
    plane = random_plane(net, np.random.default_rng(4))
    center = plane.center.copy()
    gen = progressive_slice(Problem(net, X, y, "log"), center, plane.d1, plane.d2, sizes=(5, 9))
    coarse = next(gen)
    center += 10.0
    fine = next(gen)
    assert fine.values[4, 4] == pytest.approx(coarse.values[2, 2], rel=1e-6)

"""Recording the path of training and projecting it honestly onto a slice plane."""

import numpy as np
import pytest

from nnviz.engine.optimizers import make_optimizer
from nnviz.engine.problem import Problem
from nnviz.landscape.directions import pca_plane, random_plane
from nnviz.landscape.trajectory import (
    BoundedPath,
    TrajectoryRecorder,
    covering_ranges,
    kept_ranges,
    plane_coordinates,
    project,
)


def train_path(net, X, y, steps=60, lr=0.5):
    """θ after each of ``steps`` full-batch SGD updates, starting with the initial θ."""
    twin = net.copy()
    opt = make_optimizer("sgd", twin.params, lr=lr)
    rec = TrajectoryRecorder(max_points=1000)
    rec.record(0, twin.get_flat())
    for step in range(1, steps + 1):
        opt.step(twin.loss_and_grads(X, y, "log")[1])
        rec.record(step, twin.get_flat())
    return rec, twin


def test_bounded_path_never_grows_past_its_limit_and_keeps_both_ends():
    """10,000 steps into room for 50: evenly spaced steps, the first and the latest kept."""
    path = BoundedPath(max_points=50)
    for step in range(10_000):
        path.add(step, [step, -step])
    steps = path.steps
    assert len(path) <= 50 and len(steps) <= 51
    assert steps[0] == 0 and steps[-1] == 9_999
    gaps = np.diff(steps[:-1])
    assert np.all(gaps == gaps[0])
    assert np.array_equal(path.points[-1], [9_999, -9_999])
    path.clear()
    assert len(path) == 0 and path.points.shape == (0, 0) and path.latest is None
    with pytest.raises(ValueError):
        BoundedPath(1)


def test_recorder_keeps_the_initial_weights(problem):
    """The first recorded θ is the one training started from."""
    net, X, y = problem
    rec, _ = train_path(net, X, y, steps=5)
    assert np.array_equal(rec.initial, net.get_flat())
    assert rec.points.shape == (6, net.n_params)
    with pytest.raises(ValueError):
        TrajectoryRecorder().initial  # noqa: B018 - the property raises


def test_projection_plus_residual_reconstructs_the_path(problem):
    """center + a·d1 + b·d2 + residual = θ_t, with non-orthogonal d1 and d2."""
    net, X, y = problem
    rec, _ = train_path(net, X, y)
    plane = random_plane(net, np.random.default_rng(0))
    d2 = plane.d2 + 0.6 * plane.d1  # deliberately far from orthogonal
    proj = project(Problem(net, X, y, "log"), rec.points, plane.center, plane.d1, d2)
    a, b = proj.coords[:, :1], proj.coords[:, 1:]
    rebuilt = plane.center + a * plane.d1 + b * d2 + proj.residual
    assert np.allclose(rebuilt, rec.points, rtol=0, atol=1e-12)
    # Least squares leaves a residual perpendicular to the plane.
    assert np.allclose(proj.residual @ np.c_[plane.d1, d2], 0.0, atol=1e-10)
    assert np.allclose(proj.distance, np.linalg.norm(proj.residual, axis=1))
    assert np.all((proj.relative >= 0) & (proj.relative <= 1 + 1e-12))


def test_points_on_the_plane_get_exact_coordinates_and_no_distance(problem):
    """θ = center + 0.3·d1 − 0.7·d2 projects to (0.3, −0.7) with residual 0."""
    net, _, _ = problem
    plane = random_plane(net, np.random.default_rng(1))
    point = plane.point(0.3, -0.7)
    coords, residual = plane_coordinates(point, plane.center, plane.d1, plane.d2)
    assert np.allclose(coords, [[0.3, -0.7]], atol=1e-12)
    assert np.allclose(residual, 0.0, atol=1e-12)


def test_true_and_plane_losses_are_the_real_losses(problem):
    """true_loss[t] = net.loss at θ_t; plane_loss[t] = net.loss at the projected point."""
    net, X, y = problem
    rec, _ = train_path(net, X, y, steps=10)
    plane = random_plane(net, np.random.default_rng(2))
    proj = project(Problem(net, X, y, "log", l2=0.01), rec.points, plane.center, plane.d1, plane.d2)
    twin = net.copy()
    for t, theta in enumerate(rec.points):
        twin.set_flat(theta)
        assert proj.true_loss[t] == pytest.approx(twin.loss(X, y, "log", l2=0.01), rel=1e-13)
        twin.set_flat(theta - proj.residual[t])
        assert proj.plane_loss[t] == pytest.approx(twin.loss(X, y, "log", l2=0.01), rel=1e-13)
    assert np.allclose(proj.loss_gap, proj.true_loss - proj.plane_loss)
    assert proj.leaves_plane(0.05)  # training wanders off a random plane


def test_a_path_on_its_own_pca_plane_does_not_leave_it(problem):
    """Projected on the PCA plane of a 2-point path, the path lies in it: gap 0."""
    net, X, y = problem
    rec, _ = train_path(net, X, y, steps=1)
    plane = pca_plane(rec.points)
    proj = project(Problem(net, X, y, "log"), rec.points, plane.center, plane.d1, plane.d2)
    assert not proj.leaves_plane(1e-9)
    assert np.allclose(proj.loss_gap, 0.0, atol=1e-12)
    assert proj.coords[-1] == pytest.approx([0.0, 0.0], abs=1e-12)
    with pytest.raises(ValueError):
        proj.coords[0, 0] = 1.0


def test_covering_ranges_hold_the_path_and_the_origin_with_room():
    """Ranges contain every point and (0, 0), padded by the margin, at least ``minimum`` long."""
    coords = np.array([[1.0, -2.0], [3.0, -1.0], [np.nan, 0.0]])
    (a0, a1), (b0, b1) = covering_ranges(coords, margin=0.25, minimum=0.5)
    assert (a0, a1) == (-0.75, 3.75) and (b0, b1) == (-2.5, 0.5)
    (a0, a1), (b0, b1) = covering_ranges(np.zeros((1, 2)), minimum=0.5)
    assert (a0, a1) == (-0.25, 0.25) and (b0, b1) == (-0.25, 0.25)


def test_kept_ranges_hold_while_the_path_fills_them():
    """Path and origin inside (clear of the edges) and the fresh extent ≥ 70 % of each axis:
    the previous extent; a path that spills over or shrinks to a corner: a fresh one."""
    path = np.array([[1.0, 0.5], [8.0, -0.5]])
    fresh = covering_ranges(path, 0.2, 2.0)
    assert kept_ranges(None, path, 0.2, 2.0) == fresh
    previous = ((-1.0, 11.0), (-1.2, 1.2))
    assert kept_ranges(previous, path, 0.2, 2.0) == previous
    longer = np.vstack([path, [[10.9, 0.0]]])  # beyond the kept extent's edge band
    assert kept_ranges(previous, longer, 0.2, 2.0) == covering_ranges(longer, 0.2, 2.0)
    small = np.array([[0.1, 0.1], [0.3, 0.2]])  # fresh extent far under 70 % of the kept one
    assert kept_ranges(previous, small, 0.2, 2.0) == covering_ranges(small, 0.2, 2.0)

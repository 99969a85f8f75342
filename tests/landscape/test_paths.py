"""The 2-weight logistic model's ll surface, ascent vs descent, and batch/SGD/mini-batch."""

import numpy as np
import pytest

from nnviz.engine.gradcheck import numerical_gradient
from nnviz.landscape.paths import (
    ascent_path,
    best_weights,
    descent_path,
    gradient_paths,
    ll_and_grad,
    ll_surface,
)
from nnviz.lessons.cs188_logistic import PATH_POINTS

ROWS = np.array(PATH_POINTS, dtype=float)
X, Y = ROWS[:, :2], ROWS[:, 2].astype(int)


def test_ll_gradient_matches_finite_differences():
    """∇ll from the engine equals the central-difference slope of ll at a few points."""
    for w in ([0.0, 0.0], [-2.0, 2.0], [1.3, -0.4]):
        grad = ll_and_grad(X, Y, w)[1]
        for k in range(2):
            e = np.zeros(2)
            e[k] = 1e-6
            fd = (ll_and_grad(X, Y, w + e)[0] - ll_and_grad(X, Y, w - e)[0]) / 2e-6
            assert abs(fd - grad[k]) < 1e-6


def test_one_point_term_gradient():
    """log σ(2w1 + w2) at w = 0: value log ½, gradient (1, 0.5) (lecture)."""
    value, grad = ll_and_grad(np.array([[2.0, 1.0]]), np.array([1]), [0.0, 0.0])
    assert np.isclose(value, np.log(0.5)) and grad.tolist() == [1.0, 0.5]


def test_surface_is_ll_everywhere():
    """The batched grid equals ll computed one weight vector at a time, top near the best w."""
    grid = np.linspace(-3, 3, 7)
    surface = ll_surface(X, Y, grid, grid)
    for i, w2 in enumerate(grid):
        for j, w1 in enumerate(grid):
            assert np.isclose(surface.values[i, j], ll_and_grad(X, Y, [w1, w2])[0])
    assert surface.values.max() <= ll_and_grad(X, Y, best_weights(X, Y, [0, 0]))[0] + 1e-9


def test_ascent_equals_descent():
    """Ascent on ll and descent on −ll visit exactly the same points."""
    up, down = ascent_path(X, Y, [-2, 2], 0.05, 30), descent_path(X, Y, [-2, 2], 0.05, 30)
    assert up.shape == (31, 2) and np.max(np.abs(up - down)) == 0.0
    assert ll_and_grad(X, Y, up[-1])[0] > ll_and_grad(X, Y, up[0])[0]


def test_top_has_zero_gradient():
    """best_weights is a stationary point (checked against a numerical gradient)."""
    w = best_weights(X, Y, [0.0, 0.0]).copy()
    fd = numerical_gradient(lambda: ll_and_grad(X, Y, w)[0], w)
    assert np.linalg.norm(fd) < 1e-5


def test_three_paths_converge_with_counts():
    """All three paths reach the top; batch touches every point per step, SGD one."""
    paths = gradient_paths(X, Y, [-2.0, 2.0], lr=1.0, tol=0.1)
    for kind, path in paths.items():
        assert path.steps_to_converge is not None, kind
        assert np.allclose(path.points[0], [-2.0, 2.0])
    assert paths["batch"].points_touched == paths["batch"].steps_to_converge * len(X)
    assert paths["sgd"].points_touched == paths["sgd"].steps_to_converge


def test_separable_points_have_no_top():
    """On separable points ll keeps rising: best_weights says so."""
    with pytest.raises(ValueError, match="separable"):
        best_weights(
            np.array([[1.0, 0.0], [-1.0, 0.0]]), np.array([1, 0]), [0.0, 0.0], max_steps=500
        )

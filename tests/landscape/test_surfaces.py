"""Analytic surfaces: gradients equal finite differences, minima are minima, grids are right."""

import numpy as np
import pytest

from nnviz.landscape.surfaces import SURFACES, bowl, get_surface, himmelblau

KEYS = list(SURFACES)


def central_difference(surface, x, y, h=1e-6):
    """(∂f/∂x, ∂f/∂y) by central differences, the check on the analytic formulas."""
    gx = (surface.value(x + h, y) - surface.value(x - h, y)) / (2 * h)
    gy = (surface.value(x, y + h) - surface.value(x, y - h)) / (2 * h)
    return gx, gy


@pytest.mark.parametrize("key", KEYS)
def test_analytic_gradient_equals_finite_differences(key):
    """At 200 random points of the domain the formulas match central differences."""
    s = get_surface(key)
    rng = np.random.default_rng(0)
    (x0, x1), (y0, y1) = s.domain
    x, y = rng.uniform(x0, x1, 200), rng.uniform(y0, y1, 200)
    gx, gy = s.gradient(x, y)
    nx, ny = central_difference(s, x, y)
    scale = 1.0 + np.abs(nx) + np.abs(ny)
    assert np.max(np.abs(gx - nx) / scale) < 1e-6
    assert np.max(np.abs(gy - ny) / scale) < 1e-6


@pytest.mark.parametrize("key", KEYS)
def test_known_minima_are_flat_and_lowest_nearby(key):
    """At each listed minimum the gradient is 0 and every nearby point is higher."""
    s = get_surface(key)
    for mx, my in s.minima:
        gx, gy = s.gradient(mx, my)
        assert abs(gx) < 1e-8 and abs(gy) < 1e-8
        angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
        ring = s.value(mx + 1e-3 * np.cos(angles), my + 1e-3 * np.sin(angles))
        assert np.all(ring > s.value(mx, my))


@pytest.mark.parametrize("key", KEYS)
def test_each_surface_has_a_domain_a_start_and_a_formula(key):
    """Start inside the domain, a formula to show, a positive suggested learning rate."""
    s = get_surface(key)
    (x0, x1), (y0, y1) = s.domain
    assert x0 <= s.start[0] <= x1 and y0 <= s.start[1] <= y1
    assert s.formula.startswith("f =") and s.title and s.lr > 0 and s.key == key


def test_himmelblau_has_four_minima_of_value_zero():
    """Himmelblau's four minima all have f = 0."""
    s = himmelblau()
    assert len(s.minima) == 4
    for m in s.minima:
        assert s.value(*m) == pytest.approx(0.0, abs=1e-20)


def test_saddle_is_flat_at_the_origin_but_not_a_minimum():
    """f = x² − y²: gradient 0 at (0, 0), yet lower along y."""
    s = get_surface("saddle")
    assert s.gradient(0.0, 0.0) == (0.0, 0.0) and s.minima == ()
    assert s.value(0.0, 0.1) < s.value(0.0, 0.0) < s.value(0.1, 0.0)


def test_bowl_condition_number_and_lambda_max():
    """λ1 = λmax and λ2 = λmax/κ; bad settings are ValueErrors."""
    s = bowl(condition=25.0, lambda_max=4.0)
    assert s.lambda_max == 4.0
    assert s.gradient(1.0, 1.0) == (4.0, 0.16)
    assert s.value(1.0, 2.0) == pytest.approx(0.5 * (4.0 + 0.16 * 4))
    with pytest.raises(ValueError):
        bowl(condition=0.5)
    with pytest.raises(ValueError):
        get_surface("volcano")


def test_grid_is_vectorised_with_rows_along_y():
    """grid(n) samples f with values[i, j] = f(xs[j], ys[i])."""
    s = get_surface("beale")
    g = s.grid(n=7)
    assert g.values.shape == (7, 7) and (g.x_label, g.y_label) == ("x", "y")
    assert g.values[2, 5] == s.value(g.alphas[5], g.betas[2])
    assert g.alphas[0] == s.domain[0][0] and g.betas[-1] == s.domain[1][1]


def test_loss_and_grad_is_the_race_objective():
    """loss_and_grad(p) returns f(p) as a float and ∇f(p) as a 2-vector."""
    s = get_surface("rosenbrock")
    value, grad = s.loss_and_grad(np.array([0.0, 0.0]))
    assert value == 1.0 and np.array_equal(grad, [-2.0, 0.0])

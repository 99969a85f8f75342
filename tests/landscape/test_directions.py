"""Slice directions: chosen weights, filter-normalised random directions, PCA of a path."""

import numpy as np
import pytest

from nnviz.landscape.directions import (
    normalize_filters,
    pca_directions,
    pca_plane,
    random_directions,
    random_plane,
    weight_axes,
    weight_plane,
)
from nnviz.landscape.params import flat_index, neuron_groups, weight_mask
from tests.landscape.conftest import make_problem


def test_weight_axes_are_unit_vectors_on_the_chosen_entries(problem):
    """d1 and d2 are 1 at the two chosen parameters and 0 everywhere else."""
    net, _, _ = problem
    d1, d2 = weight_axes(net, (0, 1, 2), (1, 0))
    k1, k2 = flat_index(net, (0, 1, 2)), flat_index(net, (1, 0))
    assert d1[k1] == 1.0 and d2[k2] == 1.0
    assert np.sum(d1) == 1.0 and np.sum(d2) == 1.0
    with pytest.raises(ValueError):
        weight_axes(net, (0, 1, 2), (0, 1, 2))


def test_weight_plane_coordinates_are_the_weights_values(problem):
    """The plane's point at (a, b) = (current w1, current w2) is the current θ itself."""
    net, _, _ = problem
    plane = weight_plane(net, (0, 0, 1), (2, 1, 0))
    theta = net.get_flat()
    a, b = net.weights[0][0, 1], net.weights[2][1, 0]
    assert np.array_equal(plane.point(a, b), theta)
    moved = plane.point(0.5, -0.25)
    assert moved[flat_index(net, (0, 0, 1))] == 0.5
    assert moved[flat_index(net, (2, 1, 0))] == -0.25
    assert (plane.x_label, plane.y_label, plane.kind) == ("W1[0,1]", "W3[1,0]", "weights")


@pytest.mark.parametrize("ignore_bias", [True, False])
def test_filter_normalisation_gives_each_neuron_its_weights_norm(problem, ignore_bias):
    """Per neuron, ‖d_neuron‖ = ‖θ_neuron‖ (column of W, plus the bias unless ignored)."""
    net, _, _ = problem
    theta = net.get_flat()
    d1, d2 = random_directions(net, np.random.default_rng(5), ignore_bias=ignore_bias)
    for d in (d1, d2):
        for idx in neuron_groups(net, include_bias=not ignore_bias):
            assert np.linalg.norm(d[idx]) == pytest.approx(np.linalg.norm(theta[idx]), rel=1e-9)
        if ignore_bias:
            assert not np.any(d[~weight_mask(net)])


def test_filter_normalisation_scales_a_given_direction_by_the_formula(problem):
    """d ← d·‖θ_neuron‖/(‖d_neuron‖ + 1e-10), neuron by neuron."""
    net, _, _ = problem
    theta = net.get_flat()
    d = np.arange(1.0, net.n_params + 1)
    out = normalize_filters(net, theta, d, ignore_bias=False)
    idx = neuron_groups(net)[0]
    expected = d[idx] * np.linalg.norm(theta[idx]) / (np.linalg.norm(d[idx]) + 1e-10)
    assert np.allclose(out[idx], expected, rtol=1e-14)
    assert np.array_equal(d, np.arange(1.0, net.n_params + 1))  # the input is not changed


def test_random_directions_come_from_the_given_generator(problem):
    """The same seed gives the same directions; another seed gives others."""
    net, _, _ = problem
    a = random_directions(net, np.random.default_rng(1))
    b = random_directions(net, np.random.default_rng(1))
    c = random_directions(net, np.random.default_rng(2))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.allclose(a[0], c[0])
    assert not np.allclose(a[0], a[1])


def test_raw_random_directions_are_gaussian_without_biases(problem):
    """filter_normalize=False keeps N(0, 1) entries; biases are still zero when ignored."""
    net, _, _ = problem
    d1, _ = random_directions(net, np.random.default_rng(0), filter_normalize=False)
    raw = np.random.default_rng(0).standard_normal(net.n_params)
    mask = weight_mask(net)
    assert np.array_equal(d1[mask], raw[mask]) and not np.any(d1[~mask])


def test_all_zero_weights_are_a_clear_error():
    """With every weight 0 there is nothing to normalise by: ValueError, not a flat slice."""
    net, _, _ = make_problem()
    net.set_flat(np.zeros(net.n_params))
    with pytest.raises(ValueError, match="every weight is 0"):
        random_directions(net, np.random.default_rng(0))


def test_random_plane_is_centred_on_the_current_weights(problem):
    """The random plane passes through θ at (0, 0)."""
    net, _, _ = problem
    plane = random_plane(net, np.random.default_rng(3))
    assert np.array_equal(plane.point(0.0, 0.0), net.get_flat())
    assert plane.kind == "random"
    with pytest.raises(ValueError):
        plane.center[0] = 1.0  # planes are read-only, safe to hand to another thread


def test_pca_of_a_straight_line_recovers_its_direction():
    """Points on a line: d1 is the line's direction (|cos| = 1) and explains all of it."""
    rng = np.random.default_rng(0)
    start, v = rng.normal(size=30), rng.normal(size=30)
    path = start + np.linspace(0, 1, 20)[:, None] ** 2 * v  # uneven steps along one line
    d1, d2, explained = pca_directions(path)
    cos = abs(d1 @ v) / np.linalg.norm(v)
    assert cos == pytest.approx(1.0, abs=1e-12)
    assert explained[0] == pytest.approx(1.0, abs=1e-12) and explained[1] < 1e-20
    assert np.linalg.norm(d1) == pytest.approx(1.0) and abs(d1 @ d2) < 1e-12


def test_pca_of_a_planar_path_explains_it_fully_and_starts_at_positive_coordinates():
    """A curved path inside a 2-D plane: the two ratios sum to 1; the start has a, b ≥ 0."""
    rng = np.random.default_rng(1)
    u, w = rng.normal(size=(2, 12))
    t = np.linspace(0, 3, 50)[:, None]
    path = np.exp(-t) * u + np.sin(2 * t) * w
    d1, d2, explained = pca_directions(path)
    assert sum(explained) == pytest.approx(1.0, abs=1e-12) and explained[0] >= explained[1]
    offset = path[0] - path[-1]
    assert offset @ d1 >= 0 and offset @ d2 >= 0
    plane = pca_plane(path)
    assert np.array_equal(plane.center, path[-1]) and plane.explained == explained
    assert plane.x_label.startswith("PC1")


def test_pca_needs_a_path_that_moved():
    """One point, or a path standing still, has no directions: ValueError."""
    with pytest.raises(ValueError):
        pca_directions(np.zeros((1, 5)))
    with pytest.raises(ValueError, match="never moved"):
        pca_directions(np.ones((4, 5)))

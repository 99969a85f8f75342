"""Tests for the dataset generators."""

import numpy as np
import pytest

from nnviz.data import DATASETS, make_dataset


@pytest.mark.parametrize("name", list(DATASETS))
def test_shapes_kinds_and_determinism(name):
    """Every dataset has the right shape and kind, and the same seed gives the same points."""
    a, b, c = make_dataset(name, seed=4), make_dataset(name, seed=4), make_dataset(name, seed=5)
    assert a.X.shape[0] == len(a.y) == DATASETS[name].n and a.kind == DATASETS[name].kind
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    if name not in ("xor_corners", "spiral"):
        assert not np.array_equal(a.X, c.X)
    assert np.all(np.isfinite(a.X)) and np.all(np.isfinite(a.y))


@pytest.mark.parametrize("name", ["circle", "gauss", "spiral", "moons"])
def test_two_class_sets_are_balanced(name):
    """Half the points of each Playground-style set are class 1."""
    d = make_dataset(name)
    assert d.y.sum() == len(d.y) // 2


def test_circle_geometry_without_noise():
    """Class 1 sits within radius 2.5, class 0 between 3.5 and 5."""
    d = make_dataset("circle")
    r = np.hypot(d.X[:, 0], d.X[:, 1])
    assert r[d.y == 1].max() <= 2.5 and r[d.y == 0].min() >= 3.5 and r.max() <= 5


def test_xor_labels_follow_the_quadrants():
    """Class 1 exactly where x1·x2 ≥ 0; no point closer than 0.3 to an axis."""
    d = make_dataset("xor")
    assert np.array_equal(d.y, (d.X[:, 0] * d.X[:, 1] >= 0).astype(int))
    assert np.abs(d.X).min() >= 0.3


def test_spiral_stays_inside_radius_five():
    """Spiral points lie within radius 5."""
    d = make_dataset("spiral")
    assert np.hypot(d.X[:, 0], d.X[:, 1]).max() <= 5.0


def test_xor_corners_exact():
    """The XOR truth table, exactly."""
    d = make_dataset("xor_corners")
    assert d.X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and d.y.tolist() == [0, 1, 1, 0]


def test_blobs_has_k_classes():
    """blobs with k=5 makes five classes."""
    d = make_dataset("blobs", k=5)
    assert d.n_classes == 5 and set(d.y.tolist()) == set(range(5))


def test_noise_is_positional_jitter_of_the_stated_size():
    """For classification, noise σ moves points by about σ per axis; labels stay clean."""
    clean, noisy = make_dataset("xor", seed=1), make_dataset("xor", noise=0.5, seed=1)
    assert np.array_equal(clean.y, noisy.y)
    # Same seed, same clean points drawn first, so the difference is the jitter itself.
    assert abs(np.std(noisy.X - clean.X) - 0.5) < 0.05


def test_regression_noise_is_on_the_target():
    """For regression, noise changes targets by about noise × range."""
    clean, noisy = make_dataset("plane", seed=2), make_dataset("plane", noise=0.1, seed=2)
    assert np.array_equal(clean.X, noisy.X)
    assert abs(np.std(noisy.y - clean.y) - 0.1 * np.ptp(clean.y)) < 0.05


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"name": "nope"}, "unknown dataset"),
        ({"name": "circle", "noise": 2}, "noise"),
        ({"name": "circle", "n": 0}, "number of points"),
        ({"name": "blobs", "k": 9}, "2 to 6"),
        ({"name": "circle", "k": 3}, "no option"),
    ],
)
def test_bad_requests_are_refused(kwargs, match):
    """Unknown names and out-of-range options give clear errors."""
    with pytest.raises(ValueError, match=match):
        make_dataset(**kwargs)

"""Tests for the Playground's datasets: clean geometry at noise 0, jitter with noise."""

import numpy as np
import pytest

from nnviz.data import playground


def _rng(seed=0):
    return np.random.default_rng(seed)


@pytest.mark.parametrize(
    "make", [playground.circle, playground.xor, playground.gauss, playground.spiral]
)
def test_classification_sets_have_half_per_class(make):
    """n // 2 points are class 1 and the rest class 0, even for odd n."""
    for n in (500, 7):
        X, y = make(n, 0.0, _rng())
        assert X.shape == (n, 2) and y.dtype == np.int64
        assert y.sum() == n // 2 and set(y.tolist()) <= {0, 1}


def test_circle_geometry():
    """Class 1 lies within radius 2.5; class 0 in the ring from 3.5 to 5."""
    X, y = playground.circle(500, 0.0, _rng())
    r = np.hypot(X[:, 0], X[:, 1])
    assert r[y == 1].max() <= 2.5
    assert r[y == 0].min() >= 3.5 and r[y == 0].max() <= 5.0


def test_xor_geometry():
    """Class 1 exactly where the signs agree; every point at least 0.3 from both axes."""
    X, y = playground.xor(500, 0.0, _rng())
    assert np.array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(int))
    assert np.abs(X).min() >= 0.3 and np.abs(X).max() <= 5.3


def test_gauss_geometry():
    """The blobs sit around (2, 2) and (−2, −2) with variance about 0.5."""
    X, y = playground.gauss(4000, 0.0, _rng())
    assert np.allclose(X[y == 1].mean(0), [2, 2], atol=0.05)
    assert np.allclose(X[y == 0].mean(0), [-2, -2], atol=0.05)
    assert np.allclose(X[y == 1].var(0), 0.5, atol=0.05)


def test_spiral_geometry():
    """Spiral points lie within radius 5; class 0 is class 1 turned by half a turn."""
    X, y = playground.spiral(500, 0.0, _rng())
    assert np.hypot(X[:, 0], X[:, 1]).max() <= 5.0
    assert np.allclose(X[y == 0], -X[y == 1])


def test_spiral_is_the_same_for_every_seed_at_noise_zero():
    """Without noise the spiral has no randomness at all."""
    assert np.array_equal(
        playground.spiral(100, 0.0, _rng(1))[0], playground.spiral(100, 0.0, _rng(2))[0]
    )


def test_jitter_moves_points_but_keeps_clean_labels():
    """With noise the same clean points are drawn and then moved by about noise per axis."""
    (X0, y0), (X1, y1) = (
        playground.circle(4000, 0.0, _rng(5)),
        playground.circle(4000, 0.4, _rng(5)),
    )
    assert np.array_equal(y0, y1)
    assert abs(np.std(X1 - X0) - 0.4) < 0.02


def test_plane_targets():
    """The plane's target is (x1 + x2)/10 without noise, within ±1.2."""
    X, y = playground.plane(500, 0.0, _rng())
    assert np.allclose(y, (X[:, 0] + X[:, 1]) / 10) and np.abs(y).max() <= 1.2
    assert np.abs(X).max() <= 6


def test_multi_gauss_targets():
    """Bump centres take ±1 with the Playground's signs; far corners are 0."""
    rng = _rng()
    X, y = playground.multi_gauss(2000, 0.0, rng)
    assert y.min() >= -1 and y.max() <= 1
    # the value at a point is the largest-size bump: check at each centre by construction
    for cx, cy, s in playground.GAUSS_CENTRES:
        near = np.hypot(X[:, 0] - cx, X[:, 1] - cy) < 0.3
        assert np.all(np.sign(y[near]) == s)
    far = (np.abs(X[:, 0]) > 5.9) & (np.abs(X[:, 1]) > 5.9)
    assert np.all(y[far] == 0)


def test_regression_noise_moves_targets_not_positions():
    """Target noise keeps X and adds noise of std noise × range to y."""
    (X0, y0), (X1, y1) = (
        playground.plane(20_000, 0.0, _rng(2)),
        playground.plane(20_000, 0.1, _rng(2)),
    )
    assert np.array_equal(X0, X1)
    assert abs(np.std(y1 - y0) - 0.1 * playground.PLANE_RANGE) < 0.005

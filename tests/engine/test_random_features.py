"""Random-feature readouts: min-norm, gradient descent from zero and ridge, in closed form."""

import numpy as np
import pytest

from nnviz.engine.random_features import (
    feature_svd,
    gd_fit,
    gd_gains,
    min_norm_fit,
    random_features,
    ridge_fit,
    stable_lr,
)


def _problem(n: int, p: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 3))
    y = np.sin(X[:, 0]) + 0.3 * rng.normal(size=n)
    return random_features(3, p, rng).transform(X), y


@pytest.mark.parametrize("p", [10, 30, 90])
def test_min_norm_equals_pinv(p):
    """Under-, exactly- and over-parameterised: the SVD readout is pinv(Φ) @ y."""
    Phi, y = _problem(30, p)
    np.testing.assert_allclose(min_norm_fit(Phi, y), np.linalg.pinv(Phi) @ y, atol=1e-8)


@pytest.mark.parametrize(("p", "steps"), [(10, 1), (25, 37), (60, 500)])
def test_gd_closed_form_equals_explicit_loop(p, steps):
    """GD from zero through the SVD equals T explicit steps w ← w − η Φᵀ(Φw − y)/n."""
    Phi, y = _problem(25, p, seed=1)
    n = len(y)
    lr = 0.9 * stable_lr(feature_svd(Phi, y))
    w = np.zeros(p)
    for _ in range(steps):
        w -= lr * Phi.T @ (Phi @ w - y) / n
    np.testing.assert_allclose(gd_fit(Phi, y, lr, steps), w, atol=1e-10)


def test_gd_many_steps_at_once_match_one_at_a_time():
    """An array of T values gives one column per T, each the single-T readout."""
    Phi, y = _problem(20, 40, seed=2)
    svd = feature_svd(Phi, y)
    lr = stable_lr(svd)
    all_at_once = svd.weights(gd_gains(svd, lr, np.array([0, 3, 100])))
    for k, T in enumerate([0, 3, 100]):
        np.testing.assert_allclose(all_at_once[:, k], gd_fit(Phi, y, lr, T), atol=1e-12)
    np.testing.assert_array_equal(all_at_once[:, 0], 0.0)


def test_gd_converges_to_min_norm():
    """Run long enough, gradient descent from zero reaches the minimum-norm interpolant."""
    Phi, y = _problem(20, 50, seed=3)
    lr = stable_lr(feature_svd(Phi, y))
    np.testing.assert_allclose(gd_fit(Phi, y, lr, 10**9), min_norm_fit(Phi, y), atol=1e-6)


def test_gd_refuses_a_diverging_rate():
    """A step size past 2n/s_max² is refused rather than silently blowing up."""
    Phi, y = _problem(20, 30)
    with pytest.raises(ValueError, match="too large"):
        gd_fit(Phi, y, 3 * stable_lr(feature_svd(Phi, y)), 10)


@pytest.mark.parametrize("p", [15, 40])
def test_ridge_tends_to_min_norm(p):
    """As λ → 0 the ridge readout approaches Φ⁺y, monotonically closer."""
    Phi, y = _problem(30, p, seed=4)
    target = min_norm_fit(Phi, y)
    lams = (1e-2, 1e-5, 1e-8, 1e-12, 1e-15)
    gaps = [np.abs(ridge_fit(Phi, y, lam) - target).max() for lam in lams]
    assert all(a > b for a, b in zip(gaps, gaps[1:], strict=False))
    assert gaps[-1] < 1e-6 * np.abs(target).max()


def test_ridge_matches_normal_equations():
    """The SVD ridge readout solves (ΦᵀΦ + nλI) w = Φᵀy."""
    Phi, y = _problem(30, 20, seed=5)
    lam = 0.05
    direct = np.linalg.solve(Phi.T @ Phi + 30 * lam * np.eye(20), Phi.T @ y)
    np.testing.assert_allclose(ridge_fit(Phi, y, lam), direct, atol=1e-10)


def test_features_are_seeded_and_nested():
    """Same seed, same features; drawing p features gives the first p of a wider draw."""
    a = random_features(2, 50, np.random.default_rng(7))
    b = random_features(2, 50, np.random.default_rng(7))
    X = np.random.default_rng(0).normal(size=(5, 2))
    np.testing.assert_array_equal(a.transform(X), b.transform(X))
    narrow = a.first(10).transform(X)
    np.testing.assert_allclose(narrow * np.sqrt(10), a.transform(X)[:, :10] * np.sqrt(50))
    drawn_narrow = random_features(2, 10, np.random.default_rng(7))
    np.testing.assert_array_equal(drawn_narrow.V, a.first(10).V)
    np.testing.assert_array_equal(drawn_narrow.c, a.first(10).c)

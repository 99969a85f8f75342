"""Tests for the two meanings of noise."""

import numpy as np

from nnviz.data.noise import jitter_positions, noise_meaning, noisy_targets


def test_zero_noise_draws_nothing():
    """Noise 0 returns the input unchanged and leaves the random stream untouched."""
    rng = np.random.default_rng(3)
    X, y = np.ones((5, 2)), np.ones(5)
    assert jitter_positions(X, 0.0, rng) is X and noisy_targets(y, 0.0, 2.0, rng) is y
    assert rng.random() == np.random.default_rng(3).random()


def test_jitter_std_is_noise_in_axis_units():
    """Position jitter has standard deviation ≈ noise on each axis."""
    moved = jitter_positions(np.zeros((40_000, 2)), 0.3, np.random.default_rng(0))
    assert np.allclose(moved.std(axis=0), 0.3, atol=0.01) and np.allclose(
        moved.mean(0), 0, atol=0.01
    )


def test_target_noise_std_is_a_fraction_of_the_range():
    """Target noise has standard deviation ≈ noise × range."""
    y = noisy_targets(np.zeros(40_000), 0.1, 2.4, np.random.default_rng(0))
    assert abs(y.std() - 0.24) < 0.005


def test_noise_meaning_differs_by_family():
    """Tooltips say jitter of position for classification, of target for regression."""
    assert "position" in noise_meaning("binary") and noise_meaning("multiclass") == noise_meaning(
        "binary"
    )
    assert "target" in noise_meaning("regression")

"""The bilinear game x·y: simultaneous descent–ascent spirals out, extragradient converges."""

import numpy as np

from nnviz.experiments.games import extragradient, gradient_descent_ascent, min_max_game


def test_gda_spirals_outward():
    """Gradient descent–ascent moves away from the saddle at every single step."""
    run = gradient_descent_ascent(steps=100)
    assert np.all(np.diff(run.radius) > 0)
    assert run.radius_end > 1.5 * run.radius_start


def test_gda_turns_around_the_saddle():
    """The path circles (0, 0): its angle keeps increasing, more than one full turn in 100 steps."""
    path = gradient_descent_ascent(steps=100).path
    angle = np.unwrap(np.arctan2(path[:, 1], path[:, 0]))
    assert np.all(np.diff(angle) > 0) and angle[-1] > 2 * np.pi * 1.5


def test_extragradient_converges():
    """Extragradient moves closer to the saddle at every step."""
    run = extragradient(steps=100)
    assert np.all(np.diff(run.radius) < 0)
    assert run.radius_end < 0.7 * run.radius_start


def test_radius_factors_match_the_formulas():
    """Per step r² grows by 1 + η² (GDA) and shrinks by 1 − η² + η⁴ (extragradient)."""
    lr, steps = 0.2, 30
    both = min_max_game(start=(0.3, -0.4), lr=lr, steps=steps)
    assert np.isclose(both["gda"].radius_end, 0.5 * (1 + lr**2) ** (steps / 2))
    assert np.isclose(both["extragradient"].radius_end, 0.5 * (1 - lr**2 + lr**4) ** (steps / 2))

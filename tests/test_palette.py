"""Tests for the colour language."""

import numpy as np

from nnviz.palette import (
    BLUE,
    GREY,
    ORANGE,
    class_blend_image,
    magnitude_width,
    probability_image,
    signed_color,
    signed_image,
)


def test_signed_color_ends_and_middle():
    """+scale is blue, −scale orange, 0 grey, beyond the scale clamps."""
    assert signed_color(1.0) == BLUE and signed_color(-5.0) == ORANGE
    assert signed_color(0.0) == GREY and signed_color(float("nan")) == GREY


def test_width_grows_with_magnitude_and_clamps():
    """|w| 0 → 1 px, |w| ≥ scale → 10 px, NaN → thinnest."""
    assert magnitude_width(0.0, 5) == 1.0 and magnitude_width(-9.0, 5) == 10.0
    assert 1.0 < magnitude_width(2.5, 5) < 10.0 and magnitude_width(float("nan"), 5) == 1.0


def test_signed_image_shapes_and_nan():
    """Images are RGBA uint8; NaN paints as neutral instead of crashing."""
    img = signed_image(np.array([[1.0, -1.0], [0.0, np.nan]]), 1.0)
    assert img.shape == (2, 2, 4) and img.dtype == np.uint8
    assert tuple(img[0, 0, :3]) == BLUE and tuple(img[0, 1, :3]) == ORANGE


def test_probability_image_is_white_at_the_boundary():
    """P = 0.5 is (near) white, P = 1 blue, P = 0 orange."""
    img = probability_image(np.array([0.0, 0.5, 1.0]))
    assert tuple(img[0, :3]) == ORANGE and tuple(img[2, :3]) == BLUE
    assert img[1, :3].min() >= 245


def test_class_blend_is_white_when_unsure():
    """Equal probabilities blend to white; a certain class shows its colour."""
    probs = np.array([[[1 / 3, 1.0]], [[1 / 3, 0.0]], [[1 / 3, 0.0]]])
    img = class_blend_image(probs)
    assert img[0, 0, :3].min() >= 245 and tuple(img[0, 1, :3]) == ORANGE


def test_neuron_image_centres_by_activation():
    """Sigmoid is white at 0.5, tanh full colour only at ±1, identity scaled by its max |v|."""
    from nnviz.palette import neuron_image

    sig = neuron_image(np.array([0.0, 0.5, 1.0]), "sigmoid")
    assert tuple(sig[0, :3]) == ORANGE and sig[1, :3].min() >= 245 and tuple(sig[2, :3]) == BLUE
    assert neuron_image(np.array([0.1]), "tanh")[0, :3].min() > 200  # weak tanh stays pale
    assert tuple(neuron_image(np.array([0.1, -0.2]), "identity")[1, :3]) == ORANGE


def test_array_colours_and_widths_match_the_scalar_ones():
    """signed_colors / magnitude_widths agree with signed_color / magnitude_width, NaN included."""
    from nnviz.palette import magnitude_widths, signed_colors

    values = np.array([[-7.0, -1.3, 0.0], [0.2, 2.5, np.nan]])
    colours, widths = signed_colors(values, 2.5), magnitude_widths(values, 2.5)
    for v, c, w in zip(values.ravel(), colours.reshape(-1, 3), widths.ravel(), strict=True):
        assert tuple(int(x) for x in c) == signed_color(v, 2.5)
        assert w == magnitude_width(v, 2.5)
    assert tuple(signed_colors(np.array([3.0]), 0.0)[0]) == GREY


def test_neuron_images_match_one_neuron_at_a_time():
    """The batched layer colouring equals neuron_image per neuron, each with its own scale."""
    from nnviz.palette import neuron_image, neuron_images

    stack = np.random.default_rng(0).normal(size=(3, 6, 6)) * np.array([1, 5, 0.1])[:, None, None]
    stack[1, 0, 0] = np.nan
    for activation in ("identity", "tanh", "sigmoid"):
        one_by_one = np.stack([neuron_image(g, activation) for g in stack])
        assert np.array_equal(neuron_images(stack, activation), one_by_one)

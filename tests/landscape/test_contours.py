"""Contour lines of a loss grid: where they lie, and that they match the reference."""

import numpy as np
import pytest

from nnviz.engine.grid import contour_segments
from nnviz.landscape.contours import N_LEVELS, colour_values, contour_lines, shading


def bowl(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """x² + y² with rows following y (values[i, j] at (xs[j], ys[i]))."""
    X, Y = np.meshgrid(xs, ys)
    return X**2 + Y**2


def segment_set(points: np.ndarray) -> set:
    """Segments as order-free pairs of rounded points, to compare two drawings."""
    pairs = np.round(points, 9).reshape(-1, 2, 2)
    return {tuple(sorted(map(tuple, pair))) for pair in pairs}


def test_the_contours_of_a_bowl_are_circles_on_a_non_square_grid():
    """Every point of level r² lies at distance r from the centre; a full circle is 2πr long."""
    xs, ys = np.linspace(-2, 2, 41), np.linspace(-1.5, 2.5, 31)
    for r in (0.5, 1.0, 1.4):
        pts = contour_lines(bowl(xs, ys), [r * r], xs, ys)
        assert len(pts) > 20 and len(pts) % 2 == 0
        # Linear interpolation across a cell of side ≤ 0.134 misses the circle by very little.
        assert np.hypot(pts[:, 0], pts[:, 1]) == pytest.approx(r, abs=0.01)
        length = np.hypot(*(pts[1::2] - pts[0::2]).T).sum()
        assert length == pytest.approx(2 * np.pi * r, rel=0.01)


def test_all_levels_in_one_drawing_equal_the_reference_level_by_level():
    """On a square grid the segments are exactly those of the playground's marching squares."""
    rng = np.random.default_rng(3)
    axis = np.linspace(-1.0, 3.0, 25)
    X, Y = np.meshgrid(axis, axis)
    grid = np.sin(2 * X) * np.cos(3 * Y) + 0.1 * rng.normal(size=X.shape)  # saddles too
    levels = [-0.6, -0.1, 0.0, 0.35, 0.8]
    drawn = contour_lines(grid, levels, axis, axis)
    reference = np.concatenate([contour_segments(grid, lv, axis) for lv in levels])
    assert len(drawn) == len(reference) > 0
    assert segment_set(drawn) == segment_set(reference)


def test_coordinates_follow_each_axis_separately():
    """A plane rising along x only: level c is the vertical line x = c, spanning all of y."""
    xs, ys = np.linspace(10.0, 20.0, 11), np.linspace(-3.0, 0.0, 7)
    grid = np.tile(xs, (len(ys), 1))
    pts = contour_lines(grid, [12.5, 17.25], xs, ys)
    assert set(np.round(pts[:, 0], 9)) == {12.5, 17.25}
    for c in (12.5, 17.25):
        on = pts[np.isclose(pts[:, 0], c)]
        assert on[:, 1].min() == pytest.approx(-3.0) and on[:, 1].max() == pytest.approx(0.0)


def test_levels_the_grid_never_reaches_draw_nothing():
    xs = ys = np.linspace(-1, 1, 9)
    grid = bowl(xs, ys)
    assert contour_lines(grid, [5.0, -1.0], xs, ys).shape == (0, 2)
    assert contour_lines(grid, [], xs, ys).shape == (0, 2)
    assert contour_lines(grid[:1], [0.5], xs, ys[:1]).shape == (0, 2)


def test_colour_values_clip_to_percentiles_and_paint_holes_in_the_top_colour():
    values = np.arange(100.0).reshape(10, 10)
    values[0, 0] = np.nan
    values[0, 1] = np.inf
    image, levels = colour_values(values, log=False)
    finite = values[np.isfinite(values)]
    assert len(levels) == N_LEVELS
    assert levels[0] == pytest.approx(np.percentile(finite, 1))
    assert levels[-1] == pytest.approx(np.percentile(finite, 97))
    assert image[0, 0] == image[0, 1] == levels[-1]
    assert np.isfinite(image).all()


def test_log_colours_show_the_height_above_the_minimum():
    values = np.array([[2.0, 3.0], [12.0, 1002.0]])
    image, _ = colour_values(values, log=True)
    assert image == pytest.approx(np.log10(values - 2.0 + 1e-3))


def test_a_grid_with_nothing_finite_is_flat():
    image, levels = colour_values(np.full((3, 4), np.nan), log=False)
    assert (image == 0).all() and image.shape == (3, 4)
    assert levels[0] == 0 and levels[-1] == 1


def test_shading_draws_the_levels_strictly_inside_the_colour_range():
    """The bottom and top of the colour range get no line: they would trace the clipping."""
    xs, ys = np.linspace(-2, 2, 21), np.linspace(-2, 2, 17)
    values = bowl(xs, ys)
    values[3, 4] = np.nan  # a hole (a diverged grid point) gives no stray segment
    s = shading(values, xs, ys, log=False)
    assert segment_set(s.segments) == segment_set(contour_lines(s.image, s.levels[1:-1], xs, ys))
    assert np.isfinite(s.segments).all()
    radii = np.hypot(s.segments[:, 0], s.segments[:, 1])
    assert radii.min() > np.sqrt(s.levels[1]) - 0.1  # nothing drawn for the lowest level


def test_shadings_are_the_linear_and_the_log_shading():
    """Made ahead on the job thread: the same colours and lines the view would make."""
    from nnviz.landscape.contours import shadings

    xs, ys = np.linspace(-2, 2, 21), np.linspace(-1, 1, 11)
    values = bowl(xs, ys)
    for made, log in zip(shadings(values, xs, ys), (False, True), strict=True):
        ref = shading(values, xs, ys, log)
        assert np.array_equal(made.image, ref.image)
        assert np.array_equal(made.segments, ref.segments)
    linear, log = shadings(values, xs, ys)
    assert not np.array_equal(linear.levels, log.levels)

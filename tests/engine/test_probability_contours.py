"""Iso-probability lines: levels, labels, and parallel straight lines for a logistic model."""

import numpy as np

from nnviz.engine.probability_contours import (
    LABEL_GAP,
    PROBABILITY_LEVELS,
    class_probability_grid,
    contour_set,
    probability_contours,
    shown_by_default,
    snapshot_contours,
)

AXIS = np.linspace(-6.0, 6.0, 81)


def _logistic_grid(w1: float, w2: float) -> np.ndarray:
    gx, gy = np.meshgrid(AXIS, AXIS)  # row i at height AXIS[i], as the engine's grids
    return 1.0 / (1.0 + np.exp(-(w1 * gx + w2 * gy)))


def _direction(segments: np.ndarray) -> np.ndarray:
    """The unit direction of a set of collinear points (first principal axis)."""
    centred = segments - segments.mean(axis=0)
    return np.linalg.svd(centred, full_matrices=False)[2][0]


def test_five_levels_each_with_a_line_and_a_label():
    """0.1 … 0.9 all cross the plane of a gentle logistic model; each has a label place."""
    lines = probability_contours(_logistic_grid(0.8, 0.4), AXIS)
    assert [c.level for c in lines] == list(PROBABILITY_LEVELS)
    assert [c.label for c in lines] == ["0.1", "0.3", "0.5", "0.7", "0.9"]
    for c in lines:
        assert len(c.segments) > 0 and len(c.segments) % 2 == 0
        assert c.label_at is not None and all(-6 < v < 6 for v in c.label_at)


def test_logistic_contours_are_straight_and_parallel_to_the_boundary():
    """For σ(w·x) the 0.3 and 0.7 lines are straight and parallel to the 0.5 line (lecture)."""
    lines = {c.level: c.segments for c in probability_contours(_logistic_grid(1.0, 0.5), AXIS)}
    boundary = _direction(lines[0.5])
    for level in (0.3, 0.7):
        pts = lines[level]
        d = _direction(pts)
        assert abs(abs(d @ boundary) - 1.0) < 1e-4  # parallel
        normal = np.array([-d[1], d[0]])
        assert np.ptp((pts - pts.mean(axis=0)) @ normal) < 1e-2  # straight
        # and on the right line: w·x = logit(level) everywhere along it
        logit = np.log(level / (1 - level))
        assert np.allclose(pts @ np.array([1.0, 0.5]), logit, atol=1e-2)


def test_a_level_that_never_crosses_has_no_label():
    """A model that is sure everywhere draws no 0.1 line and gives it no label."""
    grid = np.full((len(AXIS), len(AXIS)), 0.95)
    lines = probability_contours(grid, AXIS)
    assert all(len(c.segments) == 0 and c.label_at is None for c in lines)


def test_probability_grid_only_for_two_class_probability_heads():
    """Sigmoid: the output; 2-class softmax: its second output; others: None."""
    g = np.random.default_rng(0).uniform(size=(2, 5, 5))
    assert np.array_equal(class_probability_grid("sigmoid", 2, g[:1]), g[0])
    assert np.array_equal(class_probability_grid("softmax", 2, g), g[1])
    assert class_probability_grid("softmax", 3, np.zeros((3, 5, 5))) is None
    assert class_probability_grid("identity", 2, g[:1]) is None
    assert class_probability_grid("sigmoid", 2, np.zeros((1, 5))) is None  # 1-D curve fit


def test_contour_set_joins_every_thin_line_into_one_read_only_path():
    """The thin path is every level but 0.5, in level order; nothing in it can be changed."""
    grid = _logistic_grid(0.8, 0.4)
    lines = probability_contours(grid, AXIS)
    made = contour_set(grid, AXIS)
    assert [c.level for c in made.lines] == list(PROBABILITY_LEVELS)
    thin = np.concatenate([c.segments for c in lines if c.level != 0.5])
    assert np.array_equal(made.thin, thin)
    assert not any(a.flags.writeable for a in made.arrays())


def test_snapshot_contours_follow_the_wish_and_the_loss():
    """Default: on for log loss only; False: never; True: whenever the head gives P(x)."""
    g = _logistic_grid(0.8, 0.4)[None]
    made = snapshot_contours("sigmoid", 2, g, AXIS, "log", None)
    assert made is not None and len(made.thin) > 0
    assert snapshot_contours("sigmoid", 2, g, AXIS, "mse", None) is None
    assert snapshot_contours("sigmoid", 2, g, AXIS, "log", False) is None
    assert snapshot_contours("sigmoid", 2, g, AXIS, "mse", True) is not None
    assert snapshot_contours("identity", 2, g, AXIS, "hinge", True) is None
    assert shown_by_default("cross_entropy") and not shown_by_default("mse")


def test_labels_of_lines_that_bunch_at_the_centre_keep_apart():
    """XOR's lines all pass through the centre: each label still sits on its own line, and
    no two labels closer than LABEL_GAP of the plane (they used to land on each other)."""
    gx, gy = np.meshgrid(AXIS, AXIS)
    xor = 1.0 / (1.0 + np.exp(-gx * gy))  # P(class 2) high in two opposite quadrants
    lines = [c for c in probability_contours(xor, AXIS) if c.label_at is not None]
    assert len(lines) == len(PROBABILITY_LEVELS)
    span = AXIS[-1] - AXIS[0]
    for i, a in enumerate(lines):
        mids = (a.segments[0::2] + a.segments[1::2]) / 2.0
        assert np.min(np.linalg.norm(mids - np.array(a.label_at), axis=1)) < 1e-9  # on it
        for b in lines[i + 1 :]:
            gap = np.hypot(a.label_at[0] - b.label_at[0], a.label_at[1] - b.label_at[1])
            assert gap >= LABEL_GAP * span - 1e-9

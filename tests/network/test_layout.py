"""Geometry of the network graph: columns spaced to the view's shape, within limits."""

from nnviz.network.layout import (
    MAX_COL_GAP,
    MIN_COL_GAP,
    NODE,
    ROW_GAP,
    column_gap,
    graph_bounds,
    node_position,
)


def test_column_gap_follows_the_view_shape_within_limits():
    """A wider view spreads the columns; very tall or very wide views hit the limits."""
    sizes = [2, 4, 2, 1]
    assert column_gap(sizes, 1.0) < column_gap(sizes, 1.5)
    assert column_gap(sizes, 0.1) == MIN_COL_GAP and column_gap(sizes, 10) == MAX_COL_GAP
    assert column_gap([3], 1.0) == MAX_COL_GAP


def test_columns_are_centred_and_bounds_cover_every_node():
    """Each layer is centred on y = 0; the bounds hold every node of the tallest layer."""
    assert node_position(1, 0, 3, 150) == (150, -ROW_GAP)
    assert node_position(1, 1, 3, 150) == (150, 0.0)
    left, top, width, height = graph_bounds([2, 3, 1], 150)
    assert left < -NODE / 2 and top == -(ROW_GAP + NODE / 2)
    assert left + width >= 2 * 150 + NODE / 2 and top + height >= ROW_GAP + NODE / 2


def test_label_gap_keeps_captions_a_caption_apart_on_screen():
    """With the gap label_gap asks for, columns fitted into the view sit ≥ label_px apart."""
    from nnviz.network.layout import graph_bounds, label_gap

    sizes = (2, 4, 2, 1)
    for w, h in ((400, 150), (300, 400), (900, 300)):
        gap = label_gap(sizes, w, h, 90)
        _, _, width, height = graph_bounds(sizes, gap)
        assert gap * min(w / width, h / height) >= 90 - 1e-9
    assert label_gap(sizes, 200, 300, 90) is None  # three gaps of 90 px cannot fit in 200

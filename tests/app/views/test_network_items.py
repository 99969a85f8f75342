"""Graph items: neuron thumbnails (plane and curve), edge styling and hit area, fixed-size text."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF

from app.views.network_items import EdgeItem, TextLabel, thumbnail
from nnviz.palette import HIGHLIGHT


def test_plane_thumbnail_puts_high_y_at_the_top(qapp):
    """Grid row 0 is the bottom of the plane, so it lands on the image's last row."""
    grid = np.tile(np.linspace(-1, 1, 20)[:, None], (1, 20))
    image = thumbnail(grid, "tanh").toImage()
    top, bottom = image.pixelColor(10, 1), image.pixelColor(10, image.height() - 2)
    assert top.blue() > top.red() and bottom.red() > bottom.blue()


def test_sigmoid_thumbnail_is_white_at_one_half(qapp):
    """A sigmoid neuron at 0.5 everywhere is undecided: drawn near white."""
    image = thumbnail(np.full((10, 10), 0.5), "sigmoid").toImage()
    c = image.pixelColor(5, 5)
    assert min(c.red(), c.green(), c.blue()) >= 240


def test_curve_thumbnail_draws_a_line_and_survives_nan(qapp):
    """1-D outputs become a small plot (dark ink somewhere); NaN and 1 sample draw blank."""
    image = thumbnail(np.linspace(-1, 1, 30), "identity").toImage()
    darkest = min(image.pixelColor(x, y).lightness() for x in range(48) for y in range(48))
    assert darkest < 100
    assert not thumbnail(np.full(30, np.nan), "tanh").isNull()
    assert not thumbnail(np.array([1.0]), "tanh").isNull()
    assert not thumbnail(np.zeros((0, 0)), "tanh").isNull()


def test_edge_style_and_hit_area(qapp):
    """Colour and width land on the pen, crimson when lit; thin edges keep an 8-unit hit area."""
    edge = EdgeItem((1, 0, 0), QPointF(0, 0), QPointF(200, 70))
    edge.style((8, 119, 189), 1.0, False)
    assert edge.pen().color().blue() == 189 and edge.pen().widthF() == 1.0
    mid = edge.path().pointAtPercent(0.5)
    assert edge.shape().contains(mid + QPointF(0, 3.5))
    edge.style((8, 119, 189), 1.0, True)
    c = edge.pen().color()
    assert (c.red(), c.green(), c.blue()) == HIGHLIGHT and edge.pen().widthF() > 1.0


def test_text_label_keeps_its_lines(qapp):
    """A label holds one text item per line and ignores the view's zoom."""
    label = TextLabel(["Hidden 1", "tanh · 4"], 13)
    assert label.text() == "Hidden 1\ntanh · 4" and label.pixel_width() > 0
    assert label.flags() & TextLabel.GraphicsItemFlag.ItemIgnoresTransformations

"""The heatmap draws its contour lines itself, in the surface's coordinates."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF

from app.application import make_application
from app.views.heatmap_item import HeatmapItem
from tests.app.shown import shown


def _plot(qtbot):
    make_application()
    plot = pg.PlotWidget()
    item = HeatmapItem(pg.mkPen((255, 255, 255), width=3))
    item.setImage(np.zeros((10, 20)), levels=(0, 1))  # black, 20 pixels wide, 10 high
    item.setRect(QRectF(-2.0, 1.0, 4.0, 2.0))  # x from −2 to 2, y from 1 to 3
    plot.addItem(item)
    plot.getViewBox().setRange(xRange=(-2, 2), yRange=(1, 3), padding=0)
    return shown(qtbot, plot, 400, 300), item


def test_lines_keep_the_surfaces_coordinates(qtbot):
    """What goes in comes back; clear() takes the lines away with the colours."""
    _plot_widget, item = _plot(qtbot)
    segments = np.array([[-1.0, 2.0], [1.0, 2.0], [0.0, 1.5], [0.0, 2.5]])
    item.set_lines(segments, -2.0, 1.0, 0.2, 0.2)
    x, y = item.lines()
    assert np.array_equal(np.column_stack([x, y]), segments)
    item.clear()
    assert len(item.lines()[0]) == 0


def test_a_line_is_drawn_where_its_points_are(qtbot):
    """A white horizontal line at y = 2 from x = −1 to 1 shows on the black heatmap there,
    and not above it."""
    plot, item = _plot(qtbot)
    item.set_lines(np.array([[-1.0, 2.0], [1.0, 2.0]]), -2.0, 1.0, 0.2, 0.2)
    qtbot.wait(20)
    picture = plot.grab().toImage()
    vb = plot.getViewBox()

    def brightness(x: float, y: float) -> int:
        at = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        return picture.pixelColor(at.x(), at.y()).lightness()

    assert brightness(0.0, 2.0) > 200 and brightness(0.5, 2.0) > 200
    assert brightness(0.0, 2.6) < 60 and brightness(1.6, 2.0) < 60

"""The canvas's points layer: any number of points in one item, the scatter's own picture."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from app.application import make_application
from app.views.data_canvas_items import PointsItem
from app.views.data_canvas_points import PointLayer
from app.views.data_canvas_view import DataCanvasView


@pytest.fixture
def drawing(request):
    """pyqtgraph's global drawing options: the app's (antialiased unless a test asks), then back.

    They live in one module-level dict that ``make_application`` sets and nothing restores:
    a test that made a window left antialiasing on for every later test, and a picture
    compared under one setting told nothing about the other. Each test here sets its own and
    leaves the dict as it found it.
    """
    saved = dict(pg.CONFIG_OPTIONS)
    make_application()
    pg.setConfigOptions(antialias=getattr(request, "param", True))
    yield pg.getConfigOption("antialias")
    pg.CONFIG_OPTIONS.clear()
    pg.CONFIG_OPTIONS.update(saved)


@pytest.fixture
def canvas(qtbot, drawing):
    """A shown, empty data canvas, drawn with the ``drawing`` options."""
    view = DataCanvasView()
    qtbot.addWidget(view)
    view.resize(420, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 4].copy()


def _points(n: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-5.5, 5.5, (n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(int), rng.random(n) < 0.3


def _scatter_picture(canvas: DataCanvasView, X, y, is_test) -> np.ndarray:
    """The canvas drawn by pyqtgraph's own scatter, with a brush and a pen per point."""
    canvas.point_layer.hide()
    styles, look = canvas._styles(y, is_test)
    old = PointsItem()
    old.setCacheMode(canvas.point_layer.cacheMode())  # drawn as the canvas drew it
    canvas.plot.addItem(old)
    old.setData(
        X[:, 0],
        X[:, 1],
        brush=np.array([styles[k][3] for k in look], dtype=object),
        pen=np.array([styles[k][2] for k in look], dtype=object),
        size=canvas.point_size,
    )
    try:
        return _pixels(canvas.plot.grab().toImage())
    finally:
        canvas.plot.removeItem(old)
        canvas.point_layer.show()


def _items(canvas: DataCanvasView) -> int:
    return len(canvas.plot.getPlotItem().items)


@pytest.mark.parametrize("drawing", [True, False], ids=["antialiased", "aliased"], indirect=True)
@pytest.mark.parametrize("kind", ["binary", "regression"])
def test_the_picture_is_the_scatters_own_point_for_point(canvas, kind):
    """Overlapping train and test points, classes or values: the same pixels as before.

    With antialiasing on and off, so it holds whatever options an earlier test left behind.
    """
    X, y, is_test = _points(1500)
    if kind == "regression":
        y = np.sin(X[:, 0]) * 2.0
    canvas.set_points(X, y, is_test, np.arange(len(X)), kind, 2 if kind == "binary" else 0)
    ours = _pixels(canvas.plot.grab().toImage())
    assert np.array_equal(ours, _scatter_picture(canvas, X, y, is_test))
    # The canvas really shows points: many pixels differ from the empty canvas.
    canvas.set_points(np.zeros((0, 2)), [], [], [], kind, 2 if kind == "binary" else 0)
    empty = _pixels(canvas.plot.grab().toImage())
    assert np.count_nonzero(np.any(ours.reshape(-1, 4) != empty.reshape(-1, 4), axis=1)) > 5000


def test_100000_points_are_one_item_with_one_look_per_class_and_split(canvas):
    """However many points, the plot holds the same items; a look is a class × train/test."""
    X, y, is_test = _points(300)
    canvas.set_points(X, y, is_test, np.arange(len(X)), "binary", 2)
    items = _items(canvas)
    X, y, is_test = _points(100_000, seed=2)
    canvas.set_points(X, y, is_test, np.arange(len(X)), "binary", 2)
    layer = canvas.point_layer
    assert _items(canvas) == items
    assert len(layer) == 100_000 and len(layer.styles) == 4  # 2 classes × train/test
    assert np.array_equal(layer.xy, X)
    # One pen and one brush object per look: the symbol atlas renders four symbols.
    assert len({id(s[2]) for s in layer.styles}) == 4 and len(layer.atlas) == 4
    canvas.set_show_test(False)
    assert len(layer) == int((~is_test).sum()) and len(layer.styles) == 2
    assert len(layer.atlas) == 4  # the train looks were rendered already


def test_a_dragged_point_moves_in_the_preview_only(canvas):
    """The drag preview redraws one point elsewhere and never edits the canvas's data."""
    X, y, is_test = _points(50)
    canvas.set_points(X, y, is_test, np.arange(len(X)), "binary", 2)
    canvas._draw_points(moving=(3, np.array([1.25, -2.5])))
    assert tuple(canvas.point_layer.xy[3]) == (1.25, -2.5)
    assert np.array_equal(canvas.X, X)  # the data is untouched
    canvas._draw_points()
    assert np.array_equal(canvas.point_layer.xy, X)


def test_a_brush_strokes_preview_goes_once_the_points_are_drawn(canvas):
    """The stroke's dots are shown at once and replaced by the real points on the next draw."""
    canvas.scatter.addPoints([1.0], [2.0], brush=pg.mkBrush(255, 0, 0))
    assert len(canvas.scatter.data) == 1
    X, y, is_test = _points(20)
    canvas.set_points(X, y, is_test, np.arange(len(X)), "binary", 2)
    assert len(canvas.scatter.data) == 0 and len(canvas.point_layer) == 20


def test_an_exported_picture_draws_every_point_as_a_shape(canvas, tmp_path):
    """PNG export renders symbols as shapes (sharp at any resolution), as the scatter does."""
    from pyqtgraph.exporters import ImageExporter

    X, y, is_test = _points(400)
    canvas.set_points(X, y, is_test, np.arange(len(X)), "binary", 2)
    painted: list[int] = []
    layer = canvas.point_layer
    original = layer._paint_vectors
    layer._paint_vectors = lambda p, pts: (painted.append(pts.shape[1]), original(p, pts))
    ImageExporter(canvas.plot.getPlotItem()).export(str(tmp_path / "c.png"))
    assert painted == [400] and (tmp_path / "c.png").stat().st_size > 1000


def test_the_layer_bounds_its_points_and_an_empty_layer_has_none(qtbot):
    """Its data bounds are the points' extent (for the view's auto-range)."""
    layer = PointLayer()
    assert layer.dataBounds(0) == (None, None) and layer.boundingRect().isEmpty()
    style = ("o", 8, pg.mkPen("k"), pg.mkBrush("r"))
    layer.set_points(np.array([[-1.0, 2.0], [3.0, -4.0]]), np.array([0, 0]), [style])
    assert layer.dataBounds(0) == (-1.0, 3.0) and layer.dataBounds(1) == (-4.0, 2.0)

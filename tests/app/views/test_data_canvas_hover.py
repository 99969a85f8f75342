"""The data canvas's hover: a point's P(y|x), as the engine computes it, in the tooltip."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from tests.app.views.test_data_canvas_view import _logistic_lab


def test_hovering_a_point_shows_its_probability_from_the_engine(canvas, qtbot):
    """A real mouse move onto a training point: P(y|x) and −log P as the engine computes them."""
    from nnviz.engine.likelihood import point_probabilities

    lab = _logistic_lab()
    d = lab.data
    X, y = np.r_[d.X_train, d.X_test], np.r_[d.y_train, d.y_test]
    is_test = np.r_[np.zeros(len(d.X_train), bool), np.ones(len(d.X_test), bool)]
    canvas.set_points(X, y, is_test, np.arange(len(X)), "binary", 2)
    canvas.show_snapshot(lab.snapshot())
    k = 7
    canvas.grab()  # a paint and the events after it settle the data → pixel mapping
    qtbot.wait(50)
    canvas.grab()
    at = canvas.box.mapViewToScene(pg.QtCore.QPointF(*X[k]))
    qtbot.mouseMove(canvas.plot.viewport(), canvas.plot.mapFromScene(at))
    qtbot.waitUntil(lambda: canvas.hover_text != "")
    p = point_probabilities(lab.net, X[k : k + 1], y[k : k + 1])[0]
    assert f"class {y[k] + 1}: P(class {y[k] + 1} | x) = {p:.4g}" in canvas.hover_text
    assert f"−log P = {-np.log(p):.4g}" in canvas.hover_text
    assert canvas.hover_text.startswith(f"point ({X[k, 0]:.2f}, {X[k, 1]:.2f})")
    assert canvas.plot.toolTip() == canvas.hover_text

"""Shared helpers for the network view tests: synthetic snapshots and item positions."""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from app.views.network_view import NetworkView
from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.snapshot import Snapshot, frozen_all
from tests.factories import make_lab

# Default spec 2-4-2-1: W1 (2, 4), b1 (4), W2 (4, 2), b2 (2), W3 (2, 1), b3 (1).
W1 = np.array([[0.5, -2.0, 0.0, 1.0], [-0.25, 4.0, 0.1, -1.0]])
W2 = np.array([[1.0, -1.0], [0.5, 0.5], [-3.0, 2.0], [0.2, -0.2]])
W3 = np.array([[2.0], [-0.7]])
B1, B2, B3 = np.array([0.1, -0.2, 0.3, -0.4]), np.array([1.5, -1.5]), np.array([-0.9])


def synthetic(base: Snapshot, seq: int = 1, scale: float = 1.0, **changes) -> Snapshot:
    """``base`` with known weights (times ``scale``), grads = −weights and updates = weights/10."""
    params = tuple(scale * p for p in (W1, B1, W2, B2, W3, B3))
    return dataclasses.replace(
        base,
        seq=seq,
        params=frozen_all(params),
        grads=frozen_all(-p for p in params),
        updates=frozen_all(p / 10 for p in params),
        **changes,
    )


def one_d_snapshot() -> Snapshot:
    """A real snapshot of a 1-D curve-fitting network (grids are (units, R) curves)."""
    x = np.linspace(-3, 3, 40).reshape(-1, 1)
    data = cmd.DataArrays(x, np.sin(x[:, 0]), x, np.sin(x[:, 0]), "regression", 0, 1, (-3.0, 3.0))
    spec = NetworkSpec(
        features=("x", "x^2"), hidden=(3,), output="identity", input_dim=1, activation="tanh"
    )
    return make_lab(spec, data).snapshot()


def shown_view(qtbot, snap: Snapshot | None = None) -> NetworkView:
    """A shown 900×650 network view, drawing ``snap`` if given."""
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(900, 650)
    view.show()
    qtbot.waitExposed(view)
    if snap is not None:
        view.show_snapshot(snap)
    QApplication.processEvents()  # let the layout settle before positions are read
    return view


def viewport_pos(view: NetworkView, item, at: float = 0.5) -> QPoint:
    """Where an item sits in the canvas viewport (an edge: ``at`` along its curve)."""
    if hasattr(item, "path"):
        point = item.mapToScene(item.path().pointAtPercent(at))
    else:
        point = item.scenePos()
    return view.canvas.mapFromScene(point)


def pen_rgb(item) -> tuple[int, int, int]:
    """An item's pen colour as (r, g, b)."""
    c = item.pen().color()
    return c.red(), c.green(), c.blue()


def hover(qtbot, view: NetworkView, pos: QPoint) -> None:
    """Move the real mouse onto ``pos`` (two moves: the first move into a window only enters)."""
    qtbot.mouseMove(view.canvas.viewport(), pos + QPoint(1, 0))
    qtbot.mouseMove(view.canvas.viewport(), pos)


def click_point(view: NetworkView, item) -> QPoint:
    """A viewport point on ``item`` where no other edge or node lies on top of it."""
    from app.views.network_canvas import target_of

    for k in range(1, 20):
        pos = viewport_pos(view, item, k / 20)
        if target_of(view.canvas.itemAt(pos)) is item:
            return pos
    raise AssertionError(f"no free spot on {item.key}")

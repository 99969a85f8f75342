"""Predictable clicks on the data canvas, through real mouse presses on dense XOR."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest


def _pixel(window, x: float, y: float) -> QPoint:
    """Viewport pixel of data point (x, y) on the data canvas."""
    plot = window.canvas.plot
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def _points(window) -> dict[int, tuple[tuple[float, ...], float]]:
    """Every point by id: (position, label)."""
    X, y, _, ids = window.doc.points.all_arrays()
    return {int(i): (tuple(p), float(v)) for i, p, v in zip(ids, X, y, strict=True)}


def _drag(qtbot, viewport, start: QPoint, end: QPoint, steps: int = 6) -> None:
    """Press at ``start``, move in small steps to ``end``, release there."""
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, steps + 1):
        qtbot.wait(20)  # pyqtgraph drops moves closer together than its rate limit
        QTest.mouseMove(viewport, start + (end - start) * (k / steps))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


@pytest.fixture
def xor(window, qtbot):
    """The main window on the dense XOR preset, all 500 points shown."""
    window.load_preset("xor")
    qtbot.wait(10)
    assert len(window.doc.points) == 500
    return window


def _empty_spot(window) -> tuple[float, float]:
    """A spot on the plane with no point within 12 screen pixels."""
    X, _, _, _ = window.doc.points.all_arrays()
    for x in np.linspace(-5.5, 5.5, 23):
        for y in np.linspace(-5.5, 5.5, 23):
            if window.canvas.box.pixel_distances(X, np.array([x, y])).min() > 12:
                return float(x), float(y)
    raise AssertionError("no empty spot on the plane")


def test_plain_click_on_a_point_in_dense_xor_adds_a_point(xor, qtbot):
    """A click right on an existing point's centre adds a new point there (no grab)."""
    before = _points(xor)
    pid, (pos, _) = next(iter(before.items()))
    viewport = xor.canvas.plot.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_pixel(xor, *pos))
    after = _points(xor)
    assert len(after) == len(before) + 1 and after[pid] == before[pid]
    new = max(after)
    assert np.allclose(after[new][0], pos, atol=0.1)


def test_a_click_that_wobbles_less_than_three_pixels_still_adds(xor, qtbot):
    """Press, move 2 px, release on a point: still a click, so a point is added."""
    before = _points(xor)
    _, (pos, _) = next(iter(before.items()))
    start = _pixel(xor, *pos)
    _drag(qtbot, xor.canvas.plot.viewport(), start, start + QPoint(2, 0), steps=2)
    assert len(_points(xor)) == len(before) + 1


def test_press_and_drag_on_a_point_moves_that_point(xor, qtbot):
    """Press on a point's centre and drag 40 px: that point moves, no point is added."""
    before = _points(xor)
    pid, (pos, _) = next(iter(before.items()))
    start = _pixel(xor, *pos)
    _drag(qtbot, xor.canvas.plot.viewport(), start, start + QPoint(40, 0))
    after = _points(xor)
    assert len(after) == len(before) and after[pid][0] != pos
    assert {k: v for k, v in after.items() if k != pid} == {
        k: v for k, v in before.items() if k != pid
    }


def test_right_click_on_empty_space_says_so_and_changes_nothing(xor, qtbot):
    """A right-click with no point under it deletes nothing and says so in the status bar."""
    before = _points(xor)
    spot = _pixel(xor, *_empty_spot(xor))
    qtbot.mouseClick(xor.canvas.plot.viewport(), Qt.MouseButton.RightButton, pos=spot)
    assert _points(xor) == before
    assert "Nothing to delete here" in xor.status.message.text()


def test_right_click_deletes_exactly_the_point_under_the_cursor(xor, qtbot):
    """Right-click on a point's centre: that id is gone, every other point is unchanged."""
    before = _points(xor)
    pid, (pos, _) = list(before.items())[123]
    qtbot.mouseClick(xor.canvas.plot.viewport(), Qt.MouseButton.RightButton, pos=_pixel(xor, *pos))
    after = _points(xor)
    assert pid not in after
    assert after == {k: v for k, v in before.items() if k != pid}


def test_right_click_picks_the_point_under_the_cursor_not_a_neighbour(xor, qtbot):
    """Two points 8 px apart: a right-click on each deletes that one, in either split."""
    X, _, is_test, ids = xor.doc.points.all_arrays()
    train, test = ids[~is_test][0], ids[is_test][0]
    xor.doc.move_point(int(train), np.array([0.3, 0.3]))
    box = xor.canvas.box
    unit = box.pixel_distance(np.array([0.0, 0.0]), np.array([1.0, 0.0]))
    xor.doc.move_point(int(test), np.array([0.3 + 8 / unit, 0.3]))
    before = _points(xor)
    pixel = _pixel(xor, 0.3 + 8 / unit, 0.3)
    qtbot.mouseClick(xor.canvas.plot.viewport(), Qt.MouseButton.RightButton, pos=pixel)
    assert _points(xor) == {k: v for k, v in before.items() if k != int(test)}

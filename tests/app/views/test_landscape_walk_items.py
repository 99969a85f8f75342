"""The fog walker on the 1-D plot: stops at the loss it felt, a note, a click to place it."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from app.application import make_application
from app.views.landscape_curve_plot import CurvePlot
from app.views.landscape_walk_items import WalkItems
from nnviz.landscape.knob_walk import WalkPicture


@pytest.fixture
def plot(qtbot):
    """A shown plot over x in [−2, 2] with the walk items on it."""
    make_application()
    p = CurvePlot()
    qtbot.addWidget(p)
    p.resize(400, 300)
    p.show()
    qtbot.waitExposed(p)
    p.setXRange(-2, 2, padding=0)
    p.setYRange(0, 4, padding=0)
    return p, WalkItems(p)


def test_the_trail_goes_through_each_stop_at_its_own_loss(plot):
    """Every stop is drawn at the loss the walker measured; the ring marks the last."""
    _plot, items = plot
    walk = WalkPicture(np.array([1.5, 1.0, 0.7]), np.array([2.25, 1.0, 0.49]), "walking")
    items.show(walk)
    xs, ys = items.trail.getData()
    assert np.array_equal(xs, walk.xs) and np.array_equal(ys, walk.ys)
    here = items.here.data
    assert (here["x"][0], here["y"][0]) == (0.7, 0.49)
    assert items.note.toPlainText() == "step 2"
    items.show(WalkPicture(walk.xs, walk.ys, "stopped"))
    assert items.note.toPlainText() == "stopped after 2 steps"


def test_no_walk_draws_nothing(plot):
    """None (no walk, or another mode) clears the trail, the ring and the note."""
    _plot, items = plot
    items.show(WalkPicture(np.array([0.0]), np.array([1.0]), "walking"))
    assert items.note.toPlainText() == "start"
    items.show(None)
    assert len(items.trail.getData()[0] or []) == 0 and items.note.toPlainText() == ""


@pytest.mark.qt_log_ignore("not accepted by receiving widget")  # a lone plot: nobody above it
def test_a_left_click_asks_for_the_walker_at_that_knob_value(plot, qtbot):
    """A click at x = 0.5 emits 0.5 (within a pixel); a click on the axis emits nothing."""
    p, items = plot
    seen = []
    items.clicked.connect(seen.append)
    qtbot.mouseClick(p.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))  # the margin
    assert seen == []
    scene = p.getViewBox().mapViewToScene(QPointF(0.5, 2.0))
    qtbot.mouseClick(p.viewport(), Qt.MouseButton.LeftButton, pos=p.mapFromScene(scene))
    assert len(seen) == 1 and seen[0] == pytest.approx(0.5, abs=4 / p.width())


def test_the_walkers_words_follow_the_language(plot):
    """In Chinese the note and the held line's word come from the catalogue; English after."""
    import re

    from app.i18n import Language, tr

    _plot, items = plot
    language = Language()
    walk = WalkPicture(np.array([1.5, 1.0, 0.7]), np.array([2.25, 1.0, 0.49]), "walking", 0.2)
    try:
        language.set("zh_CN", remember=False)
        items.show(walk)
        note, held = items.note.toPlainText(), items.held_note.toPlainText()
        assert note == tr("step %n", "", 2) and "2" in note and re.search(r"[\u4e00-\u9fff]", note)
        assert held == tr("in the network") != "in the network"
        items.show(WalkPicture(walk.xs, walk.ys, "stopped", 0.2))
        assert items.note.toPlainText() == tr("stopped after %n steps", "", 2) != note
    finally:
        language.set("en", remember=False)
    items.show(walk)
    assert (items.note.toPlainText(), items.held_note.toPlainText()) == ("step 2", "in the network")


def test_the_note_stays_inside_the_plot(plot):
    """Left of the ring when it fits; near the left edge it moves to the ring's right."""
    p, items = plot
    vb = p.getViewBox()

    def note_span() -> tuple[float, float]:
        rect = items.note.mapRectToView(items.note.boundingRect())
        return rect.left(), rect.right()

    items.show(WalkPicture(np.array([1.5, 1.0]), np.array([2.0, 1.0]), "walking"))
    left, right = note_span()
    assert vb.viewRange()[0][0] <= left and right < 1.0  # left of the walker at x = 1
    long_walk = np.linspace(-1.0, -1.9, 35)
    items.show(WalkPicture(long_walk, np.full(35, 1.0), "stopped"))
    left, right = note_span()
    assert items.note.toPlainText() == "stopped after 34 steps"
    assert left > -1.9 and right <= vb.viewRange()[0][1]  # to the right of x = −1.9, all shown

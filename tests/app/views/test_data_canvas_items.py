"""The canvas's probability contours: drawn from the snapshot, asked for only while shown."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

import nnviz.engine.probability_contours as pc
from app.views.data_canvas_view import DataCanvasView
from nnviz import commands as cmd
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from tests.app.shown import shown
from tests.factories import make_lab


@pytest.fixture
def canvas(qtbot):
    """A shown, empty data canvas."""
    return shown(qtbot, DataCanvasView(), 400, 440)


def _steep_lab(loss: str = "log"):
    """A 2-4-1 tanh network with fixed weights whose output crosses every level."""
    lab = make_lab(
        NetworkSpec(hidden=(4,), activation="tanh", seed=3), config=TrainConfig(loss=loss)
    )
    rng = np.random.default_rng(1)
    lab.apply(cmd.SetParams(tuple(rng.normal(0, 1.5, p.shape) for p in lab.net.params)))
    return lab


def test_the_canvas_draws_the_snapshots_lines_without_computing_any(canvas, monkeypatch):
    """The thin lines are the snapshot's one array in one path; labels sit where it says."""
    snap = _steep_lab().snapshot()

    def refuse(*args, **kwargs):
        raise AssertionError("the GUI thread computed contours")

    monkeypatch.setattr(pc, "probability_contours", refuse)
    monkeypatch.setattr(pc, "contour_set", refuse)
    canvas.show_snapshot(snap)
    made = snap.probability_contours
    x, y = canvas.probability.contours.lines.getData()
    assert len(x) > 0 and np.array_equal(np.column_stack([x, y]), made.thin)
    labels = [lab for lab in canvas.probability.contours.labels if lab.isVisible()]
    placed = [c for c in made.lines if c.label_at is not None]
    assert [lab.toPlainText() for lab in labels] == [c.label for c in placed]
    assert [(lab.pos().x(), lab.pos().y()) for lab in labels] == [c.label_at for c in placed]
    thin = [i for i in canvas.plot.getPlotItem().items if isinstance(i, pg.PlotCurveItem)]
    assert sum(i.opts["pen"].width() == 1 for i in thin) == 1  # one path for every thin line


def test_a_snapshot_without_lines_draws_none(canvas):
    """While the lab has not heard the toggle yet (or the canvas was hidden): nothing stale."""
    lab = _steep_lab()
    canvas.show_snapshot(lab.snapshot())
    lab.apply(cmd.ShowProbabilityContours(False))
    canvas.show_snapshot(lab.snapshot())
    assert canvas.probability.box.isChecked()  # the user's toggle is still on
    assert canvas.probability.contours.label_texts() == []
    x, _ = canvas.probability.contours.lines.getData()
    assert len(x) == 0


def test_clicks_on_the_toggle_and_hiding_the_canvas_say_what_the_lab_should_make(canvas, qtbot):
    """Off, on (real clicks), hidden, shown: each change is said once, as a command value."""
    asked: list = []
    canvas.probability.wanted.connect(asked.append)
    canvas.show_snapshot(_steep_lab().snapshot())
    box = canvas.probability.box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not box.isChecked() and asked == [False]
    assert canvas.probability.contours.label_texts() == []
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked() and asked == [False, True]
    canvas.hide()
    canvas.show()  # hidden and shown in one go (as onto a stage): nothing to say
    qtbot.wait(20)
    assert asked == [False, True]
    canvas.hide()
    qtbot.waitUntil(lambda: asked == [False, True, False])
    canvas.show()
    qtbot.waitUntil(lambda: asked == [False, True, False, True])
    lab = make_lab(config=TrainConfig(loss="mse"))  # the lab acts on exactly these values
    for on in asked:
        lab.apply(cmd.ShowProbabilityContours(on))
    assert lab.snapshot().probability_contours is not None


def test_the_window_stops_making_lines_nobody_sees(window, qtbot):
    """Through the training process: toggle off → none; on → back; another stage → none."""
    box = window.canvas.probability.box
    assert window.wait_for_snapshot(lambda s: s.probability_contours is not None)
    assert box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert window.wait_for_snapshot(lambda s: s.probability_contours is None)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert window.wait_for_snapshot(lambda s: s.probability_contours is not None)
    qtbot.waitUntil(lambda: len(window.canvas.probability.contours.label_texts()) > 0)
    qtbot.keyClick(window, Qt.Key.Key_F7)  # the computation graph alone: the canvas is hidden
    assert window.wait_for_snapshot(lambda s: s.probability_contours is None)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert window.wait_for_snapshot(lambda s: s.probability_contours is not None)


def test_new_log_likelihood_digits_do_not_lay_out_the_window_again(qtbot):
    """Every frame brings a new ll, sometimes a digit shorter: no layout above the row for it."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    canvas = DataCanvasView()
    QVBoxLayout(top).addWidget(canvas)
    top.resize(500, 560)
    top.show()
    qtbot.waitExposed(top)
    lab = _steep_lab()
    for _ in range(3):  # the first texts and the first layout settle
        lab.apply(cmd.StepEpoch())
        canvas.show_snapshot(lab.snapshot())
        qtbot.wait(30)

    class Count(QObject):
        requests = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.LayoutRequest:
                Count.requests += 1
            return False

    counter = Count()
    for widget in (top, canvas, canvas.probability):
        widget.installEventFilter(counter)
    readout = canvas.probability.likelihood
    fm = QFontMetrics(readout.font())
    widths = set()
    for _ in range(12):
        lab.apply(cmd.StepEpoch())
        canvas.show_snapshot(lab.snapshot())
        qtbot.wait(5)  # posted layout requests are delivered here
        widths.add(fm.horizontalAdvance(readout.text()))
    assert len(widths) >= 2  # "−59.3" after "−61.66": one text was shorter
    assert Count.requests == 0


def test_presentation_draws_the_contour_labels_in_the_windows_larger_type(canvas):
    """A label on the plane is as readable from the back row as the axes."""
    canvas.show_snapshot(_steep_lab().snapshot())
    labels = [lab for lab in canvas.probability.contours.labels if lab.isVisible()]
    assert labels
    before = labels[0].boundingRect().height()
    app_font = QApplication.font()
    try:
        bigger = QFont(app_font)
        bigger.setPixelSize(40)  # presentation mode enlarges the app font for the room
        QApplication.setFont(bigger)
        canvas.set_presentation(True)
        assert labels[0].boundingRect().height() > before
    finally:
        QApplication.setFont(app_font)
        canvas.set_presentation(False)

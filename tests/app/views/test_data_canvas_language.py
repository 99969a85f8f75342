"""The data canvas in 简体中文 and back, at once: contours toggle, caption, ll readout."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import Language
from app.views.data_canvas_view import DataCanvasView
from nnviz import text
from tests.app.language import chinese, zh
from tests.factories import make_lab


@pytest.fixture
def canvas(qtbot):
    """A shown canvas that has drawn one snapshot of a log-loss network.

    No make_application() here: its antialiasing would change how later canvas tests draw.
    """
    view = DataCanvasView()
    qtbot.addWidget(view)
    view.resize(420, 460)
    view.show()
    qtbot.waitExposed(view)
    view.show_snapshot(make_lab().snapshot())
    return view


def test_a_switch_rewords_the_toggle_the_caption_and_the_readout(canvas):
    """Set-once words follow at once; ``reword`` redraws the snapshot's readout it skipped."""
    english = (canvas.probability.box.text(), canvas.caption.text())
    readout = canvas.probability.likelihood.label.text()
    assert "probability contours" in english[0] and english[1].startswith("Tool: add")
    assert "training set" in readout
    with chinese():
        QApplication.processEvents()
        canvas.reword()  # what MainWindow.reword calls on a switch
        assert canvas.probability.box.text() == zh("probability contours")
        tip = canvas.probability.box.toolTip()
        assert tip == zh(
            "Lines where the network says P(class 2 | x) = 0.1, 0.3, 0.5, 0.7, 0.9; "
            "the 0.5 line is the decision boundary."
        )
        start = zh("Tool: {tool} ({how}) · new points: {what} · {shows}").split("{tool}")[0]
        assert canvas.caption.text().startswith(start)
        assert zh("click adds, drag moves, right-click deletes") in canvas.caption.text()
        shown = canvas.probability.likelihood.label.text()
        assert shown != readout and text.language() == "zh_CN"
    canvas.reword()
    assert (canvas.probability.box.text(), canvas.caption.text()) == english
    assert canvas.probability.likelihood.label.text() == readout


def test_a_click_outside_the_plane_is_said_in_the_language_of_the_moment(canvas, qtbot):
    """The gestures' messages are translated when said."""
    said: list[str] = []
    canvas.message.connect(said.append)
    with chinese(Language()):
        canvas._left_click(np.array([99.0, 99.0]))
    canvas._left_click(np.array([99.0, 99.0]))
    template = "That click is outside the plane ({lo} … {hi})."
    assert said[1] == template.format(lo="-6", hi="6")
    assert said[0] != said[1] and "-6" in said[0]

"""RewordWhenShown: a switch of language re-words a shown widget at once, a hidden one on show."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.application import make_application
from app.i18n import RewordWhenShown, forget_deleted, tr, worded
from tests.app.language import chinese, zh


class Worded(RewordWhenShown, QLabel):
    """A label that says "loss" in the language of the moment, and counts its rewordings."""

    def __init__(self) -> None:
        super().__init__()
        self.times, self.ready = 0, True
        self.reword()

    def reword(self) -> None:
        self.times += 1
        self.setText(tr("loss"))

    def reword_ready(self) -> bool:
        return self.ready


def test_a_shown_widget_is_reworded_at_once(qtbot):
    make_application()
    w = Worded()
    qtbot.addWidget(w)
    w.show()
    with chinese():
        QApplication.processEvents()
        assert w.text() == zh("loss")
    QApplication.processEvents()
    assert w.text() == "loss"


def test_a_hidden_widget_waits_for_its_next_show(qtbot):
    make_application()
    w = Worded()
    qtbot.addWidget(w)
    with chinese():
        QApplication.processEvents()
        assert w.text() == "loss" and w.times == 1  # hidden: nothing re-laid out yet
        w.show()
        assert w.text() == zh("loss") and w.times == 2
        w.hide()
        w.show()
        assert w.times == 2  # worded once: a later show does not word it again
    QApplication.processEvents()


def test_a_widget_not_ready_is_reworded_once_it_shows_ready(qtbot):
    make_application()
    w = Worded()
    qtbot.addWidget(w)
    w.show()
    w.ready = False
    with chinese():
        QApplication.processEvents()
        assert w.text() == "loss"
        w.ready = True
        w.hide()
        w.show()
        assert w.text() == zh("loss")
    QApplication.processEvents()


def test_a_deleted_widgets_entry_is_dropped_and_lets_its_window_go(qtbot):
    """An entry's words often hold the window (``lambda: ... w.title``). Once the window is
    deleted, its entries go, and nothing keeps the window's Python side alive."""
    window = QWidget()
    window.title = "Learning rate"
    label = QLabel(window)
    worded(label, "setText", lambda w=window: tr(w.title))  # the words hold the window
    before = forget_deleted()
    gone = weakref.ref(window)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert forget_deleted() == before - 1
    del window, label
    gc.collect()
    assert gone() is None

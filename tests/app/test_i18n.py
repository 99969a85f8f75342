"""RewordWhenShown: a switch of language re-words a shown widget at once, a hidden one on show."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel

from app.application import make_application
from app.i18n import RewordWhenShown, tr
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

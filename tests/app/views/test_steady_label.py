"""SteadyLabel: new text of the same size repaints only; a bigger text still gets room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.views.steady_label import SteadyLabel


class _Counter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.requests = 0

    def eventFilter(self, obj, event) -> bool:
        self.requests += event.type() == QEvent.Type.LayoutRequest
        return False


def _fits(label: SteadyLabel, text: str) -> bool:
    probe = QLabel(text)
    probe.setFont(label.label.font())
    return probe.sizeHint() == label.label.sizeHint()


def test_same_size_text_does_not_relayout_the_parent(qtbot):
    """Changing digits keeps the parent's layout untouched; longer text re-lays it out."""
    parent = QWidget()
    qtbot.addWidget(parent)
    label = SteadyLabel("epoch 000001")
    QVBoxLayout(parent).addWidget(label)
    parent.show()
    qtbot.waitExposed(parent)
    qtbot.wait(20)  # let the first layout settle before counting
    counter = _Counter()
    parent.installEventFilter(counter)
    same = next(t for t in ("epoch 000002", "epoch 000010", "epoch 000011") if _fits(label, t))
    label.setText(same)
    qtbot.wait(20)
    assert counter.requests == 0 and label.text().startswith("epoch")
    wide = label.width()
    label.setText("epoch 000002 and a much longer message after it")
    qtbot.waitUntil(lambda: label.width() > wide)
    assert counter.requests >= 1 and label.label.width() == label.width()


def test_font_reaches_the_label_even_with_a_style_sheet(qtbot):
    """A font set on the frame (bold 15 pt, say) is the font the text is drawn in."""
    from PySide6.QtGui import QFont

    label = SteadyLabel("epoch 1")
    qtbot.addWidget(label)
    label.setStyleSheet("color: #223344;")
    font = QFont()
    font.setPointSizeF(15.0)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    assert label.label.font().pointSizeF() == 15.0
    assert label.label.font().weight() == QFont.Weight.DemiBold


def test_text_set_while_hidden_gets_its_full_width_when_shown(qtbot):
    """Numbers set before the window shows (the restore question) are not cut to one letter."""
    from PySide6.QtWidgets import QStatusBar

    bar = QStatusBar()
    qtbot.addWidget(bar)
    label = SteadyLabel()
    bar.addPermanentWidget(label)
    bar.resize(900, 30)
    bar.layout().activate()  # the layout caches the empty label's size hint
    label.setText("epoch 12   train loss 0.6938   test loss 0.6940")
    bar.show()
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())


def test_grow_mode_keeps_the_widest_size_until_told_to_forget(qtbot):
    """Numbers that get shorter keep the label's width (no relayout); forget_size lets go."""
    parent = QWidget()
    qtbot.addWidget(parent)
    label = SteadyLabel("epoch 1   200 epochs/s", grow=True)
    QVBoxLayout(parent).addWidget(label)
    parent.show()
    qtbot.waitExposed(parent)
    qtbot.wait(20)
    wide = label.sizeHint().width()
    counter = _Counter()
    parent.installEventFilter(counter)
    label.setText("epoch 2   9 epochs/s")  # shorter: a plain label would shrink
    qtbot.wait(20)
    assert counter.requests == 0 and label.sizeHint().width() == wide
    assert label.label.sizeHint().width() < wide
    label.setText("epoch 3   200 epochs/s and then some more words")  # longer: it grows
    qtbot.waitUntil(lambda: label.sizeHint().width() > wide)
    label.setText("epoch 4")
    label.forget_size()
    assert label.sizeHint() == label.label.sizeHint()


def test_grow_mode_measures_anew_in_another_font(qtbot):
    """After a font change the widest size is the new font's, not the old one's."""
    from PySide6.QtGui import QFont

    label = SteadyLabel("epoch 1000000", grow=True)
    qtbot.addWidget(label)
    big = QFont()
    big.setPixelSize(40)
    label.setFont(big)
    label.sizeHint()
    label.setText("epoch 1")
    small = QFont()
    small.setPixelSize(10)
    label.setFont(small)
    assert label.sizeHint() == label.label.sizeHint()


def test_a_wrapped_label_in_grow_mode_keeps_its_tallest_height_at_a_width(qtbot):
    """Wrapped text that needs fewer lines keeps its height at that width (no relayout)."""
    label = SteadyLabel("one two three four five six seven eight nine ten", grow=True)
    qtbot.addWidget(label)
    label.setWordWrap(True)
    tall = label.heightForWidth(60)
    label.setText("one")
    assert label.label.heightForWidth(60) < tall and label.heightForWidth(60) == tall
    label.forget_size()
    assert label.heightForWidth(60) == label.label.heightForWidth(60)

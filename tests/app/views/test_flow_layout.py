"""Tests for the wrapping row of controls."""

from PySide6.QtWidgets import QPushButton, QWidget

from app.views.flow_layout import FlowLayout


def _row(qtbot, n=6):
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host)
    buttons = [QPushButton(f"button number {i}") for i in range(n)]
    for b in buttons:
        layout.addWidget(b)
    return host, layout, buttons


def test_wraps_onto_more_lines_when_narrow(qtbot):
    """A narrow row needs more height than a wide one, and never more width than one button."""
    host, layout, buttons = _row(qtbot)
    widest = max(b.sizeHint().width() for b in buttons)
    assert layout.minimumSize().width() == widest
    one_line = layout.heightForWidth(6 * (widest + 6))
    assert layout.heightForWidth(widest) > 3 * one_line


def test_places_every_control_inside_the_row(qtbot):
    """After layout every button lies inside the host, none overlapping the next."""
    host, layout, buttons = _row(qtbot)
    host.resize(300, layout.heightForWidth(300))
    host.show()
    qtbot.waitExposed(host)
    rects = [b.geometry() for b in buttons]
    assert all(host.rect().contains(r) for r in rects)
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])

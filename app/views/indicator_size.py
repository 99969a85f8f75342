"""Tick boxes and radio dots sized with the type, so a lecture room can see what is on.

Qt's style draws them at a fixed 13 px whatever the font; beside 22 px presentation type a
tick is hard to see from the back row. A one-rule style sheet per widget gives the box its
size, and the style draws it (tick and all) at that size.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QRadioButton, QWidget

OURS = "indicator_px"  # a widget property: the size we set (a widget's own sheet is kept)


def size_indicators(root: QWidget, px: int | None) -> int:
    """Every tick box and radio button under ``root`` drawn ``px`` pixels wide (None: as the
    style draws them). Returns how many were sized."""
    sized = 0
    for box in root.findChildren(QCheckBox) + root.findChildren(QRadioButton):
        if box.styleSheet() and box.property(OURS) is None:
            continue  # styled by its own view: leave it
        kind = "QCheckBox" if isinstance(box, QCheckBox) else "QRadioButton"
        sheet = "" if px is None else f"{kind}::indicator {{ width: {px}px; height: {px}px; }}"
        if box.styleSheet() != sheet:
            box.setStyleSheet(sheet)
        box.setProperty(OURS, px)
        sized += px is not None
    return sized

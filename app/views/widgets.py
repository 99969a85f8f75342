"""Small widget helpers shared by the control panels."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox


def combo(items: Sequence[tuple[str, object]], tooltip: str = "") -> QComboBox:
    """A combo box of (label, value) pairs; the value is kept as item data."""
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    box.setToolTip(tooltip)
    return box


def select_data(box: QComboBox, value: object) -> None:
    """Select the item whose data equals ``value`` (adding it if missing), without signals."""
    with blocked(box):
        index = box.findData(value)
        if index < 0:
            box.addItem(str(value), value)
            index = box.count() - 1
        box.setCurrentIndex(index)


@contextmanager
def blocked(*objects: QObject):
    """Silence signals while syncing widgets to a snapshot (so syncing never echoes back)."""
    old = [o.blockSignals(True) for o in objects]
    try:
        yield
    finally:
        for o, was in zip(objects, old, strict=True):
            o.blockSignals(was)

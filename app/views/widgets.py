"""Small widget helpers shared by the control panels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QLabel

from app.i18n import reworded, tr, worded

SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's English words, re-translated on a switch


def combo(items: Sequence[tuple[str, object]], tooltip: str = "") -> QComboBox:
    """A combo box of (label, value) pairs; the value is kept as item data.

    Labels and the tooltip are English sources (marked for the catalogue with ``QT_TR_NOOP``
    where they are written): shown through ``tr`` and re-worded on a language switch.
    """
    box = QComboBox()
    for label, value in items:
        add_item(box, label, value)
    reworded(box, lambda b: _reword(b, tooltip))
    return box


def add_item(box: QComboBox, label: str, value: object) -> None:
    """Append an item whose English ``label`` is shown in the current language."""
    box.addItem(tr(label), value)
    box.setItemData(box.count() - 1, label, SOURCE_ROLE)


def _reword(box: QComboBox, tooltip: str) -> None:
    for i in range(box.count()):
        source = box.itemData(i, SOURCE_ROLE)
        if isinstance(source, str):
            box.setItemText(i, tr(source))
    box.setToolTip(tr(tooltip) if tooltip else "")


def worded_label(make: Callable[[], str]) -> QLabel:
    """A label whose words follow the language: ``worded_label(lambda: tr("Speed"))``."""
    label = QLabel()
    worded(label, "setText", make)
    return label


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

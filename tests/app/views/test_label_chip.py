"""LabelChip: plain text on a chip, measured from its font, upright at any zoom."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem

from app.application import make_application
from app.views.label_chip import LabelChip
from app.views.plot_style import pixel_font


def test_the_chip_fits_its_text_and_grows_with_the_font(qtbot):
    make_application()
    chip = LabelChip()
    chip.setText("0.3")
    small = chip.boundingRect()
    assert small.width() > QFontMetricsF(chip.font()).horizontalAdvance("0.3")
    assert small.center().x() == 0 and small.center().y() == 0  # centred on its position
    chip.setFont(pixel_font(40))
    big = chip.boundingRect()
    assert big.height() > 2 * QFontMetricsF(pixel_font(12)).height()
    assert chip.toPlainText() == "0.3"
    assert chip.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    assert chip.dataBounds(0) is None  # no say in the plot's auto-range

"""One look for every pyqtgraph plot: tick, label, title and legend type from the app's font."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QWidget

SIDES = ("left", "bottom", "right", "top")
LINE_SCALE = 1.6  # presentation mode thickens lines and enlarges points by this much


def type_px(widget: QWidget | None = None) -> int:
    """The pixel height of the type ``widget`` inherits (the app font when None).

    Presentation mode enlarges the app font, so every size derived from this follows the room
    without being multiplied a second time.
    """
    font = widget.font() if widget is not None else QApplication.font()
    return QFontInfo(font).pixelSize()


def pixel_font(px: int, bold: bool = False) -> QFont:
    """The app's font family at ``px`` pixels."""
    font = QFont(QApplication.font())
    font.setPixelSize(max(int(px), 6))
    font.setBold(bold)
    return font


def line_scale(presenting: bool) -> float:
    """How much thicker lines and larger points are drawn for a projector."""
    return LINE_SCALE if presenting else 1.0


def style_axis(axis: pg.AxisItem, presenting: bool, px: int) -> None:
    """Tick values and the axis caption at ``px`` pixels, with room for them."""
    font = pixel_font(px)
    axis.setStyle(
        tickFont=font,
        tickTextOffset=max(3, px // 3),
        tickLength=-max(5, px // 2) if presenting else -5,
    )
    axis.label.setFont(font)
    axis._updateLabel()  # re-measure the caption: the axis grows to fit it


def style_title(plot_item: pg.PlotItem, px: int) -> None:
    """A title row tall enough for its type (pyqtgraph fixes it at 30 px)."""
    plot_item.titleLabel.setAttr("size", f"{px}px")
    label = plot_item.titleLabel
    label.setText(label.text)
    if label.isVisible():
        height = round(px * 1.5)
        label.setMaximumHeight(height)
        plot_item.layout.setRowFixedHeight(0, height)


def style_legend(legend: pg.LegendItem | None, px: int) -> None:
    """Legend entries at ``px`` pixels (re-rendered so the new size shows)."""
    if legend is None:
        return
    legend.setLabelTextSize(f"{px}px")
    for _sample, label in legend.items:
        label.setText(label.text)
    legend.updateSize()


def style_plot(plot_item: pg.PlotItem, presenting: bool, px: int) -> None:
    """Ticks, axis captions, title and legend of one plot at the app's type size ``px``."""
    plot_item.nnviz_type_px = px  # set_title reads it back
    for side in SIDES:
        axis = plot_item.getAxis(side)
        if axis is not None:
            style_axis(axis, presenting, px)
    style_title(plot_item, round(px * 1.1))
    style_legend(plot_item.legend, px)


def set_title(plot_item: pg.PlotItem, text: str | None, **style: object) -> None:
    """``plot_item.setTitle`` that keeps the styled size (pyqtgraph resets the row to 30 px)."""
    plot_item.setTitle(text, **style)
    px = getattr(plot_item, "nnviz_type_px", None)
    if text is not None and px is not None:
        style_title(plot_item, round(px * 1.1))

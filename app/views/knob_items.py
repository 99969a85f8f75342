"""A knob (slider or dial + a number box that refuses bad input) and font helpers."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSlider,
    QDial,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr

NORMAL_PX, PRESENTATION_PX = 14, 22  # presentation type is at least 20 px tall
TITLE_PX, PRESENTATION_TITLE_PX = 16, 26


def font_px(on: bool, title: bool = False) -> int:
    """The pixel size of body (or title) text in normal or presentation mode."""
    if title:
        return PRESENTATION_TITLE_PX if on else TITLE_PX
    return PRESENTATION_PX if on else NORMAL_PX


def set_px_font(widget: QWidget, px: int, bold: bool = False) -> None:
    """Give ``widget`` a font ``px`` pixels tall (pixels: the same size on every screen)."""
    font = QFont(widget.font())
    font.setPixelSize(int(px))
    font.setBold(bold)
    widget.setFont(font)


def set_px_fonts(root: QWidget, px: int) -> None:
    """Every child widget of ``root`` gets ``px``-pixel type (titles are set afterwards)."""
    for child in [root, *root.findChildren(QWidget)]:
        set_px_font(child, px, child.font().bold())


def parse_number(text: str, low: float, high: float) -> tuple[float | None, str]:
    """(value, "") for a finite number in [low, high], else (None, a message saying why)."""
    try:
        value = float(text.replace("−", "-").replace(",", "."))
    except ValueError:
        return None, tr("{text} is not a number").format(text=repr(text))
    if not math.isfinite(value):
        return None, tr("{text} is not a finite number").format(text=text)
    if not low <= value <= high:
        return None, tr("{value} is outside {low} … {high}").format(
            value=f"{value:g}", low=f"{low:g}", high=f"{high:g}"
        )
    return value, ""


class KnobControl(QWidget):
    """A labelled knob: a slider (or dial) and a number box, ``low`` … ``high`` in ``step`` steps.

    Emits ``value_changed(value)`` when the user turns it or types a good number; a bad
    number emits ``message(text)`` once and leaves the knob (and its box) unchanged.
    """

    value_changed = Signal(float)
    message = Signal(str)

    def __init__(
        self, name: str, low: float, high: float, step: float, dial: bool = False, tip: str = ""
    ) -> None:
        super().__init__()
        self.name, self.low, self.high, self.step = name, low, high, step
        self.tip = tip
        self._value = 0.0
        self.label = QLabel()
        self.slider: QAbstractSlider = QDial() if dial else QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(round(low / step), round(high / step))
        self.slider.setSingleStep(1)
        self.slider.setPageStep(10)
        self.box = QLineEdit("0")
        self.box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.set_name(name)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.box.editingFinished.connect(self._on_box_editing_finished)
        self._lay_out(dial)

    def set_name(self, name: str) -> None:
        """Call the knob ``name`` (its label, tooltips and accessible names)."""
        self.name = name
        self.label.setText(name)
        self.slider.setAccessibleName(tr("knob {name}").format(name=name))
        self.box.setAccessibleName(tr("value of {name}").format(name=name))
        self.set_tip(self.tip)

    def set_tip(self, tip: str) -> None:
        """The tooltip of the label, the slider and the box ("" for the knob's range)."""
        self.tip = tip
        text = tip or tr("{name}: {low} … {high} in steps of {step}").format(
            name=self.name, low=f"{self.low:g}", high=f"{self.high:g}", step=f"{self.step:g}"
        )
        for w in (self.label, self.slider, self.box):
            w.setToolTip(text)

    def _lay_out(self, dial: bool) -> None:
        if dial:
            layout = QVBoxLayout(self)
            self.slider.setNotchesVisible(True)  # type: ignore[attr-defined]
            self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.label)
            layout.addWidget(self.slider, 1)
            layout.addWidget(self.box)
        else:
            layout = QHBoxLayout(self)
            layout.addWidget(self.label)
            layout.addWidget(self.slider, 1)
            layout.addWidget(self.box)
        layout.setContentsMargins(2, 2, 2, 2)

    def value(self) -> float:
        """The knob's value."""
        return self._value

    def set_value(self, value: float) -> None:
        """Show ``value`` (clamped to the range) without emitting anything."""
        if not math.isfinite(value):
            return
        self._value = min(self.high, max(self.low, float(value)))
        self.slider.blockSignals(True)
        self.slider.setValue(round(self._value / self.step))
        self.slider.blockSignals(False)
        self.box.setText(self._text(self._value))

    def set_box_width(self, px: int) -> None:
        """Room for '-5.00' in the current type."""
        self.box.setFixedWidth(px)

    def _text(self, value: float) -> str:
        digits = max(0, -math.floor(math.log10(self.step) + 1e-9))
        return f"{value:.{digits}f}"

    def _on_slider_value_changed(self, ticks: int) -> None:
        self._value = round(ticks * self.step, 6)
        self.box.setText(self._text(self._value))
        self.value_changed.emit(self._value)

    def _on_box_editing_finished(self) -> None:
        if self.box.text() == self._text(self._value):
            return
        value, why = parse_number(self.box.text(), self.low, self.high)
        if value is None:
            self.box.setText(self._text(self._value))  # nothing changes
            self.message.emit(
                tr("{name}: {why}; it stays {value}").format(
                    name=self.name, why=why, value=self._text(self._value)
                )
            )
            return
        self.set_value(round(round(value / self.step) * self.step, 6))  # typed: onto a step
        self.value_changed.emit(self._value)


def export_widget(widget: QWidget, path: str, title: str = "nnviz") -> None:
    """Save a widget as it looks: ``.svg`` drawn through Qt's SVG generator, else a PNG grab."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    if not str(path).lower().endswith(".svg"):
        if not widget.grab().save(str(path)):
            raise OSError(tr("could not write {path}").format(path=path))
        return
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(widget.size())
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    widget.render(painter, QPoint(0, 0))
    painter.end()

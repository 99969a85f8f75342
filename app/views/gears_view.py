"""The chain rule as gears: x turns g(x), which turns f(g(x)); the turn ratios are the slopes."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSlider, QVBoxLayout, QWidget

from app.i18n import tr, worded
from app.views.gears_items import GearItem
from app.views.knob_items import export_widget, font_px, set_px_font, set_px_fonts
from app.views.widgets import combo, select_data
from nnviz.palette import BLUE, HIGHLIGHT, INK, ORANGE, hex_color

FORMULAS = (("sin(log x)", "sin,log"), ("log(sin x)", "log,sin"))
INPUT_GREY = (150, 154, 160)
MAX_TURN_DEG = 360


class GearsView(QWidget):
    """Three gears in a row; the user turns the first (drag, slider, ← →) and picks f, g and x."""

    formula_chosen = Signal(str, str)  # outer f, inner g
    x_typed = Signal(str)  # the text in the x box, for the controller to check
    turn_changed = Signal(float)  # the input gear's turn in radians

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.turn = 0.0
        self.numbers: dict[str, float] = {}  # what the labels show, for tests and the lesson
        self._angles: tuple[Sequence[float], float] | None = None  # the last turn drawn
        self._ratios: Sequence[float] = ()
        self._presentation = False
        self._build_controls()
        self._build_plot()
        self.set_presentation(False)

    def _build_controls(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.formula_box = combo(FORMULAS)
        worded(
            self.formula_box,
            "setToolTip",
            lambda: tr("Which composition f(g(x)) to draw as gears"),
        )
        self.formula_box.setAccessibleName("formula")
        self.formula_box.currentIndexChanged.connect(self._on_formula_box_changed)
        self.x_box = QLineEdit()
        self.x_box.setAccessibleName("x")
        worded(
            self.x_box,
            "setToolTip",
            lambda: tr("Where to take the slopes: a number where f(g(x)) is defined"),
        )
        self.x_box.editingFinished.connect(self._on_x_box_editing_finished)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(-MAX_TURN_DEG, MAX_TURN_DEG)
        worded(self.slider, "setAccessibleName", lambda: tr("turn the input gear"))
        worded(
            self.slider, "setToolTip", lambda: tr("Turn the input gear (or drag it, or press ← →)")
        )
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        for w in (QLabel("f(g(x)) ="), self.formula_box, QLabel("x ="), self.x_box):
            row.addWidget(w)
        turn = QLabel()
        worded(turn, "setText", lambda: tr("turn x:"))
        row.addWidget(turn)
        row.addWidget(self.slider, 1)
        layout.addLayout(row)
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.readout)
        self.plot = pg.PlotWidget()
        self.plot.setBackground("w")
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        layout.addWidget(self.plot, 1)
        self.turns = QLabel()
        self.turns.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.turns)
        self.status = QLabel(" ")
        layout.addWidget(self.status)

    def _build_plot(self) -> None:
        self.gears = [
            GearItem(INPUT_GREY, self._on_gear_dragged),
            GearItem(BLUE, None),
            GearItem(BLUE, None),
        ]
        for gear in self.gears:
            self.plot.addItem(gear)
        self.names = [pg.TextItem(color=INK, anchor=(0.5, 0.0)) for _ in range(3)]
        self.ratios = [pg.TextItem(color=INK, anchor=(0.5, 1.0)) for _ in range(2)]
        for item in (*self.names, *self.ratios):
            self.plot.addItem(item)

    # ----- data in ---------------------------------------------------------------------------
    def show_gears(
        self,
        formula: tuple[str, str],
        x: float,
        centres: Sequence[tuple[float, float]],
        radii: Sequence[float],
        values: Sequence[float],
        ratios: Sequence[float],
    ) -> None:
        """Place and size the gears and write every number: values, ratios and their product."""
        outer, inner = formula
        select_data(self.formula_box, f"{outer},{inner}")
        self.x_box.setText(f"{x:g}")
        product = ratios[0] * ratios[1]
        self.numbers = {"x": x, "g": values[1], "f": values[2], "g_slope": ratios[0],
                        "f_slope": ratios[1], "product": product}  # fmt: skip
        texts = (f"x = {x:.3f}", f"g(x) = {inner}(x) = {values[1]:.4f}",
                 f"f(g(x)) = {outer}(g) = {values[2]:.4f}")  # fmt: skip
        placed = zip(self.gears, self.names, centres, radii, texts, strict=True)
        for gear, name, (cx, cy), r, text in placed:
            gear.set_radius(r)
            gear.setPos(cx, cy)
            name.setText(text)
            name.setPos(cx, cy - r - 0.25)
        self._ratios = tuple(ratios)
        self._word_ratios()
        for i, label in enumerate(self.ratios):
            (ax, _), (bx, _) = centres[i], centres[i + 1]
            label.setPos((ax + radii[i] + bx - radii[i + 1]) / 2, max(radii[i], radii[i + 1]) + 0.3)
        for gear, ratio in zip(self.gears[1:], (ratios[0], product), strict=True):
            gear.colour = BLUE if ratio >= 0 else ORANGE  # turning backwards: a negative slope
        self.readout.setText(
            f"d f/dx = g′(x) · f′(g(x)) = {ratios[0]:.4f} × {ratios[1]:.4f} = <b>{product:.4f}</b>"
        )
        self._fit(centres, radii)
        self.set_presentation(self._presentation)

    def _fit(self, centres: Sequence[tuple[float, float]], radii: Sequence[float]) -> None:
        left = centres[0][0] - radii[0] - 0.4
        right = centres[2][0] + radii[2] + 0.4
        top = max(radii) + 1.0
        self.plot.setRange(xRange=(left, right), yRange=(-max(radii) - 1.0, top), padding=0)

    def show_angles(self, angles: Sequence[float], turn: float) -> None:
        """Turn the three gears and say how far each one went."""
        self.turn = turn
        for gear, a in zip(self.gears, angles, strict=True):
            gear.set_angle(a)
        self.slider.blockSignals(True)
        self.slider.setValue(round(math.degrees(turn)))
        self.slider.blockSignals(False)
        self._angles = (tuple(angles), turn)
        d = [f"{math.degrees(a):+.1f}" for a in angles]
        self.turns.setText(
            tr("x turned {x}°  →  g turned {g}°  →  f turned {f}°").format(x=d[0], g=d[1], f=d[2])
        )

    def _word_ratios(self) -> None:
        """The turn ratio between each pair of gears: the slope that links them."""
        for label, what, ratio in zip(
            self.ratios, ("g′(x)", "f′(g(x))"), self._ratios, strict=False
        ):
            label.setText(tr("ratio {slope}\n= {value}").format(slope=what, value=f"{ratio:.4f}"))

    def reword(self) -> None:
        """The gear labels made from numbers, in the current language."""
        self._word_ratios()
        if self._angles is not None:
            self.show_angles(*self._angles)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reword()
        super().changeEvent(event)

    def show_message(self, text: str) -> None:
        """One line for a refused input."""
        self.status.setStyleSheet(f"color: {hex_color(HIGHLIGHT)};")
        self.status.setText(text)

    # ----- user actions ----------------------------------------------------------------------
    def _on_formula_box_changed(self, index: int) -> None:
        outer, inner = str(self.formula_box.itemData(index)).split(",")
        self.formula_chosen.emit(outer, inner)

    def _on_x_box_editing_finished(self) -> None:
        if self.numbers and self.x_box.text() != f"{self.numbers['x']:g}":
            self.x_typed.emit(self.x_box.text())

    def _on_slider_value_changed(self, degrees: int) -> None:
        self.turn_changed.emit(math.radians(degrees))

    def _on_gear_dragged(self, delta: float) -> None:
        limit = math.radians(MAX_TURN_DEG)
        self.turn_changed.emit(max(-limit, min(limit, self.turn + delta)))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        step = {Qt.Key.Key_Right: 5, Qt.Key.Key_Left: -5}.get(event.key())
        if step is not None and not self.x_box.hasFocus():
            self.slider.setValue(self.slider.value() + step)
            return
        super().keyPressEvent(event)

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Type at least 20 px tall and thicker gear outlines."""
        self._presentation = on
        px = font_px(on)
        set_px_fonts(self, px)
        set_px_font(self.readout, font_px(on, title=True))
        font = QFont()
        font.setPixelSize(px)
        for item in (*self.names, *self.ratios):
            item.setFont(font)
        for gear in self.gears:
            gear.set_line_width(3.5 if on else 2.0)
        self.x_box.setFixedWidth(px * 5)

    def export_image(self, path: str) -> None:
        """PNG (a grab) or SVG of the whole view, by the file's extension."""
        export_widget(self, path, tr("nnviz chain rule as gears"))

"""Six knobs k0…k5, the curve they draw, and the loss over two of them: two functions, not one."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.knob_items import KnobControl, export_widget, font_px, set_px_font, set_px_fonts
from app.views.widgets import blocked, combo
from nnviz.landscape.contours import contour_lines
from nnviz.palette import BLUE, HIGHLIGHT, INK, ORANGE, hex_color

KNOB_RANGE, KNOB_STEP = 8.0, 0.01
POWERS = ("1", "x", "x²", "x³", "x⁴", "x⁵")


def loss_title(pair: tuple[int, int]) -> str:
    """The heatmap's title: the loss as a function of the two knobs it is drawn over."""
    return tr("② the loss  (k{first}, k{second}) → score").format(first=pair[0], second=pair[1])


class KnobsView(QWidget):
    """Draws knobs, data + curve, and a loss heatmap; turning a knob is a signal, never maths."""

    knob_changed = Signal(int, float)
    fit_toggled = Signal(bool)
    reset_requested = Signal()
    knobs_chosen = Signal(int, int)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presentation = False
        self.point = (0.0, 0.0)
        self.pair = (1, 2)
        self.marked_loss = float("nan")
        self._fitting = False
        self._progress: tuple[int, float] | None = None
        layout = QVBoxLayout(self)
        self.header = QLabel()
        worded(self.header, "setText", lambda: tr("Two functions you must not confuse"))
        layout.addWidget(self.header)
        row = QHBoxLayout()
        row.addWidget(self._build_knobs(), 0)
        row.addWidget(self._build_fit_plot(), 1)
        row.addWidget(self._build_loss_plot(), 1)
        layout.addLayout(row, 1)
        self.status = QLabel(" ")
        layout.addWidget(self.status)
        self.message.connect(self.show_message)
        self.set_presentation(False)

    # ----- construction ----------------------------------------------------------------------
    def _build_knobs(self) -> QGroupBox:
        group = QGroupBox()
        worded(group, "setTitle", lambda: tr("six knobs"))
        grid = QGridLayout(group)
        self.knobs: list[KnobControl] = []
        for i, power in enumerate(POWERS):
            knob = KnobControl(f"k{i} · {power}", -KNOB_RANGE, KNOB_RANGE, KNOB_STEP, True)
            worded(
                knob,
                "set_tip",
                lambda i=i, p=power: tr(
                    "k{i}, the weight of {power}: turn it, or type a number and press Enter"
                ).format(i=i, power=p),
            )
            knob.value_changed.connect(lambda v, i=i: self.knob_changed.emit(i, v))
            knob.message.connect(self.message)
            grid.addWidget(knob, i // 2, i % 2)
            self.knobs.append(knob)
        self.fit_button = QPushButton(tr("Fit by gradient descent"))
        self.fit_button.setCheckable(True)
        worded(
            self.fit_button, "setToolTip", lambda: tr("Let gradient descent turn the knobs (Space)")
        )
        self.fit_button.toggled.connect(self.fit_toggled)
        self.reset_button = QPushButton()
        worded(self.reset_button, "setText", lambda: tr("Reset"))
        worded(self.reset_button, "setToolTip", lambda: tr("Every knob back to 0 (R)"))
        self.reset_button.clicked.connect(self.reset_requested)
        grid.addWidget(self.fit_button, 3, 0, 1, 2)
        grid.addWidget(self.reset_button, 4, 0, 1, 2)
        self.progress = QLabel()
        grid.addWidget(self.progress, 5, 0, 1, 2)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.fit_button.toggle)
        QShortcut(QKeySequence(Qt.Key.Key_R), self, self.reset_button.click)
        return group

    def _build_fit_plot(self) -> QWidget:
        self.fit_plot = pg.PlotWidget()
        self.fit_plot.setBackground("w")
        self.fit_plot.showGrid(x=True, y=True, alpha=0.15)
        self.fit_plot.setXRange(-1.05, 1.05, padding=0)
        self.fit_plot.setYRange(-1.6, 1.6, padding=0)
        self.fit_plot.setMouseEnabled(False, False)
        self.dots = self.fit_plot.plot(pen=None, symbol="o", symbolBrush=ORANGE)
        self.curve = self.fit_plot.plot()
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        holder = self._titled(self.fit_plot, "", self.formula, "fit_title")
        worded(self.fit_title, "setText", lambda: tr("① the fitting function  x → y"))
        return holder

    def _build_loss_plot(self) -> QWidget:
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setBackground("w")
        self.loss_plot.setMouseEnabled(False, False)
        self.loss_plot.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.loss_plot.addItem(self.image)
        # Every contour line of every level is one path of segments, from the pure core.
        self.contours = pg.PlotCurveItem(pen=pg.mkPen(255, 255, 255, 150), connect="pairs")
        self.loss_plot.addItem(self.contours)
        self.marker = pg.ScatterPlotItem(symbol="o", brush=pg.mkBrush(HIGHLIGHT))
        self.loss_plot.addItem(self.marker)
        choose = QHBoxLayout()
        items = [(f"k{i}", i) for i in range(len(POWERS))]
        self.first_box = combo(items)
        self.second_box = combo(items)
        worded(self.first_box, "setToolTip", lambda: tr("The knob across"))
        worded(self.second_box, "setToolTip", lambda: tr("The knob up"))
        self.second_box.setCurrentIndex(2)
        self.first_box.setCurrentIndex(1)
        for box in (self.first_box, self.second_box):
            box.currentIndexChanged.connect(self._on_pair_box_changed)
        across, up = QLabel(), QLabel()
        worded(across, "setText", lambda: tr("across:"))
        worded(up, "setText", lambda: tr("up:"))
        choose.addWidget(across)
        choose.addWidget(self.first_box)
        choose.addWidget(up)
        choose.addWidget(self.second_box)
        choose.addStretch(1)
        self.loss_readout = QLabel()
        box = self._titled(self.loss_plot, loss_title((1, 2)), self.loss_readout, "loss_title")
        box.layout().insertLayout(1, choose)
        return box

    def _titled(self, plot: QWidget, title: str, below: QLabel, name: str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        setattr(self, name, label)
        column.addWidget(label)
        column.addWidget(plot, 1)
        column.addWidget(below)
        return holder

    # ----- data in ---------------------------------------------------------------------------
    def show_knobs(self, values: Sequence[float]) -> None:
        """Turn the six knobs to ``values`` (no signals go out) and write the formula."""
        for knob, v in zip(self.knobs, values, strict=True):
            knob.set_value(v)
        terms = [f"{values[0]:.2f}"] + [
            f" {'−' if v < 0 else '+'} {abs(v):.2f}·{p}"
            for v, p in zip(values[1:], POWERS[1:], strict=True)
        ]
        self.formula.setText("y = " + "".join(terms))

    def show_fit(self, xs: np.ndarray, ys: np.ndarray, data_x: np.ndarray, data_y: np.ndarray):
        """The data as dots and the knobs' curve through them."""
        self.dots.setData(data_x, data_y)
        shown = np.clip(ys, -1e3, 1e3)  # a wild curve still draws (the view clips the rest)
        self.curve.setData(xs, shown)

    def show_loss_map(
        self, pair: tuple[int, int], a: np.ndarray, b: np.ndarray, grid: np.ndarray,
        point: tuple[float, float], loss: float,
    ) -> None:  # fmt: skip
        """The loss over knobs (k_i across, k_j up), contour lines, and the knobs' point on it."""
        self.show_pair(pair)
        shade = np.log10(np.maximum(grid, 1e-12))  # a log scale shows the valley floor
        self.image.setImage(shade, autoLevels=True)
        step = (a[-1] - a[0]) / (len(a) - 1)
        self.image.setRect(a[0] - step / 2, b[0] - step / 2, step * len(a), step * len(b))
        self._draw_contours(shade, a, b)
        self.point, self.marked_loss = (float(point[0]), float(point[1])), float(loss)
        self.marker.setData([point[0]], [point[1]])
        self.pair = pair
        self._axis_labels()
        self._word_loss()

    def _word_loss(self) -> None:
        """The heatmap's title and the readout of the knobs' point on it."""
        pair, point = self.pair, self.point
        self.loss_title.setText(loss_title(pair))
        self.loss_readout.setText(
            tr("k{first} = {a}, k{second} = {b}: loss = {loss} (dark = low)").format(
                first=pair[0],
                second=pair[1],
                a=f"{point[0]:.2f}",
                b=f"{point[1]:.2f}",
                loss=f"{self.marked_loss:.4f}",
            )
        )

    def _draw_contours(self, shade: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
        """Seven contour lines between the lowest and the highest shade, through grid points."""
        levels = np.linspace(float(shade.min()), float(shade.max()), 9)[1:-1]
        seg = contour_lines(shade, levels, a, b)
        self.contours.setData(seg[:, 0], seg[:, 1], connect="pairs")

    def show_pair(self, pair: tuple[int, int]) -> None:
        """Show which two knobs the heatmap is over (no signals go out)."""
        with blocked(self.first_box, self.second_box):
            self.first_box.setCurrentIndex(pair[0])
            self.second_box.setCurrentIndex(pair[1])

    def show_progress(self, epoch: int, loss: float) -> None:
        """Epochs of gradient descent so far and the loss now."""
        self._progress = (epoch, loss)
        self.progress.setText(
            tr("epoch {epoch} · loss {loss}").format(epoch=epoch, loss=f"{loss:.4f}")
        )

    def set_fitting(self, on: bool) -> None:
        """The Fit button shows whether gradient descent is turning the knobs."""
        self._fitting = on
        with blocked(self.fit_button):
            self.fit_button.setChecked(on)
        self.fit_button.setText(tr("Pause the fit") if on else tr("Fit by gradient descent"))

    def show_message(self, text: str) -> None:
        """One line for a refused input."""
        self.status.setStyleSheet(f"color: {hex_color(HIGHLIGHT)};")
        self.status.setText(text)

    def _on_pair_box_changed(self, _index: int) -> None:
        self.knobs_chosen.emit(self.first_box.currentData(), self.second_box.currentData())

    # ----- language --------------------------------------------------------------------------
    def reword(self) -> None:
        """Re-word the texts made from the view's numbers (set-once texts follow by ``worded``)."""
        self.set_fitting(self._fitting)
        if self._progress is not None:
            self.show_progress(*self._progress)
        self._word_loss()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reword()
        super().changeEvent(event)

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Type at least 20 px tall, thicker curve, bigger dots and marker."""
        self._presentation = on
        px = font_px(on)
        set_px_fonts(self, px)
        set_px_font(self.header, font_px(on, title=True), bold=True)
        for title in (self.fit_title, self.loss_title):
            set_px_font(title, font_px(on), bold=True)
        s = 1.6 if on else 1.0
        self.curve.setPen(pg.mkPen(BLUE, width=3 * s))
        self.dots.setSymbolSize(8 * s)
        self.marker.setSize(14 * s)
        self.marker.setPen(pg.mkPen("w", width=2 * s))
        font = QFont()
        font.setPixelSize(px)
        for plot in (self.fit_plot, self.loss_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).setTickFont(font)
                plot.getAxis(side).setTextPen(INK)
        for knob in self.knobs:
            knob.set_box_width(int(px * 4))
            knob.slider.setMinimumSize(int(px * 2.8), int(px * 2.8))
        self._axis_labels()

    def _axis_labels(self) -> None:
        style = {"color": hex_color(INK), "font-size": f"{font_px(self._presentation)}px"}
        self.fit_plot.setLabel("bottom", "x", **style)
        self.fit_plot.setLabel("left", "y", **style)
        self.loss_plot.setLabel("bottom", f"k{self.pair[0]}", **style)
        self.loss_plot.setLabel("left", f"k{self.pair[1]}", **style)

    def export_image(self, path: str) -> None:
        """PNG (a grab) or SVG of the whole view, by the file's extension."""
        export_widget(self, path, tr("nnviz six knobs"))

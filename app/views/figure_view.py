"""The lesson player's plot stage: draws any figure (plain data), hover for values, export."""

from __future__ import annotations

import copy

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import tr
from app.views.curves_items import LossAxis
from app.views.figure_items import NORMAL, PRESENTING, Panel, Sizes, draw_panel, to_view
from app.views.plot_export import export_scene
from nnviz.lessons.figure_data import validate_figure
from nnviz.palette import HIGHLIGHT, INK, hex_color

HOVER_PX = 24  # a curve point this close to the mouse (in pixels) is read out


def fmt(v: float) -> str:
    """A value for reading: four significant digits."""
    return f"{v:.4g}"


def hint() -> str:
    """What the readout line says while the mouse is over no value."""
    return tr("hover over the plot for exact values")


class FigureView(QWidget):
    """One figure: a title, then its panels side by side, each with its legend beneath."""

    # The figure's words come with it (made by the core in the language of the moment); on a
    # switch the view re-words its own and asks whoever made the figure for a new one.
    language_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: dict | None = None
        self.panels: list[Panel] = []
        self.title: pg.LabelItem | None = None
        self.sizes: Sizes = NORMAL
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {hex_color(HIGHLIGHT)};")
        self.message.hide()
        layout.addWidget(self.message)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        layout.addWidget(self.plots, 1)
        self.readout = QLabel(hint())
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(f"color: {hex_color(INK)};")
        layout.addWidget(self.readout)
        self.plots.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._apply_label_fonts()

    # ----- figures in ------------------------------------------------------------------------
    def show_figure(self, fig: dict) -> bool:
        """Draw ``fig``; a bad one leaves the current drawing and says why (never raises)."""
        try:
            validate_figure(fig)
        except ValueError as exc:
            self.message.setText(tr("Cannot show this figure: {reason}").format(reason=exc))
            self.message.show()
            return False
        self.message.hide()
        self.figure = copy.deepcopy(fig)  # the caller may go on changing its dict
        self._draw()
        return True

    def _draw(self) -> None:
        self.plots.clear()
        self.panels = []
        fig, s = self.figure, self.sizes
        parts = fig.get("panels") or [fig]
        self.title = self.plots.addLabel(
            fig["title"], row=0, col=0, colspan=len(parts), color=INK, size=f"{s.title}px"
        )
        for i, part in enumerate(parts):
            axes = {side: LossAxis(side) for side in ("left", "bottom")}  # readable log ticks
            plot = self.plots.addPlot(row=1, col=i, axisItems=axes)
            if len(parts) > 1:
                plot.setTitle(part["title"], color=INK, size=f"{s.label + 2}px")
            legend = pg.LegendItem(labelTextColor=INK, labelTextSize=f"{s.legend}px")
            legend.setBrush(pg.mkBrush(255, 255, 255, 0))
            legend.setPen(pg.mkPen(None))
            panel = draw_panel(plot, part, s, legend)
            if legend.items:  # under its plot, so it never covers the data
                legend.setColumnCount(min(len(legend.items), 2))
                self.plots.addItem(legend, row=2, col=i)
            dot = pg.ScatterPlotItem(size=s.line * 5, brush=pg.mkBrush(HIGHLIGHT))
            dot.setPen(pg.mkPen("w", width=1.5))
            plot.addItem(dot, ignoreBounds=True)
            panel.hover_dot = dot
            self.panels.append(panel)
        for panel in self.panels:  # settle the ranges now, so hover maps points right away
            panel.plot.getViewBox().prepareForPaint()
        self.readout.setText(hint())

    # ----- language --------------------------------------------------------------------------
    def reword(self) -> None:
        """The readout line in the current language; the figure's maker is asked for words."""
        self.readout.setText(hint())
        self.language_changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reword()
        super().changeEvent(event)

    # ----- look ------------------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Large type (≥ 20 px ticks, legend and labels) and thicker lines for a lecture room."""
        self.sizes = PRESENTING if on else NORMAL
        self._apply_label_fonts()
        if self.figure is not None:
            self._draw()

    def _apply_label_fonts(self) -> None:
        for label in (self.message, self.readout):
            font = label.font()
            font.setPixelSize(self.sizes.legend + 1)
            font.setWeight(QFont.Weight.DemiBold if label is self.message else QFont.Weight.Normal)
            label.setFont(font)

    def export_image(self, path: str) -> None:
        """Save the figure as PNG or SVG (by the file's extension) with pyqtgraph's exporters."""
        title = self.figure["title"] if self.figure else "figure"
        export_scene(self.plots.scene(), str(path), f"nnviz: {title}")

    # ----- hover -----------------------------------------------------------------------------
    def _on_mouse_moved(self, pos: QPointF) -> None:
        text = hint()
        for panel in self.panels:
            vb = panel.plot.getViewBox()
            found = None
            if vb.sceneBoundingRect().contains(pos):
                at = vb.mapSceneToView(pos)
                found = self.value_at(panel, at.x(), at.y())
            if found is None:
                panel.hover_dot.setData([], [])
                continue
            text, point = found
            panel.hover_dot.setData([point[0]], [point[1]])
        self.readout.setText(text)

    def value_at(self, panel: Panel, x: float, y: float) -> tuple[str, tuple | None] | None:
        """What lies under view point (x, y) of a panel: (readout text, point to mark) or None."""
        fig = panel.fig
        if panel.image is not None:
            return _heat_value(fig["heatmap"], x, y)
        if panel.bars:
            found = _bar_value(fig["bars"], x, y)
            if found is not None:
                return found
        return _curve_value(panel, x, y)


def _curve_value(panel: Panel, x: float, y: float):
    """The curve point nearest (x, y) within HOVER_PX pixels, with its exact values."""
    fig, vb = panel.fig, panel.plot.getViewBox()
    px, py = vb.viewPixelSize()
    log_x, log_y = fig.get("log_x", False), fig.get("log_y", False)
    log_y = log_y or fig.get("bars", {}).get("log_y", False)
    best = None
    for c, _ in panel.curves:
        vx = np.log10(c["xs"]) if log_x else np.asarray(c["xs"])
        vy = np.log10(c["ys"]) if log_y else np.asarray(c["ys"])
        dist = np.hypot((vx - x) / px, (vy - y) / py)
        i = int(np.argmin(dist))
        if dist[i] <= HOVER_PX and (best is None or dist[i] < best[0]):
            best = (dist[i], c, i, (vx[i], vy[i]))
    if best is None:
        return None
    _, c, i, point = best
    text = f"{c['name']} — {fig['x_label']}: {fmt(c['xs'][i])}, {fig['y_label']}: {fmt(c['ys'][i])}"
    return text, point


def _bar_value(chart: dict, x: float, y: float):
    """The bar under (x, y): its category, series and value."""
    n = len(chart["series"])
    width = 0.8 / n
    k = int(np.floor((x - np.round(x)) / width + n / 2))
    i = int(np.round(x))
    if not (0 <= i < len(chart["labels"]) and 0 <= k < n):
        return None
    value = chart["series"][k]["values"][i]
    top = to_view(value, chart.get("log_y", False))
    centre = i + (k - (n - 1) / 2) * width
    text = f"{chart['labels'][i]} · {chart['series'][k]['name']}: {fmt(value)}"
    return text, (centre, top)


def _heat_value(heat: dict, x: float, y: float):
    """The heatmap cell under (x, y): its x, y and value."""
    i, j = int(np.round(x)), int(np.round(y))
    if not (0 <= i < len(heat["xs"]) and 0 <= j < len(heat["ys"])):
        return None
    value = heat["values"][j][i]
    label = heat.get("label") or tr("value")
    where = f"{heat['x_label']}: {fmt(heat['xs'][i])}, {heat['y_label']}: {fmt(heat['ys'][j])}"
    return f"{where} — {label}: {fmt(value)}", (i, j)

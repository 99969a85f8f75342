"""Training curves: train/test loss and accuracy against epoch, hover for exact values."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import tr, worded
from app.views.curves_items import (
    GREEN,
    HINT,
    LINES,
    LOG_TIP,
    LOSS_SERIES,
    MISTAKE_SERIES,
    MISTAKES,
    NOTE,
    OPTIONAL,
    TRAIN_COLOR,
    LossAxis,
    clean_history,
    diverged_epoch,
    header_text,
    history_key,
    loss_range,
    nearest_index,
    nice_ceiling,
    no_break,
    place_dots,
    readout_text,
    went_backwards,
)
from app.views.curves_layout import CurvesGrid, keep_end_labels
from app.views.plot_export import export_scene
from app.views.plot_style import line_scale, pixel_font, style_plot, type_px
from app.views.steady_label import SteadyLabel
from nnviz.palette import HIGHLIGHT, INK, ORANGE, hex_color
from nnviz.rules import RULE_LABELS
from nnviz.snapshot import Snapshot

REDRAW_PERIOD_S = 0.1  # while playing, the lines redraw at most 10×/s (the header every frame)
CURSOR = (130, 134, 140)


class CurvesView(QWidget):
    """Loss and accuracy (stacked, or side by side when short) against epoch; redraws only when
    the history changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = clean_history({})
        self.revision = 0  # how many times the curves were redrawn (skipped frames don't count)
        self.regression = False
        self.rule = False  # a perceptron rule trains: the loss panel shows mistakes per epoch
        self._key: tuple | None = None
        self._seq: int | None = None
        self._drawn_at = 0.0
        self._scale = 1.0
        self._presenting = False
        self._build_widgets()
        self._build_plots()
        self._build_markers()
        self.plots.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._set_header(header_text(0, {}))
        self._apply_sizes()

    # ----- construction ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        # Header and log-scale box, plots, hover read-out: little space between, for the plots.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 3, 4, 3)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.header = SteadyLabel()  # new numbers every frame
        self.header.setWordWrap(True)
        self.header.setStyleSheet(f"color: {hex_color(INK)};")
        self.log_box = QCheckBox()
        worded(self.log_box, "setText", lambda: tr("log scale"))
        worded(self.log_box, "setToolTip", lambda: tr(LOG_TIP))
        self.log_box.toggled.connect(self._on_log_box_toggled)
        top.addWidget(self.header, 1)
        top.addWidget(self.log_box, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground("w")
        layout.addWidget(self.plots, 1)
        self.readout = QLabel(tr(HINT))
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(f"color: {hex_color(INK)};")
        layout.addWidget(self.readout)

    def _build_plots(self) -> None:
        self.loss_plot = pg.PlotItem(axisItems={"left": LossAxis("left")})
        self.acc_plot = pg.PlotItem()
        self.acc_note = pg.LabelItem(tr(NOTE), color=INK)
        self.acc_plot.setXLink(self.loss_plot)
        # 0, 50 and 100 stay readable however short the dock; 25 and 75 are grid lines only.
        ticks = [[(v, str(v)) for v in (0, 50, 100)], [(v, "") for v in (25, 75)]]
        self.acc_plot.getAxis("left").setTicks(ticks)
        self.acc_plot.setMouseEnabled(y=False)
        self.acc_plot.enableAutoRange(axis="y", enable=False)
        for plot in (self.loss_plot, self.acc_plot):
            plot.showGrid(x=True, y=True, alpha=0.15)
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(INK)
                axis.setTextPen(INK)
                axis.enableAutoSIPrefix(False)
            plot.enableAutoRange(axis="x", enable=False)  # _fit_ranges steps it instead
            # The y axis (and its grid lines) is a cached picture, redrawn only when its range
            # steps. Not the x axis: cached, the hover readout missed mouse moves now and then
            # (pyqtgraph's axis items take part in mouse handling).
            cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
            plot.getAxis("left").setCacheMode(cached)
        self.loss_plot.enableAutoRange(axis="y", enable=False)
        self._ranges: tuple | None = None
        self.legend = self.loss_plot.addLegend(offset=(-10, 10), labelTextColor=INK)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        self.lines: dict[str, pg.PlotDataItem] = {}
        plots = {"loss": self.loss_plot, "acc": self.acc_plot}
        for where, series, colour, name, dashed in LINES:
            named = where == "loss" and series not in OPTIONAL
            line = plots[where].plot(name=tr(name) if named else None)
            line.setProperty("legend", name)
            line.setDownsampling(auto=True, method="peak")
            line.setClipToView(True)
            line.setProperty("colour", colour)
            line.setProperty("dashed", dashed)
            self.lines[series] = line
        # Stacked or side by side by the room (and the same alignment of the left axes).
        self.grid = CurvesGrid(self, self.plots, *plots.values(), self.acc_note, self.legend)
        for plot in plots.values():
            plot.vb.sigResized.connect(self._pad_ranges)

    def _build_markers(self) -> None:
        self.cursors, self.dots, self.diverged_lines = [], [], []
        for plot in (self.loss_plot, self.acc_plot):
            cursor = pg.InfiniteLine(angle=90, movable=False)
            cursor.setVisible(False)
            plot.addItem(cursor, ignoreBounds=True)
            dots = pg.PlotDataItem(pen=None, symbol="o")
            plot.addItem(dots, ignoreBounds=True)
            marker = pg.InfiniteLine(angle=90, movable=False)
            marker.setVisible(False)
            plot.addItem(marker)  # not ignoreBounds: the x range grows to show the marker
            self.cursors.append(cursor)
            self.dots.append(dots)
            self.diverged_lines.append(marker)
        self.diverged_label = pg.InfLineLabel(
            self.diverged_lines[0], tr("diverged"), position=0.45, anchors=[(1.05, 0.5)] * 2
        )
        self.diverged_label.setColor(HIGHLIGHT)
        self.best_line = pg.InfiniteLine(angle=90, movable=False)
        self.best_line.setVisible(False)
        self.loss_plot.addItem(self.best_line)
        self.best_label = pg.InfLineLabel(
            self.best_line, tr("best"), position=0.8, anchors=[(-0.05, 0.5)] * 2
        )
        self.best_label.setColor(GREEN)
        self.grid.marks = [(self.best_label, 0.8), (self.diverged_label, 0.45)]

    # ----- snapshots in ----------------------------------------------------------------------
    def show_snapshot(self, snap: Snapshot) -> None:
        """Draw the snapshot's (already decimated) history; stale or unchanged ones cost nothing."""
        if self._seq is not None and snap.seq <= self._seq:
            return
        self._seq = snap.seq
        self._set_rule(snap.config.optimizer in RULE_LABELS)
        mistakes = snap.history.get("mistakes", ()) if self.rule else None
        last = float(mistakes[-1]) if mistakes is not None and len(mistakes) else None
        made = None if not self.rule else float("nan") if last is None else last
        self._set_header(header_text(snap.epoch, snap.metrics, made))
        self._set_regression(snap.kind == "regression")
        history = clean_history(snap.history)
        key = history_key(history)
        backwards = went_backwards(self._key, key)
        # While playing, the lines move a pixel at a time: redrawing them (and re-ticking both
        # axes) 10×/s looks the same as 40×/s and frees the GUI thread for the live heatmaps.
        now = time.monotonic()
        due = not snap.playing or backwards or now - self._drawn_at >= REDRAW_PERIOD_S
        if key != self._key and due:
            self._drawn_at = now
            if backwards:
                self._hide_marks()
            self._key, self.history = key, history
            self._redraw()
            if self.cursors[0].isVisible():  # keep the hover readout live while training runs
                self.show_epoch_at(self.cursors[0].value())
        if snap.event == "diverged":
            self.mark_diverged(diverged_epoch(snap.message, snap.epoch))
        self.mark_best(snap.best_epoch)

    def mark_best(self, epoch: int | None) -> None:
        """A green vertical line labelled 'best' at early stopping's best epoch (None: hidden)."""
        self.best_line.setVisible(epoch is not None)
        if epoch is not None and self.best_line.value() != float(epoch):
            self.best_line.setValue(float(epoch))
            self.best_label.valueChanged()

    def _set_rule(self, on: bool) -> None:
        """Under a perceptron rule the loss panel shows the mistakes per epoch instead."""
        if on != self.rule:
            self.rule = on
            self._key = None  # the lines must be swapped
            self._ranges = None
            self._apply_sizes()

    def _set_header(self, text: str) -> None:
        shown = no_break(text, "   ")  # a narrow dock wraps between the numbers, never inside
        if shown != self.header.text():
            self.header.setText(shown)

    def _redraw(self) -> None:
        self.revision += 1
        epochs = self.history["epoch"]
        hidden = LOSS_SERIES if self.rule else MISTAKE_SERIES
        for series, line in self.lines.items():
            values = self.history[series]
            if series.endswith("acc"):
                values = values * 100.0
            off = (series.endswith("acc") and self.regression) or series in hidden
            if off or not np.isfinite(values).any():
                line.setData([], [])  # nothing to draw (no test points, or not classification)
            else:
                line.setData(epochs, values)
            if series in OPTIONAL:
                self._set_in_legend(line, not off and np.isfinite(values).any())
        self._fit_ranges()
        # Settle both view boxes now rather than inside the paint, which would otherwise ask
        # for a second full paint of both plots (and leave data → pixel maps stale until then).
        for plot in (self.loss_plot, self.acc_plot):
            plot.getViewBox().prepareForPaint()

    def _set_in_legend(self, line: pg.PlotDataItem, on: bool) -> None:
        shown = any(sample.item is line for sample, _ in self.legend.items)
        if on and not shown:
            self.legend.addItem(line, tr(line.property("legend")))
        elif shown and not on:
            self.legend.removeItem(line)
        if on != shown:  # the legend's room is part of the loss plot's minimum height
            self.grid.restyle(self.grid.px)

    def _fit_ranges(self) -> None:
        """Round-numbered ranges, set only when they change (the axes are cached pictures)."""
        epochs = self.history["epoch"]
        x_max = nice_ceiling(float(epochs[-1])) if len(epochs) else 1.0
        series = MISTAKE_SERIES if self.rule else LOSS_SERIES
        ranges = (x_max, loss_range(self.history, self.log_box.isChecked(), series))
        if ranges == self._ranges:
            return
        self._ranges = ranges
        self.loss_plot.setXRange(0.0, x_max, padding=0.02)
        self._pad_ranges()

    def _pad_ranges(self) -> None:
        """The y ranges padded so their end labels show (0 and 100 %, 0 loss) however short."""
        keep_end_labels(self.acc_plot, 0, 100, least=0.08)
        if self._ranges is not None and self._ranges[1] is not None:
            keep_end_labels(self.loss_plot, *self._ranges[1])

    def _set_regression(self, on: bool) -> None:
        """Regression has no accuracy: swap the accuracy plot for a one-line note."""
        if on == self.regression:
            return
        self.regression = on
        self.grid.set_regression(on)
        self._key = None  # accuracy lines must be emptied or refilled
        self._apply_sizes()

    def mark_diverged(self, epoch: float) -> None:
        """A red vertical line labelled 'diverged' at ``epoch`` (cleared by a reset)."""
        for marker in self.diverged_lines:
            marker.setVisible(True)
            marker.setValue(float(epoch))
        self.diverged_label.valueChanged()  # it only renders its text while visible

    def _hide_marks(self) -> None:
        for item in (*self.diverged_lines, *self.cursors):
            item.setVisible(False)
        for dots in self.dots:
            dots.setData([], [])
        self.readout.setText(tr(HINT))

    def reword(self) -> None:
        """The plots' words in the current language (the header: the snapshot shown again)."""
        self._seq = None  # the window shows the newest snapshot again: it is drawn again
        for sample, label in self.legend.items:
            label.setText(tr(sample.item.property("legend")))
        for mark, words in ((self.diverged_label, tr("diverged")), (self.best_label, tr("best"))):
            mark.setFormat(words)
            mark.valueChanged()
        if not self.cursors[0].isVisible():
            self.readout.setText(tr(HINT))
        elif len(self.history["epoch"]):
            self.show_epoch_at(self.cursors[0].value())
        self._apply_sizes()

    # ----- log scale -------------------------------------------------------------------------
    def set_log_scale(self, on: bool) -> None:
        """Logarithmic loss axis (pyqtgraph maps losses ≤ 0 to gaps, so they never break it)."""
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)  # comes back through _on_log_box_toggled
            return
        self.loss_plot.setLogMode(y=on)
        self._apply_sizes()  # the caption says '(log)'
        self._ranges = None
        if len(self.history["epoch"]):
            self._fit_ranges()

    def _loss_label(self) -> str:
        name = tr(MISTAKES) if self.rule else tr("loss")
        return tr("{name} (log)").format(name=name) if self.log_box.isChecked() else name

    def _on_log_box_toggled(self, on: bool) -> None:
        self.set_log_scale(on)

    # ----- hover -----------------------------------------------------------------------------
    def _on_mouse_moved(self, pos: QPointF) -> None:
        epochs = self.history["epoch"]
        plots = [self.loss_plot] if self.regression else [self.loss_plot, self.acc_plot]
        inside = [p for p in plots if p.vb.sceneBoundingRect().contains(pos)]
        if not len(epochs) or not inside:
            for cursor, dots in zip(self.cursors, self.dots, strict=True):
                cursor.setVisible(False)
                dots.setData([], [])
            return
        self.show_epoch_at(inside[0].vb.mapSceneToView(pos).x())

    def show_epoch_at(self, x: float) -> None:
        """Move the crosshair to the epoch nearest ``x`` and read out its values."""
        epochs = self.history["epoch"]
        if not len(epochs):
            return
        i = nearest_index(epochs, x)
        h = self.history
        for cursor in self.cursors:
            cursor.setValue(float(epochs[i]))
            cursor.setVisible(True)
        train, test = (h["mistakes"][i], np.nan) if self.rule else (h["train_loss"][i], None)
        losses = (train, h["test_loss"][i] if test is None else test)
        self._place_dots(self.dots[0], epochs[i], *losses, h["val_loss"][i])
        self._place_dots(self.dots[1], epochs[i], 100 * h["train_acc"][i], 100 * h["test_acc"][i])
        self.readout.setText(no_break(readout_text(h, i, not self.regression), " · "))

    def _place_dots(
        self, dots: pg.PlotDataItem, x: float, train: float, test: float, val: float = np.nan
    ) -> None:
        log = dots is self.dots[0] and self.log_box.isChecked()
        place_dots(dots, x, ((train, TRAIN_COLOR), (test, ORANGE), (val, GREEN)), log)

    # ----- look ------------------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Type from the window's font (which presentation enlarges); 1.6× lines and markers."""
        self._scale = line_scale(on)
        self._presenting = on
        self._apply_sizes()

    def _apply_sizes(self) -> None:
        s, px = self._scale, type_px()
        self.header.setFont(pixel_font(round(1.25 * px), bold=True))
        for widget in (self.readout, self.log_box):
            widget.setFont(pixel_font(px))
        for line in self.lines.values():
            style = Qt.PenStyle.DashLine if line.property("dashed") else Qt.PenStyle.SolidLine
            line.setPen(pg.mkPen(line.property("colour"), width=2 * s, style=style))
        for cursor, dots, marker in zip(self.cursors, self.dots, self.diverged_lines, strict=True):
            cursor.setPen(pg.mkPen(CURSOR, width=1 * s, style=Qt.PenStyle.DotLine))
            dots.setSymbolSize(8 * s)
            dots.setSymbolPen(pg.mkPen("w", width=1))
            marker.setPen(pg.mkPen(HIGHLIGHT, width=2 * s))
        self.best_line.setPen(pg.mkPen(GREEN, width=2 * s, style=Qt.PenStyle.DashLine))
        for plot in (self.loss_plot, self.acc_plot):
            plot.setLabel("bottom", tr("epoch"), color=hex_color(INK))
            style_plot(plot, self._presenting, px)
        self.diverged_label.setFont(pixel_font(px))
        self.acc_note.setText(tr(NOTE), color=INK, size=f"{px}px", italic=True)
        self.best_label.setFont(pixel_font(px))
        # Captions, equal left axes (so stacked x axes line up), minimum heights, thresholds.
        self.grid.restyle(px, (self._loss_label(), tr("accuracy %")))
        self._pad_ranges()

    def setMinimumSize(self, *size: object) -> None:  # noqa: N802 (Qt's name)
        """The window's floor for this panel (larger type may need more height than that)."""
        self.grid.floor = QSize(*size)
        self.grid.fit()

    def export_image(self, path: str) -> None:
        """Save both plots as PNG or SVG (by the file's extension) with pyqtgraph's exporters."""
        export_scene(self.plots.scene(), path, "nnviz training curves")

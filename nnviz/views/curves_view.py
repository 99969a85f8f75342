"""Training curves: train/test loss and accuracy against epoch, hover for exact values."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnviz.palette import BLUE, HIGHLIGHT, INK, ORANGE
from nnviz.snapshot import Snapshot

TRAIN, TEST = tuple(int(c * 0.8) for c in BLUE), ORANGE


def _fmt(v: float, pct: bool = False) -> str:
    if not math.isfinite(v):
        return "–"
    return f"{100 * v:.1f} %" if pct else f"{v:.4f}"


class CurvesView(QWidget):
    """Two stacked plots sharing the epoch axis; redraws only when the history changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: dict[str, np.ndarray] = {}
        self.redraws = 0
        self._key: tuple | None = None
        self._seq = -1
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.header = QLabel("epoch 000000")
        self.log_box = QCheckBox("log scale")
        self.log_box.toggled.connect(self.set_log_scale)
        top.addWidget(self.header, 1)
        top.addWidget(self.log_box)
        layout.addLayout(top)
        self.plots = pg.GraphicsLayoutWidget()
        layout.addWidget(self.plots, 1)
        self.loss_plot = self.plots.addPlot(row=0, col=0)
        self.acc_plot = self.plots.addPlot(row=1, col=0)
        self.acc_plot.setXLink(self.loss_plot)
        self.loss_plot.setLabel("left", "loss")
        for plot in (self.loss_plot, self.acc_plot):
            plot.getAxis("left").enableAutoSIPrefix(False)
        self.acc_plot.setLabel("left", "accuracy %")
        self.acc_plot.setLabel("bottom", "epoch")
        self.acc_plot.setYRange(0, 100)
        self.lines = {}
        for plot, key, colour, name, dash in (
            (self.loss_plot, "train_loss", TRAIN, "train", False),
            (self.loss_plot, "test_loss", TEST, "test", True),
            (self.acc_plot, "train_acc", TRAIN, "train", False),
            (self.acc_plot, "test_acc", TEST, "test", True),
        ):
            if plot.legend is None:
                plot.addLegend(offset=(-10, 10))
            style = pg.QtCore.Qt.PenStyle.DashLine if dash else pg.QtCore.Qt.PenStyle.SolidLine
            line = plot.plot(name=name, pen=pg.mkPen(colour, width=2, style=style))
            line.setDownsampling(auto=True)
            line.setClipToView(True)
            self.lines[key] = line
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen((120, 120, 120), width=1))
        self.loss_plot.addItem(self.cursor, ignoreBounds=True)
        self.readout = QLabel(" ")
        layout.addWidget(self.readout)
        self.diverged = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen(HIGHLIGHT, width=2),
            label="diverged",
            labelOpts={"color": HIGHLIGHT},
        )
        self.diverged.setVisible(False)
        self.loss_plot.addItem(self.diverged, ignoreBounds=True)
        self.acc_note = pg.TextItem("accuracy applies to classification", color=INK)
        self.acc_plot.addItem(self.acc_note)
        self.acc_note.setVisible(False)
        self.plots.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def show_snapshot(self, snap: Snapshot) -> None:
        """Update curves from the snapshot's (already decimated) history."""
        if snap.seq <= self._seq:
            return
        self._seq = snap.seq
        m = snap.metrics
        self.header.setText(
            f"epoch {snap.epoch:06d}   train loss {_fmt(m.get('train_loss', math.nan))}"
            f"   test loss {_fmt(m.get('test_loss', math.nan))}"
        )
        if snap.event == "diverged":
            self.diverged.setValue(snap.epoch)
            self.diverged.setVisible(True)
        regression = snap.kind == "regression"
        self.acc_note.setVisible(regression)
        h = snap.history
        epochs = h.get("epoch", np.zeros(0))
        key = (len(epochs), float(epochs[-1]) if len(epochs) else -1.0, regression)
        if key == self._key:
            return
        if len(epochs) == 0 or (self._key and key[1] < self._key[1]):
            self.diverged.setVisible(False)
        self._key, self.history = key, h
        self.redraws += 1
        for name, line in self.lines.items():
            values = h.get(name, np.zeros(0))
            if name.endswith("acc"):
                values = values * 100
                if regression:
                    values = np.zeros(0)
            ok = np.isfinite(values) if len(values) == len(epochs) else np.zeros(0, bool)
            if self.log_box.isChecked() and name.endswith("loss"):
                ok &= values > 0
            line.setData(epochs[ok] if len(ok) else [], values[ok] if len(ok) else [])

    def set_log_scale(self, on: bool) -> None:
        """Log scale for the loss axis (non-positive losses are left out)."""
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)
            return
        self.loss_plot.setLogMode(y=on)
        self._key = None
        self._seq -= 1

    def _on_mouse_moved(self, pos) -> None:
        epochs = self.history.get("epoch", np.zeros(0))
        vb = self.loss_plot.getViewBox()
        if not len(epochs) or not self.plots.sceneBoundingRect().contains(pos):
            return
        x = vb.mapSceneToView(pos).x()
        i = int(np.argmin(np.abs(epochs - x)))
        self.cursor.setValue(epochs[i])
        h = self.history
        parts = [
            f"epoch {int(epochs[i])}",
            f"train loss {_fmt(h['train_loss'][i])}",
            f"test loss {_fmt(h['test_loss'][i])}",
        ]
        if np.isfinite(h["train_acc"][i]):
            parts += [
                f"train acc {_fmt(h['train_acc'][i], True)}",
                f"test acc {_fmt(h['test_acc'][i], True)}",
            ]
        self.readout.setText(" · ".join(parts))

    def set_presentation(self, on: bool) -> None:
        """Thicker lines and larger type."""
        width = 4 if on else 2
        for line in self.lines.values():
            pen = line.opts["pen"]
            pen = pg.mkPen(pen.color(), width=width, style=pen.style())
            line.setPen(pen)
        font = self.header.font()
        font.setPointSizeF(16 if on else 10)
        self.header.setFont(font)
        self.readout.setFont(font)

    def export_image(self, path: str) -> None:
        """PNG or SVG of both plots."""
        from pyqtgraph.exporters import ImageExporter, SVGExporter

        exporter = SVGExporter if path.lower().endswith(".svg") else ImageExporter
        exporter(self.plots.scene()).export(path)

"""The data canvas: the user's points over a heatmap of the network's output (y up)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from app.views.data_canvas_items import PICK_PX, EditBox, PointsItem
from nnviz.engine.grid import contour_segments
from nnviz.network.text import activation_of
from nnviz.palette import (
    CLASS_COLORS,
    HIGHLIGHT,
    INK,
    class_blend_image,
    neuron_image,
    probability_image,
    signed_image,
    symmetric_scale,
)
from nnviz.snapshot import Snapshot

BRUSH_STEP_PX = 10.0


class DataCanvasView(QWidget):
    """Draws points and the output heatmap; clicks and drags become edit requests."""

    add_requested = Signal(object, object)  # position (d,), label
    remove_requested = Signal(int)
    move_requested = Signal(int, object, object)  # id, new position, old position
    brush_requested = Signal(object, object)  # positions (M, d), label
    trace_requested = Signal(int, object, object)  # id (−1 for empty space), position, label
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = EditBox()
        self.plot = pg.PlotWidget(viewBox=self.box)
        self.plot.setAspectLocked(True)
        self.plot.setLabel("bottom", "x₁")
        self.plot.setLabel("left", "x₂")
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        # The decision boundary as one path of segments from a vectorised marching squares
        # (pyqtgraph's IsocurveItem loops in Python: ~12 ms a frame on the GUI thread).
        self.contour = pg.PlotCurveItem(pen=pg.mkPen(INK, width=2), connect="pairs")
        self.plot.addItem(self.contour)
        self.fit_line = pg.PlotDataItem(pen=pg.mkPen(INK, width=3))
        self.plot.addItem(self.fit_line)
        self.scatter = PointsItem(size=8)
        self._look_cache: dict[tuple, tuple] = {}  # (colour, test) → (brush, pen)
        self.plot.addItem(self.scatter)
        # The axes and the points change only on edits, while the heatmap changes every frame:
        # keep them as cached pictures instead of redrawing them 40 times a second.
        cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
        self.scatter.setCacheMode(cached)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setCacheMode(cached)
        self.ring = pg.ScatterPlotItem(size=22, brush=None, pen=pg.mkPen(HIGHLIGHT, width=3))
        self.plot.addItem(self.ring)
        self.caption = QLabel()
        self.caption.setWordWrap(True)  # a long hint wraps instead of widening the window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)
        self.current_class, self.current_value, self.tool = 1, 0.5, "add"
        self.show_test, self.focus, self._focus_why = True, None, "hover"
        self.snap: Snapshot | None = None
        self.domain = (-6.0, 6.0)
        self.kind, self.n_classes, self.dim = "binary", 2, 2
        self.X = np.zeros((0, 2))
        self.y, self.is_test, self.ids = np.zeros(0), np.zeros(0, bool), np.zeros(0, int)
        self._drag: dict | None = None
        self.point_size = 8
        self.box.clicked.connect(self._on_clicked)
        self.box.drag_started.connect(self._on_drag_started)
        self.box.dragged.connect(self._on_dragged)
        self.box.drag_finished.connect(self._on_drag_finished)
        self._set_range()
        self._update_caption()

    # ----- state in --------------------------------------------------------------------------
    def set_points(self, X, y, is_test, ids, kind: str, n_classes: int) -> None:
        """The user's points (the main window calls this after every edit)."""
        self.X = (
            np.asarray(X, dtype=float).reshape(len(ids), -1)
            if len(ids)
            else np.zeros((0, self.dim))
        )
        self.y, self.is_test = np.asarray(y), np.asarray(is_test, bool)
        self.ids = np.asarray(ids, int)
        self.kind, self.n_classes = kind, n_classes
        self.dim = self.X.shape[1] if len(self.X) else self.dim
        self._draw_points()

    def show_snapshot(self, snap: Snapshot) -> None:
        """Paint the output (or the focused neuron) over the plane."""
        if self.snap is not None and snap.seq <= self.snap.seq:
            return
        changed_domain = snap.domain != self.domain or snap.dim != self.dim
        self.snap, self.domain, self.dim = snap, snap.domain, snap.dim
        if changed_domain:
            self._set_range()
        self._draw_output()

    def set_focus_neuron(self, neuron, why: str = "hover") -> None:
        """Show one neuron's full heatmap (None: back to the output).

        ``why`` is "hover" (the neuron is under the mouse in the network graph) or "graph"
        (the computation graph is computing it), and only changes the caption.
        """
        self.focus = None if neuron is None else tuple(neuron)
        self._focus_why = why
        self._draw_output()
        self._update_caption()

    def set_current_class(self, k: int) -> None:
        """Class given to new points."""
        self.current_class = int(k)
        self._update_caption()

    def set_current_value(self, v: float) -> None:
        """Target given to new regression points."""
        self.current_value = float(v)

    def set_tool(self, tool: str) -> None:
        """'add', 'brush' or 'trace'."""
        self.tool = tool
        self._update_caption()

    def set_show_test(self, on: bool) -> None:
        """Show or hide the held-out test points."""
        self.show_test = bool(on)
        self._draw_points()

    def set_highlight_point(self, position) -> None:
        """A ring around the example being traced (None removes it)."""
        if position is None:
            self.ring.setData([], [])
        else:
            p = np.asarray(position, dtype=float).ravel()
            self.ring.setData([p[0]], [p[1] if len(p) > 1 else 0.0])

    # ----- drawing ---------------------------------------------------------------------------
    def _set_range(self) -> None:
        lo, hi = self.domain
        self.plot.setAspectLocked(self.dim == 2)
        if self.dim == 2:
            self.box.setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0.02)
        else:
            self.box.setRange(xRange=(lo, hi), yRange=(-1.6, 1.6), padding=0.02)
            self.plot.setLabel("left", "y")
            self.plot.setLabel("bottom", "x")

    def _draw_output(self) -> None:
        snap = self.snap
        if snap is None:
            return
        if snap.dim == 1:
            self.image.clear()
            self.contour.setData([], [])
            self.fit_line.setData(snap.grid_axis, snap.output_grid[0])
            return
        self.fit_line.setData([], [])
        img, level = self._output_image(snap)
        self.image.setImage(img, autoLevels=False)
        # Pixel k is centred on its sample axis[k], so the shading and the line agree.
        axis = snap.grid_axis
        half = (axis[-1] - axis[0]) / max(len(axis) - 1, 1) / 2
        lo, hi = axis[0] - half, axis[-1] + half
        self.image.setRect(pg.QtCore.QRectF(lo, lo, hi - lo, hi - lo))
        if level is None:
            self.contour.setData([], [])
        else:
            line = contour_segments(level[0], level[1], axis)
            self.contour.setData(line[:, 0], line[:, 1], connect="pairs")

    def _output_image(self, snap: Snapshot):
        if self.focus is not None and not _has_neuron(snap, self.focus):
            # The network changed shape since the neuron was picked: show the output instead.
            self.focus = None
            self._update_caption()
        if self.focus is not None:
            layer, idx = self.focus
            grid = snap.neuron_grids[layer][idx]
            # The same colouring as the neuron's thumbnail, so the big picture matches it.
            return neuron_image(grid, activation_of(snap.spec, layer)), None
        out = snap.output_grid
        if snap.kind == "multiclass":
            return class_blend_image(out), None
        if snap.kind == "regression":
            return signed_image(out[0], symmetric_scale(out[0])), None
        p = out[0]
        return probability_image(p, snap.decision_level), (p, snap.decision_level)

    def _draw_points(self) -> None:
        visible = np.ones(len(self.ids), bool) if self.show_test else ~self.is_test
        X, y, test = self.X[visible], self.y[visible], self.is_test[visible]
        if self.dim == 1:
            xs, ys = X[:, 0], y.astype(float)
        else:
            xs, ys = X[:, 0], X[:, 1]
        brushes, pens = self._styles(y, test)
        self.scatter.setData(
            xs, ys, brush=brushes, pen=pens, size=self.point_size, data=self.ids[visible]
        )

    def _styles(self, y: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One shared brush and pen per look (colour × test), as object arrays.

        pyqtgraph caches a rendered symbol per pen/brush *object*: a fresh pen per point
        rendered 100,000 symbols (seconds) and grew the cache on every edit.
        """
        if self.kind == "regression":
            colours = signed_image(y.astype(float), symmetric_scale(y.astype(float)))[:, :3]
        else:
            palette = np.array(CLASS_COLORS, dtype=np.uint8)
            colours = palette[y.astype(int) % len(CLASS_COLORS)]
        c = colours.reshape(-1, 3).astype(np.int64)
        looks = (c[:, 0] << 25) | (c[:, 1] << 17) | (c[:, 2] << 9) | test.astype(np.int64)
        unique, which = np.unique(looks, return_inverse=True)
        brushes = np.empty(len(unique), dtype=object)
        pens = np.empty(len(unique), dtype=object)
        for k, code in enumerate(unique.tolist()):
            rgb = ((code >> 25) & 255, (code >> 17) & 255, (code >> 9) & 255)
            brushes[k], pens[k] = self._look(rgb, bool(code & 1))
        which = np.asarray(which).reshape(-1)
        return brushes[which], pens[which]

    def _look(self, colour: tuple[int, int, int], test: bool) -> tuple:
        """The brush and pen of one look, made once and reused across redraws."""
        cache = self._look_cache
        key = (colour, test)
        if key not in cache:
            brush = pg.mkBrush(255, 255, 255) if test else pg.mkBrush(colour)
            pen = pg.mkPen(colour if test else INK, width=2.5 if test else 1.0)
            cache[key] = (brush, pen)
        return cache[key]

    def _colour(self, label, scale: float) -> tuple[int, int, int]:
        if self.kind == "regression":
            return tuple(int(c) for c in signed_image(np.array([float(label)]), scale)[0, :3])
        return CLASS_COLORS[int(label) % len(CLASS_COLORS)]

    def _update_caption(self) -> None:
        if self.focus is not None:
            layer, idx = self.focus
            name = f"input {idx + 1}" if layer == 0 else f"neuron h{layer},{idx + 1}"
            why = {
                "hover": "move away to return to the network's output",
                "graph": "the computation graph is computing it; the ring is the traced point",
            }.get(self._focus_why, "")
            self.caption.setText(f"Showing {name}'s output — {why}.")
            return
        tools = {
            "add": "click adds, drag moves, right-click deletes",
            "brush": "drag paints points",
            "trace": "click a point to trace it",
        }
        what = f"class {self.current_class + 1}" if self.kind != "regression" else "value"
        self.caption.setText(
            f"Tool: {self.tool} ({tools.get(self.tool, '')}) · new points: "
            f"{what} · shading: the network's output, line = decision boundary"
        )

    # ----- gestures --------------------------------------------------------------------------
    def _inside(self, pos: np.ndarray) -> bool:
        lo, hi = self.domain
        if self.dim == 1:
            return lo <= pos[0] <= hi
        return bool(np.all(pos >= lo) and np.all(pos <= hi))

    def _shown_positions(self) -> np.ndarray:
        if self.dim == 1:
            return np.column_stack([self.X[:, 0], self.y.astype(float)])
        return self.X

    def _nearest(self, pos: np.ndarray) -> int | None:
        if not len(self.ids):
            return None
        shown = self._shown_positions()
        visible = np.ones(len(self.ids), bool) if self.show_test else ~self.is_test
        best, best_d = None, PICK_PX
        for i in np.flatnonzero(visible):
            d = self.box.pixel_distance(shown[i], pos)
            if d <= best_d:
                best, best_d = i, d
        return best

    def _label_and_position(self, pos: np.ndarray):
        if self.dim == 1:
            return np.array([pos[0]]), float(pos[1])
        label = self.current_value if self.kind == "regression" else self.current_class
        return pos.copy(), label

    def _on_clicked(self, pos: np.ndarray, info: dict) -> None:
        button, mods = info["button"], info["modifiers"]
        delete = button == pg.QtCore.Qt.MouseButton.RightButton or (
            mods & pg.QtCore.Qt.KeyboardModifier.ControlModifier
        )
        hit = self._nearest(pos)
        if delete:
            if hit is not None:
                self.remove_requested.emit(int(self.ids[hit]))
            return
        if button != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        if not self._inside(pos):
            lo, hi = self.domain
            self.message.emit(f"That click is outside the plane ({lo:g} … {hi:g}).")
            return
        position, label = self._label_and_position(pos)
        if self.tool == "trace":
            if hit is not None:
                self.trace_requested.emit(int(self.ids[hit]), self.X[hit].copy(), self.y[hit])
            else:
                self.trace_requested.emit(-1, position, label)
        elif hit is None:
            self.add_requested.emit(position, label)

    def _on_drag_started(self, start: np.ndarray) -> None:
        if self.tool == "brush":
            self._drag = {"brush": [start.copy()], "rng": np.random.default_rng(len(self.ids))}
            return
        hit = self._nearest(start) if self.tool == "add" else None
        self._drag = None if hit is None else {"index": hit, "old": self.X[hit].copy()}

    def _on_dragged(self, pos: np.ndarray) -> None:
        d = self._drag
        if d is None:
            return
        if "brush" in d:
            if self.box.pixel_distance(d["brush"][-1], pos) >= BRUSH_STEP_PX and self._inside(pos):
                d["brush"].append(pos.copy())
                self.scatter.addPoints(
                    [pos[0]], [pos[1]], brush=pg.mkBrush(self._colour(self.current_class, 1.0))
                )
            return
        shown = self._shown_positions()
        shown[d["index"]] = pos
        self.scatter.setData(shown[:, 0], shown[:, 1])  # live preview while dragging

    def _on_drag_finished(self, pos: np.ndarray) -> None:
        d, self._drag = self._drag, None
        if d is None:
            return
        if "brush" in d:
            pts = np.array(d["brush"])
            if self.dim == 1:
                self.brush_requested.emit(pts[:, :1], pts[:, 1])
            else:
                self.brush_requested.emit(
                    pts, self.current_class if self.kind != "regression" else self.current_value
                )
            return
        if not self._inside(pos):
            self.message.emit("A point cannot be moved off the plane.")
            self._draw_points()
            return
        new = np.array([pos[0]]) if self.dim == 1 else pos.copy()
        self.move_requested.emit(int(self.ids[d["index"]]), new, d["old"])

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Bigger points and a thicker boundary for the back row."""
        self.point_size = 13 if on else 8
        self.contour.setPen(pg.mkPen(INK, width=4 if on else 2))
        self._draw_points()

    def export_image(self, path: str) -> None:
        """PNG or SVG of the canvas plot."""
        from pyqtgraph.exporters import ImageExporter, SVGExporter

        exporter = SVGExporter if path.lower().endswith(".svg") else ImageExporter
        exporter(self.plot.getPlotItem()).export(path)


def _has_neuron(snap: Snapshot, neuron: tuple[int, int]) -> bool:
    """True if this snapshot has a grid for neuron (layer, index)."""
    layer, idx = neuron
    return 0 <= layer < len(snap.neuron_grids) and 0 <= idx < len(snap.neuron_grids[layer])

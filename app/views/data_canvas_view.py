"""The data canvas: the user's points over a heatmap of the network's output (y up)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from app.views.data_canvas_caption import focus_caption, tool_caption
from app.views.data_canvas_gestures import CanvasGestures
from app.views.data_canvas_hover import CanvasHover
from app.views.data_canvas_items import (
    CLICK_SLOP_PX,
    EditBox,
    PointsItem,
    ProbabilityRow,
)
from app.views.data_canvas_points import PointLayer
from app.views.plot_style import line_scale, pixel_font, style_plot, type_px
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


class DataCanvasView(CanvasGestures, CanvasHover, QWidget):
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
        # The averaged perceptron's boundary, dashed beside the raw one (from the lab's grid).
        self.averaged = pg.PlotCurveItem(pen=_dashed(2), connect="pairs")
        self.plot.addItem(self.averaged)
        self.fit_line = pg.PlotDataItem(pen=pg.mkPen(INK, width=3))
        self.plot.addItem(self.fit_line)
        self.point_layer = PointLayer()  # every point, one item whatever their number
        self._look_cache: dict[tuple, tuple] = {}  # (colour, test) → (brush, pen)
        self.plot.addItem(self.point_layer)
        self.scatter = PointsItem(size=8)  # a brush stroke's points until the document has them
        self.plot.addItem(self.scatter)
        # The axes and the points change only on edits, while the heatmap changes every frame:
        # keep them as cached pictures instead of redrawing them 40 times a second.
        cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
        self.point_layer.setCacheMode(cached)
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
        self.probability = ProbabilityRow(self.plot)  # the contours toggle and the ll readout
        self.probability.toggled.connect(self._draw_probability)
        layout.addWidget(self.probability)
        self.hover_text = ""
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
        # pyqtgraph starts a drag after 5 px; the box decides click or drag at CLICK_SLOP_PX.
        self.plot.scene().setMoveDistance(CLICK_SLOP_PX)
        self._set_range()
        self._update_caption()
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)

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
        task = (self.kind, self.dim)
        self.kind, self.n_classes = kind, n_classes
        self.dim = self.X.shape[1] if len(self.X) else self.dim
        self._draw_points()
        if (self.kind, self.dim) != task:  # the caption names what the shading shows
            self._update_caption()

    def show_snapshot(self, snap: Snapshot) -> None:
        """Paint the output (or the focused neuron) over the plane."""
        if self.snap is not None and snap.seq <= self.snap.seq:
            return
        changed_domain = snap.domain != self.domain or snap.dim != self.dim
        self.snap, self.domain, self.dim = snap, snap.domain, snap.dim
        if changed_domain:
            self._set_range()
        self._draw_output()
        self._draw_probability()

    def set_focus_neuron(self, neuron, why: str = "hover") -> None:
        """Show one neuron's full heatmap (None: back to the output).

        ``why`` is "hover" (the neuron is under the mouse in the network graph) or "graph"
        (the computation graph is computing it), and only changes the caption.
        """
        self.focus = None if neuron is None else tuple(neuron)
        self._focus_why = why
        self._draw_output()
        self._draw_probability()
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
        self._draw_averaged(snap)
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

    def _draw_averaged(self, snap: Snapshot) -> None:
        """The dashed averaged-perceptron line, when the output (not a neuron) is shown."""
        grid = snap.overlay_grid
        if grid is None or snap.dim != 2 or self.focus is not None or snap.kind != "binary":
            self.averaged.setData([], [])
            return
        line = contour_segments(grid[0], snap.decision_level, snap.grid_axis)
        self.averaged.setData(line[:, 0], line[:, 1], connect="pairs")

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

    def _visible(self) -> np.ndarray:
        return np.ones(len(self.ids), bool) if self.show_test else ~self.is_test

    def _draw_points(self, moving: tuple[int, np.ndarray] | None = None) -> None:
        """Every visible point; ``moving`` = (index, position) previews a drag."""
        visible = self._visible()
        shown = self._shown_positions()
        if moving is not None:
            shown = shown.copy()  # a copy: a preview never edits the data
            shown[moving[0]] = moving[1]
        styles, look = self._styles(self.y[visible], self.is_test[visible])
        self.point_layer.set_points(shown[visible, :2], look, styles)
        self.scatter.clear()  # a brush stroke's preview: its points are in the data now

    def _styles(self, y: np.ndarray, test: np.ndarray) -> tuple[list, np.ndarray]:
        """The looks (colour × test) as ("o", size, pen, brush), and each point's look.

        pyqtgraph caches a rendered symbol per pen/brush *object*, so a look's pen and brush
        are made once and reused: a fresh pen per point rendered 100,000 symbols.
        """
        if self.kind == "regression":
            colours = signed_image(y.astype(float), symmetric_scale(y.astype(float)))[:, :3]
        else:
            palette = np.array(CLASS_COLORS, dtype=np.uint8)
            colours = palette[y.astype(int) % len(CLASS_COLORS)]
        c = colours.reshape(-1, 3).astype(np.int64)
        looks = (c[:, 0] << 25) | (c[:, 1] << 17) | (c[:, 2] << 9) | test.astype(np.int64)
        unique, which = np.unique(looks, return_inverse=True)
        styles = []
        for code in unique.tolist():
            rgb = ((code >> 25) & 255, (code >> 17) & 255, (code >> 9) & 255)
            brush, pen = self._look(rgb, bool(code & 1))
            styles.append(("o", self.point_size, pen, brush))
        return styles, np.asarray(which).reshape(-1)

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
            self.caption.setText(focus_caption(self.focus, self._focus_why, self.snap))
        else:
            caption = tool_caption(self.tool, self.kind, self.dim, self.current_class)
            self.caption.setText(caption)

    def reword(self) -> None:
        """After a language switch: the caption, and the newest snapshot's words drawn again.

        ``show_snapshot`` skips a snapshot it has drawn, so the window's re-show would leave
        the log-likelihood in the old language.
        """
        self._update_caption()
        self._draw_probability()

    # ----- probabilities: contours and the log-likelihood (P(y|x) on hover: the gestures) ------
    def _draw_probability(self) -> None:
        """Contours over the output and the ll readout (the row under the plot draws them)."""
        if self.snap is not None:
            self.probability.show_snapshot(self.snap, self.focus is None)

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Bigger points, a thicker boundary and axis type from the window's font."""
        s = line_scale(on)
        self.point_size = round(8 * s)
        self.contour.setPen(pg.mkPen(INK, width=2.5 * s if on else 2))
        self.fit_line.setPen(pg.mkPen(INK, width=3 * s))
        self.ring.setSize(round(22 * s))
        self.ring.setPen(pg.mkPen(HIGHLIGHT, width=3 * s))
        style_plot(self.plot.getPlotItem(), on, type_px())
        self.probability.contours.set_font(pixel_font(type_px()))
        self.averaged.setPen(_dashed(4 if on else 2))
        self._draw_points()

    def export_image(self, path: str) -> None:
        """PNG or SVG of the canvas plot."""
        from pyqtgraph.exporters import ImageExporter, SVGExporter

        exporter = SVGExporter if path.lower().endswith(".svg") else ImageExporter
        exporter(self.plot.getPlotItem()).export(path)


def _dashed(width: float) -> pg.QtGui.QPen:
    """The averaged perceptron's pen: the boundary's ink, dashed."""
    return pg.mkPen(INK, width=width, style=pg.QtCore.Qt.PenStyle.DashLine)


def _has_neuron(snap: Snapshot, neuron: tuple[int, int]) -> bool:
    """True if this snapshot has a grid for neuron (layer, index)."""
    layer, idx = neuron
    return 0 <= layer < len(snap.neuron_grids) and 0 <= idx < len(snap.neuron_grids[layer])

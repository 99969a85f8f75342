"""The pictures of active learning by hand: the plane (regions, pool, labels, rings), the curves."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from app.i18n import tr
from app.views.plot_style import line_scale, style_plot
from nnviz.palette import CLASS_COLORS, HIGHLIGHT, INK, probability_image

HIT_PX = 12.0  # a click this close to a point (in screen pixels) is a click on it
POOL_GREY = (120, 124, 130)
ACTIVE_COLOR = (0, 158, 115)  # green: the user's curve (blue and orange are the classes here)
RANDOM_COLOR = (204, 121, 167)  # purple: random labelling


@dataclass(frozen=True)
class PlaneState:
    """What the plane shows: every pool point, which are labelled (and how), which are ringed."""

    X: np.ndarray  # (n, 2) the pool
    labelled: tuple[int, ...]
    labels: tuple[int, ...]  # the revealed class of each labelled point (0 or 1)
    ringed: tuple[int, ...]  # least sure first
    axis: np.ndarray  # grid positions along each axis of the regions
    probabilities: np.ndarray  # P(class 1) on axis × axis (rows follow x2)
    last: int | None = None  # the point labelled last, marked


class Plane(pg.PlotWidget):
    """The pool on the model's decision regions; the ringed candidates; clicks as pool indices."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        self.setAspectLocked(True)
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getPlotItem().showGrid(x=False, y=False)
        self.X = np.zeros((0, 2))
        self.ringed: tuple[int, ...] = ()
        self.presenting = False
        self.state: PlaneState | None = None  # the last drawn, redrawn on a change of look
        self._pool_scale = 0.0  # the pool's points are redrawn only for a new pool or look
        self.regions = pg.ImageItem(axisOrder="row-major")
        self.pool = pg.ScatterPlotItem(pxMode=True)  # every pool point; labels are drawn over
        self.known = [pg.ScatterPlotItem(pxMode=True) for _ in range(2)]  # one per class
        self.rings = pg.ScatterPlotItem(pxMode=True)
        self.next_ring = pg.ScatterPlotItem(pxMode=True)  # the least sure: what L labels
        self.last = pg.ScatterPlotItem(pxMode=True)
        for item in (self.regions, self.pool, *self.known, self.last, self.rings, self.next_ring):
            self.addItem(item)
        self.regions.setZValue(-10)

    def show_state(self, s: PlaneState) -> None:
        """Redraw from ``s``. One brush or pen per item (no per-point lists): a label costs a
        few small updates; the pool itself is drawn once per session."""
        scale = line_scale(self.presenting)
        new_pool = s.X is not self.X
        self.state = s
        self.X, self.ringed = s.X, tuple(s.ringed)
        step = float(s.axis[1] - s.axis[0]) if len(s.axis) > 1 else 1.0
        self.regions.setImage(probability_image(s.probabilities, 0.5, alpha=110))
        self.regions.setRect(s.axis[0] - step / 2, s.axis[0] - step / 2,
                             step * len(s.axis), step * len(s.axis))  # fmt: skip
        if new_pool or self._pool_scale != scale:
            self._pool_scale = scale
            self.pool.setData(
                pos=self.X, size=5 * scale, pen=None, brush=pg.mkBrush(*POOL_GREY, 150)
            )
        labelled, labels = np.asarray(s.labelled, dtype=int), np.asarray(s.labels, dtype=int)
        for c, item in enumerate(self.known):
            item.setData(
                pos=self.X[labelled[labels == c]],
                size=11 * scale,
                brush=pg.mkBrush(*CLASS_COLORS[c]),
                pen=pg.mkPen("w", width=1.5 * scale),
            )
        ringed = np.asarray(s.ringed, dtype=int)
        self.next_ring.setData(
            pos=self.X[ringed[:1]],
            size=20 * scale,
            brush=None,
            pen=pg.mkPen(HIGHLIGHT, width=2.5 * scale),
        )
        self.rings.setData(
            pos=self.X[ringed[1:]],
            size=20 * scale,
            brush=None,
            pen=pg.mkPen(INK, width=2.5 * scale),
        )
        if s.last is None:
            self.last.setData([])
        else:
            self.last.setData(
                pos=self.X[[s.last]],
                size=19 * scale,
                brush=None,
                symbol="s",
                pen=pg.mkPen(INK, width=1.5 * scale, style=Qt.PenStyle.DotLine),
            )
        if new_pool:
            low, high = self.X.min(axis=0), self.X.max(axis=0)
            pad = 0.06 * (high - low)
            self.setRange(xRange=(low[0] - pad[0], high[0] + pad[0]),
                          yRange=(low[1] - pad[1], high[1] + pad[1]), padding=0)  # fmt: skip

    def counts(self) -> tuple[int, int]:
        """(labelled points drawn, rings drawn)."""
        known = sum(len(item.data) for item in self.known)
        return known, len(self.rings.data) + len(self.next_ring.data)

    def set_presentation(self, on: bool, px: int) -> None:
        """Large ticks, points and rings (redrawn at once)."""
        self.presenting = on
        style_plot(self.getPlotItem(), on, px)
        if self.state is not None:
            self.show_state(self.state)

    # ----- clicks ----------------------------------------------------------------------------
    def pixel_distances(self, spot: QPointF) -> np.ndarray:
        """Each pool point's distance to a scene position, in screen pixels."""
        box = self.getViewBox()
        o, ex, ey = (box.mapViewToScene(QPointF(x, y)) for x, y in ((0, 0), (1, 0), (0, 1)))
        at = box.mapSceneToView(spot)
        delta = self.X - np.array([at.x(), at.y()])
        dx = delta[:, 0] * (ex.x() - o.x()) + delta[:, 1] * (ey.x() - o.x())
        dy = delta[:, 0] * (ex.y() - o.y()) + delta[:, 1] * (ey.y() - o.y())
        return np.hypot(dx, dy)

    def point_at(self, spot: QPointF) -> int | None:
        """The pool point a click at ``spot`` (scene) means: a ringed one near enough first,
        else the nearest point within reach, else None (empty space)."""
        if not len(self.X):
            return None
        far = self.pixel_distances(spot)
        ringed = [i for i in self.ringed if far[i] <= HIT_PX * 1.5]  # rings are bigger targets
        if ringed:
            return min(ringed, key=lambda i: far[i])
        nearest = int(np.argmin(far))
        return nearest if far[nearest] <= HIT_PX else None

    def scene_pos_of(self, index: int) -> QPointF:
        """Where pool point ``index`` is drawn, in scene coordinates (for tests and keys)."""
        x, y = self.X[index]
        return self.getViewBox().mapViewToScene(QPointF(float(x), float(y)))


class Curves(pg.PlotWidget):
    """Held-out accuracy by labels: yours (most uncertain first) and random's, same seed."""

    def __init__(self) -> None:
        super().__init__()
        self.setBackground("w")
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.2)
        # The key is a label under the plot (ActiveLearningView): a legend anchored inside a
        # plot outlives its view box when a window closes and then fails on a late resize.
        self.active = plot.plot()
        self.random = plot.plot()
        self.presenting = False
        self.shown: tuple = (([], []), ([], []), 4, 40)  # the last drawn, for a change of look
        self.show_curves(*self.shown)

    def reword(self) -> None:
        """Axis captions in the current language."""
        plot = self.getPlotItem()
        plot.setLabel("bottom", tr("labels given"), color=INK)
        plot.setLabel("left", tr("held-out accuracy (%)"), color=INK)

    def show_curves(self, active, random, start: int, budget: int) -> None:
        """Both curves ((labels, accuracy) each, accuracy as a fraction) on labels start…budget."""
        scale = line_scale(self.presenting)
        self.shown = (active, random, start, budget)
        self.active.setData(
            list(active[0]),
            [100 * a for a in active[1]],
            pen=pg.mkPen(ACTIVE_COLOR, width=2.5 * scale),
            symbol="o",
            symbolSize=6 * scale,
            symbolBrush=ACTIVE_COLOR,
            symbolPen=None,
        )
        self.random.setData(list(random[0]), [100 * a for a in random[1]],
                            pen=pg.mkPen(RANDOM_COLOR, width=2 * scale,
                                         style=Qt.PenStyle.DashLine))  # fmt: skip
        self.setXRange(start, budget, padding=0.02)
        ys = [100 * a for a in (*active[1], *random[1])]
        low = min([*ys, 50.0])
        self.setYRange(max(0.0, 5 * np.floor(low / 5)), 100, padding=0.02)

    def set_presentation(self, on: bool, px: int) -> None:
        """Large ticks and captions; thicker lines (redrawn at once)."""
        self.presenting = on
        style_plot(self.getPlotItem(), on, px)
        self.show_curves(*self.shown)

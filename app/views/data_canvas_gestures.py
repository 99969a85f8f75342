"""The data canvas's gestures: click to add, drag to move, right-click to delete, trace."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from app.i18n import tr
from app.views.data_canvas_items import GRAB_PX, HIT_PX

BRUSH_STEP_PX = 10.0  # the brush drops a point every this many screen pixels


class CanvasGestures:
    """Mixed into DataCanvasView: what a click or drag on the plane asks for (as signals)."""

    def _inside(self, pos: np.ndarray) -> bool:
        lo, hi = self.domain
        if self.dim == 1:
            return lo <= pos[0] <= hi
        return bool(np.all(pos >= lo) and np.all(pos <= hi))

    def _shown_positions(self) -> np.ndarray:
        if self.dim == 1:
            return np.column_stack([self.X[:, 0], self.y.astype(float)])
        return self.X

    def _point_at(self, pos: np.ndarray, radius_px: float) -> int | None:
        """The visible point whose centre is nearest ``pos`` and within ``radius_px`` screen
        pixels (of equally near ones, the one drawn on top); None if there is none."""
        candidates = np.flatnonzero(self._visible())
        if not len(candidates):
            return None
        d = self.box.pixel_distances(self._shown_positions()[candidates], pos)
        if d.min() > radius_px:
            return None
        return int(candidates[np.flatnonzero(d == d.min())[-1]])

    def _label_and_position(self, pos: np.ndarray):
        if self.dim == 1:
            return np.array([pos[0]]), float(pos[1])
        label = self.current_value if self.kind == "regression" else self.current_class
        return pos.copy(), label

    def _on_clicked(self, pos: np.ndarray, info: dict) -> None:
        button, mods = info["button"], info["modifiers"]
        Qt = pg.QtCore.Qt
        if button == Qt.MouseButton.RightButton or (
            button == Qt.MouseButton.LeftButton and mods & Qt.KeyboardModifier.ControlModifier
        ):
            self._delete_at(pos)
        elif button == Qt.MouseButton.LeftButton:
            self._left_click(pos)

    def _delete_at(self, pos: np.ndarray) -> None:
        """Delete exactly the point under the cursor, or say that there is none."""
        hit = self._point_at(pos, HIT_PX)
        if hit is None:
            self.message.emit(tr("Nothing to delete here: right-click on a point to delete it."))
            return
        self.remove_requested.emit(int(self.ids[hit]))

    def _left_click(self, pos: np.ndarray) -> None:
        """A plain click adds a point there (even on top of others); Trace picks one."""
        if not self._inside(pos):
            lo, hi = self.domain
            self.message.emit(
                tr("That click is outside the plane ({lo} … {hi}).").format(
                    lo=f"{lo:g}", hi=f"{hi:g}"
                )
            )
            return
        position, label = self._label_and_position(pos)
        if self.tool != "trace":
            self.add_requested.emit(position, label)
            return
        hit = self._point_at(pos, HIT_PX)
        if hit is not None:
            self.trace_requested.emit(int(self.ids[hit]), self.X[hit].copy(), self.y[hit])
        else:
            self.trace_requested.emit(-1, position, label)

    def _on_drag_started(self, start: np.ndarray) -> None:
        if self.tool == "brush":
            self._drag = {"brush": [start.copy()], "rng": np.random.default_rng(len(self.ids))}
            return
        # Only a drag that starts on a point's centre moves it; elsewhere a drag does nothing.
        hit = self._point_at(start, GRAB_PX) if self.tool == "add" else None
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
        self._draw_points(moving=(d["index"], pos))  # live preview while dragging

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
        self._draw_points()  # the document redraws the moved point if the move is accepted
        if not self._inside(pos):
            self.message.emit("A point cannot be moved off the plane.")
            return
        new = np.array([pos[0]]) if self.dim == 1 else pos.copy()
        self.move_requested.emit(int(self.ids[d["index"]]), new, d["old"])

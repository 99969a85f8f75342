"""The data canvas's hover: over a point, its P(y|x) from the latest snapshot as a tooltip."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QToolTip

from app.views.data_canvas_items import HIT_PX
from nnviz.engine.likelihood import point_likelihood_text


class CanvasHover:
    """Mixed into DataCanvasView: what resting the mouse on a point says."""

    def _on_mouse_moved(self, scene_pos) -> None:
        """Over a point: its P(y|x) from the latest snapshot, as a tooltip."""
        text = ""
        if self.box.sceneBoundingRect().contains(scene_pos):
            p = self.box.mapSceneToView(scene_pos)
            hit = self._point_at(np.array([p.x(), p.y()]), HIT_PX)
            text = "" if hit is None else self._point_text(hit)
        if text != self.hover_text:
            # The plot's own tooltip: Qt shows it when the mouse rests on the point.
            self.hover_text = text
            self.plot.setToolTip(text)
            if not text:
                QToolTip.hideText()

    def _point_text(self, k: int) -> str:
        """What hovering point ``k`` says (its probability is the lab's, looked up)."""
        snap, test = self.snap, bool(self.is_test[k])
        probs = snap.point_probabilities if snap is not None else ()
        p = None
        if len(probs) == 2 and self.kind != "regression":
            split = probs[1] if test else probs[0]
            j = int(np.sum(self.is_test[:k] == test))  # its place among its split's points
            if len(split) == int(np.sum(self.is_test == test)):
                p = float(split[j])
        label = None if self.kind == "regression" else int(self.y[k])
        return point_likelihood_text(self.X[k], label, p, test)

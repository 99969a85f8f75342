"""Gear shapes for the chain-rule view: a toothed wheel with a pointer, draggable when it drives."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

TOOTH_PITCH = 0.32  # arc length per tooth (same on every gear, so the teeth could mesh)
TOOTH_DEPTH = 0.13


def gear_path(radius: float) -> QPainterPath:
    """A toothed wheel of pitch radius ``radius`` around (0, 0), with a hub hole and a pointer."""
    n = max(6, round(2 * math.pi * radius / TOOTH_PITCH))
    points = []
    for i in range(n):
        a = 2 * math.pi * i / n
        step = 2 * math.pi / n
        # Each tooth: rise, flat top, fall, flat bottom (a quarter of the pitch each).
        for frac, r in ((0.0, radius - TOOTH_DEPTH), (0.15, radius + TOOTH_DEPTH),
                        (0.5, radius + TOOTH_DEPTH), (0.65, radius - TOOTH_DEPTH)):  # fmt: skip
            points.append(QPointF(r * math.cos(a + frac * step), r * math.sin(a + frac * step)))
    path = QPainterPath()
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    hub = min(0.18, radius * 0.3)
    path.addEllipse(QPointF(0, 0), hub, hub)  # odd-even fill: a hole in the middle
    return path


def pointer_path(radius: float) -> QPainterPath:
    """A spoke from the hub to the rim along angle 0, so every turn is visible."""
    path = QPainterPath()
    path.moveTo(min(0.18, radius * 0.3), 0.0)
    path.lineTo(radius - TOOTH_DEPTH * 1.5, 0.0)
    return path


class GearItem(QGraphicsPathItem):
    """One gear; ``on_drag(delta)`` (radians) is called while the user turns it with the mouse."""

    def __init__(self, colour: tuple[int, int, int], on_drag: Callable[[float], None] | None):
        super().__init__()
        self.colour = colour
        self.on_drag = on_drag
        self.radius = 1.0
        self.pointer = QGraphicsPathItem(self)
        self.set_line_width(2.0)

    def set_radius(self, radius: float) -> None:
        """Redraw the wheel at a new size."""
        self.radius = radius
        self.setPath(gear_path(radius))
        self.pointer.setPath(pointer_path(radius))

    def set_line_width(self, px: float) -> None:
        """Outline and pointer thickness (cosmetic pens: pixels, whatever the zoom)."""
        pen = QPen(QColor(*self.colour).darker(160), px)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(*self.colour)
        fill.setAlpha(170)
        self.setBrush(QBrush(fill))
        spoke = QPen(QColor(40, 44, 52), px * 2)
        spoke.setCosmetic(True)
        self.pointer.setPen(spoke)

    def set_angle(self, radians: float) -> None:
        """Turn the gear (counter-clockwise for a positive angle, as maths measures angles)."""
        if math.isfinite(radians):
            self.setRotation(math.degrees(radians))

    def mouseDragEvent(self, ev) -> None:  # noqa: ANN001, N802 - pyqtgraph's drag protocol
        if self.on_drag is None:
            ev.ignore()
            return
        ev.accept()
        parent = self.parentItem()
        if parent is None:
            return
        now = parent.mapFromScene(ev.scenePos()) - self.pos()
        before = parent.mapFromScene(ev.lastScenePos()) - self.pos()
        delta = math.atan2(now.y(), now.x()) - math.atan2(before.y(), before.x())
        delta = (delta + math.pi) % (2 * math.pi) - math.pi  # the short way round
        self.on_drag(delta)

"""QGraphicsItems for the computation graph: op nodes and chain-rule edges."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from nnviz.graph.picture import EdgePicture, NodePicture
from nnviz.palette import BLUE, HIGHLIGHT, INK, ORANGE

NODE_W, NODE_H = 132.0, 66.0
_FILL = {
    "leaf": QColor(226, 240, 251),
    "const": QColor(242, 242, 242),
    "op": QColor(255, 255, 255),
    "loss": QColor(255, 243, 224),
}


def fmt(value: float | None) -> str:
    """Four significant digits, or a dash when not computed yet."""
    if value is None:
        return "·"
    return f"{value:.4g}"


class NodeItem(QGraphicsItem):
    """A rounded box: the op on top, its value and its gradient below."""

    def __init__(self, node: NodePicture, scale: float = 1.0) -> None:
        super().__init__()
        self.node = node
        self.scale_ = scale
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.update_node(node)

    def update_node(self, node: NodePicture) -> None:
        """Show new numbers/state without rebuilding the item."""
        self.node = node
        self.setPos(node.x * self.scale_, node.y * self.scale_)  # bigger boxes, more room
        self.setToolTip(node.tooltip)
        self.setZValue(2 if node.state == "current" else 1)
        self.update()

    def half_width(self) -> float:
        """Half the box's width in scene units (layer boxes are wider than op boxes)."""
        return NODE_W * self.node.width * self.scale_ / 2

    def boundingRect(self) -> QRectF:
        s, hw = self.scale_, self.half_width()
        return QRectF(-hw - 4, -NODE_H * s / 2 - 4, 2 * hw + 8, NODE_H * s + 8)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        n, s, hw = self.node, self.scale_, self.half_width()
        rect = QRectF(-hw, -NODE_H * s / 2, 2 * hw, NODE_H * s)
        pen = QPen(QColor(*INK), 1.2 * s)
        if n.state == "current":
            pen = QPen(QColor(*HIGHLIGHT), 3.5 * s)
        elif n.state == "pending":
            pen = QPen(QColor(170, 170, 170), 1.0 * s, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        fill = QColor(_FILL.get(n.kind, _FILL["op"]))
        if n.state == "pending":
            fill = QColor(248, 248, 248)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(rect, 10 * s, 10 * s)
        self._text(painter, rect.adjusted(0, 3 * s, 0, -NODE_H * s * 0.6), n.title, True)
        value = n.value_text or f"value {fmt(n.value)}"
        grad = n.grad_text or f"grad {fmt(n.grad)}"
        ink = QColor(*INK) if n.state != "pending" else QColor(150, 150, 150)
        self._text(
            painter, rect.adjusted(0, NODE_H * s * 0.36, 0, -NODE_H * s * 0.3), value, False, ink
        )
        gcol = QColor(*BLUE) if (n.grad or 0) >= 0 else QColor(*ORANGE).darker(130)
        self._text(
            painter,
            rect.adjusted(0, NODE_H * s * 0.66, 0, 0),
            grad,
            False,
            gcol if (n.grad is not None or "·" not in grad) else QColor(150, 150, 150),
        )

    def _text(
        self, painter: QPainter, rect: QRectF, text: str, bold: bool, colour: QColor | None = None
    ) -> None:
        font = QFont()
        font.setPointSizeF(11.5 * self.scale_)
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(colour or QColor(*INK))
        # Never spill out of the box: a long name or vector ends in "…" (the tooltip has it all).
        text = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(rect.width()) - 8
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, text)


class EdgeItem(QGraphicsPathItem):
    """An input → op edge; on the backward walk it carries local × upstream."""

    def __init__(self, edge: EdgePicture, a: NodeItem, b: NodeItem, scale: float = 1.0) -> None:
        super().__init__()
        self.scale_ = scale
        start = QPointF(a.pos().x() + a.half_width(), a.pos().y())
        end = QPointF(b.pos().x() - b.half_width(), b.pos().y())
        path = QPainterPath(start)
        dx = (end.x() - start.x()) / 2
        path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
        self.setPath(path)
        self.label = QGraphicsSimpleTextItem(self)
        self.mid = path.pointAtPercent(0.5)
        self.setZValue(0)
        self.update_edge(edge)

    def update_edge(self, edge: EdgePicture) -> None:
        """Restyle for the current step and show the chain-rule numbers if known."""
        self.edge = edge
        colour = QColor(*HIGHLIGHT) if edge.active else QColor(150, 155, 165)
        self.setPen(QPen(colour, (3.0 if edge.active else 1.4) * self.scale_))
        text = ""
        if edge.local is not None:
            text = f"local {fmt(edge.local)}"
            if edge.product is not None:
                text += f" → {fmt(edge.product)}"
        self.label.setText(text)
        font = QFont()
        font.setPointSizeF(10.5 * self.scale_)
        font.setBold(edge.active)
        self.label.setFont(font)
        self.label.setBrush(QBrush(colour.darker(120)))
        r = self.label.boundingRect()
        self.label.setPos(self.mid.x() - r.width() / 2, self.mid.y() - r.height() - 2)
        self.setToolTip(
            f"∂(node {edge.target})/∂(node {edge.source}) = {fmt(edge.local)}; "
            f"upstream × local = {fmt(edge.product)}"
            if edge.local is not None
            else ""
        )

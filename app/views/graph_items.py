"""QGraphicsItems for the computation graph: op nodes and chain-rule edges."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from app.i18n import tr
from nnviz.graph.picture import EdgePicture, NodePicture
from nnviz.graph.text import fmt as fmt_number
from nnviz.palette import BLUE, HIGHLIGHT, INK, ORANGE

NODE_W, NODE_H = 132.0, 66.0
PAD = 10.0  # room between a line of text and the box's edge, each side
GROW = 1.42  # a box grows up to this much wider for its text (columns are 200 apart)
LONGEST_VALUE = "−0.0008888"  # the longest number a 4-digit value makes
_FILL = {
    "leaf": QColor(226, 240, 251),
    "const": QColor(242, 242, 242),
    "op": QColor(255, 255, 255),
    "loss": QColor(255, 243, 224),
}


def fmt(value: float | None) -> str:
    """Four significant digits (the graph's one number format), or a dot when not computed."""
    if value is None:
        return "·"
    return fmt_number(value)


def node_font(scale: float, bold: bool) -> QFont:
    """The font of a node's lines (bold for its title)."""
    font = QFont()
    font.setPointSizeF(11.5 * scale)
    font.setBold(bold)
    return font


class NodeItem(QGraphicsItem):
    """A rounded box: the op on top, its value and its gradient below."""

    def __init__(self, node: NodePicture, scale: float = 1.0) -> None:
        super().__init__()
        self.node = node
        self.scale_ = scale
        self._hw = 0.0
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.update_node(node)

    def update_node(self, node: NodePicture) -> bool:
        """Show new numbers/state without rebuilding the item; True if the box changed width."""
        self.node = node
        self.setPos(node.x * self.scale_, node.y * self.scale_)  # bigger boxes, more room
        self.setToolTip(node.tooltip)
        self.setZValue(2 if node.state == "current" else 1)
        hw = self._fit_width()
        resized = hw != self._hw
        if resized:
            self.prepareGeometryChange()
            self._hw = hw
        self.update()
        return resized

    def lines(self) -> tuple[str, str, str]:
        """The three lines the box shows: title, value and gradient."""
        n = self.node
        return (
            n.title,
            n.value_text or tr("value {value}").format(value=fmt(n.value)),
            n.grad_text or tr("grad {grad}").format(grad=fmt(n.grad)),
        )

    def half_width(self) -> float:
        """Half the box's width in scene units."""
        return self._hw

    def text_room(self) -> float:
        """How wide a line of text may be inside the box before it is elided."""
        return 2 * self._hw - 2 * PAD * self.scale_

    def _fit_width(self) -> float:
        """Half a box wide enough for its text (and any 4-digit value), within limits.

        Layer boxes start wider than op boxes; a box grows (up to ``GROW`` times) so a value
        is never cut, and only text longer than that ends in "…" (the tooltip has it all).
        Reserving room for the longest 4-digit value keeps a box from changing width mid-walk.
        """
        base = NODE_W * self.node.width * self.scale_
        reserve = tr("value {value}").format(value=LONGEST_VALUE)
        texts = [*self.lines(), reserve] if self.node.width == 1.0 else list(self.lines())
        need = max(
            QFontMetricsF(node_font(self.scale_, i == 0)).horizontalAdvance(t)
            for i, t in enumerate(texts)
        )
        return min(max(base, need + 2 * PAD * self.scale_), base * GROW) / 2

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
        _title, value, grad = self.lines()
        self._text(painter, rect.adjusted(0, 3 * s, 0, -NODE_H * s * 0.6), n.title, True)
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
        painter.setFont(node_font(self.scale_, bold))
        painter.setPen(colour or QColor(*INK))
        # Never spill out of the box: a long name or vector ends in "…" (the tooltip has it all).
        text = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(self.text_room()) + 1
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, text)


class EdgeItem(QGraphicsPathItem):
    """An input → op edge; on the backward walk it carries local × upstream."""

    def __init__(self, edge: EdgePicture, a: NodeItem, b: NodeItem, scale: float = 1.0) -> None:
        super().__init__()
        self.scale_ = scale
        self.a, self.b = a, b
        self.badge = QGraphicsRectItem(self)  # an opaque card behind the label: always legible
        self.badge.setBrush(QBrush(QColor(255, 255, 255, 235)))
        self.label = QGraphicsSimpleTextItem(self.badge)
        self.reroute()
        self.setZValue(0)
        self.update_edge(edge)

    def reroute(self) -> None:
        """Run from the right side of the input's box to the left side of the op's."""
        a, b = self.a, self.b
        start = QPointF(a.pos().x() + a.half_width(), a.pos().y())
        end = QPointF(b.pos().x() - b.half_width(), b.pos().y())
        path = QPainterPath(start)
        dx = (end.x() - start.x()) / 2
        path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
        self.setPath(path)
        self.mid = path.pointAtPercent(0.5)
        self._place_label()

    def update_edge(self, edge: EdgePicture) -> None:
        """Restyle for the current step; only its edges carry their chain-rule numbers.

        Every other edge keeps them in its tooltip, so labels never pile up on each other.
        """
        self.edge = edge
        colour = QColor(*HIGHLIGHT) if edge.active else QColor(150, 155, 165)
        self.setPen(QPen(colour, (3.0 if edge.active else 1.4) * self.scale_))
        text = ""
        if edge.active and edge.local is not None:
            text = tr("local {local}").format(local=fmt(edge.local))
            if edge.product is not None:
                text += f" → {fmt(edge.product)}"
        self.label.setText(text)
        self.badge.setVisible(bool(text))
        font = QFont()
        font.setPointSizeF(10.5 * self.scale_)
        font.setBold(True)
        self.label.setFont(font)
        self.label.setBrush(QBrush(colour.darker(120)))
        self.badge.setPen(QPen(colour, 1.0 * self.scale_))
        self._place_label()
        self.setZValue(2.5 if edge.active else 0)  # the current step's numbers on top
        self.setToolTip(edge.tooltip)

    def _place_label(self) -> None:
        """Centre the label's card over the middle of the curve, in the free band above the
        boxes' row (rows are 92 apart, boxes 66 tall), so it covers no node's title."""
        r = self.label.boundingRect()
        pad = 2 * self.scale_
        self.badge.setRect(0, 0, r.width() + 2 * pad, r.height() + 2 * pad)
        self.label.setPos(pad, pad)
        top = self.mid.y() - NODE_H * self.scale_ / 2 - r.height() - 2 * pad - 1
        self.badge.setPos(self.mid.x() - r.width() / 2 - pad, top)

"""The network view's QGraphicsView: fits the scene, reports hover and clicks on items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QLabel, QWidget

from app.views.network_items import BiasItem, EdgeItem, NodeItem
from nnviz.palette import INK

MAX_ZOOM = 1.8  # a tiny network should not blow up to fill a whole screen
Target = NodeItem | BiasItem | EdgeItem


def target_of(item: QGraphicsItem | None) -> Target | None:
    """The node, bias or edge an item belongs to (thumbnails and halos are children)."""
    while item is not None and not isinstance(item, (NodeItem, BiasItem, EdgeItem)):
        item = item.parentItem()
    return item


class NetworkCanvas(QGraphicsView):
    """Calls ``on_hover(target, pos)``, ``on_click(target, pos, shift)`` and ``on_fit()``."""

    def __init__(
        self,
        scene: QGraphicsScene,
        on_hover: Callable[[Target | None, QPoint], None],
        on_click: Callable[[Target, QPoint, bool], None],
        on_fit: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(scene, parent)
        self._on_hover, self._on_click, self._on_fit = on_hover, on_click, on_fit
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setMouseTracking(True)
        self.setBackgroundBrush(QBrush(QColor(255, 255, 255)))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.card = QLabel(self.viewport())
        self.card.setTextFormat(Qt.TextFormat.PlainText)
        self.card.setFrameShape(QFrame.Shape.Box)
        self.card.setMargin(5)
        self.card.setAutoFillBackground(True)
        palette = self.card.palette()  # a palette, not a style sheet: fonts still inherit
        palette.setColor(QPalette.ColorRole.ToolTipBase, QColor(255, 251, 230))
        palette.setColor(QPalette.ColorRole.ToolTipText, QColor(*INK))
        self.card.setPalette(palette)
        self.card.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.card.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.card.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.card.hide()

    def fit(self, core: QRectF, margins: tuple[float, float, float, float]) -> float:
        """Show all of ``core`` plus (left, top, right, bottom) pixels around it; return the zoom.

        The margins are in pixels because the labels there keep their size at any zoom.
        """
        vp = self.viewport().rect()
        left, top, right, bottom = margins
        sx = (vp.width() - left - right) / max(core.width(), 1.0)
        sy = (vp.height() - top - bottom) / max(core.height(), 1.0)
        s = min(max(min(sx, sy), 0.05), MAX_ZOOM)
        # Centre the whole picture (graph and labels) in the viewport.
        cx = core.left() + (core.width() * s + right - left) / (2 * s)
        cy = core.top() + (core.height() * s + bottom - top) / (2 * s)
        w, h = vp.width() / s, vp.height() / s
        self.setSceneRect(QRectF(cx - w / 2, cy - h / 2, w, h))
        self.setTransform(QTransform.fromScale(s, s))
        self.centerOn(cx, cy)
        return s

    def show_card(self, text: str, pos: QPoint) -> None:
        """Show (or refresh) the hover card next to ``pos`` without covering the pointer."""
        if self.card.text() != text:
            self.card.setText(text)
            self.card.adjustSize()
        vp = self.viewport()
        x = pos.x() + 16
        if x + self.card.width() > vp.width():
            x = max(pos.x() - 16 - self.card.width(), 0)
        y = pos.y() + 18
        if y + self.card.height() > vp.height():
            y = max(pos.y() - 12 - self.card.height(), 0)
        self.card.move(x, y)
        self.card.show()
        self.card.raise_()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        pos = event.position().toPoint()
        self._on_hover(target_of(self.itemAt(pos)), pos)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        target = target_of(self.itemAt(pos))
        if event.button() == Qt.MouseButton.LeftButton and target is not None:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._on_click(target, pos, shift)
            event.accept()
            return
        super().mousePressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:  # the pointer left the graph: nothing is hovered
            self._on_hover(None, QPoint())
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._on_fit()

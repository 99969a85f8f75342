"""The computation graph's canvas: fits the whole graph on open, then follows the walk."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

from app.views.graph_items import NodeItem

FIT_FLOOR = 0.4  # the whole graph is fitted down to this zoom (a lecture example always is)
READABLE = 0.7  # …a graph that needs less is shown at this zoom instead, and scrolled
LARGEST = 1.25  # a small graph is not blown up beyond this
MARGIN = 40  # scene pixels kept around the graph and around the current node


class GraphCanvas(QGraphicsView):
    """Pan by dragging, zoom with the wheel; clicks on nodes are reported.

    On a new graph (and on every resize until the user zooms) the whole graph is fitted to
    the view, as large as it reads well; a graph too big to fit at ``FIT_FLOOR`` (a traced
    network of dozens of ops) is shown at ``READABLE`` zoom instead. Each step scrolls just
    enough to keep the current node in view, never changing a zoom the user chose.
    """

    node_clicked = Signal(int)

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.user_zoomed = False
        self.current: QGraphicsItem | None = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.user_zoomed = True  # from now on the zoom is the user's
        self.scale(factor, factor)

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and not isinstance(item, NodeItem):
            item = item.parentItem()
        if isinstance(item, NodeItem) and event.button() == Qt.MouseButton.LeftButton:
            self.node_clicked.emit(item.node.id)
        super().mousePressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_zoomed:
            self.fit_all()

    def new_graph(self, rect: QRectF) -> None:
        """A different graph: forget the user's zoom and fit it all."""
        self.scene().setSceneRect(rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        self.user_zoomed = False
        self.current = None
        self.fit_all()

    def fit_all(self) -> None:
        """The whole graph in view, as large as reads well (see the class docstring)."""
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.width() < 2 or view.height() < 2:
            return
        zoom = min(view.width() / rect.width(), view.height() / rect.height(), LARGEST)
        zoom = zoom if zoom >= FIT_FLOOR else READABLE
        self.resetTransform()
        self.scale(zoom, zoom)
        self.centerOn(rect.center())
        self.follow(self.current)

    def follow(self, item: QGraphicsItem | None) -> None:
        """Scroll just enough that ``item`` (the current node) is in view."""
        self.current = item
        if item is not None:
            self.ensureVisible(item, MARGIN // 2, MARGIN // 2)

    def zoom(self) -> float:
        """The current zoom (1 = one scene pixel per screen pixel)."""
        return self.transform().m11()

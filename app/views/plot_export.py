"""Export a pyqtgraph scene as PNG or SVG (chosen by the file's extension)."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsScene


def export_scene(scene: QGraphicsScene, path: str, title: str = "nnviz") -> None:
    """Write the whole scene with pyqtgraph's exporters: ``.svg`` as SVG, anything else as PNG."""
    from pyqtgraph.exporters import ImageExporter, SVGExporter

    path = str(path)
    if not path.lower().endswith(".svg"):
        ImageExporter(scene).export(path)
        return
    try:
        SVGExporter(scene).export(path)
    except ValueError:
        # pyqtgraph 0.14 cannot parse the closing "Z" that Qt ≥ 6.10 writes into SVG paths
        # (pyqtgraph issue #3485); Qt's own SVG generator draws the same scene instead.
        render_svg(scene, path, title)


def render_svg(scene: QGraphicsScene, path: str, title: str = "nnviz") -> None:
    """Draw the scene into an SVG file with Qt's generator."""
    rect = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(rect.size().toSize())
    generator.setViewBox(rect)
    generator.setTitle(title)
    painter = QPainter(generator)
    scene.render(painter, rect, rect)
    painter.end()

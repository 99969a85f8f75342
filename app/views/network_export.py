"""Save the network graph's scene as an SVG picture (vectors, with the thumbnails embedded)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene

from app.i18n import tr


def export_svg(scene: QGraphicsScene, path: str) -> None:
    """Render every item of ``scene`` at scale 1 on white into ``path``; OSError on failure."""
    try:
        from PySide6.QtSvg import QSvgGenerator
    except ImportError as error:  # PySide6-Essentials built without QtSvg
        words = tr("SVG export needs PySide6's QtSvg module; save as .png instead")
        raise OSError(words) from error
    source = scene.itemsBoundingRect().adjusted(-16, -12, 16, 12)
    target = QRectF(0, 0, source.width(), source.height())
    gen = QSvgGenerator()
    gen.setFileName(path)
    gen.setSize(source.size().toSize())
    gen.setViewBox(target)
    gen.setTitle(tr("nnviz network"))
    painter = QPainter(gen)
    if not painter.isActive():
        raise OSError(tr("could not write {path}").format(path=path))
    painter.fillRect(target, Qt.GlobalColor.white)
    scene.render(painter, target, source)
    painter.end()

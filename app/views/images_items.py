"""Pictures for the image view: titled image panels and mosaics of k×k images (pure drawing)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import worded
from nnviz.palette import INK, hex_color, signed_image, symmetric_scale

Array = np.ndarray
GAP = 1  # pixels of white between the tiles of a mosaic


class ImagePanel(QWidget):
    """A title above one pyqtgraph view box holding an image (row 0 at the top), and a caption.

    ``title()`` and ``tip()`` word the title and the tooltip, again after a language switch.
    """

    def __init__(self, title: Callable[[], str], tip: Callable[[], str] | None = None) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.title = QLabel()
        worded(self.title, "setText", title)
        if tip is not None:
            worded(self, "setToolTip", tip)
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: {hex_color(INK)}; font-weight: bold;")
        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground("w")
        self.box = self.canvas.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.box.addItem(self.image)
        self.caption = QLabel(" ")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)

    def set_rgba(self, rgba: Array) -> None:
        """Show an (h, w, 4) uint8 picture and fit the view to it."""
        self.image.setImage(rgba, levels=(0, 255))
        self.box.setRange(xRange=(0, rgba.shape[1]), yRange=(0, rgba.shape[0]), padding=0.02)


def grey_rgba(images: Array) -> Array:
    """Ink on paper: 1 → dark, 0 → white, for (..., h, w) values in [0, 1]."""
    v = np.clip(np.asarray(images, dtype=float), 0.0, 1.0)
    g = np.round(255 * (1.0 - 0.85 * v)).astype(np.uint8)
    out = np.empty((*v.shape, 4), dtype=np.uint8)
    out[..., :3] = g[..., None]
    out[..., 3] = 255
    return out


def signed_rgba(images: Array) -> Array:
    """Blue +, orange −, each picture on its own symmetric scale (the palette's colours)."""
    return np.stack([signed_image(p, symmetric_scale(p)) for p in np.asarray(images, float)])


def mosaic(tiles: Array, cols: int, pitch_y: int | None = None) -> Array:
    """Tiles (n, k, k, 4) side by side in rows of ``cols``, white gaps, rows ``pitch_y`` apart."""
    n, k = tiles.shape[0], tiles.shape[1]
    rows = -(-n // cols)
    py = pitch_y or k + GAP
    out = np.full((rows * py, cols * (k + GAP), 4), 255, dtype=np.uint8)
    for i in range(n):
        r, c = divmod(i, cols)
        out[r * py : r * py + k, c * (k + GAP) : c * (k + GAP) + k] = tiles[i]
    return out


def tile_origin(i: int, cols: int, k: int, pitch_y: int) -> tuple[int, int]:
    """(x, y) of tile i's top-left corner in a mosaic's pixels."""
    r, c = divmod(i, cols)
    return c * (k + GAP), r * pitch_y


def tile_at(x: float, y: float, n: int, cols: int, k: int, pitch_y: int) -> int | None:
    """The tile under mosaic pixel (x, y), or None for a gap or outside."""
    if x < 0 or y < 0:
        return None
    c, r = int(x // (k + GAP)), int(y // pitch_y)
    inside = x - c * (k + GAP) < k and y - r * pitch_y < k + 3  # the caption counts too
    i = r * cols + c
    return i if c < cols and inside and i < n else None


def sample_grid(
    n: int, k: int, width_px: float, height_px: float, caption_px: float
) -> tuple[int, int, float]:
    """(columns, caption room in image pixels, tile size in screen pixels) for n k×k tiles.

    Each tile needs a caption ``caption_px`` screen pixels tall under it. With c columns and
    r = ⌈n / c⌉ rows, a tile of t screen pixels fits when c·t·(k + 1)/k ≤ width and
    r·(t + caption) ≤ height; the column count giving the largest t wins, and the caption's
    room is converted to image pixels (t / k screen pixels each). The mosaic is drawn that
    large only if the view box shows it at that scale, which it does when it is fitted.
    """
    caption = 1.5 * caption_px + 6  # the text item's own padding comes on top of the type
    best = (0.0, 6)
    for cols in (2, 3, 4, 6, 8, 12, 24):
        if cols > max(n, 1) and cols != 2:
            continue
        rows = -(-max(n, 1) // cols)
        t = min(width_px * k / (cols * (k + GAP)), height_px / rows - caption)
        best = max(best, (t, cols), key=lambda b: b[0])
    tile, cols = best
    room = math.ceil(caption * k / tile) if tile > 0 else 2 * k
    return cols, int(min(max(room, 2), 2 * k)), max(tile, 0.0)


def confusion_rgba(matrix: Array) -> Array:
    """Each row shaded by its share of that true digit: white 0 → blue all of them."""
    m = np.asarray(matrix, dtype=float)
    share = m / np.maximum(m.sum(axis=1, keepdims=True), 1.0)
    return signed_image(share, 1.0)


def text_item(font_px: int, colour=INK, anchor=(0.5, 0.5)) -> pg.TextItem:
    """A text label with a pixel-sized font."""
    item = pg.TextItem(color=colour, anchor=anchor)
    font = QFont()
    font.setPixelSize(font_px)
    item.setFont(font)
    return item

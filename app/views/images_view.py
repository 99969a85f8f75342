"""Digit images: samples with the network's answers, what each neuron looks for, and a nudge."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QKeySequence, QPen, QShortcut
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.views.images_items import (
    ImagePanel,
    confusion_rgba,
    grey_rgba,
    mosaic,
    signed_rgba,
    text_item,
    tile_at,
    tile_origin,
)
from app.views.knob_items import export_widget, font_px, set_px_font, set_px_fonts
from nnviz.palette import HIGHLIGHT, INK, ORANGE, hex_color

COLS = 6  # samples per row
CAPTION_ROOM = 6  # pixels under each sample for its caption


class ImagesView(QWidget):
    """Draws images, weights and counts handed to it; clicks and buttons leave as signals."""

    sample_clicked = Signal(int)  # position in the sample grid
    train_requested = Signal()
    nudge_requested = Signal(str)  # the ε box's text, for the controller to check
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presentation = False
        self.k, self.n = 12, 0
        self.captions: list[pg.TextItem] = []
        self.outlines: list[QGraphicsRectItem] = []
        self.digit_labels: list[pg.TextItem] = []
        self.selected: int | None = None
        self.caption_room = CAPTION_ROOM
        self._shown: tuple | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        top = QHBoxLayout()
        self.samples = ImagePanel(
            "test images and the network's answers (orange: wrong, true digit in brackets)"
        )
        self.weights = ImagePanel("what each hidden neuron looks for (blue +, orange −)")
        self.confusion = ImagePanel("confusion: true digit (rows) × answer (columns)")
        top.addWidget(self.samples, 4)
        top.addWidget(self.weights, 3)
        top.addWidget(self.confusion, 3)
        layout.addLayout(top, 5)
        layout.addLayout(self._build_attack(), 3)
        self.status = QLabel(" ")
        layout.addWidget(self.status)
        self.ring = QGraphicsRectItem()  # around the chosen sample
        pen = QPen(pg.mkColor(HIGHLIGHT), 4)
        pen.setCosmetic(True)
        self.ring.setPen(pen)
        self.ring.setZValue(10)
        self.ring.setVisible(False)
        self.samples.box.addItem(self.ring)
        self.samples.canvas.scene().sigMouseClicked.connect(self._on_samples_clicked)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_requested.emit)
        self.set_presentation(False)

    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.train_button = QPushButton("Train the network")
        self.train_button.setToolTip("Train the digit network (off the GUI thread)")
        self.train_button.clicked.connect(self.train_requested)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress = QLabel("not trained yet")
        row.addWidget(self.train_button)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.progress, 2)
        return row

    def _build_attack(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.before = ImagePanel("the chosen image")
        self.delta = ImagePanel("the nudge ×10 (blue +, orange −)")
        self.after = ImagePanel("after the nudge")
        controls = QVBoxLayout()
        eps_row = QHBoxLayout()
        eps_row.addWidget(QLabel("ε ="))
        self.eps_box = QLineEdit("0.06")
        self.eps_box.setAccessibleName("epsilon")
        self.eps_box.setToolTip("How far each pixel may move (0 … 0.5 of the ink range)")
        eps_row.addWidget(self.eps_box)
        self.nudge_button = QPushButton("Nudge against the gradient (ε)")
        self.nudge_button.setToolTip("Move every pixel by ε in the direction that raises the loss")
        self.nudge_button.clicked.connect(self._on_nudge_button_clicked)
        self.undo_button = QPushButton("Undo (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.setEnabled(False)
        self.explain = QLabel("Click a test image, then nudge it.")
        self.explain.setWordWrap(True)
        controls.addLayout(eps_row)
        controls.addWidget(self.nudge_button)
        controls.addWidget(self.undo_button)
        controls.addWidget(self.explain, 1)
        for panel in (self.before, self.delta, self.after):
            row.addWidget(panel, 1)
        row.addLayout(controls, 1)
        return row

    # ----- data in ---------------------------------------------------------------------------
    def show_samples(
        self, images: np.ndarray, truth: Sequence[int], guess: Sequence[int] | None
    ) -> None:
        """The sample grid with each answer under its image; wrong ones outlined in orange."""
        self._shown = (images, truth, guess)  # redrawn when presentation mode changes the pitch
        n, k = images.shape[0], images.shape[1]
        self.k, self.n = k, n
        pitch = k + self.caption_room
        self.samples.set_rgba(mosaic(grey_rgba(images), COLS, pitch))
        self._ensure_items(n)
        for i in range(n):
            x, y = tile_origin(i, COLS, k, pitch)
            wrong = guess is not None and guess[i] != truth[i]
            text = "?" if guess is None else f"{guess[i]}" + (f" ({truth[i]})" if wrong else "")
            self.captions[i].setText(text)
            self.captions[i].setColor(ORANGE if wrong else INK)
            self.captions[i].setPos(x + k / 2, y + k + 0.2)
            self.outlines[i].setRect(QRectF(x - 0.5, y - 0.5, k + 1, k + 1))
            self.outlines[i].setVisible(bool(wrong))
        self.show_selection(self.selected)

    def _ensure_items(self, n: int) -> None:
        while len(self.captions) < n:
            caption = text_item(font_px(self._presentation), anchor=(0.5, 0.0))
            outline = QGraphicsRectItem()
            pen = QPen(pg.mkColor(ORANGE), 3)
            pen.setCosmetic(True)
            outline.setPen(pen)
            self.samples.box.addItem(caption)
            self.samples.box.addItem(outline)
            self.captions.append(caption)
            self.outlines.append(outline)

    def show_selection(self, position: int | None) -> None:
        """Ring the chosen sample (None: no ring)."""
        self.selected = position
        self.ring.setVisible(position is not None and position < self.n)
        if position is not None:
            x, y = tile_origin(position, COLS, self.k, self.k + self.caption_room)
            self.ring.setRect(QRectF(x - 1, y - 1, self.k + 2, self.k + 2))

    def show_weights(self, pictures: np.ndarray) -> None:
        """Each hidden neuron's first-layer weights as a k×k picture, in a square-ish grid."""
        cols = int(np.ceil(np.sqrt(len(pictures))))
        self.weights.set_rgba(mosaic(signed_rgba(pictures), cols))

    def show_confusion(self, matrix: np.ndarray) -> None:
        """The 10×10 counts, each cell shaded by its share of the row and labelled."""
        m = np.asarray(matrix)
        self.confusion.set_rgba(confusion_rgba(m))
        while len(self.digit_labels) < m.size:
            item = text_item(20 if self._presentation else font_px(False) - 3)
            self.confusion.box.addItem(item)
            self.digit_labels.append(item)
        for idx, item in enumerate(self.digit_labels[: m.size]):
            t, p = divmod(idx, m.shape[1])
            item.setText(str(int(m[t, p])) if m[t, p] else "")
            item.setColor("w" if m[t, p] > 0.6 * max(1, m[t].sum()) else INK)
            item.setPos(p + 0.5, t + 0.5)
        total = max(1, int(m.sum()))
        self.confusion.caption.setText(f"{int(np.trace(m))} of {total} test images right")

    def show_progress(self, epoch: int, epochs: int, train_acc: float, test_acc: float) -> None:
        """Epochs done and the accuracies now."""
        self.progress_bar.setRange(0, max(1, epochs))
        self.progress_bar.setValue(epoch)
        accuracies = f"train {100 * train_acc:.1f} % · test {100 * test_acc:.1f} %"
        self.progress.setText(f"epoch {epoch} / {epochs} · {accuracies}")

    def set_training(self, on: bool) -> None:
        """The Train button waits while a run is going."""
        self.train_button.setEnabled(not on)
        self.train_button.setText("Training…" if on else "Train again")

    def show_attack(self, before, delta, after, before_text: str, after_text: str) -> None:
        """Original, the change ×10 in colour, and the changed image, with the answers."""
        self.before.set_rgba(grey_rgba(before))
        self.delta.set_rgba(signed_rgba(np.clip(10 * delta, -1, 1)[None])[0])
        self.after.set_rgba(grey_rgba(after))
        self.before.caption.setText(before_text)
        self.after.caption.setText(after_text)

    def set_undo_enabled(self, on: bool) -> None:
        """Undo is there only while there is a nudge to take back."""
        self.undo_button.setEnabled(on)

    def show_message(self, text: str, error: bool = True) -> None:
        """One line under the panels (red for a refusal)."""
        self.status.setStyleSheet(f"color: {hex_color(HIGHLIGHT if error else INK)};")
        self.status.setText(text)

    # ----- user actions ----------------------------------------------------------------------
    def _on_samples_clicked(self, event) -> None:  # noqa: ANN001 - pyqtgraph's click event
        pos = self.samples.box.mapSceneToView(event.scenePos())
        i = tile_at(pos.x(), pos.y(), self.n, COLS, self.k, self.k + self.caption_room)
        if i is not None:
            self.sample_clicked.emit(i)

    def _on_nudge_button_clicked(self) -> None:
        self.nudge_requested.emit(self.eps_box.text())

    def sample_centre(self, position: int):
        """Widget coordinates of a sample's centre (for tests and the lesson's pointer)."""
        x, y = tile_origin(position, COLS, self.k, self.k + self.caption_room)
        scene = self.samples.box.mapViewToScene(pg.Point(x + self.k / 2, y + self.k / 2))
        return self.samples.canvas.mapFromScene(scene)

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Type at least 20 px tall, thicker outlines."""
        self._presentation = on
        px = font_px(on)
        set_px_fonts(self, px)
        for panel in (self.samples, self.weights, self.confusion):
            set_px_font(panel.title, px, bold=True)
        for item in (*self.captions, *self.digit_labels):
            font = item.textItem.font()
            font.setPixelSize(px if item in self.captions else (20 if on else px - 3))
            item.setFont(font)
        self.eps_box.setFixedWidth(px * 4)
        for panel in (self.before, self.delta, self.after):
            panel.canvas.setMaximumHeight(px * (6 if on else 10))  # the top row needs it more
        self.caption_room = 10 if on else CAPTION_ROOM
        if self._shown is not None:
            self.show_samples(*self._shown)

    def export_image(self, path: str) -> None:
        """PNG (a grab) or SVG of the whole view, by the file's extension."""
        export_widget(self, path, "nnviz digit images")

"""Digit images: samples with the network's answers, what each neuron looks for, and a nudge."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QPen, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.images_items import (
    ImagePanel,
    confusion_rgba,
    grey_rgba,
    mosaic,
    sample_grid,
    signed_rgba,
    text_item,
    tile_at,
    tile_origin,
)
from app.views.knob_items import export_widget, font_px, set_px_font, set_px_fonts
from nnviz.palette import HIGHLIGHT, INK, ORANGE, hex_color

MIN_LABEL_PX = 9  # a confusion count smaller than this would be unreadable: the shade says it


class ImagesView(QWidget):
    """Draws images, weights and counts handed to it; clicks and buttons leave as signals."""

    sample_clicked = Signal(int)  # position in the sample grid
    train_requested = Signal()
    cancel_requested = Signal()
    nudge_requested = Signal(str)  # the ε box's text, for the controller to check
    undo_requested = Signal()
    shown_changed = Signal(bool)  # on screen or not (the network graph follows it)
    reworded = Signal()  # the language changed: whoever said something here says it again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presentation = False
        self._training = False
        self.k, self.n, self.cols = 12, 0, 6
        self.captions: list[pg.TextItem] = []
        self.outlines: list[QGraphicsRectItem] = []
        self.digit_labels: list[pg.TextItem] = []
        self.selected: int | None = None
        self.caption_room = 6  # image pixels under each sample for its caption
        self.long_captions = True  # a wrong answer's caption names the true digit too
        self._shown: tuple | None = None
        self._matrix: np.ndarray | None = None
        self._progress: tuple[int, int, float, float] | None = None  # what show_progress got
        self._dock: QDockWidget | None = None  # the dock holding the view, once it is shown
        self._on_screen = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        self.samples = ImagePanel(lambda: tr("Test images: the network's answers"), lambda: tr(
            "Under each image: the network's answer. Orange: wrong (the true digit in "
            "brackets). Click an image to trace it through the network graph."))  # fmt: skip
        self.weights = ImagePanel(lambda: tr("What each neuron looks for"), lambda: tr(
            "Each hidden neuron's weights as a picture: blue where ink makes it fire, orange "
            "where ink switches it off."))  # fmt: skip
        self.confusion = ImagePanel(lambda: tr("Right and wrong"), lambda: tr(
            "Rows: the true digit; columns: the network's answer. The diagonal is "
            "right."))  # fmt: skip
        # Beside the samples: what the network learned, or (once an image is nudged) the nudge.
        learned = QWidget()
        row = QHBoxLayout(learned)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.weights, 1)
        row.addWidget(self.confusion, 1)
        self.side = QStackedWidget()
        self.side.addWidget(learned)
        self.side.addWidget(self._build_attack())
        panels = QHBoxLayout()
        panels.addWidget(self.samples, 1)
        panels.addWidget(self.side, 2)
        layout.addLayout(panels, 1)
        layout.addLayout(self._build_nudge())
        self.ring = QGraphicsRectItem()  # around the chosen sample
        pen = QPen(pg.mkColor(HIGHLIGHT), 4)
        pen.setCosmetic(True)
        self.ring.setPen(pen)
        self.ring.setZValue(10)
        self.ring.setVisible(False)
        self.samples.box.addItem(self.ring)
        self.samples.canvas.scene().sigMouseClicked.connect(self._on_samples_clicked)
        self.samples.box.sigResized.connect(self._arrange)
        self.confusion.box.sigResized.connect(self._label_confusion)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_requested.emit)
        self.set_presentation(False)
        self.clear_attack()

    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.train_button = QPushButton()
        worded(self.train_button, "setToolTip",
               lambda: tr("Train the digit network (in the training process)"))  # fmt: skip
        self.train_button.clicked.connect(self._on_train_clicked)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(False)
        self.progress = QLabel()
        worded(self.progress, "setText", lambda: tr("not trained yet"))
        row.addWidget(self.train_button)
        row.addWidget(self.progress_bar, 1)
        row.addWidget(self.progress, 3)
        self.set_training(False)
        return row

    def _build_attack(self) -> QWidget:
        attack = QWidget()
        row = QHBoxLayout(attack)
        row.setContentsMargins(0, 0, 0, 0)
        self.before = ImagePanel(lambda: tr("The chosen image"))
        self.delta = ImagePanel(lambda: tr("The nudge ×10"), lambda: tr(
            "Blue: pixels made darker, orange: lighter; ten times stronger than the real change "
            "so that you can see it."))  # fmt: skip
        self.after = ImagePanel(lambda: tr("After the nudge"))
        for panel in (self.before, self.delta, self.after):
            row.addWidget(panel, 1)
        return attack

    def _build_nudge(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("ε ="))
        self.eps_box = QLineEdit("0.06")
        self.eps_box.setAccessibleName("epsilon")
        worded(self.eps_box, "setToolTip",
               lambda: tr("How far each pixel may move (0 … 0.5 of the ink range)"))  # fmt: skip
        self.nudge_button = QPushButton()
        worded(self.nudge_button, "setText", lambda: tr("Nudge"))
        worded(self.nudge_button, "setToolTip", lambda: tr(
            "Move every pixel by ε in the direction that raises the loss"))  # fmt: skip
        self.nudge_button.clicked.connect(self._on_nudge_button_clicked)
        self.undo_button = QPushButton()
        worded(self.undo_button, "setText", lambda: tr("Undo"))
        worded(self.undo_button, "setToolTip", lambda: tr("Put the image back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo_requested)
        self.undo_button.setEnabled(False)
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        for widget in (self.eps_box, self.nudge_button, self.undo_button):
            row.addWidget(widget)
        row.addWidget(self.status, 1)
        return row

    # ----- data in ---------------------------------------------------------------------------
    def show_samples(
        self, images: np.ndarray, truth: Sequence[int], guess: Sequence[int] | None
    ) -> None:
        """The sample grid with each answer under its image; wrong ones outlined in orange."""
        self._shown = (images, truth, guess)  # redrawn when the room or the type changes
        n, k = images.shape[0], images.shape[1]
        self.k, self.n = k, n
        self._fit_grid()
        pitch = k + self.caption_room
        self.samples.set_rgba(mosaic(grey_rgba(images), self.cols, pitch))
        self._ensure_items(n)
        for i in range(n):
            x, y = tile_origin(i, self.cols, k, pitch)
            wrong = guess is not None and guess[i] != truth[i]
            text = "?" if guess is None else f"{guess[i]}"
            if wrong and self.long_captions:
                text += f" ({truth[i]})"
            self.captions[i].setText(text)
            self.captions[i].setColor(ORANGE if wrong else INK)
            self.captions[i].setPos(x + k / 2, y + k + 0.2)
            self.outlines[i].setRect(QRectF(x - 0.5, y - 0.5, k + 1, k + 1))
            self.outlines[i].setVisible(bool(wrong))
        self.show_selection(self.selected)

    def _fit_grid(self) -> bool:
        """Columns and caption room for the box's size now; True if they changed."""
        size = self.samples.box.size()  # in the canvas's pixels
        w, h = size.width(), size.height()
        if w < 10 or h < 10:
            return False
        cols, room, tile = sample_grid(max(self.n, 1), self.k, w, h, font_px(self._presentation))
        # "6 (1)" needs about 2.6 type heights of width; narrower tiles say just "6" in orange.
        long = tile * (self.k + 1) / self.k >= 2.6 * font_px(self._presentation)
        changed = (cols, room, long) != (self.cols, self.caption_room, self.long_captions)
        self.cols, self.caption_room, self.long_captions = cols, room, long
        return changed

    def _arrange(self) -> None:
        if self._shown is not None and self._fit_grid():
            self.show_samples(*self._shown)

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
            x, y = tile_origin(position, self.cols, self.k, self.k + self.caption_room)
            self.ring.setRect(QRectF(x - 1, y - 1, self.k + 2, self.k + 2))

    def show_weights(self, pictures: np.ndarray) -> None:
        """Each hidden neuron's first-layer weights as a k×k picture, in a square-ish grid."""
        cols = int(np.ceil(np.sqrt(len(pictures))))
        self.weights.set_rgba(mosaic(signed_rgba(pictures), cols))

    def show_confusion(self, matrix: np.ndarray) -> None:
        """The 10×10 counts, each cell shaded by its share of the row and labelled."""
        m = np.asarray(matrix)
        self._matrix = m
        self.confusion.set_rgba(confusion_rgba(m))
        while len(self.digit_labels) < m.size:
            item = text_item(font_px(False) - 3)
            self.confusion.box.addItem(item)
            self.digit_labels.append(item)
        for idx, item in enumerate(self.digit_labels[: m.size]):
            t, p = divmod(idx, m.shape[1])
            item.setText(str(int(m[t, p])) if m[t, p] else "")
            item.setColor("w" if m[t, p] > 0.6 * max(1, m[t].sum()) else INK)
            item.setPos(p + 0.5, t + 0.5)
        self._caption_confusion()
        self._label_confusion()

    def _caption_confusion(self) -> None:
        m = self._matrix
        total = max(1, int(m.sum()))
        self.confusion.caption.setText(tr("{right} of {total} test images right").format(
            right=int(np.trace(m)), total=total))  # fmt: skip

    def _label_confusion(self) -> None:
        """Counts as large as a cell allows; none at all when a cell is too small to read."""
        if self._matrix is None:
            return
        size = self.confusion.box.size()
        cell = min(size.width(), size.height()) / max(self._matrix.shape)
        px = int(min(0.55 * cell, font_px(self._presentation) - 2))
        for item in self.digit_labels:
            item.setVisible(px >= MIN_LABEL_PX)
            if px >= MIN_LABEL_PX and item.textItem.font().pixelSize() != px:
                font = item.textItem.font()
                font.setPixelSize(px)
                item.setFont(font)

    def show_progress(self, epoch: int, epochs: int, train_acc: float, test_acc: float) -> None:
        """Epochs done and the accuracies now."""
        self._progress = (epoch, epochs, train_acc, test_acc)
        self.progress_bar.setRange(0, max(1, epochs))
        self.progress_bar.setValue(epoch)
        self.progress.setText(tr("epoch {epoch} / {epochs} · train {train} % · test {test} %")
                              .format(epoch=epoch, epochs=epochs, train=f"{100 * train_acc:.1f}",
                                      test=f"{100 * test_acc:.1f}"))  # fmt: skip

    def set_training(self, on: bool) -> None:
        """While a run goes, the button stops it; afterwards it trains again."""
        self._training = on
        self.train_button.setText(tr("Stop") if on else tr("Train the network"))
        self.progress_bar.setVisible(on)  # afterwards the numbers beside it say it all

    def reword(self) -> None:
        """A language switch: the words drawn from numbers again, then ``reworded`` for the rest."""
        self.set_training(self._training)
        if self._progress is not None:
            self.show_progress(*self._progress)
        if self._matrix is not None:
            self._caption_confusion()
        self.reworded.emit()

    def show_attack(self, before, delta, after, before_text: str, after_text: str) -> None:
        """Original, the change ×10 in colour, and the changed image, beside the samples."""
        self.side.setCurrentIndex(1)
        self.before.set_rgba(grey_rgba(before))
        self.delta.set_rgba(signed_rgba(np.clip(10 * delta, -1, 1)[None])[0])
        self.after.set_rgba(grey_rgba(after))
        self.set_attack_captions(before_text, after_text)

    def set_attack_captions(self, before_text: str, after_text: str) -> None:
        """What the network says under the chosen image and under the nudged one."""
        self.before.caption.setText(before_text)
        self.after.caption.setText(after_text)

    def clear_attack(self) -> None:
        """No nudge to show: what the network learned goes back beside the samples."""
        self.side.setCurrentIndex(0)

    def attack_shown(self) -> bool:
        """True while the nudge (not the weights and counts) is beside the samples."""
        return self.side.currentIndex() == 1

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
        i = tile_at(pos.x(), pos.y(), self.n, self.cols, self.k, self.k + self.caption_room)
        if i is not None:
            self.sample_clicked.emit(i)

    def _on_train_clicked(self) -> None:
        (self.cancel_requested if self._training else self.train_requested).emit()

    def _on_nudge_button_clicked(self) -> None:
        self.nudge_requested.emit(self.eps_box.text())

    def sample_centre(self, position: int):
        """Widget coordinates of a sample's centre (for tests and the lesson's pointer)."""
        x, y = tile_origin(position, self.cols, self.k, self.k + self.caption_room)
        scene = self.samples.box.mapViewToScene(pg.Point(x + self.k / 2, y + self.k / 2))
        return self.samples.canvas.mapFromScene(scene)

    def sizeHint(self) -> QSize:
        """Wide: beside the network graph on the Images stage this view wants most of the room."""
        return QSize(980, 560)

    # ----- on screen or not ------------------------------------------------------------------
    # A dock behind another dock's tab is moved off screen, not hidden: its visibilityChanged
    # says so. Shown on a stage, the view is in no dock and its own show and hide events tell.
    def on_screen(self) -> bool:
        """True while the view can be seen (shown, and its dock's tab in front)."""
        return self._on_screen

    def _set_on_screen(self, on: bool) -> None:
        if on != self._on_screen:
            self._on_screen = on
            self.shown_changed.emit(on)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QDockWidget):
            parent = parent.parentWidget()
        if parent is not None and parent is not self._dock:
            self._dock = parent
            parent.visibilityChanged.connect(self._on_dock_visibility)
        self._set_on_screen(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._set_on_screen(False)

    def _on_dock_visibility(self, visible: bool) -> None:
        if self._dock is not None and self._dock.isAncestorOf(self):
            self._set_on_screen(visible and self.isVisible())

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Type at least 20 px tall, thicker outlines; captions get the room they need."""
        self._presentation = on
        px = font_px(on)
        set_px_fonts(self, px)
        for panel in (self.samples, self.weights, self.confusion, self.before, self.delta,
                      self.after):  # fmt: skip
            set_px_font(panel.title, px, bold=True)  # titles as large as the text: one line
        for item in self.captions:
            font = item.textItem.font()
            font.setPixelSize(px)
            item.setFont(font)
        self.eps_box.setFixedWidth(px * 4)
        if self._shown is not None:
            self._fit_grid()
            self.show_samples(*self._shown)
        self._label_confusion()

    def export_image(self, path: str) -> None:
        """PNG (a grab) or SVG of the whole view, by the file's extension."""
        export_widget(self, path, "nnviz digit images")

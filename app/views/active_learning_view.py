"""Active learning by hand: click a ringed point to reveal its label; L and Backspace for keys."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.i18n import reworded, tr, worded
from app.views.active_learning_items import (
    ACTIVE_COLOR,
    POOL_GREY,
    RANDOM_COLOR,
    Curves,
    Plane,
    PlaneState,
)
from app.views.knob_items import export_widget, font_px, set_px_fonts
from nnviz.palette import CLASS_COLORS, HIGHLIGHT, INK, hex_color


class ActiveLearningView(QWidget):
    """The plane and the curves, three buttons and one message line. It only draws and reports:

    ``point_clicked(index or None)`` (None: no point there), ``label_next_requested()``,
    ``undo_requested()``, ``restart_requested()``.
    """

    point_clicked = Signal(object)
    label_next_requested = Signal()
    undo_requested = Signal()
    restart_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.presenting = False
        self.next_button = QPushButton()
        worded(self.next_button, "setText", lambda: tr("Label the least sure (L)"))
        worded(
            self.next_button,
            "setToolTip",
            lambda: tr("Reveal the label of the point the model is least sure of (red ring)"),
        )
        self.undo_button = QPushButton()
        worded(self.undo_button, "setText", lambda: tr("Undo (Backspace)"))
        worded(self.undo_button, "setToolTip", lambda: tr("Take the last label back"))
        self.restart_button = QPushButton()
        worded(self.restart_button, "setText", lambda: tr("Start over"))
        worded(self.restart_button, "setToolTip",
               lambda: tr("The same data from the first labels again"))  # fmt: skip
        self.next_button.clicked.connect(self.label_next_requested)
        self.undo_button.clicked.connect(self.undo_requested)
        self.restart_button.clicked.connect(self.restart_requested)
        for button in (self.next_button, self.undo_button, self.restart_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the view
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.next_button, self.undo_button, self.restart_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._fix_message_height()
        self.plane = Plane()
        self.plane.scene().sigMouseClicked.connect(self._on_click)
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.curves = Curves()
        self.curves_key = QLabel()
        self.curves_key.setWordWrap(True)
        worded(self.curves_key, "setText", self._curves_key_text)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.plane, 1)
        left_layout.addWidget(self.key)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.curves, 1)
        right_layout.addWidget(self.curves_key)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (("L", self.label_next_requested.emit),
                           ("Backspace", self.undo_requested.emit)):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(context)
        worded(self.key, "setText", self._key_text)
        reworded(self.curves, Curves.reword)

    def _key_text(self) -> str:
        """The key under the plane, in the current language."""
        dot = "<span style='white-space:nowrap'><span style='color:{c}'>●</span>&nbsp;"
        ring = "<span style='white-space:nowrap'><span style='color:{c}'>◯</span>&nbsp;"
        return " &nbsp; ".join(
            [
                dot.format(c=hex_color(CLASS_COLORS[0])) + tr("class 1") + "</span>",
                dot.format(c=hex_color(CLASS_COLORS[1])) + tr("class 2") + "</span>",
                dot.format(c=hex_color(POOL_GREY)) + tr("no label yet") + "</span>",
                ring.format(c=hex_color(INK)) + tr("least sure") + "</span>",
                ring.format(c=hex_color(HIGHLIGHT)) + tr("next for L") + "</span>",
            ]
        )

    def _curves_key_text(self) -> str:
        """The curves' key under them, in the current language."""
        line = (
            "<span style='white-space:nowrap'><span style='color:{c}'>{mark}</span>&nbsp;{t}</span>"
        )
        return " &nbsp; ".join(
            [
                line.format(c=hex_color(ACTIVE_COLOR), mark="━●━", t=tr("you: least sure first")),
                line.format(c=hex_color(RANDOM_COLOR), mark="╍╍╍", t=tr("at random, same seed")),
            ]
        )

    # ----- filled by the controller ----------------------------------------------------------
    def show_state(self, state: PlaneState, active, random, start: int, budget: int) -> None:
        """The plane and both curves."""
        self.plane.show_state(state)
        self.curves.show_curves(active, random, start, budget)

    def show_random(self, random, active, start: int, budget: int) -> None:
        """Only the curves (the random one grew)."""
        self.curves.show_curves(active, random, start, budget)

    def set_enabled(self, can_label: bool, can_undo: bool) -> None:
        """Grey out what cannot be done now."""
        self.next_button.setEnabled(can_label)
        self.undo_button.setEnabled(can_undo)

    def show_message(self, text: str, error: bool = False) -> None:
        """One line above the plane (in the highlight colour when a request was refused)."""
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {hex_color(HIGHLIGHT)};" if error else "")

    # ----- look and export -------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Large type, points and lines for a lecture room."""
        self.presenting = on
        px = font_px(on)
        for widget in (self.next_button, self.undo_button, self.restart_button, self.message,
                       self.key, self.curves_key):  # fmt: skip
            set_px_fonts(widget, px)
        self._fix_message_height()
        self.plane.set_presentation(on, px)
        self.curves.set_presentation(on, px)

    def _fix_message_height(self) -> None:
        """Room for two lines, always: a message that wraps differently from the last one must
        not resize the plane below it (a relayout costs more than the whole label)."""
        self.message.setFixedHeight(2 * self.message.fontMetrics().lineSpacing() + 4)

    def export_image(self, path: str) -> None:
        """The plane and the curves as one picture."""
        export_widget(self, path, "nnviz: active learning")

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus()  # from now on L and Backspace label and undo
        box = self.plane.getViewBox()
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return  # on an axis, not on the plane
        self.point_clicked.emit(self.plane.point_at(event.scenePos()))

"""The fruit perceptron: a table of yes/no features, a knob per weight and b, a lamp per row."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.knob_items import KnobControl, export_widget, font_px, set_px_font, set_px_fonts
from app.views.table_items import ExampleGrid, data_word
from app.views.widgets import blocked, combo, select_data
from nnviz.palette import HIGHLIGHT, INK, hex_color

KNOB_RANGE, KNOB_STEP = 5.0, 0.1
THRESHOLD = "b"
TABLES = ("fruit", "weather")
LABELS = ""  # the target meaning "the table's own labels" (weather: rain)


class TableView(QWidget):
    """Draws a feature table, its knobs and lamps; every user action leaves as a signal."""

    knob_changed = Signal(str, float)  # a feature's name (or "b" for the threshold), its value
    preset_requested = Signal(str)  # a detector's name
    train_requested = Signal(str)  # the row to detect (or "" for the table's own labels)
    table_requested = Signal(str)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.knobs: dict[str, KnobControl] = {}
        self._title = ""
        self.preset_buttons: dict[str, QPushButton] = {}
        self._presentation = False
        self._build()
        self.message.connect(self.show_message)
        self.set_presentation(False)

    # ----- construction ----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel()
        self.table_box = combo([(data_word(name), name) for name in TABLES])
        worded(self.table_box, "setToolTip", lambda: tr("Choose the table of examples"))
        self.table_box.setAccessibleName("table")
        self.table_box.currentIndexChanged.connect(self._on_table_box_changed)
        top.addWidget(self.title, 1)
        top.addWidget(_label(lambda: tr("table:")))
        top.addWidget(self.table_box)
        layout.addLayout(top)
        self.rule = QLabel()
        worded(
            self.rule,
            "setText",
            lambda: tr(
                "A lamp lights when Σ w·x − b > 0: each feature x (0 or 1) times its weight w, "
                "minus b."
            ),
        )
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        middle = QHBoxLayout()
        self.grid = ExampleGrid()
        middle.addWidget(self.grid, 3)
        self.knob_group = QGroupBox()
        worded(self.knob_group, "setTitle", lambda: tr("knobs: weights w, threshold b"))
        self.knob_layout = QVBoxLayout(self.knob_group)
        middle.addWidget(self.knob_group, 2)
        layout.addLayout(middle, 1)
        layout.addLayout(self._build_actions())
        self.status = QLabel(" ")
        self.status.setWordWrap(True)
        self.status.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.status)

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.preset_row = QHBoxLayout()
        row.addWidget(_label(lambda: tr("detectors:")))
        row.addLayout(self.preset_row)
        row.addStretch(1)
        row.addWidget(_label(lambda: tr("target:")))
        self.target_box = QComboBox()
        self.target_box.setAccessibleName("target")
        worded(
            self.target_box,
            "setToolTip",
            lambda: tr("Which example the trained perceptron should light up for"),
        )
        row.addWidget(self.target_box)
        self.train_button = QPushButton()
        worded(self.train_button, "setText", lambda: tr("Train from labels"))
        worded(
            self.train_button,
            "setToolTip",
            lambda: tr("Learn the knobs with the perceptron rule (w ← w ± x)"),
        )
        self.train_button.clicked.connect(self._on_train_button_clicked)
        row.addWidget(self.train_button)
        return row

    # ----- data in ---------------------------------------------------------------------------
    def show_table(
        self,
        name: str,
        title: str,
        rows: Sequence[str],
        features: Sequence[str],
        X,
        presets: Sequence[str],
        targets: Sequence[str],
    ) -> None:
        """A new table: its grid, one knob per feature plus b, its presets and targets.

        ``targets`` are the rows a perceptron can be trained to light up for, ``LABELS``
        (the table's own labels) among them; the view words them.
        """
        select_data(self.table_box, name)
        self._title = title
        self.title.setText(data_word(title))
        self.grid.show_table(rows, features, X)
        self._rebuild_knobs(features)
        self._rebuild_presets(presets)
        with blocked(self.target_box):
            self.target_box.clear()
            for value in targets:
                self.target_box.addItem(_target_words(value), value)
        self.set_presentation(self._presentation)

    def _rebuild_knobs(self, features: Sequence[str]) -> None:
        for knob in self.knobs.values():
            self.knob_layout.removeWidget(knob)
            knob.deleteLater()
        self.knobs = {}
        for name in [*features, THRESHOLD]:
            knob = KnobControl(name, -KNOB_RANGE, KNOB_RANGE, KNOB_STEP)
            worded(knob, "set_name", lambda n=name: _knob_words(n))
            knob.value_changed.connect(lambda v, n=name: self.knob_changed.emit(n, v))
            knob.message.connect(self.message)
            self.knob_layout.addWidget(knob)
            self.knobs[name] = knob

    def _rebuild_presets(self, presets: Sequence[str]) -> None:
        for button in self.preset_buttons.values():
            self.preset_row.removeWidget(button)
            button.deleteLater()
        self.preset_buttons = {}
        for name in presets:
            button = QPushButton()
            worded(button, "setText", lambda n=name: data_word(n))
            worded(
                button,
                "setToolTip",
                lambda n=name: tr("Set the knobs of the lesson's {name} detector").format(
                    name=data_word(n)
                ),
            )
            button.clicked.connect(lambda _=False, n=name: self.preset_requested.emit(n))
            self.preset_row.addWidget(button)
            self.preset_buttons[name] = button

    def show_knobs(self, weights: Mapping[str, float], threshold: float) -> None:
        """Turn the knobs to these values (no signals go out)."""
        for name, value in weights.items():
            if name in self.knobs:
                self.knobs[name].set_value(value)
        self.knobs[THRESHOLD].set_value(threshold)

    def show_scores(self, scores: Sequence[float], lamps: Sequence[int]) -> None:
        """Every row's Σ w·x − b and whether its lamp is lit."""
        self.grid.show_scores(scores, lamps)

    def show_weights_row(self, weights: Sequence[float], threshold: float) -> None:
        """The knobs again as a row under the table, each under its feature."""
        self.grid.show_weights(weights, threshold)

    def show_message(self, text: str, error: bool = True) -> None:
        """One line under the table (red for a refusal)."""
        colour = HIGHLIGHT if error else INK
        self.status.setStyleSheet(f"color: {hex_color(colour)};")
        self.status.setText(text)

    def lamps(self) -> list[int]:
        """The lamps as drawn: 1 lit, 0 off (for tests and the lesson player)."""
        return [int(lamp.lit) for lamp in self.grid.lamps]

    # ----- language --------------------------------------------------------------------------
    def reword(self) -> None:
        """The table's title and the target menu in the current language."""
        self.title.setText(data_word(self._title))
        for i in range(self.table_box.count()):
            self.table_box.setItemText(i, data_word(str(self.table_box.itemData(i))))
        for i in range(self.target_box.count()):
            self.target_box.setItemText(i, _target_words(self.target_box.itemData(i)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.reword()
        super().changeEvent(event)

    # ----- user actions ----------------------------------------------------------------------
    def _on_table_box_changed(self, index: int) -> None:
        self.table_requested.emit(str(self.table_box.itemData(index)))

    def _on_train_button_clicked(self) -> None:
        self.train_requested.emit(str(self.target_box.currentData() or ""))

    # ----- presentation and export -----------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Type at least 20 px tall, bigger lamps and knobs, for the back of a room."""
        self._presentation = on
        px = font_px(on)
        set_px_fonts(self, px)
        self.grid.set_px(px)
        set_px_font(self.title, font_px(on, title=True), bold=True)
        for knob in self.knobs.values():
            knob.set_box_width(int(px * 3.2))
            knob.label.setFixedWidth(int(px * 6.5))  # the sliders line up
            knob.slider.setMinimumSize(int(px * 4), int(px * 1.6))

    def export_image(self, path: str) -> None:
        """PNG (a grab) or SVG (by the file's extension) of the whole view."""
        export_widget(self, path, tr("nnviz feature table"))

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt override
        # Digits 1–9 pick a preset detector, for a lecturer at the keyboard.
        names = list(self.preset_buttons)
        index = event.key() - Qt.Key.Key_1
        if 0 <= index < len(names) and not isinstance(self.focusWidget(), QComboBox):
            self.preset_requested.emit(names[index])
            return
        super().keyPressEvent(event)


def _label(words) -> QLabel:
    """A label whose text ``words()`` makes, again on a language switch."""
    label = QLabel()
    worded(label, "setText", words)
    return label


def _target_words(value: str) -> str:
    """A training target as the menu shows it: a row's name, or the table's own labels."""
    return tr("the table's labels") if value == LABELS else data_word(value)


def _knob_words(name: str) -> str:
    """A knob's label: 'w big' for a feature's weight, 'threshold b' for the threshold."""
    if name == THRESHOLD:
        return tr("threshold b")
    return tr("w {feature}").format(feature=data_word(name))

"""Data controls: presets, noise, train/test ratio, regenerate, clear, class and tool."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr, worded
from app.views.flow_layout import FlowLayout
from app.views.widgets import blocked, combo, select_data, worded_label
from nnviz.palette import CLASS_COLORS, hex_color

TOOLS = [
    (
        QT_TR_NOOP("Add"),
        "add",
        QT_TR_NOOP("Click adds a point; drag moves one; right-click deletes"),
    ),
    (QT_TR_NOOP("Brush"), "brush", QT_TR_NOOP("Drag to paint many points of the current class")),
    (
        QT_TR_NOOP("Trace"),
        "trace",
        QT_TR_NOOP("Click a point (or an empty spot) to trace it through the network"),
    ),
]


class DataControlsView(QGroupBox):
    """Pick and tweak the data; every request leaves as a signal carrying plain values."""

    preset_requested = Signal(str)
    dataset_requested = Signal(dict)  # {"noise": …, "test_ratio": …, "seed": …}
    clear_requested = Signal()
    class_selected = Signal(int)
    tool_selected = Signal(str)
    show_test_toggled = Signal(bool)

    def __init__(self, presets: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        worded(self, "setTitle", lambda: tr("Data"))
        self._seed = 0
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)  # the same in every style
        # Preset titles come from the core (in its language): re-filled by set_presets.
        self.preset = combo([], QT_TR_NOOP("Load a ready-made dataset, network and settings"))
        self.set_presets(presets)
        self.noise = self._slider(
            0,
            100,
            lambda: tr(
                "Noise: how far points are jittered (or targets for regression), "
                "in % of one axis unit"
            ),
        )
        self.ratio = self._slider(0, 90, lambda: tr("Share of points held out as test data"))
        self.noise_label, self.ratio_label = QLabel(), QLabel()
        form.addRow(worded_label(lambda: tr("Preset")), self.preset)
        form.addRow(
            worded_label(lambda: tr("Noise")), self._with_label(self.noise, self.noise_label)
        )
        form.addRow(
            worded_label(lambda: tr("Test share")), self._with_label(self.ratio, self.ratio_label)
        )
        # Rows of buttons wrap onto more lines when the panel is narrow (large type).
        form.addRow(self._buttons_row())
        form.addRow(worded_label(lambda: tr("Class")), self._class_row(6))
        form.addRow(worded_label(lambda: tr("Tool")), self._tool_row())
        self.preset.activated.connect(
            lambda _i: self.preset_requested.emit(self.preset.currentData())
        )
        self.noise.sliderReleased.connect(self._emit_dataset)
        self.ratio.sliderReleased.connect(self._emit_dataset)
        self.noise.valueChanged.connect(self._update_labels)
        self.ratio.valueChanged.connect(self._update_labels)
        self.noise.valueChanged.connect(self._on_value)
        self.ratio.valueChanged.connect(self._on_value)
        self._update_labels()

    def set_presets(self, presets: list[tuple[str, str]]) -> None:
        """The preset menu's (title, name) pairs, the current one kept (no signal)."""
        with blocked(self.preset):
            current = self.preset.currentData()
            self.preset.clear()
            for title, name in presets:
                self.preset.addItem(title, name)
            if current is not None:
                select_data(self.preset, current)

    def _slider(self, lo: int, hi: int, tip: Callable[[], str]) -> QSlider:
        s = _KeySlider(Qt.Orientation.Horizontal)
        s.setRange(lo, hi)
        s.setSingleStep(5)
        s.setPageStep(10)
        worded(s, "setToolTip", tip)
        return s

    def _with_label(self, slider: QSlider, value: QLabel) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        value.setMinimumWidth(44)
        row.addWidget(value)
        return box

    def _buttons_row(self) -> FlowLayout:
        row = FlowLayout(one_line_hint=True)
        self.regenerate = QPushButton()
        worded(self.regenerate, "setText", lambda: tr("Regenerate"))
        worded(
            self.regenerate,
            "setToolTip",
            lambda: tr("New random points from the same recipe (network kept)"),
        )
        self.regenerate.clicked.connect(self._on_regenerate)
        self.clear = QPushButton()
        worded(self.clear, "setText", lambda: tr("Clear"))
        worded(self.clear, "setToolTip", lambda: tr("Remove every point (undo with Ctrl+Z)"))
        self.clear.clicked.connect(self.clear_requested)
        self.show_test = QCheckBox()
        worded(self.show_test, "setText", lambda: tr("Show test points"))
        self.show_test.setChecked(True)
        self.show_test.toggled.connect(self.show_test_toggled)
        row.addWidget(self.regenerate)
        row.addWidget(self.clear)
        row.addWidget(self.show_test)
        return row

    def _class_row(self, k: int) -> FlowLayout:
        row = FlowLayout(one_line_hint=True)
        self.classes = QButtonGroup(self)
        for i in range(k):
            b = QPushButton(str(i + 1))
            b.setCheckable(True)
            worded(
                b,
                "setToolTip",
                lambda c=i + 1: tr("New points get class {k} (key {k})").format(k=c),
            )
            b.setStyleSheet(
                f"QPushButton:checked {{ background: {hex_color(CLASS_COLORS[i])};"
                " color: white; font-weight: bold; }"
            )
            self.classes.addButton(b, i)
            row.addWidget(b)
        self.classes.button(1).setChecked(True)
        self._size_class_buttons()
        self.classes.idClicked.connect(self.class_selected)
        return row

    def _tool_row(self) -> FlowLayout:
        row = FlowLayout(one_line_hint=True)
        self.tools = QButtonGroup(self)
        for i, (label, name, tip) in enumerate(TOOLS):
            b = QPushButton()
            worded(b, "setText", lambda source=label: tr(source))
            worded(b, "setToolTip", lambda source=tip: tr(source))
            b.setCheckable(True)
            b.setProperty("tool", name)
            self.tools.addButton(b, i)
            row.addWidget(b)
        self.tools.button(0).setChecked(True)
        self.tools.idClicked.connect(lambda i: self.tool_selected.emit(TOOLS[i][1]))
        return row

    def changeEvent(self, event: QEvent) -> None:
        """Pass a new type size on to the class buttons (a style sheet stops it reaching them)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_class_buttons()

    def _size_class_buttons(self) -> None:
        font = self.font()
        width = max(34, round(1.6 * QFontMetrics(font).height()))  # 34 px at everyday sizes
        for b in self.classes.buttons():
            b.setFont(font)
            b.setFixedWidth(width)

    # ----- state in --------------------------------------------------------------------------
    def show_settings(self, settings: dict, n_classes: int) -> None:
        """Mirror the document's dataset settings without emitting anything."""
        with blocked(self.noise, self.ratio):
            self.noise.setValue(round(100 * float(settings.get("noise", 0.0))))
            self.ratio.setValue(round(100 * float(settings.get("test_ratio", 0.5))))
        self._seed = int(settings.get("seed", 0))
        if settings.get("preset"):
            select_data(self.preset, settings["preset"])
        for i, b in enumerate(self.classes.buttons()):
            b.setVisible(i < max(n_classes, 1))
        self._update_labels()

    def select_class(self, k: int) -> None:
        """Show class k (0-based) as the checked one, without emitting anything."""
        button = self.classes.button(k)
        if button is not None:
            button.setChecked(True)

    def select_tool(self, name: str) -> None:
        """Check the named tool's button as if clicked."""
        for b in self.tools.buttons():
            if b.property("tool") == name:
                b.click()

    # ----- requests out ----------------------------------------------------------------------
    def _update_labels(self) -> None:
        self.noise_label.setText(f"{self.noise.value()} %")
        self.ratio_label.setText(f"{self.ratio.value()} %")

    def _emit_dataset(self, seed: int | None = None) -> None:
        self.dataset_requested.emit(
            {
                "noise": self.noise.value() / 100,
                "test_ratio": self.ratio.value() / 100,
                "seed": self._seed if seed is None else seed,
            }
        )

    def _on_value(self, _value: int) -> None:
        """Keys, the wheel and clicks on the groove apply at once; a drag on release."""
        if not (self.noise.isSliderDown() or self.ratio.isSliderDown()):
            self._emit_dataset()

    def _on_regenerate(self) -> None:
        self._seed += 1
        self._emit_dataset(self._seed)


class _KeySlider(QSlider):
    """A slider that keeps its arrow keys when focused (→ is also the step-epoch shortcut)."""

    KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)

    def event(self, event: QEvent) -> bool:
        """Claim an unmodified arrow key before the window's shortcuts see it."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self.KEYS
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
            return True
        return super().event(event)

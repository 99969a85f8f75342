"""The experiments panel: choose an experiment, set its few controls, run, watch it grow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, worded
from app.views.active_learning_view import ActiveLearningView
from app.views.figure_view import FigureView, hint
from app.views.knob_items import font_px, set_px_font, set_px_fonts
from nnviz.experiments.catalogue import Control
from nnviz.palette import HIGHLIGHT, INK, hex_color

COLUMN_PX = 270  # the controls column; the plot takes the rest


class ExperimentView(QWidget):
    """Controls on the left (experiment, settings, Run, progress, Cancel); narration and plot.

    It only draws and reports: ``experiment_chosen(id)``, ``run_requested()``,
    ``cancel_requested()``. The controller reads ``texts()`` and decides everything.
    """

    experiment_chosen = Signal(str)
    run_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenting = False
        self.fields: dict[str, QLineEdit] = {}
        self.column = QWidget()
        column = QVBoxLayout(self.column)
        column.setContentsMargins(4, 4, 4, 4)
        self.choice = QComboBox()
        worded(self.choice, "setToolTip", lambda: tr("Which experiment to run"))
        self.choice.currentIndexChanged.connect(self._on_choice)
        column.addWidget(self.choice)
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # big type: label above
        column.addWidget(self.form_box)
        buttons = QHBoxLayout()
        self.by_hand = False  # active learning: Run becomes Apply
        self._shown_hint = hint()  # the hover hint in the language it was last shown in
        self.fresh = True  # the status line still holds its first hint
        self.run_button = QPushButton()
        worded(self.run_button, "setText", lambda: tr("Apply") if self.by_hand else tr("Run"))
        worded(self.run_button, "setToolTip", self._run_tip)
        self.cancel_button = QPushButton()
        worded(self.cancel_button, "setText", lambda: tr("Cancel"))
        worded(
            self.cancel_button,
            "setToolTip",
            lambda: tr("Stop after the cell in progress; results so far stay"),
        )
        self.run_button.clicked.connect(self.run_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        column.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        column.addWidget(self.progress)
        self.status = QLabel()
        # The first hint re-words on a switch; a later message is the controller's to re-say.
        worded(
            self.status,
            "setText",
            lambda: tr("Choose settings and press Run.") if self.fresh else self.status.text(),
        )
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(self.column)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(COLUMN_PX)
        self.scroll = scroll
        self.narration = QLabel()
        self.narration.setWordWrap(True)
        self.narration.setStyleSheet(f"color: {hex_color(INK)};")
        self.figure = FigureView()
        self.labelling = ActiveLearningView()  # active learning is played by hand
        self.pages = QStackedWidget()
        self.pages.addWidget(self.figure)
        self.pages.addWidget(self.labelling)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.narration)
        right_layout.addWidget(self.pages, 1)
        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.set_running(False)

    # ----- filled by the controller ----------------------------------------------------------
    def set_experiments(self, items: Sequence[tuple[str, str]]) -> None:
        """The (id, title) pairs of the chooser; the first is selected."""
        self.choice.blockSignals(True)
        self.choice.clear()
        for key, title in items:
            self.choice.addItem(title, key)
        self.choice.blockSignals(False)

    def select(self, key: str) -> None:
        """Select an experiment by id (without announcing it)."""
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(max(0, self.choice.findData(key)))
        self.choice.blockSignals(False)

    def show_controls(self, controls: Sequence[Control], texts: dict[str, str]) -> None:
        """One labelled text field per control, filled with ``texts``."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        for control in controls:
            field = QLineEdit(texts.get(control.key, control.show(control.default)))
            field.setToolTip(
                tr("{label}: {low} to {high}").format(
                    label=control.label, low=f"{control.low:g}", high=f"{control.high:g}"
                )
            )
            field.returnPressed.connect(self.run_requested)
            self.fields[control.key] = field
            self.form.addRow(control.label, field)
        if self.presenting:
            set_px_fonts(self.form_box, font_px(True))

    def texts(self) -> dict[str, str]:
        """What each field holds now."""
        return {key: field.text() for key, field in self.fields.items()}

    def show_narration(self, text: str) -> None:
        """The phenomenon and what to look for, above the plot."""
        self.narration.setText(text)

    def set_interactive(self, on: bool) -> None:
        """By hand (active learning): its plane instead of the plot, no progress or Cancel."""
        self.pages.setCurrentWidget(self.labelling if on else self.figure)
        self.by_hand = on
        self.run_button.setText(tr("Apply") if on else tr("Run"))
        self.run_button.setToolTip(self._run_tip())
        for widget in (self.cancel_button, self.progress):
            widget.setVisible(not on)

    def reword(self) -> None:
        """The plot's hover hint in the current language (the window calls this on a switch)."""
        if self.figure.readout.text() in (hint(), self._shown_hint):
            self.figure.readout.setText(hint())
        self._shown_hint = hint()

    def _run_tip(self) -> str:
        """What Run (or Apply, by hand) does."""
        if self.by_hand:
            return tr("A new session with these settings (a new k only re-rings the points)")
        return tr("Run the experiment in the training process")

    def set_running(self, running: bool) -> None:
        """While a sweep runs: Cancel on, Run and the settings off."""
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.choice.setEnabled(not running)
        self.form_box.setEnabled(not running)

    def show_progress(self, fraction: float, text: str) -> None:
        """The bar at ``fraction`` of the cells and a line such as '7 of 17 · about 3 s left'."""
        self.progress.setValue(round(1000 * max(0.0, min(1.0, fraction))))
        self.show_status(text)

    def reset_progress(self) -> None:
        """An empty bar."""
        self.progress.setValue(0)

    def show_status(self, text: str, error: bool = False) -> None:
        """One line under the bar (in the highlight colour when something is wrong)."""
        self.fresh = False
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {hex_color(HIGHLIGHT)};" if error else "")

    def show_figure(self, fig: dict) -> bool:
        """Draw a figure (the partial results so far)."""
        return self.figure.show_figure(fig)

    # ----- look and export -------------------------------------------------------------------
    def set_presentation(self, on: bool) -> None:
        """Large type for a lecture room: the controls, the narration and the plot."""
        self.presenting = on
        px = font_px(on)
        set_px_fonts(self.column, px)
        self.scroll.setMinimumWidth(max(COLUMN_PX, 15 * px))  # the fields stay readable
        set_px_font(self.narration, px)
        self.figure.set_presentation(on)
        self.labelling.set_presentation(on)

    def export_image(self, path: str) -> None:
        """The plot (or the labelling plane and curves) as a picture."""
        shown = self.pages.currentWidget()
        (self.labelling if shown is self.labelling else self.figure).export_image(path)

    def _on_choice(self, index: int) -> None:
        key = self.choice.itemData(index)
        if key is not None:
            self.experiment_chosen.emit(str(key))

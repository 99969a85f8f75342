"""The main window: composes the views as docks and wires signals to commands."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.document import Document
from app.graph_controller import GraphController
from app.landscape_controller import LandscapeController
from app.menus import build_menus
from app.session_io import SessionIO
from app.status import StatusLine
from app.training_bridge import TrainingBridge
from app.views.controls_view import ControlsView
from app.views.curves_view import CurvesView
from app.views.data_canvas_view import DataCanvasView
from app.views.data_controls_view import DataControlsView
from app.views.network_view import NetworkView
from nnviz import commands as cmd
from nnviz.lab import Lab
from nnviz.presets import Preset, load_preset, preset_names
from nnviz.snapshot import Snapshot

GRID_RESOLUTION = 100


class MainWindow(QMainWindow):
    """One window: data canvas, network graph, curves and controls around a training thread."""

    def __init__(
        self,
        preset: str = "circle",
        seed: int | None = None,
        interactive: bool = True,
        settings: QSettings | None = None,
        autosave_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("nnviz — see a neural network learn")
        self.interactive = interactive
        self.settings = settings
        self.latest: Snapshot | None = None
        self.doc = Document(self)
        self.current_class = 1
        first = load_preset(preset, seed)
        self._load_preset_data(first, undoable=False)
        data = self.doc.data_arrays()
        # A partial, not a lambda: it is pickled into the training process.
        self.training = TrainingBridge(
            partial(Lab, data, first.spec, first.config, GRID_RESOLUTION), self
        )
        self._build_views()
        self.status = StatusLine(self)
        self.setStatusBar(self.status)
        self.session_io = SessionIO(self, autosave_dir)
        self.actions = build_menus(self)
        self._connect()
        self._show_points()
        self.data_controls.show_settings(self.doc.settings, self.doc.points.n_classes)
        self.resize(1480, 900)
        self._restore_layout()
        self.training.start()
        self.status.say(f"{first.title}: {first.description}  Press Space to train.")

    # ----- construction ----------------------------------------------------------------------
    def _build_views(self) -> None:
        self.network_view = NetworkView()
        self.canvas = DataCanvasView()
        self.curves = CurvesView()
        self.controls = ControlsView()
        names = [(load_preset(n).title, n) for n in preset_names()]
        self.data_controls = DataControlsView(names)
        self.setCentralWidget(self.network_view)
        # The controls run the full height; the bottom docks sit under the network and canvas.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(self.data_controls)
        column.addWidget(self.controls)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(450)
        self.docks = {
            "controls": self._dock("Controls", scroll, Qt.DockWidgetArea.LeftDockWidgetArea),
            "canvas": self._dock(
                "Data and output", self.canvas, Qt.DockWidgetArea.RightDockWidgetArea
            ),
            "curves": self._dock(
                "Training curves", self.curves, Qt.DockWidgetArea.BottomDockWidgetArea
            ),
        }
        self.resizeDocks([self.docks["curves"]], [300], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["canvas"]], [600], Qt.Orientation.Horizontal)
        self.graph = GraphController(self)
        self.add_tab_dock("graph", "Computation graph", self.graph.view)
        self.landscape = LandscapeController(self)
        self.add_tab_dock("landscape", "Loss landscape", self.landscape.view)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock:{title}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def add_tab_dock(self, key: str, title: str, widget: QWidget) -> QDockWidget:
        """A wide dock along the bottom (graph, landscape), a tab beside the curves.

        The bottom strip runs under the network and the data canvas, so both stay in sight
        while the graph walks an example (the linked highlights need them).
        """
        dock = self._dock(title, widget, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.docks["curves"], dock)
        self.docks[key] = dock
        self.docks["curves"].raise_()
        return dock

    def show_dock(self, key: str) -> None:
        """Make a dock visible and bring its tab to the front."""
        if key not in self.docks:
            raise ValueError(f"no view called {key!r}; choose one of {', '.join(self.docks)}")
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        bottom = self.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        if bottom and dock.height() < self.height() * 0.38:  # give a walk-through room
            self.resizeDocks([dock], [int(self.height() * 0.42)], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        self.training.snapshot_ready.connect(self._on_snapshot_ready)
        self.training.failed.connect(self.warn)
        self.doc.changed.connect(self._on_points_changed)
        c = self.canvas
        c.add_requested.connect(self._on_add_requested)
        c.brush_requested.connect(self._on_add_requested)
        c.remove_requested.connect(lambda i: self._edit(self.doc.remove_point, i))
        c.move_requested.connect(lambda i, new, old: self._edit(self.doc.move_point, i, new, old))
        c.message.connect(self.status.say)
        n = self.network_view
        n.param_changed.connect(lambda p, i, v: self.send(cmd.SetParam(p, tuple(i), v)))
        n.spec_change_requested.connect(self._on_spec_change_requested)
        n.neuron_hovered.connect(c.set_focus_neuron)
        n.message.connect(self.status.say)
        self.controls.command_requested.connect(self.send)
        self.controls.spec_change_requested.connect(self._on_spec_change_requested)
        d = self.data_controls
        d.preset_requested.connect(self.load_preset)
        d.dataset_requested.connect(self._on_dataset_requested)
        d.clear_requested.connect(self.clear_points)
        d.class_selected.connect(self.select_class)
        d.tool_selected.connect(c.set_tool)
        d.show_test_toggled.connect(c.set_show_test)

    # ----- commands --------------------------------------------------------------------------
    def send(self, command: cmd.Command) -> None:
        """Send a command value to the training thread."""
        self.training.send(command)

    def _edit(self, action, *args) -> None:
        try:
            action(*args)
        except (ValueError, KeyError) as exc:
            self.status.say(str(exc).strip("'\""), error=True)

    def _on_add_requested(self, positions, label) -> None:
        positions = np.atleast_2d(np.asarray(positions, dtype=float))
        labels = np.broadcast_to(np.asarray(label), (len(positions),))
        self._edit(self.doc.add_points, positions, labels)

    def _on_spec_change_requested(self, spec) -> None:
        self.send(cmd.SetSpec(spec))

    def _on_dataset_requested(self, values: dict) -> None:
        s = {**self.doc.settings, **values}
        name = s.pop("name", "circle")
        options = {k: v for k, v in s.items() if k in ("n", "k")}
        self._edit(
            self.doc.generate,
            name,
            float(s.get("noise", 0.0)),
            float(s.get("test_ratio", 0.5)),
            int(s.get("seed", 0)),
            **options,
            extra={"preset": s.get("preset")},
        )

    def load_preset(self, name: str) -> None:
        """Load a preset: its data (one undo step), then its network and settings."""
        try:
            preset = load_preset(name)
        except ValueError as exc:
            self.status.say(str(exc), error=True)
            return
        self._load_preset_data(preset, undoable=True)
        self.send(cmd.SetSpec(preset.spec))
        self.send(cmd.SetConfig(preset.config))
        self.status.say(f"{preset.title}: {preset.description}")

    def _load_preset_data(self, preset: Preset, undoable: bool) -> None:
        d = dict(preset.dataset)
        name = d.pop("name")
        noise, ratio = float(d.pop("noise", 0.0)), float(d.pop("test_ratio", 0.5))
        seed = int(d.pop("seed", preset.spec.seed))
        self.doc.generate(
            name, noise, ratio, seed, **d, extra={"preset": preset.name}, undoable=undoable
        )

    def clear_points(self) -> None:
        """Remove every point as one undoable step."""
        empty = self.doc.points.copy()
        for i in list(empty.ids):
            empty.remove(i)
        self.doc.replace(empty, "clear points")

    def select_class(self, k: int) -> None:
        """Pick the class new points get (0-based)."""
        n = max(self.doc.points.n_classes, 1)
        if not 0 <= k < n:
            self.status.say(f"this data has {n} classes; class {k + 1} is not available")
            return
        self.current_class = k
        self.canvas.set_current_class(k)
        self.data_controls.select_class(k)

    # ----- data and snapshots in -------------------------------------------------------------
    def _on_points_changed(self) -> None:
        self._show_points()
        self.send(cmd.SetData(self.doc.data_arrays()))
        self.data_controls.show_settings(self.doc.settings, self.doc.points.n_classes)

    def _show_points(self) -> None:
        X, y, is_test, ids = self.doc.points.all_arrays()
        self.canvas.set_points(X, y, is_test, ids, self.doc.points.kind, self.doc.points.n_classes)

    def _on_snapshot_ready(self, snap: Snapshot) -> None:
        self.latest = snap
        self.network_view.show_snapshot(snap)
        self.canvas.show_snapshot(snap)
        self.curves.show_snapshot(snap)
        self.controls.show_snapshot(snap)
        self.status.show_snapshot(snap)
        self.graph.show_snapshot(snap)
        self.landscape.show_snapshot(snap)

    # ----- window state ----------------------------------------------------------------------
    def _restore_layout(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Autosave, remember the layout, and stop the training thread cleanly."""
        self.session_io.autosave()
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        self.landscape.shutdown()
        self.training.shutdown()
        super().closeEvent(event)

    def ask(self, question: str) -> bool:
        """A yes/no question (always 'no' when not interactive, e.g. in tests)."""
        if not self.interactive:
            return False
        answer = QMessageBox.question(self, "nnviz", question)
        return answer == QMessageBox.StandardButton.Yes

    def warn(self, text: str) -> None:
        """One clear message: a dialog when interactive, always the status line."""
        self.status.say(text, error=True)
        if self.interactive:
            QMessageBox.warning(self, "nnviz", text)

    def wait_for_snapshot(self, predicate, timeout_ms: int = 10000) -> Snapshot | None:
        """Process events until a snapshot satisfying ``predicate`` arrives (headless use)."""
        import time

        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + timeout_ms / 1000
        loop = QEventLoop()
        while True:
            if self.latest is not None and predicate(self.latest):
                return self.latest
            if time.monotonic() > deadline:
                return None
            QTimer.singleShot(5, loop.quit)
            loop.exec()

    # ----- view modes ------------------------------------------------------------------------
    def toggle_presentation(self, on: bool | None = None) -> None:
        """Large type and thick lines, readable from the back of a lecture room."""
        action = self.actions["presentation"]
        on = action.isChecked() if on is None else on
        action.setChecked(on)
        font = self.font()
        font.setPointSizeF(16.0 if on else 10.0)
        self.setFont(font)
        for view in (self.network_view, self.canvas, self.curves, self.graph.view):
            view.set_presentation(on)
        self.landscape.view.set_presentation(on)
        self.status.say("Presentation mode on (F5 to leave)" if on else "Presentation mode off")

    def step_forward_key(self) -> None:
        """→: the next op in the graph when it has focus, else one training epoch."""
        if self.graph.wants_keys():
            self.graph.step("forward")
        else:
            self.send(cmd.StepEpoch())

    def step_back_key(self) -> None:
        """←: undo the last op in the graph when it has focus, else the last training step."""
        if self.graph.wants_keys():
            self.graph.step("back")
        else:
            self.send(cmd.StepBack())

    def toggle_fullscreen(self) -> None:
        """F11: full screen and back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_shortcuts(self) -> None:
        """F1: the keyboard shortcuts."""
        from app.menus import SHORTCUTS_HELP

        if self.interactive:
            QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS_HELP)
        else:
            self.status.say("Space play/pause · → epoch · R reset · Ctrl+Z undo · F5 present")

"""The main window: composes the panels, their controllers and the training bridge."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from app.context import Context, Highlighter
from app.document import Document
from app.experiment_controller import ExperimentController
from app.garbage import collect_on_gui_thread
from app.gears_controller import GearsController
from app.graph_controller import GraphController
from app.i18n import QT_TR_NOOP, Language, tr, worded
from app.images_controller import ImagesController
from app.journal import Journal
from app.knobs_controller import KnobsController
from app.landscape_controller import LandscapeController
from app.lesson_controller import LessonController
from app.lesson_wiring import LessonWiring
from app.menus import build_menus
from app.panels import Area, Panel, Panels
from app.playground_controller import PlaygroundController, generate_preset_points, preset_menu
from app.session_io import SessionIO
from app.stage import StageMode
from app.status import StatusLine
from app.table_controller import TableController
from app.training_bridge import TrainingBridge
from app.views.controls_column import ControlsColumn
from app.views.controls_view import DEFAULT_SPEED, ControlsView
from app.views.curves_view import CurvesView
from app.views.data_canvas_view import DataCanvasView
from app.views.data_controls_view import DataControlsView
from app.views.dock_title import DockTitle
from app.views.figure_view import FigureView
from app.views.gears_view import GearsView
from app.views.images_view import ImagesView
from app.views.knobs_view import KnobsView
from app.views.network_view import NetworkView
from app.views.table_view import TableView
from app.views.transport_bar import TransportBar
from app.window_modes import WindowModes
from nnviz import commands as cmd
from nnviz.lab import Lab
from nnviz.lessons.catalogue import load_catalogue
from nnviz.presets import load_preset
from nnviz.snapshot import Snapshot

GRID_RESOLUTION = 100


class MainWindow(WindowModes, QMainWindow):
    """One window: the panels around a training process, composed here and nowhere else."""

    def __init__(
        self,
        preset: str = "circle",
        seed: int | None = None,
        interactive: bool = True,
        settings: QSettings | None = None,
        autosave_dir: Path | None = None,
        restore_layout: bool = True,
    ) -> None:
        super().__init__()
        collect_on_gui_thread()  # threads start below: no widget may be freed on one of them
        worded(self, "setWindowTitle", lambda: tr("nnviz — see a neural network learn"))
        self.interactive = interactive
        self.settings = settings
        self.presenting = False
        self._normal_font: QFont | None = None
        self.latest: Snapshot | None = None
        self._behind: set[str] = set()  # panels hidden when the newest snapshot came
        self.doc = Document(self)
        self.status = StatusLine(self)
        self.setStatusBar(self.status)
        first = load_preset(preset, seed)
        generate_preset_points(self.doc, first, undoable=False)
        # A partial, not a lambda: it is pickled into the training process.
        lab = partial(Lab, self.doc.data_arrays(), first.spec, first.config, GRID_RESOLUTION)
        self.training = TrainingBridge(lab, self)
        self._build_views()
        self.ctx = self._context()
        self.playground = PlaygroundController(
            self.ctx, self.canvas, self.data_controls, self.network_view, self.controls
        )
        self.graph = GraphController(self.ctx)
        self.landscape = LandscapeController(self.ctx)
        self._build_lecture_views()
        self.catalogue = load_catalogue()
        self.lessons = LessonController(self.ctx, lambda: self.lesson_wiring.host())
        self.language = Language(settings)
        self.language.changed.connect(self.lessons.set_language)
        self.panels = self._register_panels()
        self.docks: dict[str, QDockWidget] = {}
        self._dock_panels()
        for key in ("lesson", "table", "gears", "knobs", "images", "figure", "experiments"):
            self.docks[key].hide()  # the lesson panel while a lesson plays; the rest on demand
        self.default_layout = self.saveState()  # View ▸ Reset layout goes back to this
        self.stage = StageMode(self, self.central, self.panels, self.docks, self.transport)
        self.lesson_wiring = LessonWiring(self)
        self.stage.changed.append(lambda _name: QTimer.singleShot(0, self._catch_up))
        # Snapshots carry fresh pictures of the plane only while a view draws them.
        self.stage.changed.append(lambda _name: self.send(cmd.ShowPlane(self.stage.shows_plane())))
        ask = lambda question: self.ask(question)  # noqa: E731 - looked up at call time
        self.doc.history_trimmed.connect(self.status.say)
        self.session_io = SessionIO(self.ctx, self.panels, self, ask, interactive, autosave_dir)
        # Journal: autosave soon after every change, so a kill -9 loses at most ~2 s of work.
        self.journal = Journal(
            self.session_io.autosave_soon, self.doc, self.training.snapshot_ready, self
        )
        self.actions = build_menus(self)
        self._connect()
        self.playground.show_points()
        self.data_controls.show_settings(self.doc.settings, self.doc.points.n_classes)
        self.resize(1480, 900)
        if restore_layout:
            self._restore_layout()
        self.training.start()
        self.send(cmd.SetSpeed(DEFAULT_SPEED))  # a pace a class can follow
        self.status.say_worded(
            lambda: tr("{title}: {description}  Press Space to train.").format(
                title=first.title, description=first.description
            )
        )

    # ----- construction ----------------------------------------------------------------------
    def _build_views(self) -> None:
        self.network_view = NetworkView()
        self.canvas = DataCanvasView()
        self.curves = CurvesView()
        self.controls = ControlsView()
        self.data_controls = DataControlsView(preset_menu())
        self.transport = TransportBar()
        self.transport.hide()  # shown on the playground stage only

    def _build_lecture_views(self) -> None:
        """The pop-science lecture's views: feature table, gears, six knobs, images."""
        self.table = TableController(TableView())
        self.gears = GearsController(GearsView())
        self.knobs = KnobsController(KnobsView())
        self.images = ImagesController(ImagesView(), self.training, self.network_view)
        self.figure = FigureView()
        self.experiments = ExperimentController(self.ctx, self.training)
        for controller in (self.table, self.gears, self.knobs, self.images):
            controller.message.connect(self.status.say)
        self.images.numbers_changed.connect(self.status.show_images)

    def _context(self) -> Context:
        highlight = Highlighter(
            point=self.canvas.set_highlight_point,
            network=self.network_view.set_highlight,
            neuron=lambda focus, why: self.canvas.set_focus_neuron(focus, why=why),
        )
        return Context(
            send=self.send,
            say=self.status.say,
            warn=self.warn,
            show_panel=self.show_dock,
            latest=lambda: self.latest,
            document=self.doc,
            highlight=highlight,
        )

    def _register_panels(self) -> Panels:
        """Every view of the window, once: menus, layout, export and presentation use this."""
        scroll = ControlsColumn(self.data_controls, self.controls)  # scrolls down, never sideways
        panels = Panels()
        for panel in (
            Panel("network", QT_TR_NOOP("Network graph"), self.network_view, self.network_view,
                  None, self.network_view.show_snapshot, stage="playground",
                  state=self.network_view, minimum=(380, 300)),
            Panel("controls", QT_TR_NOOP("Controls"), scroll, self.controls,
                  Area.LeftDockWidgetArea, self.controls.show_snapshot, export=False),
            Panel("canvas", QT_TR_NOOP("Data and output"), self.canvas, self.canvas,
                  Area.RightDockWidgetArea, self.canvas.show_snapshot, stage="playground",
                  minimum=(300, 300)),
            Panel("curves", QT_TR_NOOP("Training curves"), self.curves, self.curves,
                  Area.BottomDockWidgetArea, self.curves.show_snapshot, minimum=(300, 180)),
            Panel("graph", QT_TR_NOOP("Computation graph"), self.graph.view, self.graph.view,
                  Area.BottomDockWidgetArea, self.graph.show_snapshot, tab_with="curves",
                  stage="graph", state=self.graph, minimum=(300, 200), feed_hidden=True),
            Panel("landscape", QT_TR_NOOP("Loss landscape"), self.landscape.view,
                  self.landscape.view, Area.BottomDockWidgetArea, self.landscape.show_snapshot,
                  tab_with="curves", stage="landscape", minimum=(300, 200), feed_hidden=True),
            *(
                Panel(key, title, c.view, c.view, Area.BottomDockWidgetArea, tab_with="curves",
                      stage=key, minimum=(300, 240))
                for key, title, c in (
                    ("table", QT_TR_NOOP("Feature table"), self.table),
                    ("gears", QT_TR_NOOP("Chain rule as gears"), self.gears),
                    ("knobs", QT_TR_NOOP("Six knobs"), self.knobs),
                    ("images", QT_TR_NOOP("Images"), self.images),
                )
            ),
            Panel("figure", QT_TR_NOOP("Lesson plot"), self.figure, self.figure,
                  Area.BottomDockWidgetArea, tab_with="curves", stage="plot", minimum=(300, 240)),
            Panel("experiments", QT_TR_NOOP("Experiments"), self.experiments.view,
                  self.experiments.view, Area.BottomDockWidgetArea, tab_with="curves",
                  stage="experiments", minimum=(300, 240)),
            Panel("lesson", QT_TR_NOOP("Lesson"), self.lessons.panel, self.lessons.panel,
                  Area.BottomDockWidgetArea, self.lessons.show_snapshot, export=False,
                  minimum=(300, 120), feed_hidden=True),
        ):  # fmt: skip
            panels.add(panel)
        return panels

    def open_lesson(self, lesson_id: str, step: int = 0) -> None:
        """Play a lesson from step ``step`` (0-based); an unknown id is one message."""
        self.lesson_wiring.open_lesson(lesson_id, step)

    def lesson_next(self) -> None:
        """PgDn (a presenter's clicker): the next lesson step."""
        self.lesson_wiring.next()

    def lesson_back(self) -> None:
        """PgUp: the lesson step before."""
        self.lesson_wiring.back()

    def show_start_page(self) -> None:
        """The lessons, grouped by lecture; shown at the first start unless turned off."""
        self.lesson_wiring.show_start_page()

    def _dock_panels(self) -> None:
        # The controls run the full height; the bottom docks sit under the network and canvas.
        self.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        self.central = QStackedWidget()  # page 0: the central panel; the stage adds its page
        self.setCentralWidget(self.central)
        for panel in self.panels:
            panel.widget.setMinimumSize(*panel.minimum)  # never squeezed into overlapping text
            if panel.area is None:
                self.central.addWidget(panel.widget)
                continue
            dock = QDockWidget(self)
            worded(dock, "setWindowTitle", panel.shown_title)
            dock.setObjectName(f"dock:{panel.title}")  # English: saved layouts outlive a switch
            dock.setTitleBarWidget(DockTitle(dock))  # its type grows with presentation mode
            dock.setWidget(panel.widget)
            self.addDockWidget(panel.area, dock)
            if panel.tab_with is not None:
                self.tabifyDockWidget(self.docks[panel.tab_with], dock)
            self.docks[panel.key] = dock
            dock.visibilityChanged.connect(
                lambda shown: shown and QTimer.singleShot(0, self._catch_up)
            )
        self.resizeDocks([self.docks["curves"]], [300], Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["canvas"]], [600], Qt.Orientation.Horizontal)
        self.docks["curves"].raise_()

    def show_dock(self, key: str) -> None:
        """Make a panel visible and bring its tab to the front (on stage: that view's stage)."""
        panel = self.panels[key]  # ValueError naming the choices for an unknown key
        if self.stage.active is not None:
            if key in self.stage.active.panels:
                return
            if panel.stage is not None:
                self.stage.enter(panel.stage)
                return
            self.stage.leave()
        dock = self.docks.get(key)
        if dock is None:  # the central panel is always shown
            return
        dock.show()
        dock.raise_()
        bottom = self.dockWidgetArea(dock) == Area.BottomDockWidgetArea
        if bottom and dock.height() < self.height() * 0.38:  # give a walk-through room
            self.resizeDocks([dock], [int(self.height() * 0.42)], Qt.Orientation.Vertical)

    def _connect(self) -> None:
        self.training.snapshot_ready.connect(self._on_snapshot_ready)
        self.training.failed.connect(self.warn)
        self.canvas.trace_requested.connect(self.graph.on_trace_requested)
        self.transport.command_requested.connect(self.send)
        self.graph.tool_requested.connect(self.data_controls.select_tool)
        self.network_view.param_picked.connect(self.landscape.on_param_picked)
        self.language.changed.connect(self.reword)

    # ----- commands and snapshots ------------------------------------------------------------
    def send(self, command: cmd.Command) -> None:
        """Send a command value to the training process."""
        self.training.send(command)

    def load_preset(self, name: str) -> None:
        """Load a demo preset (its data, network and settings)."""
        self.playground.load_preset(name)

    def select_class(self, k: int) -> None:
        """Pick the class new points get (0-based)."""
        self.playground.select_class(k)

    def _on_snapshot_ready(self, snap: Snapshot) -> None:
        self.latest = snap
        self.status.show_snapshot(snap)  # first: a view's own message may follow it
        for panel in self.panels:
            if panel.show_snapshot is None:
                continue
            if panel.feed_hidden or panel.widget.isVisible():
                panel.show_snapshot(snap)
            else:
                self._behind.add(panel.key)  # drawn with the newest snapshot once it shows
        if self.transport.isVisible():
            self.transport.show_snapshot(snap)

    def _catch_up(self) -> None:
        """Views that were hidden draw the newest snapshot as soon as they are on screen."""
        if self.latest is None or not self._behind:
            return
        for key in list(self._behind):
            panel = self.panels[key]
            if panel.widget.isVisible() and panel.show_snapshot is not None:
                self._behind.discard(key)
                panel.show_snapshot(self.latest)

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
        """Autosave, remember the layout, and stop the training process cleanly."""
        self.stage.leave()  # the full layout is what gets remembered
        self.presenting = False  # a resize still on its way must not enlarge the type again
        if self._normal_font is not None:  # the app font is global: give it back unscaled
            QApplication.instance().setFont(self._normal_font)
        self.session_io.autosave()
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        self.session_io.csv.shutdown()
        self.images.shutdown()
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

    def step_forward_key(self) -> None:
        """→: the next lesson step or graph op when that has focus, else one training epoch."""
        if self.lessons.active and self.lessons.wants_keys():
            self.lessons.next()
        elif self.graph.wants_keys():
            self.graph.step("forward")
        else:
            self.send(cmd.StepEpoch())

    def step_back_key(self) -> None:
        """←: the lesson step or graph op before when that has focus, else a training step."""
        if self.lessons.active and self.lessons.wants_keys():
            self.lessons.back()
        elif self.graph.wants_keys():
            self.graph.step("back")
        else:
            self.send(cmd.StepBack())

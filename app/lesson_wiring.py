"""How lessons reach the window: the host a lesson drives, the start page, PgDn/PgUp."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from app.i18n import tr
from app.lesson_controller import LessonHost
from app.stage import STAGES
from nnviz.lessons import setup as ls

if TYPE_CHECKING:
    from app.main_window import MainWindow

FIGURE_JOB = "lesson-figure"  # the job key of a figure made again in a new language


class LessonWiring:
    """Connects the lesson controller to the playground, graph, landscape and lecture views."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.start_page = None
        self.figure_key: str | None = None  # the lesson figure on the plot stage
        window.stage.changed.append(self._on_stage_changed)
        # A figure's words are made with its numbers; a switch makes it again, off the GUI
        # thread (some take seconds), once however many LanguageChange events arrive.
        self._reword_timer = QTimer(window)
        self._reword_timer.setSingleShot(True)
        self._reword_timer.setInterval(50)
        self._reword_timer.timeout.connect(self._remake_figure)
        window.figure.language_changed.connect(self._reword_timer.start)
        window.landscape.jobs.result_ready.connect(self._on_job_result)

    def host(self) -> LessonHost:
        """What a lesson may drive: the playground, the graph, the landscape, the stage."""
        w = self.w
        return LessonHost(
            load_preset=w.playground.load_preset,
            load_dataset=w.playground.load_dataset,
            set_points=w.playground.set_points,
            graph_request=w.graph.apply,
            trace_point=self._trace,
            landscape_request=w.landscape.apply,
            show_stage=self._stage,
            leave_stage=self._end_stage,
            save_session=lambda: w.session_io.current_session(),
            restore_session=lambda s: w.session_io.apply_session(s),
            app_request=self._view_request,
        )

    def open_lesson(self, lesson_id: str, step: int = 0) -> None:
        """Play a lesson from step ``step`` (0-based); an unknown id is one message."""
        try:
            lesson = self.w.catalogue.get(lesson_id)
        except ValueError as exc:
            self.w.status.say(str(exc), error=True)
            return
        self.w.lessons.start(lesson, step)

    def next(self) -> None:
        """PgDn (a presenter's clicker): the next lesson step."""
        if self.w.lessons.active:
            self.w.lessons.next()
        else:
            self.w.status.say(tr("No lesson is playing: Lessons ▸ All lessons… picks one."))

    def back(self) -> None:
        """PgUp: the lesson step before."""
        if self.w.lessons.active:
            self.w.lessons.back()

    def show_start_page(self) -> None:
        """The lessons, grouped by lecture; shown at the first start unless turned off."""
        from app.views.start_page import StartPage

        w = self.w
        show = w.settings is None or w.settings.value("start/show", True, type=bool)
        page = StartPage(list(w.catalogue.lessons), bool(show), w, w.language.current)
        page.lesson_chosen.connect(self.open_lesson)
        page.finished.connect(lambda _: self._remember(page))
        page.open()
        self.start_page = page

    def _remember(self, page) -> None:
        if self.w.settings is not None:
            self.w.settings.setValue("start/show", page.show_at_start.isChecked())

    def _view_request(self, request: object) -> bool:
        """A lesson's request to the lecture views; False if no view can take it."""
        w = self.w
        if isinstance(request, ls.ShowFigure):
            return self._show_figure(request.key)
        if isinstance(request, ls.LoadTable):
            return w.table.load(request.name)
        if isinstance(request, ls.SetTableKnobs):
            return w.table.set_knobs(dict(request.weights), request.threshold)
        if isinstance(request, ls.ShowPaths):  # gradient paths on the log-likelihood hill
            return w.landscape.show_paths(request.kinds)
        if isinstance(request, ls.NudgeImage):
            numbers = w.lessons.player.numbers() if w.lessons.player is not None else {}
            if "index" not in numbers or "eps" not in numbers:
                return False
            w.images.nudge_when_trained(int(numbers["index"]), float(numbers["eps"]))
            return True
        if isinstance(request, ls.LoadImages):
            w.images.pending_nudge = None
            while w.images.undo():  # Back to this step: every image as it was
                pass
            w.images.load(dict(request.options))
            numbers = w.lessons.player.numbers() if w.lessons.player is not None else {}
            if "index" in numbers:  # the image the step talks about, traced in the graph
                w.images.select_when_trained(int(numbers["index"]))
            return True
        return False

    def _show_figure(self, key: str) -> bool:
        """Compute a lesson figure (pure, from the engine) and draw it on the plot stage."""
        from nnviz.lessons.figures import FIGURES

        if key not in FIGURES:
            return False
        self.figure_key = key
        self.w.landscape.jobs.cancel(FIGURE_JOB)  # an older figure's new words: not wanted
        return self.w.figure.show_figure(FIGURES[key]())

    def _remake_figure(self) -> None:
        """Make the figure shown again, in the current language (its numbers are the same)."""
        key = self.figure_key
        if key is None or self.w.figure.figure is None:
            return

        def job(_cancelled) -> Iterator[tuple[str, dict]]:
            from nnviz.lessons.figures import FIGURES

            yield key, FIGURES[key]()

        self.w.landscape.jobs.submit(FIGURE_JOB, job)

    def _on_job_result(self, job: str, value: object) -> None:
        if job != FIGURE_JOB or not isinstance(value, tuple):
            return
        key, figure = value
        if key == self.figure_key:  # still the figure on the stage
            self.w.figure.show_figure(figure)

    def _trace(self, index: int, near: tuple[float, ...] | None) -> None:
        try:
            self.w.graph.trace_training_point(index, near)
        except ValueError as exc:
            self.w.lessons.panel.show_message(str(exc))

    def _stage(self, name: str) -> None:
        """A lesson step's view alone in the window, the lesson panel under it."""
        if name not in STAGES:
            self.w.lessons.panel.show_message(
                tr("The {name} view is not in this window yet.").format(name=name)
            )
            name = "playground"
        self.w.stage.enter(name, extras=("lesson",))

    def _on_stage_changed(self, name: str | None) -> None:
        if name is None and self.w.lessons.active:  # Esc mid-lesson: the narration stays
            self.w.docks["lesson"].show()

    def _end_stage(self) -> None:
        self.w.stage.leave()
        self.w.docks["lesson"].hide()

"""Runs the experiments panel: builds a sweep from the controls, streams its cells into the plot."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.active_learning_controller import ActiveLearningController
from app.context import Context
from app.i18n import reworded, tr
from app.views.experiment_view import ExperimentView
from nnviz import commands as cmd
from nnviz.experiments.catalogue import EXPERIMENTS, say_time, time_left
from nnviz.experiments.live_network import LiveNetwork, from_snapshot
from nnviz.experiments.partial import live_summary, partial_figure
from nnviz.experiments.sweep import Sweep, SweepResult

REDRAW_MS = 300  # a full figure redraw costs ~0.1-0.3 s: at most one per this interval


class ExperimentController(QObject):
    """One sweep at a time, in the training process; the GUI thread only draws its cells.

    ``training`` is anything with the bridge's ``sweep_progress``, ``sweep_finished`` and
    ``failed`` signals (the TrainingBridge). ``finished(done)`` repeats the end message.
    """

    finished = Signal(object)

    def __init__(self, ctx: Context, training: QObject, view: ExperimentView | None = None):
        super().__init__()
        self.ctx = ctx
        self.view = view or ExperimentView()
        self.experiment = next(iter(EXPERIMENTS.values()))
        self.texts = {e.id: e.defaults() for e in EXPERIMENTS.values()}
        self.sweep: Sweep | None = None  # the sweep running (None when idle)
        self.cancelling = False
        self.results: list[SweepResult] = []
        self._stale = False  # cells arrived that the plot does not show yet
        self._cooldown = QTimer(self)  # leading-edge throttle: draw now, then at most every …
        self._cooldown.setSingleShot(True)
        self._cooldown.setInterval(REDRAW_MS)
        self._cooldown.timeout.connect(self._on_cooldown)
        training.sweep_progress.connect(self._on_progress)
        training.sweep_finished.connect(self._on_finished)
        training.failed.connect(self._on_training_failed)
        self.view.set_experiments([(e.id, e.title) for e in EXPERIMENTS.values()])
        self.view.experiment_chosen.connect(self.choose)
        self.view.run_requested.connect(self.run)
        self.view.cancel_requested.connect(self.cancel)
        self.labelling = ActiveLearningController(ctx.say, self.view.labelling)
        self.choose(self.experiment.id)
        reworded(self.view, lambda _view: self._reword())

    def _reword(self) -> None:
        """A language switch: the chooser's titles, the settings' names and the narration."""
        self.view.set_experiments([(e.id, e.title) for e in EXPERIMENTS.values()])
        self.view.select(self.experiment.id)
        self.experiment = EXPERIMENTS[self.experiment.id]
        self.view.show_controls(self.experiment.controls, self.view.texts())
        self.view.show_narration(self.experiment.narration)

    @property
    def running(self) -> bool:
        """A sweep was sent and its end has not come back yet."""
        return self.sweep is not None

    def choose(self, experiment_id: str) -> None:
        """Show an experiment's controls and narration (ValueError for an unknown id)."""
        if experiment_id not in EXPERIMENTS:
            raise ValueError(
                f"no experiment {experiment_id!r}; choose one of {', '.join(EXPERIMENTS)}"
            )
        if self.running:
            return
        self.texts[self.experiment.id] = self.view.texts() or self.texts[self.experiment.id]
        self.experiment = EXPERIMENTS[experiment_id]
        self.view.select(experiment_id)
        self.view.show_controls(self.experiment.controls, self.texts[experiment_id])
        self.view.show_narration(self.experiment.narration)
        self.view.set_interactive(self.experiment.interactive)
        if self.experiment.interactive and self.labelling.session is None:
            self.run()  # the plane is never empty: a session with these settings

    def run(self, texts: dict[str, str] | None = None) -> bool:
        """Validate the controls and start the sweep; a bad value is one message, nothing sent."""
        if self.running:
            return False
        if texts is not None:
            self.view.show_controls(self.experiment.controls, {**self.view.texts(), **texts})
        live, why = self._live() if self.experiment.live else (None, "")
        try:
            if self.experiment.interactive:
                values = self.experiment.values(self.view.texts())
            else:
                sweep = self.experiment.sweep(self.view.texts(), live)
        except ValueError as exc:
            self.view.show_status(str(exc), error=True)
            self.ctx.say(str(exc), error=True)
            return False
        if self.experiment.interactive:
            started = self.labelling.start(values)  # it says what happened above its plane
            self.view.show_status("" if started else self.view.labelling.message.text(),
                                  error=not started)  # fmt: skip
            return started
        self.sweep, self.cancelling, self.results = sweep, False, []
        self.view.set_running(True)
        running = tr("Running {title}… {left}").format(
            title=self.experiment.title, left=say_time(None)
        )
        self.view.show_progress(0.0, f"{why} {running}" if why else running)
        self.ctx.send(cmd.StartSweep(sweep))
        return True

    def _live(self) -> tuple[LiveNetwork | None, str]:
        """The live network as it is now (architecture, weights, training points), or why not."""
        snap = self.ctx.latest()
        if snap is None or self.ctx.document is None:
            return None, tr("No live network yet: measuring the 2-w-w-1 nets only.")
        try:
            return from_snapshot(snap, self.ctx.document.data_arrays()), ""
        except ValueError as exc:
            return None, tr("Measuring the 2-w-w-1 nets only: {reason}.").format(reason=exc)

    def cancel(self) -> None:
        """Ask the training process to stop after the cell in progress."""
        if not self.running or self.cancelling:
            return
        self.cancelling = True
        self.view.show_status(tr("Cancelling after the cell in progress…"))
        self.ctx.send(cmd.CancelSweep())

    # ----- from the training process ---------------------------------------------------------
    def _on_progress(self, result: SweepResult) -> None:
        if self.sweep is None or self.cancelling:
            return  # a cell finished just before the cancel was read: drop it
        self.results.append(result)
        self._stale = True
        if not self._cooldown.isActive():
            self._draw()
        left = say_time(time_left(result.progress, result.seconds))
        done = tr("{done} of {cells} done · {left}").format(
            done=len(self.results), cells=len(self.sweep.grid), left=left
        )
        self.view.show_progress(result.progress, done)

    def _draw(self) -> None:
        """The figure of every cell so far (the GUI stays free between throttled redraws)."""
        if self._stale and self.results and self.sweep is not None:
            self.view.show_figure(partial_figure(self.results, self.sweep))
            self._stale = False
            self._cooldown.start()

    def _on_cooldown(self) -> None:
        self._draw()

    def _on_finished(self, done: dict) -> None:
        if self.sweep is None:
            return
        self._cooldown.stop()
        self._draw()  # the last cells, at once
        total = len(self.sweep.grid)
        self.sweep, self.cancelling = None, False
        self.view.set_running(False)
        if done.get("error"):
            self.view.reset_progress()
            self.view.show_status(done["error"], error=True)
            self.ctx.say(done["error"], error=True)
        elif done.get("cancelled"):
            self.view.reset_progress()
            text = (
                f"Cancelled after {len(self.results)} of {total}; the results so far stay "
                "drawn and the live network is as it was."
            )
            self.view.show_status(text)
            self.ctx.say(text)
        else:
            text = f"Done: {total} in {done.get('seconds', 0.0):.1f} s."
            live = live_summary(self.results) if self.results else None
            self.view.show_progress(1.0, f"{text} {live}" if live else text)
            if live:
                self.ctx.say(live)
        self.finished.emit(done)

    def _on_training_failed(self, text: str) -> None:
        if self.sweep is None:
            return
        self.sweep, self.cancelling = None, False
        self.view.set_running(False)
        self.view.reset_progress()
        self.view.show_status("The sweep stopped with the training process; press Run again.", True)

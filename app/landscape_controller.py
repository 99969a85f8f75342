"""Puts the loss landscape into the window: view signals to the session, jobs to the runner."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from app.context import Context
from app.jobs import JobRunner
from app.views.landscape_3d import gl_status, make_landscape_3d
from app.views.landscape_view import LandscapeView
from app.views.landscape_walk_items import WalkItems
from nnviz.engine.features import feature_matrix
from nnviz.engine.problem import Problem
from nnviz.landscape import requests as lq
from nnviz.landscape.explorer import Effects, LandscapeExplorer
from nnviz.landscape.params import array_ref
from nnviz.landscape.race import RACERS
from nnviz.landscape.race_session import racer_names

if TYPE_CHECKING:
    from nnviz.snapshot import Snapshot

TICK_MS = 30  # the race's frame interval
REFRESH_S = 0.25  # network mode: recompute the 1-D curve and the path's true loss this often
PROJECT_S = 1.0  # …but the true loss along the whole path (the longest job) only this often
RESLICE_S = 1.0  # and re-centre the plane on the moving weights at most this often


class LandscapeController(QObject):
    """Owns the LandscapeView and a JobRunner; all state and maths live in LandscapeExplorer."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.explorer = LandscapeExplorer()
        racers = [
            (k, label, colour) for k, (label, colour) in zip(RACERS, racer_names(), strict=True)
        ]
        self.view = LandscapeView(racers)
        self.walk_items = WalkItems(self.view.curve)  # the fog walker on the 1-D plot
        self._weights_key: tuple | None = None  # the network the weight chooser lists
        self.jobs = JobRunner(self)
        self.jobs.result_ready.connect(self._on_result)
        self.jobs.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_tick)
        self.redraw = QTimer(self)  # snapshots and job results redraw at most once per frame
        self.redraw.setSingleShot(True)
        self.redraw.setInterval(TICK_MS)
        self.redraw.timeout.connect(self._draw)
        self._problem_key: tuple | None = None
        self._last_refresh = self._last_project = self._last_slice = -float("inf")
        self._problem: Problem | None = None
        self._connect()
        self._show_choices()
        self.view.controls.set_learning_rate(self.explorer.lr, emit=False)
        self._draw()
        self.view.installEventFilter(self)  # a switch of language re-words the choosers

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On a switch of language: the core's choices and the frame in the new words."""
        if watched is self.view and event.type() == QEvent.Type.LanguageChange:
            self.explorer.race.reword()
            self._show_choices()
            self._draw()
        return False

    def _connect(self) -> None:
        c = self.view.controls
        # Each control's signal becomes one request value.
        wiring: list[tuple[object, Callable[..., lq.LandscapeRequest]]] = [
            (c.mode_changed, lq.SetMode),
            (c.surface_selected, lq.SelectSurface),
            (c.condition_changed, lq.SetCondition),
            (c.recompute_requested, lq.Recompute),
            (c.lr_changed, lq.SetLearningRate),
            (c.lr_regime_requested, lq.SetLrRegime),
            (c.race_command, lq.RaceCommand),
            (c.racers_changed, lambda names: lq.SetRacers(tuple(names))),
            (c.speed_changed, lq.SetSpeed),
            (c.narrated_changed, lq.SetNarrated),
            (c.knob_selected, lq.SetKnob),
            (c.probe_changed, lq.SetProbe),
            (c.fog_toggled, lq.SetFog),
            (c.knob_weight_selected, lq.SetKnobWeight),
            (c.walk_steps, lq.Walk),
            (self.view.surface.clicked, lq.SetStart),
        ]
        for signal, make in wiring:
            signal.connect(lambda *args, make=make: self.apply(make(*args)))  # type: ignore[attr-defined]
        c.three_d_toggled.connect(self._on_3d_toggled)
        self.walk_items.clicked.connect(self._on_curve_clicked)
        # W walks, Shift+W walks ten steps, wherever the focus is inside the landscape view.
        for key, button in (("W", c.walk), ("Shift+W", c.walk_ten)):
            shortcut = QShortcut(QKeySequence(key), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda b=button: _press(b))

    def _on_curve_clicked(self, x: float) -> None:
        """A click on the 1-D plot in network mode puts the fog walker there."""
        if self.explorer.mode == "network":
            self.apply(lq.StartWalk(at=x))

    # ----- requests in -----------------------------------------------------------------------
    def apply(self, request: lq.LandscapeRequest) -> None:
        """Hand one request value to the explorer, then act on what it says."""
        first = isinstance(request, lq.SetMode) and self.explorer.likelihood is None
        if first and request.mode == "likelihood":  # the hill of the user's own points
            request = self.likelihood_request()
        effects = self.explorer.apply(request)
        self._apply(effects, now=True)
        self.view.controls.show_probe_dx(self.explorer.race.dx)  # a lesson may set Δx
        if isinstance(
            request,
            lq.SetMode | lq.SelectSurface | lq.SetCondition | lq.ShowLikelihoodPaths
            | lq.SetKnobWeight | lq.StartWalk | lq.Walk | lq.RaceCommand | lq.PickParam,
        ):  # fmt: skip
            self._show_choices()

    def show_paths(self, kinds: tuple[str, ...]) -> bool:
        """A lesson's paths (batch, sgd, minibatch…) on the ll hill of the current points."""
        self.apply(self.likelihood_request(tuple(kinds)))
        return self.explorer.mode == "likelihood"

    def likelihood_request(
        self, kinds: tuple[str, ...] = lq.LIKELIHOOD_PATHS
    ) -> lq.ShowLikelihoodPaths:
        """The training points as (x1, x2, label) rows, for a 2-weight logistic model."""
        data = self.ctx.document.data_arrays()
        rows: tuple = ()
        if data.dim == 2 and data.kind == "binary":
            rows = tuple(
                (float(a), float(b), int(c))
                for (a, b), c in zip(data.X_train, data.y_train, strict=True)
            )
        return lq.ShowLikelihoodPaths(rows, kinds)

    def on_param_picked(self, param_index: int, index: tuple) -> None:
        """Shift+click on an edge or bias: that parameter becomes a landscape axis."""
        if self._problem is None:
            return
        self.apply(lq.PickParam(array_ref(self._problem.net, param_index, tuple(index))))

    def _on_3d_toggled(self, on: bool) -> None:
        if not on:
            self.view.show_3d(None)
            return
        ok, why = gl_status()
        if not ok:
            with QSignalBlocker(self.view.controls.three_d):
                self.view.controls.three_d.setChecked(False)
            self.view.show_3d(None, note=why)
            self._say(why, error=False)
            return
        self.view.show_3d(self.view.view3d or make_landscape_3d())

    def show_snapshot(self, snap: Snapshot) -> None:
        """A training snapshot: the path and marker advance; the surface follows if needed."""
        problem = self._problem_for(snap)
        if problem is None:
            return
        theta = np.concatenate([np.ravel(p) for p in snap.params])
        grad = np.concatenate([np.ravel(g) for g in snap.grads]) if snap.grads else None
        # The curve and projection jobs share the GUI process's interpreter lock: recompute them
        # a few times a second, not on every one of the 40 snapshots a second (the path itself
        # still grows with every snapshot).
        now = time.monotonic()
        refresh = now - self._last_refresh >= REFRESH_S
        if refresh:
            self._last_refresh = now
        # A new plane is a whole grid of the network's loss (the job thread's longest work,
        # sharing this process's interpreter lock): at most one a second while training.
        recentre = now - self._last_slice >= RESLICE_S
        effects = self.explorer.observe(
            problem, theta, snap.step, grad, refresh=refresh, recentre=recentre
        )
        self._show_weights()
        if self.explorer.mode == "network" and self.view.isVisible():
            self._apply(self._paced(effects, now))

    def _paced(self, effects: Effects, now: float) -> Effects:
        """Live refreshes leave out the path's projection unless a second has passed.

        It evaluates the loss at every recorded point (up to ~50 ms of this process's
        interpreter lock, which the GUI thread waits for, once the path holds its 400 points)
        and feeds only the caption's numbers and the path's loss; a new plane has none yet, so
        it is sent at once.
        """
        keys = [key for key, _job in effects.jobs]
        if "project" not in keys:
            return effects
        if self.explorer.net.projection is None or now - self._last_project >= PROJECT_S:
            self._last_project = now
            return effects
        effects.jobs = [(key, job) for key, job in effects.jobs if key != "project"]
        return effects

    def _problem_for(self, snap: Snapshot) -> Problem | None:
        """The network's loss problem (features of the training points), rebuilt on change."""
        cfg = snap.config
        key = (snap.spec, snap.data_version, cfg.loss, cfg.l1, cfg.l2)
        if self._problem_key != key:
            data = self.ctx.document.data_arrays()
            if data.version != snap.data_version:
                return None  # the points changed since this snapshot: wait for the next one
            if len(data.X_train) == 0:
                return None
            X = feature_matrix(data.X_train, snap.spec.features, data.dim)
            net = snap.spec.build()
            self._problem = Problem(net, X, np.array(data.y_train), cfg.loss, cfg.l1, cfg.l2)
            self._problem_key = key
        return self._problem

    # ----- effects out -----------------------------------------------------------------------
    def _apply(self, effects: Effects, now: bool = False) -> None:
        for key, job in effects.jobs:
            self.jobs.submit(key, job)
            self.explorer.submitted(key)
            if key == "slice":
                self._last_slice = time.monotonic()
        if effects.lr is not None:
            self.view.controls.set_learning_rate(effects.lr, emit=False)
        if effects.message:
            self._say(effects.message, effects.error)
        if now:
            self._draw()
        elif not self.redraw.isActive():
            self.redraw.start()

    def _say(self, text: str, error: bool) -> None:
        self.ctx.say(text, error=error)
        self.view.readout.setText(text)

    def _draw(self) -> None:
        self.redraw.stop()
        self.view.show_picture(self.explorer.picture())
        network = self.explorer.mode == "network"
        self.walk_items.show(self.explorer.walking.picture() if network else None)
        playing = self.explorer.playing
        self.view.controls.show_playing(playing)
        if playing and not self.timer.isActive():
            self.timer.start()
        elif not playing and self.timer.isActive():
            self.timer.stop()

    def _show_choices(self) -> None:
        s, c = self.explorer, self.view.controls
        current = s.race.surface.key if s.mode == "race" else s.net.kind
        c.set_items(c.surface_choice, s.surface_items(), current)
        knob = s.race.knob if s.mode == "race" else s.net.knob
        c.set_items(c.knob, s.knob_items(), knob)
        c.show_mode(s.mode, current)
        self._weights_key = None
        self._show_weights()

    def _show_weights(self) -> None:
        """The weight chooser lists the live network's weights, the knob's one selected."""
        s = self.explorer
        key = (s.net.arch, s.walking.knob_index(s.net))
        if key != self._weights_key:
            self._weights_key = key
            self.view.controls.set_weights(s.walking.weight_items(s.net), key[1])

    def _on_tick(self) -> None:
        self._apply(self.explorer.tick())

    def _on_result(self, key: str, value: object) -> None:
        self.explorer.on_result(key, value)
        if not self.redraw.isActive():
            self.redraw.start()

    def _on_failed(self, key: str, message: str) -> None:
        self._apply(self.explorer.on_failed(key, message), now=True)

    def shutdown(self) -> None:
        """Stop the race timer and the job thread (from the window's closeEvent)."""
        self.timer.stop()
        self.redraw.stop()
        self.jobs.shutdown()


def _press(button: QPushButton) -> None:
    """Click ``button`` as the keyboard's stand-in, if it is there to be clicked."""
    if button.isEnabled() and button.isVisible():
        button.click()

"""Puts the loss landscape into the window: view signals to the session, jobs to the runner."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, QSignalBlocker, QTimer

from app.jobs import JobRunner
from app.views.landscape_3d import gl_status, make_landscape_3d
from app.views.landscape_view import LandscapeView
from nnviz.engine.features import feature_matrix
from nnviz.engine.problem import Problem
from nnviz.landscape.explorer import Effects, LandscapeExplorer
from nnviz.landscape.params import array_ref
from nnviz.landscape.race import RACERS
from nnviz.landscape.race_session import racer_names

if TYPE_CHECKING:
    from nnviz.snapshot import Snapshot

TICK_MS = 30  # the race's frame interval


class LandscapeController(QObject):
    """Owns the LandscapeView and a JobRunner; all state and maths live in LandscapeExplorer."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.w = window
        self.session = LandscapeExplorer()
        racers = [
            (k, label, colour) for k, (label, colour) in zip(RACERS, racer_names(), strict=True)
        ]
        self.view = LandscapeView(racers)
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
        self._problem: Problem | None = None
        self._connect()
        self._show_choices()
        self.view.controls.set_learning_rate(self.session.lr, emit=False)
        self._draw()

    def _connect(self) -> None:
        c = self.view.controls
        simple = {
            "mode_changed": "set_mode",
            "surface_selected": "select",
            "condition_changed": "set_condition",
            "recompute_requested": "recompute",
            "lr_changed": "set_lr",
            "lr_regime_requested": "set_lr_regime",
            "race_command": "command",
            "racers_changed": "set_racers",
            "speed_changed": "set_speed",
            "narrated_changed": "set_narrated",
            "knob_selected": "set_knob",
            "probe_changed": "set_probe",
            "fog_toggled": "set_fog",
        }
        for signal, name in simple.items():
            getattr(c, signal).connect(lambda *args, n=name: self.request(n, *args))
        self.view.surface.clicked.connect(lambda x, y: self.request("set_start", x, y))
        c.three_d_toggled.connect(self._on_3d_toggled)
        picked = getattr(getattr(self.w, "network_view", None), "param_picked", None)
        if picked is not None:
            picked.connect(self._on_param_picked)

    # ----- requests in -----------------------------------------------------------------------
    def request(self, name: str, *args: Any) -> None:
        """Hand one request to the session as values, then act on what it says."""
        effects = self.session.request(name, *args)
        self._apply(effects, now=True)
        if name in ("set_mode", "select", "set_condition"):
            self._show_choices()

    def _on_param_picked(self, param_index: int, index: tuple) -> None:
        """Shift+click on an edge or bias: that parameter becomes a landscape axis."""
        if self._problem is None:
            return
        ref = array_ref(self._problem.net, param_index, tuple(index))
        self._apply(self.session.request("pick", ref), now=True)

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
        effects = self.session.observe(problem, theta, snap.step, grad)
        if self.session.mode == "network" and self.view.isVisible():
            self._apply(effects)

    def _problem_for(self, snap: Snapshot) -> Problem | None:
        """The network's loss problem (features of the training points), rebuilt on change."""
        cfg = snap.config
        key = (snap.spec, snap.data_version, cfg.loss, cfg.l1, cfg.l2)
        if self._problem_key != key:
            data = self.w.doc.data_arrays()
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
            self.session.submitted(key)
        if effects.lr is not None:
            self.view.controls.set_learning_rate(effects.lr, emit=False)
        if effects.message:
            self._say(effects.message, effects.error)
        if now:
            self._draw()
        elif not self.redraw.isActive():
            self.redraw.start()

    def _say(self, text: str, error: bool) -> None:
        status = getattr(self.w, "status", None)
        if status is not None:
            status.say(text, error=error)
        self.view.readout.setText(text)

    def _draw(self) -> None:
        self.redraw.stop()
        self.view.show_picture(self.session.picture())
        playing = self.session.playing
        self.view.controls.show_playing(playing)
        if playing and not self.timer.isActive():
            self.timer.start()
        elif not playing and self.timer.isActive():
            self.timer.stop()

    def _show_choices(self) -> None:
        s, c = self.session, self.view.controls
        current = s.race.surface.key if s.mode == "race" else s.net.kind
        c.set_items(c.surface_choice, s.surface_items(), current)
        knob = s.race.knob if s.mode == "race" else s.net.knob
        c.set_items(c.knob, s.knob_items(), knob)
        c.show_mode(s.mode, current)

    def _on_tick(self) -> None:
        self._apply(self.session.tick())

    def _on_result(self, key: str, value: object) -> None:
        self.session.on_result(key, value)
        if not self.redraw.isActive():
            self.redraw.start()

    def _on_failed(self, key: str, message: str) -> None:
        self._apply(self.session.on_failed(key, message), now=True)

    def shutdown(self) -> None:
        """Stop the race timer and the job thread (from the window's closeEvent)."""
        self.timer.stop()
        self.redraw.stop()
        self.jobs.shutdown()

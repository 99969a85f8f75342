"""Runs active learning by hand: a labelling session (pure) in, the plane and the curves out.

Each label refits a logistic readout on at most a few hundred points (a few milliseconds),
so it runs in the GUI thread; ``bench/active_learning.py`` measures the whole click-to-drawn
time. The random curve takes one fit per label up to the budget (~1 s for 200), so it is
computed one fit per timer tick, never all at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from app.views.active_learning_items import PlaneState
from app.views.active_learning_view import ActiveLearningView
from nnviz.experiments.labelling import LabellingSession

GRID = 64  # cells per axis of the decision regions
# The random curve: one fit (~4 ms) per tick, a tick every 25 ms, drawn every 5 fits. A timer
# of 0 ms would be served as often as the 5 ms one a lecturer's clicks wait behind; this leaves
# the event loop more than half its time (bench/active_learning.py).
RANDOM_TICK_MS, RANDOM_DRAW_EVERY = 25, 5
MARGIN = 1.5  # the regions reach this far beyond the data's domain, so a wide plane is filled
SESSION_KEYS = ("seed", "noise", "budget")  # changing one of these starts a new session


class ActiveLearningController(QObject):
    """One labelling session; every request is refused with one message or fully done.

    ``say(text, error=False)`` repeats each message in the status bar. ``changed`` is emitted
    after every label, undo or new session has been drawn.
    """

    changed = Signal()

    def __init__(self, say: Callable[..., None], view: ActiveLearningView | None = None):
        super().__init__()
        self.say = say
        self.view = view or ActiveLearningView()
        self.session: LabellingSession | None = None
        self.values: dict[str, Any] = {}
        self.last: int | None = None
        self.timer = QTimer(self)  # the random curve, one fit per tick
        self.timer.setInterval(RANDOM_TICK_MS)
        self.timer.timeout.connect(self._extend_random)
        self.view.destroyed.connect(self.timer.stop)  # the window closed: nothing left to draw
        self.view.point_clicked.connect(self.click)
        self.view.label_next_requested.connect(self.label_next)
        self.view.undo_requested.connect(self.undo)
        self.view.restart_requested.connect(self.restart)

    # ----- requests --------------------------------------------------------------------------
    def start(self, values: dict[str, Any]) -> bool:
        """Settings from the panel: a new session, or, if only k changed, new rings only."""
        same = self.session is not None and all(
            values.get(k) == self.values.get(k) for k in SESSION_KEYS
        )
        try:
            if same and self.session is not None:
                self.session.set_k(int(values["k"]))
            else:
                session = LabellingSession(
                    seed=int(values["seed"]), noise=float(values["noise"]),
                    k=int(values["k"]), budget=int(values["budget"]),
                )  # fmt: skip
        except ValueError as exc:
            self._refuse(str(exc))
            return False
        self.values = dict(values)
        if not same:
            self.session, self.last = session, None
            self.timer.start()
        self._draw(self._session().said_start() if not same else self._session().said())
        return True

    def restart(self) -> None:
        """The same settings from the first labels again."""
        if self.values:
            self.session = None
            self.start(self.values)

    def click(self, index: int | None) -> None:
        """A click on the plane: a ringed point is labelled; anything else is one message."""
        session = self.session
        if session is None:
            return
        try:
            session.label(index)
        except ValueError as exc:
            self._refuse(str(exc))
            return
        self.last = index
        self._draw(session.said(index))

    def label_next(self) -> None:
        """L: label the point the model is least sure of (refused once the budget is spent)."""
        if self.session is not None:
            self.click(self.session.candidates[0] if self.session.candidates else None)

    def undo(self) -> None:
        """Backspace: take the last label back."""
        session = self.session
        if session is None:
            return
        try:
            session.undo()
        except ValueError as exc:
            self._refuse(str(exc))
            return
        given = session.labelled[len(session.pool.first) :]
        self.last = given[-1] if given else None
        self._draw(session.said())

    # ----- pictures --------------------------------------------------------------------------
    def state(self) -> PlaneState:
        """What the plane shows now."""
        s = self._session()
        low, high = s.pool.domain
        axis = np.linspace(low - MARGIN, high + MARGIN, GRID)
        return PlaneState(s.pool.X, tuple(s.labelled), tuple(s.label_of(i) for i in s.labelled),
                          s.candidates if not s.full else (), axis, s.probabilities(axis),
                          self.last)  # fmt: skip

    def _draw(self, text: str) -> None:
        s = self._session()
        start = len(s.pool.first)
        random = (s.random_labels, s.random_accuracy)
        self.view.show_state(self.state(), s.curve(), random, start, s.budget)
        self.view.set_enabled(not s.full, len(s.fits) > 1)
        self.view.show_message(text)
        self.say(text)
        self.changed.emit()

    def _extend_random(self) -> None:
        s = self.session
        more = s is not None and s.extend_random(1)
        if not more:
            self.timer.stop()
        if s is not None and (not more or len(s.random_labels) % RANDOM_DRAW_EVERY == 0):
            self.view.show_random((s.random_labels, s.random_accuracy), s.curve(),
                                  len(s.pool.first), s.budget)  # fmt: skip

    def _refuse(self, text: str) -> None:
        self.view.show_message(text, error=True)
        self.say(text, error=True)

    def _session(self) -> LabellingSession:
        if self.session is None:
            raise ValueError("no labelling session has started")
        return self.session

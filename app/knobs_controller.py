"""Connects the six-knob view to the engine: y = k0 + k1·x + … + k5·x⁵ and its loss surface."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from app.i18n import tr
from app.views.knobs_view import KNOB_RANGE, KnobsView
from nnviz.data.registry import make_dataset
from nnviz.engine.features import polynomial_features
from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem
from nnviz.engine.trainer import TrainConfig, Trainer
from nnviz.landscape.params import flat_index
from nnviz.lessons.popsci_fitting import DEGREE

EPOCHS_PER_TICK = 10  # one full-batch Adam step per epoch: about 2 ms a tick
MAX_EPOCHS = 3000  # as the lesson's fit
TICK_MS = 16
GRID_N = 41
CURVE_X = np.linspace(-1.0, 1.0, 121)


class KnobsController(QObject):
    """Holds the six knobs (a network with no hidden layer on x, x², …, x⁵) and the data.

    The lesson player calls ``set_knobs(values)``, ``choose_knobs(i, j)``, ``start_fit()``,
    ``stop_fit()`` and ``reset()``; ``knobs()`` reads k0…k5.
    """

    message = Signal(str)
    fit_finished = Signal()

    def __init__(self, view: KnobsView, curve: str = "sin", n: int = 30, seed: int = 0):
        super().__init__(view)
        self.view = view
        data = make_dataset(curve, n=n, noise=0.1, seed=seed)
        self.x, self.y = data.X[:, 0], data.y
        self.F = polynomial_features(data.X, DEGREE, include_bias=False)
        self.seed = seed
        self.pair = (1, 2)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        view.knob_changed.connect(self._on_knob_changed)
        view.fit_toggled.connect(self._on_fit_toggled)
        view.reset_requested.connect(self.reset)
        view.knobs_chosen.connect(self._on_knobs_chosen)
        self.message.connect(view.show_message)
        self.reset()

    # ----- the knobs -------------------------------------------------------------------------
    def knobs(self) -> list[float]:
        """[k0, k1, …, k5]: the bias first, then the weight of each power of x."""
        return [float(self.net.biases[0][0]), *(float(w) for w in self.net.weights[0][:, 0])]

    def set_knobs(self, values: list[float]) -> bool:
        """Turn all six knobs; a value that is not a finite number in range changes nothing."""
        if len(values) != DEGREE + 1 or not all(_ok(v) for v in values):
            self.message.emit(
                tr("six knobs take six numbers from {low} to {high}").format(
                    low=f"{-KNOB_RANGE:g}", high=f"{KNOB_RANGE:g}"
                )
            )
            return False
        for i, v in enumerate(values):
            self._put(i, float(v))
        self._show()
        return True

    def _put(self, i: int, value: float) -> None:
        # In place: the optimizer keeps references to these very arrays.
        if i == 0:
            self.net.biases[0][0] = value
        else:
            self.net.weights[0][i - 1, 0] = value

    def choose_knobs(self, i: int, j: int) -> bool:
        """Draw the loss over knobs k_i (across) and k_j (up)."""
        if i == j or not (0 <= i <= DEGREE and 0 <= j <= DEGREE):
            self.message.emit(tr("choose two different knobs out of k0 … k5"))
            self.view.show_pair(self.pair)
            return False
        self.pair = (int(i), int(j))
        self._show()
        return True

    def reset(self) -> None:
        """All knobs back to 0 and a fresh optimizer; stops a running fit."""
        self.stop_fit()
        self.net = MLP([DEGREE, 1], output="identity", bias=True, init="zeros", seed=self.seed)
        config = TrainConfig(
            loss="mse", optimizer="adam", lr=0.05, batch_size=len(self.F), classification=False
        )
        self.trainer = Trainer(self.net, (self.F, self.y), None, config, seed=self.seed)
        self.steps = self.trainer.run()
        self._show()

    # ----- fitting by gradient descent -------------------------------------------------------
    def start_fit(self) -> None:
        """Animate gradient descent: a few epochs every tick, the knobs turning as it goes."""
        self.view.set_fitting(True)
        self.timer.start()

    def stop_fit(self) -> None:
        """Pause the animation (the knobs stay where they are)."""
        if hasattr(self, "timer"):
            self.timer.stop()
        self.view.set_fitting(False)

    def step_fit(self) -> bool:
        """A few epochs of Adam on the squared error; False once the fit is done."""
        for event in self.steps:
            if event.kind == "diverged":
                self.message.emit(event.message)
                return False
            if event.kind == "epoch" and event.epoch % EPOCHS_PER_TICK == 0:
                break
        self._show()
        return self.trainer.epoch < MAX_EPOCHS

    # ----- numbers for the view --------------------------------------------------------------
    def loss(self) -> float:
        """The mean squared error of the curve through the data at the current knobs."""
        return self.net.loss(self.F, self.y, "mse")

    def curve(self, xs: np.ndarray = CURVE_X) -> np.ndarray:
        """y = k0 + k1·x + … + k5·x⁵ at ``xs``, by the network's forward pass."""
        return self.net.forward(polynomial_features(xs, DEGREE, include_bias=False)).ravel()

    def loss_map(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(k_i values, k_j values, loss[j, i]) with every other knob where it is now."""
        a = b = np.linspace(-KNOB_RANGE, KNOB_RANGE, GRID_N)
        index = [self._flat(k) for k in self.pair]
        thetas = np.tile(self.net.get_flat(), (GRID_N * GRID_N, 1))
        u, v = np.meshgrid(a, b)  # rows: the second knob
        thetas[:, index[0]], thetas[:, index[1]] = u.ravel(), v.ravel()
        grid = Problem(self.net, self.F, self.y, "mse").loss_at(thetas).reshape(GRID_N, GRID_N)
        return a, b, grid

    def _flat(self, knob: int) -> int:
        return flat_index(self.net, (0, 0) if knob == 0 else (0, knob - 1, 0))

    def _show(self) -> None:
        k = self.knobs()
        self.view.show_knobs(k)
        self.view.show_fit(CURVE_X, self.curve(), self.x, self.y)
        a, b, grid = self.loss_map()
        point = (k[self.pair[0]], k[self.pair[1]])
        self.view.show_loss_map(self.pair, a, b, grid, point, self.loss())
        self.view.show_progress(self.trainer.epoch, self.loss())

    # ----- from the view ---------------------------------------------------------------------
    def _on_knob_changed(self, i: int, value: float) -> None:
        if _ok(value) and 0 <= i <= DEGREE:
            self._put(i, value)
            self._show()

    def _on_fit_toggled(self, on: bool) -> None:
        self.start_fit() if on else self.stop_fit()

    def _on_knobs_chosen(self, i: int, j: int) -> None:
        self.choose_knobs(i, j)

    def _on_timer_timeout(self) -> None:
        if not self.step_fit():
            self.stop_fit()
            self.fit_finished.emit()


def _ok(v: object) -> bool:
    """A finite real number within the knobs' range."""
    if isinstance(v, bool) or not isinstance(v, int | float | np.floating):
        return False
    return math.isfinite(float(v)) and -KNOB_RANGE <= float(v) <= KNOB_RANGE

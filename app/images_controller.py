"""Connects the image view to the training process, the network graph and the FGSM nudge.

The digit MLP trains in the training process like any other data (``TrainImages`` down the
bridge, an ``ImageEpoch`` back after every epoch); this controller only draws what arrives,
answers with the weights it got, and traces a clicked image through the network graph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from app.i18n import tr
from app.views.images_view import ImagesView
from app.views.knob_items import parse_number
from nnviz import commands as cmd
from nnviz.data.images import ImageSet
from nnviz.engine.adversarial import confidence, fgsm
from nnviz.engine.metrics import predict_classes
from nnviz.engine.mlp import MLP
from nnviz.image_run import ImageEpoch, ImagesDone
from nnviz.network.image_graph import image_graph

N_SAMPLES = 24  # test images in the grid (four rows of six)
MAX_EPS = 0.5
DEFAULTS = {"k": 12, "n": 2000, "seed": 0, "hidden": 16, "epochs": 8}


class ImagesController(QObject):
    """Asks the training process for the digit MLP and keeps the shown samples and their nudges.

    The lesson player calls ``load(options)``, ``select(image_index)``, ``nudge(eps)`` and
    ``undo()``; ``example_selected(image_index)`` says which test image was picked (it is traced
    through the network graph), ``training_finished(test_accuracy)`` when a run ends.
    ``training`` is anything with ``send(command)`` and the ``images_progress`` and
    ``images_finished`` signals (the app's ``TrainingBridge``); ``network`` the network view.
    ``numbers_changed(progress, on_screen)`` tells the status line the digit network's latest
    epoch (None before one arrived) and whether the view is what the user looks at.
    """

    example_selected = Signal(int)
    training_finished = Signal(float)
    message = Signal(str)
    numbers_changed = Signal(object, bool)

    def __init__(self, view: ImagesView, training: Any, network: Any | None = None) -> None:
        super().__init__(view)
        self.view, self.bridge, self.network = view, training, network
        self.options = dict(DEFAULTS)
        self.run = 0  # the number of the newest run asked for; older runs' values are dropped
        self.progress: ImageEpoch | None = None
        self.net: MLP | None = None  # the latest weights, to answer and explain (never trained)
        self.test: ImageSet | None = None
        self.images: np.ndarray | None = None  # the shown samples, nudged or not: (n, k·k)
        self.selected: int | None = None
        self.history: list[tuple[int, np.ndarray]] = []  # (sample, image before a nudge)
        self.attacked: int | None = None  # the sample whose nudge the view shows
        self.training = False
        self.pending_nudge: tuple[int, float] | None = None  # a lesson's nudge, after training
        self.pending_select: int | None = None  # a lesson's image, once the samples are there
        self._said: tuple[Callable[[], str], bool] | None = None  # the view's line, to re-word
        self._verdicts: tuple[int, float, int, float] | None = None  # the nudge's before/after
        training.images_progress.connect(self._on_progress)
        training.images_finished.connect(self._on_finished)
        view.train_requested.connect(self.train)
        view.cancel_requested.connect(self.cancel)
        view.sample_clicked.connect(self.select)
        view.nudge_requested.connect(self._on_nudge_requested)
        view.undo_requested.connect(self.undo)
        view.shown_changed.connect(self._on_shown)
        view.reworded.connect(self._reword)
        self.message.connect(view.show_message)

    # ----- words -----------------------------------------------------------------------------
    def _say(self, make: Callable[[], str], error: bool = False) -> None:
        """One line under the panels, said again in the new language after a switch.

        A refusal (``error``) goes out as ``message`` (the view and the window's status line).
        """
        self._said = (make, error)
        if error:
            self.message.emit(make())
        else:
            self.view.show_message(make(), error=False)

    def _reword(self) -> None:
        """The view's language changed: its message line and the nudge's captions again."""
        if self._said is not None:
            make, error = self._said
            self.view.show_message(make(), error)
        if self._verdicts is not None and self.view.attack_shown():
            self.view.set_attack_captions(*self._captions(*self._verdicts))

    @staticmethod
    def _captions(before: int, p_before: float, after: int, p_after: float) -> tuple[str, str]:
        says = tr("says {label} ({p} % sure)")
        return (says.format(label=before, p=f"{100 * p_before:.0f}"),
                says.format(label=after, p=f"{100 * p_after:.0f}"))  # fmt: skip

    def _on_shown(self, on_screen: bool) -> None:
        self._show_graph()
        self.numbers_changed.emit(self.progress, on_screen)

    # ----- training (in the training process) ------------------------------------------------
    def load(self, options: dict) -> None:
        """A lesson's dataset (k, n, seed): train it unless that network is here, fully trained."""
        wanted = dict(self.options)
        wanted.update({key: options[key] for key in ("k", "n", "seed") if key in options})
        finished = self.progress is not None and self.progress.done  # a stopped run is not
        if wanted != self.options or (not finished and not self.training):
            self.options = wanted
            self.train()

    def train(self, epochs: int | None = None) -> None:
        """Ask the training process for a new run; its epochs arrive as they are trained."""
        o = self.options
        self.run += 1
        self.training = True
        self.view.set_training(True)
        self.bridge.send(cmd.TrainImages(run=self.run, epochs=int(epochs or o["epochs"]),
                                         seed=o["seed"], k=o["k"], n=o["n"],
                                         hidden=o["hidden"]))  # fmt: skip

    def cancel(self) -> None:
        """Stop the run between two epochs; what it drew so far stays."""
        if self.training:
            self.pending_nudge = None
            self.bridge.send(cmd.CancelImages())

    def shutdown(self) -> None:
        """Closing: stop a run still going (the process itself ends with the bridge)."""
        self.cancel()

    def _on_progress(self, value: ImageEpoch) -> None:
        if value.run != self.run:
            return  # a replaced run's epoch, still on its way
        if value.test is not None:  # a fresh run: fresh samples, no nudges
            self.test = value.test
            self.images = value.test.X[:N_SAMPLES].copy()
            self.history.clear()
            self.attacked = None
            self.view.set_undo_enabled(False)
            self.view.clear_attack()
        if self.test is None:
            return
        self.progress, self.net = value, value.network()
        self.numbers_changed.emit(value, self.view.on_screen())
        self.view.show_progress(value.epoch, value.epochs, value.train_accuracy,
                                value.test_accuracy)  # fmt: skip
        self.view.show_weights(value.pictures)
        self.view.show_confusion(value.confusion)
        self._show_samples()
        if self.selected is not None:
            self._say_answer(self.selected)
        self._show_graph()

    def _on_finished(self, done: ImagesDone) -> None:
        if done.run != self.run:
            return
        self.training = False
        self.view.set_training(False)
        if done.error:
            self.pending_nudge = None
            # The process words its error in the language of the moment: kept as it came.
            self._say(lambda: tr("Training the digit network stopped: {why}").format(
                why=done.error), error=True)  # fmt: skip
            return
        if done.cancelled:
            self._say(lambda: tr("Training stopped after epoch {n}.").format(n=done.epochs))
            return
        if self.progress is not None:
            self.training_finished.emit(self.progress.test_accuracy)
        if self.pending_select is not None:
            self.select(self.pending_select)
            self.pending_select = None
        if self.pending_nudge is not None:
            self.nudge_when_trained(*self.pending_nudge)

    # ----- samples ---------------------------------------------------------------------------
    def answers(self) -> np.ndarray:
        """The network's answer for every shown sample (as nudged)."""
        assert self.net is not None and self.images is not None
        return predict_classes(self.net.forward(self.images))

    def _show_samples(self) -> None:
        if self.progress is None or self.images is None or self.test is None:
            return
        truth = self.test.y[: len(self.images)]
        guess = self.answers() if self.progress.epoch > 0 else None
        self.view.show_samples(self.images.reshape(-1, self.test.k, self.test.k), truth, guess)

    def select(self, image_index: int) -> bool:
        """Pick shown sample ``image_index``: ring it, say the answer, trace it in the graph."""
        if self.images is None or self.net is None or not 0 <= image_index < len(self.images):
            self._say(lambda: tr("Pick one of the images shown."), error=True)
            return False
        self.selected = int(image_index)
        if self.attacked != self.selected:  # the nudge shown was another image's
            self.attacked = None
            self.view.clear_attack()
        self.view.show_selection(self.selected)
        self._say_answer(self.selected)
        self._show_graph()
        self.example_selected.emit(self.selected)
        return True

    def select_when_trained(self, image_index: int) -> None:
        """Select an image now, or as soon as the running training is done (a lesson's step)."""
        if self.training or self.net is None:
            self.pending_select = int(image_index)
            return
        self.select(image_index)

    def _say_answer(self, i: int) -> None:
        label, prob = self._answer(self.images[i])
        self._say(lambda: tr("Image {i}: the network says {label} ({p} % sure).").format(
            i=i + 1, label=label, p=f"{100 * prob:.0f}"))  # fmt: skip

    def _answer(self, x: np.ndarray) -> tuple[int, float]:
        assert self.net is not None
        return confidence(self.net, x)

    def _show_graph(self) -> None:
        """The network graph shows the digit network while this view is on screen."""
        if self.network is None:
            return
        if not self.view.on_screen() or self.net is None or self.test is None:
            self.network.show_image_graph(None)
            return
        traced = None if self.selected is None else self.images[self.selected]
        self.network.show_image_graph(image_graph(self.net, self.test.k, traced))

    # ----- the adversarial nudge -------------------------------------------------------------
    def nudge(self, eps: float) -> bool:
        """x′ = clip(x + ε·sign(∂L/∂x)) on the selected image, L measured against its answer."""
        if self.progress is None or self.progress.epoch == 0 or self.images is None:
            self._say(lambda: tr("Train the network first."), error=True)
            return False
        if self.selected is None:
            self._say(lambda: tr("Click an image first."), error=True)
            return False
        i = self.selected
        x = self.images[i].copy()
        before, p_before = self._answer(x)
        after_x = fgsm(self.net, x[None], np.array([before]), float(eps))[0]
        self.history.append((i, x))
        self.images[i] = after_x
        after, p_after = self._answer(after_x)
        k = self.test.k
        self._verdicts = (before, p_before, after, p_after)
        self.view.show_attack(x.reshape(k, k), (after_x - x).reshape(k, k), after_x.reshape(k, k),
                              *self._captions(*self._verdicts))  # fmt: skip
        self.attacked = i
        self.view.set_undo_enabled(True)
        self._show_samples()
        self._show_graph()
        changed = after != before
        self._say(
            lambda: tr("ε = {eps}: the network {what}.").format(
                eps=f"{eps:g}",
                what=tr("changed its mind") if changed else tr("still says the same"),
            )
        )
        return True

    def nudge_when_trained(self, image_index: int, eps: float) -> None:
        """Select an image and nudge it now, or as soon as the running training is done."""
        if self.training or self.progress is None or self.progress.epoch == 0:
            self.pending_nudge = (int(image_index), float(eps))
            if not self.training:
                self.train()
            return
        self.pending_nudge = None
        if self.select(image_index):
            self.nudge(eps)

    def undo(self) -> bool:
        """Put the last nudged image back exactly as it was."""
        if not self.history or self.images is None:
            return False
        i, x = self.history.pop()
        self.images[i] = x
        self.view.set_undo_enabled(bool(self.history))
        self.attacked = None
        self.view.clear_attack()
        self._show_samples()
        self.select(i)
        return True

    # ----- from the view ---------------------------------------------------------------------
    def _on_nudge_requested(self, text: str) -> None:
        eps = parse_number(text, 0.0, MAX_EPS)[0]
        if eps is None:

            def refused() -> str:  # parse_number words its reason in the language of the moment
                why = parse_number(text, 0.0, MAX_EPS)[1]
                return tr("ε: {why}; nothing was nudged").format(why=why)

            self._say(refused, error=True)
            return
        self.nudge(eps)

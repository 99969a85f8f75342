"""Connects the image view to the engine: training off the GUI thread, answers, and FGSM nudges."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from app.jobs import JobRunner
from app.views.images_view import ImagesView
from app.views.knob_items import parse_number
from nnviz.engine.adversarial import confidence, fgsm
from nnviz.engine.image_training import ImageProgress, train_images
from nnviz.engine.metrics import predict_classes

JOB = "images"
N_SAMPLES = 24  # test images in the grid (four rows of six)
MAX_EPS = 0.5


class ImagesController(QObject):
    """Trains the digit MLP on the job thread and keeps the shown samples and their nudges.

    The lesson player calls ``train()``, ``select(image_index)``, ``nudge(eps)`` and
    ``undo()``; ``example_selected(image_index)`` says which test image was picked (to
    trace through the network graph), ``training_finished(test_accuracy)`` when a run ends.
    """

    example_selected = Signal(int)
    training_finished = Signal(float)
    message = Signal(str)

    def __init__(self, view: ImagesView, runner: JobRunner | None = None, seed: int = 0):
        super().__init__(view)
        self.view = view
        self.seed = seed
        self._own_runner = runner is None
        self.runner = runner or JobRunner(self)
        self.runner.result_ready.connect(self._on_result_ready)
        self.runner.failed.connect(self._on_failed)
        self.progress: ImageProgress | None = None
        self.images: np.ndarray | None = None  # the shown samples, nudged or not: (n, k·k)
        self.selected: int | None = None
        self.history: list[tuple[int, np.ndarray]] = []  # (sample, image before a nudge)
        self.training = False
        self.pending_nudge: tuple[int, float] | None = None  # a lesson's nudge, after training
        view.train_requested.connect(self.train)
        view.sample_clicked.connect(self._on_sample_clicked)
        view.nudge_requested.connect(self._on_nudge_requested)
        view.undo_requested.connect(self.undo)
        self.message.connect(view.show_message)

    # ----- training --------------------------------------------------------------------------
    def train(self, epochs: int = 8) -> None:
        """Start (or restart) training on the job thread; progress arrives once per epoch."""
        seed = self.seed
        self.training = True
        self.view.set_training(True)
        self.runner.submit(JOB, lambda cancelled: train_images(epochs=epochs, seed=seed,
                                                               cancelled=cancelled))  # fmt: skip

    def shutdown(self) -> None:
        """Stop the job thread if this controller made it (from closeEvent or a test)."""
        self.runner.cancel(JOB)
        if self._own_runner:
            self.runner.shutdown()

    def _on_result_ready(self, key: str, value: object) -> None:
        if key != JOB or not isinstance(value, ImageProgress):
            return
        self.progress = value
        if value.epoch == 0:  # a fresh run: fresh samples, no nudges
            self.images = value.test.X[:N_SAMPLES].copy()
            self.history.clear()
            self.view.set_undo_enabled(False)
        self.view.show_progress(value.epoch, value.epochs, value.train_accuracy,
                                value.test_accuracy)  # fmt: skip
        self.view.show_weights(value.pictures)
        self.view.show_confusion(value.confusion)
        self._show_samples()
        if value.done:
            self.training = False
            self.view.set_training(False)
            self.training_finished.emit(value.test_accuracy)
            if self.pending_nudge is not None:
                self.nudge_when_trained(*self.pending_nudge)

    def _on_failed(self, key: str, text: str) -> None:
        if key == JOB:
            self.training = False
            self.view.set_training(False)
            self.message.emit(f"training stopped: {text}")

    # ----- samples ---------------------------------------------------------------------------
    def answers(self) -> np.ndarray:
        """The network's answer for every shown sample (as nudged)."""
        assert self.progress is not None and self.images is not None
        return predict_classes(self.progress.net.forward(self.images))

    def _show_samples(self) -> None:
        if self.progress is None or self.images is None:
            return
        k = self.progress.test.k
        truth = self.progress.test.y[: len(self.images)]
        guess = self.answers() if self.progress.epoch > 0 else None
        self.view.show_samples(self.images.reshape(-1, k, k), truth, guess)

    def select(self, image_index: int) -> bool:
        """Pick test image ``image_index`` (one of the shown samples) for the nudge."""
        if self.images is None or not 0 <= image_index < len(self.images):
            self.message.emit("pick one of the images shown")
            return False
        self.selected = int(image_index)
        self.view.show_selection(self.selected)
        label, prob = self._answer(self.images[self.selected])
        self.view.show_message(f"image {self.selected}: the network says {label} "
                               f"({100 * prob:.0f} % sure)", error=False)  # fmt: skip
        self.example_selected.emit(self.selected)
        return True

    def _answer(self, x: np.ndarray) -> tuple[int, float]:
        assert self.progress is not None
        return confidence(self.progress.net, x)

    # ----- the adversarial nudge -------------------------------------------------------------
    def nudge(self, eps: float) -> bool:
        """x′ = clip(x + ε·sign(∂L/∂x)) on the selected image, L measured against its answer."""
        if self.progress is None or self.progress.epoch == 0 or self.images is None:
            self.message.emit("train the network first")
            return False
        if self.selected is None:
            self.message.emit("click an image first")
            return False
        i = self.selected
        x = self.images[i].copy()
        before, p_before = self._answer(x)
        after_x = fgsm(self.progress.net, x[None], np.array([before]), float(eps))[0]
        self.history.append((i, x))
        self.images[i] = after_x
        after, p_after = self._answer(after_x)
        k = self.progress.test.k
        self.view.show_attack(x.reshape(k, k), (after_x - x).reshape(k, k), after_x.reshape(k, k),
                              f"says {before} ({100 * p_before:.0f} % sure)",
                              f"says {after} ({100 * p_after:.0f} % sure)")  # fmt: skip
        self.view.set_undo_enabled(True)
        self._show_samples()
        flipped = "changed its mind" if after != before else "still says the same"
        self.view.show_message(f"ε = {eps:g}: the network {flipped}", error=False)
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
        self._show_samples()
        self.select(i)
        return True

    # ----- from the view ---------------------------------------------------------------------
    def _on_sample_clicked(self, position: int) -> None:
        self.select(position)

    def _on_nudge_requested(self, text: str) -> None:
        eps, why = parse_number(text, 0.0, MAX_EPS)
        if eps is None:
            self.message.emit(f"ε: {why}; nothing was nudged")
            return
        self.nudge(eps)

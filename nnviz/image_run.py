"""The digit-image MLP trained inside the training process: one epoch per call, values out.

The training process's loop calls ``step()`` between its other work, so commands (a cancel,
a new run) are read after every epoch. Messages (kind, value) it hands to the loop's pipe:
``("images", ImageEpoch)`` after every epoch (epoch 0: the untrained network and the test
images), and once at the end ``("images_done", ImagesDone)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nnviz import commands as cmd
from nnviz.data.images import MAX_SIZE, MIN_SIZE, ImageSet
from nnviz.engine.image_training import ImageProgress, train_images
from nnviz.engine.mlp import MLP
from nnviz.text import _

IMAGES, IMAGES_DONE = "images", "images_done"
MAX_EPOCHS, MAX_HIDDEN, MAX_IMAGES = 200, 128, 20_000
LOSS = "cross_entropy"
Message = tuple[str, Any]
Array = np.ndarray


@dataclass(frozen=True)
class ImageEpoch:
    """The image network after ``epoch`` of ``epochs`` epochs (0: untrained), as the views need it.

    ``params`` are read-only copies [W1, b1, W2, b2]; ``confusion[t, p]`` counts test images
    of digit t answered p; ``test`` (the test images) comes with epoch 0 only, since it never
    changes during a run.
    """

    run: int
    epoch: int
    epochs: int
    k: int
    sizes: tuple[int, ...]
    activation: str
    output: str
    params: tuple[Array, ...]
    loss: float
    train_accuracy: float
    test_accuracy: float
    confusion: Array
    test: ImageSet | None = None

    @property
    def done(self) -> bool:
        """True for the last epoch."""
        return self.epoch >= self.epochs

    @property
    def pictures(self) -> Array:
        """Each hidden neuron's first-layer weights as a k×k picture: what it looks for."""
        return self.params[0].T.reshape(-1, self.k, self.k)

    def network(self) -> MLP:
        """A network with these weights, to answer and explain (not to train)."""
        net = MLP(list(self.sizes), self.activation, self.output, init="zeros")
        net.set_params(self.params)
        return net

    def refrozen(self) -> ImageEpoch:
        """Mark the arrays read-only again: a trip through a pipe makes them writable."""
        for a in (*self.params, self.confusion):
            a.setflags(write=False)
        return self


@dataclass(frozen=True)
class ImagesDone:
    """The end of run ``run``: all epochs trained, cancelled, or stopped by ``error``."""

    run: int
    epochs: int  # epochs trained before it ended
    cancelled: bool = False
    error: str | None = None


def check_request(c: cmd.TrainImages) -> None:
    """Refuse sizes the window cannot train in a few seconds (one clear ValueError)."""
    epochs, k, n, hidden = (_whole(v) for v in (c.epochs, c.k, c.n, c.hidden))
    _whole(c.run)
    _whole(c.seed)
    if not 0 <= epochs <= MAX_EPOCHS:
        raise ValueError(_("train 0 to {most} epochs on the images", most=MAX_EPOCHS))
    if not MIN_SIZE <= k <= MAX_SIZE:
        raise ValueError(
            _("images are {low} to {high} pixels wide, not {k}", low=MIN_SIZE, high=MAX_SIZE, k=k)
        )
    if not 10 <= n <= MAX_IMAGES or n % 10:
        raise ValueError(
            _("use a multiple of 10 from 10 to {most} images, not {n}", most=MAX_IMAGES, n=n)
        )
    if not 1 <= hidden <= MAX_HIDDEN:
        raise ValueError(_("use 1 to {most} hidden neurons", most=MAX_HIDDEN))


def _whole(value: object) -> int:
    """An int (or a float with nothing after the point); anything else is refused."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise ValueError(_("the image run needs whole numbers, not {value!r}", value=value))
    if not float(value).is_integer():
        raise ValueError(_("the image run needs whole numbers, not {value!r}", value=value))
    return int(value)


def epoch_value(run: int, p: ImageProgress) -> ImageEpoch:
    """What the GUI gets after one epoch: copies of the weights and the numbers it shows."""
    params = tuple(np.array(a, dtype=float, copy=True) for a in p.net.params)
    for a in params:
        a.setflags(write=False)
    confusion = np.array(p.confusion, copy=True)
    confusion.setflags(write=False)
    return ImageEpoch(
        run=run,
        epoch=p.epoch,
        epochs=p.epochs,
        k=p.test.k,
        sizes=tuple(p.net.sizes),
        activation=p.net.activations[0],
        output=p.net.activations[-1],
        params=params,
        loss=float(p.net.loss(p.train.X, p.train.y, LOSS)),
        train_accuracy=p.train_accuracy,
        test_accuracy=p.test_accuracy,
        confusion=confusion,
        test=p.test if p.epoch == 0 else None,
    )


class RunningImages:
    """One image run, an epoch per ``step()``; ``finished`` once its end message is out.

    The data, network and settings are ``nnviz.engine.image_training.train_images``'s, so a
    seed ends at exactly the weights (and accuracy) the lessons report.
    """

    def __init__(self, command: cmd.TrainImages) -> None:
        check_request(command)
        self.command = command
        self.epochs = 0  # trained so far
        self.finished = False
        c = command
        self._progress = train_images(
            k=int(c.k), n=int(c.n), hidden=int(c.hidden), epochs=int(c.epochs), seed=int(c.seed)
        )
        self.run = int(c.run)

    def step(self) -> list[Message]:
        """Train the next epoch (the first call: make the data): its value, then the end."""
        try:
            p = next(self._progress)
        except StopIteration:
            return [self._done()]
        except Exception as exc:  # noqa: BLE001 - a failing run ends, training carries on
            error = _("The image training stopped: {kind}: {error}", kind=type(exc).__name__,
                      error=exc)  # fmt: skip
            return [self._done(error=error)]
        self.epochs = p.epoch
        out: list[Message] = [(IMAGES, epoch_value(self.run, p))]
        if p.done:
            out.append(self._done())
        return out

    def cancel(self) -> Message:
        """Stop now (no further epoch is trained) and say so."""
        close = getattr(self._progress, "close", None)  # a generator: let it end now
        if close is not None:
            close()
        return self._done(cancelled=True)

    def _done(self, cancelled: bool = False, error: str | None = None) -> Message:
        self.finished = True
        return IMAGES_DONE, ImagesDone(self.run, self.epochs, cancelled, error)


def start_message(command: cmd.TrainImages) -> tuple[RunningImages | None, list[Message]]:
    """A new run, or None and the one message saying why it cannot start."""
    try:
        return RunningImages(command), []
    except ValueError as exc:
        run = command.run if isinstance(command.run, int) else -1
        return None, [(IMAGES_DONE, ImagesDone(run, 0, error=str(exc)))]

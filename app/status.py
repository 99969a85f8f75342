"""The status bar: epoch, losses, accuracy, speed, and one line for messages."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import QStatusBar, QWidget

from app.i18n import tr
from app.views.elided_label import ElidedLabel
from app.views.steady_label import SteadyLabel
from nnviz.image_run import ImageEpoch
from nnviz.snapshot import Snapshot


def _fmt(value: float, pct: bool = False) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{100 * value:.1f} %" if pct else f"{value:.4f}"


class StatusLine(QStatusBar):
    """Shows the numbers a lecturer reads out, and the latest message.

    A message may say what it is ``about``, so that it goes away when that stops being true:
    "edit" (a refused click or edit: withdrawn by the next successful edit, or when training
    starts) and "training" (what the last command did to the network, e.g. a reset or a
    rebuild: withdrawn when training starts). Untagged messages stay until replaced.

    While the Images view is what the user looks at, the numbers are the digit network's
    (``show_images``), never the playground's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # New numbers every frame: as wide as the widest so far, so a shorter number never
        # re-lays out the window (the status bar's size requests go up to the main window).
        self.numbers = SteadyLabel(grow=True)
        self.message = ElidedLabel()
        self.compact = False  # presentation mode: fewer words, larger type
        self.addWidget(self.message, 1)
        self.addPermanentWidget(self.numbers)
        self.about = ""
        self._last: tuple[bool, int] | None = None  # (playing, epoch) of the last snapshot
        self._words: tuple[Callable[[], str], bool, str] | None = None  # how to re-say it
        self._snap: Snapshot | None = None  # the playground's numbers, shown when images are not
        self._images: ImageEpoch | None = None
        self.images_shown = False

    def show_snapshot(self, snap: Snapshot) -> None:
        """Update the numbers (and any message the worker attached)."""
        self.show_numbers(snap)
        if self._training_started(snap):
            self.withdraw("edit")
            self.withdraw("training")
        if snap.message:
            self.say(snap.message, error=snap.event in ("diverged", "error"), about="training")

    def show_numbers(self, snap: Snapshot) -> None:
        """Only the numbers (in the current language), nothing else."""
        self._snap = snap
        if self.images_shown:
            self._show_image_numbers()
            return
        m = snap.metrics
        loss, test_loss = _fmt(m.get("train_loss")), _fmt(m.get("test_loss"))
        parts = [tr("epoch {epoch}").format(epoch=snap.epoch)]
        if self.compact:
            parts.append(tr("loss {loss} (test {test})").format(loss=loss, test=test_loss))
        else:
            parts.append(tr("train loss {loss}").format(loss=loss))
            parts.append(tr("test loss {loss}").format(loss=test_loss))
        if snap.kind != "regression":
            acc, test_acc = _fmt(m.get("train_acc"), True), _fmt(m.get("test_acc"), True)
            if self.compact:
                parts.append(tr("accuracy {acc} (test {test})").format(acc=acc, test=test_acc))
            else:
                parts.append(tr("train acc {acc}").format(acc=acc))
                parts.append(tr("test acc {acc}").format(acc=test_acc))
        parts.append(tr("{rate} epochs/s").format(rate=f"{snap.epochs_per_second:.0f}"))
        self.numbers.setText("   ".join(parts))

    def show_images(self, progress: ImageEpoch | None, shown: bool) -> None:
        """The digit network's latest epoch, and whether the Images view is on screen."""
        if shown != self.images_shown:
            self.numbers.forget_size()  # other numbers: their own width
        self._images, self.images_shown = progress, shown
        if shown:
            self._show_image_numbers()
        elif self._snap is not None:
            self.show_numbers(self._snap)
        else:
            self.numbers.setText("")

    def _show_image_numbers(self) -> None:
        """Epoch, loss and accuracy of the digit network's run (none of the playground's)."""
        p = self._images
        if p is None:
            self.numbers.setText(tr("digit network: not trained yet"))
            return
        acc, test_acc = _fmt(p.train_accuracy, True), _fmt(p.test_accuracy, True)
        parts = [
            tr("digit network: epoch {epoch} / {epochs}").format(epoch=p.epoch, epochs=p.epochs),
            tr("train loss {loss}").format(loss=_fmt(p.loss)),
        ]
        if self.compact:
            parts.append(tr("accuracy {acc} (test {test})").format(acc=acc, test=test_acc))
        else:
            parts.append(tr("train acc {acc}").format(acc=acc))
            parts.append(tr("test acc {acc}").format(acc=test_acc))
        self.numbers.setText("   ".join(parts))

    def _training_started(self, snap: Snapshot) -> bool:
        """Play pressed, or a manual step taken (the epoch moved while paused)."""
        last, self._last = self._last, (snap.playing, snap.epoch)
        if last is None:
            return False
        was_playing, epoch = last
        return (snap.playing and not was_playing) or (not snap.playing and snap.epoch > epoch)

    def say(self, text: str, error: bool = False, about: str = "") -> None:
        """Show one message; errors in red so they are seen from the back row.

        ``say("", about=X)`` withdraws the message about X if it is still the one shown.
        """
        if not text and about:
            self.withdraw(about)
            return
        self._words = None
        colour = "#c0392b" if error else "#2c3e50"
        self.message.setStyleSheet(f"color: {colour}; font-weight: {'bold' if error else 400};")
        self.message.setText(text)
        self.about = about

    def say_worded(self, make: Callable[[], str], error: bool = False, about: str = "") -> None:
        """Like ``say(make())``, and said again in the new language after a switch."""
        self.say(make(), error, about)
        self._words = (make, error, about)

    def reword(self) -> bool:
        """Say the message again in the current language, if it was said with ``say_worded``."""
        if self.images_shown:
            self._show_image_numbers()  # the window re-shows the playground's only with a snapshot
        if self._words is None:
            return False
        self.say_worded(*self._words)
        return True

    def withdraw(self, about: str) -> None:
        """Clear the message if it is about ``about`` (it is no longer true)."""
        if about and self.about == about:
            self.message.clear()
            self.message.setToolTip("")
            self.about = ""
            self._words = None

    def set_presentation(self, on: bool) -> None:
        """Fewer words in the numbers, so they fit a projector at large type."""
        self.compact = on
        self.numbers.forget_size()  # fewer words, larger type
        if self.images_shown:
            self._show_image_numbers()

"""The status line: the playground's numbers, or the digit network's while Images shows."""

from __future__ import annotations

import numpy as np
import pytest

from app import i18n
from app.application import make_application
from app.i18n import tr
from app.status import StatusLine
from nnviz.image_run import ImageEpoch
from tests.factories import make_snapshot


@pytest.fixture(scope="module")
def snap():
    """A real playground snapshot after one epoch."""
    return make_snapshot(epochs=1)


@pytest.fixture
def status(qtbot) -> StatusLine:
    make_application()
    line = StatusLine()
    qtbot.addWidget(line)
    return line


def _epoch(epoch: int = 3, loss: float = 0.2468) -> ImageEpoch:
    """A digit run's epoch with known numbers (the arrays are not read by the status line)."""
    return ImageEpoch(run=1, epoch=epoch, epochs=8, k=4, sizes=(16, 5, 10), activation="tanh",
                      output="softmax", params=(), loss=loss, train_accuracy=0.915,
                      test_accuracy=0.875, confusion=np.zeros((10, 10)))  # fmt: skip


def _digit_words(compact: bool = False) -> str:
    """The digit run's line of ``_epoch()`` in the current language, from the catalogue."""
    parts = [tr("digit network: epoch {epoch} / {epochs}").format(epoch=3, epochs=8),
             tr("train loss {loss}").format(loss="0.2468")]  # fmt: skip
    if compact:
        parts.append(tr("accuracy {acc} (test {test})").format(acc="91.5 %", test="87.5 %"))
    else:
        parts += [
            tr("train acc {acc}").format(acc="91.5 %"),
            tr("test acc {acc}").format(acc="87.5 %"),
        ]
    return "   ".join(parts)


def test_the_images_view_on_screen_shows_the_digit_run_not_the_playground(status, snap):
    """Shown: the digit run's epoch, loss and accuracies; a playground snapshot arriving then
    changes nothing; hidden again: the playground's numbers are back."""
    status.show_snapshot(snap)
    playground = status.numbers.text()
    assert f"{snap.metrics['train_loss']:.4f}" in playground
    status.show_images(_epoch(), True)
    assert status.numbers.text() == _digit_words()
    status.show_snapshot(snap)  # the playground still sends snapshots behind the Images view
    status.show_numbers(snap)  # and the window re-shows the newest one after a switch
    assert status.numbers.text() == _digit_words()
    status.show_images(_epoch(), False)
    assert status.numbers.text() == playground


def test_before_a_digit_run_nothing_of_the_playground_is_claimed(status, snap):
    """The Images view shows before any run: the line says so, with no playground number."""
    status.show_snapshot(snap)
    status.show_images(None, True)
    assert status.numbers.text() == tr("digit network: not trained yet")
    status.show_images(None, False)
    assert f"{snap.metrics['train_loss']:.4f}" in status.numbers.text()


def test_presentation_and_a_language_switch_reword_the_digit_run(status):
    """Presentation: the compact accuracies; 简体中文: the catalogue's words at once; and back."""
    status.show_images(_epoch(), True)
    status.set_presentation(True)
    english = _digit_words(compact=True)
    assert status.numbers.text() == english
    i18n.Language().set("zh_CN", remember=False)
    try:
        status.reword()
        assert status.numbers.text() == _digit_words(compact=True) != english
    finally:
        i18n.Language().set("en", remember=False)
    status.reword()
    assert status.numbers.text() == english


def test_shorter_numbers_keep_the_status_numbers_width(status, snap):
    """A rate that drops from 250 to 9 epochs/s does not narrow the numbers (and so does not
    re-lay out the window); presentation mode measures its fewer words anew."""
    from dataclasses import replace

    status.show_numbers(replace(snap, epochs_per_second=250.0))
    wide = status.numbers.sizeHint().width()
    status.show_numbers(replace(snap, epochs_per_second=9.0))
    assert status.numbers.label.sizeHint().width() < wide
    assert status.numbers.sizeHint().width() == wide
    status.set_presentation(True)
    status.show_numbers(replace(snap, epochs_per_second=9.0))
    assert status.numbers.sizeHint() == status.numbers.label.sizeHint()

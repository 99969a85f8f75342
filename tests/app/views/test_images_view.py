"""Image view and controller: off-thread training, click to select, a nudge flips, Undo restores."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer

import app.images_controller as images_controller
from app.application import make_application
from app.images_controller import N_SAMPLES, ImagesController
from app.views.images_view import ImagesView
from nnviz.lessons.popsci_images import adversarial


@pytest.fixture(scope="module")
def trained():
    """One view trained once from the default seed, with the threads its epochs ran on."""
    make_application()
    view = ImagesView()
    controller = ImagesController(view)
    view.resize(1280, 720)
    view.show()
    threads: set[int] = set()  # where each epoch of the training was computed
    real = images_controller.train_images

    def recorded(*args, **kwargs):
        for progress in real(*args, **kwargs):
            threads.add(threading.get_ident())
            yield progress

    images_controller.train_images = recorded
    loop = QEventLoop()
    controller.training_finished.connect(lambda _acc: loop.quit())
    QTimer.singleShot(120_000, loop.quit)  # a safety net only; the test checks it finished
    try:
        controller.train()
        loop.exec()
    finally:
        images_controller.train_images = real
    yield view, controller, threads
    controller.shutdown()
    view.close()
    view.deleteLater()


def test_training_runs_off_the_gui_thread_and_reaches_90_percent(trained):
    """Every epoch is computed on the job thread, never the GUI's; it ends at ≥ 90 %, shown."""
    view, controller, threads = trained
    assert not controller.training and controller.progress.done
    assert threads and threading.main_thread().ident not in threads
    accuracy = controller.progress.test_accuracy
    assert accuracy >= 0.9
    assert f"test {100 * accuracy:.1f} %" in view.progress.text()
    assert view.progress_bar.value() == view.progress_bar.maximum()


def test_views_show_weights_confusion_and_answers(trained):
    """One picture per hidden neuron, confusion counts sum to the test set, wrong ones ringed."""
    view, controller, _ = trained
    p = controller.progress
    assert p.pictures.shape == (p.net.sizes[1], p.test.k, p.test.k)
    assert int(p.confusion.sum()) == len(p.test.y)
    wrong = controller.answers() != p.test.y[:N_SAMPLES]
    assert [o.isVisible() for o in view.outlines[:N_SAMPLES]] == wrong.tolist()


def test_a_click_on_an_image_selects_it(trained, qtbot):
    """Clicking sample 5 rings it and emits example_selected(5)."""
    view, controller, _ = trained
    with qtbot.waitSignal(controller.example_selected) as signal:
        qtbot.mouseClick(
            view.samples.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.sample_centre(5)
        )
    assert signal.args == [5] and controller.selected == 5 and view.ring.isVisible()


def test_nudge_flips_the_answer_and_undo_restores_exactly(trained, qtbot):
    """The lesson's image and ε flip the answer; Ctrl+Z puts every pixel back."""
    view, controller, _ = trained
    lesson = adversarial()
    index = lesson["index"]
    assert index < N_SAMPLES
    original = controller.images[index].copy()
    controller.select(index)
    before = int(controller.answers()[index])
    view.eps_box.setText(f"{lesson['eps']:g}")
    qtbot.mouseClick(view.nudge_button, Qt.MouseButton.LeftButton)
    after = int(controller.answers()[index])
    assert before == lesson["prediction_before"] and after != before
    assert np.max(np.abs(controller.images[index] - original)) <= lesson["eps"] + 1e-12
    assert view.undo_button.isEnabled()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(controller.images[index], original)
    assert int(controller.answers()[index]) == before and not view.undo_button.isEnabled()


@pytest.mark.parametrize("bad", ["-0.1", "2", "nan", "lots"])
def test_bad_epsilon_is_refused_and_nothing_changes(trained, qtbot, bad):
    """A bad ε: one message, no nudge, nothing to undo."""
    view, controller, _ = trained
    controller.select(0)
    images = controller.images.copy()
    view.eps_box.setText(bad)
    qtbot.mouseClick(view.nudge_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("ε:")
    np.testing.assert_array_equal(controller.images, images)
    assert controller.history == []


def test_presentation_type_is_large_and_export_writes(trained, tmp_path):
    """Presentation: captions at least 20 px tall; nothing needs more than 1280×720; PNG, SVG."""
    view, _, _ = trained
    view.set_presentation(True)
    assert all(c.textItem.font().pixelSize() >= 20 for c in view.captions)
    assert all(c.textItem.font().pixelSize() >= 20 for c in view.digit_labels)
    assert view.progress.font().pixelSize() >= 20
    hint = view.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    for suffix in ("png", "svg"):
        path = tmp_path / f"images.{suffix}"
        view.export_image(str(path))
        assert path.stat().st_size > 1000
    view.set_presentation(False)

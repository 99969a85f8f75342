"""Image view and controller: trained in the training process, click to trace, nudge and undo."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

import nnviz.image_run as image_run
from app import i18n
from app.application import make_application
from app.i18n import tr
from app.images_controller import N_SAMPLES, ImagesController
from app.training_bridge import TrainingBridge
from app.views.images_view import ImagesView
from app.views.network_view import NetworkView
from nnviz.engine.adversarial import confidence
from nnviz.lessons.popsci_images import adversarial, deep_features
from tests.app.views.network_helpers import hover, viewport_pos
from tests.factories import make_lab


@pytest.fixture(scope="module")
def trained():
    """The images view beside a network graph, trained once (default seed) by the process.

    ``train_images`` is replaced in this (the GUI's) process by one that fails: the run can
    only succeed if every epoch is computed in the training process.
    """
    make_application()
    real = image_run.train_images
    image_run.train_images = _never_here
    bridge = TrainingBridge(make_lab)
    window = QWidget()
    row = QHBoxLayout(window)
    view, network = ImagesView(), NetworkView()
    row.addWidget(view, 3)
    row.addWidget(network, 2)
    controller = ImagesController(view, bridge, network)
    window.resize(1480, 720)
    window.show()
    bridge.start()
    finished: list[float] = []
    controller.training_finished.connect(finished.append)
    try:
        controller.train()
        deadline = 600  # × 0.2 s: a safety net only; the test checks it finished
        while not finished and deadline:
            _wait(200)
            deadline -= 1
    finally:
        image_run.train_images = real
    yield view, controller, network, finished
    controller.shutdown()
    bridge.shutdown()
    window.close()
    window.deleteLater()


def _never_here(*args, **kwargs):
    raise AssertionError("the digit network was trained in the GUI's process")


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _click_sample(qtbot, view: ImagesView, i: int) -> None:
    qtbot.mouseClick(
        view.samples.canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.sample_centre(i)
    )


def test_the_training_process_trains_it_to_the_lessons_accuracy(trained):
    """Every epoch came from the process (the GUI's trainer would fail); ≥ 90 %, as the lesson."""
    view, controller, _network, finished = trained
    assert finished and not controller.training and controller.progress.done
    accuracy = controller.progress.test_accuracy
    assert accuracy == finished[0] == deep_features()["test_accuracy"] >= 0.9
    assert f"test {100 * accuracy:.1f} %" in view.progress.text()
    assert view.progress_bar.value() == view.progress_bar.maximum()
    assert not view.progress_bar.isVisible()  # only while a run goes
    assert view.train_button.text() == "Train the network"


def test_views_show_weights_confusion_and_answers(trained):
    """One picture per hidden neuron, confusion counts sum to the test set, wrong ones ringed."""
    view, controller, _network, _ = trained
    p = controller.progress
    assert p.pictures.shape == (p.sizes[1], p.k, p.k)
    assert int(p.confusion.sum()) == len(controller.test.y)
    wrong = controller.answers() != controller.test.y[:N_SAMPLES]
    assert [o.isVisible() for o in view.outlines[:N_SAMPLES]] == wrong.tolist()
    assert view.confusion.caption.text().startswith(f"{int(np.trace(p.confusion))} of")


def test_a_click_on_an_image_traces_it_through_the_network_graph(trained, qtbot):
    """Clicking sample 5: ringed, and the graph (input collapsed) lights its answer's path."""
    view, controller, network, _ = trained
    with qtbot.waitSignal(controller.example_selected) as signal:
        _click_sample(qtbot, view, 5)
    assert signal.args == [5] and controller.selected == 5 and view.ring.isVisible()
    graph = network.image_graph
    assert graph is not None and graph.sizes == (1, 16, 10)
    labels = [c.text() for c in network._image.captions]
    assert labels[0] == "image (12×12)\n144 pixels"
    np.testing.assert_array_equal(graph.trace.image, controller.images[5].reshape(12, 12))
    answer = int(controller.answers()[5])
    nodes, edges = network.image_lit()
    assert graph.trace.answer == answer and {(0, 0), (2, answer)} <= nodes
    assert edges and all((2, i, answer) in edges for layer, i in nodes if layer == 1)
    assert not network.bar.isVisible()  # the live network's ± buttons are not for this one
    _click_sample(qtbot, view, 7)  # another image: another trace
    np.testing.assert_array_equal(
        network.image_graph.trace.image, controller.images[7].reshape(12, 12)
    )


def test_hovering_a_traced_neuron_shows_its_numbers(trained, qtbot):
    """The hover card of a hidden neuron gives z and tanh(z) for the traced image."""
    view, controller, network, _ = trained
    _click_sample(qtbot, view, 2)
    hover(qtbot, network, viewport_pos(network, network._image.nodes[(1, 0)]))
    qtbot.waitUntil(lambda: "tanh(z)" in network.hover_text(), timeout=3000)
    assert network.hover_text().startswith("h1[1]")


def test_hiding_the_images_view_gives_the_graph_back_to_the_live_network(trained, qtbot):
    """The graph shows the digit network only while the images view is on screen."""
    view, controller, network, _ = trained
    view.hide()
    assert network.image_graph is None and network.bar.isVisibleTo(network)
    view.show()
    qtbot.waitUntil(lambda: network.image_graph is not None, timeout=3000)


def test_nudge_flips_the_answer_the_graph_follows_and_undo_restores(trained, qtbot):
    """The lesson's image and ε flip the answer (and the traced answer); Ctrl+Z puts it back."""
    view, controller, network, _ = trained
    lesson = adversarial()
    index = lesson["index"]
    assert index < N_SAMPLES
    original = controller.images[index].copy()
    _click_sample(qtbot, view, index)
    before = int(controller.answers()[index])
    view.eps_box.setText(f"{lesson['eps']:g}")
    qtbot.mouseClick(view.nudge_button, Qt.MouseButton.LeftButton)
    after = int(controller.answers()[index])
    assert before == lesson["prediction_before"] and after != before
    assert np.max(np.abs(controller.images[index] - original)) <= lesson["eps"] + 1e-12
    assert view.undo_button.isEnabled() and view.attack_shown()
    assert network.image_graph.trace.answer == after
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(controller.images[index], original)
    assert int(controller.answers()[index]) == before and not view.undo_button.isEnabled()
    assert not view.attack_shown() and network.image_graph.trace.answer == before


@pytest.mark.parametrize("bad", ["-0.1", "2", "nan", "lots"])
def test_bad_epsilon_is_refused_and_nothing_changes(trained, qtbot, bad):
    """A bad ε: one message, no nudge, nothing to undo."""
    view, controller, _network, _ = trained
    controller.select(0)
    images = controller.images.copy()
    view.eps_box.setText(bad)
    qtbot.mouseClick(view.nudge_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("ε:")
    np.testing.assert_array_equal(controller.images, images)
    assert controller.history == []


def test_presentation_type_is_large_and_export_writes(trained, tmp_path):
    """Presentation: captions at least 20 px tall; nothing needs more than 1280×720; PNG, SVG."""
    view, _, _, _ = trained
    view.set_presentation(True)
    assert all(c.textItem.font().pixelSize() >= 20 for c in view.captions)
    assert view.progress.font().pixelSize() >= 20
    hint = view.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    for suffix in ("png", "svg"):
        path = tmp_path / f"images.{suffix}"
        view.export_image(str(path))
        assert path.stat().st_size > 1000
    view.set_presentation(False)


def _said(view: ImagesView) -> list[str]:
    """Every text the view shows that was made from numbers or said by the controller."""
    return [view.train_button.text(), view.progress.text(), view.confusion.caption.text(),
            view.before.caption.text(), view.after.caption.text(), view.status.text(),
            view.samples.title.text(), view.nudge_button.toolTip()]  # fmt: skip


def _expected(view: ImagesView, controller: ImagesController, eps: float) -> list[str]:
    """The same texts in the current language, made from the catalogue."""
    p, m = controller.progress, controller.progress.confusion
    original = controller.history[-1][1]
    says = tr("says {label} ({p} % sure)")
    verdicts = [
        confidence(controller.net, x) for x in (original, controller.images[controller.selected])
    ]
    return [
        tr("Train the network"),
        tr("epoch {epoch} / {epochs} · train {train} % · test {test} %").format(
            epoch=p.epoch, epochs=p.epochs, train=f"{100 * p.train_accuracy:.1f}",
            test=f"{100 * p.test_accuracy:.1f}"),
        tr("{right} of {total} test images right").format(right=int(np.trace(m)),
                                                          total=int(m.sum())),
        *(says.format(label=label, p=f"{100 * sure:.0f}") for label, sure in verdicts),
        tr("ε = {eps}: the network {what}.").format(eps=f"{eps:g}", what=tr("changed its mind")),
        tr("Test images: the network's answers"),
        tr("Move every pixel by ε in the direction that raises the loss"),
    ]  # fmt: skip


def test_a_language_switch_rewords_what_the_view_shows_and_the_controller_said(trained, qtbot):
    """After a nudge, 简体中文: progress, button, counts, the nudge's captions and the message
    line are the catalogue's at once (the window calls the view's reword); English again."""
    view, controller, _network, _ = trained
    lesson = adversarial()
    _click_sample(qtbot, view, lesson["index"])
    view.eps_box.setText(f"{lesson['eps']:g}")
    qtbot.mouseClick(view.nudge_button, Qt.MouseButton.LeftButton)
    english = _said(view)
    assert english == _expected(view, controller, lesson["eps"])
    i18n.Language().set("zh_CN", remember=False)
    try:
        view.reword()
        chinese = _said(view)
        assert chinese == _expected(view, controller, lesson["eps"])
        assert all(c != e for c, e in zip(chinese, english, strict=True))
    finally:
        i18n.Language().set("en", remember=False)
    view.reword()
    assert _said(view) == english
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert not controller.history

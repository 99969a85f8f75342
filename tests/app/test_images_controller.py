"""The images controller on a real training process: Train/Stop by click, a crash is said."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.application import make_application
from app.i18n import tr
from app.images_controller import ImagesController
from app.training_bridge import TrainingBridge
from app.views.images_view import ImagesView
from nnviz import commands as cmd
from nnviz.image_run import MAX_EPOCHS
from tests.factories import make_lab

# A long run (the most epochs, on 10,000 images): still going when a test looks, however long
# a loaded machine keeps the test from looking. The tests stop or replace it.
LONG_RUN = MAX_EPOCHS


@pytest.fixture
def images(qtbot):
    """A shown images view whose controller asks a real training process (small images)."""
    make_application()
    bridge = TrainingBridge(make_lab)
    view = ImagesView()
    qtbot.addWidget(view)
    controller = ImagesController(view, bridge)
    controller.options.update(epochs=LONG_RUN, n=10_000)
    view.resize(1000, 600)
    view.show()
    bridge.start()
    yield view, controller, bridge
    controller.shutdown()
    bridge.shutdown()


def test_the_train_button_becomes_stop_and_stops_the_run(images, qtbot):
    """Click Train: epochs come in; click it again (now 'Stop'): the run ends, nothing more."""
    view, controller, _ = images
    qtbot.mouseClick(view.train_button, Qt.MouseButton.LeftButton)
    assert controller.training and view.train_button.text() == "Stop"
    qtbot.waitUntil(lambda: controller.progress is not None and controller.progress.epoch >= 2,
                    timeout=20000)  # fmt: skip
    assert view.progress_bar.isVisible()
    qtbot.mouseClick(view.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not controller.training, timeout=10000)
    stopped_at = controller.progress.epoch
    assert stopped_at < LONG_RUN and "stopped after epoch" in view.status.text()
    assert view.train_button.text() == "Train the network"
    qtbot.wait(300)
    assert controller.progress.epoch == stopped_at


def test_train_again_replaces_the_run_and_drops_the_old_ones_values(images, qtbot):
    """A second run while the first goes: only the newest run's epochs are drawn."""
    view, controller, _ = images
    controller.train()
    qtbot.waitUntil(lambda: controller.progress is not None, timeout=20000)
    first = controller.run
    controller.train(epochs=2)
    finished = []
    controller.training_finished.connect(finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=20000)
    assert controller.progress.run == first + 1 and controller.progress.epochs == 2


def test_a_crashed_process_ends_the_run_with_a_message(images, qtbot):
    """Kill the process mid-run: the view says so, and the button trains again."""
    view, controller, bridge = images
    controller.train()
    qtbot.waitUntil(lambda: controller.progress is not None, timeout=20000)
    bridge.worker.process.kill()
    qtbot.waitUntil(lambda: not controller.training, timeout=20000)
    assert "Training the digit network stopped" in view.status.text()
    assert view.train_button.text() == "Train the network"


def test_in_the_window_the_graph_follows_the_images_tab(window, qtbot):
    """Images tab in front: a clicked sample is traced in the central graph; another tab in
    front: the live network is back (its edges, its ± buttons)."""
    images = window.images
    window.show_dock("images")
    images.train()
    qtbot.waitUntil(lambda: images.progress is not None and not images.training, timeout=60_000)
    view, network = images.view, window.network_view
    qtbot.mouseClick(view.samples.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.sample_centre(3))  # fmt: skip
    assert network.image_graph is not None and network.image_graph.trace is not None
    np.testing.assert_array_equal(network.image_graph.trace.image, images.images[3].reshape(12, 12))
    window.docks["curves"].raise_()
    qtbot.waitUntil(lambda: network.image_graph is None, timeout=3000)
    assert network.nodes and network.bar.isVisible()
    sizes = window.latest.spec.sizes
    assert len(network.edges) == sum(a * b for a, b in zip(sizes, sizes[1:], strict=False))
    window.docks["images"].raise_()
    qtbot.waitUntil(lambda: network.image_graph is not None, timeout=3000)
    assert network.image_graph.trace is not None  # still the clicked sample


def test_in_the_window_the_status_line_follows_the_images_tab(window, qtbot):
    """Images tab in front: the status line gives the digit run's epoch, loss and accuracy
    (before a run: that there is none), not the playground's, even when a playground snapshot
    comes; another tab in front: the playground's numbers are back."""
    images, numbers = window.images, window.status.numbers
    window.show_dock("images")
    qtbot.waitUntil(images.view.on_screen, timeout=3000)
    assert numbers.text() == tr("digit network: not trained yet")
    images.train(epochs=2)
    qtbot.waitUntil(lambda: images.progress is not None and not images.training, timeout=60_000)
    p, shown = images.progress, numbers.text()
    assert shown.startswith(tr("digit network: epoch {epoch} / {epochs}").format(epoch=2, epochs=2))
    assert f"{p.loss:.4f}" in shown and f"{100 * p.test_accuracy:.1f} %" in shown
    token = 10**9 + 7
    window.send(cmd.RequestSnapshot(token))
    assert window.wait_for_snapshot(lambda s: s.token == token) is not None
    assert numbers.text() == shown
    window.docks["curves"].raise_()
    qtbot.waitUntil(lambda: not images.view.on_screen(), timeout=3000)
    loss = window.latest.metrics["train_loss"]
    assert numbers.text().startswith(tr("epoch {epoch}").format(epoch=window.latest.epoch))
    assert f"{loss:.4f}" in numbers.text()

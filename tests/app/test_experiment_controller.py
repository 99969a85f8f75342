"""Tests for the experiments panel: progress, partial results, cancel, a responsive window."""

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from app.context import Context
from app.experiment_controller import ExperimentController
from app.training_bridge import TrainingBridge
from nnviz import commands as cmd
from tests.factories import make_lab


@pytest.fixture
def lab(qtbot):
    """A started training bridge, the commands sent, status lines, and an experiments panel."""
    bridge = TrainingBridge(make_lab)
    sent, said, snaps = [], [], []
    bridge.snapshot_ready.connect(snaps.append)

    def send(command) -> None:
        sent.append(command)
        bridge.send(command)

    ctx = Context(send, lambda text, error=False: said.append(text), said.append,
                  lambda key: None, lambda: bridge.latest, None, None)  # fmt: skip
    controller = ExperimentController(ctx, bridge)
    qtbot.addWidget(controller.view)
    bridge.start()
    qtbot.waitUntil(lambda: bool(snaps), timeout=10000)
    yield controller, bridge, sent, said, snaps
    bridge.shutdown()


def _test_curve_lengths(controller, drawn: list) -> None:
    """Record the length of the test-error curve every time a figure is drawn."""
    show = controller.view.show_figure

    def record(fig):
        drawn.append(len(fig["curves"][0]["xs"]))
        return show(fig)

    controller.view.show_figure = record


def test_a_sweep_shows_progress_and_its_curve_grows(lab, qtbot):
    """Double descent by p: the bar moves, the test curve grows from one width to all."""
    controller, _, sent, _, _ = lab
    drawn, bars = [], []
    _test_curve_lengths(controller, drawn)
    controller.view.progress.valueChanged.connect(bars.append)
    done = []
    controller.finished.connect(done.append)
    assert controller.run({"seeds": "20"})
    assert isinstance(sent[-1], cmd.StartSweep) and controller.view.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    n = len(sent[-1].sweep.grid)
    assert drawn[0] == 1 and drawn[-1] == n  # the first width alone, at the end all of them
    assert drawn == sorted(set(drawn))  # the curve only grows (redraws are throttled)
    assert bars == sorted(bars) and bars[-1] == 1000 and len(bars) >= n
    assert not done[0]["cancelled"] and "Done" in controller.view.status.text()
    assert controller.view.run_button.isEnabled() and not controller.view.cancel_button.isEnabled()
    figure = controller.view.figure.figure
    assert figure["vlines"][0]["x"] == 40 and "threshold" in figure["vlines"][0]["label"]


def test_cancel_resets_the_bar_says_so_and_leaves_the_live_network(lab, qtbot):
    """Cancel mid-sweep: bar back to 0, a 'cancelled' message, the live weights unchanged."""
    controller, bridge, sent, said, snaps = lab
    weights = bridge.latest.params
    done = []
    controller.finished.connect(done.append)
    controller.choose("overparameterisation")
    assert controller.run({"seeds": "4", "steps": "1500"})
    qtbot.waitUntil(lambda: len(controller.results) >= 1, timeout=30000)
    controller.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    assert done[0]["cancelled"] and done[0]["cells"] < 7
    assert controller.view.progress.value() == 0
    assert "Cancelled" in controller.view.status.text() and "Cancelled" in said[-1]
    assert controller.view.figure.figure is not None  # the partial results stay drawn
    bridge.send(cmd.RequestSnapshot(token=3))
    qtbot.waitUntil(lambda: snaps[-1].token == 3, timeout=10000)
    assert all(np.array_equal(a, b) for a, b in zip(snaps[-1].params, weights, strict=True))


def test_a_bad_setting_is_one_message_and_nothing_is_sent(lab):
    """A value outside its range names the setting; no sweep starts."""
    controller, _, sent, said, _ = lab
    before = len(sent)
    assert not controller.run({"n": "1"})
    assert len(sent) == before and not controller.running
    assert "N (training points) must be a whole number from 4 to 200" in said[-1]
    assert controller.view.status.text() == said[-1]


def test_every_experiment_runs_to_a_drawn_figure(lab, qtbot):
    """Each experiment of the chooser runs (small settings) and ends with its figure drawn."""
    controller, *_ = lab
    small = {"double-descent": {"seeds": "2"}, "double-descent-epochs": {"seeds": "2"},
             "overparameterisation": {"seeds": "2", "steps": "150"},
             "depth-init": {"depth": "4", "steps": "40"}, "backprop-cost": {"points": "20"},
             "min-max-game": {}}  # fmt: skip
    for key, texts in small.items():
        done = []
        controller.finished.connect(done.append)
        controller.choose(key)
        assert controller.run(texts), key
        qtbot.waitUntil(lambda d=done: bool(d), timeout=60000)
        controller.finished.disconnect(done.append)
        assert done[0]["error"] is None and not done[0]["cancelled"], key
        assert controller.view.figure.message.isHidden(), key
        assert controller.view.pages.currentWidget() is controller.view.figure


def test_active_learning_shows_its_plane_and_sends_nothing(lab, qtbot):
    """Chosen, it starts a labelling session at once; Apply with a bad value is one message."""
    controller, _, sent, said, _ = lab
    before = len(sent)
    controller.choose("active-learning")
    view = controller.view
    assert view.pages.currentWidget() is view.labelling and view.cancel_button.isHidden()
    session = controller.labelling.session
    assert session is not None and view.labelling.plane.counts()[1] == 4
    view.fields["k"].setText("6")
    qtbot.keyClick(view.fields["k"], Qt.Key.Key_Return)
    assert controller.labelling.session is session and len(session.candidates) == 6
    view.fields["budget"].setText("3")
    qtbot.mouseClick(view.run_button, Qt.MouseButton.LeftButton)
    assert "labels in all must be a whole number from 6 to 200" in said[-1]
    assert view.status.text() == said[-1] and controller.labelling.session is session
    assert len(sent) == before  # nothing went to the training process
    controller.choose("double-descent")
    assert view.pages.currentWidget() is view.figure and not view.cancel_button.isHidden()


def test_backprop_cost_measures_the_live_network_as_it_is(window, qtbot):
    """After some training the first cell is the live 2-4-2-1 net at its current weights."""
    window.send(cmd.RunEpochs(5))
    snap = window.wait_for_snapshot(lambda s: s.epoch >= 5 and not s.playing)
    controller = window.experiments
    done = []
    controller.finished.connect(done.append)
    controller.choose("backprop-cost")
    assert controller.run({"points": "20"})
    live = dict(controller.sweep.options)["live"]
    assert all(np.array_equal(a, b) for a, b in zip(live.params, snap.params, strict=True))
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    first = controller.results[0]
    assert first.value == "live" and first.result["params"] == 25
    assert first.result["passes_finite_difference"] == 50
    assert first.result["max_difference"] < 1e-6
    assert "The live 2-4-2-1 tanh net: 25 parameters" in controller.view.figure.figure["title"]
    status = controller.view.status.text()
    assert "Live 2-4-2-1 tanh net, 25 parameters: backprop 2 passes in" in status
    assert "finite differences 50 passes in" in status and "the two gradients agree to" in status


def test_on_the_stage_a_lecturer_labels_by_click_and_by_key(window, qtbot):
    """F9 stage, active learning: a real click on a ring, then L and Backspace on the plane."""
    window.toggle_stage("experiments")
    controller = window.experiments
    controller.choose("active-learning")
    qtbot.wait(50)
    labelling = controller.labelling
    view, session = labelling.view, labelling.session
    target = session.candidates[0]
    plane = view.plane
    pixel = plane.mapFromScene(plane.scene_pos_of(target))
    qtbot.mouseClick(plane.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    assert session.labelled[-1] == target
    points = len(window.doc.points)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert session.given == 2
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert session.given == 1 and len(window.doc.points) == points  # the user's data untouched


def test_the_window_stays_responsive_while_a_sweep_runs(window, qtbot):
    """On the experiments stage a timer keeps firing while the sweep runs in the other process."""
    window.toggle_stage("experiments")
    assert window.stage.active.name == "experiments"
    controller = window.experiments
    events, done = [], []  # in the order the event loop served them
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: events.append("tick") if controller.running else None)
    window.training.sweep_progress.connect(lambda _result: events.append("cell"))
    controller.finished.connect(done.append)
    timer.start()
    assert controller.run({"seeds": "20"})
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    timer.stop()
    cells = [i for i, e in enumerate(events) if e == "cell"]
    assert len(cells) >= 2
    # The event loop served the timer in the middle of the sweep, between its cells.
    assert "tick" in events[cells[0] : cells[-1]]
    assert events.count("tick") >= 3
    assert len(controller.results) == len(window.experiments.view.figure.figure["curves"][0]["xs"])


def test_the_backprop_lesson_measures_the_network_it_makes_live(window, qtbot):
    """The lesson's step 1 makes the live network the one its numbers count (105 parameters):
    the same weights, and the experiments panel measures that very network."""
    from nnviz.engine import MLP
    from nnviz.lessons.catalogue import load_catalogue

    window.lessons.start(load_catalogue().get("backprop-cost"))
    snap = window.wait_for_snapshot(lambda s: not window.lessons.setting_up, timeout_ms=30000)
    numbers = window.lessons.player.numbers()
    counted = MLP([2, 8, 8, 1], "tanh", "sigmoid", init="xavier", seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(snap.params, counted.params, strict=True))
    controller = window.experiments
    done = []
    controller.finished.connect(done.append)
    controller.choose("backprop-cost")
    assert controller.run({"points": "20"})
    qtbot.waitUntil(lambda: bool(done), timeout=60000)
    live = controller.results[0].result
    assert live["params"] == numbers["params"] == 105
    assert live["passes_finite_difference"] == numbers["passes_finite_difference"] == 210


def test_the_command_line_runs_an_experiment_on_its_stage(window, capsys):
    """--experiment ID: the stage shows, a sweep runs to its figure, by hand K labels are given;
    an unknown id is refused by the parser with the choices."""
    import argparse

    from app.cli import _run_experiment, parse_args

    args = argparse.Namespace(experiment="min-max-game", walk=0)
    assert _run_experiment(window, args, lambda: False) == 0
    assert window.stage.active.name == "experiments"
    assert window.experiments.view.figure.figure["title"].startswith("min over x")
    args = argparse.Namespace(experiment="active-learning", walk=3)
    assert _run_experiment(window, args, lambda: False) == 0
    assert window.experiments.labelling.session.given == 3
    with pytest.raises(SystemExit):
        parse_args(["--experiment", "nope"])
    assert "unknown experiment 'nope'; choose one of double-descent" in capsys.readouterr().err


def test_a_language_switch_rewords_the_panel_and_keeps_the_settings(window, qtbot):
    """简体中文 and back: the chooser's titles, the settings' names, the narration, the
    labelling view's buttons and axes follow; a typed setting and the session stay."""
    controller = window.experiments
    controller.choose("active-learning")
    view = controller.view
    view.fields["budget"].setText("30")
    session = controller.labelling.session
    try:
        window.language.set("zh_CN", remember=False)
        assert view.choice.currentText() == "主动学习"
        assert view.form.labelForField(view.fields["budget"]).text() == "标签总数"
        assert view.fields["budget"].text() == "30" and "双月" in view.narration.text()
        assert view.labelling.next_button.text() == "标注最没把握的点（L）"
        axis = view.labelling.curves.getPlotItem().getAxis("bottom").labelText
        assert axis == "已给标签数"
    finally:
        window.language.set("en", remember=False)
    assert view.choice.currentText() == "Active learning"
    assert view.labelling.next_button.text() == "Label the least sure (L)"
    assert controller.labelling.session is session and view.fields["budget"].text() == "30"

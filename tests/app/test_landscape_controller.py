"""The loss landscape in the window: real clicks on the surface, live slices while training."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from nnviz import commands as cmd
from nnviz.landscape import requests as lq


@pytest.fixture
def land(window, qtbot):
    """The landscape dock brought forward (Ctrl+L), its controller returned."""
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = window.landscape.view
    qtbot.waitUntil(lambda: view.isVisible() and view.surface.width() > 100)
    window.landscape.parent_window = window  # the status line the controller speaks to
    return window.landscape


def _click(qtbot, plot, x, y):
    """A real left click at data point (x, y) of a pyqtgraph plot."""
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene))


def test_ctrl_l_brings_the_landscape_forward(land):
    """Ctrl+L shows the dock; it opens on the optimizer race on the quadratic bowl."""
    assert land.view.isVisible()
    assert land.explorer.mode == "race" and land.explorer.race.surface.key == "bowl"
    assert len(land.view.picture.paths) == 6


def test_clicking_the_surface_restarts_the_race_from_there(land, qtbot):
    """A click on the analytic surface puts every ball at that point; Play moves them."""
    _click(qtbot, land.view.surface, -1.0, 0.5)
    start = land.explorer.race.start
    assert np.allclose(start, (-1.0, 0.5), atol=0.05)
    for racer in land.explorer.race.race.racers.values():
        assert racer.steps == 0 and np.allclose(racer.point, start)
    qtbot.mouseClick(land.view.controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(land.view.picture.paths[0].xs) > 5)
    path = land.view.picture.paths[0]
    assert np.allclose((path.xs[0], path.ys[0]), start)


def test_a_click_outside_the_surface_changes_nothing(land, qtbot):
    """Clicking beyond the surface's domain gives one message and keeps the start point."""
    before = land.explorer.race.start
    land.view.surface.getViewBox().setRange(xRange=(-6, 6), yRange=(-6, 6), padding=0)
    _click(qtbot, land.view.surface, 4.5, 4.5)
    assert land.explorer.race.start == before
    assert "outside the surface" in land.parent_window.status.message.text()


def test_diverging_learning_rate_shows_diverged_not_a_crash(land, qtbot):
    """The 'diverging' lesson on the bowl: gradient descent is marked diverged, others go on."""
    qtbot.mouseClick(land.view.controls.regime_buttons["diverging"], Qt.MouseButton.LeftButton)
    assert land.view.controls.learning_rate() == pytest.approx(2.1)
    qtbot.mouseClick(land.view.controls.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: land.explorer.race.race.racers["sgd"].status == "diverged", timeout=20_000
    )
    qtbot.waitUntil(
        lambda: "diverged" in land.view.controls.racer_boxes["sgd"].text(), timeout=20_000
    )


def test_step_narrates_one_update(land, qtbot):
    """Step runs one update of the explained racer and tells its stages with numbers."""
    land.view.controls.narrated.setCurrentIndex(5)  # Adam
    land.apply(lq.RaceCommand("step"))
    text = land.view.narration.text()
    assert "Adam" in text and "Momentum decays" in text


def test_three_d_offscreen_falls_back_with_a_note(land, qtbot):
    """Without an OpenGL context the 3-D box unticks itself and the note says why."""
    qtbot.mouseClick(land.view.controls.three_d, Qt.MouseButton.LeftButton)
    from app.views.landscape_3d import gl_status

    ok, why = gl_status()
    if ok:
        assert land.view.stack.currentWidget() is land.view.view3d
    else:
        assert not land.view.controls.three_d.isChecked()
        assert land.view.stack.currentWidget() is land.view.surface
        assert "3-D" in land.view.readout.text()


def test_network_slice_follows_training_without_blocking(land, window, qtbot):
    """In network mode the slice is computed in the job thread while snapshots keep arriving."""
    land.view.controls.mode.setCurrentIndex(1)
    qtbot.waitUntil(lambda: land.explorer.net.surface is not None, timeout=10000)
    first = land.explorer.net.recorder.latest[0]
    window.send(cmd.Play())
    seen = []
    # While training runs and slices recompute, the GUI keeps drawing frames (seq advances).

    def advanced() -> bool:
        seen.append(land.view.picture.seq)
        return len(set(seen)) > 3 and land.explorer.net.recorder.latest[0] > first + 50

    qtbot.waitUntil(advanced, timeout=15000)
    window.send(cmd.Pause())
    training = land.view.picture.paths[0]
    assert training.name == "training" and len(training.xs) > 2
    qtbot.waitUntil(lambda: land.explorer.net.projection is not None, timeout=10000)
    assert np.isfinite(land.explorer.net.projection.true_loss[-1])


def test_shift_click_edges_choose_the_two_weights(land, window, qtbot):
    """param_picked from the network graph sets the slice axes, named like W1[1,0]."""
    land.view.controls.mode.setCurrentIndex(1)
    window.network_view.param_picked.emit(0, (1, 0))
    window.network_view.param_picked.emit(2, (0, 1))
    qtbot.waitUntil(lambda: land.explorer.net.surface is not None, timeout=10000)
    plane = land.explorer.net.plane
    assert (plane.x_label, plane.y_label) == ("W1[1,0]", "W2[0,1]")


def test_network_race_runs_on_the_real_loss(land, qtbot):
    """A click on the network slice starts the race there; playing advances it in jobs."""
    land.view.controls.mode.setCurrentIndex(1)
    qtbot.waitUntil(lambda: land.explorer.net.surface is not None, timeout=10000)
    qtbot.waitUntil(lambda: land.explorer.net.surface.refined, timeout=10000)
    a0, a1, b0, b1 = land.explorer.net.surface.extent
    land.apply(lq.SetStart((a0 + a1) / 2 + 0.1, (b0 + b1) / 2))
    qtbot.waitUntil(lambda: land.explorer.netrace is not None, timeout=10000)
    land.apply(lq.RaceCommand("play"))
    qtbot.waitUntil(lambda: land.explorer.netrace.racers["adam"].steps >= 5, timeout=10000)
    land.apply(lq.RaceCommand("pause"))
    assert len(land.view.picture.paths) == 7


def test_export_the_landscape_image(land, window, tmp_path):
    """File ▸ Export image ▸ Loss landscape writes a PNG."""
    path = tmp_path / "landscape.png"
    assert window.session_io.export_view("landscape", path)
    assert path.stat().st_size > 1000


def test_a_lessons_show_paths_draws_three_paths_with_step_counts(land, window):
    """ShowPaths(batch, sgd, minibatch) on the lesson's points: three paths, steps in a legend."""
    from nnviz.lessons.cs188_logistic import PATH_POINTS, batch_sgd_minibatch
    from nnviz.lessons.setup import ShowPaths

    window.playground.set_points(tuple(tuple(p) for p in PATH_POINTS))
    host = window.lesson_wiring.host()
    assert host.app_request(ShowPaths(("batch", "sgd", "minibatch")))
    assert land.explorer.mode == "likelihood"
    assert land.view.controls.mode_key() == "likelihood"
    steps = batch_sgd_minibatch()["steps_to_converge"]
    assert land.view.surface.legend_texts() == [
        f"batch: {steps['batch']} steps",
        f"stochastic (1 point): {steps['sgd']} steps",
        f"mini-batch (4 points): {steps['minibatch']} steps",
    ]
    assert set(land.view.surface.paths) == {p.name for p in land.view.picture.paths}
    assert len(land.view.surface.paths) == 3
    assert "ll" in land.view.surface.colorbar.axis.labelText


def _network_after_training(land, window, qtbot, epochs=40):
    """Train ``epochs`` epochs, open the live network's loss, wait until it holds those weights."""
    window.send(cmd.RunEpochs(epochs))
    snap = window.wait_for_snapshot(lambda s: s.epoch >= epochs and not s.playing)
    land.view.controls.mode.setCurrentIndex(1)
    theta = np.concatenate([np.ravel(p) for p in snap.params])
    qtbot.waitUntil(lambda: np.array_equal(land.explorer.net.theta, theta), timeout=10000)
    return theta


def test_walk_clicks_on_the_trained_network_equal_the_pure_fog_walk(land, window, qtbot):
    """Choose W2[1,0] from the list, click Walk 3×, press W and Shift+W: fog_walk's numbers."""
    from nnviz.landscape.fog_walk import LossAlongWeight, fog_walk

    theta = _network_after_training(land, window, qtbot)
    c = land.view.controls
    assert c.walk.isEnabled() and c.weight.isVisible()
    c.set_learning_rate(0.5)
    c.weight.setFocus()
    for _ in range(c.weight.findText("W2[1,0]")):  # the arrow keys choose from the list
        qtbot.keyClick(c.weight, Qt.Key.Key_Down)
    assert c.weight.currentText() == "W2[1,0]"
    k = int(c.weight.currentData())
    assert land.explorer.walking.knob_index(land.explorer.net) == k
    for _ in range(3):
        qtbot.mouseClick(c.walk, Qt.MouseButton.LeftButton)
    c.walk.setFocus()
    qtbot.keyClick(c.walk, Qt.Key.Key_W)
    qtbot.keyClick(c.walk, Qt.Key.Key_W, Qt.KeyboardModifier.ShiftModifier)
    report = land.explorer.walking.walk.report
    along = LossAlongWeight.on(land.explorer.net.problem, theta, k)
    assert c.probe_dx() == land.explorer.race.dx == 0.1  # the slider shows the Δx it walks with
    pure = fog_walk(along, theta[k], lr=0.5, dx=0.1, max_steps=14)
    assert report == pure and pure.steps == 14
    caption = land.view.caption.text()
    assert "<b>14 steps</b>" in caption and f"<b>{pure.evaluations} looks</b>" in caption
    trail = land.walk_items.trail.getData()
    assert np.array_equal(trail[0], pure.path) and np.array_equal(trail[1], pure.values)
    drawn = lambda: land.view.picture.curve  # noqa: E731  (the walk's curve comes from a job)
    qtbot.waitUntil(lambda: drawn() is not None and drawn().x == pure.end, timeout=10000)
    assert "W2[1,0]" in land.view.curve.getAxis("bottom").labelText


def test_a_click_on_the_curve_puts_the_walker_there(land, window, qtbot):
    """A left click on the 1-D plot starts the walk at that knob value."""
    _network_after_training(land, window, qtbot, epochs=5)
    qtbot.mouseClick(land.view.controls.walk, Qt.MouseButton.LeftButton)
    drawn = lambda: land.view.picture.curve  # noqa: E731  (the walk's curve comes from a job)
    qtbot.waitUntil(lambda: drawn() is not None and "W1[0,0]" in drawn().label, timeout=10000)
    x0, x1 = land.view.picture.curve.xs[[10, -10]]
    spot = 0.3 * x0 + 0.7 * x1
    _click(qtbot, land.view.curve, spot, float(np.nanmean(land.view.picture.curve.values)))
    walk = land.explorer.walking.walk
    assert walk.report.start == pytest.approx(spot, abs=0.05 * (x1 - x0)) and walk.report.steps == 0


def test_refused_walk_requests_change_nothing(land, window, qtbot):
    """A weight the network lacks, or zero steps: one message each, the walk as it was."""
    _network_after_training(land, window, qtbot, epochs=5)
    qtbot.mouseClick(land.view.controls.walk, Qt.MouseButton.LeftButton)
    walking = land.explorer.walking
    before = (walking.ref, walking.walk.report, land.view.controls.weight.currentText())
    for request, words in ((lq.SetKnobWeight(10_000), "outside"), (lq.Walk(0), "1 to")):
        land.apply(request)
        assert words in land.parent_window.status.message.text()
        walking = land.explorer.walking
        assert (walking.ref, walking.walk.report, land.view.controls.weight.currentText()) == (
            before
        )


def test_the_foggy_mountain_lesson_walks_the_real_network(land, window, qtbot):
    """Its last step walks k1 (W1[0,0]) of the six-knob fit in the window: the lesson's numbers."""
    from nnviz.lessons import compute

    window.open_lesson("foggy-mountain", 2)
    qtbot.waitUntil(lambda: not window.lessons.setting_up, timeout=60_000)
    numbers = compute("foggy-mountain")
    walk = land.explorer.walking.walk
    assert land.explorer.mode == "network" and walk.label == "W1[0,0]"
    r = walk.report
    assert (r.steps, r.evaluations, r.status) == (
        numbers["steps"],
        numbers["evaluations"],
        "stopped",
    )
    assert r.start == pytest.approx(numbers["start"], abs=1e-6)
    assert r.end == pytest.approx(numbers["end"], abs=1e-6)
    np.testing.assert_allclose(r.secants, numbers["secants"], rtol=1e-6)
    assert land.view.controls.probe_dx() == pytest.approx(1e-4)  # the slider shows the lesson's Δx
    assert land.view.controls.learning_rate() == 0.5
    window.lessons.back()  # Back to "Feel the slope": the walker is at its start again, Δx = 1
    qtbot.waitUntil(lambda: not window.lessons.setting_up, timeout=60_000)
    walk = land.explorer.walking.walk
    assert walk.report.steps == 0 and walk.dx == 1.0
    assert walk.report.start == pytest.approx(numbers["start"], abs=1e-6)


def test_live_refreshes_project_the_path_once_a_second(land):
    """The projection walks every recorded point: sent with every refresh only for a new plane."""
    from nnviz.landscape.explorer import Effects

    def job(_cancelled):
        yield None

    def refresh(now: float) -> list[str]:
        effects = Effects(jobs=[("project", job), ("curve", job)])
        return [key for key, _ in land._paced(effects, now).jobs]

    land.explorer.net.projection = None  # a new plane: its projection goes out at once
    assert refresh(100.0) == ["project", "curve"]
    assert refresh(100.1) == ["project", "curve"]
    land.explorer.net.projection = object()  # …then once a second, the curve every time
    assert refresh(100.5) == ["curve"]
    assert refresh(101.0) == ["curve"]
    assert refresh(101.2) == ["project", "curve"]
    assert refresh(101.3) == ["curve"]
    assert land._paced(Effects(jobs=[("curve", job)]), 105.0).jobs[0][0] == "curve"


def test_a_switch_of_language_rewords_the_landscape_at_once(land, window, qtbot):
    """View ▸ Language mid-walk: choosers, the walker's note and the caption in Chinese, and back.

    No new snapshot or request is needed: the controller re-words on Qt's LanguageChange.
    """
    import re

    from app.i18n import tr
    from nnviz import text

    cjk = re.compile(r"[\u4e00-\u9fff]")
    _network_after_training(land, window, qtbot, epochs=5)
    c = land.view.controls
    qtbot.mouseClick(c.walk, Qt.MouseButton.LeftButton)
    assert land.walk_items.note.toPlainText() == "step 1"
    knobs = lambda: [c.knob.itemText(i) for i in range(c.knob.count())]  # noqa: E731
    english = knobs()
    try:
        window.language.set("zh_CN", remember=False)
        qtbot.waitUntil(lambda: land.walk_items.note.toPlainText() == tr("step %n", "", 1))
        assert cjk.search(land.walk_items.note.toPlainText())
        assert knobs() == [title for title, _key in land.explorer.knob_items()] != english
        assert c.mode.currentText() == tr("The live network's loss") != "The live network's loss"
        hint = text._("Walk (W) takes a step, Shift+W ten; a click on the curve moves the start.")
        assert cjk.search(hint) and hint in land.view.narration.text()
    finally:
        window.language.set("en", remember=False)
    qtbot.waitUntil(lambda: land.walk_items.note.toPlainText() == "step 1")
    assert knobs() == english and c.mode.currentText() == "The live network's loss"

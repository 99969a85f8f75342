"""Controls view: the perceptron rules and early stopping in the Training group."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.views.controls_view import ControlsView, play_text
from app.views.curves_view import CurvesView
from nnviz import commands as cmd
from nnviz.lab import Lab
from tests.factories import LINEAR, linear_data


def test_choosing_the_perceptron_rule_and_stepping_shows_the_mistakes_curve(qtbot):
    """Perceptron rule chosen in the box, two epochs stepped: the curves show its mistakes."""
    lab = Lab(linear_data(), LINEAR, grid_resolution=20)
    controls, curves = ControlsView(), CurvesView()
    for w in (controls, curves):
        qtbot.addWidget(w)
    controls.command_requested.connect(lab.apply)
    controls.show_snapshot(lab.snapshot())
    controls.optimizer.setCurrentIndex(controls.optimizer.findText("Perceptron rule"))
    assert lab.config.optimizer == "perceptron"
    controls.epoch_button.click()
    controls.epoch_button.click()
    snap = lab.snapshot()
    curves.show_snapshot(snap)
    assert len(snap.history["mistakes"]) == 2
    x, y = curves.lines["mistakes"].getOriginalDataset()
    assert list(x) == [1.0, 2.0] and list(y) == list(snap.history["mistakes"])
    assert curves.loss_plot.getAxis("left").labelText == "mistakes per epoch"


def test_stop_early_and_patience_send_the_new_settings(qtbot):
    """Ticking 'Stop early' and setting the patience send a config with both."""
    lab = Lab(linear_data(), grid_resolution=20)
    controls = ControlsView()
    qtbot.addWidget(controls)
    controls.command_requested.connect(lab.apply)
    controls.show_snapshot(lab.snapshot())
    controls.patience.setValue(7)
    controls.early.setChecked(True)
    assert lab.config.early_stopping and lab.config.patience == 7
    controls.show_snapshot(lab.snapshot())
    assert controls.early.isChecked() and controls.patience.value() == 7
    assert controls.optimizer.findText("Averaged perceptron") >= 0
    lab.apply(cmd.StepEpoch())
    assert len(lab.trainer.X) == 32  # 20 % of the 40 points held out for validation


def test_play_and_pause_take_the_same_width_so_the_row_never_reflows(qtbot):
    """The play button is as wide for '▶ Play' as for '❚❚ Pause': starting training does not
    push the next buttons onto another line of the wrapping row."""
    lab = Lab(linear_data(), grid_resolution=20)
    controls = ControlsView()
    qtbot.addWidget(controls)
    controls.command_requested.connect(lab.apply)
    controls.resize(controls.minimumSizeHint().width(), 600)
    controls.show()
    controls.show_snapshot(lab.snapshot())
    qtbot.wait(20)
    paused = (controls.play_button.width(), controls.epoch_button.pos())
    qtbot.mouseClick(controls.play_button, Qt.MouseButton.LeftButton)
    assert lab.playing
    controls.show_snapshot(lab.snapshot())
    assert controls.play_button.text() == play_text(True)
    qtbot.wait(20)
    assert (controls.play_button.width(), controls.epoch_button.pos()) == paused
    assert controls.play_button.width() >= controls.play_button.fontMetrics().horizontalAdvance(
        play_text(True)
    )

"""Training curves view: data on the lines, skipped redraws, reset, log scale, hover, export."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QFontInfo, QImage
from PySide6.QtWidgets import QApplication

from app.views.curves_items import TRAIN_COLOR
from app.views.curves_view import HINT, CurvesView
from nnviz import commands as cmd
from nnviz.engine.trainer import TrainConfig
from nnviz.palette import HIGHLIGHT, ORANGE
from tests.app.shown import shown
from tests.factories import make_lab, make_snapshot


@pytest.fixture(scope="module")
def base():
    """One real snapshot to vary (building it trains a little, so share it)."""
    return make_snapshot(epochs=1)


def synthetic(base, n: int = 200, seq: int = 1, **changes):
    """A snapshot whose history is a smooth made-up training run of ``n`` epochs."""
    e = np.arange(1, n + 1, dtype=float)
    loss = 0.7 * np.exp(-e / 50) + 0.03
    history = {
        "epoch": e,
        "train_loss": loss,
        "test_loss": loss * 1.3,
        "train_acc": 1 - 0.5 * np.exp(-e / 40),
        "test_acc": 0.95 - 0.5 * np.exp(-e / 40),
    }
    history.update(changes.pop("history", {}))
    return dataclasses.replace(base, seq=seq, epoch=n, history=history, **changes)


@pytest.fixture
def view(qtbot):
    """A shown curves view."""
    return shown(qtbot, CurvesView(), 800, 600)


def text(label) -> str:
    """A label's text as read (its non-breaking spaces as plain ones)."""
    return label.text().replace("\u00a0", " ")


def original(line):
    """The (x, y) arrays last given to a PlotDataItem, before clipping or downsampling."""
    x, y = line.getOriginalDataset()
    return np.asarray(x if x is not None else []), np.asarray(y if y is not None else [])


def test_growing_real_history_updates_every_line(view):
    """Each new epoch's snapshot puts exactly the history arrays on the lines (accuracy in %)."""
    lab = make_lab()
    for epochs in (2, 5):
        while lab.trainer.epoch < epochs:
            lab.apply(cmd.StepEpoch())
        snap = lab.snapshot()
        view.show_snapshot(snap)
        h = snap.history
        for name in ("train_loss", "test_loss"):
            x, y = original(view.lines[name])
            np.testing.assert_array_equal(x, h["epoch"])
            np.testing.assert_array_equal(y, h[name])
        for name in ("train_acc", "test_acc"):
            np.testing.assert_allclose(original(view.lines[name])[1], 100 * h[name])
        assert len(h["epoch"]) == epochs
    assert text(view.header).startswith("epoch 000005   train loss ")


def test_lines_have_the_palette_colours_and_dashes(view):
    """Train is dark blue and solid, test is orange and dashed."""
    train, test = view.lines["train_loss"].opts["pen"], view.lines["test_loss"].opts["pen"]
    assert train.color().getRgb()[:3] == TRAIN_COLOR
    assert test.color().getRgb()[:3] == ORANGE
    assert train.style() == Qt.PenStyle.SolidLine
    assert test.style() == Qt.PenStyle.DashLine
    assert view.lines["train_loss"].opts["autoDownsample"]
    assert view.lines["train_loss"].opts["clipToView"]


def test_unchanged_history_is_not_redrawn(view, base, monkeypatch):
    """A newer snapshot with the same history costs no setData calls."""
    view.show_snapshot(synthetic(base, seq=1))
    calls = []
    line = view.lines["train_loss"]
    monkeypatch.setattr(line, "setData", lambda *a, **k: calls.append(a))
    revision = view.revision
    view.show_snapshot(synthetic(base, seq=2))
    assert view.revision == revision and calls == []
    view.show_snapshot(synthetic(base, n=201, seq=3))
    assert view.revision == revision + 1 and len(calls) == 1


def test_stale_snapshots_are_dropped(view, base):
    """An older sequence number never replaces what is drawn."""
    view.show_snapshot(synthetic(base, n=50, seq=5))
    view.show_snapshot(synthetic(base, n=80, seq=4))
    assert original(view.lines["train_loss"])[0][-1] == 50


def test_reset_clears_curves_and_marker(view, base):
    """An empty history (after a reset) empties every line and removes the divergence mark."""
    view.show_snapshot(synthetic(base, seq=1, event="diverged", message="diverged at epoch 201"))
    assert view.diverged_lines[0].isVisible()
    empty = {k: np.zeros(0) for k in ("epoch", "train_loss", "test_loss", "train_acc", "test_acc")}
    view.show_snapshot(dataclasses.replace(base, seq=2, epoch=0, history=empty))
    for line in view.lines.values():
        assert len(original(line)[0]) == 0
    assert not view.diverged_lines[0].isVisible()
    assert text(view.header).startswith("epoch 000000")


def test_epoch_going_backwards_redraws_the_shorter_history(view, base):
    """A step back or a reset followed by quick training shows the new, shorter run."""
    view.show_snapshot(synthetic(base, n=100, seq=1))
    view.show_snapshot(synthetic(base, n=30, seq=2))
    assert original(view.lines["test_loss"])[0][-1] == 30


def test_log_scale_checkbox_click_switches_the_loss_axis(view, base, qtbot):
    """Clicking 'log scale' puts the loss plot (not accuracy) in log mode, and back."""
    view.show_snapshot(synthetic(base))
    qtbot.mouseClick(view.log_box, Qt.MouseButton.LeftButton)
    assert view.log_box.isChecked()
    assert view.loss_plot.getAxis("left").logMode
    assert view.lines["train_loss"].opts["logMode"] == [False, True]
    assert not view.acc_plot.getAxis("left").logMode
    qtbot.mouseClick(view.log_box, Qt.MouseButton.LeftButton)
    assert not view.loss_plot.getAxis("left").logMode
    view.set_log_scale(True)
    assert view.log_box.isChecked() and view.loss_plot.getAxis("left").logMode


def test_log_scale_survives_zero_and_negative_losses(view, base, qtbot):
    """Losses ≤ 0 (hinge, or a shifted loss) leave gaps in log mode instead of errors."""
    weird = {"train_loss": np.linspace(-1, 1, 200), "test_loss": np.zeros(200)}
    view.show_snapshot(synthetic(base, history=weird))
    view.set_log_scale(True)
    view.grab()  # paint with warnings as errors
    _, y = view.lines["train_loss"].getData()
    assert y is not None and np.isfinite(y[np.isfinite(y)]).all()
    view.show_epoch_at(1)  # hover readout with a negative loss at log scale
    assert "train loss -1.0000" in text(view.readout)


def hover(qtbot, view, epoch: float, value: float, plot=None):
    """Move the real mouse over ``plot`` at data point (epoch, value)."""
    plot = plot or view.loss_plot
    view.grab()  # a paint settles the auto-ranged axes, so data → pixel mapping is final
    scene = plot.vb.mapViewToScene(QPointF(epoch, value))
    pos = view.plots.mapFromScene(scene)
    qtbot.mouseMove(view.plots.viewport(), QPoint(pos.x(), pos.y()))


def test_hover_shows_nearest_epoch_values(view, base, qtbot):
    """Moving the mouse near epoch 120 shows a crosshair there and that epoch's numbers."""
    snap = synthetic(base)
    view.show_snapshot(snap)
    assert text(view.readout) == HINT
    hover(qtbot, view, 120.3, 0.2)
    qtbot.waitUntil(lambda: text(view.readout) != HINT)
    h, i = snap.history, 119
    expected = (
        f"epoch 120 · train loss {h['train_loss'][i]:.4f} · test loss {h['test_loss'][i]:.4f}"
        f" · train acc {100 * h['train_acc'][i]:.1f} % · test acc {100 * h['test_acc'][i]:.1f} %"
    )
    assert text(view.readout) == expected
    assert all(c.isVisible() and c.value() == 120 for c in view.cursors)
    x, y = original(view.dots[0])
    np.testing.assert_allclose(y, [h["train_loss"][i], h["test_loss"][i]])
    hover(qtbot, view, 37.8, 50, plot=view.acc_plot)  # the accuracy plot reads out too
    qtbot.waitUntil(lambda: text(view.readout).startswith("epoch 38 "))


def test_nan_test_loss_draws_train_only(view, base):
    """No test points (NaN test metrics) draws nothing for test and a dash on hover."""
    nan = np.full(200, np.nan)
    view.show_snapshot(synthetic(base, history={"test_loss": nan, "test_acc": nan}))
    view.grab()
    assert len(original(view.lines["test_loss"])[0]) == 0
    assert len(original(view.lines["train_loss"])[0]) == 200
    view.show_epoch_at(10)
    assert "test loss –" in text(view.readout) and "test acc –" in text(view.readout)


def test_odd_history_never_raises(view, base):
    """Mismatched lengths, missing series or junk draw what they can."""
    odd = {"epoch": np.arange(5.0), "train_loss": np.ones(3), "train_acc": "junk"}
    view.show_snapshot(dataclasses.replace(base, seq=1, history=odd, metrics={"x": None}))
    view.show_epoch_at(2)
    assert text(view.readout).startswith("epoch 2 · train loss –")
    view.show_snapshot(dataclasses.replace(base, seq=2, history={}))
    view.grab()


def test_regression_replaces_accuracy_with_a_note(view, base):
    """Regression hides the accuracy plot, shows the note and reads out losses only."""
    view.show_snapshot(synthetic(base, seq=1, kind="regression"))
    assert view.acc_plot.scene() is None
    assert view.acc_note.scene() is view.plots.scene()
    assert "accuracy applies to classification" in view.acc_note.text
    assert view.loss_plot.getAxis("bottom").labelText == "epoch"
    view.show_epoch_at(5)
    assert "acc" not in text(view.readout)
    view.show_snapshot(synthetic(base, seq=2))  # back to classification
    assert view.acc_plot.scene() is view.plots.scene() and view.acc_note.scene() is None
    assert len(original(view.lines["train_acc"])[0]) == 200


def test_real_divergence_is_marked_in_red(view):
    """A diverging run gets a red 'diverged' line at the epoch its message names."""
    lab = make_lab(config=TrainConfig(lr=1e6))
    lab.apply(cmd.StepEpoch())
    snap = lab.snapshot()
    assert snap.event == "diverged"
    view.show_snapshot(snap)
    for marker in view.diverged_lines:
        assert marker.isVisible() and marker.value() == 1
        assert marker.pen.color().getRgb()[:3] == HIGHLIGHT
    assert view.diverged_label.toPlainText() == "diverged"
    view.show_snapshot(dataclasses.replace(snap, seq=snap.seq + 1, event=""))
    assert view.diverged_lines[0].isVisible()  # the lesson stays on screen until a reset


def test_presentation_makes_lines_and_type_bigger(view):
    """Presentation mode is about 1.6× line width; type grows with the app font it enlarges.

    (The main window enlarges the app font; the view must not multiply it a second time.)
    """
    app = QApplication.instance()
    normal = QFont(app.font())
    width, size = view.lines["train_loss"].opts["pen"].widthF(), view.header.font().pixelSize()
    big = QFont(normal)
    big.setPixelSize(round(1.6 * QFontInfo(normal).pixelSize()))
    app.setFont(big)
    try:
        view.set_presentation(True)
        assert view.lines["train_loss"].opts["pen"].widthF() == pytest.approx(1.6 * width)
        assert view.header.font().pixelSize() == pytest.approx(1.6 * size, rel=0.1)
    finally:
        app.setFont(normal)
    view.set_presentation(False)
    assert view.header.font().pixelSize() == size
    assert view.lines["test_loss"].opts["pen"].style() == Qt.PenStyle.DashLine


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_export_writes_an_image(view, base, tmp_path, suffix):
    """Export writes a real picture of both plots."""
    view.show_snapshot(synthetic(base))
    path = tmp_path / f"curves.{suffix}"
    view.export_image(str(path))
    assert path.stat().st_size > 1000
    if suffix == "png":
        image = QImage(str(path))
        assert image.width() > 300
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 200, 7)}
        assert len(colours) > 5
    else:
        assert "<svg" in path.read_text()


def test_svg_export_falls_back_to_qt(view, base, tmp_path, monkeypatch):
    """When pyqtgraph's SVG exporter trips over Qt's path syntax, Qt's generator still writes it."""
    from pyqtgraph.exporters import SVGExporter

    def broken(self, *args, **kwargs):
        raise ValueError("not enough values to unpack")

    monkeypatch.setattr(SVGExporter, "export", broken)
    view.show_snapshot(synthetic(base))
    path = tmp_path / "curves.svg"
    view.export_image(str(path))
    assert "<svg" in path.read_text() and path.stat().st_size > 1000


def test_hover_readout_follows_new_data_and_leaves_with_the_mouse(view, base, qtbot):
    """While hovering, a newer history refreshes the numbers; leaving the plot hides the cursor."""
    view.show_snapshot(synthetic(base, n=100, seq=1))
    hover(qtbot, view, 50, 0.3)
    qtbot.waitUntil(lambda: text(view.readout).startswith("epoch 50 "))
    before = text(view.readout)
    view.show_snapshot(synthetic(base, n=101, seq=2, history={"train_loss": np.full(101, 0.5)}))
    assert text(view.readout) != before and "train loss 0.5000" in text(view.readout)
    qtbot.mouseMove(view.plots.viewport(), QPoint(2, 2))  # the margin outside both plots
    qtbot.waitUntil(lambda: not view.cursors[0].isVisible())
    assert len(original(view.dots[0])[0]) == 0


def test_the_best_epoch_is_marked_and_validation_loss_drawn(view, base):
    """Early stopping: the validation loss is drawn and the best epoch marked 'best'."""
    val = 0.4 + (np.arange(1, 201) - 80.0) ** 2 / 40000
    view.show_snapshot(synthetic(base, history={"val_loss": val}, best_epoch=80))
    assert view.best_line.isVisible() and view.best_line.value() == 80
    assert view.best_label.toPlainText() == "best"
    np.testing.assert_allclose(original(view.lines["val_loss"])[1], val)
    assert "validation" in [label.text for _, label in view.legend.items]
    view.show_snapshot(synthetic(base, n=150, seq=2, best_epoch=None))
    assert not view.best_line.isVisible()
    assert "validation" not in [label.text for _, label in view.legend.items]


def test_a_perceptron_rule_shows_mistakes_per_epoch_in_place_of_the_loss(view, base):
    """Under the perceptron rule the loss panel draws mistakes per epoch, clearly labelled."""
    mistakes = np.maximum(20 - np.arange(200.0), 0)
    config = dataclasses.replace(base.config, optimizer="perceptron")
    view.show_snapshot(synthetic(base, history={"mistakes": mistakes}, config=config))
    np.testing.assert_allclose(original(view.lines["mistakes"])[1], mistakes)
    assert len(original(view.lines["train_loss"])[0]) == 0
    assert view.loss_plot.getAxis("left").labelText == "mistakes per epoch"
    assert "mistakes in the last epoch 0" in text(view.header)
    view.show_snapshot(synthetic(base, seq=2))  # back to an optimizer: the loss returns
    assert len(original(view.lines["train_loss"])[0]) == 200
    assert view.loss_plot.getAxis("left").labelText == "loss"

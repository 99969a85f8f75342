"""Training curves at any dock shape: side by side when short and wide, stacked when tall."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QFontMetrics

from app.views.curves_layout import GIVE, SIDE, STACKED, Needs, choose
from app.views.curves_view import CurvesView
from tests.app.layout_check import clipped, cut_off
from tests.app.shown import shown
from tests.factories import make_snapshot

NEEDS = Needs(line=15, tall=240, wide=500, side_min=(100, 100), stacked_min=(50, 120))


@pytest.fixture(scope="module")
def base():
    """One real snapshot to vary (building it trains a little, so share it)."""
    return make_snapshot(epochs=1)


def run(base, seq: int = 1, **changes):
    """A snapshot with a smooth made-up 200-epoch history."""
    e = np.arange(1, 201, dtype=float)
    loss = 0.7 * np.exp(-e / 50) + 0.03
    acc = 1 - 0.5 * np.exp(-e / 40)
    history = {"epoch": e, "train_loss": loss, "test_loss": 1.3 * loss}
    history.update({"train_acc": acc, "test_acc": acc - 0.05})
    return dataclasses.replace(base, seq=seq, epoch=200, history=history, **changes)


@pytest.fixture
def view(qtbot):
    """A shown curves view, tall to begin with."""
    return shown(qtbot, CurvesView(), 1200, 700)


def area(qtbot, view, width: int, height: int) -> None:
    """Resize the view so that its plot area is ``width`` wide and ``height`` tall."""
    rows = view.height() - view.plots.height()  # header, read-out, margins
    view.resize(width, height + rows)
    qtbot.waitUntil(lambda: view.plots.height() == height and view.plots.width() > 0)
    qtbot.wait(10)


def boxes(view) -> tuple[QRectF, QRectF]:
    """The loss and accuracy view boxes, in scene pixels."""
    return view.loss_plot.vb.sceneBoundingRect(), view.acc_plot.vb.sceneBoundingRect()


def test_choose_has_hysteresis():
    """Side by side below the height threshold; back to stacked only 20 % above it."""
    tall = NEEDS.tall
    assert choose(STACKED, 800, tall - 1, NEEDS) == SIDE
    assert choose(STACKED, 800, tall + 1, NEEDS) == STACKED
    assert choose(SIDE, 800, tall + 1, NEEDS) == SIDE
    assert choose(SIDE, 800, tall * GIVE + 1, NEEDS) == STACKED
    assert choose(STACKED, NEEDS.wide - 1, 100, NEEDS) == STACKED  # too narrow to split
    assert choose(SIDE, NEEDS.wide - 1, 100, NEEDS) == SIDE
    assert choose(SIDE, NEEDS.wide / GIVE - 1, 100, NEEDS) == STACKED


def test_short_and_wide_puts_the_plots_side_by_side_tall_stacks_them(view, base, qtbot):
    """A real resize moves the same two plots between the cells; nothing is rebuilt."""
    view.show_snapshot(run(base))
    loss, acc, lines = view.loss_plot, view.acc_plot, dict(view.lines)
    assert view.grid.arrangement == STACKED
    top, bottom = boxes(view)
    assert bottom.top() >= top.bottom() and abs(top.left() - bottom.left()) < 1  # x axes align
    area(qtbot, view, 1100, view.grid.needs.tall - 30)
    assert view.grid.arrangement == SIDE
    left, right = boxes(view)
    assert right.left() >= left.right() and abs(left.top() - right.top()) < 1
    assert abs(left.height() - right.height()) < 1
    # Side by side each plot has its own epoch axis, and its caption above it.
    assert view.loss_plot.getAxis("bottom").style["showValues"]
    assert view.loss_plot.titleLabel.text == "loss"
    assert view.acc_plot.titleLabel.text == "accuracy %"
    assert not view.loss_plot.getAxis("left").label.isVisible()
    area(qtbot, view, 1100, round(view.grid.needs.tall * GIVE) + 30)
    assert view.grid.arrangement == STACKED
    assert view.loss_plot.getAxis("left").label.isVisible()
    assert not view.loss_plot.titleLabel.isVisible()
    assert (view.loss_plot, view.acc_plot) == (loss, acc) and view.lines == lines
    assert view.lines["train_acc"] in view.acc_plot.listDataItems()


def test_near_the_threshold_the_arrangement_does_not_flip(view, qtbot):
    """Resizing back and forth across the threshold changes the arrangement once."""
    tall = view.grid.needs.tall
    seen = []
    for height in (tall - 5, tall + 5, tall - 5, tall + 5, tall + 20, tall - 5):
        area(qtbot, view, 1100, height)
        seen.append(view.grid.arrangement)
    assert seen == [SIDE] * 6
    area(qtbot, view, 1100, round(tall * GIVE) + 10)
    for height in (tall + 5, tall + 20, tall + 5):
        area(qtbot, view, 1100, height)
        assert view.grid.arrangement == STACKED


def test_a_narrow_short_view_stays_stacked_and_keeps_its_ticks(view, qtbot):
    """Too narrow to split: stacked, and the view asks for the height both plots need."""
    view.resize(round(view.grid.needs.wide / GIVE) - 20, 120)  # asks for less than it needs
    qtbot.waitUntil(lambda: view.height() > 120)
    assert view.grid.arrangement == STACKED
    tick = QFontMetrics(view.loss_plot.getAxis("left").style["tickFont"]).height()
    qtbot.waitUntil(lambda: min(b.height() for b in boxes(view)) >= 3 * tick)
    assert view.plots.height() >= view.plots.minimumHeight()


def test_hover_reads_out_side_by_side(view, base, qtbot):
    """The hover read-out works over either plot when they sit side by side."""
    from tests.app.views.test_curves_view import hover, text

    view.show_snapshot(run(base))
    area(qtbot, view, 1100, view.grid.needs.tall - 30)
    assert view.grid.arrangement == SIDE
    hover(qtbot, view, 37.8, 50, plot=view.acc_plot)
    qtbot.waitUntil(lambda: text(view.readout).startswith("epoch 38 "))
    hover(qtbot, view, 120.3, 0.2)
    qtbot.waitUntil(lambda: text(view.readout).startswith("epoch 120 "))
    assert all(c.isVisible() and c.value() == 120 for c in view.cursors)


def test_regression_note_sits_beside_the_loss_when_short(view, base, qtbot):
    """Regression's note takes the accuracy plot's cell, and gives it back."""
    area(qtbot, view, 1100, view.grid.needs.tall - 30)
    view.show_snapshot(run(base, kind="regression"))
    qtbot.wait(10)
    note = view.acc_note.sceneBoundingRect()
    assert view.acc_plot.scene() is None
    assert note.left() >= view.loss_plot.vb.sceneBoundingRect().right()
    view.show_snapshot(run(base, seq=2))
    qtbot.wait(10)
    assert view.grid.arrangement == SIDE and view.acc_note.scene() is None
    left, right = boxes(view)
    assert right.left() >= left.right()


def captions(view) -> list[tuple[str, QRect]]:
    """Each plot's shown y caption (beside its axis or above the plot), in window pixels."""
    out = []
    for plot in (view.loss_plot, view.acc_plot):
        axis = plot.getAxis("left")
        item, text = (
            (axis.label, axis.labelText)
            if axis.label.isVisible()
            else (
                plot.titleLabel.item,
                plot.titleLabel.text,
            )
        )
        assert item.isVisible() and text
        rect = view.plots.mapFromScene(item.sceneBoundingRect()).boundingRect()
        out.append((text, QRect(view.plots.mapTo(view.window(), rect.topLeft()), rect.size())))
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_presentation_curves_are_readable(qtbot, window, size):
    """On a projector, in the full layout: 3 tick labels tall, captions apart, the legend
    inside its plot, nothing clipped or cut off."""
    window.resize(*size)
    qtbot.wait(60)
    window.toggle_presentation(True)
    qtbot.wait(60)
    view = window.curves
    tick = QFontMetrics(view.loss_plot.getAxis("left").style["tickFont"]).height()
    assert tick >= 19  # the presentation type, not the everyday one
    for box in boxes(view):
        assert box.height() >= 3 * tick
    (_, first), (_, second) = captions(view)
    assert not first.intersects(second)
    legend = view.legend.sceneBoundingRect()
    assert boxes(view)[0].adjusted(-0.5, -0.5, 0.5, 0.5).contains(legend)
    seen = QRectF(view.plots.viewport().rect())
    for plot in (view.loss_plot, view.acc_plot):  # the whole plot shows, axes and captions
        assert seen.adjusted(-0.5, -0.5, 0.5, 0.5).contains(plot.sceneBoundingRect())
    assert view.height() >= view.layout().minimumSize().height()  # nothing overlaps a row
    assert clipped(view) == [] and cut_off(view) == []


def test_a_language_switch_rewords_the_captions_side_by_side(view, base, qtbot):
    """Above the plots the captions follow the language, and the arrangement stays."""
    from tests.app.language import chinese, zh

    view.show_snapshot(run(base))
    area(qtbot, view, 1100, view.grid.needs.tall - 30)
    with chinese():
        view.reword()  # what MainWindow.reword calls on a switch
        assert view.grid.arrangement == SIDE
        assert view.acc_plot.titleLabel.text == zh("accuracy %")
        assert view.loss_plot.titleLabel.text == zh("loss")
        assert view.acc_plot.getAxis("left").labelText == zh("accuracy %")  # for stacked
    view.reword()
    assert view.acc_plot.titleLabel.text == "accuracy %"


def test_line_labels_stay_below_the_legend(view, base, qtbot):
    """'best' sits under the legend in a short plot (the legend would hide it), and goes back
    up where there is room."""
    val = 0.4 + (np.arange(1, 201) - 80.0) ** 2 / 40000
    snap = run(base, best_epoch=150)
    view.show_snapshot(dataclasses.replace(snap, history={**snap.history, "val_loss": val}))
    area(qtbot, view, 1100, view.grid.needs.side_min[0] + 10)
    qtbot.wait(10)
    label, legend = view.best_label.sceneBoundingRect(), view.legend.sceneBoundingRect()
    assert label.top() >= legend.bottom()
    area(qtbot, view, 1100, round(view.grid.needs.tall * GIVE) + 200)
    assert view.best_label.orthoPos == pytest.approx(0.8)

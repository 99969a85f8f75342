"""End-to-end tests of the main window through real clicks and keys."""

import numpy as np
from PySide6.QtCore import QPointF, Qt

from nnviz import commands as cmd


def _canvas_pixel(window, x, y):
    """Widget pixel of data point (x, y) on the data canvas's plot."""
    plot = window.canvas.plot
    scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
    return plot, plot.mapFromScene(scene)


def test_opens_on_the_default_demo(window):
    """The first snapshot shows the 2-4-2-1 tanh network on circle data, paused."""
    snap = window.latest
    assert snap.spec.sizes == [2, 4, 2, 1] and not snap.playing
    assert len(window.doc.points) == 500


def test_space_trains_and_the_loss_falls(window, qtbot):
    """Space starts training; snapshots arrive and the loss falls; Space pauses."""
    first = window.latest.metrics["train_loss"]
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.wait_for_snapshot(lambda s: s.epoch >= 20) is not None
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.wait_for_snapshot(lambda s: not s.playing) is not None
    assert window.latest.metrics["train_loss"] < first


def test_arrow_steps_one_epoch_and_back(window, qtbot):
    """→ trains exactly one epoch; ← undoes it."""
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.wait_for_snapshot(lambda s: s.epoch == 1) is not None
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.wait_for_snapshot(lambda s: s.epoch == 0 and s.seq > 2) is not None


def test_click_adds_point_and_undo_removes_it(window, qtbot):
    """A click on the canvas adds a point at that place; Ctrl+Z removes it; Ctrl+Shift+Z redoes."""
    n = len(window.doc.points)
    qtbot.keyClick(window, Qt.Key.Key_1)  # class 1 (0-based 0)
    plot, pixel = _canvas_pixel(window, 5.6, -5.5)
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=pixel)
    assert len(window.doc.points) == n + 1
    X, y, _, ids = window.doc.points.all_arrays()
    newest = np.argmax(ids)
    assert np.allclose(X[newest], [5.6, -5.5], atol=0.15) and y[newest] == 0
    window.actions["undo"].trigger()
    assert len(window.doc.points) == n
    window.actions["redo"].trigger()
    assert len(window.doc.points) == n + 1


def test_point_edits_reach_the_worker_live(window, qtbot):
    """After an edit, snapshots report the new data version without resetting."""
    window.send(cmd.StepEpoch())
    window.wait_for_snapshot(lambda s: s.epoch == 1)
    version = window.doc.points.version
    window.doc.add_points(np.array([[0.0, 0.0]]), np.array([1]))
    snap = window.wait_for_snapshot(lambda s: s.data_version > version - 1 and s.epoch == 1)
    assert snap is not None and window.doc.points.version > version


def test_architecture_change_mid_training_applies(window, qtbot):
    """Changing the hidden layers while playing rebuilds the network and says so."""
    window.send(cmd.Play())
    window.wait_for_snapshot(lambda s: s.epoch >= 3)
    window.send(cmd.SetSpec(window.latest.spec.with_(hidden=(6, 3, 2))))
    snap = window.wait_for_snapshot(lambda s: s.spec.hidden == (6, 3, 2))
    assert snap is not None and snap.spec.sizes == [2, 6, 3, 2, 1]
    window.send(cmd.Pause())


def test_presentation_mode_enlarges_type(window, qtbot):
    """F5 switches presentation mode on and the window font grows."""
    size = window.font().pointSizeF()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.actions["presentation"].isChecked()
    assert window.font().pointSizeF() > size


def test_close_during_training_is_clean(qtbot, tmp_path):
    """Closing while training stops the thread and writes the autosave."""
    from app.main_window import MainWindow

    w = MainWindow("xor", interactive=False, autosave_dir=tmp_path)
    qtbot.addWidget(w)
    w.show()
    w.wait_for_snapshot(lambda s: True)
    w.send(cmd.Play())
    w.wait_for_snapshot(lambda s: s.epoch >= 2)
    w.close()
    assert w.training.thread.isFinished()
    assert (tmp_path / "autosave.nnviz").is_file()
    assert not w.training.worker.process.is_alive()


def test_a_closed_window_is_freed_once_qt_deletes_it(qtbot, tmp_path):
    """Nothing global keeps a closed, deleted window alive (the re-wording registry did, and
    every window a session opened stayed in memory)."""
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    from app.i18n import forget_deleted
    from app.main_window import MainWindow

    w = MainWindow("xor", interactive=False, autosave_dir=tmp_path)
    w.show()
    assert w.wait_for_snapshot(lambda s: True) is not None
    gone = weakref.ref(w)
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    forget_deleted()
    del w
    gc.collect()
    assert gone() is None


def test_a_huge_learning_rate_pauses_with_diverged_and_finite_weights(window, qtbot):
    """SGD at learning rate 10 on curve fitting: training pauses, says 'diverged at epoch N',
    and the weights shown are the last finite ones. (Adam, or a saturating classifier, would
    not blow up at 10: they get stuck instead, which the curves show.)"""
    from dataclasses import replace

    window.load_preset("curve")
    snap = window.wait_for_snapshot(lambda s: s.kind == "regression")
    window.send(cmd.SetConfig(replace(snap.config, lr=10.0, optimizer="sgd")))
    qtbot.keyClick(window, Qt.Key.Key_Space)
    diverged = window.wait_for_snapshot(lambda s: s.event == "diverged" or "diverged" in s.message)
    assert diverged is not None and not diverged.playing
    assert "diverged at epoch" in diverged.message
    assert all(np.isfinite(p).all() for p in diverged.params)
    assert "diverged" in window.status.message.text()


def test_the_autosave_is_offered_and_restored_at_the_next_start(qtbot, tmp_path):
    """Close with changed data; the next window, asked to restore, has the same points."""
    from app.main_window import MainWindow

    first = MainWindow("xor", interactive=False, autosave_dir=tmp_path)
    qtbot.addWidget(first)
    first.show()
    first.wait_for_snapshot(lambda s: True)
    first.doc.add_points(np.array([[1.5, -2.5]]), np.array([0]))
    X0, y0, _, _ = first.doc.points.all_arrays()
    first.close()
    second = MainWindow("circle", interactive=False, autosave_dir=tmp_path)
    qtbot.addWidget(second)
    second.ask = lambda question: "Restore" in question  # the user says yes
    assert second.session_io.offer_restore()
    X1, y1, _, _ = second.doc.points.all_arrays()
    assert np.array_equal(X0, X1) and np.array_equal(y0, y1)
    second.close()

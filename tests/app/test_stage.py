"""Stage mode: one view fills the window, and the same key or Esc gives the layout back."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.factories import same_arrays


def _layout(window):
    """What 'exactly as it was' means: every dock's visibility and geometry, the window's size."""
    docks = {k: (d.isVisible(), d.geometry().getRect()) for k, d in window.docks.items()}
    return window.size().toTuple(), docks, window.centralWidget().currentIndex()


def _settle():
    for _ in range(10):
        QApplication.processEvents()


def test_each_stage_key_stages_its_view_and_gives_the_layout_back(window, qtbot):
    """F6, F7, F8 stage the playground, graph and landscape; the same key restores all."""
    _settle()
    before = _layout(window)
    for key, name, view in (
        (Qt.Key.Key_F6, "playground", window.network_view),
        (Qt.Key.Key_F7, "graph", window.graph.view),
        (Qt.Key.Key_F8, "landscape", window.landscape.view),
    ):
        qtbot.keyClick(window, key)
        _settle()
        assert window.stage.active.name == name and view.isVisible()
        assert not any(d.isVisible() for d in window.docks.values())
        qtbot.keyClick(window, key)
        _settle()
        assert window.stage.active is None and _layout(window) == before


def test_escape_leaves_the_stage_and_views_go_home(window, qtbot):
    """Esc returns every view to its dock, the canvas to its dock and the network centrally."""
    qtbot.keyClick(window, Qt.Key.Key_F6)
    _settle()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    _settle()
    assert window.stage.active is None
    assert window.docks["canvas"].widget() is window.canvas
    assert window.centralWidget().widget(0) is window.network_view


def test_the_staged_view_gets_most_of_the_window(window, qtbot):
    """On the graph stage the graph view covers most of the window (not a short dock)."""
    window.resize(1280, 720)
    window.toggle_stage("graph")
    _settle()
    view = window.graph.view
    share = view.width() * view.height() / (window.width() * window.height())
    assert share > 0.75


def test_reset_layout_brings_every_dock_back(window, qtbot):
    """After docks are closed, Reset layout puts them back."""
    window.docks["curves"].hide()
    window.docks["controls"].hide()
    window.reset_layout()
    _settle()
    assert window.docks["curves"].isVisible() and window.docks["controls"].isVisible()


def test_no_restore_ignores_a_saved_layout(qtbot, tmp_path):
    """--no-restore: a broken saved layout is not applied."""
    from PySide6.QtCore import QSettings

    from app.application import make_application
    from app.main_window import MainWindow

    make_application()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = MainWindow("xor", seed=0, interactive=False, settings=settings)
    qtbot.addWidget(first)
    first.docks["canvas"].hide()
    settings.setValue("window/state", first.saveState())
    first.close()
    second = MainWindow("xor", seed=0, interactive=False, settings=settings, restore_layout=False)
    qtbot.addWidget(second)
    second.show()
    _settle()
    assert second.docks["canvas"].isVisible()
    second.close()


def test_off_the_playground_snapshots_skip_the_planes_pictures(window, qtbot):
    """F8 stages the landscape: the training process stops drawing the neurons' pictures
    (the same arrays come back while training goes on); F8 again draws them fresh."""
    from nnviz import commands as cmd

    qtbot.keyClick(window, Qt.Key.Key_F8)
    start = window.latest.epoch
    window.send(cmd.StepEpoch())
    first = window.wait_for_snapshot(lambda s: s.epoch > start)
    window.send(cmd.StepEpoch())
    second = window.wait_for_snapshot(lambda s: s.epoch > first.epoch)
    assert same_arrays(first.neuron_grids, second.neuron_grids)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    window.send(cmd.StepEpoch())
    third = window.wait_for_snapshot(lambda s: s.epoch > second.epoch)
    assert not same_arrays(second.neuron_grids, third.neuron_grids)


def test_the_stages_that_show_the_plane():
    """The playground and the images stage draw the neurons' pictures; the others do not."""
    from app.stage import STAGES

    shown = {name for name, spec in STAGES.items() if spec.shows_plane}
    assert shown == {"playground", "images"}

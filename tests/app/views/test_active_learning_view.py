"""Active learning by hand, driven with real clicks and keys on the plane."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from app.active_learning_controller import ActiveLearningController
from app.views.active_learning_items import HIT_PX
from nnviz.experiments.active_learning import run_one

SETTINGS = {"seed": 0, "noise": 0.3, "budget": 20, "k": 4}


@pytest.fixture
def lab(qtbot):
    """A shown labelling view with its controller, a session started, and the lines said."""
    said: list[tuple[str, bool]] = []
    controller = ActiveLearningController(lambda text, error=False: said.append((text, error)))
    view = controller.view
    qtbot.addWidget(view)
    view.resize(1100, 650)
    view.show()
    qtbot.waitExposed(view)
    assert controller.start(SETTINGS)
    qtbot.waitUntil(lambda: not controller.timer.isActive(), timeout=10000)  # the random curve
    return controller, said


def _pixel(controller, index: int) -> QPoint:
    """The viewport pixel where pool point ``index`` is drawn."""
    plane = controller.view.plane
    return plane.mapFromScene(plane.scene_pos_of(index))


def _click(qtbot, controller, pixel: QPoint) -> None:
    qtbot.mouseClick(controller.view.plane.viewport(), Qt.MouseButton.LeftButton, pos=pixel)


def _state(controller) -> tuple:
    s = controller.session
    return (list(s.labelled), s.candidates, s.curve())


def test_clicking_a_ringed_point_reveals_its_label_refits_and_grows_the_curve(lab, qtbot):
    """The clicked candidate is labelled with its true class; rings, regions and curve move."""
    controller, said = lab
    s = controller.session
    target = s.candidates[1]
    regions = controller.view.plane.regions.image.copy()
    _click(qtbot, controller, _pixel(controller, target))
    assert s.labelled[-1] == target and s.given == 1
    assert target not in s.candidates
    assert controller.view.curves.active.getData()[0].tolist() == [4, 5]
    assert not np.array_equal(controller.view.plane.regions.image, regions)
    text = f"Point {target + 1} is class {int(s.pool.y[target]) + 1}. 5 labels"
    assert said[-1][0].startswith(text) and not said[-1][1]
    assert controller.view.message.text() == said[-1][0]
    assert controller.view.plane.counts()[0] == 5  # the new label is drawn in its colour


def test_a_click_on_a_point_that_is_not_ringed_is_one_message_and_changes_nothing(lab, qtbot):
    """A grey point far from every ring: refused, named, nothing labelled."""
    controller, said = lab
    plane = controller.view.plane
    before = _state(controller)
    rings = np.array([plane.scene_pos_of(i).toTuple() for i in controller.session.candidates])
    for index in range(500):  # a grey point well away from every ring
        spot = np.array(plane.scene_pos_of(index).toTuple())
        if index not in controller.session.labelled and np.hypot(*(rings - spot).T).min() > 60:
            break
    _click(qtbot, controller, _pixel(controller, index))
    assert _state(controller) == before
    assert said[-1] == (
        f"point {index + 1} is not ringed: click one of the 4 ringed points, where the model is "
        "least sure (or press L for the least sure of all)",
        True,
    )


def test_a_click_on_empty_space_is_one_message_and_changes_nothing(lab, qtbot):
    """Far from every point: 'No point there', nothing labelled."""
    controller, said = lab
    plane = controller.view.plane
    before = _state(controller)
    for x, y in ((0.0, 5.0), (-5.0, -5.0), (5.0, 5.0)):
        spot = plane.getViewBox().mapViewToScene(QPointF(x, y))
        if plane.pixel_distances(spot).min() > 3 * HIT_PX:
            break
    _click(qtbot, controller, plane.mapFromScene(spot))
    assert _state(controller) == before
    assert said[-1][1] and said[-1][0].startswith("No point there: click one of the 4 ringed")


def test_keys_label_the_least_sure_and_undo(lab, qtbot):
    """L labels the red-ringed point; Backspace takes it back; the same as the engine's rule."""
    controller, _ = lab
    view, s = controller.view, controller.session
    view.setFocus()
    first = s.candidates[0]
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert s.labelled[-1] == first
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_L)
    assert s.curve() == run_one("active", 0, k=1, budget=8)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert s.given == 3 and s.curve() == run_one("active", 0, k=1, budget=7)
    assert view.undo_button.isEnabled()


def test_undo_at_the_start_and_labels_past_the_budget_are_refused(lab, qtbot):
    """Both are one message each; the buttons say what can be done."""
    controller, said = lab
    view = controller.view
    assert not view.undo_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert said[-1] == ("Nothing to undo: only the first labels are given", True)
    for _ in range(16):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert controller.session.full and not view.next_button.isEnabled()
    before = _state(controller)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert _state(controller) == before
    assert said[-1][0].startswith("All 20 labels are given") and said[-1][1]


def test_the_random_curve_is_drawn_whole_from_the_engines_baseline(lab):
    """The dashed curve is run_one("random", k=1) from the same seed, up to the budget."""
    controller, _ = lab
    xs, ys = controller.view.curves.random.getData()
    labels, accuracy = run_one("random", 0, k=1, budget=20)
    assert xs.tolist() == labels and ys.tolist() == pytest.approx([100 * a for a in accuracy])


def test_a_new_k_rings_more_points_and_keeps_the_labels(lab, qtbot):
    """Only k changed: the labels stay; the seed changed: a new session from its first labels."""
    controller, _ = lab
    qtbot.keyClick(controller.view, Qt.Key.Key_L)
    labelled = list(controller.session.labelled)
    assert controller.start({**SETTINGS, "k": 7})
    assert controller.session.labelled == labelled
    assert controller.view.plane.counts()[1] == 7
    assert controller.start({**SETTINGS, "k": 7, "seed": 1})
    assert controller.session.given == 0 and controller.session.seed == 1
    qtbot.mouseClick(controller.view.restart_button, Qt.MouseButton.LeftButton)
    assert controller.session.given == 0 and controller.session.k == 7


def test_presentation_mode_enlarges_points_rings_and_type_at_once(lab):
    """F5's look: bigger rings and points without waiting for the next label, 22 px type."""
    controller, _ = lab
    view = controller.view
    ring, point = view.plane.next_ring.opts["size"], view.plane.pool.opts["size"]
    view.set_presentation(True)
    assert view.plane.next_ring.opts["size"] > ring and view.plane.pool.opts["size"] > point
    assert view.message.font().pixelSize() >= 20
    assert controller.session.labelled == list(controller.session.pool.first)  # nothing labelled
    view.set_presentation(False)
    assert view.plane.next_ring.opts["size"] == ring

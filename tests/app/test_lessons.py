"""The lesson player in the real window: menus, PgDn/PgUp, exact Back, leaving restores."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from nnviz import commands as cmd


def _menu_action(window, menu_title: str, text: str):
    """The action called ``text`` in the menu ``menu_title`` (or one of its submenus).

    Found through the object tree: PySide's ``QAction.menu()`` hands the menu's ownership to
    the Python wrapper, which would delete the menu when the wrapper is collected.
    """
    for menu in window.menuBar().findChildren(QMenu):
        if menu.title().replace("&", "") != menu_title:
            continue
        for action in [*menu.actions(), *menu.findChildren(QAction)]:
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no {text!r} under {menu_title!r}")


def _settled(window, qtbot):
    """Wait until the step's setup has gone through the lab and the views."""
    qtbot.waitUntil(lambda: not window.lessons.setting_up, timeout=20_000)
    return window.latest


def _state(window):
    snap = window.latest
    X, y, is_test, _ = window.doc.points.all_arrays()
    return snap.spec, [p.copy() for p in snap.params], X.copy(), y.copy(), snap.epoch


def _same(a, b):
    assert a[0] == b[0] and a[4] == b[4]
    assert all(np.array_equal(p, q) for p, q in zip(a[1], b[1], strict=True))
    assert np.array_equal(a[2], b[2]) and np.array_equal(a[3], b[3])


def test_a_lesson_opens_from_the_menu_and_pgdn_pgup_step_through_it(window, qtbot):
    """Lessons ▸ CS188 ▸ Backprop on the board; PgDn moves on, PgUp back, the graph follows."""
    _menu_action(window, "Lessons", "Backprop on the board").trigger()
    _settled(window, qtbot)
    panel = window.lessons.panel
    assert panel.isVisible() and panel.position.text() == "step 1 of 4"
    assert window.stage.active is not None and window.stage.active.name == "graph"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    _settled(window, qtbot)
    assert panel.position.text() == "step 2 of 4"
    assert "<b>58</b>" in panel.narration.text()  # g = 58, computed by the engine, in bold
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    _settled(window, qtbot)
    assert panel.position.text() == "step 1 of 4"


def test_arrow_keys_step_the_lesson_while_its_panel_has_focus(window, qtbot):
    """→ and ← walk the lesson (not the training) when the lesson panel has the focus."""
    window.open_lesson("sigmoid")
    _settled(window, qtbot)
    epoch = window.latest.epoch
    window.lessons.panel.setFocus()
    qtbot.keyClick(window.lessons.panel, Qt.Key.Key_Right)
    _settled(window, qtbot)
    assert window.lessons.player.index == 1 and window.latest.epoch == epoch


def test_back_restores_a_step_exactly(window, qtbot):
    """Data, network, weights and epoch after Back equal the step as first shown."""
    window.open_lesson("linear-collapse")
    _settled(window, qtbot)
    window.lesson_next()
    _settled(window, qtbot)
    first = _state(window)
    window.lesson_next()
    _settled(window, qtbot)
    assert window.latest.epoch == 2000  # step 3 trains, deterministically
    window.lesson_back()
    _settled(window, qtbot)
    _same(_state(window), first)


def test_leaving_a_lesson_gives_the_users_session_back(window, qtbot):
    """The user's own points and network come back when the lesson ends."""
    window.load_preset("spiral")
    window.send(cmd.TrainEpochs(3))
    window.send(cmd.RequestSnapshot(777))
    qtbot.waitUntil(lambda: window.latest.token == 777, timeout=20_000)
    assert window.latest.epoch == 3
    before_points = window.doc.points.all_arrays()[0].copy()
    before_spec = window.latest.spec
    window.open_lesson("universal-approximation")
    _settled(window, qtbot)
    assert window.latest.spec != before_spec
    qtbot.mouseClick(window.lessons.panel.leave_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.latest.spec == before_spec, timeout=20_000)
    assert np.array_equal(window.doc.points.all_arrays()[0], before_points)
    assert window.stage.active is None and not window.lessons.panel.isVisible()


def test_the_start_page_lists_every_lesson_by_lecture(window, qtbot):
    """Help ▸ Start page shows the four lecture groups and opens the lesson picked."""
    _menu_action(window, "Help", "Start page: the lessons").trigger()
    page = window.lesson_wiring.start_page
    assert len(page.lesson_items()) == len(window.catalogue.lessons)
    item = next(i for i in page.lesson_items() if i.text(0) == "From the step to the sigmoid")
    page.tree.setCurrentItem(item)
    page._open_current()
    _settled(window, qtbot)
    assert window.lessons.player.lesson.id == "sigmoid"


def test_the_adversarial_lesson_nudges_the_image_its_numbers_found_and_back_undoes_it(
    window, qtbot
):
    """Step 2 flips the image the engine found with its ε; Back puts every pixel back."""
    window.open_lesson("adversarial")
    _settled(window, qtbot)
    images = window.images
    qtbot.waitUntil(lambda: images.progress is not None and not images.training, timeout=60_000)
    original = images.images.copy()
    window.lesson_next()
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: bool(images.history), timeout=60_000)
    numbers = window.lessons.player.numbers()
    i = numbers["index"]
    assert images.selected == i
    change = abs(images.images[i] - original[i]).max()
    assert 0 < change <= numbers["eps"] + 1e-12
    label, _ = images._answer(images.images[i])
    assert label == numbers["prediction_after"] != numbers["prediction_before"]
    window.lesson_back()
    _settled(window, qtbot)
    assert (images.images == original).all() and not images.history


def test_a_language_switch_makes_the_lesson_figure_again_in_chinese(window, qtbot):
    """The plot stage's figure is made again off the GUI thread in Chinese (same numbers)."""
    from nnviz import text
    from nnviz.lessons.figures import FIGURES
    from tests.app.language import chinese, zh

    window.open_lesson("log-loss", 1)
    _settled(window, qtbot)
    qtbot.waitUntil(lambda: window.figure.figure is not None)
    english = window.figure.figure
    assert english["title"] == FIGURES["log-loss-curve"]()["title"]
    with chinese(window.language):
        wanted = FIGURES["log-loss-curve"]()  # the core's Chinese, in this (GUI) thread
        assert text.language() == "zh_CN" and wanted["title"] != english["title"]
        qtbot.waitUntil(lambda: window.figure.figure["title"] == wanted["title"], timeout=20_000)
        assert window.figure.figure["curves"][0]["ys"] == english["curves"][0]["ys"]
        assert window.figure.figure["y_label"] == wanted["y_label"] != english["y_label"]
        window.lesson_next()
        _settled(window, qtbot)
        player = window.lessons.player
        said = zh("{title}: step {step} of {count}. PgDn next, PgUp back.").format(
            title=player.lesson.title.get("zh_CN"), step=3, count=player.count
        )
        assert window.status.message.text() == said
    qtbot.waitUntil(lambda: window.figure.figure["title"] == english["title"], timeout=20_000)

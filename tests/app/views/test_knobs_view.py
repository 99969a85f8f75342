"""Six-knob view and controller: the curve is the knobs' polynomial; the marked loss is the loss."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.application import make_application
from app.knobs_controller import KnobsController
from app.views.knobs_view import KnobsView
from nnviz.lessons.popsci_fitting import DEGREE


@pytest.fixture
def pair(qtbot):
    """A shown six-knob view with its controller (all knobs at 0)."""
    make_application()
    view = KnobsView()
    qtbot.addWidget(view)
    controller = KnobsController(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    yield view, controller
    controller.stop_fit()


def drawn(item) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) data last handed to a plot item."""
    x, y = item.getOriginalDataset()
    return np.asarray(x), np.asarray(y)


def pure_loss(controller, knobs) -> float:
    """Mean squared error of k0 + k1·x + … + k5·x⁵ on the data, written out by hand."""
    return float(np.mean((np.polyval(knobs[::-1], controller.x) - controller.y) ** 2))


def test_turning_a_knob_by_hand_redraws_the_curve(pair, qtbot):
    """Typing k1 = 2 and turning k3's dial: the curve is exactly the knobs' polynomial."""
    view, controller = pair
    box = view.knobs[1].box
    box.selectAll()
    qtbot.keyClicks(box, "2")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    view.knobs[3].slider.setFocus()
    qtbot.keyClick(view.knobs[3].slider, Qt.Key.Key_PageDown)
    k = controller.knobs()
    assert k[1] == 2.0 and k[3] == pytest.approx(-0.1)
    x, y = drawn(view.curve)
    np.testing.assert_allclose(y, np.polyval(k[::-1], x), atol=1e-12)


def test_marked_point_is_the_pure_loss_at_the_knobs(pair):
    """The heatmap's marker sits at (k1, k2) and reads the loss of the current six knobs."""
    view, controller = pair
    controller.set_knobs([0.1, 2.5, -0.3, -3.0, 0.2, 1.0])
    k = controller.knobs()
    assert view.point == (k[1], k[2])
    assert view.marked_loss == pytest.approx(pure_loss(controller, k), rel=1e-12)
    a, b, grid = controller.loss_map()
    i, j = np.argmin(np.abs(a - k[1])), np.argmin(np.abs(b - k[2]))
    moved = list(k)
    moved[1], moved[2] = a[i], b[j]
    assert grid[j, i] == pytest.approx(pure_loss(controller, moved), rel=1e-9)


def test_choosing_other_knobs_moves_the_heatmap(pair):
    """Choosing k0 across and k3 up marks (k0, k3) and retitles the panel."""
    view, controller = pair
    controller.set_knobs([0.5, 1, 0, -2, 0, 0])
    view.first_box.setCurrentIndex(0)
    view.second_box.setCurrentIndex(3)
    assert controller.pair == (0, 3) and view.point == (0.5, -2.0)
    assert "(k0, k3)" in view.loss_title.text()
    view.second_box.setCurrentIndex(0)  # the same knob twice is refused
    assert controller.pair == (0, 3) and view.second_box.currentIndex() == 3


def test_fit_by_gradient_descent_runs_on_a_timer_and_lowers_the_loss(pair, qtbot):
    """Clicking Fit turns the knobs tick by tick; the loss falls; Reset puts them back to 0."""
    view, controller = pair
    start = controller.loss()
    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert controller.timer.isActive()
    qtbot.waitUntil(lambda: controller.trainer.epoch >= 200, timeout=20000)
    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert not controller.timer.isActive()
    assert controller.loss() < start / 3
    assert [knob.value() for knob in view.knobs] == pytest.approx(controller.knobs(), abs=1e-9)
    qtbot.mouseClick(view.reset_button, Qt.MouseButton.LeftButton)
    assert controller.knobs() == [0.0] * (DEGREE + 1) and controller.trainer.epoch == 0


def test_bad_knob_values_are_refused(pair, qtbot):
    """Typed junk or set_knobs with NaN: one message and the knobs stay where they were."""
    view, controller = pair
    before = controller.knobs()
    box = view.knobs[2].box
    box.selectAll()
    qtbot.keyClicks(box, "99")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert "k2" in view.status.text()
    assert not controller.set_knobs([0, 1, float("nan"), 0, 0, 0])
    assert controller.knobs() == before


def test_presentation_type_is_large_and_export_writes(pair, tmp_path):
    """Presentation: text at least 20 px; nothing needs more than 1280×720; PNG and SVG."""
    view, _ = pair
    view.set_presentation(True)
    assert view.formula.font().pixelSize() >= 20 and view.loss_title.font().pixelSize() >= 20
    assert view.fit_plot.getAxis("bottom").style["tickFont"].pixelSize() >= 20
    hint = view.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    for suffix in ("png", "svg"):
        path = tmp_path / f"knobs.{suffix}"
        view.export_image(str(path))
        assert path.stat().st_size > 1000


def test_a_language_switch_rewords_the_knobs_view(pair, qtbot):
    """Titles, buttons, the progress line and the loss readout in Chinese, then in English."""
    from tests.app.language import chinese, zh

    view, controller = pair
    english = (view.header.text(), view.progress.text(), view.loss_readout.text())
    with chinese():
        assert view.header.text() == zh("Two functions you must not confuse")
        assert view.reset_button.text() == zh("Reset")
        qtbot.waitUntil(lambda: view.fit_button.text() == zh("Fit by gradient descent"))
        assert view.progress.text() == zh("epoch {epoch} · loss {loss}").format(
            epoch=0, loss=f"{controller.loss():.4f}"
        )
        assert view.loss_title.text() == zh("② the loss  (k{first}, k{second}) → score").format(
            first=1, second=2
        )
        qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
        assert view.fit_button.text() == zh("Pause the fit")
        controller.stop_fit()
    qtbot.waitUntil(lambda: view.header.text() == english[0])
    qtbot.waitUntil(lambda: view.fit_button.text() == "Fit by gradient descent")
    assert view.loss_readout.text().endswith("(dark = low)")


def test_the_loss_maps_contours_are_one_path_of_the_pure_cores_lines(pair):
    """Seven levels between the lowest and highest shade, drawn as one path through grid points."""
    import pyqtgraph as pg

    from nnviz.landscape.contours import contour_lines

    view, controller = pair
    a, b, grid = controller.loss_map()
    shade = np.log10(np.maximum(grid, 1e-12))
    levels = np.linspace(shade.min(), shade.max(), 9)[1:-1]
    x, y = view.contours.getData()
    assert len(x) > 0 and np.allclose(np.column_stack([x, y]), contour_lines(shade, levels, a, b))
    assert not [i for i in view.loss_plot.scene().items() if isinstance(i, pg.IsocurveItem)]

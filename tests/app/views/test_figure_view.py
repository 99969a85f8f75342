"""The plot stage: every registered figure draws its data; bad figures, presentation, export."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from app.application import make_application
from app.views.figure_view import FigureView, hint
from nnviz.lessons.figure_data import curve, figure
from nnviz.lessons.figures import FIGURES


@pytest.fixture(scope="module")
def figs() -> dict:
    """Every registered figure, computed once (some train networks)."""
    return {key: make() for key, make in FIGURES.items()}


@pytest.fixture
def view(qtbot):
    """A shown figure view at lecture-screen size."""
    make_application()
    w = FigureView()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def drawn(item) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) data a PlotDataItem was given (before log mapping or clipping)."""
    x, y = item.getOriginalDataset()
    return np.asarray(x), np.asarray(y)


def bar_tops(item) -> np.ndarray:
    """Where a BarGraphItem's bars end, in view coordinates."""
    return np.asarray(item.opts["y0"]) + np.asarray(item.opts["height"])


@pytest.mark.parametrize("key", list(FIGURES))
def test_every_registered_figure_draws_its_curves_and_panels(view, figs, key):
    """One panel per sub-figure; each curve's data is on a plot item, with the figure's title."""
    fig = figs[key]
    assert view.show_figure(fig) and view.message.isHidden()
    parts = fig.get("panels") or [fig]
    assert len(view.panels) == len(parts)
    assert view.title.text == fig["title"]
    for panel, part in zip(view.panels, parts, strict=True):
        assert len(panel.curves) == len(part["curves"])
        for data, item in panel.curves:
            x, y = drawn(item)
            np.testing.assert_array_equal(x, data["xs"])
            np.testing.assert_array_equal(y, data["ys"])
        assert len(panel.marks) == len(part["marks"])
        assert [m.toPlainText() for m in panel.marks] == [m["label"] for m in part["marks"]]


def test_double_descent_has_its_threshold_line_and_log_axis(view, figs):
    """The vline sits at p = N with its label, and the y axis is logarithmic."""
    fig = figs["double-descent"]
    view.show_figure(fig)
    (panel,) = view.panels
    (line,), (tag,) = panel.vlines, panel.vline_labels
    assert line.value() == fig["vlines"][0]["x"] == 40
    assert "interpolation threshold" in tag.toPlainText()
    assert panel.plot.getAxis("left").logMode and not panel.plot.getAxis("bottom").logMode


def test_the_epoch_heatmap_has_the_grid_shape_y_up(view, figs):
    """The image holds one row per T and one column per p (log₁₀ colour), row 0 at the bottom."""
    heat = figs["double-descent-epochs"]["heatmap"]
    view.show_figure(figs["double-descent-epochs"])
    (panel,) = view.panels
    image = panel.image.image
    assert image.shape == (len(heat["ys"]), len(heat["xs"]))
    np.testing.assert_allclose(image, np.log10(heat["values"]))
    assert not panel.plot.getViewBox().yInverted() and panel.color_bar is not None
    (line,) = panel.vlines  # p = N, placed on its column
    assert line.value() == heat["xs"].index(40)


def test_depth_init_bars_have_the_norms_as_heights(view, figs):
    """Each bar series ends at log₁₀ of its gradient norm; the legend names both scales."""
    fig = figs["depth-init"]
    view.show_figure(fig)
    bars_panel = view.panels[0]
    series = fig["panels"][0]["bars"]["series"]
    assert len(bars_panel.bars) == len(series) == 2
    for item, s in zip(bars_panel.bars, series, strict=True):
        np.testing.assert_allclose(bar_tops(item), np.log10(s["values"]))
    names = [label.text for _, label in bars_panel.legend.items]
    assert names == [s["name"] for s in series]


def test_backprop_cost_bars_are_the_pass_counts(view, figs):
    """The passes panel's bars end at log₁₀ 2 and log₁₀ 210."""
    fig = figs["backprop-cost"]
    view.show_figure(fig)
    values = fig["panels"][0]["bars"]["series"][0]["values"]
    np.testing.assert_allclose(bar_tops(view.panels[0].bars[0]), np.log10(values))


def test_a_bad_figure_shows_a_message_and_keeps_the_last_one(view, figs):
    """An invalid figure is refused with one message naming the field; the drawing stays."""
    view.show_figure(figs["sigmoid-vs-step"])
    before = [drawn(item)[1].tolist() for _, item in view.panels[0].curves]
    bad = figure("t", "x", "y", [curve("a", [1, 2], [3, 4])], [])
    bad["curves"][0]["style"] = "wiggly"
    assert view.show_figure(bad) is False
    assert not view.message.isHidden()
    assert "curves[0].style" in view.message.text()
    assert view.title.text == figs["sigmoid-vs-step"]["title"]
    assert [drawn(item)[1].tolist() for _, item in view.panels[0].curves] == before
    assert view.show_figure("not a figure") is False  # never raises
    view.show_figure(figs["sharpness"])
    assert view.message.isHidden()


def test_presentation_mode_makes_ticks_legend_and_lines_large(view, figs):
    """Tick fonts, legend text and axis labels reach ≥ 20 px; lines thicken; off undoes it."""
    view.show_figure(figs["depth-init"])
    view.set_presentation(True)
    for panel in view.panels:
        for side in ("left", "bottom"):
            assert panel.plot.getAxis(side).style["tickFont"].pixelSize() >= 20
        label_px = panel.plot.getAxis("bottom").labelStyle["font-size"]
        assert int(label_px.rstrip("px")) >= 20
        assert int(panel.legend.opts["labelTextSize"].rstrip("px")) >= 20
    _, loss_item = view.panels[1].curves[1]
    thick = loss_item.opts["pen"].widthF()
    view.set_presentation(False)
    assert view.panels[0].plot.getAxis("left").style["tickFont"].pixelSize() < 20
    assert view.panels[1].curves[1][1].opts["pen"].widthF() < thick


def test_export_writes_png_and_svg(view, figs, tmp_path):
    """Both formats are written and non-trivial; the PNG is an image of the figure."""
    view.show_figure(figs["double-descent"])
    png, svg = tmp_path / "f.png", tmp_path / "f.svg"
    view.export_image(str(png))
    view.export_image(str(svg))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    assert "<svg" in svg.read_text(encoding="utf-8")[:2000]


def _hover(view, panel, x: float, y: float) -> None:
    """Move the mouse to view point (x, y) of a panel."""
    scene_pos = panel.plot.getViewBox().mapViewToScene(QPointF(x, y))
    view.plots.scene().sigMouseMoved.emit(scene_pos)


def test_hovering_a_curve_point_reads_out_its_exact_value(view, figs):
    """Near the double-descent peak the readout names the curve and the exact values."""
    fig = figs["double-descent"]
    view.show_figure(fig)
    panel = view.panels[0]
    test = fig["curves"][0]
    i = test["ys"].index(max(test["ys"]))
    _hover(view, panel, test["xs"][i], math.log10(test["ys"][i]))  # log axis: log₁₀ units
    text = view.readout.text()
    assert text.startswith("test error") and f"{test['ys'][i]:.4g}" in text
    assert len(panel.hover_dot.data) == 1
    _hover(view, panel, -1e6, 0.0)  # outside every plot
    assert view.readout.text() == hint()


def test_hovering_bars_and_cells_reads_out_their_values(view, figs):
    """A bar reads out its category, series and value; a heatmap cell its x, y and value."""
    fig = figs["backprop-cost"]
    view.show_figure(fig)
    value = fig["panels"][0]["bars"]["series"][0]["values"][1]
    _hover(view, view.panels[0], 1.0, 1.0)
    assert view.readout.text() == f"finite differences · passes: {value:.4g}"
    heat = figs["double-descent-epochs"]["heatmap"]
    view.show_figure(figs["double-descent-epochs"])
    _hover(view, view.panels[0], 2.0, 3.0)
    assert view.readout.text().endswith(f"test error: {heat['values'][3][2]:.4g}")


def test_a_language_switch_rewords_the_readout_and_asks_for_the_figure(view, qtbot):
    """The hover hint in Chinese at once; the figure's maker is asked for its new words."""
    from tests.app.language import chinese, zh

    view.show_figure(figure("t", "x", "y", [curve("c", [0, 1], [0, 1])], []))
    with qtbot.waitSignal(view.language_changed), chinese():
        qtbot.waitUntil(lambda: view.readout.text() == zh("hover over the plot for exact values"))
    qtbot.waitUntil(lambda: view.readout.text() == hint() == "hover over the plot for exact values")

"""Presentation mode at projector sizes: nothing clipped, the window fits, type readable."""

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGraphicsView

from tests.app.layout_check import clipped, cut_off, too_small

SIZES = [(1280, 720), (1920, 1080)]
STAGES = [None, "playground", "graph", "landscape"]


def _settle(qtbot, window) -> None:
    """Let layouts, wrapped rows and deferred fits finish."""
    qtbot.wait(60)


def _present(qtbot, window, size, stage=None, presenting=True):
    window.resize(*size)
    _settle(qtbot, window)
    if presenting:
        window.toggle_presentation(True)
    if stage is not None:
        window.toggle_stage(stage)
    _settle(qtbot, window)
    return window


def planes_texts(combo) -> list[str]:
    """Every choice of a combo box."""
    return [combo.itemText(i) for i in range(combo.count())]


def _staged_views(window, stage):
    """The drawing areas a stage is for."""
    if stage == "playground":
        return [window.network_view.canvas, window.canvas.plot]
    if stage == "graph":
        return [v for v in window.graph.view.findChildren(QGraphicsView) if v.isVisible()]
    return [window.landscape.view.surface, window.landscape.view.curve]


def _coverage(window, stage) -> float:
    area = sum(v.width() * v.height() for v in _staged_views(window, stage))
    return area / (window.width() * window.height())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s or "full")
def test_presentation_clips_nothing_and_fits_the_screen(qtbot, window, size, stage):
    """At projector sizes, in the full layout and on every stage, no text is cut, clipped or
    pushed behind a panel's edge, and the window stays the size of the screen."""
    _present(qtbot, window, size, stage)
    assert clipped(window) == []
    assert cut_off(window) == []  # nothing behind a panel's edge (panels scroll up and down)
    assert window.width() <= size[0] and window.height() <= size[1]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_landscape_of_the_live_network_clips_nothing(qtbot, window, size):
    """The staged landscape in network mode, whose plane names are the longest choices."""
    from nnviz.landscape import requests as lq

    _present(qtbot, window, size, "landscape")
    window.landscape.apply(lq.SetMode("network"))
    planes = window.landscape.view.controls.surface_choice
    qtbot.waitUntil(lambda: window.landscape.explorer.mode == "network", timeout=20_000)
    planes.setCurrentIndex(planes.findText(max(planes_texts(planes), key=len)))  # the longest
    _settle(qtbot, window)
    assert clipped(window) == [] and cut_off(window) == []


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s or "full")
def test_no_text_below_20_px_at_1080(qtbot, window, stage):
    """At 1920×1080 every label, button and box is at least 20 px tall, from the back row."""
    _present(qtbot, window, (1920, 1080), stage)
    assert too_small(window, 20) == []


def _plot_items(window):
    canvas = window.canvas.plot.getPlotItem()
    curves = [window.curves.loss_plot, window.curves.acc_plot]
    land = [window.landscape.view.surface.getPlotItem(), window.landscape.view.curve.getPlotItem()]
    return [canvas, *curves, *land]


def test_plot_type_scales_to_20_px_at_1080(qtbot, window):
    """Tick values, axis captions and the colour bar follow the presentation type."""
    _present(qtbot, window, (1920, 1080))
    axes = [p.getAxis(s) for p in _plot_items(window) for s in ("left", "bottom")]
    axes.append(window.landscape.view.surface.colorbar.axis)
    for axis in axes:
        assert QFontMetrics(axis.style["tickFont"]).height() >= 20
        assert QFontMetrics(axis.label.font()).height() >= 20


def test_plot_type_is_not_scaled_twice(qtbot, window):
    """Views size their text from the app font, so the curves' header stays near the body size."""
    _present(qtbot, window, (1920, 1080))
    body = QFontMetrics(window.font()).height()
    assert QFontMetrics(window.curves.header.font()).height() <= 1.5 * body
    assert window.landscape.view.narration.font().pixelSize() in (-1, window.font().pixelSize())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", ["playground", "landscape"])
def test_stage_views_cover_60_percent(qtbot, window, size, stage):
    """On stage, in presentation mode, the staged drawing areas cover 60 % of the window."""
    _present(qtbot, window, size, stage)
    assert _coverage(window, stage) >= 0.6


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_graph_stage_covers_60_percent(qtbot, window, size):
    """On the graph stage the graph's own view covers 60 % of the window; the memo table
    folds behind a button and comes back with it."""
    _present(qtbot, window, size, "graph")
    assert _coverage(window, "graph") >= 0.6
    view = window.graph.view
    assert not view.memo.isVisible() and view.side_toggle.isVisible()
    view.side_toggle.click()
    assert view.memo.isVisible()
    window.toggle_stage("graph")  # leaving the stage gives the side column back
    assert view.side.isVisible() and not view.side_toggle.isVisible()


def test_network_captions_never_overlap(qtbot, window):
    """At large type in the full layout, neighbouring layers' captions stay apart on screen."""
    _present(qtbot, window, (1280, 720))
    view = window.network_view
    captions = [v for (kind, _), v in sorted(view.labels.items()) if kind == "caption"]
    spans = [(view.canvas.mapFromScene(c.pos()).x(), c.pixel_width()) for c in captions]
    for (x0, w0), (x1, w1) in zip(spans, spans[1:], strict=False):
        assert x1 - x0 >= (w0 + w1) / 2


def test_out_of_presentation_at_1480_clips_nothing(qtbot, window):
    """The everyday window size shows every label, button and box whole."""
    _present(qtbot, window, (1480, 900), presenting=False)
    assert clipped(window) == []

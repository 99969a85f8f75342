"""The landscape's surface plot: contours as one path, pixels on their grid points, cheap frames."""

import dataclasses

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF

from app.application import make_application
from app.views.landscape_surface_plot import HAZE, SurfacePlot
from nnviz.landscape.contours import shading
from nnviz.landscape.picture import LandscapePicture, PathPicture, SurfacePicture

XS, YS = np.linspace(-2.0, 2.0, 21), np.linspace(-1.0, 3.0, 17)
RED = (220, 20, 60)


def bowl() -> SurfacePicture:
    X, Y = np.meshgrid(XS, YS)
    return SurfacePicture(XS, YS, (X - 0.5) ** 2 + (Y - 1.0) ** 2, "w1", "w2", "bowl")


@pytest.fixture
def plot(qtbot):
    make_application()
    p = SurfacePlot()
    qtbot.addWidget(p)
    p.set_presentation(False)  # as the landscape view styles it
    p.resize(600, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


def frame(xs, ys, off=None, gradient=None) -> LandscapePicture:
    path = PathPicture("training", RED, np.asarray(xs), np.asarray(ys), gradient=gradient,
                       off_plane=None if off is None else np.asarray(off))  # fmt: skip
    return LandscapePicture(bowl(), (path,))


def test_contours_are_one_path_of_the_pure_cores_segments(plot):
    """No IsocurveItem is left; the path holds exactly the segments of `shading`, log or not."""
    s = bowl()
    for log in (False, True):
        plot.log = log
        plot.show_surface(s)
        x, y = plot.image.lines()
        expected = shading(s.values, s.xs, s.ys, log).segments
        assert len(x) > 0 and np.allclose(np.column_stack([x, y]), expected)
    assert not [i for i in plot.scene().items() if isinstance(i, pg.IsocurveItem)]
    plot.show_surface(None)
    assert len(plot.image.lines()[0]) == 0


def test_a_surface_shaded_ahead_is_drawn_without_shading_again(plot, monkeypatch):
    """The network's slices come with their colours and lines: the GUI thread does not redo them."""
    from dataclasses import replace

    import app.views.landscape_surface_plot as module
    from nnviz.landscape.contours import shadings

    s = bowl()
    shades = shadings(s.values, s.xs, s.ys)
    monkeypatch.setattr(module, "shading", lambda *a: pytest.fail("shaded on the GUI thread"))
    for log in (False, True):
        plot.log = log
        plot.show_surface(replace(s, shades=shades))
        x, y = plot.image.lines()
        assert np.array_equal(np.column_stack([x, y]), shades[log].segments)
        assert np.array_equal(plot.image.image, shades[log].image)


def test_each_pixel_is_centred_on_its_grid_point(plot):
    """Colour (i, j) shows values[i, j], so it must sit at (xs[j], ys[i]), as paths and lines do."""
    plot.show_surface(bowl())
    for i, j in ((0, 0), (16, 20), (5, 12)):
        p = plot.image.mapToView(QPointF(j + 0.5, i + 0.5))
        assert (p.x(), p.y()) == pytest.approx((XS[j], YS[i]))


def test_dots_off_the_plane_are_hollow_and_the_ball_shows_where_it_is(plot):
    plot.show_surface(bowl())
    plot.show_paths(frame([0.0, 0.1, 0.2, 0.3], [1.0, 1.1, 1.2, 1.3], off=[0, 0.2, 0.01, 0.3]))
    line, on, off, ball = plot.paths["training"]
    assert list(on.getData()[0]) == [0.0, 0.2] and list(off.getData()[0]) == [0.1]
    assert list(ball.getData()[0]) == [0.3]
    assert ball.points()[0].brush().color().getRgb() == HAZE  # the head left the plane
    plot.show_paths(frame([0.0, 0.1], [1.0, 1.1]))  # no distances: no trail dots, a full ball
    assert len(on.getData()[0]) == len(off.getData()[0]) == 0
    assert ball.points()[0].brush().color().getRgb()[:3] == RED


def test_frames_reuse_the_rendered_dots(plot):
    """pyqtgraph renders a dot once per pen/brush object: a moving path renders nothing new."""
    plot.show_surface(bowl())
    rng = np.random.default_rng(0)
    pts = rng.uniform(-1, 1, (60, 2))
    plot.show_paths(frame(pts[:10, 0], pts[:10, 1], off=np.linspace(0, 0.1, 10)))
    items = plot.paths["training"][1:]
    rendered = [len(item.fragmentAtlas) for item in items]
    for n in range(11, 60):
        plot.show_paths(frame(pts[:n, 0], pts[:n, 1], off=np.linspace(0, 0.1, n)))
        plot.viewport().repaint()
    assert [len(item.fragmentAtlas) for item in items] == rendered


@pytest.mark.parametrize("gradient", [(1.0, 0.0), (0.0, 1.0), (-0.6, 0.8)])
def test_the_arrow_head_points_downhill(plot, gradient):
    """The head sits at the arrow's tip and its body trails back along −∇L (screen y is down)."""
    plot.show_surface(bowl())
    plot.show_paths(frame([0.0, 0.5], [1.0, 1.2], gradient=gradient))
    head = plot._pool["head"][0]
    to_screen = head.deviceTransform(plot.viewportTransform())  # it ignores the view's zoom
    tip = to_screen.map(QPointF(0.0, 0.0))
    body = to_screen.map(head.path.boundingRect().center())
    way = np.array([tip.x() - body.x(), -(tip.y() - body.y())])  # flip screen y to data y
    downhill = -np.asarray(gradient)
    cos = way @ downhill / np.linalg.norm(way) / np.linalg.norm(downhill)
    assert cos > 0.99


def test_the_plot_does_not_shift_when_the_tick_labels_get_shorter(plot, qtbot):
    """Long colour-bar labels (0.00015) then short ones (2): the heatmap keeps its width."""
    s = bowl()
    widths = []
    for scale in (1e-4, 1.0):
        plot.show_surface(SurfacePicture(s.xs, s.ys, s.values * scale, "w1", "w2", "bowl"))
        for _ in range(3):  # the axes measure their labels as they paint
            plot.viewport().repaint()
            qtbot.wait(10)
        widths.append(plot.getViewBox().width())
    assert widths[0] == widths[1]


def test_the_race_legend_is_shown_in_the_language_of_the_moment(plot):
    """The core's English legend ("Gradient descent — diverged") is worded when shown."""
    from tests.app.language import chinese, zh

    entries = (("Gradient descent — diverged", (255, 255, 255)), ("Adam", (1, 2, 3)))
    plot._show_legend(entries)
    assert plot.legend_texts() == ["Gradient descent — diverged", "Adam"]
    with chinese():
        plot._show_legend(entries)  # the same entries: still re-drawn in the new words
        said = plot.legend_texts()
        assert said == [f"{zh('Gradient descent')} — {zh('diverged')}", "Adam"]
    plot._show_legend(entries)
    assert plot.legend_texts() == ["Gradient descent — diverged", "Adam"]


def test_the_colour_bar_says_loss_in_the_language_of_the_moment(plot):
    """The core's default "loss" under the colour bar re-words on a switch, without a redraw."""
    from PySide6.QtWidgets import QApplication

    from tests.app.language import chinese, zh

    plot.show_surface(bowl())
    assert plot.colorbar.axis.labelText == "loss"
    with chinese():
        QApplication.processEvents()
        assert plot.colorbar.axis.labelText == zh("loss")
    QApplication.processEvents()
    assert plot.colorbar.axis.labelText == "loss"


def test_the_arrow_shaft_runs_from_the_ball_downhill(plot):
    """The shaft starts at the ball and points along −gradient, 15 % of the view long."""
    plot.show_surface(bowl())
    plot.show_paths(frame([0.0, 1.5], [1.0, 2.0], gradient=(2.0, 0.0)))
    line = plot._pool["shaft"][0].line()
    assert (line.x1(), line.y1()) == pytest.approx((1.5, 2.0))
    assert line.x2() < line.x1() and line.y2() == pytest.approx(2.0)
    assert line.x1() - line.x2() == pytest.approx(0.15 * plot._span())


def test_moving_paths_do_not_repaint_the_surface_image(plot, monkeypatch):
    """The heatmap is a cached picture: frames that only move a path never rescale it again."""
    plot.show_surface(bowl())
    plot.show_paths(frame([0.5], [0.5]))
    plot.viewport().repaint()
    painted = []
    original = plot.image.paint
    monkeypatch.setattr(plot.image, "paint", lambda *a: painted.append(1) or original(*a))
    for n in range(2, 12):
        xs = np.linspace(0.5, -0.5, n)
        plot.show_paths(frame(xs, xs))
        plot.viewport().repaint()
    assert painted == []
    plot.show_surface(dataclasses.replace(bowl(), values=bowl().values * 2))  # drawn anew
    plot.viewport().repaint()
    assert painted


def test_the_colour_scale_holds_still_while_the_surface_changes_a_little(plot, monkeypatch):
    """A new slice a second while training: the bar and its ticks are redrawn only when the
    values leave the scale or fill less than BAR_FILL of it; the heatmap always uses the
    bar's scale, so colours and ticks agree. The first surface gets exactly its own span."""
    from app.views.landscape_surface_plot import BAR_FILL

    def scaled(k: float) -> SurfacePicture:
        return dataclasses.replace(bowl(), values=bowl().values * k)

    plot.show_surface(bowl())
    levels = shading(bowl().values, XS, YS, False).levels
    assert plot.colorbar.levels() == pytest.approx((levels[0], levels[-1]))
    plot.show_surface(scaled(1.1))  # spills over the exact span: a scale with room to move
    kept = plot.colorbar.levels()
    levels = shading(scaled(1.1).values, XS, YS, False).levels
    lo, hi = float(levels[0]), float(levels[-1])
    assert kept[0] <= lo and hi < kept[1] and (hi - lo) >= BAR_FILL * (kept[1] - kept[0])
    assert kept[0] >= 0  # no room below a loss of 0
    rescaled = []
    original = plot.colorbar.setLevels
    monkeypatch.setattr(plot.colorbar, "setLevels", lambda *a: rescaled.append(a) or original(*a))
    plot.show_surface(scaled(1.12))  # 2 % more: the same scale
    assert rescaled == [] and plot.colorbar.levels() == kept
    assert tuple(plot.image.levels) == pytest.approx(kept)
    plot.show_surface(scaled(3))  # leaves the scale
    assert len(rescaled) == 1 and plot.colorbar.levels()[1] >= 2.5 * hi
    assert tuple(plot.image.levels) == pytest.approx(plot.colorbar.levels())

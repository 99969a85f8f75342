"""The landscape's 1-D plot: drawn only on change, steady axes, words that follow a switch."""

import numpy as np

from app.application import make_application
from app.views.landscape_curve_plot import CurvePlot, same_curve
from nnviz.landscape.picture import CurvePicture


def curve(values, x=1.0) -> CurvePicture:
    xs = np.linspace(0.0, 2.0, 5)
    return CurvePicture(xs, np.asarray(values, float), x, 0.5, 0.1, 0.2, 0.3, "t")


def test_an_unchanged_curve_is_not_drawn_again(qtbot, monkeypatch):
    make_application()
    c = CurvePlot()
    qtbot.addWidget(c)
    drawn = []
    original = c.curve.setData
    monkeypatch.setattr(c.curve, "setData", lambda *a, **k: (drawn.append(1), original(*a, **k)))
    c.show_curve(curve([1, 2, np.nan, 4, 5]))
    c.show_curve(curve([1, 2, np.nan, 4, 5]))  # a new picture of the same curve
    assert len(drawn) == 1
    c.show_curve(curve([1, 2, 3, 4, 5]))
    c.show_curve(curve([1, 2, 3, 4, 5], x=1.5))
    assert len(drawn) == 3
    c.clear_curve()
    c.show_curve(curve([1, 2, 3, 4, 5], x=1.5))
    assert len(drawn) == 5  # cleared (one empty setData), then drawn again


def test_same_curve_compares_arrays_by_value():
    a = curve([1, np.nan, 3, 4, 5])
    assert same_curve(a, curve([1, np.nan, 3, 4, 5]))
    assert not same_curve(a, curve([1, 2, 3, 4, 5]))
    assert not same_curve(a, CurvePicture(a.xs, a.values, 1.0, 0.5, 0.1, 0.2, 0.3, "s"))


def test_a_slowly_changing_curve_keeps_its_axes(qtbot):
    """Training lowers the curve a little each refresh: the y axis moves only now and then."""
    make_application()
    c = CurvePlot()
    qtbot.addWidget(c)
    ranges = []
    xs = np.linspace(0.0, 2.0, 5)
    for k in range(40):
        values = np.array([5.0, 4.0, 3.0, 4.0, 5.0]) - 0.005 * k
        c.show_curve(CurvePicture(xs, values, 1.0, values[2], 0.1, 0.0, 0.0, "t"))
        ranges.append(c.ranges)
        y0, y1 = c.ranges[1]
        assert y0 <= values.min() and values.max() <= y1  # the newest curve is always inside
    assert 1 < len(set(ranges)) < 10


def test_a_language_switch_rewords_the_curve_legend_and_axis(qtbot):
    """ "loss / secant / tangent" and the loss axis follow a switch at once, and come back."""
    from PySide6.QtWidgets import QApplication

    from tests.app.language import chinese, zh

    make_application()
    p = CurvePlot()
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)

    def words():
        names = [p.key.getLabel(item).text for item in (p.curve, p.probe, p.tangent)]
        return names, p.getAxis("left").labelText

    english = words()
    assert english == (["loss", "secant", "tangent"], "loss")
    with chinese():
        QApplication.processEvents()
        assert words() == ([zh("loss"), zh("secant"), zh("tangent")], zh("loss"))
    QApplication.processEvents()
    assert words() == english
    p.hide()  # hidden during a switch (another stage): worded when it shows again
    with chinese():
        QApplication.processEvents()
        p.show()
        assert words() == ([zh("loss"), zh("secant"), zh("tangent")], zh("loss"))
    QApplication.processEvents()
    assert words() == english


def test_a_curve_following_a_moving_weight_keeps_its_x_axis(qtbot):
    """The cross-section moves with the weight each refresh: the x axis moves only now and then."""
    make_application()
    c = CurvePlot()
    qtbot.addWidget(c)
    values = np.array([5.0, 4.0, 3.0, 4.0, 5.0])
    x_ranges = []
    for k in range(40):
        centre = 1.0 + 0.004 * k  # the weight creeps right while training
        xs = np.linspace(centre - 1.0, centre + 1.0, 5)
        c.show_curve(CurvePicture(xs, values, centre, 3.0, 0.1, 0.0, 0.0, "w"))
        lo, hi = c.ranges[0]
        assert lo <= xs[0] and xs[-1] <= hi  # the whole curve is always on screen
        x_ranges.append(c.ranges[0])
    assert len(set(x_ranges)) <= 3  # not 40 axis redraws

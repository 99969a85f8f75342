"""The figure format: builders make valid figures; the checker names the first bad field."""

import copy

import pytest

from nnviz.lessons.figure_data import (
    bar_series,
    bars,
    curve,
    figure,
    heatmap,
    mark,
    panels_figure,
    validate_figure,
    vline,
)
from nnviz.lessons.figures import FIGURES


def _line_figure() -> dict:
    return figure(
        "t", "x", "y",
        [curve("a", [1, 2], [3, 4]), curve("b", [1, 2], [1, 2], "faint", "grey")],
        [mark(1, 3, "m")],
        log_x=True, log_y=True, vlines=[vline(1.5, "threshold")],
    )  # fmt: skip


def _bar_figure() -> dict:
    chart = bars(["1", "2"], [bar_series("s", [1e-3, 2.0], "blue")], log_y=True)
    return figure(
        "t", "layer", "norm", [curve("ref", [-0.5, 1.5], [1, 1], "dashed")], [], bars=chart
    )


def _heat_figure() -> dict:
    grid = heatmap([1, 2, 3], [10, 100], [[1, 2, 3], [4, 5, 6]], "p", "T", "error", log=True)
    return figure("t", "p", "T", [], [mark(2, 10, "here")], heatmap=grid, vlines=[vline(2, "N")])


def test_builders_make_valid_figures_of_every_kind():
    """Lines, bars, a heatmap and panels of them all pass the checker."""
    for fig in (_line_figure(), _bar_figure(), _heat_figure()):
        validate_figure(fig)
    validate_figure(panels_figure("row", [_bar_figure(), _line_figure()]))


def test_version_one_figures_stay_valid():
    """A figure with only title, labels, curves and marks (the old format) passes."""
    old = {"title": "t", "x_label": "x", "y_label": "y", "curves": [], "marks": []}
    validate_figure(old)
    assert "style" not in curve("a", [0], [0]) and "color" not in curve("a", [0], [0])


def test_panels_label_themselves_for_old_readers():
    """A panelled figure joins its panels' axis labels and keeps empty curves and marks."""
    fig = panels_figure("row", [_bar_figure(), _line_figure()])
    assert fig["x_label"] == "layer | x" and fig["curves"] == [] and fig["marks"] == []


def test_every_registered_figure_is_valid():
    """Each figure in the registry passes the checker."""
    for name, make in FIGURES.items():
        try:
            validate_figure(make())
        except ValueError as exc:  # pragma: no cover - the message names the figure
            pytest.fail(f"{name}: {exc}")


def _set(path, value):
    def mutate(fig):
        *parents, last = path
        target = fig
        for key in parents:
            target = target[key]
        target[last] = value

    return mutate


LINE_BAD = [
    (_set(["title"], ""), "title: must be non-empty text"),
    (_set(["colour"], "red"), "colour: unknown field"),
    (_set(["log_y"], "yes"), "log_y: must be true or false"),
    (_set(["curves", 0, "style"], "dotted"), "curves[0].style: unknown 'dotted'"),
    (_set(["curves", 1, "color"], "red"), "curves[1].color: unknown 'red'"),
    (_set(["curves", 0, "ys"], [1.0]), "curves[0].ys: must have as many values as xs"),
    (_set(["curves", 0, "ys", 1], float("nan")), "curves[0].ys[1]: must be a finite number"),
    (_set(["curves", 0, "xs", 0], 0.0), "curves[0].xs[0]: must be > 0 on a log axis"),
    (_set(["curves", 0, "name"], 3), "curves[0].name: must be non-empty text"),
    (_set(["marks", 0, "y"], -1.0), "marks[0].y: must be > 0 on a log axis"),
    (_set(["vlines", 0, "label"], ""), "vlines[0].label: must be non-empty text"),
    (_set(["vlines"], {"x": 1}), "vlines: must be a list"),
]  # fmt: skip
OTHER_BAD = [
    (_bar_figure, _set(["bars", "series", 0, "values"], [1.0]),
     "bars.series[0].values: must have one value per label"),
    (_bar_figure, _set(["bars", "series", 0, "values", 0], 0.0),
     "bars.series[0].values[0]: must be > 0 on a log axis"),
    (_bar_figure, _set(["bars", "labels"], []), "bars.labels: must be a list of at least one"),
    (_bar_figure, _set(["heatmap"], {}), "heatmap: a figure has at most one of bars, heatmap"),
    (_heat_figure, _set(["heatmap", "values", 1], [1, 2]), "heatmap.values[1]: must have one"),
    (_heat_figure, _set(["heatmap", "values"], [[1, 2, 3]]), "heatmap.values: must be a list"),
    (_heat_figure, _set(["heatmap", "values", 0, 0], -1.0), "heatmap.values[0][0]: must be > 0"),
    (_heat_figure, _set(["curves"], [curve("a", [1], [1])]), "curves: a heatmap figure draws"),
    (lambda: panels_figure("row", [_line_figure()]), _set(["panels", 0, "curves", 0, "ys"], [1]),
     "panels[0].curves[0].ys: must have as many values as xs"),
    (lambda: panels_figure("row", [_line_figure()]),
     _set(["panels", 0, "panels"], [_line_figure()]), "panels[0].panels: panels do not nest"),
    (lambda: panels_figure("row", [_line_figure()]), _set(["panels"], []),
     "panels: must be a list"),
    (lambda: panels_figure("row", [_line_figure()]), _set(["marks"], [mark(0, 0, "m")]),
     "marks: a panelled figure draws only its panels"),
]  # fmt: skip
BAD = [(_line_figure, mutate, message) for mutate, message in LINE_BAD] + OTHER_BAD


@pytest.mark.parametrize(("make", "mutate", "message"), BAD, ids=[m for _, _, m in BAD])
def test_bad_figures_are_refused_naming_the_field(make, mutate, message):
    """A mutated copy of a valid figure is refused; the message starts with the field's path."""
    fig = copy.deepcopy(make())
    mutate(fig)
    with pytest.raises(ValueError) as caught:
        validate_figure(fig)
    assert str(caught.value).startswith(message)


def test_a_non_dict_is_refused():
    """Anything but a dict is not a figure."""
    with pytest.raises(ValueError, match="^figure: must be a dict"):
        validate_figure([1, 2])

"""The lab makes the canvas's iso-probability lines with each snapshot, and only when wanted."""

import pickle

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.engine.probability_contours import class_probability_grid, probability_contours
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.snapshot import refrozen
from tests.factories import circle_data, make_lab


def _gui_side(snap):
    """What the data canvas used to compute on the GUI thread from the same snapshot."""
    grid = class_probability_grid(snap.spec.output, snap.n_classes, snap.output_grid)
    return probability_contours(grid, snap.grid_axis)


@pytest.mark.parametrize(
    ("spec", "loss"),
    [
        (NetworkSpec(hidden=(4,), activation="tanh", seed=3), "log"),
        (NetworkSpec(hidden=(3,), output="softmax", n_outputs=2, seed=1), "cross_entropy"),
    ],
)
def test_snapshot_lines_equal_the_old_gui_side_computation(spec, loss):
    """Same levels, same segments bit for bit, same label places, for a fixed network."""
    lab = make_lab(spec, config=TrainConfig(loss=loss))
    rng = np.random.default_rng(2)  # fixed weights, steep enough that several levels cross
    lab.apply(cmd.SetParams(tuple(rng.normal(0, 1.5, p.shape) for p in lab.net.params)))
    snap = lab.snapshot()
    made, old = snap.probability_contours, _gui_side(snap)
    assert made is not None and len(made.lines) == len(old) == 5
    crossing = 0
    for new, was in zip(made.lines, old, strict=True):
        assert new.level == was.level and new.label_at == was.label_at
        assert np.array_equal(new.segments, was.segments)
        crossing += len(was.segments) > 0
    assert crossing >= 3  # the network is not flat: the comparison compares lines
    thin = [c.segments for c in old if c.level != 0.5]
    assert np.array_equal(made.thin, np.concatenate(thin))


def test_lines_only_while_wanted():
    """Default for log loss: on; False (toggle off or canvas hidden): none; None: back."""
    lab = make_lab()
    assert lab.snapshot().probability_contours is not None
    lab.apply(cmd.ShowProbabilityContours(False))
    assert lab.snapshot().probability_contours is None
    lab.apply(cmd.ShowProbabilityContours(None))
    assert lab.snapshot().probability_contours is not None


def test_squared_error_models_need_the_users_choice():
    """A sigmoid on squared error has probabilities, but lines only once the user asks."""
    lab = make_lab(config=TrainConfig(loss="mse"))
    assert lab.snapshot().probability_contours is None
    lab.apply(cmd.ShowProbabilityContours(True))
    assert lab.snapshot().probability_contours is not None


def test_no_lines_without_probabilities_or_without_a_plane():
    """Hinge scores and a 1-D curve fit have no P(class 2 | x) over a plane."""
    hinge = make_lab(NetworkSpec(output="identity"), config=TrainConfig(loss="hinge"))
    hinge.apply(cmd.ShowProbabilityContours(True))
    assert hinge.snapshot().probability_contours is None
    x = np.linspace(-1, 1, 20)[:, None]
    curve = cmd.DataArrays(x, np.sin(x[:, 0]), x[:0], x[:0, 0], "regression", 0, 1, (-1.0, 1.0))
    fit = make_lab(data=curve)
    fit.apply(cmd.ShowProbabilityContours(True))
    assert fit.snapshot().probability_contours is None


def test_a_bad_wish_is_refused_and_changes_nothing():
    """Only None, True or False: anything else is one message and the lines stay."""
    lab = make_lab(data=circle_data())
    with pytest.raises(ValueError, match="on, off or the default"):
        lab.apply(cmd.ShowProbabilityContours("yes"))
    assert lab.contours_wanted is None and lab.snapshot().probability_contours is not None


def test_lines_stay_read_only_after_the_pipe():
    """A pickled snapshot (as through the pipe) is re-frozen: its lines cannot be changed."""
    snap = refrozen(pickle.loads(pickle.dumps(make_lab().snapshot())))
    assert not any(a.flags.writeable for a in snap.probability_contours.arrays())

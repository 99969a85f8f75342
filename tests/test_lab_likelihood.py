"""The lab's snapshots carry every point's P(y|x) and the training set's log-likelihood."""

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.engine.features import feature_matrix
from nnviz.engine.likelihood import log_likelihood, point_probabilities
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from tests.factories import circle_data, make_lab


def test_snapshot_has_point_probabilities_and_ll():
    """P(y|x) of train and test points and ll equal the engine's on the lab's own data."""
    lab = make_lab()
    lab.apply(cmd.StepEpoch())
    snap = lab.snapshot()
    d, f = lab.data, lab.spec.features
    Xtr, Xte = feature_matrix(d.X_train, f, 2), feature_matrix(d.X_test, f, 2)
    p_train, p_test = snap.point_probabilities
    assert np.allclose(p_train, point_probabilities(lab.net, Xtr, d.y_train), rtol=1e-12)
    assert np.allclose(p_test, point_probabilities(lab.net, Xte, d.y_test), rtol=1e-12)
    ll = log_likelihood(lab.net, Xtr, d.y_train)
    assert snap.metrics["log_likelihood"] == pytest.approx(ll, rel=1e-12)
    assert not p_train.flags.writeable


def test_no_probabilities_for_hinge_scores():
    """An identity output with hinge loss has no likelihood: no field, no metric."""
    spec = NetworkSpec(output="identity")
    lab = make_lab(spec, circle_data(), TrainConfig(loss="hinge"))
    snap = lab.snapshot()
    assert snap.point_probabilities == () and "log_likelihood" not in snap.metrics

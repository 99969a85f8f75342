"""Fused update rules: a stack with one learning rate per row equals each row alone."""

import numpy as np
import pytest

from nnviz.engine.optimizers import make_optimizer
from nnviz.engine.updates import RULES


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"])
def test_column_of_learning_rates_equals_rows_alone(name):
    """Three rows with lr 0.1, 0.01, 0.3 match three separate optimizers bit for bit."""
    rng = np.random.default_rng(0)
    theta, lrs = rng.normal(size=(3, 5)), np.array([[0.1], [0.01], [0.3]])
    probe = make_optimizer(name, [np.zeros(1)], lr=1.0)
    rows = [theta[k].copy() for k in range(3)]
    opts = [make_optimizer(name, [rows[k]], lr=float(lrs[k, 0])) for k in range(3)]
    state: dict = {}
    for t in range(1, 6):
        g = rng.normal(size=(3, 5))
        RULES[probe.name](theta, g, state, t, lrs, probe.hyper)
        for k in range(3):
            opts[k].step([g[k]])
    assert all(np.array_equal(theta[k], rows[k]) for k in range(3))

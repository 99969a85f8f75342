"""Very large learning rates on every preset and optimizer: divergence is a lesson, not a crash."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from nnviz import commands as cmd
from nnviz.data import make_dataset
from nnviz.data.point_set import PointSet
from nnviz.engine.trainer import WEIGHT_LIMIT
from nnviz.lab import Lab
from nnviz.presets import load_preset, preset_names
from tests.reliability.mutators import OPTIMIZER_NAMES

EPOCHS = 20


def _lab(preset: str) -> Lab:
    p = load_preset(preset, seed=1)
    options = {k: v for k, v in p.dataset.items() if k == "k"}
    ds = make_dataset(p.dataset["name"], n=60, noise=p.dataset.get("noise", 0.0), seed=1, **options)
    pts = PointSet.from_dataset(ds, p.dataset.get("test_ratio", 0.5), 1)
    (X, y), (Xt, yt) = pts.train_arrays(), pts.test_arrays()
    data = cmd.DataArrays(X, y, Xt, yt, ds.kind, ds.n_classes, ds.dim, ds.domain)
    return Lab(data, p.spec, p.config, grid_resolution=8)


@pytest.mark.parametrize("preset", preset_names())
def test_large_learning_rates_never_crash_and_report_divergence(preset):
    """lr 10, 100, 1000 × every optimizer: no exception, finite weights, divergence said."""
    for lr in (10.0, 100.0, 1000.0):
        for optimizer in OPTIMIZER_NAMES:
            lab = _lab(preset)
            lab.apply(cmd.SetConfig(replace(lab.config, lr=lr, optimizer=optimizer)))
            lab.apply(cmd.RunEpochs(EPOCHS))
            for _ in range(10_000):  # bounded: each call trains a slice or returns at once
                if not lab.playing:
                    break
                lab.advance(0.05)
            where = f"{preset}, {optimizer}, lr={lr}"
            assert not lab.playing, where
            assert all(np.all(np.abs(p) < WEIGHT_LIMIT) for p in lab.net.params), where
            if lab.trainer.epoch < EPOCHS:
                assert lab.event == "diverged" and "diverged at epoch" in lab.message, where

"""How the lab fits a network and its training to the data: input features, head, loss."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from nnviz import commands as cmd
from nnviz.engine.features import DEFAULT_FEATURES, DEFAULT_FEATURES_1D
from nnviz.engine.spec import HEADS, NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.rules import heads_for
from nnviz.text import _


def fit_spec_to_data(spec: NetworkSpec, data: cmd.DataArrays) -> NetworkSpec:
    """Adapt the input features and output head to the data's dimension and task."""
    features = spec.features
    if data.dim != spec.input_dim:
        features = DEFAULT_FEATURES_1D if data.dim == 1 else DEFAULT_FEATURES
    outputs = data.n_classes if data.kind == "multiclass" else 1
    heads = heads_for(data.kind)
    output = spec.output if any(h[0] == spec.output for h in heads) else heads[0][0]
    return replace(
        spec, features=tuple(features), input_dim=data.dim, n_outputs=outputs, output=output
    ).validated()


def fit_config_to_spec(config: TrainConfig, spec: NetworkSpec, kind: str) -> TrainConfig:
    """Pick a loss that fits the output head; mark whether accuracy makes sense."""
    heads = heads_for(kind)
    if (spec.output, config.loss) not in heads:
        loss = next((loss for out, loss in heads if out == spec.output), heads[0][1])
        config = replace(config, loss=loss)
    return replace(config, classification=kind != "regression").validated()


def check_data(d: cmd.DataArrays) -> None:
    if d.kind not in HEADS:
        raise ValueError(_("unknown task {kind!r}", kind=d.kind))
    for X, y in ((d.X_train, d.y_train), (d.X_test, d.y_test)):
        if len(X) != len(y) or (len(X) and np.shape(X)[1] != d.dim):
            raise ValueError(_("the points and labels do not line up"))
        if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
            raise ValueError(_("the data contains NaN or infinite values"))


def task_name(d: cmd.DataArrays) -> str:
    if d.kind == "multiclass":
        return _("{n_classes}-class classification", n_classes=d.n_classes)
    return _("regression") if d.kind == "regression" else _("two-class classification")

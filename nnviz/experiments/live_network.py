"""The live network as a value: what backprop's cost is measured on (not a network of its own).

Built from the latest training snapshot and the user's points in the window, or, with no
window, from what the app starts with (a preset's data and freshly initialised network).
It is frozen and carries copies, so it can travel to the training process in a sweep while
the live run goes on training.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.commands import DataArrays
from nnviz.data import make_dataset
from nnviz.data.point_set import PointSet
from nnviz.engine.features import feature_matrix
from nnviz.engine.problem import Problem
from nnviz.engine.spec import NetworkSpec
from nnviz.engine.trainer import TrainConfig
from nnviz.presets import DEFAULT_PRESET, load_preset
from nnviz.snapshot import Snapshot
from nnviz.text import _

Array = np.ndarray


@dataclass(frozen=True, eq=False)  # compared by identity: it holds arrays
class LiveNetwork:
    """Architecture, current weights, the training points (as the network's inputs), the loss."""

    spec: NetworkSpec
    params: tuple[Array, ...]
    X: Array  # the training points' features, the network's inputs
    y: Array
    loss: str
    l1: float = 0.0
    l2: float = 0.0

    def problem(self) -> Problem:
        """The training objective at these weights, on a network of its own (a copy)."""
        net = self.spec.build()
        net.set_params([np.array(p, dtype=float) for p in self.params])
        return Problem(net, self.X, self.y, self.loss, self.l1, self.l2)

    @property
    def architecture(self) -> str:
        """'2-4-2-1 tanh' (layer widths, inputs first, and the hidden activation)."""
        widths = "-".join(str(n) for n in self.spec.sizes)
        return f"{widths} {self.spec.activation}" if self.spec.hidden else widths


def live_network(
    spec: NetworkSpec, config: TrainConfig, params, X_train: Array, y_train: Array, dim: int
) -> LiveNetwork:
    """The network ``spec`` at ``params`` on these training points, with config's loss."""
    if len(X_train) == 0:
        raise ValueError(_("the live network has no training points to take a gradient on"))
    X = feature_matrix(np.asarray(X_train, dtype=float), spec.features, dim)
    frozen = tuple(np.array(p, dtype=float) for p in params)
    for array in (X, *frozen):
        array.setflags(write=False)
    y = np.array(y_train)
    y.setflags(write=False)
    return LiveNetwork(spec, frozen, X, y, config.loss, float(config.l1), float(config.l2))


def from_snapshot(snap: Snapshot, data: DataArrays) -> LiveNetwork:
    """The live network of a training snapshot, on the points it trains on.

    ValueError when the points changed since the snapshot (its weights were for other data)
    or when there is no training point.
    """
    if data.version != snap.data_version:
        raise ValueError(_("the points changed since the last snapshot; try again in a moment"))
    return live_network(snap.spec, snap.config, snap.params, data.X_train, data.y_train, data.dim)


def default_network(preset: str = DEFAULT_PRESET, seed: int | None = None) -> LiveNetwork:
    """What the app starts with: the preset's points and its freshly initialised network."""
    from nnviz.lab import Lab  # here: only a headless default needs a whole lab

    chosen = load_preset(preset, seed)
    d = dict(chosen.dataset)
    name, noise = d.pop("name"), float(d.pop("noise", 0.0))
    ratio, data_seed = float(d.pop("test_ratio", 0.5)), int(d.pop("seed", chosen.spec.seed))
    made = make_dataset(name, noise=noise, seed=data_seed, **d)
    points = PointSet.from_dataset(made, ratio, data_seed)
    X_train, y_train = points.train_arrays()
    X_test, y_test = points.test_arrays()
    data = DataArrays(X_train, y_train, X_test, y_test, points.kind, points.n_classes,
                      points.dim, (made.domain[0], made.domain[1]), points.version)  # fmt: skip
    lab = Lab(data, chosen.spec, chosen.config)
    return live_network(lab.spec, lab.config, lab.net.params, X_train, y_train, points.dim)

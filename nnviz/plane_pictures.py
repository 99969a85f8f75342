"""Every neuron's response over the input plane, as snapshots carry it: drawn afresh for each
snapshot while a view shows it, the last ones repeated while none does (``ShowPlane``)."""

from __future__ import annotations

import numpy as np

from nnviz import commands as cmd
from nnviz.data.limits import shown
from nnviz.engine.grid import neuron_grids
from nnviz.engine.mlp import MLP
from nnviz.engine.spec import NetworkSpec
from nnviz.snapshot import frozen_pictures
from nnviz.text import _

Array = np.ndarray


class PlanePictures:
    """One batched grid pass per snapshot, skipped while nobody looks."""

    def __init__(self, resolution: int) -> None:
        self.resolution = resolution
        self.wanted = True  # False: repeat the last pictures (a stage without the playground)
        self._last: tuple[tuple, tuple[Array, ...]] | None = None  # (what they show, pictures)

    def show(self, on: object) -> None:
        """Draw them for every snapshot (True) or repeat the last ones (False); else refused."""
        if not isinstance(on, bool | np.bool_):
            raise ValueError(
                _("the plane's pictures are shown or not, not {value}", value=shown(on))
            )
        self.wanted = bool(on)

    def axis(self, data: cmd.DataArrays) -> Array:
        """The grid's coordinates along each input axis."""
        return np.linspace(*data.domain, self.resolution)

    def grids(self, net: MLP, spec: NetworkSpec, data: cmd.DataArrays) -> tuple[Array, ...]:
        """Every layer's pictures, read-only: computed, or the last ones while not wanted and
        they still fit the network and the data."""
        what = (spec, data.version, data.domain, data.dim, self.resolution)
        if self.wanted or self._last is None or self._last[0] != what:
            grids = neuron_grids(net, spec.features, data.domain, self.resolution, data.dim)
            self._last = (what, frozen_pictures(grids))
        return self._last[1]

    def output_grid(
        self, net: MLP, spec: NetworkSpec, data: cmd.DataArrays, params: tuple[Array, ...]
    ) -> Array:
        """The network's output over the plane with other weights (e.g. averaged ones)."""
        other = net.copy()
        other.set_params(params)
        return neuron_grids(other, spec.features, data.domain, self.resolution, data.dim)[-1]

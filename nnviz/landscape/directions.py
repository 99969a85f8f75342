"""Directions in parameter space to slice the loss along: chosen weights, random, PCA."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.landscape.params import ParamRef, flat_index, neuron_groups, param_label, weight_mask
from nnviz.landscape.slices import frozen_array
from nnviz.text import _

Array = np.ndarray
NORM_EPS = 1e-10  # Li et al.'s guard against dividing by a zero-length direction


@dataclass(frozen=True)
class Plane:
    """A 2-D slice of parameter space: the points θ(a, b) = center + a·d1 + b·d2."""

    center: Array
    d1: Array
    d2: Array
    x_label: str = "a"
    y_label: str = "b"
    kind: str = ""  # "weights", "random" or "pca"
    explained: tuple[float, float] | None = None  # PCA's share of the path, per direction

    def __post_init__(self) -> None:
        for name in ("center", "d1", "d2"):  # read-only copies: safe to hand to a job thread
            object.__setattr__(self, name, frozen_array(getattr(self, name)))

    def point(self, a: float, b: float) -> Array:
        """θ(a, b) = center + a·d1 + b·d2."""
        return self.center + a * self.d1 + b * self.d2


def weight_axes(net: MLP, ref1: ParamRef, ref2: ParamRef) -> tuple[Array, Array]:
    """Unit vectors along two chosen parameters: moving a step a along d1 adds a to that weight.

    Parameters
    ----------
    net : the network, for the layout of θ.
    ref1, ref2 : a weight ``(layer, i, j)`` (W[layer][i, j]), a bias ``(layer, j)``, or a
        plain index into θ. Layers count from 0 (layer 0 is the lectures' W1).
    """
    k1, k2 = flat_index(net, ref1), flat_index(net, ref2)
    if k1 == k2:
        raise ValueError(_("choose two different parameters for the two axes"))
    d1, d2 = np.zeros(net.n_params), np.zeros(net.n_params)
    d1[k1] = d2[k2] = 1.0
    return d1, d2


def weight_plane(net: MLP, ref1: ParamRef, ref2: ParamRef) -> Plane:
    """The plane of two chosen parameters, every other one held at its current value.

    The centre has those two entries set to 0, so the coordinates (a, b) ARE the two
    parameters' values: the current network sits at (θ[k1], θ[k2]).
    """
    d1, d2 = weight_axes(net, ref1, ref2)
    center = net.get_flat()
    center[(d1 + d2) > 0] = 0.0
    labels = param_label(net, ref1), param_label(net, ref2)
    return Plane(center, d1, d2, *labels, kind="weights")


def normalize_filters(net: MLP, theta: Array, d: Array, ignore_bias: bool = True) -> Array:
    """Scale each neuron's part of d to the size of that neuron's weights (Li et al. 2018).

    d_neuron ← d_neuron · ‖θ_neuron‖ / (‖d_neuron‖ + 1e-10), where a neuron's part is its
    column of W (plus its bias unless ``ignore_bias``). With ``ignore_bias`` the bias entries
    of d are set to 0, so the slice never moves the biases.
    """
    d = np.array(d, dtype=float)
    if ignore_bias:
        d[~weight_mask(net)] = 0.0
    for idx in neuron_groups(net, include_bias=not ignore_bias):
        # A step of 1 along d now changes each neuron by as much as its own weights are big,
        # so big and small neurons are disturbed alike and plots of different nets compare.
        d[idx] *= np.linalg.norm(theta[idx]) / (np.linalg.norm(d[idx]) + NORM_EPS)
    return d


def random_directions(
    net: MLP,
    rng: np.random.Generator,
    filter_normalize: bool = True,
    ignore_bias: bool = True,
) -> tuple[Array, Array]:
    """Two random Gaussian directions, by default filter-normalised per neuron.

    d ~ N(0, I); then, per neuron, d ← d·‖θ_neuron‖/(‖d_neuron‖ + 1e-10) (see
    :func:`normalize_filters`). ``filter_normalize=False`` keeps the raw Gaussian vectors.
    """
    theta = net.get_flat()
    out = []
    for _axis in range(2):
        d = rng.standard_normal(net.n_params)
        if filter_normalize:
            d = normalize_filters(net, theta, d, ignore_bias)
        elif ignore_bias:
            d[~weight_mask(net)] = 0.0
        if not np.any(d):
            raise ValueError(_("every weight is 0, so filter normalisation leaves no direction"))
        out.append(d)
    return out[0], out[1]


def random_plane(
    net: MLP, rng: np.random.Generator, filter_normalize: bool = True, ignore_bias: bool = True
) -> Plane:
    """The plane through the current weights along two random (filter-normalised) directions."""
    d1, d2 = random_directions(net, rng, filter_normalize=filter_normalize, ignore_bias=ignore_bias)
    return Plane(net.get_flat(), d1, d2, "direction 1", "direction 2", kind="random")


def pca_directions(trajectory: Array) -> tuple[Array, Array, tuple[float, float]]:
    """The two directions along which a training path moved most, and their share of it.

    With M the rows θ_t − θ_final, the SVD M = U·S·Vᵀ gives d1, d2 = the first two rows of Vᵀ
    and explained_i = S_i² / Σ S². Unlike scikit-learn's PCA (used by Li et al.) M is not
    centred on its mean, so the plane through θ_final that fits the path best is found, and
    the ratios say how much of the path's squared distance from θ_final lies in that plane.
    Signs are chosen so the first point of the path has coordinates ≥ 0.
    """
    path = np.asarray(trajectory, dtype=float)
    if path.ndim != 2 or len(path) < 2 or path.shape[1] < 2:
        raise ValueError(_("a trajectory needs at least 2 points of at least 2 parameters"))
    M = path - path[-1]
    _u, s, vt = np.linalg.svd(M, full_matrices=False)
    total = float(np.sum(s * s))
    if total == 0.0:
        raise ValueError(_("the trajectory never moved, so it has no directions"))
    dirs = []
    for d in vt[:2]:
        dirs.append(-d if M[0] @ d < 0 else d)
    energy = s[:2] ** 2 / total
    return dirs[0], dirs[1], (float(energy[0]), float(energy[1]))


def pca_plane(trajectory: Array) -> Plane:
    """The plane through the path's last point spanned by its top two PCA directions."""
    d1, d2, explained = pca_directions(trajectory)
    center = np.array(trajectory[-1], dtype=float)
    labels = f"PC1 ({explained[0]:.0%})", f"PC2 ({explained[1]:.0%})"
    return Plane(center, d1, d2, *labels, kind="pca", explained=explained)

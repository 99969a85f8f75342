"""Where each weight and bias lives in the flat parameter vector θ (``net.get_flat()`` order)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine.mlp import MLP
from nnviz.text import _

# A knob of the network, named the way the lectures name it (layer indices start at 0 here,
# while labels say W1, b1 for layer 0 as the lectures do):
#   (layer, i, j) — the weight W[layer][i, j] from input i of that layer to its neuron j;
#   (layer, j)    — the bias of neuron j in that layer;
#   k (an int)    — the k-th entry of θ itself.
ParamRef = tuple[int, int, int] | tuple[int, int] | int


@dataclass(frozen=True)
class Block:
    """One parameter array inside θ: ``theta[offset : offset + size]`` reshaped to ``shape``."""

    layer: int
    kind: str  # "weight" or "bias"
    offset: int
    shape: tuple[int, ...]

    @property
    def size(self) -> int:
        """How many numbers the array holds."""
        return int(np.prod(self.shape))


def blocks(net: MLP) -> list[Block]:
    """The parameter arrays of ``net`` in ``params`` order, with their place in θ."""
    out: list[Block] = []
    offset = 0
    for layer, (w, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        out.append(Block(layer, "weight", offset, w.shape))
        offset += w.size
        if b is not None:
            out.append(Block(layer, "bias", offset, b.shape))
            offset += b.size
    return out


def array_ref(net: MLP, param_index: int, index: tuple[int, ...]) -> ParamRef:
    """The ParamRef of ``net.params[param_index][index]`` (how the network graph names it)."""
    arrays = blocks(net)
    if not 0 <= param_index < len(arrays):
        raise ValueError(_("there is no parameter array {param_index}", param_index=param_index))
    return (arrays[param_index].layer, *(int(v) for v in index))  # type: ignore[return-value]


def flat_index(net: MLP, ref: ParamRef) -> int:
    """The position in θ of one weight ``(layer, i, j)``, one bias ``(layer, j)`` or index k."""
    if isinstance(ref, int | np.integer):
        if not 0 <= ref < net.n_params:
            raise ValueError(
                _(
                    "parameter index {ref} is outside 0..{last}",
                    ref=ref,
                    last=net.n_params - 1,
                )
            )
        return int(ref)
    kind = {3: "weight", 2: "bias"}.get(len(ref))
    if kind is None:
        raise ValueError(
            _("name a weight as (layer, i, j) or a bias as (layer, j), not {ref!r}", ref=ref)
        )
    layer, *where = (int(v) for v in ref)
    for block in blocks(net):
        if block.layer == layer and block.kind == kind:
            if any(not 0 <= v < n for v, n in zip(where, block.shape, strict=True)):
                raise ValueError(
                    _(
                        "{ref!r} is outside {kind} array of shape {block_shape}",
                        ref=ref,
                        kind=kind,
                        block_shape=block.shape,
                    )
                )
            return block.offset + int(np.ravel_multi_index(tuple(where), block.shape))
    if kind == "bias" and 0 <= layer < net.n_layers:
        raise ValueError(_("this network has no biases"))
    raise ValueError(
        _(
            "layer {layer} does not exist; the network has {n_layers} layers",
            layer=layer,
            n_layers=net.n_layers,
        )
    )


def param_label(net: MLP, ref: ParamRef) -> str:
    """A short readable name, ``W1[0,2]`` or ``b2[1]`` (layers counted from 1, as in W1)."""
    k = flat_index(net, ref)
    for block in blocks(net):
        if block.offset <= k < block.offset + block.size:
            where = np.unravel_index(k - block.offset, block.shape)
            letter = "W" if block.kind == "weight" else "b"
            return f"{letter}{block.layer + 1}[{','.join(str(int(v)) for v in where)}]"
    raise AssertionError(_("unreachable: flat_index checked the range"))


def weight_mask(net: MLP) -> np.ndarray:
    """True where θ holds a weight, False where it holds a bias."""
    mask = np.zeros(net.n_params, dtype=bool)
    for block in blocks(net):
        if block.kind == "weight":
            mask[block.offset : block.offset + block.size] = True
    return mask


def neuron_groups(net: MLP, include_bias: bool = True) -> list[np.ndarray]:
    """For each neuron, the indices in θ of its incoming weights (one COLUMN of W) and bias.

    ``W`` is (n_in, n_out), so neuron j of a layer owns column ``W[:, j]`` and ``b[j]``.
    """
    groups: list[np.ndarray] = []
    for block in blocks(net):
        if block.kind != "weight":
            continue
        n_in, n_out = block.shape
        columns = block.offset + np.arange(n_in * n_out).reshape(n_in, n_out)
        bias = next((b for b in blocks(net) if b.layer == block.layer and b.kind == "bias"), None)
        for j in range(n_out):
            extra = [bias.offset + j] if (bias is not None and include_bias) else []
            groups.append(np.concatenate([columns[:, j], np.asarray(extra, dtype=int)]))
    return groups

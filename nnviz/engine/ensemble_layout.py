"""Where every member's weights sit in an ensemble's stacked, zero-padded parameter array."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnviz.text import _

Array = np.ndarray


class Layout:
    """The padded layout of K networks with the same depth but maybe different widths.

    Row k of a (K, P) array holds member k's parameters in ``MLP.params`` order, each layer
    padded to the widest member: W is (n_in_max, n_out_max), b is (1, n_out_max). ``mask`` is
    1 where a member really has that parameter and 0 in the padding.
    """

    def __init__(self, sizes: Sequence[Sequence[int]], bias: bool) -> None:
        depths = {len(s) for s in sizes}
        if len(depths) != 1:
            raise ValueError(_("every member of an ensemble needs the same number of layers"))
        if len({(s[0], s[-1]) for s in sizes}) != 1:
            raise ValueError(_("every member of an ensemble needs the same inputs and outputs"))
        self.sizes = [list(s) for s in sizes]
        self.bias = bool(bias)
        self.widest = [max(col) for col in zip(*self.sizes, strict=True)]
        self.n_out = self.widest[-1]
        self.slots: list[tuple[int, tuple[int, ...]]] = []  # (offset, padded shape) per array
        offset = 0
        for n_in, n_out in zip(self.widest[:-1], self.widest[1:], strict=True):
            for shape in ((n_in, n_out), (1, n_out)) if self.bias else ((n_in, n_out),):
                self.slots.append((offset, shape))
                offset += shape[0] * shape[1]
        self.n_params = offset
        self.mask = np.zeros((len(self.sizes), offset))
        for k in range(len(self.sizes)):
            for real, view in zip(self._real(k), self._split(self.mask[k]), strict=True):
                view[real] = 1.0

    def _real(self, k: int) -> list[tuple[slice, slice]]:
        """The index of member k's real block inside each padded array."""
        s = self.sizes[k]
        out = []
        for n_in, n_out in zip(s[:-1], s[1:], strict=True):
            out.append((slice(0, n_in), slice(0, n_out)))
            if self.bias:
                out.append((slice(0, 1), slice(0, n_out)))
        return out

    def _split(self, row: Array) -> list[Array]:
        return [row[o : o + a * b].reshape(a, b) for o, (a, b) in self.slots]

    def pack(self, params: Sequence[Sequence[Array]]) -> Array:
        """A (K, P) array holding each member's ``MLP.params``, zero-padded."""
        theta = np.zeros((len(params), self.n_params))
        for k, arrays in enumerate(params):
            blocks = zip(self._real(k), self._split(theta[k]), arrays, strict=True)
            for real, view, p in blocks:
                view[real] = np.reshape(p, view[real].shape)
        return theta

    def unpack(self, row: Array, k: int) -> list[Array]:
        """Member k's arrays (copies, unpadded, bias as a vector) from its row of θ."""
        out = []
        for i, (real, view) in enumerate(zip(self._real(k), self._split(row), strict=True)):
            block = view[real].copy()
            out.append(block[0] if self.bias and i % 2 else block)
        return out

    def views(self, flat: Array) -> tuple[list[Array], list[Array | None]]:
        """Stacked views of a (K, P) array: weights (K, n_in, n_out), biases (K, 1, n_out)."""
        k = len(flat)
        arrays: list[Array] = [flat[:, o : o + a * b].reshape(k, a, b) for o, (a, b) in self.slots]
        if self.bias:
            biases: list[Array | None] = list(arrays[1::2])
            return arrays[::2], biases
        return arrays, [None] * len(arrays)

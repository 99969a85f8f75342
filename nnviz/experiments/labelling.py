"""Active learning by hand: the model rings the points it is least sure of; you label them.

A ``LabellingSession`` is the state behind the experiments panel's interactive plane. It
reveals a point's true label (from the data generator) only when that point is labelled,
refits the model, re-ranks the candidates and extends the accuracy-by-labels curve. The
random curve beside it is the engine's own random labelling (``active_learning.rounds``)
on the same pool from the same seed, one label at a time like yours, computed a step at a
time (``extend_random``) so a window can spread the work over idle moments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.engine import sigmoid
from nnviz.experiments.active_learning import POOL_SIZE, make_pool, rounds
from nnviz.text import _

Array = np.ndarray
MAX_K = 20  # ringed candidates at most


@dataclass(frozen=True)
class Fit:
    """The model after one more label: its readout, held-out accuracy and the ranked pool."""

    w: Array
    accuracy: float
    ranked: tuple[int, ...]  # the MAX_K least sure unlabelled points, least sure first


class LabellingSession:
    """One pool from ``seed``; labels are given one at a time, each can be undone.

    Invalid requests raise ValueError with one sentence and change nothing.
    """

    def __init__(
        self,
        seed: int = 0,
        noise: float = 0.3,
        k: int = 4,
        budget: int = 40,
        dataset: str = "moons",
        start: int = 4,
        p: int = 60,
    ) -> None:
        check_k(k)
        if not start < budget <= POOL_SIZE:
            raise ValueError(
                _(
                    "labels in all must be from {low} to {high}, not {budget}",
                    low=start + 1,
                    high=POOL_SIZE,
                    budget=budget,
                )
            )
        self.seed, self.noise, self.budget, self.k = int(seed), float(noise), int(budget), int(k)
        self.pool, rng = make_pool(self.seed, dataset, self.noise, start, p)
        self.labelled: list[int] = list(self.pool.first)
        self.fits: list[Fit] = [self._fit()]
        self._random = rounds("random", self.pool, rng, 1)
        self.random_labels: list[int] = []
        self.random_accuracy: list[float] = []
        self._grid: tuple[bytes, Array] | None = None  # (the axis, the grid's features)

    # ----- reading ---------------------------------------------------------------------------
    @property
    def w(self) -> Array:
        """The current model's readout."""
        return self.fits[-1].w

    @property
    def candidates(self) -> tuple[int, ...]:
        """The k unlabelled points the model is least sure of, least sure first."""
        return self.fits[-1].ranked[: self.k]

    @property
    def given(self) -> int:
        """Labels given by the user so far (the first ones the session starts with not counted)."""
        return len(self.labelled) - len(self.pool.first)

    @property
    def full(self) -> bool:
        """Every label of the budget is given."""
        return len(self.labelled) >= self.budget

    def curve(self) -> tuple[list[int], list[float]]:
        """(labels, held-out accuracy) after each label so far, from the first labels on."""
        start = len(self.pool.first)
        return list(range(start, start + len(self.fits))), [f.accuracy for f in self.fits]

    def label_of(self, index: int) -> int:
        """The revealed class (0 or 1) of a labelled point; ValueError for an unlabelled one."""
        if index not in self.labelled:
            raise ValueError(_("point {n} has no label yet", n=index + 1))
        return int(self.pool.y[index])

    def probabilities(self, axis: Array) -> Array:
        """P(class 1) on the grid axis × axis (rows follow x2, columns x1), for the regions.

        The grid's features are fixed for the session (the model only changes its readout),
        so they are made once per axis; each label then costs one product and a sigmoid.
        """
        axis = np.asarray(axis, dtype=float)
        key = axis.tobytes()
        if self._grid is None or self._grid[0] != key:
            x1, x2 = np.meshgrid(axis, axis)
            self._grid = (key, self.pool.features_of(np.column_stack([x1.ravel(), x2.ravel()])))
        return sigmoid(self._grid[1] @ self.w).reshape(len(axis), len(axis))

    # ----- labelling -------------------------------------------------------------------------
    def label(self, index: int | None) -> int:
        """Reveal point ``index``'s label (it must be ringed), add it and refit; returns it."""
        if self.full:
            raise ValueError(
                _(
                    "All {budget} labels are given: undo one, or start a new session",
                    budget=self.budget,
                )
            )
        if index is None:
            raise ValueError(
                _("No point there: click one of the {k} ringed points (or press L)", k=self.k)
            )
        if index not in self.candidates:
            reason = (
                _("point {n} is labelled already", n=index + 1)
                if index in self.labelled
                else _("point {n} is not ringed", n=index + 1)
            )
            raise ValueError(
                _(
                    "{reason}: click one of the {k} ringed points, where the model is least "
                    "sure (or press L for the least sure of all)",
                    reason=reason,
                    k=self.k,
                )
            )
        self.labelled.append(int(index))
        self.fits.append(self._fit())
        return int(self.pool.y[index])

    def label_next(self) -> int:
        """Label the point the model is least sure of; returns its index."""
        index = self.candidates[0] if self.candidates else None
        self.label(index)
        return int(index) if index is not None else -1

    def undo(self) -> int:
        """Take the last label back (the model and the rings as they were); returns its index."""
        if len(self.fits) == 1:
            raise ValueError(_("Nothing to undo: only the first labels are given"))
        self.fits.pop()
        return self.labelled.pop()

    def set_k(self, k: int) -> None:
        """Ring the k least sure points (1 to 20); labels and model stay."""
        check_k(k)
        self.k = int(k)

    # ----- what to say ------------------------------------------------------------------------
    def said(self, index: int | None = None) -> str:
        """The news after a label (of ``index``) or an undo: accuracy, yours against random's."""
        labels = len(self.labelled)
        ours = _("{labels} labels: held-out accuracy {accuracy:.1%}", labels=labels,
                 accuracy=self.fits[-1].accuracy)  # fmt: skip
        at = labels - len(self.pool.first)
        if at < len(self.random_accuracy):
            ours = _("{ours}; labelling at random: {random:.1%}", ours=ours,
                     random=self.random_accuracy[at])  # fmt: skip
        if index is None:
            return ours
        return _(
            "Point {n} is class {c}. {news}",
            n=index + 1,
            c=self.label_of(index) + 1,
            news=ours,
        )

    def said_start(self) -> str:
        """How to begin."""
        return _(
            "{first} labels to start, {budget} in all. Click a ringed point to reveal its "
            "label, or press L for the least sure (red ring); Backspace undoes.",
            first=len(self.pool.first),
            budget=self.budget,
        )

    # ----- the random baseline ---------------------------------------------------------------
    @property
    def random_done(self) -> bool:
        """The random curve reaches the budget."""
        return bool(self.random_labels) and self.random_labels[-1] >= self.budget

    def extend_random(self, steps: int = 1) -> bool:
        """Compute up to ``steps`` more points of the random curve; True while more remain."""
        for _unused in range(steps):
            if self.random_done:
                break
            count, accuracy = next(self._random)
            self.random_labels.append(count)
            self.random_accuracy.append(accuracy)
        return not self.random_done

    def report(self) -> dict:
        """Plain numbers: held-out accuracy after each label count from the first labels on,
        yours (as far as you got) and random labelling's (as far as computed)."""
        start = len(self.pool.first)
        return {
            "seed": self.seed,
            "labels": list(range(start, self.budget + 1)),
            "accuracy_by_labels": {"active": self.curve()[1], "random": list(self.random_accuracy)},
        }

    def _fit(self) -> Fit:
        w = self.pool.fit(self.labelled)
        ranked = self.pool.most_uncertain(w, self.labelled, MAX_K)
        return Fit(w, self.pool.accuracy(w), tuple(int(i) for i in ranked))


def check_k(k: object) -> None:
    """Refuse a ring count that is not a whole number from 1 to 20."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 1 <= int(k) <= MAX_K:
        raise ValueError(
            _("candidates ringed must be a whole number from 1 to {high}, not {k!r}",
              high=MAX_K, k=k)
        )  # fmt: skip

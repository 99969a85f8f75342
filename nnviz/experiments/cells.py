"""One cell of each of the window's experiments, registered with the sweep runner.

Importing this module adds the experiments that ``nnviz.experiments.sweep`` does not sweep
itself (over-parameterisation when its module has no cell, depth, backprop's cost, active
learning, the min-max game), so the training process can run every one the same way.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.engine import MLP
from nnviz.engine.ensemble import Ensemble, Member
from nnviz.experiments import overparam as op
from nnviz.experiments.active_learning import run_one
from nnviz.experiments.backprop_cost import LIVE, backprop_cost, cost_numbers, measure
from nnviz.experiments.depth import depth_data, train_depth
from nnviz.experiments.games import min_max_game
from nnviz.experiments.sweep import SWEEPS, SweepKind
from nnviz.text import _


def overparam_cell(
    width: int, seeds: tuple[int, ...], steps: int = op.STEPS, lr: float = op.LR
) -> dict[str, Any]:
    """Width w: one 2-w-w-1 tanh net per seed, trained together as one ensemble (Adam)."""
    X, y = op.spirals()
    members = [Member((int(width), int(width)), seed=s, lr=lr) for s in seeds]
    ens = Ensemble(2, 1, members, "tanh", "sigmoid", loss="log", optimizer="adam",
                   dtype=np.float32)  # fmt: skip
    history = ens.fit(X, y, int(steps))
    loss, accuracy = ens.evaluate(X, y)
    keep = op.decimate(int(steps))
    return {
        "final_loss": [float(v) for v in loss],
        "final_accuracy": [float(v) for v in accuracy],
        "curve_steps": [int(t) for t in keep],
        "curves": history.losses[keep].T.astype(float).tolist(),
    }


def depth_cell(
    scale_percent: int,
    seeds: tuple[int, ...],
    depth: int = 10,
    width: int = 16,
    steps: int = 400,
    lr: float = 0.5,
) -> dict[str, Any]:
    """One initial scale (in % of Xavier) of the deep tanh net: gradient norms and losses."""
    seed = seeds[0]
    run = train_depth(scale_percent / 100, depth, width, steps, lr, seed, depth_data(seed=seed))
    return {
        "grad_norm_by_layer": list(run.grad_norm_by_layer),
        "losses": run.losses.tolist(),
        "final_loss": run.final_loss,
        "accuracy": run.accuracy,
    }


def backprop_cell(
    width: int | str, seeds: tuple[int, ...], n_points: int = 200, live: Any = None
) -> dict[str, Any]:
    """One gradient by backprop and by finite differences: passes and seconds.

    ``width`` "live" measures the live network ``live`` (a ``LiveNetwork``: its architecture,
    current weights and training points); a number w measures a fresh 2-w-w-1 tanh net on
    ``n_points`` points of the circle, so the plot shows how both costs grow with size.
    """
    if width == LIVE:
        if live is None:
            raise ValueError(_("there is no live network to measure"))
        cost = measure(live.problem())
        return {**cost_numbers(cost), "architecture": live.architecture}
    from nnviz.data import make_dataset  # here: only this cell needs a data set

    data = make_dataset("circle", n=int(n_points), noise=0.1, seed=seeds[0])
    net = MLP([2, int(width), int(width), 1], "tanh", "sigmoid", init="xavier", seed=seeds[0])
    return cost_numbers(backprop_cost(net, data.X / 3.0, np.asarray(data.y, dtype=float)))


def active_cell(run: int, seeds: tuple[int, ...], **options: Any) -> dict[str, Any]:
    """Labelling session number ``run`` (seed = seeds[0] + run − 1), both ways of choosing."""
    seed = seeds[0] + int(run) - 1
    labels, active = run_one("active", seed, **options)
    _labels, random = run_one("random", seed, **options)
    return {"labels": labels, "active": active, "random": random}


def game_cell(steps: int, seeds: tuple[int, ...], lr: float = 0.1) -> dict[str, Any]:
    """Descent–ascent and extragradient on f(x, y) = x·y for ``steps`` steps from (1, 0)."""
    paths = min_max_game((1.0, 0.0), float(lr), int(steps))
    return {
        name: {"path": run.path.tolist(), "radius_start": run.radius_start,
               "radius_end": run.radius_end}
        for name, run in paths.items()
    }  # fmt: skip


def _register() -> None:
    for name, kind in (
        ("overparameterisation", SweepKind("width", lambda: overparam_cell)),
        ("depth-init", SweepKind("initial scale (% of Xavier)", lambda: depth_cell)),
        ("backprop-cost", SweepKind("width", lambda: backprop_cell, also=(LIVE,))),
        ("active-learning", SweepKind("run", lambda: active_cell)),
        ("min-max-game", SweepKind("steps", lambda: game_cell)),
    ):
        SWEEPS.setdefault(name, kind)


_register()

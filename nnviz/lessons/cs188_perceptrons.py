"""Numbers for the CS188 perceptron lessons: the rule, thrashing, sigmoid, softmax, sharpness."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import MLP, sigmoid, softmax
from nnviz.engine.perceptron_trainer import PerceptronTrainer
from nnviz.lessons.registry import lesson_numbers


def _line(w: np.ndarray) -> list[float]:
    return [float(v) for v in w]


def _angle_deg(a: np.ndarray, b: np.ndarray) -> float:
    """The angle between two weight vectors, in degrees (0 means the same line)."""
    cos = float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))
    return float(np.degrees(np.arccos(np.clip(cos, -1.0, 1.0))))


@lesson_numbers("perceptron")
def perceptron(
    n: int = 40, data_seed: int = 0, seeds: tuple[int, int] = (1, 2), epochs: int = 10
) -> dict[str, Any]:
    """Two perceptron runs (different shuffles) on the same separable points, no bias."""
    data = make_dataset("linear", n=n, seed=data_seed)
    runs = []
    for seed in seeds:
        trainer = PerceptronTrainer(data.X, data.y, bias=False, seed=int(seed))
        trainer.run_epochs(epochs)
        runs.append(trainer)
    first = runs[0]
    return {
        "n_points": len(data.X),
        "epochs": int(epochs),
        "mistakes_per_epoch": list(first.mistakes),
        "mistakes_per_epoch_run2": list(runs[1].mistakes),
        "final_mistakes": int(first.mistakes[-1]),
        "final_mistakes_run2": int(runs[1].mistakes[-1]),
        "errors": [t.errors() for t in runs],
        "accuracy": [1.0 - t.errors() / len(data.X) for t in runs],
        "lines": [_line(t.raw_weights[0]) for t in runs],
        "angle_between_lines": _angle_deg(runs[0].model.w, runs[1].model.w),
    }


@lesson_numbers("perceptron-thrash")
def perceptron_thrash(
    n: int = 60,
    noise: float = 1.0,
    data_seed: int = 0,
    seed: int = 0,
    epochs: int = 30,
    last: int = 10,
) -> dict[str, Any]:
    """The rule on overlapping classes: mistakes never reach 0; the averaged line settles."""
    data = make_dataset("linear", n=n, noise=noise, seed=data_seed)
    trainer = PerceptronTrainer(data.X, data.y, rule="averaged_perceptron", bias=False, seed=seed)
    trainer.run_epochs(epochs)
    raw, avg = trainer.raw_errors[-last:], trainer.averaged_errors[-last:]
    return {
        "n_points": len(data.X),
        "epochs": int(epochs),
        "last": int(last),
        "mistakes_per_epoch": list(trainer.mistakes),
        "min_mistakes": int(min(trainer.mistakes)),
        "raw_errors_last": list(raw),
        "averaged_errors_last": list(avg),
        "raw_spread": int(max(raw) - min(raw)),
        "averaged_spread": int(max(avg) - min(avg)),
        "raw_line": _line(trainer.raw_weights[0]),
        "averaged_line": _line(trainer.averaged_weights[0]),
    }


@lesson_numbers("sigmoid")
def sigmoid_numbers(z_far: float = 5.0) -> dict[str, Any]:
    """σ(0) and σ(5) from the engine's sigmoid, and what the step says at the same z."""
    return {
        "z_far": float(z_far),
        "sigma_0": float(sigmoid(0.0)),
        "sigma_5": float(sigmoid(z_far)),
        "sigma_minus_5": float(sigmoid(-z_far)),
        "step_5": 1 if z_far > 0 else 0,
    }


@lesson_numbers("softmax")
def softmax_numbers(z: tuple[float, ...] = (5.0, 6.0, -2.0)) -> dict[str, Any]:
    """softmax(z) for the lecture's scores, and the check that 2-class softmax = σ(z1 − z2)."""
    scores = np.asarray(z, dtype=float)
    pairs = np.random.default_rng(0).normal(scale=4.0, size=(20, 2))
    same = np.allclose(softmax(pairs)[:, 0], sigmoid(pairs[:, 0] - pairs[:, 1]))
    p = softmax(scores)
    return {
        "z": [float(v) for v in scores],
        "probabilities": [float(v) for v in p],
        "total": float(np.sum(p)),
        "pair_softmax": float(softmax(scores[:2])[0]),
        "pair_sigmoid": float(sigmoid(scores[0] - scores[1])),
        "two_class_equals_sigmoid": bool(same),
    }


@lesson_numbers("sharpness")
def sharpness(z: float = 1.0, bases: tuple[float, ...] = (100.0, 1e10)) -> dict[str, Any]:
    """1/(1 + b^(−z)) = σ(z·ln b): the same sigmoid with a steeper slope as the base grows."""
    direct = [float(1.0 / (1.0 + b ** (-z))) for b in bases]
    return {
        "z": float(z),
        "p_base_e": float(sigmoid(z * np.log(np.e))),
        "p_base_100": float(sigmoid(z * np.log(bases[0]))),
        "p_base_big": float(sigmoid(z * np.log(bases[1]))),
        "big_base": float(bases[1]),
        "ln_100": float(np.log(bases[0])),
        "direct_matches": bool(np.allclose(direct, [sigmoid(z * np.log(b)) for b in bases])),
    }


@lesson_numbers("multiclass-lr")
def multiclass_lr(n_classes: int = 3, n_features: int = 2) -> dict[str, Any]:
    """Multiclass logistic regression = a softmax layer without bias: features × classes weights."""
    net = MLP([n_features, n_classes], output="softmax", bias=False)
    return {
        "n_classes": int(n_classes),
        "n_features": int(n_features),
        "weights": net.n_params,
        "w_shape": list(net.weights[0].shape),
    }

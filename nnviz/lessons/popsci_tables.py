"""Lesson numbers: the fruit perceptron, logic as a perceptron, and XOR (one neuron vs wired)."""

from __future__ import annotations

import numpy as np

from nnviz.engine.feature_table import load_table, train_table_perceptron
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP
from nnviz.engine.perceptron import perceptron_predict
from nnviz.engine.trainer import TrainConfig, Trainer
from nnviz.lessons.popsci_train import bias_of, rounded, train_epochs
from nnviz.lessons.registry import lesson_numbers
from nnviz.text import _

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


@lesson_numbers("fruit-perceptron")
def fruit_perceptron(table: str = "fruit") -> dict:
    """Each shipped detector's lamps (one 0/1 per fruit), and the same rule learned from labels."""
    t = load_table(table)
    out: dict = {"rows": list(t.rows), "features": list(t.features), "detectors": []}
    for key in ("lamps", "scores", "lit", "knobs", "trained_knobs", "trained_lamps"):
        out[key] = {}
    for name, knobs in (t.detectors or {}).items():
        lamps = t.lamps(knobs.weights, knobs.threshold)
        learned, epochs = train_table_perceptron(t, t.one_vs_rest(name))
        out["detectors"].append(name)
        out["lamps"][name] = lamps
        out["scores"][name] = rounded(t.scores(knobs.weights, knobs.threshold))
        out["lit"][name] = ", ".join(r for r, on in zip(t.rows, lamps, strict=True) if on)
        out["knobs"][name] = {"weights": knobs.weights, "threshold": knobs.threshold}
        out["trained_knobs"][name] = {"weights": learned.weights, "threshold": learned.threshold}
        out["trained_lamps"][name] = t.lamps(learned.weights, learned.threshold)
    return out


@lesson_numbers("logic-and")
def logic_and(table: str = "weather", detector: str = "rain") -> dict:
    """rain = overcast ∧ humid as one perceptron: the lamp for each of the four weathers."""
    t = load_table(table)
    knobs = (t.detectors or {})[detector]
    if t.labels is None:
        raise ValueError(_("table {table} has no labels to train on", table=table))
    learned, epochs = train_table_perceptron(t, t.labels)
    return {
        "rows": list(t.rows),
        "inputs": t.X.astype(int).tolist(),
        "weights": [knobs.weights[f] for f in t.features],
        "threshold": knobs.threshold,
        "scores": rounded(t.scores(knobs.weights, knobs.threshold)),
        "outputs": t.lamps(knobs.weights, knobs.threshold),
        "trained_weights": [learned.weights[f] for f in t.features],
        "trained_threshold": learned.threshold,
        "trained_outputs": t.lamps(learned.weights, learned.threshold),
        "trained_epochs": epochs,
    }


def best_line_accuracy(X: np.ndarray, y: np.ndarray, n_angles: int = 360) -> float:
    """The best accuracy any straight line w·x − b = 0 reaches (a sweep of directions)."""
    best = 0.0
    for angle in np.linspace(0.0, 2.0 * np.pi, n_angles, endpoint=False):
        w = np.array([np.cos(angle), np.sin(angle)])
        s = np.sort(X @ w)
        # Thresholds between (and beyond) the sorted scores try every distinct split.
        for b in np.concatenate([[s[0] - 1], (s[:-1] + s[1:]) / 2, [s[-1] + 1]]):
            best = max(best, float(np.mean(perceptron_predict(w, X, b) == y)))
    return best


@lesson_numbers("xor-one-neuron")
def xor_one_neuron(epochs: int = 3000, lr: float = 0.5, seed: int = 0) -> dict:
    """One sigmoid neuron trained on XOR by gradient descent: it ends at w ≈ 0 and loss ln 2."""
    net = MLP([2, 1], output="sigmoid", seed=seed)
    accuracies: list[float] = []

    def record(trainer: Trainer) -> None:
        accuracies.append(accuracy(trainer.net.forward(XOR_X), XOR_Y))

    config = TrainConfig(loss="log", optimizer="sgd", lr=lr, batch_size=4)
    train_epochs(net, (XOR_X, XOR_Y), config, epochs, seed=seed, on_epoch=record)
    p = net.forward(XOR_X).ravel()
    return {
        "best_accuracy": max(accuracies),
        "final_accuracy": accuracies[-1],
        "final_loss": net.loss(XOR_X, XOR_Y, "log"),
        "ln2": float(np.log(2.0)),
        "weights": rounded(net.weights[0].ravel(), 6),
        "bias": rounded(float(bias_of(net)[0]), 6),
        "outputs": rounded(p, 6),
        "output_spread": float(np.max(p) - np.min(p)),
        "best_line_accuracy": best_line_accuracy(XOR_X, XOR_Y),
        "epochs": int(epochs),
    }


def hand_wired_xor() -> MLP:
    """XOR from three step neurons: h1 = [x1 − x2 > ½], h2 = [x2 − x1 > ½], out = [h1 + h2 > 0]."""
    net = MLP([2, 2, 1], activation="step", output="step", bias=True, init="zeros")
    net.set_params(
        [
            np.array([[1.0, -1.0], [-1.0, 1.0]]),  # column j holds neuron j's weights
            np.array([-0.5, -0.5]),  # threshold ½ written as a bias of −½
            np.array([[1.0], [1.0]]),
            np.array([0.0]),
        ]
    )
    return net


@lesson_numbers("xor-hand-wired")
def xor_hand_wired() -> dict:
    """The hand-wired XOR net run by the engine on the four corners."""
    net = hand_wired_xor()
    record = net.forward_record(XOR_X)
    return {
        "inputs": XOR_X.astype(int).tolist(),
        "hidden": record.activations[1].astype(int).tolist(),
        "outputs": record.output.ravel().astype(int).tolist(),
        "targets": XOR_Y.tolist(),
        "params": [p.tolist() for p in net.params],
        "accuracy": accuracy(record.output, XOR_Y),
    }

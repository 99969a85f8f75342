"""Numbers for the CS188 network lessons: shapes, collapse, log loss, backprop, learning rate."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnviz.data import make_dataset
from nnviz.engine import MLP, TrainConfig, Trainer, accuracy, log_loss_from_probability
from nnviz.engine.linear_collapse import collapse, collapse_difference
from nnviz.graph import parse
from nnviz.landscape import Racer, get_surface, lr_regimes
from nnviz.lessons.registry import lesson_numbers


@lesson_numbers("shapes")
def shapes(image_side: int = 10, features: int = 15) -> dict[str, Any]:
    """Weight counts and matrix shapes of bias-free nets, read off real MLPs."""
    small, wide = MLP([3, 2, 1], bias=False), MLP([3, 3, 1], bias=False)
    image = MLP([image_side * image_side, features, 1], bias=False)
    return {
        "weights_3_2_1": small.n_params,
        "weights_3_3_1": wide.n_params,
        "w1_shape_3_2_1": list(small.weights[0].shape),
        "w2_shape_3_2_1": list(small.weights[1].shape),
        "h_shape_3_2_1": list(small.forward_record(np.zeros((1, 3))).activations[1].shape),
        "image_side": int(image_side),
        "image_inputs": image.sizes[0],
        "features": int(features),
        "w1_shape_image": list(image.weights[0].shape),
        "weights_image": image.n_params,
    }


@lesson_numbers("linear-collapse")
def linear_collapse(
    sizes: tuple[int, ...] = (2, 4, 4, 3, 1), seed: int = 0, epochs: int = 2000, lr: float = 0.1
) -> dict[str, Any]:
    """A deep identity net equals one matrix on every point; trained on XOR it stays linear."""
    net = MLP(list(sizes), activation="identity", output="identity", bias=False, seed=seed)
    grid = np.stack(np.meshgrid(np.linspace(-6, 6, 25), np.linspace(-6, 6, 25)), -1)
    matrix, _ = collapse(net)
    xor = make_dataset("xor_corners")
    deep = MLP(list(sizes), activation="identity", output="sigmoid", bias=True, seed=seed)
    trainer = Trainer(deep, (xor.X, xor.y), config=TrainConfig(lr=lr, batch_size=4))
    for _ in range(int(epochs)):
        trainer.train_batch(np.arange(len(xor.X)))
    return {
        "sizes": [int(s) for s in sizes],
        "depth": net.n_layers,
        "product": matrix.tolist(),
        "product_shape": list(matrix.shape),
        "n_points": int(grid.size // 2),
        "max_difference": collapse_difference(net, grid.reshape(-1, 2)),
        "xor_accuracy": accuracy(deep.forward(xor.X), xor.y, "log"),
        "xor_max_difference": collapse_difference(deep, xor.X),
    }


@lesson_numbers("log-loss")
def log_loss_table(
    cases: tuple[tuple[int, float], ...] = ((1, 0.1), (0, 0.0), (1, 0.8)),
) -> dict[str, Any]:
    """The lecture's table: y = 1 → −log p, y = 0 → −log(1 − p), natural log and base 10."""
    table = [log_loss_from_probability(p, y) for y, p in cases]
    table10 = [log_loss_from_probability(p, y, base=10.0) for y, p in cases]
    return {
        "cases": [[int(y), float(p)] for y, p in cases],
        "table": table,
        "table_base10": table10,
        "total": float(sum(table)),
        "total_base10": float(sum(table10)),
    }


@lesson_numbers("backprop-board")
def backprop_board(formula: str = "w1**4*w2 + 5*w3", values: dict | None = None) -> dict[str, Any]:
    """The worked example through the op graph: forward a, b, c, g; backward ∂g/∂w."""
    values = values or {"w1": 2.0, "w2": 3.0, "w3": 2.0}
    graph = parse(formula, values, ("a", "b", "c", "g"))
    grads = graph.backward()
    node = graph.node
    return {
        "formula": formula,
        "values": [float(values[k]) for k in ("w1", "w2", "w3")],
        "forward": [float(node(k).value) for k in ("a", "b", "c", "g")],
        "gradient": [float(grads[k]) for k in ("w1", "w2", "w3")],
        "dg_da": float(node("a").grad),
        "da_dw1": float(node("a").grad and grads["w1"] / node("a").grad),
        "all_go_down": bool(all(grads[k] > 0 for k in ("w1", "w2", "w3"))),
    }


@lesson_numbers("learning-rate")
def learning_rate(condition: float = 10.0, steps: int = 200) -> dict[str, Any]:
    """Plain gradient descent on the bowl at the four example rates: what each one does."""
    bowl = get_surface("bowl", condition=condition)
    out: dict[str, dict] = {"lr": {}, "factor": {}, "outcome": {}, "steps": {}, "loss": {}}
    for regime in lr_regimes(bowl.lambda_max or 1.0):
        racer = Racer("sgd", bowl.loss_and_grad, bowl.start, lr=regime.lr)
        for _ in range(int(steps)):
            racer.step()
        outcome = {"running": "still going"}.get(racer.status, racer.status)
        for key, value in (
            ("lr", regime.lr),
            ("factor", regime.factor),
            ("outcome", outcome),
            ("steps", racer.steps),
            ("loss", racer.loss),
        ):
            out[key][regime.name] = value
    return {"max_steps": int(steps), "critical_lr": 2.0 / (bowl.lambda_max or 1.0), **out}

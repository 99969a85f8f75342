"""Tracing one example: the op graph's gradients equal the engine's and finite differences."""

import itertools

import numpy as np
import pytest

from nnviz.engine.gradcheck import numerical_gradient
from nnviz.engine.mlp import MLP
from nnviz.graph import trace_example
from nnviz.graph.steps import build_steps
from nnviz.graph.text import fmt
from nnviz.graph.trace import graph_param_grads

HIDDEN = ["identity", "sigmoid", "tanh", "relu", "leaky_relu", "step"]
# (loss, output activation, number of outputs)
HEADS = [
    ("mse", "identity", 1),
    ("mse", "identity", 2),
    ("mse", "tanh", 1),
    ("mse", "softmax", 3),
    ("log", "sigmoid", 1),
    ("log", "sigmoid", 2),
    ("cross_entropy", "softmax", 3),
    ("hinge", "identity", 1),
    ("hinge", "tanh", 2),
]
CASES = list(itertools.product(HIDDEN, HEADS, [True, False]))
IDS = [f"{a}-{loss}+{out}{d}-{'bias' if b else 'nobias'}" for a, (loss, out, d), b in CASES]


def label(loss: str, d: int, rng: np.random.Generator):
    """A random label of the right kind for the loss (hinge may use 0 for the negative class)."""
    if loss == "cross_entropy":
        return int(rng.integers(0, d))
    if loss == "log":
        return rng.integers(0, 2, size=d).astype(float)
    if loss == "hinge":
        return rng.choice([-1.0, 0.0, 1.0], size=d)
    return rng.normal(size=d)


def engine_y(loss: str, y) -> np.ndarray:
    """The same label shaped as a batch of one for the engine."""
    return np.array([y]) if loss == "cross_entropy" else np.asarray(y, float).reshape(1, -1)


def far_from_kinks(net, x, y, loss) -> bool:
    """True if no ±1e-6 probe can cross a kink of relu, leaky relu, step or the hinge."""
    rec = net.forward_record(x[None])
    if min(np.abs(z).min() for z in rec.zs) < 1e-4:
        return False
    if loss == "hinge":
        sign = np.where(np.asarray(y) > 0, 1.0, -1.0)
        return bool(np.abs(1 - sign * rec.output[0]).min() > 1e-4)
    return True


@pytest.mark.parametrize(("act", "head", "bias"), CASES, ids=IDS)
def test_traced_gradients_equal_engine_and_finite_differences(act, head, bias):
    """Traced leaf gradients == engine loss_and_grads == central differences (rel. ≤ 1e-6)."""
    loss, out, d = head
    rng = np.random.default_rng(CASES.index((act, head, bias)))
    for _ in range(50):  # redraw until no finite-difference probe straddles a kink
        net = MLP([2, 3, 2, d], act, out, bias=bias, init="xavier", seed=int(rng.integers(1e6)))
        x, y = rng.normal(size=2), label(loss, d, rng)
        if far_from_kinks(net, x, y, loss):
            break
    else:
        pytest.fail("no example away from the kinks")
    g = trace_example(net, x, y, loss=loss)
    value, engine = net.loss_and_grads(x[None], engine_y(loss, y), loss=loss, reduction="mean")
    traced = graph_param_grads(g, net)
    assert g.output.value == pytest.approx(value, rel=1e-12, abs=1e-14)
    for p, t, e in zip(net.params, traced, engine, strict=True):
        numeric = numerical_gradient(lambda: net.loss(x[None], engine_y(loss, y), loss), p)
        scale = np.maximum(1.0, np.maximum(np.abs(t), np.abs(numeric)))
        assert np.max(np.abs(t - e) / scale) <= 1e-12
        assert np.max(np.abs(t - numeric) / scale) <= 1e-6


def test_leaves_and_nodes_are_named_like_the_lecture():
    """Inputs x1, x2; weights W1[i,j] (input i → neuron j); biases b1[j]; L; all 1-based."""
    net = MLP([2, 2, 1], "sigmoid", "sigmoid", seed=0)
    g = trace_example(net, [0.5, -0.5], 1, loss="log")
    names = [n.name for n in g.leaves]
    assert names[:2] == ["x1", "x2"]
    assert {"W1[1,2]", "W1[2,2]", "b1[2]", "W2[2,1]", "b2[1]"} <= set(names)
    assert g.output.name == "L"
    assert g.node("x1·W1[1,2]").op == "mul"
    assert g.node("z1[2]").op == "sum" and g.node("h1[2]").op == "sigmoid"
    assert g.node("x1").value == 0.5 and g.node("W1[1,2]").value == net.weights[0][0, 1]


def test_metadata_points_at_the_network():
    """Products and parameters name their layer, neuron and parameter for the network view."""
    net = MLP([2, 3, 1], "tanh", "identity", seed=1)
    g = trace_example(net, [1.0, 2.0], 0.5)
    product = g.node("x2·W1[2,1]")
    assert product.meta["layer"] == 1 and product.meta["neuron"] == 0
    assert product.meta["role"] == "product" and product.meta["param"] == ("W", 0, 1, 0)
    bias = g.node("b2[1]")
    assert bias.meta["param"] == ("b", 1, 0) and bias.meta["param_index"] == 3
    assert g.node("z1[3]").meta == {"layer": 1, "neuron": 2, "role": "sum"}


def test_without_bias_there_are_no_bias_leaves():
    """A bias-free network (as in CS188) traces to products and sums only."""
    net = MLP([3, 2, 1], "sigmoid", "sigmoid", bias=False, seed=0)
    g = trace_example(net, [1.0, 0.0, -1.0], 0, loss="log")
    assert not any(n.name.startswith("b") for n in g.leaves)
    assert len(g.leaves) == 3 + 6 + 2  # the 3-2-1 net's inputs and its 8 weights


def test_cross_entropy_builds_softmax_from_ops():
    """Softmax is composed: exp of each logit, their sum, the true class's share, −log."""
    net = MLP([2, 3], "tanh", "softmax", seed=0)
    g = trace_example(net, [0.2, 0.4], 2, loss="cross_entropy")
    assert [g.node(f"exp z1[{k}]").op for k in range(1, 4)] == ["exp"] * 3
    assert g.node("Σ exp").op == "sum" and g.node("ŷ[3]").op == "div"
    assert g.output.op == "neg" and g.node("log ŷ[3]").op == "log"
    probs = net.forward(np.array([[0.2, 0.4]]))[0]
    assert g.node("ŷ[3]").value == pytest.approx(probs[2], rel=1e-14)


def test_log_loss_of_a_zero_label_uses_one_minus_p():
    """y = 0 → L = −log(1 − p): the graph has the 1 − p node."""
    net = MLP([2, 1], "identity", "sigmoid", seed=0)
    g = trace_example(net, [1.0, 1.0], 0, loss="log")
    p = g.node("ŷ").value
    assert g.node("1 − ŷ").value == pytest.approx(1 - p)
    assert g.output.value == pytest.approx(-np.log(1 - p))


@pytest.mark.parametrize(
    ("sizes", "out", "x", "y", "loss", "message"),
    [
        ([2, 1], "identity", [1.0, 2.0], 1, "log", "needs a sigmoid output"),
        ([2, 2], "sigmoid", [1.0, 2.0], 1, "cross_entropy", "needs a softmax output"),
        ([2, 1], "identity", [1.0, 2.0], 1, "huber", "unknown loss"),
        ([2, 1], "identity", [1.0], 1, "mse", "takes 2 inputs"),
        ([2, 1], "identity", [1.0, 2.0], [1, 2], "mse", "1 outputs"),
        ([2, 3], "softmax", [1.0, 2.0], 3, "cross_entropy", "class labels must be 0..2"),
    ],
)
def test_bad_requests_are_clear_errors(sizes, out, x, y, loss, message):
    """Wrong loss for the output, wrong input size or wrong label give one clear message."""
    net = MLP(sizes, "tanh", out, seed=0)
    with pytest.raises(ValueError, match=message):
        trace_example(net, x, y, loss=loss)


@pytest.mark.parametrize(
    ("y", "loss", "out", "board"),
    [
        (0, "log", "sigmoid", "L = −log(1 − ŷ) = −log(1 − "),
        (1, "log", "sigmoid", "L = −log ŷ = −log "),
        (1, "mse", "sigmoid", "L = (ŷ − y)² = ("),
        (2, "cross_entropy", "softmax", "L = −log ŷ[3] = −log "),
    ],
)
def test_the_loss_reads_like_the_board(y, loss, out, board):
    """The loss step says −log(1 − ŷ) with ŷ plugged in, never neg(log(…))."""
    n_out = 3 if out == "softmax" else 1
    net = MLP([2, 2, n_out], "tanh", out, seed=0)
    g = trace_example(net, [0.3, -0.4], y, loss=loss)
    formula = build_steps(g).forward[-1].formula
    assert formula.startswith(board) and "neg" not in formula
    assert formula.endswith(fmt(g.output.value))

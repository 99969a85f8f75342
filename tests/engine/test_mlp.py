"""The MLP: backprop against finite differences, shapes, parameters, errors, serialisation."""

import itertools
import json

import numpy as np
import pytest

from nnviz.engine.gradcheck import check_gradients
from nnviz.engine.mlp import MLP
from nnviz.engine.problem import Problem

HIDDEN = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]
# (loss, output activation, number of outputs)
HEADS = [
    ("mse", "identity", 2),
    ("mse", "tanh", 1),
    ("mse", "softmax", 3),  # exercises the softmax Jacobian-vector product
    ("log", "sigmoid", 1),
    ("cross_entropy", "softmax", 3),
    ("hinge", "identity", 1),
]
REGS = [(0.0, 0.0), (0.03, 0.0), (0.0, 0.2), (0.03, 0.2)]
KINKED = {"relu", "leaky_relu"}


def targets(loss, out, d, n, rng):
    """Random labels of the right kind for a loss."""
    if loss == "cross_entropy":
        return rng.integers(0, d, size=n)
    if loss == "log":
        return rng.integers(0, 2, size=n).astype(float)
    if loss == "hinge":
        return rng.choice([-1.0, 1.0], size=n)
    if out == "softmax":
        return rng.dirichlet(np.ones(d), size=n)
    return rng.normal(size=(n, d))


def far_from_kinks(net, X, y, loss, l1, act):
    """True if no finite-difference probe (±1e-6) can cross a kink of relu, hinge or |w|."""
    rec = net.forward_record(X)
    if act in KINKED and min(np.abs(z).min() for z in rec.zs[:-1]) < 1e-4:
        return False
    if loss == "hinge" and np.abs(1 - y.reshape(-1, 1) * rec.output).min() < 1e-4:
        return False
    return not (l1 and min(np.abs(w).min() for w in net.weights) < 1e-4)


CASES = list(itertools.product(HIDDEN, HEADS, [True, False], REGS, ["mean", "sum"]))
CASE_IDS = [
    f"{act}-{loss}+{out}-{'bias' if bias else 'nobias'}-l1={l1}-l2={l2}-{red}"
    for act, (loss, out, _), bias, (l1, l2), red in CASES
]


@pytest.mark.parametrize(("act", "head", "bias", "reg", "reduction"), CASES, ids=CASE_IDS)
def test_backprop_equals_finite_differences(act, head, bias, reg, reduction):
    """Every parameter's backprop gradient equals central differences (rel. error ≤ 1e-6)."""
    loss, out, d = head
    l1, l2 = reg
    rng = np.random.default_rng(CASES.index((act, head, bias, reg, reduction)))
    for attempt in range(20):
        net = MLP([3, 4, 3, d], act, out, bias=bias, seed=attempt, init_scale=2.0)
        X = rng.normal(size=(6, 3))
        y = targets(loss, out, d, 6, rng)
        if far_from_kinks(net, X, y, loss, l1, act):
            break
    else:  # pragma: no cover - would mean the test data itself is degenerate
        pytest.fail("could not draw a net and data away from the kinks")
    errors = check_gradients(Problem(net, X, y, loss, l1, l2), reduction)
    assert len(errors) == len(net.params)
    assert max(errors) <= 1e-6, errors


def test_weight_shapes_are_row_vector_convention():
    """W is (n_in, n_out), one column per neuron; params are [W1, b1, W2, b2, …]."""
    net = MLP([3, 5, 2])
    assert [p.shape for p in net.params] == [(3, 5), (5,), (5, 2), (2,)]
    assert net.n_layers == 2 and net.n_params == 15 + 5 + 10 + 2


def test_bias_false_drops_biases():
    """bias=False leaves only the weight matrices in params."""
    net = MLP([3, 3, 1], bias=False)
    assert [p.shape for p in net.params] == [(3, 3), (3, 1)]
    assert net.biases == [None, None]


def test_forward_is_act_of_x_w_plus_b():
    """forward computes act(x·W + b) layer by layer, as written in the lectures."""
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=4)
    X = np.array([[0.5, -1.0], [2.0, 0.1]])
    h = np.tanh(X @ net.weights[0] + net.biases[0])
    out = 1 / (1 + np.exp(-(h @ net.weights[1] + net.biases[1])))
    assert np.allclose(net.forward(X), out)


def test_forward_record_keeps_every_layer():
    """forward_record keeps X as activations[0] and each layer's z and a."""
    net = MLP([2, 4, 3, 1], seed=1)
    X = np.ones((5, 2))
    rec = net.forward_record(X)
    assert [a.shape for a in rec.activations] == [(5, 2), (5, 4), (5, 3), (5, 1)]
    assert [z.shape for z in rec.zs] == [(5, 4), (5, 3), (5, 1)]
    assert np.array_equal(rec.activations[0], X) and rec.output is rec.activations[-1]


def test_one_dimensional_inputs_are_accepted():
    """A single example as a 1-D vector, or N scalars for a 1-input net, both work."""
    assert MLP([2, 3, 1]).forward(np.array([0.1, 0.2])).shape == (1, 1)
    assert MLP([1, 3, 1]).forward(np.linspace(0, 1, 7)).shape == (7, 1)
    with pytest.raises(ValueError, match="columns"):
        MLP([2, 3, 1]).forward(np.ones((4, 3)))


def test_same_seed_same_weights_and_init_schemes():
    """The seed fixes every weight; each init scheme has its documented range."""
    a, b = MLP([2, 8, 1], seed=3), MLP([2, 8, 1], seed=3)
    assert all(np.array_equal(p, q) for p, q in zip(a.params, b.params, strict=True))
    assert not np.array_equal(MLP([2, 8, 1], seed=4).weights[0], a.weights[0])
    assert np.all(np.abs(a.weights[0]) <= 0.5) and np.all(a.biases[0] == 0.1)
    x = MLP([30, 20, 1], init="xavier")
    assert np.all(np.abs(x.weights[0]) <= np.sqrt(6 / 50)) and np.all(x.biases[0] == 0)
    he = MLP([400, 300, 1], init="he")
    assert np.isclose(he.weights[0].std(), np.sqrt(2 / 400), rtol=0.05)
    assert all(np.all(w == 0) for w in MLP([2, 3, 1], init="zeros").weights)
    scaled = MLP([2, 8, 1], seed=3, init_scale=0.1)
    assert np.allclose(scaled.weights[0], 0.1 * a.weights[0])


def test_flat_round_trip():
    """get_flat/set_flat move every parameter, in params order, in place."""
    net = MLP([2, 3, 2], seed=0)
    ids = [id(p) for p in net.params]
    theta = np.arange(net.n_params, dtype=float)
    net.set_flat(theta)
    assert np.array_equal(net.get_flat(), theta)
    assert [id(p) for p in net.params] == ids
    assert np.array_equal(net.weights[0], theta[:6].reshape(2, 3))
    with pytest.raises(ValueError, match="parameters"):
        net.set_flat(np.zeros(net.n_params + 1))


def test_copy_is_independent():
    """A copy has equal weights that do not change when the original does."""
    net = MLP([2, 3, 1], seed=0)
    twin = net.copy()
    net.weights[0] += 1.0
    assert not np.allclose(twin.weights[0], net.weights[0])
    assert twin.activations == net.activations and twin.sizes == net.sizes


def test_dict_round_trip_is_json_safe():
    """to_dict → JSON → from_dict rebuilds the same network and outputs."""
    net = MLP([2, 4, 3], ["relu"], "softmax", bias=True, init="xavier", seed=9)
    twin = MLP.from_dict(json.loads(json.dumps(net.to_dict())))
    X = np.random.default_rng(0).normal(size=(5, 2))
    assert np.array_equal(twin.forward(X), net.forward(X))
    assert twin.activations == ["relu", "softmax"] and twin.init == "xavier"
    no_hidden = MLP([3, 1], output="sigmoid", bias=False)
    assert MLP.from_dict(no_hidden.to_dict()).activations == ["sigmoid"]


def test_from_dict_rejects_bad_weights():
    """Wrong shapes, a wrong count or non-finite saved weights are refused."""
    d = MLP([2, 3, 1]).to_dict()
    bad_shape = {**d, "params": [[[1.0]], *d["params"][1:]]}
    nonfinite = {**d, "params": [np.full((2, 3), np.nan).tolist(), *d["params"][1:]]}
    too_few = {**d, "params": d["params"][:2]}
    for broken in (bad_shape, nonfinite, too_few):
        with pytest.raises(ValueError):
            MLP.from_dict(broken)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"sizes": [2]}, "sizes"),
        ({"sizes": [2, 0, 1]}, "sizes"),
        ({"sizes": [2, 3, 1], "activation": "softmax"}, "output layer"),
        ({"sizes": [2, 1], "output": "softmax"}, "2 output"),
        ({"sizes": [2, 3, 3, 1], "activation": ["tanh"]}, "activations"),
        ({"sizes": [2, 3, 1], "activation": "swish"}, "unknown activation"),
        ({"sizes": [2, 3, 1], "init": "orthogonal"}, "unknown init"),
    ],
)
def test_bad_architecture_raises(kwargs, match):
    """Impossible architectures raise ValueError with a readable message."""
    with pytest.raises(ValueError, match=match):
        MLP(**kwargs)


def test_per_layer_activations():
    """A list gives one activation per hidden layer."""
    net = MLP([2, 3, 3, 1], ["relu", "tanh"], "sigmoid")
    assert net.activations == ["relu", "tanh", "sigmoid"]


def test_loss_errors():
    """Loss/output mismatch, label count, and bad reduction are ValueErrors."""
    net = MLP([2, 3, 1], output="identity")
    X = np.zeros((4, 2))
    with pytest.raises(ValueError, match="sigmoid output"):
        net.loss_and_grads(X, np.zeros(4), loss="log")
    with pytest.raises(ValueError, match="labels"):
        net.loss(X, np.zeros(3))
    with pytest.raises(ValueError, match="reduction"):
        net.loss(X, np.zeros(4), reduction="avg")


def test_reductions_and_per_example():
    """sum = N·mean for log loss; mean MSE divides by N·D; per-example values add up."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(7, 2))
    y = rng.integers(0, 2, size=7)
    net = MLP([2, 3, 1], output="sigmoid", seed=1)
    mean = net.loss(X, y, "log")
    assert np.isclose(net.loss(X, y, "log", reduction="sum"), 7 * mean)
    assert np.isclose(net.per_example_loss(X, y, "log").sum(), 7 * mean)
    reg = MLP([2, 3, 2], seed=1)
    Y = rng.normal(size=(7, 2))
    assert np.isclose(reg.loss(X, Y, "mse"), np.mean((reg.forward(X) - Y) ** 2))


def test_penalty_is_on_weights_only():
    """L1 adds λ·Σ|w| and L2 ½·λ·Σw², over weights but never biases."""
    net = MLP([2, 3, 1], seed=2)
    for b in net.biases:
        b[...] = 5.0  # large biases must not change the penalty
    X, y = np.zeros((3, 2)), np.zeros(3)
    base = net.loss(X, y)
    sum_abs = sum(np.abs(w).sum() for w in net.weights)
    sum_sq = sum((w * w).sum() for w in net.weights)
    assert np.isclose(net.loss(X, y, l1=0.1) - base, 0.1 * sum_abs)
    assert np.isclose(net.loss(X, y, l2=0.1) - base, 0.05 * sum_sq)
    _, grads = net.loss_and_grads(X, y, l2=0.1)
    _, plain = net.loss_and_grads(X, y)
    assert np.allclose(grads[0] - plain[0], 0.1 * net.weights[0])
    assert np.allclose(grads[1], plain[1])  # bias gradient untouched


def test_grads_align_with_params():
    """loss_and_grads returns one gradient per parameter, of the same shape."""
    net = MLP([2, 4, 2, 1], bias=False, output="sigmoid")
    loss, grads = net.loss_and_grads(np.ones((3, 2)), np.array([0, 1, 1]), "log")
    assert isinstance(loss, float)
    assert [g.shape for g in grads] == [p.shape for p in net.params]


@pytest.mark.parametrize("loss, output", [("mse", "identity"), ("log", "sigmoid")])
def test_loss_is_exactly_the_value_loss_and_grads_reports(loss, output):
    """loss() and loss_and_grads() share one forward pass and loss: the same float, bit for bit."""
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(9, 2)), rng.integers(0, 2, size=9)
    net = MLP([2, 4, 1], output=output, seed=5)
    for reduction in ("mean", "sum"):
        value, _ = net.loss_and_grads(X, y, loss, 0.01, 0.1, reduction)
        assert net.loss(X, y, loss, 0.01, 0.1, reduction) == value

"""The lectures' numbers and claims, reproduced by the engine (see shared/lectures.md)."""

import itertools

import numpy as np
import pytest

from nnviz.engine.activations import ACTIVATIONS, sigmoid, softmax
from nnviz.engine.losses import LOSSES, log_loss_from_probability
from nnviz.engine.metrics import accuracy
from nnviz.engine.mlp import MLP
from nnviz.engine.perceptron import Perceptron
from nnviz.engine.trainer import TrainConfig, Trainer

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


# ----- CS188 part 1: perceptron, sigmoid, softmax -------------------------------------------
def test_perceptron_step_output():
    """The step activation fires 1 for z > 0 and 0 otherwise (z = 0 included)."""
    step = ACTIVATIONS["step"].value
    assert step(np.array([-2.0, -1e-12, 0.0, 1e-12, 3.0])).tolist() == [0, 0, 0, 1, 1]


def test_sigmoid_values():
    """σ(0) = 0.5 and σ(5) = 0.9933 to four places."""
    assert float(sigmoid(0.0)) == 0.5
    assert round(float(sigmoid(5.0)), 4) == 0.9933


def test_softmax_example():
    """softmax(5, 6, −2) = (0.2689, 0.7309, 0.000245)."""
    p = softmax(np.array([5.0, 6.0, -2.0]))
    assert round(p[0], 4) == 0.2689 and round(p[1], 4) == 0.7309
    assert np.isclose(p[2], 0.000245, atol=5e-7)


def test_two_class_softmax_is_sigmoid_of_difference():
    """softmax(z1, z2)_1 = σ(z1 − z2) for any pair of scores."""
    rng = np.random.default_rng(0)
    z = rng.normal(scale=4.0, size=(50, 2))
    assert np.allclose(softmax(z)[:, 0], sigmoid(z[:, 0] - z[:, 1]))


@pytest.mark.parametrize(("base", "expected"), [(np.e, 0.731), (100.0, 0.990)])
def test_sharpness_of_the_base(base, expected):
    """1/(1 + b^(−z)) = σ(z·ln b); at z = 1: b = e → 0.731, b = 100 → 0.990."""
    value = float(sigmoid(1.0 * np.log(base)))
    assert np.isclose(value, 1 / (1 + base**-1.0))
    assert round(value, 3) == expected


def test_large_base_approaches_the_step():
    """As b → ∞ the sigmoid becomes the perceptron's step."""
    z = np.array([-0.5, -0.1, 0.1, 0.5])
    step = ACTIVATIONS["step"].value(z)
    gaps = [np.abs(sigmoid(z * np.log(b)) - step).max() for b in (np.e, 100.0, 1e10, 1e300)]
    assert np.all(np.diff(gaps) < 0) and gaps[-1] < 1e-12


# ----- CS188 part 2: the log-loss table ---------------------------------------------------
def test_log_loss_table():
    """(y=1, p=0.1) → 2.302585; (y=0, p=0) → exactly 0; (y=1, p=0.8) → 0.223144; base 10 too."""
    assert round(log_loss_from_probability(0.1, 1), 6) == 2.302585
    assert log_loss_from_probability(0.0, 0) == 0.0
    assert round(log_loss_from_probability(0.8, 1), 6) == 0.223144
    assert np.isclose(log_loss_from_probability(0.1, 1, base=10), 1.0)
    assert np.isclose(log_loss_from_probability(0.8, 1, base=10), -np.log10(0.8))


def test_engine_log_loss_from_logits_is_exact_and_never_nan():
    """From logits: z = −inf (p = 0) with y = 0 gives exactly 0.0; |z| ≤ 1e4 never NaN."""
    log = LOSSES["log"]
    z = np.array([[-np.inf]])
    assert log.per_example(z, sigmoid(z), np.zeros((1, 1)))[0] == 0.0
    big = np.array([[-1e4], [-1e3], [0.0], [1e3], [1e4]])
    for y in (0.0, 1.0):
        values = log.per_example(big, sigmoid(big), np.full_like(big, y))
        assert not np.any(np.isnan(values))
    # Through a whole network whose output neuron saturates at ±1e4.
    net = MLP([1, 1], output="sigmoid", bias=False)
    net.weights[0][...] = 1e4
    X = np.array([[-1.0], [1.0]])
    loss, grads = net.loss_and_grads(X, np.array([0.0, 1.0]), "log", reduction="sum")
    assert loss == 0.0 and np.all(np.isfinite(grads[0]))
    wrong, _ = net.loss_and_grads(X, np.array([1.0, 0.0]), "log", reduction="sum")
    assert np.isclose(wrong, 2e4)


# ----- CS188 toy logistic regression --------------------------------------------------------
def test_cs188_toy_log_likelihood_at_zero():
    """Three points at w = (0, 0): ll = 3·log 0.5 = −2.0794, so the summed log loss is 2.0794."""
    net = MLP([2, 1], output="sigmoid", bias=False, init="zeros")
    X = np.array([[2.0, 1.0], [-1.0, 3.0], [0.5, -2.0]])
    y = np.array([1, 0, 1])
    loss = net.loss(X, y, "log", reduction="sum")
    assert np.isclose(-loss, 3 * np.log(0.5))
    assert round(loss, 4) == 2.0794


def test_cs188_toy_gradient_of_one_term():
    """∇ log σ(2w1 + w2) at w = 0 is (1.0, 0.5): ascent on ll is descent on the loss −ll."""
    net = MLP([2, 1], output="sigmoid", bias=False, init="zeros")
    _, grads = net.loss_and_grads(np.array([[2.0, 1.0]]), np.array([1]), "log", reduction="sum")
    ascent = -grads[0].ravel()
    assert np.allclose(ascent, [1.0, 0.5])
    # One gradient-ascent step on ll and one descent step on −ll land on the same weights.
    alpha = 0.1
    assert np.allclose(net.weights[0].ravel() + alpha * ascent, -alpha * grads[0].ravel())


def test_network_dimensions():
    """3-3-1 without bias has 12 weights; a 100-15-1 net has W1 of shape 100×15."""
    assert MLP([3, 3, 1], bias=False).n_params == 12
    assert MLP([3, 2, 1], "sigmoid", "sigmoid", bias=False).weights[0].shape == (3, 2)
    assert MLP([100, 15, 1]).weights[0].shape == (100, 15)


def test_batch_forward_equals_row_by_row():
    """Stacking examples as rows of X gives row i of Y for row i of X."""
    rng = np.random.default_rng(0)
    net = MLP([3, 5, 4, 2], "tanh", "softmax", seed=7)
    X = rng.normal(size=(9, 3))
    batch = net.forward(X)
    rows = np.vstack([net.forward(X[i : i + 1]) for i in range(len(X))])
    assert np.allclose(batch, rows, rtol=0, atol=1e-15)


# ----- XOR: one neuron cannot, two layers can -----------------------------------------------
def single_neuron_accuracies(weights):
    """Accuracy on the XOR corners of sigmoid neurons with the given (w1, w2, b) rows."""
    net = MLP([2, 1], output="sigmoid")
    out = []
    for w1, w2, b in weights:
        net.set_flat(np.array([w1, w2, b]))
        out.append(accuracy(net.forward(XOR_X), XOR_Y))
    return np.array(out)


def test_no_single_neuron_solves_xor_random_weights():
    """10,000 random neurons, of all scales: none classifies all four XOR corners."""
    rng = np.random.default_rng(0)
    weights = rng.normal(size=(10_000, 3)) * rng.choice([0.1, 1.0, 10.0, 1e3], size=(10_000, 1))
    acc = single_neuron_accuracies(weights)
    assert acc.max() == 0.75  # three out of four is reachable, four is not


def test_no_single_neuron_solves_xor_grid():
    """A grid over (w1, w2, b) including zero and ties: none reaches 4/4 either."""
    axis = np.linspace(-3, 3, 25)
    acc = single_neuron_accuracies(itertools.product(axis, axis, axis))
    assert acc.max() < 1.0


def test_single_neuron_xor_argument():
    """Why: z(1,0) + z(0,1) = z(0,0) + z(1,1) for every w, b, so both positives can't win."""
    rng = np.random.default_rng(1)
    net = MLP([2, 1], output="identity")
    for _ in range(100):
        net.set_flat(rng.normal(size=3))
        z = net.forward(XOR_X).ravel()
        assert np.isclose(z[1] + z[2], z[0] + z[3])
        # Positives need z[1], z[2] > 0 and negatives z[0], z[3] ≤ 0: their sums would differ.
        assert not (z[1] > 0 and z[2] > 0 and z[0] <= 0 and z[3] <= 0)


def test_hand_wired_xor_net():
    """h1 = [x1 − x2 > ½], h2 = [x2 − x1 > ½], out = [h1 + h2 > 0] computes XOR exactly."""
    net = MLP([2, 2, 1], "step", "step")
    net.set_params(
        [
            np.array([[1.0, -1.0], [-1.0, 1.0]]),  # column j holds neuron h_j's weights
            np.array([-0.5, -0.5]),  # threshold ½ as bias −½
            np.array([[1.0], [1.0]]),
            np.array([0.0]),
        ]
    )
    assert net.forward(XOR_X).ravel().tolist() == [0.0, 1.0, 1.0, 0.0]
    hidden = net.forward_record(XOR_X).activations[1]
    assert hidden.tolist() == [[0, 0], [0, 1], [1, 0], [0, 0]]


def test_trained_2_4_1_tanh_net_solves_xor():
    """A 2-4-1 tanh net with sigmoid output, trained from seed 0, reaches 4/4 on XOR."""
    net = MLP([2, 4, 1], "tanh", "sigmoid", seed=0)
    config = TrainConfig(loss="log", optimizer="sgd", lr=0.3, batch_size=4)
    trainer = Trainer(net, (XOR_X, XOR_Y), config=config, seed=0)
    assert accuracy(net.forward(XOR_X), XOR_Y) < 1.0  # it really had to learn
    for event in trainer.run():
        if event.kind == "epoch" and event.epoch == 500:
            break
    assert accuracy(net.forward(XOR_X), XOR_Y) == 1.0
    assert trainer.history.values["train_acc"][-1] == 1.0


# ----- without nonlinearity the net is one matrix -------------------------------------------
def test_identity_deep_net_is_one_matrix():
    """With identity activations and no bias, forward(x) = x·(W1·W2·…·Wn)."""
    net = MLP([3, 5, 4, 6, 2], "identity", "identity", bias=False, seed=3)
    X = np.random.default_rng(0).normal(size=(8, 3))
    W = np.linalg.multi_dot(net.weights)
    assert W.shape == (3, 2)
    assert np.allclose(net.forward(X), X @ W)


def test_linear_net_cannot_separate_xor():
    """Least squares' best affine fit is 0.5 everywhere (2/4); a trained linear net is < 4/4."""
    A = np.column_stack([XOR_X, np.ones(4)])
    coef, *_ = np.linalg.lstsq(A, XOR_Y.astype(float), rcond=None)
    fitted = np.round(A @ coef, 12)  # exactly 0.5 at every corner, up to rounding noise
    assert np.allclose(fitted, 0.5)
    assert accuracy(fitted, XOR_Y) == 0.5
    net = MLP([2, 4, 4, 1], "identity", "sigmoid", seed=0)
    trainer = Trainer(net, (XOR_X, XOR_Y), config=TrainConfig(lr=0.3, batch_size=4))
    for event in trainer.run():
        if event.kind == "epoch" and event.epoch == 300:
            break
    assert accuracy(net.forward(XOR_X), XOR_Y) < 1.0
    z = net.forward_record(XOR_X).zs[-1].ravel()  # still affine in x, whatever the depth
    assert np.isclose(z[1] + z[2], z[0] + z[3])


# ----- perceptron: converges or thrashes; averaging settles ---------------------------------
def test_perceptron_converges_on_separable_data():
    """AND is separable: the perceptron reaches an epoch with zero mistakes."""
    p = Perceptron(2)
    y_and = np.array([0, 0, 0, 1])
    mistakes = [p.epoch(XOR_X, y_and) for _ in range(50)]
    assert 0 in mistakes and p.errors(XOR_X, y_and) == 0


def test_perceptron_never_converges_on_xor():
    """XOR over 100 epochs: every epoch has a mistake; the averaged one's error is steady."""
    p = Perceptron(2)
    mistakes, averaged = [], []
    for _ in range(100):
        mistakes.append(p.epoch(XOR_X, XOR_Y))
        averaged.append(p.errors(XOR_X, XOR_Y, averaged=True))
    assert min(mistakes) > 0
    assert len(set(averaged[-50:])) == 1 and averaged[-1] >= 1

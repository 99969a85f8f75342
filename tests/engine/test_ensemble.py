"""The stacked ensemble: every member trains exactly as the same network would alone."""

import numpy as np
import pytest

from nnviz.engine.ensemble import Ensemble, Member
from nnviz.engine.mlp import MLP
from nnviz.engine.optimizers import make_optimizer
from nnviz.engine.trainer import TrainConfig, Trainer

OPTIMIZERS = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
MEMBERS = [
    Member((3, 2), seed=0, lr=0.05, l2=0.0),
    Member((5, 4), seed=1, lr=0.02, l2=0.01),
    Member((1, 4), seed=2, lr=0.10, l2=0.003),
    Member((5, 1), seed=3, lr=0.01, l2=0.02),
]


def data(n=24, seed=0):
    """A small two-class problem in the plane."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def alone(member, X, y, steps, optimizer, loss="log", output="sigmoid", bias=True, **opts):
    """Train one member by itself with MLP.loss_and_grads + make_optimizer, full batch."""
    net = MLP([2, *member.hidden, 1], "tanh", output, bias, seed=member.seed)
    opt = make_optimizer(optimizer, net.params, lr=member.lr, **opts)
    losses = []
    for _ in range(steps):
        value, grads = net.loss_and_grads(X, y, loss, member.l1, member.l2)
        losses.append(value)
        opt.step(grads)
    return losses, net.params


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_full_batch_members_match_training_alone(optimizer, bias):
    """Mixed widths, own lr and L2: each member's losses and weights equal its solo run."""
    X, y = data()
    ens = Ensemble(2, 1, MEMBERS, output="sigmoid", bias=bias, loss="log", optimizer=optimizer)
    history = ens.fit(X, y, steps=25)
    for k, member in enumerate(MEMBERS):
        losses, params = alone(member, X, y, 25, optimizer, bias=bias)
        assert np.allclose(history.losses[:, k], losses, rtol=0, atol=1e-10)
        for got, want in zip(ens.member_params(k), params, strict=True):
            assert got.shape == want.shape
            assert np.allclose(got, want, rtol=0, atol=1e-10)


@pytest.mark.parametrize(
    ("loss", "output", "n_out"),
    [("mse", "identity", 1), ("hinge", "tanh", 1), ("cross_entropy", "softmax", 3)],
)
def test_every_loss_matches_training_alone(loss, output, n_out):
    """MSE, hinge and softmax cross-entropy (with L1 as well as L2) match the solo runs."""
    X, y = data(30, seed=1)
    y = (np.arange(30) % 3).astype(float) if n_out == 3 else y
    members = [Member((4, 3), seed=5, lr=0.03, l1=0.01), Member((2, 6), seed=6, lr=0.05, l2=0.1)]
    ens = Ensemble(2, n_out, members, output=output, loss=loss, optimizer="adam")
    history = ens.fit(X, y, steps=20)
    for k, m in enumerate(members):
        net = MLP([2, *m.hidden, n_out], "tanh", output, seed=m.seed)
        opt = make_optimizer("adam", net.params, lr=m.lr)
        for t in range(20):
            value, grads = net.loss_and_grads(X, y, loss, m.l1, m.l2)
            assert abs(history.losses[t, k] - value) <= 1e-10
            opt.step(grads)
        for got, want in zip(ens.member_params(k), net.params, strict=True):
            assert np.allclose(got, want, rtol=0, atol=1e-10)


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam", "rmsprop"])
def test_mini_batches_reproduce_the_trainer(optimizer):
    """Batch 7 of 30 points (a partial last batch): each member equals a Trainer run."""
    X, y = data(30, seed=2)
    members = [Member((3, 2), seed=s, lr=0.03 * (s + 1), l2=0.01 * s) for s in range(3)]
    members.append(Member((6, 3), seed=9, lr=0.02, shuffle_seed=4))
    ens = Ensemble(2, 1, members, output="sigmoid", loss="log", optimizer=optimizer)
    steps = 3 * 5 + 2  # three epochs of five batches and two more
    history = ens.fit(X, y, steps=steps, batch_size=7)
    for k, m in enumerate(members):
        net = MLP([2, *m.hidden, 1], "tanh", "sigmoid", seed=m.seed)
        config = TrainConfig(loss="log", optimizer=optimizer, lr=m.lr, batch_size=7, l2=m.l2)
        seed = m.seed if m.shuffle_seed is None else m.shuffle_seed
        events = Trainer(net, (X, y), config=config, seed=seed).run()
        batch_losses = []
        while len(batch_losses) < steps:
            event = next(events)
            if event.kind == "batch":
                batch_losses.append(event.loss)
        assert np.allclose(history.losses[:, k], batch_losses, rtol=0, atol=1e-10)
        for got, want in zip(ens.member_params(k), net.params, strict=True):
            assert np.allclose(got, want, rtol=0, atol=1e-10)


def test_padded_units_stay_exactly_zero():
    """With sigmoid hidden units (σ(0) = ½ ≠ 0) the padding still never moves."""
    X, y = data()
    members = [Member((1, 2), seed=0, lr=0.1), Member((6, 5), seed=1, lr=0.1)]
    ens = Ensemble(2, 1, members, activation="sigmoid", optimizer="adam")
    ens.fit(X, y, steps=30)
    assert np.all(ens.theta[ens.layout.mask == 0] == 0.0)
    assert np.all(np.isfinite(ens.theta)) and np.any(ens.theta[ens.layout.mask == 1] != 0)


def test_accuracies_and_member_net():
    """Per-step accuracy equals the member network's own accuracy before that step."""
    X, y = data()
    ens = Ensemble(2, 1, MEMBERS[:2], output="sigmoid", loss="log", optimizer="adam")
    history = ens.fit(X, y, steps=1)
    first = MLP([2, 3, 2, 1], "tanh", "sigmoid", seed=0)
    want = np.mean((first.forward(X)[:, 0] > 0.5) == y)
    assert history.accuracies[0, 0] == want
    net = ens.member_net(1)
    assert net.activations == ["tanh", "tanh", "sigmoid"]
    assert all(np.array_equal(a, b) for a, b in zip(net.params, ens.member_params(1), strict=True))


def test_views_share_the_stacked_buffer():
    """Weight and bias views write straight into θ (no hidden copies)."""
    ens = Ensemble(2, 1, MEMBERS)
    assert all(np.shares_memory(w, ens.theta) for w in ens.weights + ens.biases)
    assert ens.weights[1].shape == (4, 5, 4) and ens.biases[1].shape == (4, 1, 4)


def test_bad_ensembles_are_refused():
    """Different depths, negative rates or unknown optimizers raise ValueError."""
    with pytest.raises(ValueError, match="same number of layers"):
        Ensemble(2, 1, [Member((3,)), Member((3, 3))])
    with pytest.raises(ValueError, match="learning rate"):
        Ensemble(2, 1, [Member((3,), lr=-1.0)])
    with pytest.raises(ValueError, match="unknown optimizer"):
        Ensemble(2, 1, [Member((3,))], optimizer="lbfgs")


def test_an_empty_ensemble_is_refused():
    """No members is a clear ValueError, not an IndexError."""
    with pytest.raises(ValueError, match="at least one member"):
        Ensemble(2, 1, [])

"""Optimizers against hand-computed torch.optim updates, their state and their defaults.

Every expectation below is torch's update rule written out by hand for a tiny parameter;
the engine is never used to compute what it is compared against.
"""

import numpy as np
import pytest

from nnviz.engine.optimizers import OPTIMIZERS, Adagrad, Adam, RMSprop, make_optimizer

P0 = np.array([1.0, -2.0])
GRADS = [np.array([0.5, -1.0]), np.array([0.1, 0.3]), np.array([-0.2, 0.4])]


def run(name, steps, **hyper):
    """Apply the first ``steps`` gradients of GRADS to a fresh copy of P0."""
    p = P0.copy()
    opt = make_optimizer(name, [p], **hyper)
    for g in GRADS[:steps]:
        opt.step([g.copy()])
    return p, opt


# ----- defaults -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("sgd", {"lr": 1e-3, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0}),
        ("adagrad", {"lr": 1e-2, "lr_decay": 0.0, "eps": 1e-10, "initial_accumulator_value": 0}),
        ("rmsprop", {"lr": 1e-2, "alpha": 0.99, "eps": 1e-8, "momentum": 0.0, "centered": False}),
        ("adam", {"lr": 1e-3, "betas": (0.9, 0.999), "eps": 1e-8, "amsgrad": False}),
    ],
)
def test_defaults_equal_torch(name, expected):
    """Each optimizer's default hyper-parameters are torch.optim's."""
    opt = make_optimizer(name, [P0.copy()])
    for key, value in expected.items():
        assert opt.hyper[key] == value, key
    assert opt.hyper["weight_decay"] == 0.0
    assert opt.steps == 0


def test_default_sgd_step_uses_lr_1e_3():
    """SGD with no settings moves by 1e-3·g, as torch.optim.SGD(lr=1e-3)."""
    p, _ = run("sgd", 1)
    assert np.allclose(p, [1.0 - 1e-3 * 0.5, -2.0 + 1e-3 * 1.0], rtol=0, atol=1e-15)


# ----- SGD ----------------------------------------------------------------------------------
def test_sgd_plain():
    """θ ← θ − lr·g, step by step."""
    p, opt = run("sgd", 3, lr=0.1)
    expected = P0 - 0.1 * GRADS[0] - 0.1 * GRADS[1] - 0.1 * GRADS[2]
    assert np.allclose(p, expected, rtol=0, atol=1e-15)
    assert opt.steps == 3
    assert "momentum_buffer" not in opt.state


def test_sgd_momentum_literal_numbers():
    """Momentum 0.9, lr 0.1, g = 1 twice: v = 1 then 1.9, θ = 0.9 then 0.71."""
    p = np.array([1.0])
    opt = make_optimizer("sgd", [p], lr=0.1, momentum=0.9)
    opt.step([np.array([1.0])])
    assert np.allclose(p, [0.9]) and np.allclose(opt.state["momentum_buffer"][0], [1.0])
    opt.step([np.array([1.0])])
    assert np.allclose(p, [0.71]) and np.allclose(opt.state["momentum_buffer"][0], [1.9])


def test_sgd_momentum_dampening():
    """v₁ = g₁ (no dampening on the first step), then v ← μv + (1 − d)g; θ ← θ − lr·v."""
    lr, mu, d = 0.1, 0.9, 0.3
    p, opt = run("sgd", 3, lr=lr, momentum=mu, dampening=d)
    v1 = GRADS[0]
    v2 = mu * v1 + (1 - d) * GRADS[1]
    v3 = mu * v2 + (1 - d) * GRADS[2]
    assert np.allclose(p, P0 - lr * (v1 + v2 + v3), rtol=0, atol=1e-15)
    assert np.allclose(opt.state["momentum_buffer"][0], v3, rtol=0, atol=1e-15)
    assert opt.steps == 3


def test_sgd_nesterov():
    """Nesterov: v as for momentum, but the step is g + μ·v."""
    lr, mu = 0.1, 0.9
    p, opt = run("sgd", 3, lr=lr, momentum=mu, nesterov=True)
    v1 = GRADS[0]
    v2 = mu * v1 + GRADS[1]
    v3 = mu * v2 + GRADS[2]
    steps = [GRADS[0] + mu * v1, GRADS[1] + mu * v2, GRADS[2] + mu * v3]
    assert np.allclose(p, P0 - lr * sum(steps), rtol=0, atol=1e-15)
    assert np.allclose(opt.state["momentum_buffer"][0], v3, rtol=0, atol=1e-15)


def test_sgd_weight_decay_with_momentum():
    """Weight decay adds wd·θ to the gradient before the momentum buffer sees it."""
    lr, mu, wd = 0.1, 0.5, 0.01
    p, opt = run("sgd", 2, lr=lr, momentum=mu, weight_decay=wd)
    d1 = GRADS[0] + wd * P0
    v1 = d1
    p1 = P0 - lr * v1
    d2 = GRADS[1] + wd * p1
    v2 = mu * v1 + d2
    p2 = p1 - lr * v2
    assert np.allclose(p, p2, rtol=0, atol=1e-15)
    assert np.allclose(opt.state["momentum_buffer"][0], v2, rtol=0, atol=1e-15)


def test_momentum_and_nesterov_aliases():
    """make_optimizer("momentum") is SGD with μ = 0.9; "nesterov" adds nesterov=True."""
    m = make_optimizer("momentum", [P0.copy()], lr=0.1)
    n = make_optimizer("Nesterov", [P0.copy()], lr=0.1)
    assert m.name == n.name == "sgd"
    assert m.hyper["momentum"] == 0.9 and not m.hyper["nesterov"]
    assert n.hyper["momentum"] == 0.9 and n.hyper["nesterov"]
    assert make_optimizer("momentum", [P0.copy()], momentum=0.5).hyper["momentum"] == 0.5


# ----- Adagrad ------------------------------------------------------------------------------
def test_adagrad():
    """s ← s + g²; θ ← θ − lr·g/(√s + ε)."""
    lr, eps = 0.1, 1e-10
    p, opt = run("adagrad", 3, lr=lr)
    theta, s = P0.copy(), np.zeros(2)
    for g in GRADS:
        s = s + g * g
        theta = theta - lr * g / (np.sqrt(s) + eps)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["sum"][0], s, rtol=0, atol=1e-15)
    assert opt.steps == 3


def test_adagrad_first_step_literal():
    """First Adagrad step is lr·g/|g| (up to ε): θ = 1 − 0.1 for g = 0.5."""
    p = np.array([1.0])
    make_optimizer("adagrad", [p], lr=0.1).step([np.array([0.5])])
    assert np.allclose(p, [1.0 - 0.1 * 0.5 / (0.5 + 1e-10)], rtol=0, atol=1e-15)


def test_adagrad_lr_decay_weight_decay_initial_accumulator():
    """clr = lr/(1 + (t − 1)·decay); g += wd·θ; s starts at the initial accumulator value."""
    lr, decay, wd, s0, eps = 0.1, 0.5, 0.01, 0.2, 1e-10
    p, opt = run("adagrad", 3, lr=lr, lr_decay=decay, weight_decay=wd, initial_accumulator_value=s0)
    theta, s = P0.copy(), np.full(2, s0)
    for t, g in enumerate(GRADS, start=1):
        g = g + wd * theta
        s = s + g * g
        clr = lr / (1 + (t - 1) * decay)
        theta = theta - clr * g / (np.sqrt(s) + eps)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["sum"][0], s, rtol=0, atol=1e-14)


# ----- RMSprop ------------------------------------------------------------------------------
def test_rmsprop_plain():
    """s ← αs + (1 − α)g²; θ ← θ − lr·g/(√s + ε)."""
    lr, alpha, eps = 0.01, 0.99, 1e-8
    p, opt = run("rmsprop", 3)
    theta, s = P0.copy(), np.zeros(2)
    for g in GRADS:
        s = alpha * s + (1 - alpha) * g * g
        theta = theta - lr * g / (np.sqrt(s) + eps)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["square_avg"][0], s, rtol=0, atol=1e-15)


def test_rmsprop_first_step_literal():
    """First step with defaults: √s = 0.1·|g|, so θ moves by lr·10 = 0.1 in the sign of g."""
    p = np.array([1.0])
    make_optimizer("rmsprop", [p]).step([np.array([0.5])])
    expected = 1.0 - 0.01 * 0.5 / (np.sqrt(0.01 * 0.25) + 1e-8)
    assert np.isclose(p[0], expected, rtol=0, atol=1e-15)
    assert np.isclose(p[0], 0.9, atol=1e-7)


def test_rmsprop_centered():
    """Centred: also m ← αm + (1 − α)g and the denominator is √(s − m²) + ε."""
    lr, alpha, eps = 0.01, 0.9, 1e-8
    p, opt = run("rmsprop", 3, lr=lr, alpha=alpha, centered=True)
    theta, s, m = P0.copy(), np.zeros(2), np.zeros(2)
    for g in GRADS:
        s = alpha * s + (1 - alpha) * g * g
        m = alpha * m + (1 - alpha) * g
        theta = theta - lr * g / (np.sqrt(s - m * m) + eps)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["grad_avg"][0], m, rtol=0, atol=1e-15)
    assert np.allclose(opt.state["square_avg"][0], s, rtol=0, atol=1e-15)


def test_rmsprop_momentum_weight_decay():
    """With momentum: b ← μb + g/(√s + ε); θ ← θ − lr·b (after g += wd·θ)."""
    lr, alpha, eps, mu, wd = 0.01, 0.99, 1e-8, 0.8, 0.1
    p, opt = run("rmsprop", 3, lr=lr, momentum=mu, weight_decay=wd)
    theta, s, b = P0.copy(), np.zeros(2), np.zeros(2)
    for g in GRADS:
        g = g + wd * theta
        s = alpha * s + (1 - alpha) * g * g
        b = mu * b + g / (np.sqrt(s) + eps)
        theta = theta - lr * b
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["momentum_buffer"][0], b, rtol=0, atol=1e-12)


# ----- Adam ---------------------------------------------------------------------------------
def adam_by_hand(lr, b1, b2, eps, wd=0.0, amsgrad=False):
    """torch.optim.Adam's algorithm box, written out for GRADS and P0."""
    theta, m, v, vmax = P0.copy(), np.zeros(2), np.zeros(2), np.zeros(2)
    for t, g in enumerate(GRADS, start=1):
        g = g + wd * theta
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        vmax = np.maximum(vmax, v)
        m_hat = m / (1 - b1**t)
        v_hat = (vmax if amsgrad else v) / (1 - b2**t)
        theta = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
    return theta, m, v, vmax


def test_adam_first_step_literal():
    """Adam's first step is lr·g/(|g| + ε): θ = 1 − 0.1·0.5/(0.5 + 1e-8)."""
    p = np.array([1.0])
    opt = make_optimizer("adam", [p], lr=0.1)
    opt.step([np.array([0.5])])
    assert np.isclose(p[0], 1.0 - 0.1 * 0.5 / (0.5 + 1e-8), rtol=0, atol=1e-15)
    assert np.isclose(opt.state["exp_avg"][0][0], 0.05)
    assert np.isclose(opt.state["exp_avg_sq"][0][0], 0.001 * 0.25)
    assert opt.steps == 1


def test_adam_three_steps():
    """Bias-corrected moments: θ ← θ − lr·m̂/(√v̂ + ε), state m, v and the step count."""
    p, opt = run("adam", 3, lr=0.1)
    theta, m, v, _ = adam_by_hand(0.1, 0.9, 0.999, 1e-8)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["exp_avg"][0], m, rtol=0, atol=1e-15)
    assert np.allclose(opt.state["exp_avg_sq"][0], v, rtol=0, atol=1e-15)
    assert opt.steps == 3


def test_adam_amsgrad():
    """AMSGrad divides by the running maximum of v (bias-corrected with the current t)."""
    p, opt = run("adam", 3, lr=0.1, betas=(0.5, 0.6), amsgrad=True)
    theta, _, _, vmax = adam_by_hand(0.1, 0.5, 0.6, 1e-8, amsgrad=True)
    plain, *_ = adam_by_hand(0.1, 0.5, 0.6, 1e-8)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)
    assert np.allclose(opt.state["max_exp_avg_sq"][0], vmax, rtol=0, atol=1e-15)
    assert not np.allclose(theta, plain)  # these gradients make the maximum matter


def test_adam_weight_decay_is_l2_not_adamw():
    """Adam's weight decay is torch's: wd·θ is added to the gradient (coupled, not AdamW)."""
    p, _ = run("adam", 3, lr=0.05, weight_decay=0.5)
    theta, *_ = adam_by_hand(0.05, 0.9, 0.999, 1e-8, wd=0.5)
    assert np.allclose(p, theta, rtol=0, atol=1e-14)


# ----- general behaviour --------------------------------------------------------------------
def test_updates_are_in_place_on_every_parameter():
    """step() changes the very arrays it was given (the network's live weights)."""
    w, b = np.ones((2, 3)), np.zeros(3)
    ids = (id(w), id(b))
    opt = make_optimizer("adam", [w, b], lr=0.1)
    opt.step([np.ones((2, 3)), -np.ones(3)])
    assert (id(w), id(b)) == ids
    assert np.allclose(w, 0.9) and np.allclose(b, 0.1)
    assert opt.state["exp_avg"][0].shape == (2, 3) and opt.state["exp_avg"][1].shape == (3,)


def test_set_hyper_keeps_state():
    """Changing the learning rate keeps momentum and the step count."""
    p, opt = run("sgd", 2, lr=0.1, momentum=0.9)
    buf = opt.state["momentum_buffer"][0].copy()
    opt.set_hyper(lr=0.5)
    assert opt.lr == 0.5 and opt.steps == 2
    assert np.array_equal(opt.state["momentum_buffer"][0], buf)
    before = p.copy()
    opt.step([GRADS[2].copy()])
    assert np.allclose(p, before - 0.5 * (0.9 * buf + GRADS[2]))


@pytest.mark.parametrize(
    ("name", "hyper"),
    [
        ("sgd", {"lr": -0.1}),
        ("sgd", {"lr": float("nan")}),
        ("sgd", {"lr": float("inf")}),
        ("sgd", {"momentum": -0.5}),
        ("sgd", {"weight_decay": -1.0}),
        ("sgd", {"nesterov": True}),  # Nesterov needs momentum
        ("sgd", {"nesterov": True, "momentum": 0.9, "dampening": 0.1}),
        ("sgd", {"betas": (0.9, 0.99)}),  # unknown setting
        ("adagrad", {"lr_decay": -1.0}),
        ("adagrad", {"eps": -1e-10}),
        ("adagrad", {"initial_accumulator_value": -0.1}),
        ("rmsprop", {"alpha": -0.1}),
        ("rmsprop", {"eps": float("nan")}),
        ("adam", {"betas": (1.0, 0.999)}),
        ("adam", {"betas": (0.9, -0.1)}),
        ("adam", {"eps": -1.0}),
        ("adam", {"betas": (0.9,)}),
        ("adam", {"eps": None}),
        ("rmsprop", {"momentum": "fast"}),
        ("unknown", {}),
    ],
)
def test_bad_hyper_parameters_raise_value_error(name, hyper):
    """Invalid settings are refused up front with a ValueError, as torch does."""
    with pytest.raises(ValueError):
        make_optimizer(name, [P0.copy()], **hyper)


def test_set_hyper_rejects_bad_values_and_keeps_old():
    """A bad learning rate in set_hyper raises and leaves the optimizer unchanged."""
    opt = make_optimizer("adam", [P0.copy()], lr=0.1)
    with pytest.raises(ValueError):
        opt.set_hyper(lr=-1.0)
    assert opt.lr == 0.1


def test_gradient_count_must_match():
    """A wrong number of gradients is a ValueError, not a silent partial update."""
    p = P0.copy()
    opt = make_optimizer("sgd", [p], lr=0.1)
    with pytest.raises(ValueError):
        opt.step([GRADS[0], GRADS[1]])
    assert np.array_equal(p, P0) and opt.steps == 0


def test_registry_classes():
    """The registry maps names to the torch-equivalent classes."""
    assert OPTIMIZERS["adam"] is Adam
    assert OPTIMIZERS["rmsprop"] is RMSprop
    assert OPTIMIZERS["adagrad"] is Adagrad

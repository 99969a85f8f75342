"""Every CS188 lesson's headline numbers, compared with the lecture's (shared/lectures.md)."""

import numpy as np

from nnviz.lessons import compute


def test_perceptron():
    """Separable points: mistakes reach 0; two runs give two different 100 % lines."""
    n = compute("perceptron")
    assert n["final_mistakes"] == 0 and n["mistakes_per_epoch"][-1] == 0
    assert n["final_mistakes_run2"] == 0 and n["accuracy"] == [1.0, 1.0]
    assert n["lines"][0] != n["lines"][1] and n["angle_between_lines"] > 1.0


def test_perceptron_thrash():
    """Overlapping points: never 0 mistakes; the averaged perceptron settles, the raw one not."""
    n = compute("perceptron-thrash")
    assert n["min_mistakes"] > 0
    assert n["averaged_spread"] < n["raw_spread"]


def test_sigmoid():
    """σ(0) = 0.5 and σ(5) = 0.9933."""
    n = compute("sigmoid")
    assert n["sigma_0"] == 0.5 and round(n["sigma_5"], 4) == 0.9933


def test_logistic_toy():
    """Three points at w = 0: ll = −2.0794; the (2, 1) term's gradient is (1.0, 0.5)."""
    n = compute("logistic-toy")
    assert round(n["ll_at_zero"], 4) == -2.0794
    assert np.allclose(n["term_gradient"], [1.0, 0.5])
    assert n["ll_after"] > n["ll_at_zero"]


def test_two_separators():
    """Both separators are 100 % right; the near point gets ≈0.51 vs ≈0.99; roomy ll is higher."""
    n = compute("two-separators")
    assert n["accuracy"] == [1.0, 1.0]
    assert [round(p, 2) for p in n["p_near_point"]] == [0.51, 0.99]
    assert n["ll"][1] > n["ll"][0]


def test_logistic_1d():
    """Overlapping 1-D classes: the fitted sigmoid crosses ½ at the midpoint."""
    n = compute("logistic-1d")
    assert n["overlap"] > 0
    assert abs(n["crossing_x"] - n["midpoint_x"]) < 1e-3


def test_softmax():
    """z = (5, 6, −2) → (0.2689, 0.7309, 0.000245); two-class softmax = σ(z1 − z2)."""
    n = compute("softmax")
    p = n["probabilities"]
    assert [round(p[0], 4), round(p[1], 4), round(p[2], 6)] == [0.2689, 0.7309, 0.000245]
    assert n["two_class_equals_sigmoid"] is True


def test_sharpness():
    """At z = 1: base e → 0.731, base 100 → 0.990."""
    n = compute("sharpness")
    assert round(n["p_base_e"], 3) == 0.731 and round(n["p_base_100"], 3) == 0.990


def test_multiclass_lr():
    """3 classes × 2 features = 6 weights."""
    assert compute("multiclass-lr")["weights"] == 6


def test_ascent_descent():
    """Ascent on ll and descent on −ll: max path difference 0."""
    n = compute("ascent-descent")
    assert n["max_path_difference"] == 0 and n["ll_end"] > n["ll_start"]


def test_batch_sgd_minibatch():
    """Each of the three paths converges and reports its step count; SGD touches fewest points."""
    n = compute("batch-sgd-minibatch")
    steps, touched = n["steps_to_converge"], n["points_touched"]
    assert set(steps) == {"batch", "sgd", "minibatch"} and all(v for v in steps.values())
    assert touched["sgd"] < touched["minibatch"] < touched["batch"]


def test_learning_rate():
    """Slow still going, good and oscillating converge (good first), too big diverges."""
    n = compute("learning-rate")
    assert n["outcome"] == {
        "slow": "still going",
        "good": "converged",
        "oscillating": "converged",
        "diverging": "diverged",
    }
    assert n["steps"]["good"] < n["steps"]["oscillating"]
    assert n["factor"]["oscillating"] < 0 < n["factor"]["good"]


def test_shapes():
    """3-2-1: 8 weights; 3-3-1: 12; a 10×10 image into 15 features: W1 is 100×15."""
    n = compute("shapes")
    assert (n["weights_3_2_1"], n["weights_3_3_1"]) == (8, 12)
    assert n["w1_shape_image"] == [100, 15]


def test_linear_collapse():
    """A deep identity net equals x·(W1…Wn) to 1e-9, and cannot beat 75 % on XOR."""
    n = compute("linear-collapse")
    assert n["max_difference"] <= 1e-9 and n["xor_max_difference"] <= 1e-9
    assert n["xor_accuracy"] <= 0.75


def test_log_loss():
    """The table 2.302585 / 0 / 0.223144 (natural log); base 10: 1 / 0 / 0.0969."""
    n = compute("log-loss")
    assert [round(v, 6) for v in n["table"]] == [2.302585, 0.0, 0.223144]
    assert n["table"][1] == 0.0
    assert [round(v, 4) for v in n["table_base10"]] == [1.0, 0.0, 0.0969]


def test_backprop_board():
    """g = w1⁴·w2 + 5·w3 at (2, 3, 2): forward [16, 48, 10, 58], gradient [96, 16, 5]."""
    n = compute("backprop-board")
    assert n["forward"] == [16, 48, 10, 58] and n["gradient"] == [96, 16, 5]
    assert (n["dg_da"], n["da_dw1"]) == (3, 32)


def test_universal_approximation():
    """More hidden units, lower error: mse_by_width falls at every step."""
    mse = compute("universal-approximation")["mse_by_width"]
    assert len(mse) >= 3 and all(a > b for a, b in zip(mse, mse[1:], strict=False))


def test_early_stopping():
    """The run over-fits: the best epoch comes before the last, with a lower validation loss."""
    n = compute("early-stopping")
    assert 0 < n["best_epoch"] < n["epochs"]
    assert n["val_loss_at_best"] < n["val_loss_at_end"]
    assert n["best_epoch"] < n["stopped_epoch"] <= n["epochs"]

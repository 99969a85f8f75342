"""The perceptron learning rule and the averaged perceptron (CS188 lecture 26, part 1)."""

import numpy as np

from nnviz.engine.perceptron import Perceptron, perceptron_predict

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


def test_predict_is_a_threshold_with_ties_to_class_zero():
    """Class 1 where w·x − b > 0, class 0 where it is < 0 or exactly 0."""
    w = np.array([1.0, -1.0])
    X = np.array([[2.0, 1.0], [1.0, 2.0], [1.0, 1.0]])
    assert perceptron_predict(w, X).tolist() == [1, 0, 0]
    assert perceptron_predict(w, X, b=1.0).tolist() == [0, 0, 0]


def test_one_mistake_moves_w_toward_the_point():
    """A missed positive adds x to w and lowers the threshold by 1; a missed negative subtracts."""
    p = Perceptron(2)
    assert p.epoch(np.array([[2.0, 1.0]]), np.array([1])) == 1  # w·x = 0 → class 0: a mistake
    assert p.w.tolist() == [2.0, 1.0] and p.b == -1.0
    assert p.epoch(np.array([[1.0, 1.0]]), np.array([-1])) == 1  # ±1 labels accepted
    assert p.w.tolist() == [1.0, 0.0] and p.b == 0.0


def test_no_bias_keeps_threshold_at_zero():
    """bias=False reproduces the lecture's w·x rule with no threshold."""
    p = Perceptron(2, bias=False)
    p.epoch(np.array([[2.0, 1.0], [-1.0, -3.0]]), np.array([1, 0]))
    assert p.b == 0.0


def test_converges_on_separable_data():
    """On linearly separable points the perceptron reaches an epoch with zero mistakes."""
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(60, 2))
    y = (X @ np.array([1.0, -2.0]) + 0.3 > 0).astype(int)
    p = Perceptron(2)
    mistakes = [p.epoch(X, y) for _ in range(200)]
    assert 0 in mistakes
    first = mistakes.index(0)
    assert all(m == 0 for m in mistakes[first:])  # once right, nothing moves any more
    assert p.errors(X, y) == 0


def test_thrashes_forever_on_xor():
    """XOR is not separable: every one of 100 epochs still makes mistakes."""
    p = Perceptron(2)
    mistakes = [p.epoch(XOR_X, XOR_Y) for _ in range(100)]
    assert min(mistakes) > 0
    assert p.errors(XOR_X, XOR_Y) > 0


def test_averaged_perceptron_is_stable_where_the_raw_one_is_not():
    """On overlapping classes the raw weights keep jumping; the averaged ones settle."""
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(-1, 1, (50, 2)), rng.normal(1, 1, (50, 2))])
    y = np.r_[np.zeros(50), np.ones(50)]
    p = Perceptron(2)
    raw, avg = [], []
    for _ in range(100):
        p.epoch(X, y)
        raw.append(p.errors(X, y))
        avg.append(p.errors(X, y, averaged=True))
    late_raw, late_avg = raw[-30:], avg[-30:]
    assert max(late_avg) - min(late_avg) <= 1
    assert max(late_raw) - min(late_raw) > 10
    assert max(late_avg) < np.mean(late_raw)


def test_averaged_before_any_step_is_the_current_weights():
    """With nothing seen yet, the average is just the starting weights."""
    w, b = Perceptron(3).averaged()
    assert w.tolist() == [0.0, 0.0, 0.0] and b == 0.0

"""The popular-science lessons: every number against the lecture's facts, and the lesson files."""

import json
import math
import string

import numpy as np
import pytest

from nnviz.lessons import NUMBERS, compute
from resources import resource_path

IDS = (
    "fruit-perceptron", "logic-and", "xor-one-neuron", "xor-hand-wired", "deep-features",
    "six-knobs", "foggy-mountain", "bowl", "gears", "generalisation", "shortcut", "adversarial",
)  # fmt: skip
SETUP = {
    "lab": {"preset", "dataset", "points", "network", "training", "weights", "run", "reset"},
    "graph": {"example", "formula", "trace", "walk", "mode"},
    "landscape": {"mode", "surface", "lr", "probe", "knob", "walk"},
    "table": {"load", "knobs"},
    "images": {"dataset", "nudge"},
    "plot": {"show"},
}
STAGES = {"playground", "graph", "landscape", "plot", "table", "images", "knobs", "gears"}


def test_fruit_detectors_each_light_only_their_fruit():
    """Apple, watermelon (big+green+sweet) and hawthorn (small+red+sour) each light one lamp."""
    n = compute("fruit-perceptron")
    assert set(n["detectors"]) == {"apple", "watermelon", "hawthorn"}
    for fruit in n["detectors"]:
        expected = [int(row == fruit) for row in n["rows"]]
        assert n["lamps"][fruit] == expected and n["trained_lamps"][fruit] == expected
    w = n["knobs"]["watermelon"]["weights"]
    assert all(w[f] > 0 for f in ("big", "green", "sweet"))
    h = n["knobs"]["hawthorn"]["weights"]
    assert h["big"] < 0 and h["red"] > 0 and h["sour"] > 0


def test_logic_and_is_rain_only_when_overcast_and_humid():
    """rain = overcast ∧ humid: outputs [0, 0, 0, 1], set by hand and learned alike."""
    n = compute("logic-and")
    truth = [int(a and b) for a, b in n["inputs"]]
    assert n["outputs"] == truth == [0, 0, 0, 1] and n["trained_outputs"] == truth


def test_one_neuron_cannot_learn_xor():
    """No line beats 3/4; the trained neuron sits at loss ln 2 with weights ≈ 0."""
    n = compute("xor-one-neuron")
    assert n["best_line_accuracy"] == 0.75 and n["best_accuracy"] <= 0.75
    assert n["final_loss"] == pytest.approx(math.log(2.0), abs=1e-4)
    assert max(abs(w) for w in n["weights"]) < 1e-3 and n["output_spread"] < 1e-3


def test_hand_wired_xor_fires_on_the_two_mixed_corners():
    """h1 = (1, −1), h2 = (−1, 1), threshold ½, output h1 + h2 > 0 → [0, 1, 1, 0]."""
    n = compute("xor-hand-wired")
    assert n["outputs"] == [a ^ b for a, b in n["inputs"]] == [0, 1, 1, 0]
    assert np.array_equal(n["params"][0], [[1, -1], [-1, 1]]) and n["params"][1] == [-0.5, -0.5]


def test_deep_features_reads_digits_and_shows_one_picture_per_neuron():
    """≥ 90 % test accuracy; one k×k weight picture per hidden neuron."""
    n = compute("deep-features")
    assert n["test_accuracy"] >= 0.9
    assert n["weight_images"] == len(n["pictures"]) >= 1
    assert all(np.shape(p) == (n["k"], n["k"]) for p in n["pictures"])
    assert np.sum(n["confusion"]) == n["n_test"]


def test_six_knobs_descent_reaches_the_least_squares_fit():
    """Gradient descent's k0…k5 match the normal equations; the (k1, k2) loss is lowest there."""
    n = compute("six-knobs")
    assert len(n["knobs"]) == 6
    assert n["knobs"] == pytest.approx(n["exact_knobs"], abs=5e-3)
    assert n["train_loss"] == pytest.approx(n["exact_train_loss"], rel=1e-3)
    assert n["test_loss"] > n["train_loss"]  # new points carry their own noise
    grid = np.array(n["surface"]["loss"])
    assert np.unravel_index(np.argmin(grid), grid.shape) == (10, 10)  # the fitted centre


def test_foggy_mountain_secants_close_in_and_the_walk_reaches_the_bottom():
    """Secant errors shrink with Δx toward backprop's slope; the walk stops at the fitted k1."""
    n = compute("foggy-mountain")
    errors = [abs(s - n["backprop_slope"]) for _, s in n["secants"]]
    assert all(a > b for a, b in zip(errors, errors[1:], strict=False))
    assert n["slope"] == pytest.approx(n["backprop_slope"], abs=1e-3)
    assert n["status"] == "stopped" and n["end"] == pytest.approx(n["best"], abs=1e-3)
    assert n["end_loss"] < n["start_loss"] and n["evaluations"] > n["steps"] > 0


def test_bowl_partials_are_the_gradient():
    """The two cross-section slopes equal backprop's gradient; the loss surface is a bowl."""
    n = compute("bowl")
    assert n["partials"] == pytest.approx(n["gradient_backprop"], abs=1e-5)
    grid = np.array(n["surface"]["loss"])
    assert np.all(np.diff(grid, 2, axis=0) > 0) and np.all(np.diff(grid, 2, axis=1) > 0)


def test_gears_multiply_to_the_derivative():
    """sin(log 2): 0.5 × 0.7692 = 0.3846 = d/dx; log(sin 2) likewise matches its derivative."""
    n = compute("gears")
    assert n["ratios"] == pytest.approx([0.5, math.cos(math.log(2.0))])
    assert round(n["product"], 4) == 0.3846 == round(n["derivative"], 4)
    h = 1e-6
    numeric = (math.log(math.sin(2 + h)) - math.log(math.sin(2 - h))) / (2 * h)
    assert n["swapped"]["product"] == pytest.approx(numeric, rel=1e-6)


def test_generalisation_predicts_inside_the_gap():
    """Trained without the gap, the fit is within 0.1 of the truth there; test ≈ train error."""
    n = compute("generalisation")
    assert abs(n["prediction_in_gap"] - n["truth_in_gap"]) < 0.1 and n["gap_max_error"] < 0.1
    assert n["test_error"] < 2 * n["train_error"]


def test_shortcut_is_perfect_in_training_and_a_coin_toss_at_test():
    """The watermark's weight dwarfs the real clues; accuracy 1 in training, ≈ ½ on test."""
    n = compute("shortcut")
    assert n["train_accuracy"] >= 0.99 and abs(n["test_accuracy"] - 0.5) < 0.1
    assert abs(n["shortcut_weight"]) > 5 * max(abs(w) for w in n["real_weights"])
    assert n["honest_test_accuracy"] > n["test_accuracy"]


def test_adversarial_small_change_flips_a_confident_answer():
    """Confidence ≥ 0.9 and right; after a ≤ 0.1 change of every pixel, another answer."""
    n = compute("adversarial")
    assert n["confidence_before"] >= 0.9 and n["prediction_before"] == n["label"]
    assert n["prediction_after"] != n["prediction_before"]
    assert n["max_pixel_change"] <= 0.1 * n["pixel_range"] + 1e-12
    before, after = np.array(n["before"]), np.array(n["after"])
    assert after.min() >= 0 and after.max() <= 1 and np.max(np.abs(after - before)) <= 0.1 + 1e-3


def _lessons() -> list[dict]:
    return [
        json.loads(resource_path("lessons", f"{i}.json").read_text(encoding="utf-8")) for i in IDS
    ]


def _fields(text: str) -> set[str]:
    """The top-level names a str.format template uses ("{a[0]:.2f}" → "a")."""
    names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
    return {n.split("[")[0].split(".")[0] for n in names}


def test_every_lesson_file_is_well_formed():
    """Format, id, group, order, stages and setup requests keep to the agreed vocabulary."""
    orders = []
    for lesson in _lessons():
        assert lesson["format"] == "nnviz-lesson" and lesson["version"] == 1
        assert lesson["group"] == "popsci" and lesson["numbers"]["function"] == lesson["id"]
        orders.append(lesson["order"])
        for step in lesson["steps"]:
            assert step["stage"] in STAGES
            for request in step["setup"]:
                assert request["do"] in SETUP[request["to"]]
    assert sorted(orders) == list(range(1, len(IDS) + 1))


_COMPUTED: dict[str, dict] = {}


def _numbers(request: dict) -> dict:
    """compute() once per distinct request (some lessons train for a few seconds)."""
    key = json.dumps(request, sort_keys=True)
    if key not in _COMPUTED:
        _COMPUTED[key] = compute(request["function"], **request["args"])
    return _COMPUTED[key]


@pytest.mark.parametrize("lesson", _lessons(), ids=IDS)
def test_placeholders_are_numbers_the_step_computes(lesson):
    """Every {placeholder} names a key of its step's numbers, and the narration formats."""
    numbers = _numbers(lesson["numbers"])
    assert lesson["id"] in NUMBERS
    assert json.loads(json.dumps(numbers, allow_nan=False)) == numbers  # plain JSON values
    for step in lesson["steps"]:
        numbers = _numbers(step["numbers"])
        text = step["narration"]["en"]
        assert _fields(text) <= set(numbers), step["title"]
        text.format(**numbers)

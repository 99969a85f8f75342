"""The feature-table perceptron: lamps from knobs, the shipped tables, training, validation."""

import copy
import json

import numpy as np
import pytest

from nnviz.engine.feature_table import load_table, table_from_dict, train_table_perceptron
from resources import resource_path


def _raw(name: str) -> dict:
    return json.loads(resource_path("tables", f"{name}.json").read_text(encoding="utf-8"))


def test_lamp_lights_exactly_when_the_sum_passes_the_threshold():
    """Lamp = [Σ w·x − b > 0], computed by hand for every row of the fruit table."""
    table = load_table("fruit")
    rng = np.random.default_rng(0)
    for _ in range(20):
        w, b = rng.normal(size=6), rng.normal()
        by_hand = [int(sum(wi * xi for wi, xi in zip(w, r, strict=True)) - b > 0) for r in table.X]
        assert table.lamps(w, b) == by_hand


def test_a_dict_of_knobs_leaves_missing_features_at_zero():
    """Turning only the 'big' knob up lights every big fruit and nothing else."""
    table = load_table("fruit")
    big = table.X[:, table.features.index("big")].astype(int).tolist()
    assert table.lamps({"big": 1.0}, 0.5) == big


def test_each_shipped_detector_lights_only_its_own_fruit():
    """The video's apple, watermelon and hawthorn knob settings each pick out one fruit."""
    table = load_table("fruit")
    for name, knobs in table.detectors.items():
        assert table.lamps(knobs.weights, knobs.threshold) == table.one_vs_rest(name).tolist()


def test_training_learns_every_one_vs_rest_rule_and_logic_and():
    """The perceptron rule, trained from the table, finds knobs that light only the target."""
    fruit = load_table("fruit")
    for row in fruit.rows:
        knobs, epochs = train_table_perceptron(fruit, fruit.one_vs_rest(row))
        assert fruit.lamps(knobs.weights, knobs.threshold) == fruit.one_vs_rest(row).tolist()
        assert epochs < 50
    weather = load_table("weather")
    knobs, _ = train_table_perceptron(weather, weather.labels)
    assert weather.lamps(knobs.weights, knobs.threshold) == [0, 0, 0, 1]


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.update(format="other"),
        lambda d: d["rows"][0]["values"].update(big=2),
        lambda d: d["rows"][0]["values"].update(big=True),
        lambda d: d["rows"][1].update(name=d["rows"][0]["name"]),
        lambda d: d.update(features=["big", "big"]),
        lambda d: d["detectors"]["apple"]["weights"].update(purple=1),
        lambda d: d["detectors"]["apple"].update(threshold=float("nan")),
    ],
)
def test_broken_table_files_are_refused(breakage):
    """Non-0/1 values, duplicate names, unknown knobs and a NaN threshold raise ValueError."""
    d = copy.deepcopy(_raw("fruit"))
    breakage(d)
    with pytest.raises(ValueError):
        table_from_dict(d)


def test_unknown_table_and_wrong_weight_count_refused():
    """A missing table file or a weight vector of the wrong length raises ValueError."""
    with pytest.raises(ValueError):
        load_table("vegetables")
    with pytest.raises(ValueError):
        load_table("weather").lamps([1.0, 2.0, 3.0], 0.0)

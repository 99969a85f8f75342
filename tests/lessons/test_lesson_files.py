"""Every shipped lesson file validates and fills its narration; bad files are refused by path."""

import copy
import json

import pytest

from nnviz.lessons.figures import FIGURES
from nnviz.lessons.groups import GROUPS
from nnviz.lessons.lesson_file import (
    LessonError,
    check_numbers,
    lessons_dir,
    load_all_lessons,
    load_lesson,
    validate_lesson,
)
from nnviz.lessons.vocabulary import VOCABULARY, check_request

IDS = {
    "perceptron", "perceptron-thrash", "sigmoid", "logistic-toy", "two-separators",
    "logistic-1d", "softmax", "sharpness", "multiclass-lr", "ascent-descent",
    "batch-sgd-minibatch", "learning-rate", "shapes", "linear-collapse", "log-loss",
    "backprop-board", "universal-approximation", "early-stopping",
}  # fmt: skip
POPSCI_IDS = {
    "fruit-perceptron", "logic-and", "xor-one-neuron", "xor-hand-wired", "deep-features",
    "six-knobs", "foggy-mountain", "bowl", "gears", "generalisation", "shortcut", "adversarial",
}  # fmt: skip
WHY_DEEP_IDS = {
    "double-descent", "double-descent-epochs", "depth-init", "backprop-cost",
    "active-learning", "min-max-game", "overparameterisation",
}  # fmt: skip
IDS = IDS | POPSCI_IDS | WHY_DEEP_IDS
LESSONS = load_all_lessons()


def _raw(lesson_id: str) -> dict:
    return json.loads((lessons_dir() / f"{lesson_id}.json").read_text(encoding="utf-8"))


def test_the_eighteen_cs188_lessons_are_shipped_in_menu_order():
    """Exactly the issue's ids, two CS188 groups, orders 1..n within each group."""
    assert {lesson.id for lesson in LESSONS} == IDS
    groups = [lesson.group for lesson in LESSONS]
    assert groups == sorted(groups, key=list(GROUPS).index)
    for group in set(groups):
        orders = [x.order for x in LESSONS if x.group == group]
        assert orders == list(range(1, len(orders) + 1))
    assert all(2 <= len(lesson.steps) <= 6 for lesson in LESSONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_every_step_computes_and_fills_its_narration(lesson):
    """Each step's number function runs, returns plain JSON, and fills every placeholder."""
    numbers = check_numbers(lesson)
    texts = []
    for step, values in zip(lesson.steps, numbers, strict=True):
        json.dumps(values, allow_nan=False)
        texts.append(step.narrate(values))
    assert all("{" not in text for text in texts)
    assert sum("**" in text for text in texts) >= 2  # the numbers are shown in bold


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.id)
def test_points_sent_to_the_lab_are_the_points_the_numbers_use(lesson):
    """Where a step sets points and its numbers report points, they are the same points."""
    for step, values in zip(lesson.steps, check_numbers(lesson), strict=True):
        for request in step.setup:
            if request["do"] == "points" and "points" in values:
                assert request["points"] == values["points"]


def test_every_figure_is_plain_data():
    """Each plot figure has a title, axis labels, named curves of equal-length xs/ys."""
    for name, make in FIGURES.items():
        fig = make()
        json.dumps(fig, allow_nan=False)
        assert fig["title"] and fig["x_label"] and fig["y_label"], name
        assert all(len(c["xs"]) == len(c["ys"]) > 0 for c in fig["curves"]), name


def test_vocabulary_accepts_each_verb_minimal_form():
    """A request with only its required fields (filled sensibly) passes its own check."""
    samples = {
        "name": "xor", "points": [[0.0, 0.0, 1]], "params": [[[1.0]]], "epochs": 1,
        "key": "cs188", "text": "w1*w2", "point": 0, "steps": 1, "mode": "ops",
        "lr": 0.1, "kinds": ["sgd"], "figure": "sharpness",
        "weights": {"big": 1.0}, "threshold": 0.5, "dx": 0.01, "weight": [0, 0, 0],
    }  # fmt: skip
    overrides = {
        ("landscape", "mode"): {"mode": "race"},
        ("landscape", "surface"): {"key": "bowl"},
        ("table", "load"): {"name": "fruit"},
    }
    for (to, do), verb in VOCABULARY.items():
        request = {"to": to, "do": do, **{k: samples[k] for k in verb.required}}
        request.update(overrides.get((to, do), {}))
        assert check_request(request) == [], (to, do)


BAD = [
    (lambda r: r["steps"][2].update(numbers={"function": "sigmaa"}),
     "steps[2].numbers.function: unknown number function 'sigmaa'"),
    (lambda r: r.update(format="nnviz-lessen"), "format:"),
    (lambda r: r.update(version=2), "version:"),
    (lambda r: r.update(group="cs189"), "group: unknown group 'cs189'"),
    (lambda r: r.update(order=0), "order:"),
    (lambda r: r.update(colour="red"), "colour: unknown field"),
    (lambda r: r["steps"][1].update(stage="stage"), "steps[1].stage: unknown stage 'stage'"),
    (lambda r: r["steps"][0].update(narration={"zh_CN": "你好"}), "steps[0].narration:"),
    (lambda r: r["steps"][0].update(narration="σ = {}"), "steps[0].narration.en: placeholders"),
    (lambda r: r["steps"][0].update(narration="σ = {sigma"), "steps[0].narration.en:"),
    (lambda r: r["steps"][0]["setup"].append({"to": "lab", "do": "dance"}),
     "steps[0].setup[1].do: lab cannot 'dance'"),
    (lambda r: r["steps"][0]["setup"].append({"to": "moon", "do": "show"}),
     "steps[0].setup[1].to: unknown target 'moon'"),
    (lambda r: r["steps"][0]["setup"][0].update(figure="sigmoid-vs-stepp"),
     "steps[0].setup[0].figure: unknown 'sigmoid-vs-stepp'"),
    (lambda r: r["steps"][0]["setup"].append({"to": "lab", "do": "run"}),
     "steps[0].setup[1].epochs: missing"),
    (lambda r: r["steps"][0]["setup"].append({"to": "lab", "do": "training", "lr": -1}),
     "steps[0].setup[1].lr: must be from 0"),
    (lambda r: r["steps"][0]["setup"].append({"to": "lab", "do": "network", "hidden": [2, 99]}),
     "steps[0].setup[1].hidden: item 1 must be from 1 to 8"),
    (lambda r: r["steps"][0]["setup"].append({"to": "graph", "do": "formula", "text": "w1*"}),
     "steps[0].setup[1].text:"),
    (lambda r: r["steps"][0]["setup"].append({"to": "lab", "do": "points", "points": [[1, 2, .5]]}),
     "steps[0].setup[1].points: item 0: a label must be a whole number"),
]  # fmt: skip


@pytest.mark.parametrize(("mutate", "message"), BAD, ids=[m for _, m in BAD])
def test_bad_files_are_refused_with_the_path_to_the_first_bad_field(mutate, message):
    """A mutated copy of the sigmoid lesson is refused; the message starts with the path."""
    raw = copy.deepcopy(_raw("sigmoid"))
    mutate(raw)
    with pytest.raises(LessonError) as caught:
        validate_lesson(raw)
    assert str(caught.value).startswith(message)


def test_unknown_placeholder_is_found_by_running_the_numbers():
    """A narration asking for a number the function does not return names its step."""
    raw = _raw("sigmoid")
    raw["steps"][1]["narration"] = {"en": "σ(0) = {sigma_zero}", "zh_CN": "σ(0) = {sigma_0}"}
    with pytest.raises(LessonError, match=r"^steps\[1\]\.narration\.en: cannot fill"):
        check_numbers(validate_lesson(raw))


def test_translations_are_kept_and_english_is_the_fallback():
    """A dict narration keeps each language; a missing one falls back to English."""
    raw = _raw("sigmoid")
    raw["steps"][0]["narration"] = {"en": "step {step_5}", "zh_CN": "阶跃 {step_5}"}
    step = validate_lesson(raw).steps[0]
    assert step.narrate({"step_5": 1}, "zh_CN") == "阶跃 1"
    assert step.narrate({"step_5": 1}, "fr") == "step 1"


def test_file_name_must_match_the_id(tmp_path):
    """A lesson saved under another name is refused."""
    raw = _raw("sigmoid")
    path = tmp_path / "sigmoids.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(LessonError, match="^id:"):
        load_lesson(path)

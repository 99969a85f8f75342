"""Tests for the pure lesson player and the setup's typed requests."""

import json

import pytest

from nnviz import commands as cmd
from nnviz.lessons.catalogue import load_catalogue
from nnviz.lessons.player import CLEAN_SLATE, LessonPlayer
from nnviz.lessons.setup import dataset_from_rows, nearest_row, to_requests


def test_every_step_of_every_lesson_becomes_typed_requests():
    """Each setup entry of each shipped lesson turns into request values, clean slate first."""
    catalogue = load_catalogue()
    assert len(catalogue.lessons) >= 18
    for lesson in catalogue.lessons:
        player = LessonPlayer(lesson)
        for k in range(player.count):
            requests = player.go(k)
            assert requests[: len(CLEAN_SLATE)] == list(CLEAN_SLATE)
            assert all(not isinstance(r, dict) for r in requests)


def test_going_to_a_step_replays_every_step_before_it():
    """Step k's requests are the clean slate plus the setups of steps 0…k, in order."""
    lesson = load_catalogue().get("universal-approximation")
    player = LessonPlayer(lesson)
    expected = list(CLEAN_SLATE)
    for k, step in enumerate(lesson.steps):
        for entry in step.setup:
            expected += to_requests(entry)
        assert player.go(k) == expected


def test_the_report_is_one_json_object_with_the_steps_numbers():
    """--report's line: the lesson id, the 1-based step and that step's computed numbers."""
    player = LessonPlayer(load_catalogue().get("sigmoid"))
    report = json.loads(json.dumps(player.report(0)))
    assert report["lesson"] == "sigmoid" and report["step"] == 1
    assert round(report["numbers"]["sigma_5"], 4) == 0.9933


def test_a_step_out_of_range_is_refused_and_the_player_stays():
    """Asking for step 99 raises and keeps the current step."""
    player = LessonPlayer(load_catalogue().get("sigmoid"))
    player.go(1)
    with pytest.raises(ValueError, match="steps 1 to"):
        player.go(98)
    assert player.index == 1


def test_run_is_a_synchronous_train_so_replays_are_deterministic():
    """A lesson's 'run' trains at once (TrainEpochs), not in the background."""
    made = to_requests({"to": "lab", "do": "run", "epochs": 30})
    assert made == [cmd.TrainEpochs(30)]


def test_hand_placed_points_become_a_dataset_the_view_can_frame():
    """(x1, x2, label) rows: a binary set in a square around them; (x, y): a curve."""
    ds = dataset_from_rows(((2.0, 1.0, 1), (0.0, 1.0, 0), (1.0, -1.0, 0)))
    assert ds.kind == "binary" and ds.X.shape == (3, 2) and ds.domain == (-3.0, 3.0)
    curve = dataset_from_rows(((0.0, 1.0), (1.0, 2.0)))
    assert curve.kind == "regression" and curve.X.shape == (2, 1)


def test_nearest_row_picks_the_closest_point():
    """The trace-by-position request finds the training point nearest the spot."""
    assert nearest_row([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]], (0.9, 0.2)) == 1

"""The landscape's tables of English words are translated where they are shown."""

from __future__ import annotations

import re

import pytest

from nnviz import text
from nnviz.landscape.draw import legend, status_word
from nnviz.landscape.explorer import LandscapeExplorer
from nnviz.landscape.narrate import describe_status
from nnviz.landscape.network_session import KNOBS, PLANES, knob_title, plane_title
from nnviz.landscape.picture import PathPicture
from nnviz.landscape.race import LABELS, Racer, racer_label
from nnviz.landscape.surfaces import bowl

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese():
    """The core speaks 简体中文 inside the test, English after it."""
    text.set_language("zh_CN")
    yield
    text.set_language("en")


def test_english_is_the_table_itself():
    """In English each shown word is the table's own entry."""
    assert [racer_label(k) for k in LABELS] == list(LABELS.values())
    assert [plane_title(k) for k in PLANES] == list(PLANES.values())
    assert [knob_title(k) for k in KNOBS] == list(KNOBS.values())
    assert status_word("diverged") == "diverged" and status_word("") == ""


def test_a_switch_translates_names_planes_knobs_and_states(chinese):
    """The words follow the language of the moment; the tables stay English keys."""
    assert CJK.search(racer_label("sgd")) and racer_label("adam") == "Adam"
    assert all(CJK.search(plane_title(k)) for k in PLANES)
    assert all(CJK.search(knob_title(k)) for k in KNOBS)
    assert LABELS["sgd"] == "Gradient descent" and CJK.search(status_word("diverged"))
    explorer = LandscapeExplorer()
    explorer.mode = "network"
    assert [t for t, _k in explorer.surface_items()] == [plane_title(k) for k in PLANES]


def test_the_narration_and_legend_name_the_racer_in_the_current_language(chinese):
    """A racer made in English is narrated in Chinese after a switch; the legend keeps the
    English name (the view matches its boxes on it) and words the state."""
    text.set_language("en")
    racer = Racer("sgd", bowl().loss_and_grad, (1.5, 1.5))
    text.set_language("zh_CN")
    assert describe_status(racer).startswith(racer_label("sgd"))
    path = PathPicture("Gradient descent", (1, 2, 3), racer.path.points[:, 0],
                       racer.path.points[:, 1], status="diverged")  # fmt: skip
    assert legend([path])[0][0] == f"Gradient descent — {status_word('diverged')}"

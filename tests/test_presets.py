"""Tests for the shipped demo presets."""

import re
from pathlib import Path

import pytest

from nnviz.presets import (
    DEFAULT_PRESET,
    load_preset,
    preset_catalogue,
    preset_names,
    resolve_preset,
    slug,
)


def test_default_preset_is_the_playground_demo():
    """circle comes first: 2-4-2-1 tanh, lr 0.03, batch 10, half held out."""
    assert preset_names()[0] == DEFAULT_PRESET == "circle"
    p = load_preset("circle")
    assert p.spec.sizes == [2, 4, 2, 1] and p.spec.activation == "tanh"
    assert p.config.lr == 0.03 and p.config.batch_size == 10
    assert p.dataset["test_ratio"] == 0.5


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_loads_and_builds(name):
    """Each shipped preset parses and its network builds."""
    p = load_preset(name, seed=3)
    assert p.spec.seed == 3 and p.spec.build().n_params > 0 and p.description


def test_unknown_preset_lists_the_choices():
    """A typo gives a clear error naming the presets."""
    with pytest.raises(ValueError, match="circle"):
        load_preset("circel")


def test_command_line_names_are_the_titles_the_app_shows():
    """Each CLI name is its title in lower case with dashes, and they are all different."""
    rows = preset_catalogue()
    assert [cli for cli, _, _ in rows] == [slug(title) for _, title, _ in rows]
    assert len({cli for cli, _, _ in rows}) == len(rows)
    assert ("three-classes", "Three classes", "blobs") in rows
    assert slug("Curve fit (six knobs)") == "curve-fit-six-knobs"


@pytest.mark.parametrize(
    ("name", "file"),
    [
        ("three-classes", "blobs"),
        ("Three classes", "blobs"),
        ("blobs", "blobs"),
        ("curve-fit-six-knobs", "curve"),
        ("curve", "curve"),
        ("XOR corners", "xor_corners"),
        ("xor_corners", "xor_corners"),
        ("xor-corners", "xor_corners"),
    ],
)
def test_titles_slugs_and_old_names_find_the_same_preset(name, file):
    """The title, its slug and the old file name are all names of one preset."""
    assert resolve_preset(name) == file
    assert load_preset(name).title == load_preset(file).title


def test_unknown_preset_lists_the_command_line_names():
    """The error names the choices as the command line takes them."""
    with pytest.raises(ValueError, match="three-classes"):
        resolve_preset("four-classes")


def test_readme_names_only_presets_that_exist():
    """Every --preset NAME in README is a name the command line accepts."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    names = re.findall(r"--preset (\w[\w-]*)", readme)
    assert names and all(resolve_preset(n) for n in names)


@pytest.mark.parametrize("name", preset_names())
def test_titles_and_descriptions_follow_the_language(name):
    """Each preset is worded in Chinese after a switch (and keeps its English names)."""
    from nnviz import text

    english = load_preset(name)
    text.set_language("zh_CN")
    try:
        chinese = load_preset(name)
        cli_names = [cli for cli, _, _ in preset_catalogue()]
    finally:
        text.set_language("en")
    assert load_preset(name) == english  # back in English
    if english.title != "XOR":  # the one title that is the same in both
        assert chinese.title != english.title
    assert chinese.description != english.description
    assert re.search(r"[\u4e00-\u9fff]", chinese.description)
    assert slug(english.title) in cli_names  # the command line still takes the English slug

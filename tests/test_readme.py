"""README stays true: its scripting examples run, and the keys it lists exist in the app."""

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_python_examples_run():
    """Every ```python block in README runs, one after another, without an error."""
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert len(blocks) >= 2
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["g"].backward() == {"w1": 96.0, "w2": 16.0, "w3": 5.0}


def test_quickstart_is_the_two_make_commands():
    """The quickstart names exactly make run and make test."""
    quick = README.split("## Quickstart", 1)[1].split("```", 2)[1]
    assert [line.split()[0:2] for line in quick.strip().splitlines()] == [
        ["make", "run"],
        ["make", "test"],
    ]

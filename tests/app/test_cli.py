"""The nnviz command: headless screenshots and reports, bad options, no-display advice."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import parse_args
from app.platform_check import XCB_PACKAGES, display_problem

ROOT = Path(__file__).resolve().parents[2]


def _nnviz(*args: str, home: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    # A private HOME: the window autosaves on close, and that must not land in the repo.
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "nnviz", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


def test_screenshot_is_a_real_render_of_the_window_size(tmp_path):
    """--screenshot writes a PNG of the asked size with a real picture (many colours)."""
    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    done = _nnviz("--preset", "xor", "--epochs", "20", "--seed", "1", "--size", "1300x820",
                  "--screenshot", str(out), "--report", home=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1300, 820)
    small = image.scaled(130, 82)
    colours = {small.pixel(x, y) for x in range(130) for y in range(82)}
    assert len(colours) > 200  # heatmaps, thumbnails and text, not a blank window
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["epochs"] == 20 and report["preset"] == "xor" and 0 < report["train_acc"] <= 1


def test_trace_and_show_options_render_those_views(tmp_path):
    """--trace N --walk K and --show bring the computation graph / landscape forward."""
    out = tmp_path / "graph.png"
    done = _nnviz("--trace", "2", "--walk", "3", "--screenshot", str(out), home=tmp_path)
    assert done.returncode == 0 and out.is_file(), done.stderr
    bad = _nnviz("--show", "nowhere", "--screenshot", str(tmp_path / "x.png"), home=tmp_path)
    assert bad.returncode == 2 and "no view called 'nowhere'" in bad.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--epochs", "-1"], "cannot be negative"),
        (["--size", "big"], "--size must look like"),
        (["--seed", str(2**40)], "--seed must be from 0"),
    ],
)
def test_bad_options_are_refused_with_a_reason(args, message, capsys):
    """A negative epoch count or a malformed size stops with one clear line."""
    with pytest.raises(SystemExit):
        parse_args(args)
    assert message in capsys.readouterr().err


def test_no_display_gives_advice_instead_of_a_qt_abort():
    """Without DISPLAY on Linux the message names xvfb-run and --screenshot."""
    problem = display_problem({})
    if sys.platform.startswith("linux"):
        assert "xvfb-run nnviz" in problem and "--screenshot" in problem
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "libxcb-cursor0" in XCB_PACKAGES


def test_presets_lists_each_name_with_its_title(capsys):
    """--presets prints 'name — title' for every demo, the default first."""
    from app.cli import main

    assert main(["--presets"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split() == ["circle", "—", "Circle"]
    assert any(line.split() == ["three-classes", "—", "Three", "classes"] for line in lines)
    assert len(lines) == 10


@pytest.mark.parametrize("name", ["three-classes", "Three classes", "blobs"])
def test_preset_takes_the_gui_title_its_slug_or_the_old_name(name):
    """--preset accepts the name the app shows (as a slug or verbatim) and the old alias."""
    assert parse_args(["--preset", name]).preset == "blobs"


def test_an_unknown_preset_is_refused_naming_the_choices(capsys):
    """A typo stops with the list of names the command line takes."""
    with pytest.raises(SystemExit):
        parse_args(["--preset", "circel"])
    assert "three-classes" in capsys.readouterr().err


def test_a_headless_run_prints_no_qt_noise(tmp_path):
    """A report run's stderr has no 'propagateSizeHints' lines (the offscreen plugin's noise)."""
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--preset", "xor", "--epochs", "5", "--report"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "propagateSizeHints" not in done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1])["preset"] == "xor"


def test_a_chinese_lesson_run_exits_without_a_traceback(tmp_path):
    """The re-worded landscape legend is deleted with its window: no pyqtgraph traceback."""
    out = tmp_path / "zh.png"
    done = _nnviz("--lesson", "sigmoid", "--step", "2", "--lang", "zh_CN",
                  "--screenshot", str(out), home=tmp_path)  # fmt: skip
    assert done.returncode == 0 and out.is_file(), done.stderr
    assert "Traceback" not in done.stderr and "already deleted" not in done.stderr


def test_the_qt_filter_drops_only_that_message(monkeypatch):
    """The handler swallows exactly the offscreen noise and passes everything else on."""
    from PySide6.QtCore import QtMsgType

    from app import application

    seen: list[str] = []
    monkeypatch.setattr(application, "_previous_handler", [lambda m, c, text: seen.append(text)])
    warning = QtMsgType.QtWarningMsg
    application._on_qt_message(warning, None, "This plugin does not support propagateSizeHints()")
    application._on_qt_message(warning, None, "QPainter::begin: Paint device returned engine == 0")
    assert seen == ["QPainter::begin: Paint device returned engine == 0"]

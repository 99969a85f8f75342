"""Render README's screenshots with the headless renderer: ``python -m app.screenshots docs``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

XOR = ["--preset", "xor", "--epochs", "300", "--seed", "1", "--no-restore"]
PRESENT = ["--presentation", "--no-restore"]

SHOTS = [
    ("playground.png", XOR),
    ("spiral.png", ["--preset", "spiral", "--epochs", "400", "--seed", "0"]),
    ("classes.png", ["--preset", "blobs", "--epochs", "100", "--seed", "0"]),
    ("curve.png", ["--preset", "curve", "--epochs", "300", "--seed", "0"]),
    ("graph.png", [*XOR, "--trace", "7", "--walk", "7"]),
    (
        "graph_layers.png",
        ["--preset", "spiral", "--epochs", "50", "--seed", "0", "--trace", "3", "--walk", "3"]
        + ["--graph-layers"],
    ),
    ("landscape.png", [*XOR, "--show", "landscape"]),
    # The lecture stage: each view alone, in presentation mode, at a projector's sizes.
    *(
        (
            f"stage_{stage}_{size}.png",
            [*XOR, "--trace", "0", "--walk", "10", "--stage", stage, *PRESENT, "--size", size],
        )
        for stage in ("playground", "graph", "landscape")
        for size in ("1920x1080", "1280x720")
    ),  # fmt: skip
    # The whole window in presentation mode, at both projector sizes: every panel, nothing cut.
    *(
        (f"presentation_{size}.png", [*XOR, *PRESENT, "--size", size])
        for size in ("1920x1080", "1280x720")
    ),  # fmt: skip
    # Lessons, as a student sees them (numbers computed live by the engine).
    (
        "lesson_backprop_board.png",
        ["--lesson", "backprop-board", "--step", "3", "--size", "1480x900"],
    ),
    ("lesson_sigmoid.png", ["--lesson", "sigmoid", "--step", "2", "--size", "1480x900"]),
    ("lesson_perceptron.png", ["--lesson", "perceptron", "--step", "2", "--size", "1480x900"]),
    (
        "lesson_ascent_descent.png",
        ["--lesson", "ascent-descent", "--step", "1", "--size", "1480x900"],
    ),
    (
        "lesson_fruit_perceptron.png",
        ["--lesson", "fruit-perceptron", "--step", "2", "--size", "1480x900"],
    ),
    (
        "lesson_xor_hand_wired.png",
        ["--lesson", "xor-hand-wired", "--step", "2", "--size", "1480x900"],
    ),
    (
        "lesson_double_descent.png",
        ["--lesson", "double-descent", "--step", "1", "--size", "1480x900"],
    ),
    ("lesson_adversarial.png", ["--lesson", "adversarial", "--step", "2", "--size", "1480x900"]),
    # The experiments stage (F9), each experiment run to its end with its default settings.
    *(
        (
            f"experiment_{name.replace('-', '_')}.png",
            ["--no-restore", "--experiment", name, "--size", "1280x720", *extra],
        )
        for name, extra in (
            ("double-descent", []),
            ("double-descent-epochs", []),
            ("overparameterisation", []),
            ("depth-init", []),
            ("backprop-cost", ["--epochs", "100"]),  # the live network, after some training
            ("active-learning", ["--walk", "12"]),  # 12 labels, the least sure each time
            ("min-max-game", []),
        )
    ),
    (
        "experiment_active_learning_1280x720.png",
        ["--experiment", "active-learning", "--walk", "12", *PRESENT, "--size", "1280x720"],
    ),
    # 简体中文.
    ("zh_playground.png", [*XOR, "--lang", "zh_CN"]),
    ("zh_graph.png", [*XOR, "--trace", "7", "--walk", "7", "--lang", "zh_CN"]),
    (
        "zh_stage_playground_1280x720.png",
        [*XOR, *PRESENT, "--stage", "playground", "--size", "1280x720", "--lang", "zh_CN"],
    ),
    (
        "zh_lesson_backprop_board.png",
        ["--lesson", "backprop-board", "--step", "3", "--size", "1480x900", "--lang", "zh_CN"],
    ),
]


def main(folder: str = "docs") -> int:
    """Run ``nnviz --screenshot`` once per picture (each in a fresh process)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, args in SHOTS:
        cmd = [sys.executable, "-m", "app.cli", *args, "--screenshot", str(out / name)]
        print(" ".join(cmd[2:]))
        if subprocess.run(cmd, check=False).returncode != 0:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))

"""Render README's screenshots with the headless renderer: ``python -m app.screenshots docs``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SHOTS = [
    ("playground.png", ["--preset", "xor", "--epochs", "300", "--seed", "1"]),
    ("spiral.png", ["--preset", "spiral", "--epochs", "400", "--seed", "0"]),
    ("classes.png", ["--preset", "blobs", "--epochs", "100", "--seed", "0"]),
    ("curve.png", ["--preset", "curve", "--epochs", "300", "--seed", "0"]),
    (
        "graph.png",
        ["--preset", "xor", "--epochs", "300", "--seed", "1", "--trace", "7", "--walk", "7"],
    ),
    (
        "graph_layers.png",
        ["--preset", "spiral", "--epochs", "50", "--seed", "0", "--trace", "3", "--walk", "3"]
        + ["--graph-layers"],
    ),
    ("landscape.png", ["--preset", "xor", "--epochs", "300", "--seed", "1", "--show", "landscape"]),
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

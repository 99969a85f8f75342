"""The 3-D landscape: renders under a real X server with Mesa; elsewhere a note, never a crash."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from app.views.landscape_3d import grid_heights
from nnviz.landscape.picture import SurfacePicture

ROOT = Path(__file__).resolve().parents[3]  # tests/app/views/ → the repository
SCRIPT = textwrap.dedent(
    """
    import sys
    import numpy as np
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv)
    from nnviz.landscape.race_session import RaceSession
    from app.views.landscape_3d import gl_status, make_landscape_3d
    ok, why = gl_status()
    if not ok:
        print("NOGL", why)
        sys.exit(0)
    session = RaceSession("himmelblau")
    session.command("play")
    for _ in range(30):
        session.tick()
    view = make_landscape_3d()
    view.resize(400, 300)
    view.show()
    view.show_picture(session.picture())
    for _ in range(20):
        app.processEvents()
    img = view.grabFramebuffer()
    px = np.array([[img.pixelColor(x, y).value() for x in range(0, 400, 8)]
                   for y in range(0, 300, 8)])
    print("RENDERED", len(view.trails), float(px.std()))
    """
)


def test_heights_under_the_paths_follow_the_grid():
    """Bilinear look-up gives the grid values at grid points and between them."""
    xs, ys = np.linspace(0, 1, 3), np.linspace(0, 2, 3)
    z = np.add.outer(ys, xs)  # z = x + y, which bilinear interpolation keeps exactly
    s = SurfacePicture(xs, ys, z)
    got = grid_heights(s, np.array([0.0, 0.25, 1.0]), np.array([0.0, 1.5, 2.0]), z)
    assert np.allclose(got, [0.0, 1.75, 3.0])


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no xvfb-run: no X server to test GL")
def test_surface_renders_under_xvfb():
    """Under Xvfb + Mesa the 3-D surface draws (non-blank pixels) with one trail per racer."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 800x600x24", sys.executable, "-c", SCRIPT],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )  # fmt: skip
    if "NOGL" in out.stdout or "could not connect to display" in out.stderr:
        pytest.skip(f"no OpenGL under Xvfb here: {out.stdout.strip()} {out.stderr[-200:]}")
    if "Could not load the Qt platform plugin" in out.stderr:
        pytest.skip("the xcb libraries are missing (.ci/run installs them)")
    assert out.returncode == 0, out.stderr[-2000:]
    words = out.stdout.split()
    assert words[0] == "RENDERED" and int(words[1]) == 6
    assert float(words[2]) > 5.0  # not one flat colour: the surface is drawn


def test_offscreen_says_why_there_is_no_3d(qapp):
    """Under the offscreen platform no GL context exists: gl_status says so in plain words."""
    from app.views.landscape_3d import gl_status

    ok, why = gl_status()
    if qapp.platformName() == "offscreen":
        assert not ok and "3-D" in why and "2-D" in why

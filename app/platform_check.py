"""Before Qt starts: make sure a window can open, and say what to do if it cannot."""

from __future__ import annotations

import ctypes.util
import os
import sys

XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0"
)


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """A message explaining why no window can open here, or None if one can."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "nnviz needs a display, and none was found (DISPLAY is not set).\n"
            "  • On a desktop: run nnviz from a graphical session.\n"
            "  • On a server: install a virtual display (sudo apt-get install xvfb) and run\n"
            "    xvfb-run nnviz\n"
            "  • Or render without a window: nnviz --screenshot out.png [--epochs 300]"
        )
    if env.get("DISPLAY") and ctypes.util.find_library("xcb-cursor") is None:
        return (
            "Qt's X11 plugin needs system libraries that are missing here.\n"
            f"  Install them with: sudo apt-get install {XCB_PACKAGES}\n"
            "  Or render without a window: nnviz --screenshot out.png"
        )
    return None

"""Shared test setup: headless Qt and warnings as errors."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

"""A live main window for driving the real open/import paths headless."""

import pytest

from app.application import make_application


@pytest.fixture
def window(qtbot, tmp_path):
    """A shown main window on the circle demo, with autosave in a temp folder."""
    make_application()
    from app.main_window import MainWindow

    w = MainWindow("circle", seed=0, interactive=False, autosave_dir=tmp_path / "autosave")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.wait_for_snapshot(lambda s: True) is not None
    yield w
    w.close()

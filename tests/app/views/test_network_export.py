"""The network's SVG: a real vector file, and a refused path said in the user's language."""

import pytest
from PySide6.QtWidgets import QGraphicsScene

from app.application import make_application
from app.i18n import Language, tr
from app.views.network_export import export_svg


@pytest.fixture
def scene():
    """A scene with one rectangle on it."""
    make_application()
    s = QGraphicsScene()
    s.addRect(0, 0, 120, 80)
    return s


def test_the_svg_holds_the_scene_and_its_title(scene, tmp_path):
    """The file is SVG with the scene's size (plus the margin) and the picture's title."""
    path = tmp_path / "net.svg"
    export_svg(scene, str(path))
    svg = path.read_text("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "nnviz network" in svg


@pytest.mark.qt_log_ignore("could not open output device", "QPainter::begin")  # Qt's own notes
def test_a_path_that_cannot_be_written_is_refused_in_the_current_language(scene, tmp_path):
    """No folder there: OSError worded from the catalogue (Chinese), nothing written."""
    path = tmp_path / "missing" / "net.svg"
    language = Language()
    try:
        language.set("zh_CN", remember=False)
        with pytest.raises(OSError) as refused:
            export_svg(scene, str(path))
        words = tr("could not write {path}").format(path=path)
        assert str(refused.value) == words and words != f"could not write {path}"
    finally:
        language.set("en", remember=False)
    assert not path.exists()

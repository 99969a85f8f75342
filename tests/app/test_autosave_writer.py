"""The background autosave: the newest session written, a failure said in the user's language."""

from pathlib import Path

from app.application import make_application
from app.autosave_writer import AutosaveWriter
from app.i18n import Language, tr


def _refuse(path: Path, session) -> None:
    raise OSError("disk full")


def test_a_failed_write_is_said_once_in_the_current_language(qtbot, tmp_path):
    """The writer's thread words the failure; Qt queues it to the GUI thread."""
    make_application()
    writer = AutosaveWriter(save=_refuse)
    language = Language()
    try:
        language.set("zh_CN", remember=False)
        expected = tr("Autosave failed: {error}").format(error="disk full")
        assert expected != "Autosave failed: disk full"
        with qtbot.waitSignal(writer.failed, timeout=5000) as said:
            writer.submit(tmp_path / "a.nnviz", object())
        assert writer.wait() and said.args == [expected]
    finally:
        language.set("en", remember=False)
    with qtbot.waitSignal(writer.failed, timeout=5000) as said:
        writer.submit(tmp_path / "a.nnviz", object())
    assert said.args == ["Autosave failed: disk full"]


def test_only_the_newest_waiting_session_is_written(tmp_path):
    """Sessions submitted while a write runs: the last one wins, the ones between are dropped."""
    import threading

    make_application()
    started, release, written = threading.Event(), threading.Event(), []

    def slow(path: Path, session) -> None:
        started.set()
        release.wait(5)
        written.append(session)

    writer = AutosaveWriter(save=slow)
    writer.submit(tmp_path / "a.nnviz", "first")
    assert started.wait(5)
    for name in ("second", "third", "fourth"):
        writer.submit(tmp_path / "a.nnviz", name)
    release.set()
    assert writer.wait() and written == ["first", "fourth"]

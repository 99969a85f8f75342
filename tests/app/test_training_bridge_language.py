"""The training process words its messages in the user's language, switched while it runs."""

import pytest

from app.i18n import Language, tr
from app.training_bridge import TrainingBridge
from nnviz import commands as cmd
from nnviz import text
from tests.factories import make_lab

RESET_EN = "Reset: the parameters were re-randomised."
RESET_ZH = "已重置：参数已重新随机初始化。"


@pytest.fixture
def language(qapp):
    """The app's Language (nothing remembered); English again afterwards, whatever happens."""
    switcher = Language()
    switcher.set("en", remember=False)
    yield switcher
    switcher.set("en", remember=False)


def _said(t: TrainingBridge, snaps: list, qtbot, command, wanted: str) -> None:
    """Send ``command`` and wait for the snapshot whose message is ``wanted``."""
    seen = len(snaps)
    t.send(command)
    qtbot.waitUntil(lambda: any(s.message == wanted for s in snaps[seen:]), timeout=10000)


def test_a_switch_while_training_runs_reaches_the_process(language, qtbot):
    """View ▸ Language → 简体中文: the next lab message arrives in Chinese; English comes back."""
    t = TrainingBridge(make_lab)
    snaps = []
    t.snapshot_ready.connect(snaps.append)
    t.start()
    try:
        qtbot.waitUntil(lambda: bool(snaps), timeout=10000)
        _said(t, snaps, qtbot, cmd.Reset(), RESET_EN)
        language.set("zh_CN", remember=False)
        _said(t, snaps, qtbot, cmd.Reset(), RESET_ZH)
        t.send(cmd.SetParam(0, (99, 99), 1.0))  # a refusal, worded by the process
        qtbot.waitUntil(lambda: snaps[-1].event == "error", timeout=10000)
        assert "超出了这个参数数组的范围" in snaps[-1].message
        language.set("en", remember=False)
        _said(t, snaps, qtbot, cmd.Reset(), RESET_EN)
    finally:
        t.shutdown()


def test_the_process_starts_and_restarts_in_the_apps_language(language, qtbot):
    """A process started (or restarted after a crash) while the app speaks Chinese speaks it too;
    the bridge's own words about the restart are the catalogue's Chinese."""
    language.set("zh_CN", remember=False)
    t = TrainingBridge(make_lab)
    snaps, failures = [], []
    t.snapshot_ready.connect(snaps.append)
    t.failed.connect(failures.append)
    t.start()
    try:
        qtbot.waitUntil(lambda: bool(snaps), timeout=10000)
        _said(t, snaps, qtbot, cmd.Reset(), RESET_ZH)
        seen = len(snaps)
        t.worker.process.kill()
        qtbot.waitUntil(lambda: bool(failures), timeout=10000)
        restarted = tr("The training process stopped unexpectedly (exit code {code}); it was "
                       "restarted with your data, network and weights.")  # fmt: skip
        assert failures[0].startswith(restarted.split("{code}")[0]) and "process" not in failures[0]
        weights = tr("Training restarted with your weights.")  # the bridge's, said back by the lab
        qtbot.waitUntil(lambda: any(s.message == weights for s in snaps[seen:]), timeout=10000)
        _said(t, snaps, qtbot, cmd.Reset(), RESET_ZH)
    finally:
        t.shutdown()


def test_a_stopped_bridge_no_longer_listens(language, qtbot):
    """After shutdown a switch sends nothing (the pipe of a finished process is never filled)."""
    t = TrainingBridge(make_lab)
    t.start()
    t.shutdown()
    sent = []
    t.worker.send = sent.append
    language.set("zh_CN", remember=False)
    assert sent == [] and text.language() == "zh_CN"

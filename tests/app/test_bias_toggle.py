"""Bias on and off in the window (CS188 uses none), with the parameter count shown."""

from PySide6.QtCore import Qt


def test_unticking_bias_rebuilds_the_network_without_biases(window, qtbot):
    """A real click on 'Bias' rebuilds the net with no bias arrays and the count says so."""
    controls = window.controls
    assert controls.bias.isChecked() and "biases" in controls.param_count.text()
    controls.bias.click()
    qtbot.waitUntil(lambda: not window.latest.spec.bias, timeout=10_000)
    qtbot.waitUntil(lambda: "no biases" in controls.param_count.text(), timeout=10_000)
    assert all(b is None for b in window.latest.biases)
    weights = sum(w.size for w in window.latest.weights)
    assert controls.param_count.text() == f"{weights} weights, no biases"
    assert not window.network_view.biases  # the network graph draws no bias squares
    qtbot.mouseClick(controls.bias, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.latest.spec.bias, timeout=10_000)

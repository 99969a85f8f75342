"""The network view's architecture controls: add/remove layers and neurons, toggle features."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from nnviz.engine.features import feature_table
from nnviz.engine.spec import MAX_HIDDEN_LAYERS, MAX_NEURONS
from nnviz.snapshot import Snapshot


class ArchitectureControls:
    """Mixed into NetworkView: every change leaves as ``spec_change_requested(new spec)``."""

    def _change_layers(self, delta: int) -> None:
        spec = self.snap.spec
        hidden = list(spec.hidden)
        hidden = hidden + [2] if delta > 0 else hidden[:-1]
        self.spec_change_requested.emit(spec.with_(hidden=tuple(hidden)))

    def _change_neurons(self, layer: int, delta: int) -> None:
        spec = self.snap.spec
        hidden = list(spec.hidden)
        hidden[layer] += delta
        self.spec_change_requested.emit(spec.with_(hidden=tuple(hidden)))

    def _rebuild_layer_buttons(self, snap: Snapshot) -> None:
        _clear(self.layer_buttons)
        hidden = snap.spec.hidden
        self.add_layer.setEnabled(len(hidden) < MAX_HIDDEN_LAYERS)
        self.add_layer.setToolTip(
            "Add a hidden layer"
            if len(hidden) < MAX_HIDDEN_LAYERS
            else f"At most {MAX_HIDDEN_LAYERS} hidden layers"
        )
        self.remove_layer.setEnabled(bool(hidden))
        for k, n in enumerate(hidden):
            self.layer_buttons.addWidget(QLabel(f"  H{k + 1}:"))
            for delta, text in ((-1, "−"), (+1, "+")):
                b = QPushButton(text)
                b.setFixedWidth(26)
                b.setEnabled(1 <= n + delta <= MAX_NEURONS)
                b.setToolTip(
                    f"{'Add' if delta > 0 else 'Remove'} a neuron in hidden layer "
                    f"{k + 1} (1 to {MAX_NEURONS})"
                )
                b.clicked.connect(lambda _=False, k=k, d=delta: self._change_neurons(k, d))
                self.layer_buttons.addWidget(b)

    def _rebuild_features(self, snap: Snapshot) -> None:
        _clear(self.features_row)
        self.features_row.addWidget(QLabel("Inputs:"))
        self.feature_buttons = {}
        for name, (label, _fn) in feature_table(snap.dim).items():
            b = QPushButton(label)
            b.setCheckable(True)
            b.setChecked(name in snap.spec.features)
            b.setToolTip(f"Feed {label} into the network (rebuilds it)")
            b.toggled.connect(lambda on, n=name: self._toggle_feature(n, on))
            self.feature_buttons[name] = b
            self.features_row.addWidget(b)
        self.features_row.addStretch(1)

    def _toggle_feature(self, name: str, on: bool) -> None:
        spec = self.snap.spec
        order = list(feature_table(spec.input_dim))
        chosen = [f for f in order if (f in spec.features and f != name) or (f == name and on)]
        if not chosen:
            self.message.emit("The network needs at least one input feature.")
            self.feature_buttons[name].blockSignals(True)
            self.feature_buttons[name].setChecked(True)
            self.feature_buttons[name].blockSignals(False)
            return
        self.spec_change_requested.emit(spec.with_(features=tuple(chosen)))


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()

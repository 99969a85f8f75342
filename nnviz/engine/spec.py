"""A network's architecture as a value: features, hidden layers, activations, output."""

from __future__ import annotations

import numbers
from dataclasses import asdict, dataclass, replace
from typing import Any

from nnviz.data.limits import shown
from nnviz.engine.activations import get_activation
from nnviz.engine.features import check_features
from nnviz.engine.initializers import INITIALIZERS
from nnviz.engine.mlp import MLP
from nnviz.text import _

MAX_HIDDEN_LAYERS = 6
MAX_NEURONS = 8
MAX_OUTPUTS = 6  # one per class, and at most six classes
# Seeds fit the seed box (a Qt int) as well as NumPy: 0..2³¹−1.
MAX_SEED = 2**31 - 1

# (output activation, loss) pairs offered for each kind of task, default first.
HEADS: dict[str, list[tuple[str, str]]] = {
    "binary": [("sigmoid", "log"), ("sigmoid", "mse"), ("tanh", "mse"), ("identity", "hinge")],
    "multiclass": [("softmax", "cross_entropy")],
    "regression": [("identity", "mse"), ("tanh", "mse")],
}


@dataclass(frozen=True)
class NetworkSpec:
    """Everything that decides a network's shape; changing any of it rebuilds the network."""

    features: tuple[str, ...] = ("x1", "x2")
    hidden: tuple[int, ...] = (4, 2)
    activation: str = "tanh"
    output: str = "sigmoid"
    n_outputs: int = 1
    bias: bool = True
    init: str = "uniform"
    seed: int = 0
    input_dim: int = 2

    def validated(self) -> NetworkSpec:
        """Return self, or raise ValueError naming what is wrong (wrong types included)."""
        self._check_types()
        check_features(self.features, self.input_dim)
        if len(self.hidden) > MAX_HIDDEN_LAYERS:
            raise ValueError(
                _("at most {max_hidden_layers} hidden layers", max_hidden_layers=MAX_HIDDEN_LAYERS)
            )
        if any(not 1 <= n <= MAX_NEURONS for n in self.hidden):
            raise ValueError(
                _("each hidden layer needs 1 to {max_neurons} neurons", max_neurons=MAX_NEURONS)
            )
        if not 1 <= self.n_outputs <= MAX_OUTPUTS:
            raise ValueError(
                _(
                    "a network has 1 to {max_outputs} outputs, not {n_outputs}",
                    max_outputs=MAX_OUTPUTS,
                    n_outputs=shown(self.n_outputs),
                )
            )
        if not 0 <= self.seed <= MAX_SEED:
            raise ValueError(
                _("the seed must be a whole number from 0 to {max_seed}", max_seed=MAX_SEED)
            )
        if get_activation(self.activation).output_only:
            raise ValueError(_("{name} can only be used on the output layer", name=self.activation))
        get_activation(self.output)
        if self.init not in INITIALIZERS:
            raise ValueError(_("unknown init {init!r}", init=self.init))
        return self

    def _check_types(self) -> None:
        """Names are text, sizes whole numbers (not true/false, not 4.5), bias a flag."""
        if not isinstance(self.features, tuple | list) or not all(
            isinstance(f, str) for f in self.features
        ):
            raise ValueError(_("the input features must be a list of feature names"))
        if not isinstance(self.hidden, tuple | list) or not all(_whole(n) for n in self.hidden):
            raise ValueError(_("each hidden layer size must be a whole number"))
        for what in ("activation", "output", "init"):
            if not isinstance(getattr(self, what), str):
                raise ValueError(
                    _(
                        "the {what} must be a name, not {value}",
                        what=what,
                        value=shown(getattr(self, what)),
                    )
                )
        for what in ("n_outputs", "seed", "input_dim"):
            if not _whole(getattr(self, what)):
                raise ValueError(
                    _(
                        "{what} must be a whole number, not {value}",
                        what=what,
                        value=shown(getattr(self, what)),
                    )
                )
        if not isinstance(self.bias, bool):
            raise ValueError(_("bias must be true or false, not {bias}", bias=shown(self.bias)))
        if self.input_dim not in (1, 2):
            raise ValueError(_("inputs must be 1-D or 2-D, not {dim}-D", dim=self.input_dim))

    @property
    def sizes(self) -> list[int]:
        """Layer widths, inputs first."""
        return [len(self.features), *self.hidden, self.n_outputs]

    def build(self) -> MLP:
        """A freshly initialised network for this spec."""
        self.validated()
        return MLP(self.sizes, self.activation, self.output, self.bias, self.init, self.seed)

    def to_dict(self) -> dict:
        """JSON-safe form."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> NetworkSpec:
        """Rebuild and validate a spec saved with ``to_dict``."""
        if not isinstance(d, dict):
            raise ValueError(_("a network spec must be a table of settings"))
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        for key in ("features", "hidden"):
            if key in known:
                if not isinstance(known[key], list | tuple):
                    raise ValueError(
                        _("{key} must be a list, not {value}", key=key, value=shown(known[key]))
                    )
                known[key] = tuple(known[key])
        return cls(**known).validated()

    def with_(self, **changes: object) -> NetworkSpec:
        """A copy with some fields changed, validated."""
        return replace(self, **changes).validated()  # type: ignore[arg-type]


def _whole(value: Any) -> bool:
    """A whole number that is not a bool (True is an int in Python, but not a layer size)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)

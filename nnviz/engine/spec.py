"""A network's architecture as a value: features, hidden layers, activations, output."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from nnviz.engine.activations import get_activation
from nnviz.engine.features import check_features
from nnviz.engine.initializers import INITIALIZERS
from nnviz.engine.mlp import MLP

MAX_HIDDEN_LAYERS = 6
MAX_NEURONS = 8

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
        """Return self, or raise ValueError naming what is wrong."""
        check_features(self.features, self.input_dim)
        if len(self.hidden) > MAX_HIDDEN_LAYERS:
            raise ValueError(f"at most {MAX_HIDDEN_LAYERS} hidden layers")
        if any(not 1 <= n <= MAX_NEURONS for n in self.hidden):
            raise ValueError(f"each hidden layer needs 1 to {MAX_NEURONS} neurons")
        if get_activation(self.activation).output_only:
            raise ValueError(f"{self.activation} can only be used on the output layer")
        get_activation(self.output)
        if self.init not in INITIALIZERS:
            raise ValueError(f"unknown init {self.init!r}")
        return self

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
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        for key in ("features", "hidden"):
            if key in known:
                known[key] = tuple(known[key])
        return cls(**known).validated()

    def with_(self, **changes: object) -> NetworkSpec:
        """A copy with some fields changed, validated."""
        return replace(self, **changes).validated()  # type: ignore[arg-type]

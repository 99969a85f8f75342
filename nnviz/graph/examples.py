"""The lectures' worked examples as formulas, each reproducing the numbers of its source exactly."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from nnviz.graph.graph import Graph
from nnviz.graph.parser import parse
from nnviz.text import _


@dataclass(frozen=True)
class WorkedExample:
    """A formula with its leaf values, names for its steps, and where it comes from."""

    key: str
    title: str
    formula: str
    values: tuple[tuple[str, float], ...]
    description: str
    names: tuple[str, ...] = ()
    note: Callable[[Graph], str] | None = None  # more numbers, computed from the built graph

    def build(self) -> Graph:
        """The preset's graph with its values set (forward values already computed)."""
        return parse(self.formula, dict(self.values), self.names)

    def describe(self, graph: Graph) -> str:
        """The description, then any numbers the example computes from its graph."""
        return f"{self.description} {self.note(graph)}" if self.note else self.description


def softmax_probabilities(graph: Graph) -> tuple[float, ...]:
    """Every class's P(k) = e^(z_k) / Σ e^(z_j), from the softmax example's own nodes."""
    total = graph.node("Σe").value
    return tuple(graph.node(name).value / total for name in ("e1", "e2", "e3"))


def _softmax_note(graph: Graph) -> str:
    ps = softmax_probabilities(graph)
    shown = ", ".join(f"{p:.4f}" if p >= 1e-3 else f"{p:.3g}" for p in ps)
    return _(
        "All three classes: P = ({shown}), summing to {total:.4g}.", shown=shown, total=sum(ps)
    )


def _examples() -> list[WorkedExample]:
    """Every worked example, its words in the current language (built when asked for)."""
    return [
        WorkedExample(
            "cs188",
            "CS188: g = w1⁴·w2 + 5·w3",
            "w1**4*w2 + 5*w3",
            (("w1", 2.0), ("w2", 3.0), ("w3", 2.0)),
            _(
                "The lecture's worked example: a = 16, b = 48, c = 10, g = 58; "
                "gradient (96, 16, 5)."
            ),
            ("a", "b", "c", "g"),
        ),
        WorkedExample(
            "gears_sin_log",
            _("Chain rule as gears: sin(log x)"),
            "sin(log(x))",
            (("x", 2.0),),
            _("x turns g = log x, which turns f = sin g: the slopes 1/x and cos g multiply."),
            ("g", "f"),
        ),
        WorkedExample(
            "gears_log_sin",
            _("Chain rule as gears: log(sin x)"),
            "log(sin(x))",
            (("x", 1.0),),
            _("The same gears in the other order: slopes cos x and 1/sin x multiply."),
            ("g", "f"),
        ),
        WorkedExample(
            "logistic",
            _("Logistic regression: log σ(2·w1 + 1·w2)"),
            "log(sigmoid(2*w1 + 1*w2))",
            (("w1", 0.0), ("w2", 0.0)),
            _(
                "One point (2, 1) of class 1 at w = (0, 0): z = 0, p = 0.5, ℓ = −0.6931, "
                "∇ = (1, 0.5)."
            ),
            ("2·w1", "1·w2", "z", "p", "ℓ"),
        ),
        WorkedExample(
            "micrograd",
            "micrograd: L = (a·b + c)·f",
            "(a*b + c)*f",
            (("a", 2.0), ("b", -3.0), ("c", 10.0), ("f", -2.0)),
            _("Karpathy's first example: L = −8; dL/da = 6, dL/db = −4, dL/dc = −2, dL/df = 4."),
            ("e", "d", "L"),
        ),
        WorkedExample(
            "tanh_neuron",
            _("A single tanh neuron"),
            "tanh(x1*w1 + x2*w2 + b)",
            (("x1", 2.0), ("w1", -3.0), ("x2", 0.0), ("w2", 1.0), ("b", 6.8813735870195432)),
            _("micrograd's neuron: o = tanh(n) = 0.7071, so do/dn = 1 − o² = 0.5."),
            ("x1w1", "x2w2", "x1w1x2w2", "n", "o"),
        ),
        WorkedExample(
            "fan_out",
            _("A value used twice: x·x + x"),
            "x*x + x",
            (("x", 3.0),),
            _("x feeds three edges, so its gradient adds three contributions: 3 + 3 + 1 = 7."),
            ("a", "f"),
        ),
        WorkedExample(
            "softmax",
            _("Softmax from ops: P(class 2)"),
            "exp(z2) / (exp(z1) + exp(z2) + exp(z3))",
            (("z1", 5.0), ("z2", 6.0), ("z3", -2.0)),
            _("The lecture's z = (5, 6, −2): P(class 2) = e⁶/(e⁵ + e⁶ + e⁻²) (z2 used twice)."),
            ("e2", "e1", "e2′", "e1 + e2", "e3", "Σe", "p2"),
            _softmax_note,
        ),
    ]


KEYS = tuple(p.key for p in _examples())


class _Examples(Mapping[str, WorkedExample]):
    """The worked examples by key, each built on lookup so its words follow the language."""

    def __getitem__(self, key: str) -> WorkedExample:
        for example in _examples():
            if example.key == key:
                return example
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(KEYS)

    def __len__(self) -> int:
        return len(KEYS)


EXAMPLES: Mapping[str, WorkedExample] = _Examples()

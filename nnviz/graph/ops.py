"""Scalar operations, each with its value rule and its local derivatives side by side."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.graph.text import fmt, power_text
from nnviz.text import _

Values = Sequence[float]
LEAKY_SLOPE = 0.01  # the same slope as the engine's leaky_relu


def _sigmoid(z: float) -> float:
    # Written two ways so e^(−z) never overflows: for z < 0 use e^z / (1 + e^z).
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    ez = math.exp(z)
    return ez / (1.0 + ez)


def _np1(f: Callable[[float], float]) -> Callable[[Values], float]:
    """Lift a NumPy scalar function to the op signature (inputs) -> value, IEEE on bad input."""
    return lambda x: float(f(np.float64(x[0])))


def _np1d(f: Callable[[float], float]) -> Callable[[float, float], float]:
    """Lift a NumPy scalar function to the local-derivative signature (input, output) -> slope."""
    return lambda a, out: float(f(np.float64(a)))


def _fsum(x: Values) -> float:
    # fsum adds without rounding drift; it refuses ∞ + (−∞), which IEEE calls nan.
    try:
        return math.fsum(x)
    except (ValueError, OverflowError):
        return float(np.sum(np.asarray(x, dtype=float)))


def _exponent(n: float | None) -> float:
    if n is None:
        raise ValueError(_("powc needs its constant exponent as param"))
    return n


def _power_rule_text(base: str, n: float) -> str:
    """The power rule as text: n·aⁿ⁻¹, tidied for n = 1 and n = 2."""
    if n == 1:
        return "1"
    if n == 2:
        return f"2·{base}"
    return f"{fmt(n)}·{power_text(base, n - 1)}"


@dataclass(frozen=True)
class Op:
    """One operation of the graph.

    Attributes
    ----------
    name : the key used in graphs (``"mul"``).
    label : a human label (``"multiply"``).
    arity : number of inputs, or ``None`` for any number (the n-ary sum).
    value : ``value(inputs, param) -> output``.
    local : ``local(inputs, output, param) -> (∂out/∂input_k for every k)``.
    render : ``render(operands, param) -> text`` such as ``"a · w2"``.
    local_text : ``local_text(operands, out, param) -> (∂out/∂input_k as text, …)``.
    template : the rule for a tooltip, e.g. ``"∂(a·b)/∂a = b,  ∂(a·b)/∂b = a"``.
    """

    name: str
    label: str
    arity: int | None
    value: Callable[[Values, float | None], float]
    local: Callable[[Values, float, float | None], tuple[float, ...]]
    render: Callable[[Sequence[str], float | None], str]
    local_text: Callable[[Sequence[str], str, float | None], tuple[str, ...]]
    template: str


def _unary(name, label, value, local, text, template, call=None) -> Op:
    """A one-input op drawn as a function call, e.g. ``sin(a)``."""
    call = call or name
    return Op(
        name,
        label,
        1,
        lambda x, p: value(x),
        lambda x, out, p: (local(x[0], out),),
        lambda s, p: f"{call}({s[0]})",
        lambda s, out, p: (text(s[0], out),),
        template,
    )


def _binary(name, label, symbol, value, local, texts, template) -> Op:
    """A two-input op drawn infix, e.g. ``a · b``."""
    return Op(
        name,
        label,
        2,
        lambda x, p: value(x[0], x[1]),
        lambda x, out, p: local(x[0], x[1], out),
        lambda s, p: f"{s[0]} {symbol} {s[1]}",
        lambda s, out, p: texts(s[0], s[1], out),
        template,
    )


def _div(a: float, b: float) -> float:
    return float(np.float64(a) / np.float64(b))


def _pow(a: float, b: float) -> float:
    return float(np.power(np.float64(a), np.float64(b)))


_BINARY = [
    # The sum passes the upstream gradient to both inputs unchanged: ∂(a+b)/∂a = 1.
    _binary(
        "add",
        "add",
        "+",
        lambda a, b: a + b,
        lambda a, b, o: (1.0, 1.0),
        lambda a, b, o: ("1", "1"),
        "∂(a+b)/∂a = 1,  ∂(a+b)/∂b = 1",
    ),
    _binary(
        "sub",
        "subtract",
        "−",
        lambda a, b: a - b,
        lambda a, b, o: (1.0, -1.0),
        lambda a, b, o: ("1", "−1"),
        "∂(a−b)/∂a = 1,  ∂(a−b)/∂b = −1",
    ),
    # A product swaps: the local derivative of a·b with respect to a is b, and vice versa.
    _binary(
        "mul",
        "multiply",
        "·",
        lambda a, b: a * b,
        lambda a, b, o: (b, a),
        lambda a, b, o: (b, a),
        "∂(a·b)/∂a = b,  ∂(a·b)/∂b = a",
    ),
    # a/b = a·b⁻¹: slope 1/b in a, and −a/b² in b.
    _binary(
        "div",
        "divide",
        "/",
        _div,
        lambda a, b, o: (_div(1.0, b), _div(-a, b * b)),
        lambda a, b, o: (f"1/{b}", f"−{a}/{power_text(b, 2)}"),
        "∂(a/b)/∂a = 1/b,  ∂(a/b)/∂b = −a/b²",
    ),
    # a^b with both varying: b·a^(b−1) in a, and a^b·ln a in b (a must be positive for that).
    _binary(
        "pow",
        "power",
        "^",
        _pow,
        lambda a, b, o: (b * _pow(a, b - 1), o * float(np.log(np.float64(a))) if o else 0.0),
        lambda a, b, o: (f"{b}·{a}^({b} − 1)", f"{o}·ln {a}"),
        "∂(a^b)/∂a = b·a^(b−1),  ∂(a^b)/∂b = a^b·ln a",
    ),
]

# a^n for a constant n: the power rule, n·a^(n−1). The exponent lives on the node, not an input.
POWC = Op(
    "powc",
    "power",
    1,
    lambda x, n: _pow(x[0], _exponent(n)),
    lambda x, out, n: (_exponent(n) * _pow(x[0], _exponent(n) - 1),),
    lambda s, n: power_text(s[0], _exponent(n)),
    lambda s, out, n: (_power_rule_text(s[0], _exponent(n)),),
    "∂(aⁿ)/∂a = n·aⁿ⁻¹",
)


# The n-ary sum: every input gets slope 1, so the gradient is copied to all of them.
SUM = Op(
    "sum",
    "sum",
    None,
    lambda x, p: _fsum(x),
    lambda x, out, p: (1.0,) * len(x),
    lambda s, p: " + ".join(s),
    lambda s, out, p: ("1",) * len(s),
    "∂(a+b+…)/∂a = 1",
)

_UNARY = [
    _unary("neg", "negate", lambda x: -x[0], lambda a, o: -1.0, lambda a, o: "−1", "∂(−a)/∂a = −1"),
    # e^a is its own derivative: the slope of exp is the value itself.
    _unary(
        "exp", "exp", _np1(np.exp), lambda a, o: o, lambda a, o: f"exp({a})", "∂exp(a)/∂a = exp(a)"
    ),
    _unary(
        "log",
        "natural log",
        _np1(np.log),
        lambda a, o: _div(1.0, a),
        lambda a, o: f"1/{a}",
        "∂log(a)/∂a = 1/a",
    ),
    _unary(
        "sin", "sine", _np1(np.sin), _np1d(np.cos), lambda a, o: f"cos({a})", "∂sin(a)/∂a = cos(a)"
    ),
    _unary(
        "cos",
        "cosine",
        _np1(np.cos),
        _np1d(lambda a: -np.sin(a)),
        lambda a, o: f"−sin({a})",
        "∂cos(a)/∂a = −sin(a)",
    ),
    # tanh′ = 1 − tanh²: written with the output t, which is already known.
    _unary(
        "tanh",
        "tanh",
        _np1(np.tanh),
        lambda a, o: 1.0 - o * o,
        lambda a, o: f"1 − {power_text(o, 2)}",
        "∂tanh(a)/∂a = 1 − tanh²(a)",
    ),
    # σ′ = σ(1 − σ): largest (¼) at a = 0, nearly 0 in the tails (the vanishing gradient).
    _unary(
        "sigmoid",
        "sigmoid",
        lambda x: _sigmoid(x[0]),
        lambda a, o: o * (1.0 - o),
        lambda a, o: f"{o}·(1 − {o})",
        "∂σ(a)/∂a = σ(a)·(1 − σ(a))",
        call="σ",
    ),
    # ReLU passes positive inputs unchanged (slope 1) and blocks the rest (slope 0).
    _unary(
        "relu",
        "ReLU",
        lambda x: max(x[0], 0.0),
        lambda a, o: 1.0 if a > 0 else 0.0,
        lambda a, o: f"1 if {a} > 0 else 0",
        "∂relu(a)/∂a = 1 if a > 0 else 0",
    ),
    _unary(
        "leaky_relu",
        "leaky ReLU",
        lambda x: x[0] if x[0] > 0 else LEAKY_SLOPE * x[0],
        lambda a, o: 1.0 if a > 0 else LEAKY_SLOPE,
        lambda a, o: f"1 if {a} > 0 else {fmt(LEAKY_SLOPE)}",
        f"∂lrelu(a)/∂a = 1 if a > 0 else {LEAKY_SLOPE}",
        call="lrelu",
    ),
    # The step is flat on both sides of 0, so no gradient flows through it.
    _unary(
        "step",
        "step",
        lambda x: 1.0 if x[0] > 0 else 0.0,
        lambda a, o: 0.0,
        lambda a, o: "0",
        "∂step(a)/∂a = 0",
    ),
    _unary(
        "sqrt",
        "square root",
        _np1(np.sqrt),
        lambda a, o: _div(0.5, o),
        lambda a, o: f"1/(2·{o})",
        "∂√a/∂a = 1/(2√a)",
        call="sqrt",
    ),
    # |a| slopes down on the left and up on the right: its derivative is the sign of a.
    _unary(
        "abs",
        "absolute value",
        lambda x: abs(x[0]),
        lambda a, o: float(np.sign(a)),
        lambda a, o: f"sign({a})",
        "∂|a|/∂a = sign(a)",
    ),
]

OPS: dict[str, Op] = {op.name: op for op in [*_BINARY, POWC, SUM, *_UNARY]}

# Functions a typed formula may call (each is the op of the same name).
FUNCTIONS = ("sin", "cos", "exp", "log", "tanh", "sigmoid", "relu", "sqrt", "abs", "step")


def get_op(name: str) -> Op:
    """Look up an op by name, with a clear error listing the choices."""
    try:
        return OPS[name]
    except KeyError:
        raise ValueError(
            _("unknown op {name!r}; choose one of {choices}", name=name, choices=", ".join(OPS))
        ) from None


def op_words(op: Op) -> str:
    """An op's label in the current language ("multiply", "natural log"; ReLU stays ReLU)."""
    words = {
        "add": _("add"),
        "subtract": _("subtract"),
        "multiply": _("multiply"),
        "divide": _("divide"),
        "power": _("power"),
        "sum": _("sum"),
        "negate": _("negate"),
        "natural log": _("natural log"),
        "sine": _("sine"),
        "cosine": _("cosine"),
        "step": _("step function"),
        "square root": _("square root"),
        "absolute value": _("absolute value"),
    }
    return words.get(op.label, op.label)

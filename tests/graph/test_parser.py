"""Formulas become graphs through ast; anything else is a clear error with its column."""

import numpy as np
import pytest

from nnviz.graph import FormulaError, gradcheck, parse
from nnviz.graph.parser import MAX_LENGTH, MAX_NODES


def ops(graph):
    """(name, op) of every node, in order."""
    return [(n.name, n.op) for n in graph.nodes]


def test_cs188_formula_structure():
    """w1**4*w2 + 5*w3 gives a = w1⁴, b = a·w2, c = 5·w3 and the sum, in that order."""
    g = parse("w1**4*w2 + 5*w3")
    assert ops(g) == [
        ("w1", "leaf"), ("a", "powc"), ("w2", "leaf"), ("b", "mul"),
        ("5", "const"), ("w3", "leaf"), ("c", "mul"), ("d", "add"),
    ]  # fmt: skip
    assert g.node("a").param == 4.0


def test_leaves_default_to_zero_and_take_given_values():
    """Leaves start at 0 unless a value is given; values for other names are ignored."""
    g = parse("x + y", {"y": 2.5, "unused": 9.0})
    assert g.leaf_values == {"x": 0.0, "y": 2.5}
    assert g.output.value == 2.5


def test_names_label_the_operations_in_order():
    """names= names the operation nodes in evaluation order; free letters skip leaf names."""
    g = parse("(a*b + c)*f", names=("e", "d", "L"))
    assert [n.name for n in g.nodes if n.kind == "op"] == ["e", "d", "L"]
    auto = parse("a*b + c")
    assert [n.name for n in auto.nodes if n.kind == "op"] == ["d", "e"]


def test_a_name_used_twice_is_one_leaf():
    """x*x + x has one leaf x feeding three edges."""
    g = parse("x*x + x")
    assert [n.name for n in g.leaves] == ["x"]
    assert len(g.children()[0]) == 3


def test_negative_numbers_are_constants_and_exponents():
    """-3 is a constant, x**-2 a constant power, -x a negation."""
    g = parse("-x**-2 * -3")
    assert ops(g) == [("x", "leaf"), ("a", "powc"), ("b", "neg"), ("−3", "const"), ("c", "mul")]
    assert g.node("a").param == -2.0


def test_variable_exponent_is_a_general_power():
    """x**y with y a variable uses the two-input power a^b."""
    g = parse("x**y", {"x": 2.0, "y": 3.0})
    assert g.output.op == "pow" and g.output.value == 8.0
    assert g.backward() == pytest.approx({"x": 12.0, "y": 8.0 * np.log(2.0)})


def test_board_symbols_are_accepted():
    """·, ×, − and ÷ typed from the board mean *, *, - and /."""
    g = parse("2·x × y − x ÷ 4", {"x": 4.0, "y": 3.0})
    assert g.output.value == 23.0


def test_every_function_parses():
    """All ten functions are available by name."""
    g = parse("sin(x)+cos(x)+exp(x)+log(x)+tanh(x)+sigmoid(x)+relu(x)+sqrt(x)+abs(x)+step(x)")
    assert {n.op for n in g.nodes if n.kind == "op"} >= {
        "sin", "cos", "exp", "log", "tanh", "sigmoid", "relu", "sqrt", "abs", "step",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("formula", "message", "position"),
    [
        ("foo(x)", "unknown function 'foo'", 0),
        ("x + foo(2)", "unknown function 'foo'", 4),
        ("θ + bar(2)", "unknown function 'bar'", 4),
        ("x +* 2", "syntax error: unexpected '\\*'", 3),
        ("x y", "unexpected 'y'", 2),
        ("import os", "unexpected 'import'", 0),
        ("2w1 + 1", "write 2\\*w1", 0),
        ("θ² + 1", "invalid character '²'", 1),
        ("sin(x))", "unmatched", 6),
        ("3 +", "ends too early", 3),
        ("sin( ", "ends too early", 4),
        ("sin(x", "was never closed", 3),
        ("x.y + 1", "attribute access", 0),
        ("2 * x.y", "attribute access", 4),
        ("w[1]", "indexing", 0),
        ("x < 2", "comparison", 0),
        ("x // 2", "operator //", 2),
        ("(x) % 2", "operator %", 4),
        ("x ^ 2", "write \\*\\*", 2),
        ("not x", "operator not", 0),
        ("sin(x, y)", "exactly one argument", 0),
        ("sin(x=1)", "keyword", 4),
        ("math.sin(x)", "only the functions", 0),
        ("5(x)", "only the functions", 0),
        ("sin + 1", "is a function", 0),
        ("'text'", "not a number", 0),
        ("2j", "not a number", 0),
        ("True + x", "not a number", 0),
        ("1e999", "too large", 0),
        ("lambda: 1", "lambda", 0),
        ("x if y else z", "if", 0),
        ("[x, y]", "list", 0),
        ("x, y", "tuple", 0),
        ("(y := 2)", ":=", 1),
        ("   foo(x)", "unknown function", 3),
        ("", "empty", 0),
        ("   ", "empty", 0),
    ],
)
def test_errors_say_what_and_where(formula, message, position):
    """Each bad formula raises FormulaError with a clear message and the 0-based column."""
    with pytest.raises(FormulaError, match=message) as info:
        parse(formula)
    assert info.value.position == position
    assert f"at column {position}" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_too_long_formula_is_refused():
    """Formulas longer than the limit are refused before parsing."""
    with pytest.raises(FormulaError, match="longer than") as info:
        parse("x+" * (MAX_LENGTH // 2) + "x")
    assert info.value.position == MAX_LENGTH


def test_too_many_nodes_is_refused():
    """A formula short enough in characters but with too many parts is refused."""
    formula = "+".join(["1"] * (MAX_LENGTH // 2))  # 250 constants and 249 sums
    assert len(formula) <= MAX_LENGTH and 2 * (MAX_LENGTH // 2) - 1 > MAX_NODES
    with pytest.raises(FormulaError, match="more than"):
        parse(formula)


def test_deep_nesting_is_an_error_not_a_crash():
    """Hundreds of nested brackets give a FormulaError, never a RecursionError."""
    with pytest.raises(FormulaError):
        parse("(" * 240 + "x" + ")" * 240)
    with pytest.raises(FormulaError):
        parse("-" * 499 + "x")


def test_non_text_is_a_type_error():
    """A formula must be a string."""
    with pytest.raises(TypeError):
        parse(3)  # type: ignore[arg-type]


def test_values_must_be_numbers():
    """A value that is not a number is refused with the leaf's name."""
    with pytest.raises(ValueError, match="'x'"):
        parse("x + 1", {"x": "one"})


def random_formula(rng: np.random.Generator, depth: int) -> str:
    """A random smooth formula over x, y, z (denominators and logs kept away from zero)."""
    if depth == 0 or rng.random() < 0.15:
        return str(rng.choice(["x", "y", "z", f"{rng.uniform(-2, 2):.3f}"]))
    a = random_formula(rng, depth - 1)
    kind = int(rng.integers(0, 12))
    if kind < 4:
        b = random_formula(rng, depth - 1)
        return [f"({a} + {b})", f"({a} - {b})", f"({a} * {b})", f"{a} / (1 + ({b})**2)"][kind]
    return [
        f"sin({a})", f"cos({a})", f"tanh({a})", f"sigmoid({a})", f"exp(tanh({a}))",
        f"log(1 + ({a})**2)", f"sqrt(1 + ({a})**2)", f"-({a})",
    ][kind - 4]  # fmt: skip


@pytest.mark.parametrize("seed", range(30))
def test_random_formulas_match_finite_differences(seed):
    """Backprop through random formulas agrees with central differences for every leaf."""
    rng = np.random.default_rng(seed)
    formula = random_formula(rng, 4)
    while len(formula) > MAX_LENGTH or not parse(formula).leaves:
        formula = random_formula(rng, 4)
    values = dict(zip("xyz", rng.normal(size=3), strict=True))
    checks = gradcheck(parse(formula, values))
    assert checks and all(c.ok for c in checks), (formula, checks)


@pytest.mark.parametrize("name", ["__import__", "__class__", "__builtins__", "match", "case"])
def test_python_reserved_names_are_not_variables(name):
    """Dunder names and (soft) keywords are refused as variables, naming the column."""
    with pytest.raises(FormulaError, match=f"'{name}' is reserved") as err:
        parse(f"x + {name}")
    assert err.value.position == 4

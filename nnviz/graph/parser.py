"""Parse a typed formula such as ``w1**4*w2 + 5*w3`` into a graph, with Python's ``ast``."""

from __future__ import annotations

import ast
import keyword
import re
import warnings
from collections.abc import Mapping, Sequence
from itertools import chain, count
from typing import NoReturn

from nnviz.graph.graph import Graph
from nnviz.graph.ops import FUNCTIONS
from nnviz.text import _

MAX_LENGTH = 500  # characters
MAX_NODES = 400  # leaves, constants and operations

# Symbols a learner may paste from the board, each replaced by one ASCII character so
# every column number still points at the same place.
_TRANSLATE = str.maketrans(
    {"·": "*", "×": "*", "−": "-", "÷": "/", "\t": " ", "\n": " ", "\r": " "}
)
_BINARY = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}
_SYMBOLS = {ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.BitAnd: "&",
            ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<",
            ast.RShift: ">>", ast.Not: "not", ast.Invert: "~"}  # fmt: skip


def _constructs() -> dict[type[ast.AST], str]:
    """Python constructs a formula may not use, named in the current language."""
    comprehension = _("a comprehension")
    return {
        ast.Attribute: _("attribute access"), ast.Subscript: _("indexing with [ ]"),
        ast.Compare: _("a comparison"), ast.BoolOp: "'and'/'or'", ast.IfExp: "'if … else'",
        ast.Lambda: "'lambda'", ast.NamedExpr: "':='", ast.Tuple: _("a tuple (a comma)"),
        ast.List: _("a list"), ast.Dict: _("a dict"), ast.Set: _("a set"),
        ast.JoinedStr: _("an f-string"), ast.Starred: _("'*' unpacking"), ast.Await: "'await'",
        ast.Yield: "'yield'", ast.ListComp: comprehension, ast.GeneratorExp: comprehension,
        ast.SetComp: comprehension, ast.DictComp: comprehension, ast.Slice: _("a slice"),
    }  # fmt: skip


def _symbol(op: type[ast.AST]) -> str:
    """An operator as the message shows it (^ with a hint: a power is written **)."""
    if op is ast.BitXor:
        return _("^ (for a power write **)")
    return _SYMBOLS.get(op, op.__name__)


class FormulaError(ValueError):
    """A formula that cannot be used; ``position`` is the 0-based column of the problem."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(_("{message} at column {position}", message=message, position=position))
        self.message = message
        self.position = position


def parse(
    formula: str,
    values: Mapping[str, float] | None = None,
    names: Sequence[str] | None = None,
) -> Graph:
    """Build the graph of a formula.

    Parameters
    ----------
    formula : e.g. ``"w1**4*w2 + 5*w3"``, ``"sin(log(x))"``. Operators ``+ - * / **`` and
        unary minus; functions ``sin cos exp log tanh sigmoid relu sqrt abs step``; numbers
        become constants and every other name a leaf (a variable).
    values : starting leaf values by name (a leaf not given starts at 0; others are ignored).
    names : names for the operation nodes in the order they are computed, e.g.
        ``("a", "b", "c", "g")``; the rest get free letters (a, b, c, … not used by leaves).

    Raises
    ------
    FormulaError
        For a syntax error, an unknown function, any construct other than arithmetic and the
        functions above, or a formula that is empty or too long; ``.position`` is the column.
    """
    if not isinstance(formula, str):
        raise TypeError(_("a formula is text, not {type_name}", type_name=type(formula).__name__))
    text = formula.translate(_TRANSLATE)
    if not text.strip():
        raise FormulaError(_("the formula is empty"), 0)
    if len(text) > MAX_LENGTH:
        raise FormulaError(
            _("the formula is longer than {max_length} characters", max_length=MAX_LENGTH),
            MAX_LENGTH,
        )
    indent = len(text) - len(text.lstrip())
    tree = _syntax_tree(text[indent:], indent)
    builder = _Builder(text, indent, tree, names)
    graph = builder.build()
    given = {k: v for k, v in (values or {}).items() if k in builder.leaf_ids}
    if given:
        graph.forward(given)
    return graph


def _syntax_tree(text: str, indent: int) -> ast.Expression:
    if text.rstrip()[-1] in "+-*/(,":
        raise FormulaError(_("the formula ends too early"), indent + len(text.rstrip()))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "'int' object is not callable" for 5(x)
            return ast.parse(text, mode="eval")
    except SyntaxError as err:
        column = max((err.offset or 1) - 1, 0)
        raise FormulaError(_syntax_message(err.msg, text, column), indent + column) from None
    except (RecursionError, MemoryError):
        raise FormulaError(_("the formula is nested too deeply"), indent) from None
    except ValueError as err:  # e.g. a null character
        raise FormulaError(str(err), indent) from None


def _syntax_message(msg: str | None, text: str, column: int) -> str:
    """Python's message, or for a bare "invalid syntax" the word it tripped over."""
    if msg == "invalid decimal literal":  # what Python says for 2w1
        return _("syntax error: a number runs into a name (write 2*w1, not 2w1)")
    if msg and not msg.startswith("invalid syntax"):
        return _("syntax error: {msg}", msg=msg)
    token = re.match(r"\w+|\S", text[column:])
    return (
        _("syntax error: unexpected '{token}'", token=token.group()) if token else _("syntax error")
    )


class _Builder:
    """Walks the syntax tree bottom-up, adding one graph node per leaf, number and operation."""

    def __init__(self, text: str, indent: int, tree: ast.Expression, names) -> None:
        self.text, self.indent, self.tree = text, indent, tree
        self.graph = Graph()
        self.leaf_ids: dict[str, int] = {}
        self.given = list(names or [])
        taken = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | set(self.given)
        letters = (chr(c) for c in range(ord("a"), ord("z") + 1))
        numbered = (f"n{i}" for i in count(1))
        self.free = (n for n in chain(letters, numbered) if n not in taken)

    def build(self) -> Graph:
        try:
            self.visit(self.tree.body)
        except RecursionError:
            raise FormulaError(_("the formula is nested too deeply"), self.indent) from None
        return self.graph

    def visit(self, node: ast.AST) -> int:
        if len(self.graph) >= MAX_NODES:
            self.fail(_("the formula has more than {max_nodes} parts", max_nodes=MAX_NODES), node)
        if isinstance(node, ast.BinOp):
            return self.binary(node)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.Constant):
            return self.graph.const(self.number(node))
        what = _constructs().get(type(node), f"'{type(node).__name__}'")
        self.fail(_("{what} is not allowed in a formula", what=what), node)

    def binary(self, node: ast.BinOp) -> int:
        if type(node.op) not in _BINARY:
            symbol = _symbol(type(node.op))
            self.fail(
                _("the operator {symbol} is not supported", symbol=symbol), node, operator=True
            )
        left = self.visit(node.left)
        exponent = self.constant_value(node.right) if isinstance(node.op, ast.Pow) else None
        if exponent is not None:
            # a**n with a fixed n is one node with its own power rule (the lecture's w1⁴).
            return self.graph.op("powc", left, name=self.op_name(), param=exponent)
        right = self.visit(node.right)
        return self.graph.op(_BINARY[type(node.op)], left, right, name=self.op_name())

    def unary(self, node: ast.UnaryOp) -> int:
        value = self.constant_value(node)
        if value is not None:
            return self.graph.const(value)  # −3 is a number, not "negate 3"
        if isinstance(node.op, ast.UAdd):
            return self.visit(node.operand)
        if isinstance(node.op, ast.USub):
            return self.graph.op("neg", self.visit(node.operand), name=self.op_name())
        self.fail(_("the operator {symbol} is not supported", symbol=_symbol(type(node.op))), node)

    def call(self, node: ast.Call) -> int:
        func = node.func
        if not isinstance(func, ast.Name):
            self.fail(
                _("only the functions {choices} can be called", choices=", ".join(FUNCTIONS)),
                func,
            )
        if func.id not in FUNCTIONS:
            self.fail(
                _(
                    "unknown function '{name}' (use {choices})",
                    name=func.id,
                    choices=", ".join(FUNCTIONS),
                ),
                func,
            )
        if node.keywords:
            self.fail(
                _("{func_id}() takes no keyword arguments", func_id=func.id), node.keywords[0]
            )
        if len(node.args) != 1:
            self.fail(
                _(
                    "{name}() takes exactly one argument, got {got}",
                    name=func.id,
                    got=len(node.args),
                ),
                node,
            )
        arg = self.visit(node.args[0])
        return self.graph.op(func.id, arg, name=self.op_name())

    def name(self, node: ast.Name) -> int:
        if node.id in FUNCTIONS:
            self.fail(_("'{node_id}' is a function: write {node_id}(…)", node_id=node.id), node)
        if node.id.startswith("__") or keyword.iskeyword(node.id) or keyword.issoftkeyword(node.id):
            # Python's own names (__import__, __class__, match, type) are not variables here.
            self.fail(
                _(
                    "'{node_id}' is reserved; name a variable with letters, like x or w1",
                    node_id=node.id,
                ),
                node,
            )
        if node.id not in self.leaf_ids:  # a name used twice is one leaf that fans out
            self.leaf_ids[node.id] = self.graph.leaf(node.id)
        return self.leaf_ids[node.id]

    def number(self, node: ast.Constant) -> float:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(_("{number!r} is not a number", number=value), node)
        try:
            number = float(value)
        except OverflowError:
            number = float("inf")
        if number != number or abs(number) == float("inf"):
            self.fail(_("this number is too large"), node)
        return number

    def constant_value(self, node: ast.AST) -> float | None:
        """The value of a plain number such as ``4`` or ``-0.5``, else ``None``."""
        sign = 1.0
        while isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd | ast.USub):
            sign = -sign if isinstance(node.op, ast.USub) else sign
            node = node.operand
        return sign * self.number(node) if isinstance(node, ast.Constant) else None

    def op_name(self) -> str:
        """The name for the next operation node: the caller's, else a free letter."""
        return self.given.pop(0) if self.given else next(self.free)

    def fail(self, message: str, node: ast.AST, operator: bool = False) -> NoReturn:
        raise FormulaError(message, self.column(node, operator))

    def column(self, node: ast.AST, operator: bool = False) -> int:
        """0-based character column of a node (``ast`` counts UTF-8 bytes, learners don't)."""
        line = self.text[self.indent :]
        if operator and isinstance(node, ast.BinOp):
            # ast gives no position for the operator itself: it sits after the left operand.
            start = _chars(line, node.left.end_col_offset or 0)
            while start < len(line) and line[start] in " )":
                start += 1
            return self.indent + start
        return self.indent + _chars(line, getattr(node, "col_offset", 0))


def _chars(line: str, byte_offset: int) -> int:
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))

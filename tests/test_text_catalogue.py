"""The pure core's sentences go through nnviz.text, and resources/i18n/nnviz.pot is current."""

import ast
import importlib.util
import re
import string
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_SPEC = importlib.util.spec_from_file_location(
    "extract_messages", ROOT / "tools/extract_messages.py"
)
assert _SPEC is not None and _SPEC.loader is not None
extract_messages = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(extract_messages)
MODULES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "nnviz").rglob("*.py"))


def _tree(module: str) -> ast.Module:
    return ast.parse((ROOT / module).read_text(encoding="utf-8"), module)


def _literal_text(node: ast.expr) -> str | None:
    """The words of a plain or f-string literal (f-string fields dropped), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return " ".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _translate_calls(tree: ast.AST) -> list[ast.Call]:
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("_", "n_")
    ]


@pytest.mark.parametrize("module", MODULES)
def test_error_messages_go_through_the_catalogue(module):
    """``raise SomethingError("two or more words")`` must be ``raise SomethingError(_(…))``."""
    bare = []
    for node in ast.walk(_tree(module)):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func, args = node.exc.func, node.exc.args
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        text = _literal_text(args[0]) if args and name.endswith("Error") else None
        if text is not None and len(re.findall(r"[^\W\d_]{2,}", text)) >= 2:
            bare.append(f"{module}:{node.lineno}")
    assert not bare, "wrap these messages in _() from nnviz.text: " + ", ".join(bare)


def test_templates_are_literal_with_named_fields_that_are_all_given():
    """The template is the message id: a literal whose fields are named and passed by name."""
    problems = []
    for module in MODULES:
        for call in _translate_calls(_tree(module)):
            where = f"{module}:{call.lineno}"
            n_templates = 2 if call.func.id == "n_" else 1
            templates = call.args[:n_templates]
            if len(templates) < n_templates or not all(
                isinstance(t, ast.Constant) and isinstance(t.value, str) for t in templates
            ):
                problems.append(f"{where}: the template must be a string literal")
                continue
            given = {k.arg for k in call.keywords} | ({"n"} if call.func.id == "n_" else set())
            for template in templates:
                fields = [
                    f for _t, f, _s, _c in string.Formatter().parse(template.value) if f is not None
                ]
                roots = {re.split(r"[.\[]", f)[0] for f in fields}
                if any(f == "" or f[0].isdigit() for f in fields):
                    problems.append(f"{where}: positional field in {template.value!r}")
                elif roots != given and (call.keywords or roots):
                    problems.append(f"{where}: fields {sorted(roots)} but given {sorted(given)}")
                elif not given and ("{{" in template.value or "}}" in template.value):
                    problems.append(f"{where}: {{{{ is only unescaped when fields are given")
    assert not problems, "\n".join(problems)


def test_templates_differ_in_more_than_field_names_or_spacing():
    """Two templates that read the same to a translator are one template spelt twice."""
    spellings = defaultdict(set)
    for module in MODULES:
        for call in _translate_calls(_tree(module)):
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                shape = re.sub(r"\{[^{}!:]*", "{", first.value)  # names go, !r and :.3g stay
                spellings[" ".join(shape.lower().split())].add(first.value)
    twins = [sorted(s) for s in spellings.values() if len(s) > 1]
    assert not twins, twins


@pytest.mark.parametrize("module", MODULES)
def test_nothing_rebinds_the_underscore_it_translates_with(module):
    """``for _ in …`` or ``a, _ = …`` in a module that imports ``_`` hides the catalogue."""
    tree = _tree(module)
    if not any(isinstance(n, ast.ImportFrom) and n.module == "nnviz.text" for n in tree.body):
        return
    comprehension_targets = {
        id(name)
        for c in ast.walk(tree)
        if isinstance(c, ast.comprehension)
        for name in ast.walk(c.target)
    }
    rebound = [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Name)
        and n.id == "_"
        and isinstance(n.ctx, ast.Store)
        and id(n) not in comprehension_targets
    ]
    assert not rebound, f"{module} rebinds _ at lines {rebound}"


def test_the_committed_template_catalogue_is_current(tmp_path):
    """resources/i18n/nnviz.pot equals a fresh extraction (run tools/extract_messages.py)."""
    fresh = tmp_path / "nnviz.pot"
    extract_messages.main(["--root", str(ROOT), "--output", str(fresh)])
    committed = ROOT / extract_messages.POT

    def body(path: Path) -> list[str]:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [line for line in lines if not line.startswith('"POT-Creation-Date:')]

    assert body(committed) == body(fresh), "run: python tools/extract_messages.py"

"""Numbers and powers written the way a learner reads them on the board."""

from __future__ import annotations

import math

from nnviz.text import _

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
FIXED_RANGE = (1e-4, 1e6)  # plain decimals inside it; scientific notation only outside


def fmt(x: float, digits: int = 4) -> str:
    """A number as a learner reads it: ``16`` not ``16.0``, ``−0.6931``, a true minus sign.

    ``digits`` significant digits; plain decimals from 0.0001 to a million (``0.0008886``,
    ``12346``), scientific notation only beyond (``−8.751e−5``, ``1e+20``).
    """
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    a = abs(x)
    if x == int(x) and a < FIXED_RANGE[1]:
        text = str(int(x))
    elif FIXED_RANGE[0] <= a < FIXED_RANGE[1]:
        decimals = max(0, digits - 1 - math.floor(math.log10(a)))
        text = _trim(f"{x:.{decimals}f}")
    else:
        mantissa, exponent = f"{x:.{max(digits - 1, 0)}e}".split("e")
        sign = "-" if exponent.startswith("-") else "+"
        text = f"{_trim(mantissa)}e{sign}{int(exponent[1:])}"
    return text.replace("-", "−")


def full(x: float | None) -> str:
    """Every digit worth keeping (for tooltips): 12 significant digits."""
    return "·" if x is None else fmt(x, 12)


def fmt_delta(before: float, after: float, digits: int = 4) -> str:
    """``1.65512 → 1.65498 (Δ −0.00014)``: enough digits that the change shows."""
    old, new, delta = change_parts(before, after, digits)
    change = _("no change") if delta == "0" else f"Δ {delta}"
    return f"{old} → {new} ({change})"


def change_parts(before: float, after: float, digits: int = 4) -> tuple[str, str, str]:
    """Before, after and their change as text, with enough digits that the change shows.

    Both values get as many significant digits as it takes to show the change's first two
    significant digits (at least ``digits``); the change itself keeps two.
    """
    delta = after - before
    if not (math.isfinite(before) and math.isfinite(after)) or delta == 0:
        return fmt(before, digits), fmt(after, digits), fmt(delta, 2)
    top = max(abs(before), abs(after))
    need = math.floor(math.log10(top)) - math.floor(math.log10(abs(delta))) + 2
    sig = min(max(digits, need), 15)
    return fmt(before, sig), fmt(after, sig), fmt(delta, 2)


def class_text(label: float, loss: str) -> str:
    """How a traced example's label reads: classes count from 1, as on the class buttons.

    Data labels 0, 1, … are shown as class 1, 2, …; the losses that compute with the label
    say once what number they use (log loss: y = 1 or 0; hinge: y = +1 or −1).
    """
    if loss == "mse":
        return _("target y = {label}", label=fmt(label))
    k = int(label)
    if loss == "log":
        return _("class {number} (y = {y} in the loss)", number=k + 1, y=k)
    if loss == "hinge":
        return _(
            "class {number} (y = {y} in the loss)", number=k + 1, y="+1" if label > 0 else "−1"
        )
    return _("class {number}", number=k + 1)


def _trim(text: str) -> str:
    """Drop trailing zeros after a decimal point: ``0.5000`` → ``0.5``, ``2.000`` → ``2``."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def operand(x: float) -> str:
    """A number as an operand: negative numbers in brackets, so ``3 · (−2)`` reads clearly."""
    text = fmt(x)
    return f"({text})" if text.startswith("−") else text


def power_text(base: str, n: float) -> str:
    """``base`` raised to a constant ``n``: superscripts for short exponents (w1⁴), else ^."""
    if base.startswith("−") or any(c in base for c in " +·/^"):
        base = f"({base})"
    if n == 1:
        return base
    exponent = fmt(n)
    if n == int(n) and len(exponent) <= 3:  # w1⁴, x⁻¹; but x^0.5, never a raised dot
        return base + exponent.replace("−", "-").translate(_SUPERSCRIPTS)
    return f"{base}^{exponent}"

"""Numbers and powers written the way a learner reads them on the board."""

from __future__ import annotations

import math

_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def fmt(x: float, digits: int = 4) -> str:
    """A number as a learner reads it: ``16`` not ``16.0``, ``−0.6931``, a true minus sign."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if x == int(x) and abs(x) < 1e15:
        text = str(int(x))
    else:
        text = f"{x:.{digits}g}"
    return text.replace("-", "−")


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

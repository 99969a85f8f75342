"""The documented bounds on numbers nnviz accepts from files, CSV and the user's edits."""

from nnviz.text import _

# Coordinates and regression targets: |x| ≤ MAX_COORD. Anything larger cannot be drawn or
# trained on sensibly (a heatmap over ±1e300 is all NaN), so it is refused at the door.
MAX_COORD = 1e6

# Point ids travel through Qt signals typed ``int`` (32-bit), so they stay below 2³¹.
MAX_ID = 2**31 - 1

# The most characters of a bad value quoted back in an error message.
MAX_SHOWN = 40


def shown(value: object) -> str:
    """A short, safe quotation of a bad value for a message (never thousands of characters)."""
    try:
        text = repr(value)
    except ValueError:  # an int too long to print (over 4,300 digits)
        return _("a number with thousands of digits")
    return text if len(text) <= MAX_SHOWN else f"{text[: MAX_SHOWN - 1]}…"

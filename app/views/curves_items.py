"""Helpers for the curves view: tidy history, change keys, header and hover text, log axis."""

from __future__ import annotations

import math
import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from app.i18n import QT_TR_NOOP, tr
from nnviz.palette import BLUE, CLASS_COLORS, ORANGE

Array = np.ndarray
SERIES = ("train_loss", "test_loss", "train_acc", "test_acc", "val_loss", "mistakes")
LOSS_SERIES = ("train_loss", "test_loss", "val_loss")  # what the loss panel usually shows
MISTAKE_SERIES = ("mistakes",)  # what it shows instead while a perceptron rule trains
# Train is a darker shade of the positive blue (reads as "the main line"); test is orange.
TRAIN_COLOR = tuple(int(c * 0.75) for c in BLUE)
GREEN = CLASS_COLORS[2]  # validation loss and the best epoch (early stopping)
# English words, marked for the catalogue: shown through tr().
HINT = QT_TR_NOOP("hover over the curves for exact values")
NOTE = QT_TR_NOOP("accuracy applies to classification")
MISTAKES = QT_TR_NOOP("mistakes per epoch")
LOG_TIP = QT_TR_NOOP("Show the loss on a logarithmic axis (losses ≤ 0 are left out)")
# (plot, series, colour, legend name, dashed)
LINES = (
    ("loss", "train_loss", TRAIN_COLOR, QT_TR_NOOP("train"), False),
    ("loss", "test_loss", ORANGE, QT_TR_NOOP("test"), True),
    ("acc", "train_acc", TRAIN_COLOR, QT_TR_NOOP("train"), False),
    ("acc", "test_acc", ORANGE, QT_TR_NOOP("test"), True),
    ("loss", "val_loss", GREEN, QT_TR_NOOP("validation"), True),
    ("loss", "mistakes", TRAIN_COLOR, QT_TR_NOOP("mistakes"), False),
)
OPTIONAL = ("val_loss", "mistakes")  # in the legend only while they have points


def clean_history(history: dict | None) -> dict[str, Array]:
    """Float arrays for ``epoch`` and every series, all the same length (NaN where missing).

    Odd input (missing keys, wrong lengths, non-numbers) never raises: a bad series becomes NaN,
    a bad epoch axis means an empty history.
    """
    history = history or {}
    try:
        epoch = np.asarray(history.get("epoch", ()), dtype=float).reshape(-1)
    except (TypeError, ValueError):
        epoch = np.zeros(0)
    if not np.isfinite(epoch).all():
        epoch = np.zeros(0)
    out = {"epoch": epoch}
    for name in SERIES:
        try:
            values = np.asarray(history.get(name, ()), dtype=float).reshape(-1)
        except (TypeError, ValueError):
            values = np.zeros(0)
        out[name] = values if values.shape == epoch.shape else np.full(epoch.shape, np.nan)
    return out


def history_key(history: dict[str, Array]) -> tuple:
    """What identifies a drawn history cheaply: length, first and last epoch, last train loss.

    The engine only appends (or thins out) points, so an unchanged key means an unchanged
    picture and the redraw can be skipped.
    """
    epoch = history["epoch"]
    if len(epoch) == 0:
        return (0,)
    last_loss = history["train_loss"][-1]
    return (len(epoch), float(epoch[0]), float(epoch[-1]), repr(float(last_loss)))


def went_backwards(old: tuple | None, new: tuple) -> bool:
    """True after a reset or a step back: the history emptied or its last epoch decreased."""
    if new == (0,):
        return True
    return old is not None and len(old) > 1 and new[2] < old[2]


NICE_STEPS = (1.0, 1.5, 2.0, 3.0, 5.0, 7.5, 10.0)


def nice_ceiling(value: float) -> float:
    """The smallest round number ≥ ``value`` (1, 1.5, 2, 3, 5 or 7.5 × 10ᵏ).

    Axes that end on round numbers change only now and then, so they can be drawn once and
    reused while the lines grow (re-ticking two plots every frame cost ~6 ms a paint).
    """
    if not np.isfinite(value) or value <= 0:
        return 1.0
    scale = 10.0 ** math.floor(math.log10(value))
    return next(s * scale for s in NICE_STEPS if s * scale >= value * (1 - 1e-12))


def loss_range(
    history: dict[str, Array], log: bool, series: tuple[str, ...] = LOSS_SERIES
) -> tuple[float, float] | None:
    """The loss axis: 0 to a round number, or whole decades in log scale (None if no data)."""
    values = np.concatenate([history[name] for name in series if name in history])
    values = values[np.isfinite(values)]
    if log:
        values = values[values > 0]
        if not len(values):
            return None
        low, high = math.floor(math.log10(values.min())), math.ceil(math.log10(values.max()))
        return float(low), float(max(high, low + 1))
    if not len(values):
        return None
    return 0.0, nice_ceiling(float(values.max()) * 1.05)


def nearest_index(epochs: Array, x: float) -> int:
    """Index of the epoch closest to ``x`` (epochs ascending, at least one)."""
    i = int(np.searchsorted(epochs, x))
    if i <= 0:
        return 0
    if i >= len(epochs):
        return len(epochs) - 1
    return i if epochs[i] - x < x - epochs[i - 1] else i - 1


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def fmt_loss(value: object, digits: int = 4) -> str:
    """A loss for reading: fixed decimals, scientific when tiny, a dash when missing."""
    value = _number(value)
    if not math.isfinite(value):
        return "–"
    if value != 0 and abs(value) < 10 ** (-digits + 1):
        return f"{value:.{max(digits - 2, 1)}e}"
    return f"{value:.{digits}f}"


def fmt_acc(fraction: object) -> str:
    """An accuracy fraction as a percentage ('98.4 %'), a dash when missing."""
    fraction = _number(fraction)
    return "–" if not math.isfinite(fraction) else f"{100 * fraction:.1f} %"


def header_text(epoch: int, metrics: dict[str, float], mistakes: float | None = None) -> str:
    """The big header: zero-padded epoch like the Playground, then the latest losses.

    While a perceptron rule trains (``mistakes`` given) it shows the last epoch's mistakes.
    """
    shown = tr("epoch {epoch}").format(epoch=f"{max(int(epoch), 0):06d}")
    if mistakes is not None:
        made = "–" if not math.isfinite(mistakes) else f"{mistakes:.0f}"
        return f"{shown}   " + tr("mistakes in the last epoch {n}").format(n=made)
    train = fmt_loss((metrics or {}).get("train_loss"), 3)
    test = fmt_loss((metrics or {}).get("test_loss"), 3)
    losses = (
        tr("train loss {loss}").format(loss=train),
        tr("test loss {loss}").format(loss=test),
    )
    return "   ".join((shown, *losses))


def readout_text(history: dict[str, Array], i: int, accuracy: bool = True) -> str:
    """The hover line for history row ``i``: the epoch and every value at it."""
    parts = [
        tr("epoch {epoch}").format(epoch=int(history["epoch"][i])),
        tr("train loss {loss}").format(loss=fmt_loss(history["train_loss"][i])),
        tr("test loss {loss}").format(loss=fmt_loss(history["test_loss"][i])),
    ]
    if math.isfinite(history["val_loss"][i]):
        parts.append(tr("validation loss {loss}").format(loss=fmt_loss(history["val_loss"][i])))
    if math.isfinite(history["mistakes"][i]):
        parts.append(tr("mistakes {n}").format(n=f"{history['mistakes'][i]:.0f}"))
    if accuracy:
        parts += [
            tr("train acc {acc}").format(acc=fmt_acc(history["train_acc"][i])),
            tr("test acc {acc}").format(acc=fmt_acc(history["test_acc"][i])),
        ]
    return " · ".join(parts)


def place_dots(dots: pg.PlotDataItem, x: float, coloured: tuple, log: bool) -> None:
    """Hover dots at epoch ``x``: one per finite (value, colour) pair (> 0 on a log axis)."""
    pairs = [(v, c) for v, c in coloured if np.isfinite(v) and (v > 0 or not log)]
    if not pairs:
        dots.setData([], [])
        return
    values, colours = zip(*pairs, strict=True)
    dots.setData([x] * len(values), list(values), symbolBrush=[pg.mkBrush(c) for c in colours])


def no_break(text: str, separator: str) -> str:
    """Non-breaking spaces inside each part, so a word-wrapped label only breaks at separators."""
    return separator.join(part.replace(" ", "\u00a0") for part in text.split(separator))


def diverged_epoch(message: str, fallback: int) -> int:
    """The epoch named in 'diverged at epoch N …' (in any language), else ``fallback``.

    English names it after the word 'epoch'; a translation (在第 N 轮发散) names it first.
    """
    words = message.split()
    for a, b in zip(words, words[1:], strict=False):
        if a == "epoch" and b.isdigit():
            return int(b)
    first = re.search(r"[0-9]+", message)
    return int(first.group()) if first else fallback


class LossAxis(pg.AxisItem):
    """A left axis whose log-mode labels stay readable: only 1, 2 and 5 × 10ᵏ are labelled."""

    def _step(self, spacing: float) -> int:
        """Label every k-th tick ``spacing`` apart so labels never stack (1 if unknown)."""
        view = self.linkedView()
        font = self.style["tickFont"]
        if view is None or font is None:
            return 1
        y0, y1 = view.viewRange()[1]
        pixels = self.size().height() * spacing / max(abs(y1 - y0), 1e-300)
        room = QFontMetrics(font).height() * 1.1
        return max(1, int(np.ceil(room / max(pixels, 1e-9))))

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        """pyqtgraph's labels, every k-th one blank when a short plot would stack them."""
        strings = super().tickStrings(values, scale, spacing)
        if self.logMode or not len(values):
            return strings
        step = self._step(spacing)
        keep = [round(v / spacing) % step == 0 for v in values]
        return [t if k else "" for t, k in zip(strings, keep, strict=True)]

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
        """pyqtgraph's labels, blanked for the crowded 3, 4, 6, 7, 8, 9 × 10ᵏ minor ticks; in a
        short plot only every k-th decade is labelled, and 2 and 5 only with room between."""
        strings = super().logTickStrings(values, scale, spacing)
        values = np.asarray(values, dtype=float)
        step = self._step(1.0)  # labels one decade apart
        decades = [round(10 ** (v % 1.0), 3) in (1.0, 10.0) for v in values]
        keep = [
            round(v) % step == 0 if decade else step == 1 and self._step(0.3) == 1
            for v, decade in zip(values, decades, strict=True)
        ]
        mantissas = [round(10 ** (v % 1.0), 3) for v in values]
        return [
            s if k and m in (1.0, 2.0, 5.0, 10.0) else ""
            for s, k, m in zip(strings, keep, mantissas, strict=True)
        ]

"""One colour language for every view: blue = positive / class 1, orange = negative / class 0.

Pure NumPy: maps numbers to colours and widths; the views only paint the results.
"""

from __future__ import annotations

import numpy as np

Array = np.ndarray

# The Playground's colour-blind-safe pair, plus a neutral grey for zero.
BLUE = (8, 119, 189)
ORANGE = (245, 147, 34)
GREY = (232, 234, 235)
INK = (40, 44, 52)
# Okabe–Ito colours for up to six classes (class 0 orange, class 1 blue as above).
CLASS_COLORS = [ORANGE, BLUE, (0, 158, 115), (204, 121, 167), (86, 180, 233), (213, 94, 0)]
HIGHLIGHT = (220, 20, 60)


def hex_color(rgb: tuple[int, int, int]) -> str:
    """'#rrggbb' for an (r, g, b) tuple."""
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def signed_color(value: float, scale: float = 1.0) -> tuple[int, int, int]:
    """Orange at −scale, grey at 0, blue at +scale (clamped), as the Playground's links."""
    if np.isnan(value):  # an undefined number shows as "nothing", never as a crash
        return GREY
    t = float(np.clip(value / scale, -1.0, 1.0)) if scale > 0 else 0.0
    end = np.array(BLUE if t >= 0 else ORANGE, dtype=float)
    rgb = np.array(GREY, dtype=float) + abs(t) * (end - np.array(GREY, dtype=float))
    return tuple(int(round(c)) for c in rgb)  # type: ignore[return-value]


def magnitude_width(value: float, scale: float, min_px: float = 1.0, max_px: float = 10.0) -> float:
    """Line width growing with |value| up to ``scale`` (|w| 0..scale → 1..10 px)."""
    if scale <= 0 or not np.isfinite(value):
        return min_px
    return float(min_px + (max_px - min_px) * min(abs(value) / scale, 1.0))


_LUT_STEPS = 1025  # odd, so t = 0 hits the white entry exactly; ±1 hit the end colours


def _signed_rgb(t: Array) -> Array:
    """The colour ramp itself: t in [−1, 1] → orange … grey-white … blue, as floats."""
    t = t[..., None]
    white = np.array([250, 250, 250], dtype=float)
    pos = white + t * (np.array(BLUE) - white)
    neg = white + (-t) * (np.array(ORANGE) - white)
    return np.where(t >= 0, pos, neg)


_SIGNED_LUT = np.round(_signed_rgb(np.linspace(-1.0, 1.0, _LUT_STEPS))).astype(np.uint8)


def signed_image(values: Array, scale: float, alpha: int = 255) -> Array:
    """RGBA uint8 image: each value coloured orange → grey-white → blue by sign and size.

    The ramp is looked up in a precomputed table (1025 steps, under ¼ of a colour level
    apart): one table look-up per pixel instead of a dozen float passes per frame.
    """
    v = np.asarray(values, dtype=float)
    t = np.clip(v / scale if scale > 0 else v * 0.0, -1.0, 1.0)
    t[np.isnan(t)] = 0.0  # an undefined number shows as neutral, never as a crash
    index = np.rint((t + 1.0) * ((_LUT_STEPS - 1) / 2)).astype(np.intp)
    out = np.empty((*v.shape, 4), dtype=np.uint8)
    out[..., :3] = _SIGNED_LUT[index]
    out[..., 3] = alpha
    return out


def probability_image(p: Array, level: float = 0.5, alpha: int = 200) -> Array:
    """Two-class confidence shading: P(class 1) 0 → orange, ``level`` → white, 1 → blue."""
    lo, hi = (-1.0, 1.0) if level == 0.0 else (0.0, 1.0)
    t = np.where(p >= level, (p - level) / (hi - level), (p - level) / (level - lo))
    return signed_image(np.clip(t, -1, 1), 1.0, alpha)


def class_blend_image(probs: Array, alpha: int = 200) -> Array:
    """k-class shading: blend the class colours by their probabilities, (k, R, R) → RGBA."""
    colors = np.array(CLASS_COLORS[: probs.shape[0]], dtype=float)  # (k, 3)
    white = np.array([250.0, 250.0, 250.0])
    mixed = np.tensordot(np.moveaxis(probs, 0, -1), colors, axes=1)
    # Fade toward white where the network is unsure (max probability near 1/k).
    k = probs.shape[0]
    confidence = (probs.max(axis=0) - 1.0 / k) / (1.0 - 1.0 / k)
    rgb = white + confidence[..., None] * (mixed - white)
    out = np.empty((*probs.shape[1:], 4), dtype=np.uint8)
    out[..., :3] = np.clip(np.round(rgb), 0, 255).astype(np.uint8)
    out[..., 3] = alpha
    return out


def symmetric_scale(values: Array, floor: float = 1e-9) -> float:
    """The largest |value| (at least ``floor``), for a symmetric colour scale."""
    finite = np.asarray(values)[np.isfinite(values)]
    return max(float(np.max(np.abs(finite))) if finite.size else 0.0, floor)


# Bounded activations keep a fixed colour scale (centre, half-range) so a weak neuron looks weak;
# unbounded ones (inputs, identity, relu) are scaled by their largest |value|.
_NEURON_SCALES = {
    "sigmoid": (0.5, 0.5),
    "softmax": (0.5, 0.5),
    "step": (0.5, 0.5),
    "tanh": (0.0, 1.0),
}


def neuron_centre_scale(values: Array, activation: str) -> tuple[float, float]:
    """(value drawn white, distance from it drawn in full colour) for one neuron's output."""
    if activation in _NEURON_SCALES:
        return _NEURON_SCALES[activation]
    return 0.0, symmetric_scale(values)


def neuron_image(values: Array, activation: str, alpha: int = 255) -> Array:
    """RGBA picture of a neuron's output: sigmoid centred on 0.5, tanh on ±1, others on max |v|."""
    centre, scale = neuron_centre_scale(values, activation)
    return signed_image(np.asarray(values, dtype=float) - centre, scale, alpha)


def neuron_images(stack: Array, activation: str, alpha: int = 255) -> Array:
    """``neuron_image`` for a whole layer at once: (n, …) values → (n, …, 4), one scale each."""
    v = np.asarray(stack, dtype=float)
    if activation in _NEURON_SCALES:
        centre, scale = _NEURON_SCALES[activation]
        return signed_image(v - centre, scale, alpha)
    flat = np.abs(v.reshape(len(v), -1))
    flat = np.where(np.isfinite(flat), flat, 0.0)
    scales = np.maximum(flat.max(axis=1, initial=0.0), 1e-9)  # as symmetric_scale, per neuron
    return signed_image(v / scales.reshape(-1, *([1] * (v.ndim - 1))), 1.0, alpha)


def signed_colors(values: Array, scale: float) -> Array:
    """``signed_color`` for a whole array at once: (..., 3) uint8, NaN → grey."""
    v = np.asarray(values, dtype=float)
    t = np.clip(v / scale, -1.0, 1.0) if scale > 0 else np.zeros_like(v)
    t = np.where(np.isnan(t), 0.0, t)[..., None]
    grey = np.array(GREY, dtype=float)
    end = np.where(t >= 0, np.array(BLUE, dtype=float), np.array(ORANGE, dtype=float))
    return np.round(grey + np.abs(t) * (end - grey)).astype(np.uint8)


def magnitude_widths(
    values: Array, scale: float, min_px: float = 1.0, max_px: float = 10.0
) -> Array:
    """``magnitude_width`` for a whole array at once (NaN → thinnest)."""
    v = np.abs(np.asarray(values, dtype=float))
    frac = np.minimum(v / scale, 1.0) if scale > 0 else np.zeros_like(v)
    return min_px + (max_px - min_px) * np.where(np.isfinite(frac), frac, 0.0)

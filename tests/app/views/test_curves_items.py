"""Curves helpers: tidy history, change keys, nearest epoch, number formats, log labels."""

from __future__ import annotations

import numpy as np
import pytest

from app.views.curves_items import (
    LossAxis,
    clean_history,
    diverged_epoch,
    fmt_acc,
    fmt_loss,
    header_text,
    history_key,
    nearest_index,
    no_break,
    readout_text,
    went_backwards,
)


def test_clean_history_pads_bad_series_with_nan():
    """Missing, short or non-numeric series become NaN of the epoch axis' length."""
    h = clean_history({"epoch": [1, 2, 3], "train_loss": [0.5, 0.4], "test_acc": "x"})
    assert h["epoch"].tolist() == [1, 2, 3]
    assert all(np.isnan(h[k]).all() and len(h[k]) == 3 for k in ("train_loss", "test_acc"))
    assert len(clean_history(None)["epoch"]) == 0
    assert len(clean_history({"epoch": [1, np.nan]})["epoch"]) == 0


def test_history_key_and_going_backwards():
    """Equal histories give equal keys; an empty or shorter-ending one counts as a reset."""
    a = clean_history({"epoch": [1, 2, 3], "train_loss": [3, 2, 1]})
    b = clean_history({"epoch": [1, 2], "train_loss": [3, 2]})
    assert history_key(a) == history_key(clean_history({**a}))
    assert went_backwards(history_key(a), history_key(b))
    assert not went_backwards(history_key(b), history_key(a))
    assert went_backwards(history_key(a), history_key(clean_history({})))
    assert not went_backwards(None, history_key(a))


def test_nearest_index_picks_the_closest_epoch():
    """Ties and out-of-range positions snap to a real row."""
    epochs = np.array([1.0, 2.0, 4.0, 8.0])
    assert [nearest_index(epochs, x) for x in (-5, 1.4, 1.6, 5.9, 6.1, 99)] == [0, 0, 1, 2, 3, 3]


def test_number_formats():
    """Losses keep 4 decimals (scientific when tiny), accuracy is a percentage, NaN is a dash."""
    assert fmt_loss(0.04123) == "0.0412"
    assert fmt_loss(2e-6) == "2.00e-06"
    assert fmt_loss(float("nan")) == "–" and fmt_loss(None) == "–"
    assert fmt_acc(0.984) == "98.4 %" and fmt_acc(float("inf")) == "–"


def test_header_and_readout_texts():
    """The header pads the epoch like the Playground; the readout names every value."""
    assert header_text(120, {"train_loss": 0.0412, "test_loss": 0.063}) == (
        "epoch 000120   train loss 0.041   test loss 0.063"
    )
    h = clean_history(
        {"epoch": [120], "train_loss": [0.0412], "test_loss": [0.063],
         "train_acc": [0.984], "test_acc": [0.972]}
    )  # fmt: skip
    assert readout_text(h, 0) == (
        "epoch 120 · train loss 0.0412 · test loss 0.0630 · train acc 98.4 % · test acc 97.2 %"
    )
    assert readout_text(h, 0, accuracy=False) == "epoch 120 · train loss 0.0412 · test loss 0.0630"


def test_diverged_epoch_reads_the_message():
    """The epoch named in the divergence message wins over the fallback."""
    assert diverged_epoch("diverged at epoch 17 (loss → inf); …", 20) == 17
    assert diverged_epoch("", 20) == 20
    # A translation may name the epoch first, without the word 'epoch'.
    assert diverged_epoch("在第 17 轮发散（loss → inf, |w| > 10⁶）", 20) == 17


def test_log_axis_labels_only_one_two_five(qtbot):
    """Log ticks 1, 2, 5 × 10ᵏ keep their labels; the crowded ones are blanked."""
    axis = LossAxis("left")
    values = np.log10([0.1, 0.2, 0.3, 0.5, 0.7, 1.0])
    labels = axis.logTickStrings(values, 1.0, None)
    assert [bool(s) for s in labels] == [True, True, False, True, False, True]


def test_no_break_keeps_parts_whole():
    """Spaces inside each part become non-breaking; separators stay breakable."""
    assert (
        no_break("train loss 1 · test loss 2", " · ")
        == "train\u00a0loss\u00a01 · test\u00a0loss\u00a02"
    )


def test_nice_ceiling_rounds_up_to_round_numbers():
    """Axis ends are 1, 1.5, 2, 3, 5 or 7.5 × 10ᵏ, never below the value."""
    from app.views.curves_items import nice_ceiling

    cases = {0.0: 1.0, 1.0: 1.0, 1.01: 1.5, 2.9: 3.0, 40: 50.0, 51: 75.0, 76: 100.0, 0.0042: 0.005}
    for value, expected in cases.items():
        assert nice_ceiling(value) == pytest.approx(expected)
    assert nice_ceiling(float("nan")) == 1.0


def test_loss_range_is_round_and_log_ranges_are_whole_decades():
    """Linear: 0 to a round number above the largest loss; log: decades around all losses."""
    from app.views.curves_items import loss_range

    h = {"train_loss": np.array([0.69, 0.2, 0.05]), "test_loss": np.array([0.7, 0.3, np.nan])}
    assert loss_range(h, log=False) == (0.0, 0.75)
    assert loss_range(h, log=True) == (-2.0, 0.0)
    empty = {"train_loss": np.array([np.nan]), "test_loss": np.array([np.nan])}
    assert loss_range(empty, log=False) is None and loss_range(empty, log=True) is None


def test_a_short_log_axis_labels_every_other_decade(qtbot):
    """Four decades in a plot with room for two labels: 0.01 and 1 keep theirs, and no 2 or 5."""
    import pyqtgraph as pg

    from app.views.plot_style import pixel_font

    plot = pg.PlotItem(axisItems={"left": LossAxis("left")})
    plot.setLogMode(y=True)
    axis = plot.getAxis("left")
    axis.setStyle(tickFont=pixel_font(22))
    plot.resize(300, 130)  # the axis about 100 px for 4 decades: 25 px each, < 1.1 lines
    plot.layout.activate()
    plot.setYRange(-2, 2, padding=0)
    values = np.log10([0.01, 0.02, 0.05, 0.1, 1.0, 10.0, 100.0])
    labels = axis.logTickStrings(values, 1.0, None)
    assert [bool(s) for s in labels] == [True, False, False, False, True, False, True]
    plot.resize(300, 800)  # room for every decade and their 2 and 5
    plot.layout.activate()
    labels = axis.logTickStrings(values, 1.0, None)
    assert [bool(s) for s in labels] == [True, True, True, True, True, True, True]

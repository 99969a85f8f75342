"""What the landscape's plots share: ranges that hold still while the data move a little."""

import pytest

from app.views.landscape_axes import steady_range


def test_the_curves_range_holds_still_while_the_data_fill_it():
    lo, hi = steady_range(None, 0.0, 0.9)  # a new range: the data fill about 95 % of it
    assert lo < 0.0 and hi > 0.9 and 0.9 / (hi - lo) == pytest.approx(1 / (1 + 1 / 18))
    assert steady_range((0.0, 1.0), 0.04, 0.96) == (0.0, 1.0)  # 92 % full: keep the axes
    lo, hi = steady_range((0.0, 1.0), 0.3, 0.9)  # 60 % full: zoom in
    assert 0.2 < lo < 0.3 and 0.9 < hi < 1.0
    lo, hi = steady_range((0.0, 1.0), -0.01, 0.9)  # spills over: follow it
    assert lo < -0.01 and hi > 0.9

"""Big builds pause the garbage collector, and what they built is kept out of its scans.

How pauses nest and end is app/garbage.py's, tested in test_garbage.py.
"""

from __future__ import annotations

import gc

import pytest

from app.long_lived import BIG, built_to_last


@pytest.fixture(autouse=True)
def _collector_as_it_was():
    """Each test leaves the collector as it found it, with nothing frozen behind."""
    was_on = gc.isenabled()
    yield
    gc.unfreeze()
    if was_on:
        gc.enable()


def test_the_collector_is_paused_inside():
    with built_to_last():
        assert not gc.isenabled()


def test_a_big_build_is_frozen_and_a_small_one_is_not():
    """BIG new objects (a point each) leave the collector's scans; a handful stay in them."""
    gc.unfreeze()
    with built_to_last():
        small = [[i] for i in range(100)]
    assert gc.get_freeze_count() == 0
    assert id(small[0]) in {id(o) for o in gc.get_objects()}  # still walked by a pass
    with built_to_last():
        big = [[i] for i in range(2 * BIG)]
    frozen = gc.get_freeze_count()
    assert frozen >= len(big)
    scanned = {id(o) for o in gc.get_objects()}  # what a collection pass would walk
    assert id(big[0]) not in scanned and id(big[-1]) not in scanned
    del big  # frozen objects are still freed by reference counting
    assert gc.get_freeze_count() <= frozen - 2 * BIG

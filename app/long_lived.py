"""Big, long-lived object graphs (100,000 points): built without GC pauses, freed off-thread."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from app.garbage import paused

# New tracked objects (a point is one) from which a build is exempted from the collector's scans.
BIG = 20_000


@contextlib.contextmanager
def built_to_last() -> Iterator[None]:
    """Build many objects that will live long (a point set), then keep them out of GC scans.

    Python's cyclic collector makes a full pass over every tracked object whenever the
    survivors have grown by a quarter. 100,000 new points set that off, and each pass walks
    every point the app already holds (the undo history's, the current set): 0.1-0.5 s with
    the interpreter lock held, so the GUI thread waits whichever thread set it off (measured
    with gc.callbacks: 100-500 ms passes on the job and autosave threads during an import).

    Inside this block the collector is paused (app/garbage.py); after a big build (BIG new
    objects or more, as the collector counts them) every object alive is frozen: later
    passes skip them. Frozen objects are still freed the moment nothing refers to them
    (reference counting); only garbage held in a reference cycle among them would wait (point
    sets hold no cycles).
    """
    with paused():  # no pass runs inside, so the youngest generation's count only grows
        before = gc.get_count()[0]
        try:
            yield
        finally:
            if gc.get_count()[0] - before >= BIG:  # objects made (and kept) by the build
                gc.freeze()  # ``gc.freeze``: later passes leave every object alive now alone


def let_go(objects: list) -> None:
    """Free big object graphs (``objects`` holds their last references) on a thread of its own.

    Freeing 100,000 points one by one takes ~20 ms; the GUI thread hands them over instead.
    """
    if objects:
        threading.Thread(target=objects.clear, name="nnviz-let-go", daemon=True).start()

"""Damaged CSV files through read_csv and through File ▸ Import points in a live window."""

from __future__ import annotations

from collections import Counter

import numpy as np

from nnviz import commands as cmd
from nnviz.data.csv_io import CsvError, read_csv
from tests.reliability.checks import MAX_COORD, summary
from tests.reliability.mutators import csv_cases, fuzz_cases


def _problem(data) -> str:
    """What is wrong with accepted CSV data ("" if nothing)."""
    X, y = data.X, data.y
    if not (np.all(np.isfinite(X)) and np.all(np.abs(X) <= MAX_COORD)):
        return "coordinates not finite or beyond the bound"
    if data.kind == "regression":
        return "" if np.all(np.abs(y) <= MAX_COORD) else "targets beyond the bound"
    ok = y.dtype == np.int64 and np.all((y >= 0) & (y < data.n_classes))
    return "" if ok else "class labels out of range"


def _outcome(path) -> str:
    try:
        data = read_csv(path)
    except CsvError as exc:
        return "refused" if len(str(exc)) <= 300 else "FAIL message > 300 chars"
    except Exception as exc:  # noqa: BLE001 - anything else is what we are hunting
        return f"FAIL escaped {type(exc).__name__}"
    problem = _problem(data)
    return f"FAIL accepted invalid: {problem}" if problem else "accepted"


def test_damaged_csv_reads_valid_or_raises_one_csv_error(tmp_path):
    """Every mutated CSV gives valid, bounded points or exactly one short CsvError."""
    outcomes: Counter = Counter()
    for i, (what, text) in enumerate(csv_cases(seed=20, n=fuzz_cases(400))):
        path = tmp_path / f"{i}.csv"
        path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
        outcome = _outcome(path)
        outcomes[f"{outcome} [{what}]" if outcome.startswith("FAIL") else outcome] += 1
        path.unlink()
    print("\ncsv fuzz:\n" + summary(outcomes))
    assert not [k for k in outcomes if k.startswith("FAIL")]


def _points(window) -> tuple:
    return window.doc.points.to_dict(), repr(window.doc.settings), window.doc.undo_stack.count()


def test_damaged_csv_through_the_window(window, tmp_path):
    """A refused CSV changes nothing; an accepted one replaces the points and training goes on."""
    events: list[str] = []
    window.training.snapshot_ready.connect(lambda snap: events.append(snap.event))
    outcomes: Counter = Counter()
    for i, (what, text) in enumerate(csv_cases(seed=21, n=fuzz_cases(400) // 4)):
        path = tmp_path / f"{i}.csv"
        path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
        before, events[:] = _points(window), []
        try:
            imported = window.session_io.import_csv(path)
        except Exception as exc:  # noqa: BLE001 - anything escaping import_csv is a failure
            outcomes[f"FAIL escaped {type(exc).__name__} [{what}]"] += 1
            continue
        if not imported:
            outcomes["refused" if _points(window) == before else f"FAIL changed [{what}]"] += 1
            continue
        window.send(cmd.StepEpoch())
        version = window.doc.points.version
        snap = window.wait_for_snapshot(lambda s, v=version: s.epoch > 0 and s.data_version == v)
        bad = snap is None or "error" in events or not np.isfinite(snap.metrics["train_loss"])
        outcomes[f"FAIL training broke [{what}]" if bad else "accepted"] += 1
    print("\ncsv fuzz through the window:\n" + summary(outcomes))
    assert not [k for k in outcomes if k.startswith("FAIL")]

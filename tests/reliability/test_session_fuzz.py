"""Damaged session files through load_session and through File ▸ Open in a live window."""

from __future__ import annotations

from collections import Counter

import numpy as np

from nnviz import commands as cmd
from nnviz.session import SessionError, load_session
from tests.reliability.checks import problems, summary
from tests.reliability.mutators import fuzz_cases, session_cases


def _outcome(path) -> str:
    """'refused', 'accepted', or the kind of failure."""
    try:
        s = load_session(path)
    except SessionError as exc:
        return "refused" if len(str(exc)) <= 300 else "FAIL message > 300 chars"
    except Exception as exc:  # noqa: BLE001 - anything else is what we are hunting
        return f"FAIL escaped {type(exc).__name__}"
    found = problems(s)
    return f"FAIL accepted invalid {found[0].split(':')[0]}" if found else "accepted"


def test_damaged_sessions_load_valid_or_raise_one_session_error(tmp_path):
    """Every mutated file loads into a fully valid session or raises exactly SessionError."""
    outcomes: Counter = Counter()
    for i, (what, data) in enumerate(session_cases(seed=10, n=fuzz_cases(400))):
        path = tmp_path / f"{i}.nnviz"
        path.write_bytes(data)
        outcome = _outcome(path)
        fault = outcome.startswith("FAIL")
        outcomes[f"{outcome} [{what.split('/')[-1]}]" if fault else outcome] += 1
        path.unlink()
    print("\nsession fuzz:\n" + summary(outcomes))
    assert not [k for k in outcomes if k.startswith("FAIL")]


def _state(window) -> tuple:
    """Everything a refused file must leave alone: points, settings, spec, config, weights."""
    window.send(cmd.RequestSnapshot())
    seq = window.latest.seq
    snap = window.wait_for_snapshot(lambda s: s.seq > seq)
    return (
        window.doc.points.to_dict(),
        repr(window.doc.settings),
        window.doc.undo_stack.count(),
        snap.spec,
        snap.config,
        [p.tolist() for p in snap.params],
    )


def _applied(window, s, events: list) -> str:
    """Wait until the worker shows exactly the opened session; say what went wrong if not."""
    want = [np.asarray(p) for p in s.params]

    def shows_it(snap) -> bool:
        same = all(np.array_equal(a, b) for a, b in zip(snap.params, want, strict=False))
        return snap.spec == s.spec and snap.config == s.config and same

    if window.wait_for_snapshot(shows_it, timeout_ms=10_000) is None:
        return "FAIL accepted but not applied as saved"
    window.send(cmd.StepEpoch())
    window.wait_for_snapshot(lambda snap: snap.epoch > 0 or snap.event == "error", 10_000)
    return "FAIL error event after open" if "error" in events else "accepted"


def test_damaged_sessions_through_the_window(window, tmp_path):
    """A refused file changes nothing; an accepted one is applied exactly and keeps training."""
    events: list[str] = []
    window.training.snapshot_ready.connect(lambda snap: events.append(snap.event))
    outcomes: Counter = Counter()
    for i, (what, data) in enumerate(session_cases(seed=11, n=fuzz_cases(400) // 4)):
        path = tmp_path / f"{i}.nnviz"
        path.write_bytes(data)
        before, events[:] = _state(window), []
        try:
            opened = window.session_io.open_path(path)
        except Exception as exc:  # noqa: BLE001 - anything escaping open_path is a failure
            outcomes[f"FAIL escaped {type(exc).__name__} ({what})"] += 1
            continue
        if not opened:
            same = _state(window) == before
            outcomes["refused" if same else f"FAIL refused but changed ({what})"] += 1
        else:
            outcomes[_applied(window, load_session(path), events)] += 1
    print("\nsession fuzz through the window:\n" + summary(outcomes))
    assert not [k for k in outcomes if k.startswith("FAIL")]

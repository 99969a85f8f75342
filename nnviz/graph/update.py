"""What one gradient step did to a traced example: each parameter's change and the loss's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.graph.graph import Graph
from nnviz.graph.text import change_parts, fmt, fmt_delta
from nnviz.text import _

QUIET = 1e-4  # changes smaller than this are invisible at the precision the views show


@dataclass(frozen=True)
class UpdateSummary:
    """One step on one example, ready to show.

    ``rows`` are (parameter, "old → new", Δ), biggest change first; ``quiet`` is True when
    nothing visibly moved (|Δloss| and every |Δw| below ``QUIET``): a converged example.
    """

    rows: tuple[tuple[str, str, str], ...]
    loss_before: float
    loss_after: float
    largest_change: float
    caption: str
    quiet: bool


def summarise_update(graph: Graph, new_params, lr: float) -> UpdateSummary:
    """Compare the traced graph's parameters with ``new_params`` (aligned with net.params).

    The loss after the step is the same graph evaluated at the new parameters, so it is
    exactly the example's loss under the updated network.
    """
    changes = []
    for leaf in graph.leaves:
        if "param_index" in leaf.meta:
            new = float(np.asarray(new_params[leaf.meta["param_index"]])[leaf.meta["index"]])
            changes.append((abs(new - leaf.value), leaf.name, leaf.value, new))
    changes.sort(key=lambda c: -c[0])
    rows = tuple(
        (name, "{} → {}".format(*change_parts(old, new)[:2]), fmt(new - old, 2))
        for _, name, old, new in changes
    )
    before = graph.evaluate()[graph.output_id]
    after = graph.evaluate({name: new for _, name, _old, new in changes})[graph.output_id]
    largest = changes[0][0] if changes else 0.0
    quiet = abs(after - before) < QUIET or largest < QUIET
    out = graph.nodes[graph.output_id].name
    caption = _caption(out, before, after, largest, lr, quiet)
    return UpdateSummary(rows, before, after, largest, caption, quiet)


def _caption(out: str, before: float, after: float, largest: float, lr: float, quiet: bool):
    """The loss before → after with digits enough to see the change, then the verdict."""
    head = _(
        "To more digits, this example's loss {out} went {before}",
        out=out,
        before=fmt_delta(before, after),
    )
    if not quiet:
        return _(
            "{head}. Biggest changes first in the table; re-trace to walk it again.", head=head
        )
    return _(
        "{head}, and no parameter moved by more than {largest} (lr = {lr}). "
        "Nothing visible changes: the network already fits this point, so its "
        "gradient is tiny. Trace the worst-classified training point, or a fresh "
        "point, to see a step that matters.",
        head=head,
        largest=fmt(largest, 2),
        lr=fmt(lr),
    )

"""Layered layout: inputs left, output right, every edge pointing right; the shape summary."""

import sys

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.graph import EXAMPLES, Graph, columns, layout, matrix_summary, parse, trace_example


def graphs():
    """Every preset plus traced networks, for the layout invariants."""
    out = [p.build() for p in EXAMPLES.values()]
    for sizes, act, loss, out_act, y in [
        ([2, 4, 2, 1], "tanh", "mse", "identity", 0.5),
        ([2, 8, 8, 1], "relu", "log", "sigmoid", 1),
        ([3, 3, 3], "sigmoid", "cross_entropy", "softmax", 2),
    ]:
        net = MLP(sizes, act, out_act, seed=0)
        out.append(trace_example(net, np.linspace(-1, 1, sizes[0]), y, loss=loss))
    return out


def crossings(graph, pos) -> int:
    """Number of pairs of edges that cross between the same two adjacent columns."""
    spans = [(pos[s], pos[t]) for s, t, _ in graph.edges()]
    count = 0
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1 :]:
            same = a0[0] == b0[0] and a1[0] == b1[0]
            if same and (a0[1] - b0[1]) * (a1[1] - b1[1]) < 0:
                count += 1
    return count


@pytest.mark.parametrize("leaves", ["left", "near"])
def test_every_node_is_right_of_its_inputs(leaves):
    """For every edge, the target's x is larger than the source's x."""
    for g in graphs():
        pos = layout(g, leaves=leaves)
        assert set(pos) == {n.id for n in g.nodes}
        for src, dst, _ in g.edges():
            assert pos[src][0] < pos[dst][0]


def test_output_is_rightmost_and_leaves_left():
    """The output alone fills the last column; with leaves='left' every leaf is at x = 0."""
    for g in graphs():
        pos = layout(g)
        assert pos[g.output_id][0] == max(x for x, _ in pos.values())
        assert pos[g.output_id][1] == 0.0  # a column of one sits on the centre line
        assert all(pos[n.id][0] == 0.0 for n in g.leaves)


def test_columns_are_longest_paths():
    """CS188: w's in column 0; a = w1⁴ in 1; b in 2; g in 3; c in 2 (its longest path)."""
    g = EXAMPLES["cs188"].build()
    col = dict(zip([n.name for n in g.nodes], columns(g), strict=True))
    assert (col["w1"], col["a"], col["b"], col["g"]) == (0, 1, 2, 3)
    assert col["c"] == 1 and col["w3"] == 0
    assert columns(g, leaves="near")[g.node("w2").id] == 1


def test_nodes_in_a_column_do_not_overlap():
    """Rows within a column are distinct and one unit apart."""
    for g in graphs():
        pos = layout(g, dy=2.0)
        by_column: dict[float, list[float]] = {}
        for x, y in pos.values():
            by_column.setdefault(x, []).append(y)
        for ys in by_column.values():
            ys.sort()
            assert all(b - a == pytest.approx(2.0) for a, b in zip(ys, ys[1:], strict=False))


def test_barycentre_untangles_a_crossed_graph(monkeypatch):
    """Nodes added in an order whose edges cross are reordered so that they no longer do."""
    g = Graph()
    x, y = g.leaf("x"), g.leaf("y")
    g.op("add", g.op("sin", y, name="s"), g.op("cos", x, name="c"), name="f")
    monkeypatch.setattr(sys.modules["nnviz.graph.layout"], "SWEEPS", 0)
    assert crossings(g, layout(g)) == 1
    monkeypatch.undo()
    assert crossings(g, layout(g)) == 0


def test_barycentre_reduces_crossings_of_traced_networks(monkeypatch):
    """On traced networks the sweeps never add crossings and usually remove many."""
    before = [crossings(g, layout(g, leaves="near")) for g in graphs()[-3:]]
    monkeypatch.setattr(sys.modules["nnviz.graph.layout"], "SWEEPS", 0)
    unswept = [crossings(g, layout(g, leaves="near")) for g in graphs()[-3:]]
    assert all(b <= u for b, u in zip(before, unswept, strict=True))
    assert sum(before) < sum(unswept)


def test_y_is_up_first_node_on_top():
    """Within a column the first node has the largest y (y points up)."""
    g = parse("x + y")
    pos = layout(g)
    assert pos[g.node("x").id][1] > pos[g.node("y").id][1]


def test_bad_leaf_mode_is_refused():
    """Only 'left' and 'near' are leaf placements."""
    with pytest.raises(ValueError, match="leaves"):
        layout(parse("x"), leaves="right")


def test_matrix_summary_is_the_lectures_bookkeeping():
    """The 3-2-1 sigmoid net: x 1×3 · W1 3×2 → 1×2 → σ → h1 1×2, then 1×2 · 2×1."""
    net = MLP([3, 2, 1], "sigmoid", "sigmoid", bias=False, seed=0)
    assert matrix_summary(net) == [
        "x 1×3 · W1 3×2 → 1×2 → σ → h1 1×2",
        "h1 1×2 · W2 2×1 → 1×1 → σ → ŷ 1×1",
    ]


def test_matrix_summary_with_bias_batch_and_identity():
    """A batch of 4 stacks rows; biases are listed; an identity output has no activation."""
    net = MLP([100, 15, 1], "relu", "identity", seed=0)
    assert matrix_summary(net, batch=4) == [
        "x 4×100 · W1 100×15 + b1 1×15 → 4×15 → ReLU → h1 4×15",
        "h1 4×15 · W2 15×1 + b2 1×1 → 4×1 → ŷ 4×1",
    ]

"""Graph benchmark: tracing + laying out a 2-8-8-1 network's op graph for one example, and one
step's repaint in the computation-graph view, against the engine's vectorised backprop of the
same example measured in the same run.

Prints human-readable lines, then one JSON object on the last line.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

REPEATS = 30


def _median_ms(fn, repeats: int = REPEATS) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _setup():
    from nnviz.engine.mlp import MLP
    from nnviz.graph.explainer import TracedExample

    net = MLP([2, 8, 8, 1], activation="tanh", output="sigmoid", seed=0)
    x = np.array([0.7, -1.3])
    ex = TracedExample((0.7, -1.3), 1.0, 0, 0, 0, "log", tuple(net.activations), ())
    return net, x, ex


def trace_and_layout_ms() -> tuple[float, float, int]:
    """Median ms to trace, lay out and draw-as-data the op graph; and the engine baseline."""
    from nnviz.graph.draw import op_picture
    from nnviz.graph.explainer import Explainer
    from nnviz.graph.layout import layout

    net, x, ex = _setup()

    def trace_layout():
        e = Explainer()
        e.trace(net, x, ex)
        layout(e.graph, "near")
        op_picture(e.stepper, e.title, "near")  # the whole picture, positions included

    def engine():
        net.loss_and_grads(x[None, :], np.array([1.0]), loss="log")

    e = Explainer()
    e.trace(net, x, ex)
    return _median_ms(trace_layout), _median_ms(engine, 200), len(e.graph)


def step_repaint_ms(mode: str) -> float:
    """Median ms for one → step: new picture, items updated, viewport painted."""
    from app.application import make_application
    from app.views.graph_view import GraphView
    from nnviz.graph.explainer import Explainer

    make_application()
    net, x, ex = _setup()
    e = Explainer()
    e.trace(net, x, ex)
    e.set_mode(mode)
    view = GraphView()
    view.resize(1200, 420)
    view.show()
    view.show_picture(e.picture())
    viewport = view.canvas.viewport()

    def one_step():
        if e.stepper.finished:
            e.step("reset")
        e.step("forward")
        view.show_picture(e.picture())
        viewport.repaint()  # paint now, synchronously, as the event loop would

    result = _median_ms(one_step, 60)
    view.close()
    return result


def main() -> None:
    trace_ms, engine_ms, n_nodes = trace_and_layout_ms()
    print(f"2-8-8-1 op graph: {n_nodes} nodes; trace + layout + picture {trace_ms:.2f} ms")
    print(f"engine loss_and_grads on the same example (baseline): {engine_ms * 1000:.1f} µs")
    ops = step_repaint_ms("ops")
    layers = step_repaint_ms("layers")
    print(f"one step's repaint: every op {ops:.2f} ms, layer boxes {layers:.2f} ms")
    result = {
        "nodes": n_nodes,
        "trace_layout_ms": trace_ms,
        "engine_backprop_ms": engine_ms,
        "trace_vs_engine_ratio": trace_ms / engine_ms,
        "step_repaint_ops_ms": ops,
        "step_repaint_layers_ms": layers,
        "targets": {"trace_layout_ms": 50, "step_repaint_ms": 5},
    }
    result["met"] = {
        "trace_layout_ms": trace_ms <= 50,
        "step_repaint_ms": max(ops, layers) <= 5,
    }
    print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in result.items()}))


if __name__ == "__main__":
    main()

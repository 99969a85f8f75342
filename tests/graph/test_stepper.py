"""The stepper: a cursor over the steps with exact step-back and a memo table."""

import numpy as np
import pytest

from nnviz.engine.mlp import MLP
from nnviz.graph import EXAMPLES, Stepper, trace_example
from nnviz.graph.stepper import apply_step, initial_state


@pytest.fixture
def stepper():
    """A stepper over the CS188 example."""
    return Stepper(EXAMPLES["cs188"].build())


def test_starts_with_only_leaves_and_constants_known(stepper):
    """Before any step, only leaves and constants have values, and nothing has a gradient."""
    g = stepper.graph
    assert stepper.position == 0 and stepper.current is None and stepper.phase == "start"
    for n in g.nodes:
        assert (stepper.state.values[n.id] is None) == (n.kind == "op")
    assert all(v is None for v in stepper.state.grads)
    assert stepper.memo == ()


def test_walks_forward_then_backward(stepper):
    """Step by step: four forward steps, then seven backward steps, then the end."""
    phases = []
    while (step := stepper.step_forward()) is not None:
        phases.append(step.phase)
    assert phases == ["forward"] * 4 + ["backward"] * 7
    assert stepper.finished and stepper.step_forward() is None


def test_memo_table_fills_like_dynamic_programming(stepper):
    """After the backward pass the memo table holds every gradient exactly once."""
    stepper.run_backward()
    table = {m.name: m.grad for m in stepper.memo}
    assert table == {"g": 1, "c": 1, "w3": 5, "b": 1, "w2": 16, "a": 3, "w1": 96}
    assert len(stepper.memo) == len(table)


def test_step_back_restores_the_previous_state_exactly():
    """At every position, a step forward then a step back returns an identical state."""
    for key in ("cs188", "fan_out", "tanh_neuron"):
        s = Stepper(EXAMPLES[key].build())
        while not s.finished:
            before = s.state
            s.step_forward()
            s.step_back()
            assert s.state == before
            s.step_forward()


def test_step_back_walks_all_the_way_to_the_start(stepper):
    """Stepping back from the end revisits every state in reverse and stops at the start."""
    seen = [stepper.state]
    while stepper.step_forward():
        seen.append(stepper.state)
    for expected in reversed(seen[:-1]):
        stepper.step_back()
        assert stepper.state == expected
    assert stepper.step_back() is None and stepper.position == 0


def test_states_are_independent_of_the_path_taken(stepper):
    """Jumping, running and resetting land on the same states as single steps."""
    stepper.run_backward()
    end = stepper.state
    stepper.reset()
    assert stepper.state == initial_state(stepper.graph)
    for _ in range(stepper.total):
        stepper.step_forward()
    assert stepper.state == end


def test_partial_gradients_accumulate_before_they_are_final():
    """x·x + x: x holds 1 after f's step, 7 after a's, and is final only after its own step."""
    s = Stepper(EXAMPLES["fan_out"].build())
    s.jump_to(s.graph.node("f").id, "backward")
    x = s.graph.node("x").id
    assert s.state.grads[x] == 1.0 and x not in s.state.final
    s.jump_to(s.graph.node("a").id, "backward")
    assert s.state.grads[x] == 7.0 and x not in s.state.final
    s.step_forward()
    assert x in s.state.final and s.memo[-1].grad == 7.0


def test_node_states_follow_the_phase(stepper):
    """Forward: values pending/current/done; backward: gradients pending/current/done."""
    g = stepper.graph
    ids = {n.name: n.id for n in g.nodes if n.kind != "const"}
    stepper.step_forward()
    assert stepper.node_state(ids["a"]) == "current"
    assert stepper.node_state(ids["b"]) == "pending"
    assert stepper.node_state(ids["w1"]) == "done"
    stepper.run_forward()
    stepper.step_forward()
    assert stepper.phase == "backward"
    assert stepper.node_state(ids["g"]) == "current"
    assert stepper.node_state(ids["w1"]) == "pending"
    assert set(stepper.node_states().values()) <= {"pending", "current", "done"}


def test_run_forward_stops_between_the_passes(stepper):
    """run_forward ends after the last forward step and never goes back."""
    stepper.run_forward()
    assert stepper.position == 4 and stepper.next_step.phase == "backward"
    stepper.run_backward()
    stepper.run_forward()
    assert stepper.finished


def test_jump_to_a_node(stepper):
    """jump_to puts the cursor just after that node's step; a missing step is an error."""
    b = stepper.graph.node("b").id
    step = stepper.jump_to(b, "backward")
    assert stepper.current is step and step.name == "b"
    with pytest.raises(ValueError, match="no forward step"):
        stepper.jump_to(stepper.graph.node("w1").id, "forward")
    with pytest.raises(ValueError, match="phase"):
        stepper.jump_to(b, "sideways")


def test_apply_step_is_pure(stepper):
    """apply_step returns a new state and leaves the old one untouched."""
    a = stepper.graph.node("a").id
    start = initial_state(stepper.graph)
    after = apply_step(start, stepper.steps.all[0])
    assert start.values[a] is None and after.values[a] == 16.0


def test_stepping_a_traced_network_ends_with_the_engine_gradients():
    """On a traced example, the finished memo table holds the same gradients as backward()."""
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=3)
    g = trace_example(net, np.array([0.5, -1.0]), 1.0, loss="log")
    s = Stepper(g)
    s.run_backward()
    grads = g.backward()
    memo = {m.name: m.grad for m in s.memo}
    assert all(memo[name] == grad for name, grad in grads.items())

"""Narrating one update: the stages in gradient_descent_viz's words, with the real numbers."""

import numpy as np
import pytest

from nnviz.landscape.narrate import describe_status, narrate_step, num, step_direction, vec
from nnviz.landscape.race import RACERS, Racer
from nnviz.landscape.surfaces import get_surface

SURFACE = get_surface("himmelblau")


def racer_after(kind, steps, **hyper):
    """A racer on Himmelblau after ``steps`` updates."""
    racer = Racer(kind, SURFACE.loss_and_grad, (0.5, -0.5), lr=0.01, tol=0.0, **hyper)
    for _ in range(steps):
        racer.step()
    return racer


@pytest.mark.parametrize(
    ("kind", "hyper"),
    [(k, {}) for k in RACERS]
    + [
        ("momentum", {"dampening": 0.3, "weight_decay": 0.1}),
        ("nesterov", {"weight_decay": 0.2}),
        ("adagrad", {"lr_decay": 0.5, "initial_accumulator_value": 0.1}),
        ("rmsprop", {"momentum": 0.5}),
        ("adam", {"amsgrad": True, "weight_decay": 0.1}),
    ],
)
def test_narrated_direction_is_the_step_the_engine_took(kind, hyper):
    """θ_before − lr × (narrated direction) = θ_after, on the first step and a later one."""
    for steps in (1, 4):
        racer = racer_after(kind, steps, **hyper)
        rec = racer.last
        moved = rec.before - rec.lr * step_direction(racer)
        assert np.allclose(moved, rec.after, rtol=1e-12, atol=1e-14)
        lines = narrate_step(racer)
        assert lines[0].startswith("The arrows show the slopes in x and y: the gradient is")
        assert lines[-1].endswith(f"= {vec(rec.after)}.")


def test_momentum_decays_then_adds_the_gradient():
    """Second step of momentum 0.9: decay by × 0.9, add the gradient, then step."""
    racer = racer_after("momentum", 2)
    lines = narrate_step(racer)
    rec = racer.last
    v_old = rec.state_before["momentum_buffer"]
    assert lines[1] == f"Momentum decays by × 0.9: 0.9 × {vec(v_old)} = {vec(0.9 * v_old)}."
    assert lines[2].startswith("Add the gradient onto the momentum")
    assert "scaled by the learning rate" in lines[3] and "0.01 ×" in lines[3]
    first = narrate_step(racer_after("momentum", 1))
    assert first[1].startswith("There is no momentum yet")


def test_adagrad_squares_and_divides():
    """AdaGrad: square the gradient into the running sum, divide by its square root."""
    lines = narrate_step(racer_after("adagrad", 3))
    assert lines[1].startswith("Square the gradient and add it to the running sum")
    assert lines[2].startswith("Divide the gradient by the square root of the sum")


def test_rmsprop_and_adam_tell_their_averages():
    """RMSprop's leaky average, Adam's two moments and bias correction are all told."""
    rms = narrate_step(racer_after("rmsprop", 2))
    assert "decays by × 0.99" in rms[1] and rms[2].startswith("Divide the gradient")
    adam = narrate_step(racer_after("adam", 2))
    assert adam[1].startswith("Momentum decays by × 0.9")
    assert adam[2].startswith("Square the gradient")
    assert "t = 2" in adam[3] and adam[4].startswith("Divide the momentum")


def test_before_any_step_the_narration_points_at_the_gradient():
    """No update yet: say where the ball is and what the gradient is."""
    racer = racer_after("sgd", 0)
    lines = narrate_step(racer)
    assert vec(racer.gradient) in lines[1] and step_direction(racer) is None


def test_numbers_are_written_with_three_digits_and_a_real_minus():
    """−0.0123456 reads as −0.0123; vectors as (a, b)."""
    assert num(-0.0123456) == "−0.0123"
    assert vec(np.array([1.0, -2.5])) == "(1, −2.5)"
    assert vec(None) == "(0, 0)"


def test_status_lines_say_running_converged_or_diverged():
    """Divergence is told as a lesson with its step; convergence with the tiny gradient."""
    bowl = get_surface("bowl")
    running = Racer("sgd", bowl.loss_and_grad, bowl.start, lr=0.1)
    running.step()
    assert describe_status(running).startswith("Gradient descent, step 1: loss")
    diverged = Racer("sgd", bowl.loss_and_grad, bowl.start, lr=10.0)
    while diverged.step():
        pass
    assert describe_status(diverged).startswith(
        f"Gradient descent diverged at step {diverged.steps}"
    )
    done = Racer("adam", bowl.loss_and_grad, (0.0, 0.0))
    done.step()
    assert describe_status(done) == (
        "Adam converged at step 0: the gradient (0, 0) is almost zero, loss 0."
    )

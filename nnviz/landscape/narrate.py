"""One optimizer update told stage by stage, with its numbers, in gradient_descent_viz's voice."""

from __future__ import annotations

import numpy as np

from nnviz.landscape.race import Racer, StepRecord, racer_label
from nnviz.text import _

Array = np.ndarray


def vec(v: Array | float | None) -> str:
    """A vector as the captions write it: (0.123, −4.56)."""
    if v is None:
        return "(0, 0)"
    return "(" + ", ".join(num(x) for x in np.ravel(v)) + ")"


def num(x: float) -> str:
    """A number with 3 significant digits and a real minus sign."""
    return f"{float(x):.3g}".replace("-", "−")


def narrate_step(racer: Racer) -> tuple[str, ...]:
    """The stages of the racer's last update as sentences with its numbers.

    Before any step, one sentence says where the ball is and what the gradient there is.
    """
    rec = racer.last
    if rec is None:
        return (
            _(
                "The ball sits at {point} where the loss is {loss}.",
                point=vec(racer.point),
                loss=num(racer.loss),
            ),
            _(
                "The gradient there is {gradient}: press Step to take one update.",
                gradient=vec(racer.gradient),
            ),
        )
    lines = [
        _(
            "The arrows show the slopes in x and y: the gradient is {gradient}.",
            gradient=vec(rec.gradient),
        )
    ]
    g = rec.gradient
    wd = float(rec.hyper.get("weight_decay", 0.0))
    if wd:
        g = g + wd * rec.before
        lines.append(
            _(
                "Weight decay adds {wd} × the position: the gradient is now {g}.",
                wd=num(wd),
                g=vec(g),
            )
        )
    story = _STORIES.get(racer.kind, _plain)
    more, direction = story(rec, g)
    lines += more
    lines.append(
        _(
            "The ball takes a step against the direction {direction}, scaled by the "
            "learning rate: {before} − {lr} × {direction} = {after}.",
            direction=vec(direction),
            before=vec(rec.before),
            lr=num(rec.lr),
            after=vec(rec.after),
        )
    )
    return tuple(lines)


def describe_status(racer: Racer) -> str:
    """One line for the racer's state: running, converged or diverged, with the numbers."""
    name = racer_label(racer.kind)
    if racer.status == "diverged":
        return _(
            "{name} diverged at step {steps} (loss → {loss}).",
            name=name,
            steps=racer.steps,
            loss=num(racer.loss),
        )
    if racer.status == "converged":
        return _(
            "{name} converged at step {steps}: the gradient {gradient} is almost "
            "zero, loss {loss}.",
            name=name,
            steps=racer.steps,
            gradient=vec(racer.gradient),
            loss=num(racer.loss),
        )
    return _(
        "{name}, step {steps}: loss {loss} at {point}.",
        name=name,
        steps=racer.steps,
        loss=num(racer.loss),
        point=vec(racer.point),
    )


def step_direction(racer: Racer) -> Array | None:
    """The vector the last update moved against (θ_new = θ − lr·direction), from the narration."""
    if racer.last is None:
        return None
    rec = racer.last
    g = rec.gradient + float(rec.hyper.get("weight_decay", 0.0)) * rec.before
    return _STORIES.get(racer.kind, _plain)(rec, g)[1]


def _after(rec: StepRecord, key: str) -> Array:
    """A state buffer after the step (always filled in once the step has run)."""
    value = rec.state_after[key]
    if value is None:
        raise ValueError(_("the optimizer has no {key} after its step", key=key))
    return value


def _plain(rec: StepRecord, g: Array) -> tuple[list[str], Array]:
    """θ ← θ − lr·g."""
    return [], g


def _momentum(rec: StepRecord, g: Array) -> tuple[list[str], Array]:
    """v ← μ·v + (1 − dampening)·g (v = g on the first step); θ ← θ − lr·v (Nesterov: g + μ·v)."""
    mu, damp = float(rec.hyper["momentum"]), float(rec.hyper["dampening"])
    v_old, v_new = rec.state_before.get("momentum_buffer"), _after(rec, "momentum_buffer")
    if v_old is None:
        lines = [
            _("There is no momentum yet, so it starts as the gradient: {v_new}.", v_new=vec(v_new))
        ]
    else:
        decayed = mu * v_old
        added = (1.0 - damp) * g
        lines = [
            _(
                "Momentum decays by × {mu}: {mu} × {v_old} = {decayed}.",
                mu=num(mu),
                v_old=vec(v_old),
                decayed=vec(decayed),
            ),
            _(
                "Add the gradient onto the momentum: {decayed} + {added} = {v_new}.",
                decayed=vec(decayed),
                added=vec(added),
                v_new=vec(v_new),
            ),
        ]
    if not rec.hyper.get("nesterov"):
        return lines, np.asarray(v_new)
    ahead = g + mu * np.asarray(v_new)
    lines.append(
        _(
            "Nesterov looks ahead: the gradient plus {mu} × the new momentum = {ahead}.",
            mu=num(mu),
            ahead=vec(ahead),
        )
    )
    return lines, ahead


def _sgd(rec: StepRecord, g: Array) -> tuple[list[str], Array]:
    return _momentum(rec, g) if float(rec.hyper["momentum"]) else _plain(rec, g)


def _adagrad(rec: StepRecord, g: Array) -> tuple[list[str], Array]:
    """s ← s + g²; θ ← θ − lr/(1 + (t − 1)·decay) · g/(√s + ε)."""
    s_old, s_new = rec.state_before.get("sum"), _after(rec, "sum")
    if s_old is None:  # before the first step the sum holds its starting value
        s_old = np.full_like(g, float(rec.hyper["initial_accumulator_value"]))
    scaled = g / (np.sqrt(s_new) + float(rec.hyper["eps"]))
    decay = 1.0 + (rec.step - 1) * float(rec.hyper["lr_decay"])
    lines = [
        _(
            "Square the gradient and add it to the running sum: {s_old} + {g} = {s_new}.",
            s_old=vec(s_old),
            g=vec(g * g),
            s_new=vec(s_new),
        ),
        _(
            "Divide the gradient by the square root of the sum, the side of the "
            "square: {g} / {s_new} = {scaled}.",
            g=vec(g),
            s_new=vec(np.sqrt(s_new)),
            scaled=vec(scaled),
        ),
    ]
    if decay != 1.0:
        lines.append(_("The learning rate has decayed by ÷ {decay}.", decay=num(decay)))
    return lines, scaled / decay


def _rmsprop(rec: StepRecord, g: Array) -> tuple[list[str], Array]:
    """s ← α·s + (1 − α)·g²; θ ← θ − lr·g/(√s + ε) (plain, uncentred RMSprop)."""
    alpha, eps = float(rec.hyper["alpha"]), float(rec.hyper["eps"])
    s_old = rec.state_before.get("square_avg")
    s_old = np.zeros_like(g) if s_old is None else s_old
    s_new = _after(rec, "square_avg")
    avg = np.sqrt(s_new) + eps
    lines = [
        _(
            "The running average of squared gradients decays by × {alpha} and takes "
            "in {rest} × the new square: {alpha} × {s_old} + {rest} × {g} = "
            "{s_new}.",
            alpha=num(alpha),
            rest=num(1 - alpha),
            s_old=vec(s_old),
            g=vec(g * g),
            s_new=vec(s_new),
        ),
    ]
    if rec.hyper.get("centered") or float(rec.hyper["momentum"]):
        lines.append(_("(Centred or with momentum: the step below is the one actually taken.)"))
        return lines, (rec.before - rec.after) / rec.lr if rec.lr else g / avg
    lines.append(
        _(
            "Divide the gradient by the square root of that average: {g} / {avg} = {scaled}.",
            g=vec(g),
            avg=vec(avg),
            scaled=vec(g / avg),
        )
    )
    return lines, g / avg


def _adam(rec: StepRecord, g: Array) -> tuple[list[str], Array]:
    """m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; θ ← θ − lr·m̂/(√v̂ + ε)."""
    b1, b2 = (float(b) for b in rec.hyper["betas"])
    m_old = rec.state_before.get("exp_avg")
    v_old = rec.state_before.get("exp_avg_sq")
    m_old = np.zeros_like(g) if m_old is None else m_old
    v_old = np.zeros_like(g) if v_old is None else v_old
    m, v = _after(rec, "exp_avg"), _after(rec, "exp_avg_sq")
    if rec.hyper.get("amsgrad"):
        v = _after(rec, "max_exp_avg_sq")
    m_hat, v_hat = m / (1 - b1**rec.step), v / (1 - b2**rec.step)
    direction = m_hat / (np.sqrt(v_hat) + float(rec.hyper["eps"]))
    return [
        _(
            "Momentum decays by × {b1} and takes in {rest} × the gradient: {b1} × "
            "{m_old} + {rest} × {g} = {m}.",
            b1=num(b1),
            rest=num(1 - b1),
            m_old=vec(m_old),
            g=vec(g),
            m=vec(m),
        ),
        _(
            "Square the gradient and fold it into the average: {b2} × {v_old} + "
            "{rest} × {g} = {v}.",
            b2=num(b2),
            v_old=vec(v_old),
            rest=num(1 - b2),
            g=vec(g * g),
            v=vec(v),
        ),
        _(
            "Both started at zero, so divide by 1 − β^t (t = {step}): momentum "
            "{m_hat}, squares {v_hat}.",
            step=rec.step,
            m_hat=vec(m_hat),
            v_hat=vec(v_hat),
        ),
        _(
            "Divide the momentum by the square root of the squares: {direction}.",
            direction=vec(direction),
        ),
    ], direction


_STORIES = {
    "sgd": _sgd,
    "momentum": _momentum,
    "nesterov": _momentum,
    "adagrad": _adagrad,
    "rmsprop": _rmsprop,
    "adam": _adam,
}

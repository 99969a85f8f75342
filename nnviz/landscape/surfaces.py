"""Analytic 2-D surfaces for optimizer lessons, each value beside its gradient."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnviz.landscape.slices import Surface
from nnviz.text import _

Array = np.ndarray
Domain = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class AnalyticSurface:
    """f(x, y) and its gradient (∂f/∂x, ∂f/∂y), both vectorised over arrays of points."""

    key: str
    title: str
    formula: str
    value_fn: Callable[[Array, Array], Array]
    gradient_fn: Callable[[Array, Array], tuple[Array, Array]]
    domain: Domain = ((-2.0, 2.0), (-2.0, 2.0))
    start: tuple[float, float] = (1.5, 1.5)
    minima: tuple[tuple[float, float], ...] = ()
    lr: float = 0.01  # a learning rate at which plain gradient descent shows the surface well
    lambda_max: float | None = None  # the largest curvature, where it is the same everywhere
    note: str = ""

    def value(self, x: Array | float, y: Array | float) -> Array:
        """f at each (x, y)."""
        return self.value_fn(np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def gradient(self, x: Array | float, y: Array | float) -> tuple[Array, Array]:
        """(∂f/∂x, ∂f/∂y) at each (x, y)."""
        return self.gradient_fn(np.asarray(x, dtype=float), np.asarray(y, dtype=float))

    def loss_and_grad(self, p: Array) -> tuple[float, Array]:
        """The race's objective: f(p) and ∇f(p) for one point p = (x, y)."""
        gx, gy = self.gradient(p[0], p[1])
        return float(self.value(p[0], p[1])), np.array([gx, gy], dtype=float)

    def grid(self, n: int = 51, domain: Domain | None = None) -> Surface:
        """f sampled on an n×n grid over the domain (rows = y going up, columns = x)."""
        (x0, x1), (y0, y1) = domain or self.domain
        xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
        X, Y = np.meshgrid(xs, ys)
        return Surface(xs, ys, self.value(X, Y), "x", "y")


def bowl(condition: float = 10.0, lambda_max: float = 1.0) -> AnalyticSurface:
    """f = ½(λ1·x² + λ2·y²) with λ1 = λmax and λ2 = λmax/condition.

    Gradient descent multiplies x by (1 − lr·λ1) each step, so it diverges exactly when
    lr > 2/λmax; a large condition number makes y crawl while x is already done.
    """
    if condition < 1 or lambda_max <= 0:
        raise ValueError(_("the condition number must be ≥ 1 and λmax > 0"))
    l1, l2 = float(lambda_max), float(lambda_max) / float(condition)
    return AnalyticSurface(
        "bowl",
        _("Quadratic bowl (condition number {condition:g})", condition=condition),
        f"f = ½({l1:g}·x² + {l2:g}·y²)",
        lambda x, y: 0.5 * (l1 * x * x + l2 * y * y),
        lambda x, y: (l1 * x, l2 * y),  # ∂f/∂x = λ1·x, ∂f/∂y = λ2·y
        minima=((0.0, 0.0),),
        lr=0.9 / l1,
        lambda_max=l1,
        note=_("Plain gradient descent diverges once the learning rate passes 2/λmax."),
    )


def rosenbrock() -> AnalyticSurface:
    """f = (1 − x)² + 100(y − x²)²: a long curved valley with its minimum at (1, 1)."""
    return AnalyticSurface(
        "rosenbrock",
        _("Rosenbrock's banana valley"),
        "f = (1 − x)² + 100·(y − x²)²",
        lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        # ∂f/∂x = −2(1 − x) − 400x(y − x²);  ∂f/∂y = 200(y − x²)
        lambda x, y: (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
        domain=((-2.0, 2.0), (-1.0, 3.0)),
        start=(-1.5, 2.0),
        minima=((1.0, 1.0),),
        lr=1e-3,
        note=_("Finding the valley is easy; following it to (1, 1) is slow."),
    )


def himmelblau() -> AnalyticSurface:
    """f = (x² + y − 11)² + (x + y² − 7)²: four minima, all with f = 0."""

    def grad(x: Array, y: Array) -> tuple[Array, Array]:
        a, b = x * x + y - 11, x + y * y - 7  # the two squared terms' insides
        return 4 * x * a + 2 * b, 2 * a + 4 * y * b

    return AnalyticSurface(
        "himmelblau",
        _("Himmelblau (four minima)"),
        "f = (x² + y − 11)² + (x + y² − 7)²",
        lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
        grad,
        domain=((-5.0, 5.0), (-5.0, 5.0)),
        start=(0.0, 0.0),
        minima=(
            (3.0, 2.0),
            (-2.805118086952745, 3.131312518250573),
            (-3.779310253377747, -3.283185991286170),
            (3.584428340330492, -1.848126526964404),
        ),
        lr=0.01,
        note=_("Which minimum you reach depends on where you start."),
    )


def saddle() -> AnalyticSurface:
    """f = x² − y²: downhill in y forever, uphill in x; the origin is a saddle, not a minimum."""
    return AnalyticSurface(
        "saddle",
        _("Saddle point"),
        "f = x² − y²",
        lambda x, y: x * x - y * y,
        lambda x, y: (2 * x, -2 * y),
        start=(1.5, 0.01),
        lr=0.05,
        note=_("Start exactly on y = 0 and descent stops at the saddle; a hair off, it escapes."),
    )


def beale() -> AnalyticSurface:
    """f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum at (3, 0.5)."""

    def grad(x: Array, y: Array) -> tuple[Array, Array]:
        t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y**3
        gx = 2 * t1 * (y - 1) + 2 * t2 * (y * y - 1) + 2 * t3 * (y**3 - 1)
        gy = 2 * t1 * x + 2 * t2 * 2 * x * y + 2 * t3 * 3 * x * y * y
        return gx, gy

    return AnalyticSurface(
        "beale",
        "Beale",
        "f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²",
        lambda x, y: (
            (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y**3) ** 2
        ),
        grad,
        domain=((-4.5, 4.5), (-4.5, 4.5)),
        start=(1.0, 1.4),
        minima=((3.0, 0.5),),
        lr=1e-3,
        note=_("Flat floors, steep walls: one fixed step is too big here and too small there."),
    )


def plateau() -> AnalyticSurface:
    """gradient_descent_viz's plateau: f = −sin(r)/r + 0.01·r², r = √(u² + v²) + 0.01, u = 10x.

    A narrow well at the origin inside a nearly flat ring, inside a wide bowl.
    """

    def parts(x: Array, y: Array) -> tuple[Array, Array, Array]:
        u, v = 10 * x, 10 * y
        rho = np.hypot(u, v)
        return u, v, rho

    def value(x: Array, y: Array) -> Array:
        r = parts(x, y)[2] + 0.01  # the 0.01 keeps sin(r)/r away from 0/0
        return -np.sin(r) / r + 0.01 * r * r

    def grad(x: Array, y: Array) -> tuple[Array, Array]:
        u, v, rho = parts(x, y)
        r = rho + 0.01
        dfdr = -(r * np.cos(r) - np.sin(r)) / (r * r) + 0.02 * r
        # Chain rule: ∂f/∂x = df/dr · ∂ρ/∂u · du/dx = df/dr · (u/ρ) · 10 (0 at the very centre).
        scale = np.divide(10 * dfdr, rho, out=np.zeros_like(rho), where=rho > 0)
        return scale * u, scale * v

    return AnalyticSurface(
        "plateau",
        _("Plateau"),
        "f = −sin(r)/r + 0.01·r², r = √((10x)² + (10y)²) + 0.01",
        value,
        grad,
        minima=((0.0, 0.0),),
        lr=1e-3,
        note=_("The deep well is ringed by a flat shelf whose tiny slopes stall the ball."),
    )


def two_wells() -> AnalyticSurface:
    """gradient_descent_viz's "local minimum": a shallow well at x ≈ 1, a deep one at x ≈ −1.

    f = −2·e^(−((x−1)² + (1.4y)²)/0.2) − 6·e^(−((x+1)² + (1.4y)²)/0.2) + x² + (1.4y)².
    """

    def wells(x: Array, y: Array) -> tuple[Array, Array, Array]:
        z = 1.4 * y
        return z, np.exp(-((x - 1) ** 2 + z * z) / 0.2), np.exp(-((x + 1) ** 2 + z * z) / 0.2)

    def value(x: Array, y: Array) -> Array:
        z, e1, e2 = wells(x, y)
        return -2 * e1 - 6 * e2 + x * x + z * z

    def grad(x: Array, y: Array) -> tuple[Array, Array]:
        z, e1, e2 = wells(x, y)
        # d/dx of −c·e^(−s/0.2) is c·e^(…)·(ds/dx)/0.2, with ds/dx = 2(x ∓ 1).
        gx = 2 * e1 * 2 * (x - 1) / 0.2 + 6 * e2 * 2 * (x + 1) / 0.2 + 2 * x
        gz = 2 * e1 * 2 * z / 0.2 + 6 * e2 * 2 * z / 0.2 + 2 * z
        return gx, 1.4 * gz  # z = 1.4y, so ∂f/∂y = 1.4·∂f/∂z

    return AnalyticSurface(
        "two_wells",
        _("Local minimum (two wells)"),
        "f = −2e^(−((x−1)²+(1.4y)²)/0.2) − 6e^(−((x+1)²+(1.4y)²)/0.2) + x² + (1.4y)²",
        value,
        grad,
        minima=(TWO_WELLS_GLOBAL, TWO_WELLS_LOCAL),
        lr=0.01,
        note=_("Plain gradient descent settles in the shallow well; momentum can roll out of it."),
    )


TWO_WELLS_GLOBAL = (-0.9675774464554597, 0.0)  # Newton on ∂f/∂x = 0 along y = 0
TWO_WELLS_LOCAL = (0.9053178606008482, 0.0)

SURFACES: dict[str, Callable[[], AnalyticSurface]] = {
    "bowl": bowl,
    "rosenbrock": rosenbrock,
    "himmelblau": himmelblau,
    "saddle": saddle,
    "beale": beale,
    "plateau": plateau,
    "two_wells": two_wells,
}


def get_surface(key: str, **params: float) -> AnalyticSurface:
    """Build a surface by key (``bowl`` takes ``condition`` and ``lambda_max``)."""
    try:
        factory = SURFACES[key]
    except KeyError:
        raise ValueError(
            _(
                "unknown surface {key!r}; choose one of {choices}",
                key=key,
                choices=", ".join(SURFACES),
            )
        ) from None
    return factory(**params)

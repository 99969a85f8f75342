"""Random-feature models: fixed random ReLU features and a least-squares readout in closed form."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.text import _

Array = np.ndarray

# Every fit here minimises the mean squared error with a one-half in front,
#     L(w) = ‖Φw − y‖² / (2n),   whose gradient is   ∇L = Φᵀ(Φw − y) / n,
# so one gradient step with learning rate η is  w ← w − η Φᵀ(Φw − y) / n.


@dataclass(frozen=True)
class RandomFeatures:
    """p fixed random ReLU features of d inputs: φ(x) = relu(x·V + c) / √p.

    V is (d, p) with entries N(0, 1/d) and c is (p,) with entries N(0, 1/4), so each
    pre-activation x·V + c has variance about 1.25 for inputs of unit variance. Dividing by √p
    keeps ‖φ(x)‖ of order 1 whatever p is, so one learning rate suits every width.
    """

    V: Array
    c: Array

    @property
    def p(self) -> int:
        """The number of features."""
        return int(self.V.shape[1])

    def transform(self, X: Array) -> Array:
        """The (n, p) feature matrix Φ of the rows of X."""
        X = np.asarray(X, dtype=float).reshape(len(X), -1)
        return np.maximum(X @ self.V + self.c, 0.0) / np.sqrt(self.p)

    def first(self, p: int) -> RandomFeatures:
        """The first p of these features (nested widths share their features)."""
        if not 1 <= p <= self.p:
            raise ValueError(_("p must be between 1 and {max_p}, not {p}", max_p=self.p, p=p))
        return RandomFeatures(self.V[:, :p], self.c[:p])


def random_features(d: int, p: int, rng: np.random.Generator) -> RandomFeatures:
    """Draw p random ReLU features of d inputs: V ~ N(0, 1/d), c ~ N(0, 1/4).

    Each feature's d + 1 numbers are drawn together, one feature after another, so the first
    p features of a draw are the same whatever the total: growing p only adds features. The
    small bias spread keeps every feature alive (non-zero) on some inputs, so Φ has full rank.
    """
    if d < 1 or p < 1:
        raise ValueError(_("need d ≥ 1 inputs and p ≥ 1 features, not d={d}, p={p}", d=d, p=p))
    draws = rng.normal(0.0, 1.0, size=(p, d + 1))
    return RandomFeatures(draws[:, :d].T / np.sqrt(d), 0.5 * draws[:, d])


@dataclass(frozen=True)
class FeatureSVD:
    """The thin SVD Φ = U·diag(s)·Vᵀ of an (n, p) feature matrix, and the targets in its basis.

    Only the r = rank(Φ) directions with s > 0 are kept; ``uty`` is Uᵀy, the targets as seen
    along each singular direction. Every readout below is w = Vt.T @ (g(s) · Uᵀy) for a
    different filter g: the fits differ only in how much they trust each direction.
    """

    U: Array
    s: Array
    Vt: Array
    uty: Array
    n: int

    def weights(self, gains: Array) -> Array:
        """w = Σ_i gains_i · (u_iᵀy) · v_i; ``gains`` is (r,) or (r, k) for k fits at once."""
        gains = np.asarray(gains, dtype=float)
        coeff = gains * (self.uty if gains.ndim == 1 else self.uty[:, None])
        return self.Vt.T @ coeff


def feature_svd(Phi: Array, y: Array, rtol: float = 1e-10) -> FeatureSVD:
    """Factor Φ once; singular values below rtol·s_max count as zero (the rank cut-off)."""
    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float).reshape(-1)
    if len(y) != len(Phi):
        raise ValueError(
            _("Φ has {rows} rows but y has {targets} targets", rows=len(Phi), targets=len(y))
        )
    U, s, Vt = np.linalg.svd(Phi, full_matrices=False)
    keep = s > rtol * (s[0] if s.size else 0.0)
    U, s, Vt = U[:, keep], s[keep], Vt[keep]
    return FeatureSVD(U, s, Vt, U.T @ y, len(Phi))


def min_norm_gains(svd: FeatureSVD) -> Array:
    """g(s) = 1/s: the minimum-norm least-squares solution w = Φ⁺y (the pseudo-inverse).

    Among all w minimising ‖Φw − y‖ it has the smallest ‖w‖; gradient descent from w = 0 never
    leaves the row space of Φ, so it converges to exactly this w.
    """
    return 1.0 / svd.s


def gd_gains(svd: FeatureSVD, lr: float, steps: int | Array) -> Array:
    """g_T(s) = (1 − (1 − η s²/n)^T) / s: gradient descent from w = 0 after T steps, exactly.

    Along singular direction i the coefficient a = v_iᵀw obeys
    a ← a − (η/n)(s² a − s u_iᵀy), a linear recursion towards a* = u_iᵀy / s whose gap
    shrinks by (1 − η s²/n) per step. Large-s directions (signal) are learned first; small-s
    directions (where the noise hides) only late, which is why stopping early helps.
    ``steps`` may be an array of T values: the result is then (r, len(steps)).
    """
    if lr <= 0:
        raise ValueError(_("the learning rate must be positive, not {lr}", lr=lr))
    if lr * svd.s[0] ** 2 / svd.n >= 2.0:  # the top direction would overshoot more each step
        raise ValueError(
            _("learning rate {lr} is too large: gradient descent would diverge", lr=lr)
        )
    decay = 1.0 - lr * svd.s**2 / svd.n
    T = np.asarray(steps, dtype=float)
    power = decay[:, None] ** T.reshape(1, -1) if T.ndim else decay**T
    s = svd.s[:, None] if T.ndim else svd.s
    return (1.0 - power) / s


def ridge_gains(svd: FeatureSVD, lam: float) -> Array:
    """g(s) = s / (s² + nλ): the minimiser of ‖Φw − y‖²/(2n) + (λ/2)‖w‖².

    Directions with s² ≫ nλ are kept (≈ 1/s), those with s² ≪ nλ are shrunk towards 0;
    λ → 0 gives back the minimum-norm solution.
    """
    if lam < 0:
        raise ValueError(_("ridge λ must be ≥ 0, not {lam}", lam=lam))
    return svd.s / (svd.s**2 + svd.n * lam)


def stable_lr(svd: FeatureSVD) -> float:
    """η = n / s_max²: the largest step for which no direction overshoots (1 − ηs²/n ≥ 0)."""
    return float(svd.n / svd.s[0] ** 2)


def min_norm_fit(Phi: Array, y: Array) -> Array:
    """w = Φ⁺y, the minimum-norm least-squares readout."""
    svd = feature_svd(Phi, y)
    return svd.weights(min_norm_gains(svd))


def gd_fit(Phi: Array, y: Array, lr: float, steps: int) -> Array:
    """The readout after ``steps`` gradient steps of rate η from w = 0 (closed form)."""
    svd = feature_svd(Phi, y)
    return svd.weights(gd_gains(svd, lr, steps))


def ridge_fit(Phi: Array, y: Array, lam: float) -> Array:
    """The ridge readout w = (ΦᵀΦ + nλI)⁻¹Φᵀy, computed through the SVD."""
    svd = feature_svd(Phi, y)
    return svd.weights(ridge_gains(svd, lam))

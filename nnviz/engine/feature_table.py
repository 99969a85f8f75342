"""The video's perceptron on a table of yes/no features: knobs, a threshold, and a lamp per row."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from nnviz.engine.perceptron import Perceptron, perceptron_predict
from nnviz.text import _
from resources import resource_path

Array = np.ndarray
Weights = Mapping[str, float] | Sequence[float]
MAX_FEATURES, MAX_ROWS = 12, 40


@dataclass(frozen=True)
class Knobs:
    """One setting of the perceptron: a weight per feature and the threshold b."""

    weights: dict[str, float]
    threshold: float


@dataclass(frozen=True)
class FeatureTable:
    """Examples (rows) described by named 0/1 features, with optional 0/1 labels."""

    name: str
    title: str
    features: tuple[str, ...]
    rows: tuple[str, ...]
    X: Array  # (n_rows, n_features) of 0.0 / 1.0
    labels: Array | None = None
    detectors: Mapping[str, Knobs] | None = None

    def weight_vector(self, weights: Weights) -> Array:
        """Weights as a vector in feature order; a feature missing from a dict weighs 0."""
        if isinstance(weights, Mapping):
            unknown = set(weights) - set(self.features)
            if unknown:
                raise ValueError(
                    _(
                        "no feature called {unknown!r} in table {name}",
                        unknown=sorted(unknown)[0],
                        name=self.name,
                    )
                )
            w = np.array([float(weights.get(f, 0.0)) for f in self.features])
        else:
            w = np.asarray(weights, dtype=float).reshape(-1)
        if w.shape != (len(self.features),) or not np.all(np.isfinite(w)):
            raise ValueError(
                _(
                    "need {n_features} finite weights, one per feature",
                    n_features=len(self.features),
                )
            )
        return w

    def scores(self, weights: Weights, threshold: float) -> Array:
        """z = Σ w·x − b for every row: how far each example is past the threshold."""
        return self.X @ self.weight_vector(weights) - float(threshold)

    def lamps(self, weights: Weights, threshold: float) -> list[int]:
        """1 for every row whose lamp lights (Σ w·x − b > 0), else 0."""
        return perceptron_predict(self.weight_vector(weights), self.X, float(threshold)).tolist()

    def one_vs_rest(self, row: str) -> Array:
        """Labels that say "this row, and no other": 1 for ``row``, 0 for the rest."""
        if row not in self.rows:
            raise ValueError(_("no row called {row!r} in table {name}", row=row, name=self.name))
        return (np.array(self.rows) == row).astype(int)


def train_table_perceptron(
    table: FeatureTable, labels: ArrayLike, max_epochs: int = 50
) -> tuple[Knobs, int]:
    """Learn the knobs from labelled rows with the perceptron rule (``engine.perceptron``).

    On a mistake w ← w ± x and b ∓ 1; passes over the rows until one makes no mistake.
    Returns the knobs and how many passes it took (``max_epochs`` if it never settled).
    """
    y = np.asarray(labels).reshape(-1)
    if y.shape != (len(table.rows),):
        raise ValueError(_("need one label per row ({n_rows})", n_rows=len(table.rows)))
    learner = Perceptron(len(table.features), bias=True)
    epochs = 0
    while epochs < max_epochs:
        epochs += 1
        if learner.epoch(table.X, y) == 0:
            break
    weights = dict(zip(table.features, learner.w.tolist(), strict=True))
    return Knobs(weights, float(learner.b)), epochs


def table_from_dict(d: Mapping) -> FeatureTable:
    """Validate a table file's contents (format ``nnviz-table`` version 1) and build it."""
    if d.get("format") != "nnviz-table" or d.get("version") != 1:
        raise ValueError(_("not an nnviz-table file of version 1"))
    features = tuple(str(f) for f in d.get("features", ()))
    if not 1 <= len(features) <= MAX_FEATURES or len(set(features)) != len(features):
        raise ValueError(
            _("a table needs 1..{max_features} distinct features", max_features=MAX_FEATURES)
        )
    rows = list(d.get("rows", ()))
    if not 1 <= len(rows) <= MAX_ROWS:
        raise ValueError(_("a table needs 1..{max_rows} rows", max_rows=MAX_ROWS))
    names = tuple(str(r["name"]) for r in rows)
    if len(set(names)) != len(names):
        raise ValueError(_("two rows have the same name"))
    X = np.array([[_bit(r["values"], f, r["name"]) for f in features] for r in rows], float)
    labels = None
    if any("label" in r for r in rows):
        labels = np.array([_bit(r, "label", r["name"]) for r in rows], dtype=int)
    title = d.get("title", d.get("name", ""))
    table = FeatureTable(str(d["name"]), _text(title), features, names, X, labels)
    detectors = {
        str(k): Knobs(dict(zip(features, table.weight_vector(v["weights"]).tolist(), strict=True)),
                      _finite(v["threshold"]))
        for k, v in d.get("detectors", {}).items()
    }  # fmt: skip
    return FeatureTable(table.name, table.title, features, names, X, labels, detectors)


def load_table(name: str) -> FeatureTable:
    """The shipped table ``resources/tables/<name>.json`` (``fruit``, ``weather``)."""
    path = resource_path("tables", f"{name}.json")
    if not path.is_file():
        raise ValueError(_("no table called {name!r}", name=name))
    return table_from_dict(json.loads(path.read_text(encoding="utf-8")))


def _bit(values: Mapping, key: str, row: str) -> float:
    v = values.get(key) if isinstance(values, Mapping) else None
    if isinstance(v, bool) or v not in (0, 1):
        raise ValueError(_("row {row!r}: {key} must be 0 or 1, not {v!r}", row=row, key=key, v=v))
    return float(v)


def _finite(v: object) -> float:
    x = float(v)  # type: ignore[arg-type]
    if not np.isfinite(x):
        raise ValueError(_("a threshold must be a finite number, not {v!r}", v=v))
    return x


def _text(t: object) -> str:
    return str(t.get("en", "")) if isinstance(t, Mapping) else str(t)

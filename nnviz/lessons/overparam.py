"""The numbers of the over-parameterisation lesson, computed live from the ensemble."""

from __future__ import annotations

from typing import Any

from nnviz.experiments.overparam import SEEDS, STEPS, WIDTHS, run_overparam
from nnviz.lessons.registry import lesson_numbers


@lesson_numbers("overparameterisation")
def overparameterisation(
    widths: list[int] | None = None, seeds: int = SEEDS, steps: int = STEPS
) -> dict[str, Any]:
    """Per width: the share of seeds reaching 100 % training accuracy and the final-loss spread."""
    result = run_overparam(WIDTHS if widths is None else widths, seeds, steps)
    return {
        "widths": [int(w) for w in result.widths],
        "success_rate_by_width": [float(r) for r in result.success_rate],
        "loss_spread_by_width": [float(s) for s in result.loss_spread],
    }

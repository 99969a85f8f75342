"""The landscape controls' words that are kept by key: modes, lr regimes, racers' names."""

from __future__ import annotations

from app.i18n import tr


def mode_titles() -> dict[str, str]:
    """What each mode of the landscape is called, in the current language."""
    return {
        "race": tr("Optimizer race on a surface"),
        "network": tr("The live network's loss"),
        "likelihood": tr("Log-likelihood paths (2-weight logistic)"),
    }


def regime_titles() -> dict[str, str]:
    """The bowl's four learning-rate buttons, in the current language."""
    return {
        "slow": tr("slow"),
        "good": tr("good"),
        "oscillating": tr("oscillating"),
        "diverging": tr("diverging"),
    }


def racer_word(word: str) -> str:
    """A racer's name or state from the core (English there) in the current language.

    The optimizers' own names (Nesterov, AdaGrad, RMSprop, Adam) stay as they are.
    """
    words = {
        "Gradient descent": tr("Gradient descent"),
        "Momentum": tr("Momentum"),
        "diverged": tr("diverged"),
        "converged": tr("converged"),
    }
    return words.get(word, word)


def racer_status(text: str) -> str:
    """A legend entry ("Adam — diverged") in the current language."""
    return " — ".join(racer_word(part) for part in text.split(" — "))

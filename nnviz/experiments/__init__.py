"""Experiments: many trainings, one picture (pure; numbers computed with the engine)."""

"""Experiments: many trainings, one picture — the phenomena of "why deep learning works"."""

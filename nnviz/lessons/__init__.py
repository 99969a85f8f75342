"""Lessons and experiments: pure functions that compute, live, every number a lesson shows."""

from nnviz.lessons.registry import NUMBERS, compute, lesson_numbers

__all__ = ["NUMBERS", "compute", "lesson_numbers"]

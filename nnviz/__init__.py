"""nnviz: see a neural network learn — a pure NumPy core with thin Qt views."""

__version__ = "0.1.0"

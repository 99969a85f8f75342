"""The nnviz desktop application: main window, menus, command line."""

import os

# One BLAS thread per process, set before NumPy loads. The networks' matrices are tiny, so a
# second BLAS thread only competes with the GUI thread and the training process for the two
# cores of a typical laptop: bench/ui.py measured the staged playground at 46 % of the bare
# engine's throughput with OpenBLAS's default threads and 69 % with one (p99 lateness 23.6 →
# 18.7 ms). The training process inherits it. A user's own setting wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

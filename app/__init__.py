"""The nnviz desktop application: main window, menus, command line."""

import os

# One BLAS thread per process, set before NumPy loads. The networks' matrices are tiny: the
# bare engine trains as fast with one OpenBLAS thread as with two (287–309 against 310–323
# epochs/s, measured side by side), so a second thread buys nothing and can only compete
# with the GUI thread and the training process for a laptop's cores. The training process
# inherits the setting. A user's own OPENBLAS_NUM_THREADS wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

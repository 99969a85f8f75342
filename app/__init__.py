"""The nnviz desktop application: main window, menus, command line."""

import os

# One BLAS thread per process, set before NumPy loads. The networks' matrices are tiny: the
# bare engine trains as fast with one OpenBLAS thread as with two (287–309 against 310–323
# epochs/s, measured side by side), so a second thread buys nothing and can only compete
# with the GUI thread and the training process for a laptop's cores. The training process
# inherits the setting. A user's own OPENBLAS_NUM_THREADS wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# Qt's raster painter splits every large fill or blend across a pool of threads and waits for
# them. With the training process on one core, those helpers queue for the other one while
# the GUI thread waits: frames took two to five times their CPU time in wall time. Painted
# in the GUI thread alone the staged playground's lateness p99 went 21–37 → 17–18 ms
# (bench/ui.py, three runs each, same machine). Set before any QGuiApplication exists.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

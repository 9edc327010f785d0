#!/usr/bin/python3
"""Memory baseline for the capacitated benchmark: what the scipy anchor's process holds
before solving (interpreter + numpy + scipy.optimize + the loaded matrix), so that the
bench can report "solver memory = peak - baseline". Mirrors the loading code of
shared/anchors/scipy_lsap.py.
usage: py_baseline.py FILE ROWS COLS   (run under /usr/bin/time -f %M)"""
import sys
import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment  # noqa: F401  (same imports as the anchor)

f, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
C = np.fromfile(f, dtype="<f8").reshape(rows, cols)
print(float(C[0, 0]) if C.size else 0.0)

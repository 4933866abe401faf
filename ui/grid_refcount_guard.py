"""A guard against PySide6 6.12 on Python 3.11 taking references to None, True and False it never gave.

Every call from Python to a Qt method that returns nothing (QPainter.drawLine, QWidget.resize…)
lowers the reference count of None by one; some bool-returning calls do the same to True/False.
Python 3.12 made these objects immortal, so the fault only shows on 3.11, where the count reaches
zero and the interpreter aborts ("Fatal Python error: none_dealloc"). A grid repaint makes
thousands of such calls (the delegate draws every cell), so table 3 would abort after a few
repaints. PySide6 6.11 does not have the fault.

Until the project pins a PySide6 without it (or Python 3.12+), the guard gives the three singletons
references that are never returned. It does nothing on other versions.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

_SPARE_REFERENCES = 1 << 40
_unprotected = sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12.")


def protect_singletons() -> None:
    """Add spare references to None, True and False (once per process) where the fault exists."""
    global _unprotected
    if not _unprotected:
        return
    _unprotected = False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in CPython's release builds.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _SPARE_REFERENCES

"""Worker processes for reading and checking many files: one rule for `check` and the batch review.

Each worker reads one file at a time; the parent holds only what comes back (findings, summaries).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TypeVar

DEFAULT_WORKERS = 2  # the machines this runs on have two cores
CHUNK = 8  # files a worker reads per task: few enough to cancel quickly, enough to keep the pool busy
IN_PROCESS_BELOW = 12  # fewer files than this are read in this process: starting workers costs more

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> list[list[T]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def worker_pool(workers: int, files: int, spawned_from: int = IN_PROCESS_BELOW) -> Executor | None:
    """A pool for `files` files, or None when this process should read them itself: below
    IN_PROCESS_BELOW files, or below `spawned_from` when the workers would be spawned (each then
    imports the program first, about half a second on Windows)."""
    method = _start_method()
    least = IN_PROCESS_BELOW if method == "fork" else max(IN_PROCESS_BELOW, spawned_from)
    if workers <= 1 or files < least:
        return None
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))


def _start_method() -> str:
    """fork where it is safe: on Linux, outside the frozen app, from a process running a single thread
    (the command line). A forked worker starts at once with everything imported, where a spawned
    one spends longer importing than reading a dozen files. spawn everywhere else: Windows has
    nothing else, and a fork beside running threads (Qt's, in the window) inherits them broken."""
    if sys.platform == "linux" and not getattr(sys, "frozen", False) and _threads() == 1:
        return "fork"
    return "spawn"


def _threads() -> int:
    """Threads of this process, Python's or not (Qt's are not); 0 when the system does not say."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0

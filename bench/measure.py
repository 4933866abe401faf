"""What the bench scripts share: a median timing, and the environment of an installed program."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls of `action`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_ms(action: Callable[[], object], runs: int) -> float:
    return median_seconds(action, runs) * 1000


def installed_env(folder: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """`base` (this process's environment) as an installed program runs: its bytecode compiled once
    and kept (in `folder`), where this sandbox would compile every module at every start."""
    env = {key: value for key, value in (base or os.environ).items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env

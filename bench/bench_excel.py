"""Benchmark: export (and import) of a full report as .xlsx; prints the median of several runs.

python bench/bench_excel.py [RUNS]   — the export should stay well under 300 ms median.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from export import ExportOptions, read_report, write_report
from tests.factories import consistent_report


def median_ms(action: Callable[[], object], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main(runs: int) -> None:
    report = consistent_report()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.xlsx"
        write_report(report, path, ExportOptions())  # warm-up: imports, caches
        export = median_ms(lambda: write_report(report, path, ExportOptions()), runs)
        read_report(path)
        import_ = median_ms(lambda: read_report(path), runs)
    print(f"xlsx export: median {export:.1f} ms over {runs} runs (target < 300 ms)")
    print(f"xlsx import: median {import_:.1f} ms over {runs} runs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)

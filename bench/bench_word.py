"""Benchmark: Word export of a full report (and its import), median of repeated runs. Not a test.

Run: python bench/bench_word.py   — the export should stay well under 300 ms median.
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

RUNS = 20


def _median_ms(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    report = consistent_report()
    options = ExportOptions(font_scheme="standard")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (report.title + ".docx")
        export_ms = _median_ms(lambda: write_report(report, path, options))
        import_ms = _median_ms(lambda: read_report(path))
    print(f"Word export of a full report: median {export_ms:.1f} ms over {RUNS} runs (target < 300 ms)")
    print(f"Word import of that file:     median {import_ms:.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()

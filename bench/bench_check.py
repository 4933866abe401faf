"""Benchmark: a full check of a filled report with last year's report given, as on every keystroke
(target: median ≤ 1 ms).

Run: python bench/bench_check.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from model import check
from tests.factories import consistent_report

ROUNDS = 3000


def main() -> None:
    report = consistent_report()
    report.narrative.section("overview").intro = (
        report.narrative.section("overview").intro * 20
    )  # a realistically long section
    last_year = consistent_report()
    last_year.meta.year = 2023
    samples = []
    for i in range(ROUNDS):
        start = time.perf_counter()
        report.set_cell("applications", "disclosed", "commercial", i % 3)  # an edit, as the grid makes it
        check(report, last_year)
        samples.append(time.perf_counter() - start)
    samples.sort()
    median = statistics.median(samples) * 1000
    p95 = samples[int(len(samples) * 0.95)] * 1000
    print(f"edit + full check: median {median:.3f} ms, p95 {p95:.3f} ms over {ROUNDS} rounds (target ≤ 1 ms)")


if __name__ == "__main__":
    main()

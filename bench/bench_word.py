"""Benchmark: Word export of a full report (and its import), median of repeated runs. Not a test.

Run: python bench/bench_word.py   — the export should stay well under 300 ms median.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import median_ms

from export import ExportOptions, read_report, write_report
from tests.factories import consistent_report

RUNS = 20


def main() -> None:
    report = consistent_report()
    options = ExportOptions(font_scheme="standard")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (report.title + ".docx")
        export_ms = median_ms(lambda: write_report(report, path, options), RUNS)
        import_ms = median_ms(lambda: read_report(path), RUNS)
    print(f"Word export of a full report: median {export_ms:.1f} ms over {RUNS} runs (target < 300 ms)")
    print(f"Word import of that file:     median {import_ms:.1f} ms over {RUNS} runs")


if __name__ == "__main__":
    main()

"""Benchmark: export (and import) of a full report as .xlsx; prints the median of several runs.

python bench/bench_excel.py [RUNS]   — the export should stay well under 300 ms median.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import median_ms

from export import ExportOptions, read_report, write_report
from tests.factories import consistent_report


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

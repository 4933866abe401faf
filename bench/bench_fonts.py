"""Benchmark: finding fonts by the family names inside them, beside finding them by file name. Not a test.

Run: python bench/bench_fonts.py [COPIES]   — this machine's font folders, and a folder holding COPIES
(default 400, about a Windows Fonts folder) small fonts, each searched in a fresh process (cold: every
name table read) and again in the same process (warm: files unchanged, only listed and stat'ed).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from measure import median_ms  # noqa: E402

import export.fonts  # noqa: E402
from export.fonts import installed_font_families, installed_font_files  # noqa: E402
from tests.export.test_fonts import font_bytes, name_table  # noqa: E402

RUNS = 20
_COLD = """
import sys, time; sys.path.insert(0, {root!r})
import export.fonts
export.fonts.font_dirs = lambda: [__import__("pathlib").Path(p) for p in {folders!r}]
start = time.perf_counter(); export.fonts.installed_font_families(); print(time.perf_counter() - start)
"""


def _cold_ms(folders: list[Path]) -> float:
    code = _COLD.format(root=str(ROOT), folders=[str(f) for f in folders])
    timings = [float(subprocess.check_output([sys.executable, "-c", code])) * 1000 for _ in range(5)]
    return statistics.median(timings)


def _report(label: str, folders: list[Path]) -> None:
    export.fonts.font_dirs = lambda: folders
    files = len(installed_font_files())
    print(f"{label} ({files} font files)")
    print(f"  by file name:            median {median_ms(installed_font_files, RUNS):6.1f} ms")
    print(f"  by family, cold process: median {_cold_ms(folders):6.1f} ms (page cache warm)")
    print(f"  by family, warm:         median {median_ms(installed_font_families, RUNS):6.1f} ms")


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    _report("This machine's font folders", export.fonts.font_dirs())
    with tempfile.TemporaryDirectory() as folder:
        for i in range(copies):
            (Path(folder) / f"font{i}.ttf").write_bytes(font_bytes(name_table(f"Family {i}", f"Family {i} Regular")))
        _report(f"A folder of {copies} fonts", [Path(folder)])


if __name__ == "__main__":
    main()

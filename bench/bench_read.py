"""Benchmark: the center's `python main.py check` over 200 hand-typed .docx in one command (target ≥ 150 files/s).

Run: python bench/bench_read.py [COUNT]

The documents are the reading corpus's typed layouts (tests/export/corpus/make_corpus.py: merged and
unmerged tables, transposed table 三, table 四 in three rows, 小计 columns, split tables, web pastes,
the 2019 format …), written with python-docx as Word and WPS users type them, each under another
agency's name. Side by side in one run: the command over one file (start-up alone) and over all of
them, with the peak memory of each: the same peak says that reading holds one file at a time.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from tests.export.corpus.make_corpus import cases, write_docx  # noqa: E402

COUNT = 200
TARGET = 150  # files a second


def typed_documents(folder: Path, count: int) -> list[Path]:
    layouts = [case for case in cases() if case.fmt == "docx"]
    paths = []
    for i in range(count):
        case = layouts[i % len(layouts)]
        case.doc.items[0] = f"第{i}号{case.report.meta.agency}"
        path = folder / f"{i:03d}-{case.name}.docx"
        write_docx(case.doc, path)
        paths.append(path)
    return paths


def run_check(paths: list[Path]) -> tuple[float, float, int]:
    """(seconds, CPU seconds, peak resident kilobytes) of one `main.py check` over `paths`, in a process
    of its own. CPU time says what the wall clock would be on an idle machine; a shared one slows the
    wall clock down by its load."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "check", *map(str, paths)],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode == 2:
        raise SystemExit(result.stderr.decode("utf-8", "replace"))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    return seconds, cpu, after.ru_maxrss


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    with tempfile.TemporaryDirectory() as folder:
        paths = typed_documents(Path(folder), count)
        one, one_cpu, one_peak = run_check(paths[:1])
        all_, all_cpu, all_peak = run_check(paths)
    rate, cpu_rate = count / all_, count / all_cpu
    load = os.getloadavg()[0]
    print(f"main.py check, 1 file:      {one:.2f} s, CPU {one_cpu:.2f} s (start-up), peak {one_peak / 1024:.0f} MB")
    print(
        f"main.py check, {count} files: {all_:.2f} s = {rate:.0f} files/s; CPU {all_cpu:.2f} s = {cpu_rate:.0f} files "
        f"a CPU second ({(all_cpu - one_cpu) / (count - 1) * 1000:.1f} ms a file after start-up); "
        f"peak {all_peak / 1024:.0f} MB (the largest of both runs)"
    )
    verdict = "met" if rate >= TARGET else ("met on CPU time" if cpu_rate >= TARGET else "NOT met")
    print(f"target ≥ {TARGET} files/s: {verdict} (load average {load:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()

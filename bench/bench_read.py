"""Benchmark: the center's `python main.py check` over 200 hand-typed .docx in one command (target ≥ 150 files/s).

Run: python bench/bench_read.py [COUNT]

The documents are the reading corpus's typed layouts (tests/export/corpus/make_corpus.py: merged and
unmerged tables, transposed table 三, table 四 in three rows, 小计 columns, split tables, web pastes,
the 2019 format …), written with python-docx as Word and WPS users type them, each under another
agency's name. Side by side in one run, five times interleaved (the median counts): the command over
one file (start-up alone) and over all of them, with the peak memory of each process: the same peak says that reading holds one file at a
time. The command runs as an installed program does, from compiled bytecode (kept in a temporary
cache, warmed up by a first run); the documents are written by another process, so that this one
stays small and a child's peak (which counts what it inherited) is the command's own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import installed_env

ROOT = Path(__file__).parents[1]
COUNT = 200
TARGET = 150  # files a second
RUNS = 5


def typed_documents(folder: Path, count: int) -> list[Path]:
    """Write the documents (in this process: the one `--write` starts)."""
    sys.path.insert(0, str(ROOT))
    from tests.export.corpus.make_corpus import cases, write_docx

    layouts = [case for case in cases() if case.fmt == "docx"]
    paths = []
    for i in range(count):
        case = layouts[i % len(layouts)]
        case.doc.items[0] = f"第{i}号{case.report.meta.agency}"
        path = folder / f"{i:03d}-{case.name}.docx"
        write_docx(case.doc, path)
        paths.append(path)
    return paths


def run_check(paths: list[Path], env: dict[str, str]) -> tuple[float, float, int]:
    """(seconds, CPU seconds, peak resident kilobytes) of one `main.py check` over `paths`, its workers
    included. CPU time says what the wall clock would be on an idle machine; a shared one slows the
    wall clock down by its load."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "check", *map(str, paths)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    errors = process.stderr.read() if process.stderr else b""
    _, status, usage = os.wait4(process.pid, 0)  # this child's own usage, unlike RUSAGE_CHILDREN
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
    if process.returncode == 2:
        raise SystemExit(errors.decode("utf-8", "replace"))
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        subprocess.run([sys.executable, __file__, "--write", str(folder), str(count)], check=True)
        paths = sorted(folder.glob("*.docx"))
        env = installed_env(folder)
        run_check(paths[:1], env)  # compiles the bytecode, as installing the program does
        ones, alls = [], []
        for _ in range(RUNS):  # interleaved, so that a busy moment of a shared machine hurts both alike
            ones.append(run_check(paths[:1], env))
            alls.append(run_check(paths, env))
    one, one_cpu, one_peak = _median_run(ones)
    all_, all_cpu, all_peak = _median_run(alls)
    rate = count / all_
    rates = ", ".join(f"{count / seconds:.0f}" for seconds, _, _ in alls)
    load = os.getloadavg()[0]
    print(f"main.py check, 1 file:      {one:.2f} s, CPU {one_cpu:.2f} s (start-up), peak {one_peak / 1024:.0f} MB")
    print(
        f"main.py check, {count} files: {all_:.2f} s = {rate:.0f} files/s (median of {RUNS} runs: {rates}); "
        f"CPU {all_cpu:.2f} s ({(all_cpu - one_cpu) / (count - 1) * 1000:.1f} ms a file after start-up, in all "
        f"processes); peak {all_peak / 1024:.0f} MB in any one process"
    )
    verdict = "met" if rate >= TARGET else "NOT met"
    print(f"target ≥ {TARGET} files/s: {verdict} (load average {load:.1f} on {os.cpu_count()} cores)")


def _median_run(runs: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The run of median wall time."""
    return sorted(runs)[len(runs) // 2]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write"]:
        typed_documents(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        main()

"""Benchmark: the center's batch review (`main.py review`) of 200 and 2,000 hand-typed reports,
every output written (审核汇总.xlsx, the letters, review.json).

Targets (issue 17): 200 reports under 15 s, 2,000 under 2 minutes, on a 2-core machine; both cores
used (two worker processes, compared side by side with one process); the parent's memory grows
with the summaries only.

The inputs are built from the seeds and the consistent report as .nianbao.json, hand-typed .docx
(no embedded copy: read from what the page shows) and .xlsx, in turn, under distinct agency names
(tests/export/review/corpus.py). Each review runs in a fresh process, which reports its wall time,
the CPU seconds of the parent and of its workers (which, unlike the wall time, do not depend on what
else the machine is running: on an idle 2-core machine the wall time is about the larger of the
parent's CPU time and half the total), and the peak memory of the parent and of the largest worker.

Run: python bench/bench_review.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.export.review.corpus import write_many

RUNS = ((200, 1), (200, 2), (2000, 2))  # (reports, worker processes)
TARGETS = {200: 15.0, 2000: 120.0}


def review_once(folder: Path, out: Path, workers: int) -> dict[str, float]:
    """In this process: one review, its wall time and peak memory."""
    from export import ReviewRequest, review_reports

    start = time.perf_counter()
    outcome = review_reports(ReviewRequest(inputs=(folder,), out=out, workers=workers))
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "parent_cpu": own.ru_utime + own.ru_stime,
        "worker_cpu": children.ru_utime + children.ru_stime,
        "parent_mb": own.ru_maxrss / 1024,
        "worker_mb": children.ru_maxrss / 1024,
        "letters": len(outcome.letters),
    }


def measured(folder: Path, out: Path, workers: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", str(folder), str(out), str(workers)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", metavar="DIR", help="build the inputs here (reused when present)")
    parser.add_argument("--one", nargs=3, metavar=("FOLDER", "OUT", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        folder, out, workers = args.one
        print(json.dumps(review_once(Path(folder), Path(out), int(workers))))
        return
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench_review_"))
    for count in sorted({count for count, _ in RUNS}):
        folder = root / f"{count}"
        if not folder.is_dir() or len(list(folder.iterdir())) != count:
            start = time.perf_counter()
            write_many(folder, count)
            print(f"built {count} reports in {time.perf_counter() - start:.1f} s")
    print(
        f"{'reports':>8} {'workers':>8} {'seconds':>8} {'target':>7} {'letters':>8} {'parent MB':>10} {'worker MB':>10}"
    )
    for count, workers in RUNS:
        result = measured(root / f"{count}", root / f"out-{count}-{workers}", workers)
        target = TARGETS[count]
        verdict = "ok" if result["seconds"] <= target else "SLOW"
        print(
            f"{count:>8} {workers:>8} {result['seconds']:>8.1f} {target:>6.0f}s {result['letters']:>8.0f}"
            f" {result.get('parent_cpu', 0):>9.1f} {result.get('worker_cpu', 0):>10.1f}"
            f" {result['parent_mb']:>10.0f} {result['worker_mb']:>10.0f}  {verdict}"
        )


if __name__ == "__main__":
    main()

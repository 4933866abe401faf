"""`check` over many files: each read and checked, the results given back in the order of the files,
in worker processes when there are many (export.review.pool)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import repeat

from export.formats import format_of, read_report
from export.review.pool import DEFAULT_WORKERS, chunks, worker_pool
from model.checks import check
from model.errors import ReportFileError
from model.findings import Finding
from model.report import Report
from model.rules import NATIONAL, Rules

# Checking a file takes about 10 ms; a spawned worker spends about 0.4 s importing before its first.
# Two of them pay for that from about 80 files on.
SPAWNED_FROM = 80


@dataclass(frozen=True)
class FileCheck:
    """What checking one file gave: its findings, or the reason it could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    unreadable: str | None = None


def check_files(
    paths: Sequence[str], last_year: Report | None = None, rules: Rules = NATIONAL, workers: int = DEFAULT_WORKERS
) -> Iterator[FileCheck]:
    """Each file read and checked (against `last_year`, when given), yielded in the order of `paths`
    as soon as it and every file before it are done."""
    pool = worker_pool(workers, len(paths), spawned_from=SPAWNED_FROM)
    if pool is None:
        for path in paths:
            yield check_file(path, last_year, rules)
        return
    _load_readers(paths)
    try:
        for results in pool.map(check_chunk, chunks(paths), repeat(last_year), repeat(rules)):
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _load_readers(paths: Sequence[str]) -> None:
    """Import the readers these files need before the workers start, so that forked workers begin
    with them (spawned ones import them anyway)."""
    for fmt in {format_of(path) for path in paths}:
        if fmt is not None and fmt.reader is not None:
            fmt.reader()


def check_chunk(paths: Sequence[str], last_year: Report | None, rules: Rules) -> list[FileCheck]:
    """What a worker does with a few files (a top-level function: the pool pickles it by name)."""
    return [check_file(path, last_year, rules) for path in paths]


def check_file(path: str, last_year: Report | None, rules: Rules = NATIONAL) -> FileCheck:
    """One file read and checked; a file that cannot be read is a FileCheck with the reason."""
    try:
        report = read_report(path)
    except ReportFileError as error:
        return FileCheck(path, unreadable=str(error))
    return FileCheck(path, tuple(check(report, last_year, rules)))

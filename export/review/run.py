"""The batch review from start to finish: find the files, read and check them in worker processes,
compile the review, write the letters (in the workers too), the workbook and review.json.

The parent process holds only summaries: each worker reads and checks a chunk of files and sends
back one ReportSummary (or a reason it could not read) per file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from export.formats import FORMATS
from export.review.pool import DEFAULT_WORKERS, chunks, worker_pool
from export.review.worker import LastYear, agencies_of, review_files, write_letters
from model.errors import ReportFileError
from model.files import write_atomically
from model.review import ReportSummary, Review, Unreadable, compile_review
from model.roster import NameMatcher, Roster
from model.rules import NATIONAL, load_rules
from model.template import TEMPLATE_2021, Template

WORKBOOK_NAME = "审核汇总.xlsx"
LETTERS_FOLDER = "审核意见"
JSON_NAME = "review.json"
EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class ReviewRequest:
    inputs: tuple[Path, ...]  # files or folders (searched recursively)
    out: Path
    roster: Path | None = None
    previous: Path | None = None  # last year's reports: a folder or a file
    rules: Path | None = None  # a local rules file (model.rules); None: the national rules
    center: str = ""  # the reviewing office, signed under each letter (empty: the letter is unsigned)
    workers: int = DEFAULT_WORKERS
    review_date: date = field(default_factory=date.today)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    stage: str  # in Chinese, for a progress bar's label


class ReviewCancelled(Exception):
    """The person cancelled the review; nothing more is written."""


@dataclass
class ReviewOutcome:
    review: Review
    root: Path  # the folder the report files are shown relative to
    workbook: Path
    letters: dict[str, Path]  # report file → its letter
    json_file: Path
    previous_unreadable: list[Unreadable]

    @property
    def exit_code(self) -> int:
        """As `check`: 2 when a file could not be read, else 1 when a report has an error, else 0."""
        if self.review.unreadable:
            return EXIT_UNREADABLE
        return EXIT_ERRORS if self.review.has_errors else EXIT_OK


def report_suffixes() -> tuple[str, ...]:
    return tuple(f.suffix for f in FORMATS if f.reads)


def _is_report_file(path: Path) -> bool:
    name = path.name
    return name.lower().endswith(report_suffixes()) and not name.startswith(("~$", ".~lock", "."))


def find_inputs(inputs: Iterable[Path], exclude: Path | None = None) -> tuple[list[Path], list[Unreadable]]:
    """The report files among `inputs` (folders searched recursively, `exclude` left out), and the
    inputs that do not exist or are no report file."""
    files: list[Path] = []
    problems: list[Unreadable] = []
    skipped = exclude.resolve() if exclude is not None else None
    for given in inputs:
        path = given.resolve()
        if skipped is not None and (path == skipped or skipped in path.parents):
            continue
        if path.is_dir():
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if skipped is None or Path(folder, d).resolve() != skipped)
                files += [Path(folder, n) for n in sorted(names) if _is_report_file(Path(folder, n))]
        elif path.is_file():
            if _is_report_file(path):
                files.append(path)
            else:
                suffixes = "、".join(report_suffixes())
                problems.append(Unreadable(str(path), f"不是年报文件（支持 {suffixes}）"))
        else:
            problems.append(Unreadable(str(given), "找不到该文件或文件夹"))
    return list(dict.fromkeys(files)), problems


class _Runner:
    """Maps a function over chunks, in worker processes or in this one, reporting progress and
    stopping when cancelled."""

    def __init__(
        self,
        executor: Executor | None,
        progress: Callable[[Progress], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.executor = executor
        self.progress = progress or (lambda _p: None)
        self.cancelled = cancelled or (lambda: False)

    def check_cancelled(self) -> None:
        if self.cancelled():
            if self.executor is not None:
                self.executor.shutdown(wait=False, cancel_futures=True)
            raise ReviewCancelled

    def map(self, function: Callable[..., list[R]], items: Sequence[T], stage: str, *args: object) -> list[R]:
        results: list[R] = []
        total = len(items)
        self.progress(Progress(0, total, stage))
        if self.executor is None:
            for chunk in chunks(items):
                self.check_cancelled()
                results += function(chunk, *args)
                self.progress(Progress(min(len(results), total), total, stage))
            return results
        futures: dict[Future[list[R]], int] = {
            self.executor.submit(function, chunk, *args): len(chunk) for chunk in chunks(items)
        }
        done = 0
        for future in as_completed(futures):
            self.check_cancelled()
            results += future.result()
            done += futures[future]
            self.progress(Progress(done, total, stage))
        return results


def _last_year(runner: _Runner, folder: Path | None) -> tuple[LastYear | None, list[Unreadable]]:
    """Last year's reports: read once for their agencies and years, matched later in the workers."""
    if folder is None:
        return None, []
    files, problems = find_inputs([folder])
    found = runner.map(agencies_of, [str(f) for f in files], "读取上年报告")
    readable = [f for f in found if not isinstance(f, Unreadable)]
    problems += [f for f in found if isinstance(f, Unreadable)]
    readable.sort()
    matcher = NameMatcher.of([agency for _, agency, _ in readable])
    last_year = LastYear(tuple(f for f, _, _ in readable), tuple(y for _, _, y in readable), matcher)
    return last_year, problems


def run_review(
    request: ReviewRequest,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    template: Template = TEMPLATE_2021,
) -> ReviewOutcome:
    """Review every report among the inputs and write the outputs into `request.out`.

    A file that cannot be read is listed with its reason and never stops the run; a roster or rules
    file that cannot be read, or an output that cannot be written, raises ReportFileError."""
    roster = _read_roster(request.roster, template)
    rules = load_rules(request.rules, template) if request.rules is not None else NATIONAL
    files, problems = find_inputs(request.inputs, exclude=request.out)
    executor = worker_pool(request.workers, len(files))
    runner = _Runner(executor, progress, cancelled)
    try:
        last_year, previous_problems = _last_year(runner, request.previous)
        results = runner.map(review_files, [str(f) for f in files], "审核报告", last_year, rules)
        summaries = [r for r in results if isinstance(r, ReportSummary)]
        unreadable = problems + sorted((r for r in results if isinstance(r, Unreadable)), key=lambda u: u.file)
        review = compile_review(summaries, unreadable, roster, template)
        root = _common_root(request.inputs)
        _prepare_out(request.out)
        letters = _letter_targets(review, request.out / LETTERS_FOLDER)
        jobs = [(e.summary, str(letters[e.summary.file]), e.name) for e in review.entries if e.summary.file in letters]
        failed = runner.map(write_letters, jobs, "写审核意见", request.center, request.review_date)
        runner.check_cancelled()
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
    if failed:
        raise ReportFileError(f"无法写入审核意见 {failed[0].file}：{failed[0].reason}")
    if progress:
        progress(Progress(0, 1, "写审核汇总表"))
    from export.review.json_file import review_json_bytes
    from export.review.workbook import write_review_workbook  # openpyxl only when it is needed

    outcome = ReviewOutcome(
        review, root, request.out / WORKBOOK_NAME, letters, request.out / JSON_NAME, previous_problems
    )
    write_review_workbook(outcome)
    write_atomically(outcome.json_file, review_json_bytes(outcome))
    if progress:
        progress(Progress(1, 1, "完成"))
    return outcome


def _read_roster(path: Path | None, template: Template) -> Roster | None:
    if path is None:
        return None
    from export.review.roster_file import read_roster

    return read_roster(path, template)


def _common_root(inputs: Sequence[Path]) -> Path:
    folders = [p.resolve() if p.is_dir() else p.resolve().parent for p in inputs]
    try:
        return Path(os.path.commonpath(folders)) if folders else Path.cwd()
    except ValueError:  # different drives on Windows
        return Path()


_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\r\n\t]')


def _letter_targets(review: Review, folder: Path) -> dict[str, Path]:
    """A letter for every report with an open finding, named for its unit; a second report of the
    same unit gets （2）."""
    targets: dict[str, Path] = {}
    taken: set[str] = set()
    for entry in review.entries:
        if not entry.summary.open_findings:
            continue
        base = _UNSAFE_IN_FILE_NAMES.sub("", entry.name).strip() or Path(entry.summary.file).stem
        name, number = base, 1
        while name.lower() in taken:
            number += 1
            name = f"{base}（{number}）"
        taken.add(name.lower())
        targets[entry.summary.file] = folder / f"{name}.docx"
    return targets


def _prepare_out(out: Path) -> None:
    """Create the output folder; remove the letters of the last review written there, so that a
    report corrected since gets none."""
    try:
        (out / LETTERS_FOLDER).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReportFileError(f"无法创建输出文件夹 {out}：{error.strerror or error}") from None
    try:
        old = json.loads((out / JSON_NAME).read_text(encoding="utf-8"))
        old_letters = [r.get("letter") for r in old.get("reports", []) if isinstance(r, dict)]
    except (OSError, ValueError, AttributeError):
        return
    for name in old_letters:
        if isinstance(name, str) and Path(name).parent == Path(LETTERS_FOLDER):
            (out / name).unlink(missing_ok=True)

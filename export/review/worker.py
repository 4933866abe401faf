"""What a worker process does: read and check a few files, write a few letters, and send back only
compact values (a summary, a reason). Functions here run in the pool, so they are plain top-level
functions of picklable arguments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from export.formats import read_report
from model.checks import check
from model.errors import ReportFileError
from model.files import write_atomically
from model.review import ReportSummary, Unreadable, summarize
from model.roster import NameMatcher
from model.rules import NATIONAL, Rules


@dataclass(frozen=True)
class LastYear:
    """Last year's reports found with --previous: their files, agencies, years, and a matcher over them."""

    files: tuple[str, ...]
    years: tuple[int | None, ...]
    matcher: NameMatcher

    def file_for(self, agency: str, year: int | None) -> str | None:
        """The report of `agency` for the year before `year`, when exactly one fits."""
        match = self.matcher.match(agency)
        if match.index is None:
            return None
        last_year = self.years[match.index]
        fits = year is None or last_year is None or last_year == year - 1
        return self.files[match.index] if fits else None


def agencies_of(paths: Sequence[str]) -> list[tuple[str, str, int | None] | Unreadable]:
    """(file, agency, year) of each of last year's reports, or why it cannot be read."""
    found: list[tuple[str, str, int | None] | Unreadable] = []
    for path in paths:
        try:
            report = read_report(path)
        except ReportFileError as error:
            found.append(Unreadable(path, str(error)))
            continue
        found.append((path, report.meta.agency.strip(), report.meta.year))
    return found


def review_files(
    paths: Sequence[str], last_year: LastYear | None, rules: Rules = NATIONAL
) -> list[ReportSummary | Unreadable]:
    """Read and check each file (against last year's report of its agency, when known)."""
    return [review_file(path, last_year, rules) for path in paths]


def review_file(path: str, last_year: LastYear | None, rules: Rules = NATIONAL) -> ReportSummary | Unreadable:
    try:
        report = read_report(path)
    except ReportFileError as error:
        return Unreadable(path, str(error))
    previous_file = last_year.file_for(report.meta.agency, report.meta.year) if last_year else None
    previous = None
    if previous_file is not None:
        try:
            previous = read_report(previous_file)
        except ReportFileError:
            previous_file = None  # it was readable a moment ago; without it no cross-year check
    return summarize(report, check(report, previous, rules), path, previous_file)


def write_letters(letters: Sequence[tuple[ReportSummary, str, str]], center: str, when: date) -> list[Unreadable]:
    """Write each letter (summary, target file, addressee); what could not be written, with the reason."""
    from export.review.letters import render_letter  # python-docx only where letters are written

    failed = []
    for summary, target, addressee in letters:
        try:
            data = render_letter(summary, addressee, Path(summary.file).name, center, when)
            write_atomically(Path(target), data)
        except ReportFileError as error:
            failed.append(Unreadable(target, str(error)))
    return failed

"""The center's batch review as values: one compact summary per report, and the review compiled from
them (roster matching, timeliness, duplicates, the county's sums).

A summary is all the review keeps of a report (the worker that read and checked it sends nothing
else back), so that reviewing 2,000 reports holds 2,000 summaries, never 2,000 reports.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from model.checks import count_by_severity
from model.field_paths import META, PathKind, SubsectionPart, parse
from model.findings import Finding, Location
from model.numerals import subsection_number
from model.report import Number, Report
from model.roster import NameMatcher, Roster, Unit
from model.template import TEMPLATES, Template, column_title, row_title

Cell = tuple[str, str, str]  # (table, row, column)


def summed_cells(template: Template) -> tuple[Cell, ...]:
    """Every cell of the statutory tables, totals included, in reading order: what is summed."""
    return tuple((t.id, r.id, c.id) for t in template.tables for r, c in t.cells())


@dataclass(frozen=True)
class ReportSummary:
    """What the review keeps of one report read and checked."""

    file: str
    agency: str
    agency_kind: str
    year: int | None
    issue_date: date | None
    findings: tuple[Finding, ...]
    values: tuple[Number | None, ...]  # the value of each of `summed_cells(template)`, None: not filled in
    template_id: str
    previous_file: str | None = None  # last year's report it was checked against

    @property
    def template(self) -> Template:
        return TEMPLATES[self.template_id]

    @property
    def counts(self) -> tuple[int, int]:
        """(errors, warnings), reviewed warnings not counted."""
        return count_by_severity(list(self.findings))

    @property
    def open_findings(self) -> tuple[Finding, ...]:
        """The findings to act on: errors and warnings nobody has marked as reviewed."""
        return tuple(f for f in self.findings if f.reviewed is None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.code for f in self.open_findings))

    def value(self, cell: Cell) -> Number | None:
        return self.values[_cell_index(self.template)[cell]]

    def key_figures(self) -> dict[str, Number | None]:
        """The template's key figures (收到申请, 予以公开 …) by id; None when a cell is not filled in."""
        figures: dict[str, Number | None] = {}
        for figure in self.template.roles.key_figures:
            values = [self.value(c) for c in figure.cells]
            figures[figure.id] = None if any(v is None for v in values) else sum(v for v in values if v is not None)
        return figures

    @property
    def deadline(self) -> date | None:
        if self.year is None:
            return None
        return self.template.agency_kind(self.agency_kind).deadline_for(self.year)


_INDEXES: dict[str, dict[Cell, int]] = {}


def _cell_index(template: Template) -> dict[Cell, int]:
    if template.id not in _INDEXES:
        _INDEXES[template.id] = {cell: i for i, cell in enumerate(summed_cells(template))}
    return _INDEXES[template.id]


def summarize(
    report: Report, findings: Sequence[Finding], file: str, previous_file: str | None = None
) -> ReportSummary:
    return ReportSummary(
        file=file,
        agency=report.meta.agency.strip(),
        agency_kind=report.meta.agency_kind,
        year=report.meta.year,
        issue_date=report.meta.issue_date,
        findings=tuple(findings),
        values=tuple(report.value(*cell) for cell in summed_cells(report.template)),
        template_id=report.template.id,
        previous_file=previous_file,
    )


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be read, and why (a one-line Chinese reason)."""

    file: str
    reason: str


class Timeliness(Enum):
    ON_TIME = "on_time"
    LATE = "late"
    NO_DEADLINE = "no_deadline"  # a township: the 条例 sets none
    UNDATED = "undated"  # no 成文日期 (or no year) to judge by

    @property
    def label(self) -> str:
        return _TIMELINESS_LABELS[self]


_TIMELINESS_LABELS = {
    Timeliness.ON_TIME: "按时",
    Timeliness.LATE: "逾期",
    Timeliness.NO_DEADLINE: "无法定期限",
    Timeliness.UNDATED: "未注明日期",
}


def timeliness(issue_date: date | None, deadline: date | None, year: int | None) -> Timeliness:
    if issue_date is None or year is None:
        return Timeliness.UNDATED
    if deadline is None:
        return Timeliness.NO_DEADLINE
    return Timeliness.LATE if issue_date > deadline else Timeliness.ON_TIME


class Exclusion(Enum):
    """Why a report read is left out of the sums by default (the center can change it in the workbook)."""

    DUPLICATE = "duplicate"  # its unit also sent another report, which is summed
    OTHER_YEAR = "other_year"  # not the year most reports are for

    @property
    def label(self) -> str:
        return {Exclusion.DUPLICATE: "重复报送，已汇总同单位的另一份", Exclusion.OTHER_YEAR: "年度与其他报告不同"}[self]


@dataclass(frozen=True)
class ReviewEntry:
    """A report in the review: its summary, the roster unit it matched, and whether it is summed."""

    summary: ReportSummary
    unit: Unit | None = None
    candidates: tuple[Unit, ...] = ()  # several units fit its name: ambiguous, none chosen
    kind: str = ""  # the agency kind that sets the deadline: the roster's, else the report's
    excluded: Exclusion | None = None

    @property
    def deadline(self) -> date | None:
        year = self.summary.year
        return None if year is None else self.summary.template.agency_kind(self.kind).deadline_for(year)

    @property
    def timeliness(self) -> Timeliness:
        return timeliness(self.summary.issue_date, self.deadline, self.summary.year)

    @property
    def days_late(self) -> int:
        deadline, issued = self.deadline, self.summary.issue_date
        return (issued - deadline).days if self.timeliness is Timeliness.LATE and deadline and issued else 0

    @property
    def included(self) -> bool:
        return self.excluded is None

    @property
    def name(self) -> str:
        """The unit's name as the roster spells it, else as the report does."""
        return self.unit.name if self.unit is not None else self.summary.agency


def severity_order(entry: ReviewEntry) -> tuple[int, int, bool, str, str]:
    """Worst first: more errors, then more warnings, then late, then by name and file."""
    errors, warnings = entry.summary.counts
    return (-errors, -warnings, entry.timeliness is not Timeliness.LATE, entry.name, entry.summary.file)


@dataclass
class Review:
    """The whole batch: entries worst first, what is missing or unreadable, and the sums."""

    template: Template
    entries: list[ReviewEntry]
    unreadable: list[Unreadable] = field(default_factory=list)
    missing: list[Unit] = field(default_factory=list)  # roster units that sent nothing
    roster_used: bool = False
    year: int | None = None  # the year most reports are for

    @property
    def unmatched(self) -> list[ReviewEntry]:
        """Reports that match no roster unit (only with a roster); ambiguous ones included."""
        return [e for e in self.entries if self.roster_used and e.unit is None]

    @property
    def duplicates(self) -> dict[str, list[ReviewEntry]]:
        """Roster units (or, without a roster, agency names) that sent more than one report."""
        by_unit: dict[str, list[ReviewEntry]] = defaultdict(list)
        for entry in self.entries:
            if entry.unit is not None or not self.roster_used:
                by_unit[entry.name].append(entry)
        return {name: entries for name, entries in by_unit.items() if len(entries) > 1}

    @property
    def included(self) -> list[ReviewEntry]:
        return [e for e in self.entries if e.included]

    def totals(self) -> dict[Cell, Number]:
        """Every cell summed over the reports included (a cell not filled in counts as nothing)."""
        cells = summed_cells(self.template)
        sums: list[Number] = [0] * len(cells)
        for entry in self.included:
            for i, value in enumerate(entry.summary.values):
                if value is not None:
                    sums[i] = sums[i] + value
        return dict(zip(cells, sums, strict=True))

    @property
    def has_errors(self) -> bool:
        return any(e.summary.counts[0] for e in self.entries)


def _majority_year(summaries: Iterable[ReportSummary]) -> int | None:
    years = Counter(s.year for s in summaries if s.year is not None)
    return max(years.items(), key=lambda item: (item[1], item[0]))[0] if years else None


def _matched(summary: ReportSummary, units: Sequence[Unit], matcher: NameMatcher | None) -> ReviewEntry:
    if matcher is None:
        return ReviewEntry(summary, kind=summary.agency_kind)
    match = matcher.match(summary.agency)
    if match.index is None:
        return ReviewEntry(summary, candidates=tuple(units[i] for i in match.candidates), kind=summary.agency_kind)
    unit = units[match.index]
    return ReviewEntry(summary, unit=unit, kind=unit.kind or summary.agency_kind)


def _with_exclusions(entries: list[ReviewEntry], year: int | None) -> list[ReviewEntry]:
    """Leave out of the sums a report of another year, and all but the latest report of a unit."""
    latest: dict[str, ReviewEntry] = {}
    for entry in entries:
        if entry.summary.year != year:
            continue
        kept = latest.get(entry.name)
        if kept is None or _later(entry, kept):
            latest[entry.name] = entry
    result = []
    for entry in entries:
        if entry.summary.year != year:
            result.append(_excluded(entry, Exclusion.OTHER_YEAR))
        elif latest[entry.name] is not entry:
            result.append(_excluded(entry, Exclusion.DUPLICATE))
        else:
            result.append(entry)
    return result


def _later(entry: ReviewEntry, other: ReviewEntry) -> bool:
    """The later 成文日期 wins (an undated one loses); equal dates: the file named last."""
    a, b = entry.summary, other.summary
    return (a.issue_date or date.min, a.file) > (b.issue_date or date.min, b.file)


def _excluded(entry: ReviewEntry, why: Exclusion) -> ReviewEntry:
    return ReviewEntry(entry.summary, entry.unit, entry.candidates, entry.kind, why)


def compile_review(
    summaries: Sequence[ReportSummary],
    unreadable: Sequence[Unreadable] = (),
    roster: Roster | None = None,
    template: Template | None = None,
) -> Review:
    """The review of a batch: each report matched to the roster, duplicates and other years left out
    of the sums, the roster's units that sent nothing, entries sorted worst first."""
    template = template or (summaries[0].template if summaries else next(iter(TEMPLATES.values())))
    units = roster.units if roster is not None else ()
    matcher = roster.matcher([s.agency for s in summaries]) if roster is not None else None
    entries = [_matched(s, units, matcher) for s in summaries]
    year = _majority_year(summaries)
    entries = sorted(_with_exclusions(entries, year), key=severity_order)
    reported = {e.unit for e in entries if e.unit is not None}
    missing = [u for u in units if u not in reported]
    return Review(template, entries, list(unreadable), missing, roster is not None, year)


# --- Where a finding is, in words -------------------------------------------------------------


def part_title(template: Template, location: Location) -> str:
    """The heading of the part a finding is in (一、总体情况, 基本信息), for grouping."""
    section = template.home_section(location.part_id)
    if section == META:
        return template.meta_title
    return template.section(section).heading if section in _section_ids(template) else section


def part_order(template: Template, location: Location) -> int:
    """Where the part comes in the report: 基本信息 first, then the sections in order."""
    section = template.home_section(location.part_id)
    ids = [META, *(s.id for s in template.sections)]
    return ids.index(section) if section in ids else len(ids)


def _section_ids(template: Template) -> set[str]:
    return {s.id for s in template.sections}


def place(template: Template, location: Location) -> str:
    """The cell or field within its part: 三（三）1.属于国家秘密·自然人, 成文日期, （二）正文."""
    if location.table and location.row:
        table = template.table(location.table)
        if location.row not in {r.id for r in table.rows}:
            return location.row
        row = table.row(location.row)
        if location.column and table.has_cell(location.row, location.column):
            column = table.block_of(location.row).column(location.column)
            return f"{row_title(row)}·{column_title(column)}"
        return row_title(row)
    return _field_place(template, location.field or "")


def _field_place(template: Template, path: str) -> str:
    parsed = parse(path)
    if parsed is None:
        return path
    if parsed.kind is PathKind.META:
        return template.meta_field(parsed.key).label if parsed.key in {f.id for f in template.meta_fields} else path
    if parsed.kind is PathKind.TEXT:
        return next((t.label for t in template.texts if t.id == parsed.key), path)
    if parsed.kind is PathKind.INTRO:
        return "开头部分"
    return f"{subsection_number(parsed.index)}{'标题' if parsed.part is SubsectionPart.TITLE else '正文'}"

"""Reading a report from what a .docx shows: title, sections by their headings, tables, signature and date.

What a document shows is cut into parts (`_collect`): the lines before the first heading, the lines
under each section heading, and the Word tables of each statutory table (recognised by their labels;
a table with too few labels of its own continues the table before it, or is the table of the section
it stands in). The tables are read by export.read_grid; what could not be settled (a table that
cannot be read, a 2019-format table, a heading worded otherwise, a guessed agency kind) is kept in
`Report.import_notes` for the checker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from export.page_design import SIGNER_LABEL
from export.read_grid import Grid, read_table, recognise
from export.read_meta import SIGNATURE_LINES, WEB_LINE, date_line, find_title, is_signatory, titled_meta
from export.read_sections import heading_of, narrative_of
from export.word.read_body import Paragraph, body_items
from model.errors import ReportFileError
from model.labels import forgiving_key, without_spaces, word_key
from model.report import ImportNote, Meta, Report
from model.template import TEMPLATE_2021, SectionKind, Template

_CONTACT = re.compile(r"^(联系|联\s*系|咨询电话|电话)")


@dataclass
class _Collected:
    """The document cut into parts: lines before the first heading, lines per section, grids per table."""

    head: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # section id → its heading as typed
    grids: dict[str, list[Grid]] = field(default_factory=dict)
    last: list[str] = field(default_factory=list)  # the part the document ends with


def _table_of(grid: Grid, template: Template, section: str | None, previous: str | None) -> str | None:
    """Which statutory table a Word table is (or is part of): by its labels; failing that, the table it
    follows directly (the rest of a table split by a page break), or the table section it stands in."""
    recognised = recognise(grid, template)
    if recognised is not None:
        return recognised
    if previous is not None:
        return previous
    if section is not None and template.section(section).kind is SectionKind.TABLE:
        return section
    return None


def _collect(body: etree._Element, template: Template) -> _Collected:
    collected = _Collected()
    current = collected.head
    section: str | None = None
    previous_table: str | None = None  # the table just before, while only blank lines follow it
    for item in body_items(body):
        if isinstance(item, Paragraph):
            text = item.text.strip()
            spec = heading_of(text, template, set(collected.sections)) if text else None
            if spec is not None:
                current = collected.sections.setdefault(spec.id, [])
                collected.headings[spec.id] = text
                section = spec.id
            elif text:
                current.append(text)
            if text:
                previous_table = None
            continue
        table_id = _table_of(item.grid, template, section, previous_table)
        if table_id is not None:
            collected.grids.setdefault(table_id, []).append(item.grid)
        previous_table = table_id
    collected.last = current
    return collected


def _take_date(lines: list[str], meta: Meta) -> None:
    """The 成文日期: the last date line near the end (in either numerals), or a date ending the 落款 line;
    lines a web page adds after it are dropped."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 1 - SIGNATURE_LINES), -1):
        if not all(WEB_LINE.match(later) for later in lines[index + 1 :]):
            return
        found = date_line(lines[index])
        if found is not None:
            before, meta.issue_date = found
            lines[index:] = [before] if before else []
            return


def _signature(lines: list[str], meta: Meta) -> None:
    """Take the date, the signatory, a 签字 line and contact details off the end of the document."""
    _take_date(lines, meta)
    if lines and is_signatory(lines[-1]):
        signatory = without_spaces(lines.pop())
        meta.signatory = signatory if signatory != meta.agency else ""  # 落款 equal to the agency: left to fall back
    if lines and forgiving_key(lines[-1]) == forgiving_key(SIGNER_LABEL):
        lines.pop()
    if lines and _CONTACT.match(lines[-1]):
        meta.contact = lines.pop()


def _heading_notes(collected: _Collected, template: Template) -> list[ImportNote]:
    """Headings whose words are not the template's (the checker also accepts the notice's wording)."""
    notes = []
    for section_id, text in collected.headings.items():
        if word_key(text) != word_key(template.section(section_id).heading):
            notes.append(ImportNote("heading", section_id, found=text))
    return notes


def _meta(collected: _Collected, template: Template) -> tuple[Meta, int, list[ImportNote]]:
    agency, year, used = find_title(collected.head, template)
    meta, notes = titled_meta(agency, year, template)
    return meta, used, notes


def import_visible_content(body: etree._Element, template: Template = TEMPLATE_2021) -> Report:
    """The report a document's body (w:body) shows."""
    collected = _collect(body, template)
    if not collected.grids:
        tables = "、".join(s.short_title for s in template.sections if s.kind is SectionKind.TABLE)
        raise ReportFileError(f"文档中没有找到年报的统计表（{tables}），无法导入")
    meta, used, notes = _meta(collected, template)
    _signature(collected.last, meta)
    report = Report(
        meta=meta, narrative=narrative_of(collected.head, used, collected.sections, template), template=template
    )
    report.import_notes = notes + _heading_notes(collected, template)
    for spec in template.sections:
        if spec.kind is not SectionKind.TABLE or spec.id not in collected.grids:
            continue
        reading = read_table(template.table(spec.id), collected.grids[spec.id], template)
        for (row_id, column_id), value in reading.values.items():
            report.set_cell(spec.id, row_id, column_id, value)
        if reading.labels:
            report.imported_labels[spec.id] = reading.labels
        report.import_notes += reading.notes
    return report

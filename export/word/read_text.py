"""Reading a report from what a .docx shows: title, sections by their headings, tables, signature and date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.document import Document

from export.label_matching import similarity
from export.page_design import SIGNER_LABEL
from export.word.read_body import Grid, Paragraph, body_items
from export.word.read_tables import classify, concatenate, read_table
from model.dates import YEAR_PATTERN, parse_date, parse_year
from model.errors import ReportFileError
from model.labels import forgiving_key, without_spaces
from model.numerals import split_ordinal, subsection_index
from model.report import Meta, Narrative, NarrativeSection, Report, Subsection
from model.template import TEMPLATE_2021, Placement, SectionKind, SectionSpec, Template

TITLE_LINES = 3  # a title may be typed over up to three paragraphs
_TITLE = re.compile(rf"^(?P<issuer>.*?)(?P<report_year>{YEAR_PATTERN})年度?(?P<suffix>\D*报告)$")
_TITLE_END = re.compile(r"[。：:]")
MAX_SUBSECTION_TITLE = 40
MAX_HEADING_EXTRA = 12  # a heading line may carry a few more characters than the statutory one
MAX_SIGNATORY = 30
_CONTACT = re.compile(r"^(联系|联\s*系|咨询电话|电话)")


def _title(lines: list[str], template: Template) -> tuple[str, int | None, int]:
    """(agency, year, paragraphs used) from the first lines, or ('', None, 0) when none is a title."""
    for count in range(1, min(TITLE_LINES, len(lines)) + 1):
        match = _TITLE.match(without_spaces("".join(lines[:count])))
        year = parse_year(match["report_year"]) if match else None
        if match and year is not None and similarity(match["suffix"], template.title_suffix) >= 0.6:
            return match["issuer"], year, count
    return "", None, 0


def _heading(text: str, template: Template, seen: set[str]) -> SectionSpec | None:
    key = forgiving_key(text)
    number, body = split_ordinal(key)
    for spec in template.sections:
        if spec.id in seen or number != forgiving_key(spec.heading)[: len(number)] or not number:
            continue
        if len(key) <= len(spec.heading) + MAX_HEADING_EXTRA and similarity(body, spec.title) >= 0.6:
            return spec
    return None


def _split_subsection_title(rest: str) -> tuple[str, str]:
    """'主动公开情况。根据…' → ('主动公开情况。', '根据…'); a short line alone is a title on its own line."""
    end = _TITLE_END.search(rest[: MAX_SUBSECTION_TITLE + 1])
    if end is not None:
        return rest[: end.end()], rest[end.end() :].strip()
    if len(rest) <= MAX_SUBSECTION_TITLE:
        return rest.strip(), ""
    return "", rest


def parse_section(lines: list[str]) -> NarrativeSection:
    intro: list[str] = []
    subsections: list[tuple[str, list[str]]] = []
    for line in lines:
        number, rest = split_ordinal(line)
        if subsection_index(number) is not None:
            title, text = _split_subsection_title(rest)
            subsections.append((title, [text] if text else []))
        elif subsections:
            subsections[-1][1].append(line)
        else:
            intro.append(line)
    return NarrativeSection("\n".join(intro), [Subsection(t, "\n".join(text)) for t, text in subsections])


@dataclass
class _Collected:
    """The document cut into parts: lines before the first heading, lines per section, grids per table."""

    head: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)
    grids: dict[str, list[Grid]] = field(default_factory=dict)
    last: list[str] = field(default_factory=list)  # the part the document ends with


def _collect(document: Document, template: Template) -> _Collected:
    collected = _Collected()
    current = collected.head
    for item in body_items(document):
        if isinstance(item, Paragraph):
            text = item.text.strip()
            spec = _heading(text, template, set(collected.sections)) if text else None
            if spec is not None:
                current = collected.sections.setdefault(spec.id, [])
            elif text:
                current.append(text)
            continue
        table_id = classify(item.grid, template)
        if table_id is not None:
            collected.grids.setdefault(table_id, []).append(item.grid)
    collected.last = current
    return collected


def _signature(lines: list[str], meta: Meta) -> None:
    """Take the date, the signatory, a 签字 line and contact details off the end of the document."""
    if lines and (issued := parse_date(lines[-1])) is not None:
        meta.issue_date = issued
        lines.pop()
    if lines and len(lines[-1]) <= MAX_SIGNATORY and not lines[-1].endswith(("。", "；", "，")):
        signatory = without_spaces(lines.pop())
        meta.signatory = signatory if signatory != meta.agency else ""  # 落款 equal to the agency: left to fall back
    if lines and forgiving_key(lines[-1]) == forgiving_key(SIGNER_LABEL):
        lines.pop()
    if lines and _CONTACT.match(lines[-1]):
        meta.contact = lines.pop()


def _narrative(collected: _Collected, title_lines: int, template: Template) -> Narrative:
    """Each narrative section from the lines under its heading; what stands between the title and the
    first heading is the text the template prints before the first section (开头语)."""
    sections = {s.id: parse_section(collected.sections.get(s.id, [])) for s in template.narrative_sections}
    opening = template.texts_at(template.sections[0].id, Placement.BEFORE)
    texts = {opening[0].id: "\n".join(collected.head[title_lines:])} if opening else {}
    return Narrative(sections=sections, texts=texts)


def import_visible_content(document: Document, template: Template = TEMPLATE_2021) -> Report:
    collected = _collect(document, template)
    if not collected.grids:
        tables = "、".join(s.short_title for s in template.sections if s.kind is SectionKind.TABLE)
        raise ReportFileError(f"文档中没有找到年报的统计表（{tables}），无法导入")
    agency, year, used = _title(collected.head, template)
    meta = Meta(agency=agency, agency_kind=template.agency_kind_of(agency), year=year)
    _signature(collected.last, meta)
    report = Report(meta=meta, narrative=_narrative(collected, used, template), template=template)
    for spec in template.sections:
        if spec.kind is not SectionKind.TABLE or spec.id not in collected.grids:
            continue
        imported = read_table(template.table(spec.id), concatenate(collected.grids[spec.id]))
        for (row_id, column_id), value in imported.values.items():
            report.set_cell(spec.id, row_id, column_id, value)
        if imported.labels:
            report.imported_labels[spec.id] = imported.labels
    return report

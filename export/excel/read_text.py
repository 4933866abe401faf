"""Reading 基本信息 and 报告正文 back: values found beside their labels, wherever the sheets are."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl.utils.datetime import from_excel

from export.excel.read_cells import Entry, Position, SheetCells
from export.excel.text_sheets import CONTINUED
from model.dates import parse_date, parse_year
from model.errors import ReportFileError
from model.labels import exact_key
from model.numerals import subsection_index
from model.report import Meta, Narrative, NarrativeSection, Subsection
from model.template import SectionKind, Template


def _find_labels(sheets: list[SheetCells], keys: set[str]) -> tuple[SheetCells, dict[str, Position]] | None:
    """The sheet holding most of these labels, and where each is in it."""
    best: tuple[SheetCells, dict[str, Position]] | None = None
    for sheet in sheets:
        found: dict[str, Position] = {}
        for position in sorted(sheet.cells):
            key = exact_key(sheet.text(position))
            if key in keys:
                found.setdefault(key, position)
        if found and (best is None or len(found) > len(best[1])):
            best = (sheet, found)
    return best


def _plain_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a telephone number typed without a leading apostrophe
    return str(value).replace("\r\n", "\n")


# --- 基本信息 ----------------------------------------------------------------------------------


def _year(value: object) -> int | None:
    text = _plain_text(value).strip()
    if not text:
        return None
    year = parse_year(text)
    if year is None:
        raise ReportFileError(f"工作簿“基本信息”中的年度“{text}”不是四位年份")
    return year


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        converted = from_excel(value)  # a date whose number format was lost: Excel's day count
        return converted.date() if isinstance(converted, datetime) else None
    text = str(value).strip()
    typed = parse_date(text)
    if typed is None:
        raise ReportFileError(f"工作簿“基本信息”中的成文日期“{text}”不是日期（应如 2025年1月17日）")
    return typed


def _agency_kind(value: object, template: Template) -> str:
    text = _plain_text(value).strip()
    if not text:
        return template.agency_kinds[0].id
    for kind in template.agency_kinds:
        if exact_key(text) in (exact_key(kind.label), kind.id):
            return kind.id
    choices = "、".join(k.label for k in template.agency_kinds)
    raise ReportFileError(f"工作簿“基本信息”中的机关类型“{text}”无法识别（应为：{choices}）")


def read_meta(sheets: list[SheetCells], template: Template) -> Meta:
    keys = {exact_key(f.label): f.id for f in template.meta_fields}
    located = _find_labels(sheets, set(keys))
    if located is None:
        return Meta()
    sheet, positions = located
    values: dict[str, object] = {}
    for key, (row, column) in positions.items():
        entry = sheet.cells.get((row, column + 1))
        values[keys[key]] = None if entry is None or entry.is_formula else entry.value
    return Meta(
        agency=_plain_text(values.get("agency")).strip(),
        agency_kind=_agency_kind(values.get("agency_kind"), template),
        year=_year(values.get("year")),
        issue_date=_date(values.get("issue_date")),
        signatory=_plain_text(values.get("signatory")).strip(),
        contact=_plain_text(values.get("contact")),
    )


# --- 报告正文 ----------------------------------------------------------------------------------


class _NarrativeReader:
    """Walks the rows in order: a heading opens a section, （一）… rows are its subsections."""

    def __init__(self, template: Template) -> None:
        self.narrative = Narrative()
        self.sections = {exact_key(s.heading): s.id for s in template.sections if s.kind is SectionKind.NARRATIVE}
        self.parts = {exact_key(label): part for part, label in template.narrative_parts.items()}
        self.section: NarrativeSection | None = None
        self.append_to: tuple[object, str] | None = None  # (object, attribute) a （续） row extends

    def row(self, part: str, title: str, text: str) -> None:
        key = exact_key(part)
        if key in self.sections:
            self.section = self.narrative.section(self.sections[key])
            self.section.intro = text
            self.append_to = (self.section, "intro")
        elif key in self.parts:
            self.section = None
            setattr(self.narrative, self.parts[key], text)
            self.append_to = (self.narrative, self.parts[key])
        elif key == exact_key(CONTINUED) and self.append_to is not None:
            target, attribute = self.append_to
            setattr(target, attribute, getattr(target, attribute) + text)
        elif self.section is not None and (subsection_index(key) is not None or (not key and (title or text))):
            subsection = Subsection(title, text)
            self.section.subsections.append(subsection)
            self.append_to = (subsection, "text")


def read_narrative(sheets: list[SheetCells], template: Template) -> Narrative:
    reader = _NarrativeReader(template)
    located = _find_labels(sheets, set(reader.sections) | set(reader.parts))
    if located is None:
        return reader.narrative
    sheet, positions = located
    column = min(column for _, column in positions.values())
    first_row = min(row for row, _ in positions.values())
    rows = sorted({row for row, _ in sheet.cells if row >= first_row})
    for row in rows:
        reader.row(*(_cell_text(sheet.cells.get((row, column + i))) for i in range(3)))
    return reader.narrative


def _cell_text(entry: Entry | None) -> str:
    return "" if entry is None or entry.is_formula else _plain_text(entry.value)

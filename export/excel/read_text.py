"""Reading 基本信息 and 报告正文 back: values found beside their labels, wherever the sheets are."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl.utils.datetime import from_excel

from export.excel.read_cells import Entry, Position, SheetCells
from export.excel.text_sheets import CONTINUED, NARRATIVE_COLUMNS
from export.read_meta import date_line, find_title, is_signatory, title_of, titled_meta
from export.read_sections import heading_of, narrative_of
from model.dates import parse_date, parse_year
from model.errors import ReportFileError
from model.field_paths import SubsectionPart, get_field, intro_path, set_field, subsection_path, text_path
from model.labels import exact_key
from model.numerals import subsection_index
from model.report import ImportNote, Meta, MetaValue, Narrative, Report, Subsection
from model.template import FieldKind, MetaFieldSpec, Template


def _find_labels(sheets: list[SheetCells], keys: set[str]) -> tuple[SheetCells, dict[str, Position]] | None:
    """The sheet holding most of these labels, and where each is in it: its leftmost occurrence, as a
    value that spells a label (an agency named 年度) sits right of its own label."""
    best: tuple[SheetCells, dict[str, Position]] | None = None
    for sheet in sheets:
        found: dict[str, Position] = {}
        for position in sorted(sheet.cells, key=lambda at: (at[1], at[0])):
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


def _refused(template: Template, spec: MetaFieldSpec, text: str, what: str) -> ReportFileError:
    return ReportFileError(f"工作簿“{template.meta_title}”中的{spec.label}“{text}”{what}")


def _year(value: object, template: Template, spec: MetaFieldSpec) -> int | None:
    text = _plain_text(value).strip()
    if not text:
        return None
    year = parse_year(text)
    if year is None:
        raise _refused(template, spec, text, "不是四位年份")
    return year


def _date(value: object, template: Template, spec: MetaFieldSpec) -> date | None:
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
        raise _refused(template, spec, text, "不是日期（应如 2025年1月17日）")
    return typed


def _choice(value: object, template: Template, spec: MetaFieldSpec) -> str | None:
    text = _plain_text(value).strip()
    if not text:
        return spec.default
    for choice, label in spec.choices:
        if exact_key(text) in (exact_key(label), choice):
            return choice
    choices = "、".join(label for _, label in spec.choices)
    raise _refused(template, spec, text, f"无法识别（应为：{choices}）")


def _meta_value(value: object, template: Template, spec: MetaFieldSpec) -> MetaValue:
    if spec.kind is FieldKind.YEAR:
        return _year(value, template, spec)
    if spec.kind is FieldKind.DATE:
        return _date(value, template, spec)
    if spec.kind is FieldKind.CHOICE:
        return _choice(value, template, spec)
    text = _plain_text(value)
    return text if spec.kind is FieldKind.MULTILINE else text.strip()


MIN_META_LABELS = 2  # a 基本信息 sheet shows at least this many of its labels (one may be a chance word)
TITLE_ROWS = 12  # a hand-made workbook's title is in one of its first rows


def read_meta(sheets: list[SheetCells], template: Template) -> tuple[Meta, list[ImportNote]]:
    """The meta fields from the 基本信息 sheet this app writes; failing that, agency and year from a
    title row or a sheet's name and the 成文日期 from a date cell, as a hand-made workbook has them
    (the agency kind then guessed from the name, and noted as guessed)."""
    keys = {exact_key(f.label): f.id for f in template.meta_fields}
    values: dict[str, object] = {}
    located = _find_labels(sheets, set(keys))
    if located is not None and len(located[1]) >= MIN_META_LABELS:
        sheet, positions = located
        for key, (row, column) in positions.items():
            entry = sheet.cells.get((row, column + 1))
            values[keys[key]] = None if entry is None or entry.is_formula else entry.value
        meta = Meta({spec.id: _meta_value(values.get(spec.id), template, spec) for spec in template.meta_fields})
        return meta, []
    return _meta_from_titles(sheets, template)


def _row_texts(sheet: SheetCells) -> list[tuple[int, str]]:
    """Each row's text cells joined, in order."""
    rows: dict[int, list[str]] = {}
    for (row, _), entry in sorted(sheet.cells.items()):
        if not entry.is_formula and isinstance(entry.value, str) and entry.value.strip():
            rows.setdefault(row, []).append(entry.value.strip())
    return [(row, "".join(texts)) for row, texts in rows.items()]


def _issue_date(sheet: SheetCells) -> date | None:
    """The last date in a sheet: a date cell, or a line that is (or ends with) a date, as under a 落款
    (the workbook's last such date is the 成文日期)."""
    found: date | None = None
    for _, entry in sorted(sheet.cells.items()):
        if isinstance(entry.value, datetime):
            found = entry.value.date()
        elif isinstance(entry.value, str) and (line := date_line(entry.value)) is not None:
            found = line[1]
    return found


def _meta_from_titles(sheets: list[SheetCells], template: Template) -> tuple[Meta, list[ImportNote]]:
    for sheet in sheets:
        lines = [text for _, text in _row_texts(sheet)[:TITLE_ROWS]]
        agency, year, _ = find_title(lines, template)
        if year is None and (named := title_of(sheet.name, template)) is not None:
            agency, year = named
        if year is not None:
            meta, notes = titled_meta(agency, year, template)
            dates = [d for d in map(_issue_date, sheets) if d is not None]
            meta.issue_date = dates[-1] if dates else None
            return meta, notes
    meta = Meta()
    meta.agency_kind = template.agency_kinds[0].id
    return meta, []


# --- 报告正文 ----------------------------------------------------------------------------------


class _NarrativeReader:
    """Walks the rows in order: a heading opens a section, （一）… rows are its subsections."""

    def __init__(self, template: Template) -> None:
        self.report = Report(template=template)
        self.sections = {exact_key(s.heading): s.id for s in template.narrative_sections}
        self.parts = {exact_key(part.label): part.id for part in template.texts}
        self.section_id: str | None = None
        self.append_to: str | None = None  # the field path a （续） row extends

    @property
    def narrative(self) -> Narrative:
        return self.report.narrative

    def _set(self, path: str, text: str) -> None:
        set_field(self.report, path, text)
        self.append_to = path

    def row(self, part: str, title: str, text: str) -> None:
        key = exact_key(part)
        if key in self.sections:
            self.section_id = self.sections[key]
            self._set(intro_path(self.section_id), text)
        elif key in self.parts:
            self.section_id = None
            self._set(text_path(self.parts[key]), text)
        elif key == exact_key(CONTINUED) and self.append_to is not None:
            set_field(self.report, self.append_to, str(get_field(self.report, self.append_to)) + text)
        elif self.section_id is not None and (subsection_index(key) is not None or (not key and (title or text))):
            subsections = self.narrative.section(self.section_id).subsections
            subsections.append(Subsection(title, text))
            self.append_to = subsection_path(self.section_id, len(subsections) - 1, SubsectionPart.TEXT)


def read_narrative(sheets: list[SheetCells], template: Template) -> Narrative:
    """The 报告正文 sheet this app writes; failing that, the text of a hand-made workbook: its rows in
    order, cut into sections by their headings as a typed document is."""
    reader = _NarrativeReader(template)
    located = _find_labels(sheets, set(reader.sections) | set(reader.parts))
    if located is None or not _has_column_heads(located[0]):
        return _narrative_from_rows(sheets, template)
    _read_sheet(reader, *located)
    return reader.narrative


def _has_column_heads(sheet: SheetCells) -> bool:
    """Whether a sheet is the 报告正文 sheet this app writes: 部分 / 小标题 / 内容 heading its columns."""
    heads = tuple(exact_key(h) for h in NARRATIVE_COLUMNS)
    return any(
        tuple(exact_key(sheet.text((row, column + i))) for i in range(len(heads))) == heads
        for (row, column) in sheet.cells
    )


def _narrative_from_rows(sheets: list[SheetCells], template: Template) -> Narrative:
    head: list[str] = []
    lines: dict[str, list[str]] = {}
    current = head
    for sheet in sheets:
        for _, text in _row_texts(sheet):
            spec = heading_of(text, template, set(lines))
            if spec is not None:
                current = lines.setdefault(spec.id, [])
            else:
                current.append(text)
    if current and date_line(current[-1]) is not None:
        current.pop()  # the date under the last section …
    if current and is_signatory(current[-1]):
        current.pop()  # … and its 落款
    _, _, used = find_title(head, template)
    return narrative_of(head, used, lines, template)


def _read_sheet(reader: _NarrativeReader, sheet: SheetCells, positions: dict[str, Position]) -> None:
    column = min(column for _, column in positions.values())
    first_row = min(row for row, _ in positions.values())
    rows = sorted({row for row, _ in sheet.cells if row >= first_row})
    for row in rows:
        reader.row(*(_cell_text(sheet.cells.get((row, column + i))) for i in range(3)))


def _cell_text(entry: Entry | None) -> str:
    return "" if entry is None or entry.is_formula else _plain_text(entry.value)

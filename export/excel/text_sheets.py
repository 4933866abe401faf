"""The 基本信息 sheet (meta fields) and the 报告正文 sheet (the narrative), written label beside value.

Both are read back by label (export.excel.read_text), so the labels here come from the template and
the rows may be moved or the sheets reordered without losing anything.
"""

from __future__ import annotations

from datetime import date

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from export.excel import style
from export.excel.cells import put, put_text
from export.excel.fee_rows import write_fee_rows
from model.dates import MAX_YEAR, MIN_YEAR
from model.numerals import subsection_number
from model.report import MetaValue, NarrativeSection, Report
from model.template import FieldKind, MetaFieldSpec, SectionKind, TextPartSpec

NARRATIVE_SHEET = "报告正文"
NARRATIVE_COLUMNS = ("部分", "小标题", "内容")
CONTINUED = "（续）"  # a text longer than one Excel cell holds goes on in the next row
MAX_CELL_CHARS = 32000  # Excel's limit is 32 767 characters a cell
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
NARRATIVE_WIDTHS = (24.0, 22.0, 80.0)  # 部分, 小标题, 内容


def _text_cell(sheet: Worksheet, row: int, column: int, text: str, *, editable: bool) -> None:
    cell = sheet.cell(row, column)
    put_text(cell, text)
    cell.font = style.PLAIN
    cell.alignment = style.TEXT if editable else style.LEFT
    cell.border = style.BORDER
    if editable:
        cell.protection = style.UNLOCKED
    else:
        cell.fill = style.HEADER_FILL


def _title_cell(sheet: Worksheet, report: Report) -> None:
    """A1: the report's title, which begins with the agency's name as typed."""
    title = sheet.cell(1, 1)
    put_text(title, report.title)
    title.font = style.HEADING
    title.alignment = style.CENTRED


# --- 基本信息 ----------------------------------------------------------------------------------


def _shown(spec: MetaFieldSpec, value: MetaValue) -> MetaValue:
    """A meta value as the sheet shows it: a choice by its label, text never None."""
    if spec.kind is FieldKind.CHOICE:
        return dict(spec.choices).get(str(value), "")
    if spec.kind in (FieldKind.TEXT, FieldKind.MULTILINE):
        return value if isinstance(value, str) else ""
    return value


def write_meta_sheet(sheet: Worksheet, report: Report) -> None:
    template = report.template
    sheet.title = template.meta_title
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    _title_cell(sheet, report)
    for row, field in enumerate(template.meta_fields, start=2):
        _text_cell(sheet, row, 1, field.label, editable=False)
        value = _shown(field, report.meta.get(field.id))
        if isinstance(value, str):
            _text_cell(sheet, row, 2, value, editable=True)
        else:
            cell = sheet.cell(row, 2)
            put(cell, value)
            cell.font, cell.border, cell.protection = style.PLAIN, style.BORDER, style.UNLOCKED
            cell.alignment = style.LEFT
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
        _validate_meta(sheet, field, f"B{row}")
    basis_row = len(template.meta_fields) + 3
    basis = sheet.cell(basis_row, 1)
    put_text(basis, f"报告格式：{template.name}（{template.basis}）")
    basis.font = style.NOTE
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 60
    sheet.row_dimensions[1].height = 30
    for row in range(2, basis_row):
        sheet.row_dimensions[row].height = 20
    style.setup_page(sheet, landscape=False, title_rows=(1, 1), header=report.title)
    style.protect(sheet)


def _validate_meta(sheet: Worksheet, spec: MetaFieldSpec, ref: str) -> None:
    if spec.kind is FieldKind.CHOICE:
        labels = ",".join(label for _, label in spec.choices)
        rule = DataValidation(type="list", formula1=f'"{labels}"', error=f"请从列表中选择{spec.label}。")
    elif spec.kind is FieldKind.YEAR:
        rule = DataValidation(
            type="whole",
            operator="between",
            formula1=str(MIN_YEAR),
            formula2=str(MAX_YEAR),
            error="请填写四位年份，如 2024。",
        )
    elif spec.kind is FieldKind.DATE:
        rule = DataValidation(type="date", operator="greaterThan", formula1="1", error="请填写日期，如 2025-1-17。")
    else:
        return
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.errorTitle = "填写有误"
    rule.add(ref)
    sheet.add_data_validation(rule)


# --- 报告正文 ----------------------------------------------------------------------------------


def _chunks(text: str) -> list[str]:
    return [text[i : i + MAX_CELL_CHARS] for i in range(0, len(text), MAX_CELL_CHARS)] or [""]


class _NarrativeWriter:
    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 3
        self.lines: dict[int, int] = {}

    def add(self, part: str, title: str, text: str) -> None:
        for index, chunk in enumerate(_chunks(text)):
            _text_cell(self.sheet, self.row, 1, part if index == 0 else CONTINUED, editable=False)
            _text_cell(self.sheet, self.row, 2, title if index == 0 else "", editable=True)
            _text_cell(self.sheet, self.row, 3, chunk, editable=True)
            needed = max(style.lines_needed(chunk, NARRATIVE_WIDTHS[2]), style.lines_needed(title, NARRATIVE_WIDTHS[1]))
            self.sheet.row_dimensions[self.row].height = style.height_for(needed)
            self.row += 1

    def section(self, heading: str, section: NarrativeSection) -> None:
        self.add(heading, "", section.intro)
        for index, subsection in enumerate(section.subsections):
            self.add(subsection_number(index), subsection.title, subsection.text)


def write_narrative_sheet(sheet: Worksheet, report: Report) -> None:
    template = report.template
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    _title_cell(sheet, report)
    sheet.row_dimensions[1].height = 30
    for column, label in enumerate(NARRATIVE_COLUMNS, start=1):
        cell = sheet.cell(2, column)
        put_text(cell, label)
        cell.font, cell.alignment, cell.border, cell.fill = style.BOLD, style.CENTRED, style.BORDER, style.HEADER_FILL
    writer = _NarrativeWriter(sheet)
    narrative = report.narrative
    for part in template.print_order:
        if isinstance(part, TextPartSpec):
            writer.add(part.label, "", narrative.text(part.id))
        elif part.kind is SectionKind.NARRATIVE:
            writer.section(part.heading, narrative.section(part.id))
            if part.fee is not None:
                writer.row = write_fee_rows(sheet, writer.row, part.fee, report.fee)
    style.set_column_widths(sheet, NARRATIVE_WIDTHS)
    sheet.freeze_panes = "A3"
    style.setup_page(sheet, landscape=False, title_rows=(1, 2), header=report.title)
    style.protect(sheet)

"""The .xlsx export and import: a workbook that is both the statutory tables and a working spreadsheet.
This package is the .xlsx entry of export.formats (`render`, `read`, `notice`: the ReportFormat protocol).

Sheets: 基本信息 (meta), one per statutory table (export.excel.table_sheet), 报告正文 (narrative),
and, when there is any, a hidden one with last year's figures and reviews (export.excel.extras).
Reading (export.excel.read_tables) finds sheets and cells by their labels, so a workbook that Excel, WPS or
LibreOffice opened, edited and saved reads back as well as the one written here.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook

from export.excel.extras import write_extras
from export.excel.read_tables import read_workbook
from export.excel.table_sheet import write_table_sheet
from export.excel.text_sheets import NARRATIVE_SHEET, write_meta_sheet, write_narrative_sheet
from export.formats import ExportOptions
from model.report import Report

MAX_SHEET_NAME = 31  # Excel's limit
_FORBIDDEN_IN_SHEET_NAMES = str.maketrans({ch: "" for ch in "[]:*?/\\"})


def sheet_name(title: str) -> str:
    return title.translate(_FORBIDDEN_IN_SHEET_NAMES)[:MAX_SHEET_NAME]


def build_workbook(report: Report) -> Workbook:
    workbook = Workbook()
    meta_sheet = workbook.active
    assert meta_sheet is not None
    write_meta_sheet(meta_sheet, report)  # it names the sheet after the template's meta fields
    for table in report.template.tables:
        heading = report.template.section(table.id).heading
        write_table_sheet(workbook.create_sheet(sheet_name(heading)), report, table)
    write_narrative_sheet(workbook.create_sheet(NARRATIVE_SHEET), report)
    write_extras(workbook, report)
    workbook.properties.title = report.title
    workbook.properties.subject = report.template.basis
    workbook.properties.creator = report.meta.agency or None
    return workbook


def render(report: Report, options: ExportOptions) -> bytes:
    """The workbook's bytes; the font scheme and signed copy do not apply to a spreadsheet."""
    buffer = BytesIO()
    build_workbook(report).save(buffer)
    return buffer.getvalue()


def notice(options: ExportOptions) -> str | None:
    return None


def read(path: Path) -> Report:
    """Import a workbook this app wrote (possibly edited elsewhere); ReportFileError if it cannot."""
    return read_workbook(path)

"""The workbook written for a report: 基本信息, one sheet per statutory table, 报告正文, and the
hidden extras, with the document properties."""

from __future__ import annotations

from openpyxl import Workbook

from export.excel.extras import write_extras
from export.excel.table_sheet import write_table_sheet
from export.excel.text_sheets import NARRATIVE_SHEET, write_meta_sheet, write_narrative_sheet
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

"""Workbooks as the Excel tests see them: a statutory table's sheet, and a workbook edited as a person would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from export import ExportOptions, read_report, write_report
from model.report import Report
from model.template import TEMPLATE_2021

TABLES = [t.id for t in TEMPLATE_2021.tables]


def heading(table_id: str) -> str:
    return TEMPLATE_2021.section(table_id).heading


def table_sheet(workbook: openpyxl.Workbook, table_id: str) -> Worksheet:
    return workbook[heading(table_id)]


def edited(report: Report, folder: Path, edit: Callable[[openpyxl.Workbook], None]) -> Report:
    """Export, let `edit` change the workbook as a person would in a spreadsheet, save, import."""
    path = folder / "edited.xlsx"
    write_report(report, path, ExportOptions())
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)  # openpyxl, like a script, saves formulas without computed values
    return read_report(path)

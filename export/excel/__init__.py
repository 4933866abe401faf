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

from export.excel.read_tables import read_workbook
from export.excel.workbook import build_workbook
from export.formats import ExportOptions
from model.report import Report


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

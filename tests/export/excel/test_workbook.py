"""export/excel/workbook.py: the sheets in order, each protected without a password and set up to print."""

from __future__ import annotations

import openpyxl

from tests.export.excel.workbooks import TABLES, heading, table_sheet


def test_sheets_are_meta_the_three_tables_and_the_narrative(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["基本信息", *(heading(t) for t in TABLES), "报告正文"]


def test_sheets_are_protected_without_a_password_and_labels_are_locked(workbook: openpyxl.Workbook) -> None:
    for sheet in workbook.worksheets:
        assert sheet.protection.sheet
        assert not sheet.protection.password
    assert table_sheet(workbook, "applications")["A1"].protection.locked


def test_print_setup_a4_one_page_wide_titles_repeated_header_names_the_report(
    workbook: openpyxl.Workbook,
) -> None:
    for sheet in workbook.worksheets:
        assert int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "叶城县科学技术局2024年" in sheet.oddHeader.center.text
    assert table_sheet(workbook, "applications").print_title_rows == "$1:$4"
    assert table_sheet(workbook, "review_litigation").page_setup.orientation == "landscape"

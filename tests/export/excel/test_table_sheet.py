"""export/excel/table_sheet.py: each statutory table's sheet: labels, merges, formulas, the 勾稽 check row,
input rules, readable sizes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from export import ExportOptions, write_report
from export.excel.sheet_grid import SheetGrid
from model.layout import CellRole
from model.report import Report
from model.template import TEMPLATE_2021, CellKind
from tests.export.excel.workbooks import TABLES, heading, table_sheet


@pytest.mark.parametrize("table_id", TABLES)
def test_every_label_and_merge_of_the_statutory_table_is_in_its_sheet(
    workbook: openpyxl.Workbook, table_id: str
) -> None:
    sheet = table_sheet(workbook, table_id)
    grid = SheetGrid(TEMPLATE_2021.table(table_id))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    for cell in grid.layout.cells:
        row, column = grid.at(cell)
        if cell.role is not CellRole.DATA:
            assert sheet.cell(row, column).value == (cell.text or None)
        if cell.rowspan > 1 or cell.colspan > 1:
            end = sheet.cell(row + cell.rowspan - 1, column + cell.colspan - 1).coordinate
            assert f"{sheet.cell(row, column).coordinate}:{end}" in merged
    assert sheet.cell(1, 1).value == heading(table_id)


def test_the_balance_note_heads_table_3(workbook: openpyxl.Workbook) -> None:
    sheet = table_sheet(workbook, "applications")
    assert TEMPLATE_2021.table("applications").note in [c.value for row in sheet.iter_rows() for c in row]


def test_totals_are_formulas_and_inputs_are_numbers(workbook: openpyxl.Workbook) -> None:
    table = TEMPLATE_2021.table("applications")
    sheet = table_sheet(workbook, "applications")
    grid = SheetGrid(table)
    total = sheet.cell(*grid.coordinate("new_received", "total")).value
    assert total == '=IF(COUNT(D5:I5)=6,SUM(D5:I5),"")'
    assert sheet.cell(*grid.coordinate("results_total", "natural_person")).value.startswith("=IF(COUNT(D7:D27)=21")
    assert sheet.cell(*grid.coordinate("new_received", "natural_person")).value == 7
    review = SheetGrid(TEMPLATE_2021.table("review_litigation"))
    sheet4 = table_sheet(workbook, "review_litigation")
    for row in ("review", "litigation_direct", "litigation_after_review"):
        assert str(sheet4.cell(*review.coordinate(row, "total")).value).startswith("=IF(COUNT(")


def test_balance_check_row_has_a_cell_under_every_column(workbook: openpyxl.Workbook) -> None:
    sheet = table_sheet(workbook, "applications")
    grid = SheetGrid(TEMPLATE_2021.table("applications"))
    (check_row,) = grid.check_rows
    assert sheet.cell(check_row.row, 1).value == "校验：一+二−（三（七）+四）"
    formulas = [sheet.cell(check_row.row, c).value for c in range(4, 11)]
    assert formulas[0] == '=IF(COUNT(D5:D6,D28:D29)<4,"",IF(SUM(D5:D6)-SUM(D28:D29)=0,"✓",SUM(D5:D6)-SUM(D28:D29)))'
    assert all(f.startswith("=IF(COUNT(") for f in formulas)
    rules = [str(r.sqref) for r in sheet.conditional_formatting]
    assert all(sheet.cell(check_row.row, c).coordinate in rules for c in range(4, 11))


def test_unfilled_cells_stay_empty_and_the_fee_keeps_its_decimals(report: Report, tmp_path: Path) -> None:
    report.set_cell("applications", "new_received", "research", None)
    report.set_cell("active_disclosure", "administrative_fees", "amount", None)
    report.set_cell("active_disclosure", "normative_documents", "in_force", None)
    path = tmp_path / "r.xlsx"
    write_report(report, path, ExportOptions())
    workbook = openpyxl.load_workbook(path)
    grid = SheetGrid(TEMPLATE_2021.table("applications"))
    assert table_sheet(workbook, "applications").cell(*grid.coordinate("new_received", "research")).value is None
    grid2 = SheetGrid(TEMPLATE_2021.table("active_disclosure"))
    sheet2 = table_sheet(workbook, "active_disclosure")
    assert sheet2.cell(*grid2.coordinate("normative_documents", "in_force")).value is None
    assert sheet2.cell(*grid2.coordinate("administrative_fees", "amount")).value is None


def test_input_cells_have_chinese_validation_and_are_unlocked(workbook: openpyxl.Workbook) -> None:
    for table_id in TABLES:
        table = TEMPLATE_2021.table(table_id)
        sheet = table_sheet(workbook, table_id)
        grid = SheetGrid(table)
        rules = sheet.data_validations.dataValidation
        for cell in grid.data_cells():
            assert cell.ref is not None
            target = sheet.cell(*grid.at(cell))
            covering = [r for r in rules if target.coordinate in r.sqref]
            if cell.is_total:
                assert target.protection.locked and not covering
                continue
            assert not target.protection.locked
            (rule,) = covering
            kind = table.block_of(cell.ref[0]).column(cell.ref[1]).kind
            assert rule.type == ("decimal" if kind is CellKind.AMOUNT else "whole")
            assert (rule.operator, rule.formula1) == ("greaterThanOrEqual", "0")
            assert rule.showErrorMessage and "不小于 0" in rule.error


def test_labels_are_readable_without_resizing(workbook: openpyxl.Workbook) -> None:
    sheet = table_sheet(workbook, "applications")
    assert sheet.column_dimensions["C"].width >= 25  # the leaf labels of 三
    grid = SheetGrid(TEMPLATE_2021.table("applications"))
    long_row = grid.coordinate("other_unpaid_fee", "natural_person")[0]
    assert sheet.row_dimensions[long_row].height >= 40  # a three-line label gets three lines
    centred = sheet.cell(*grid.coordinate("disclosed", "commercial")).alignment.horizontal
    assert centred == "center"

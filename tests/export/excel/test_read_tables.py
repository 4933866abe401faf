"""export/excel/read_tables.py: the statutory tables found by their labels and read from workbooks a person edited."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from export import ExportOptions, read_report, write_report
from export.excel.sheet_grid import SheetGrid, address
from model.checks import check
from model.report import Report
from model.serialize import report_to_dict
from model.template import TEMPLATE_2021
from model.values import Invalid
from tests.export.excel.workbooks import edited

APPLICATIONS = TEMPLATE_2021.table("applications")


HEADING_3 = TEMPLATE_2021.section("applications").heading


def cell_of(workbook: openpyxl.Workbook, row_id: str, column_id: str) -> openpyxl.cell.Cell:
    return workbook[HEADING_3].cell(*SheetGrid(APPLICATIONS).coordinate(row_id, column_id))


def test_reordered_renamed_unprotected_sheets_with_rows_inserted_above_read_the_same(
    report: Report, tmp_path: Path
) -> None:
    def shuffle(workbook: openpyxl.Workbook) -> None:
        for index, sheet in enumerate(workbook.worksheets):
            sheet.protection.sheet = False
            sheet.title = f"Sheet{index}"
        workbook._sheets.reverse()
        table3: Worksheet = workbook["Sheet2"]
        table3.move_range("A1:J40", rows=3, cols=1)

    assert report_to_dict(edited(report, tmp_path, shuffle)) == report_to_dict(report)


def test_numbers_typed_over_inputs_are_read(report: Report, tmp_path: Path) -> None:
    def retype(workbook: openpyxl.Workbook) -> None:
        cell_of(workbook, "disclosed", "natural_person").value = 6
        cell_of(workbook, "new_received", "research").value = "１"  # full-width, as text
        cell_of(workbook, "carried_over", "research").value = None

    back = edited(report, tmp_path, retype)
    assert back.stored("applications", "disclosed", "natural_person") == 6
    assert back.stored("applications", "new_received", "research") == 1
    assert back.stored("applications", "carried_over", "research") is None


def test_a_total_typed_as_a_number_is_a_declared_total_the_checker_compares(report: Report, tmp_path: Path) -> None:
    def overwrite_total(workbook: openpyxl.Workbook) -> None:
        cell_of(workbook, "new_received", "total").value = 10

    back = edited(report, tmp_path, overwrite_total)
    assert back.stored("applications", "new_received", "total") == 10
    codes = {(f.code, f.location.row, f.location.column) for f in check(back)}
    assert ("ROW_TOTAL", "new_received", "total") in codes


def test_a_formula_typed_into_an_input_without_a_computed_value_is_shown_not_guessed(
    report: Report, tmp_path: Path
) -> None:
    def formula(workbook: openpyxl.Workbook) -> None:
        cell_of(workbook, "disclosed", "research").value = "=1+1"

    back = edited(report, tmp_path, formula)
    assert back.stored("applications", "disclosed", "research") == Invalid("=1+1")


def test_a_formula_in_an_input_counts_with_the_value_the_spreadsheet_computed(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "computed.xlsx"
    write_report(report, path, ExportOptions())
    where = address(SheetGrid(APPLICATIONS).coordinate("disclosed", "natural_person"))
    patched = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet3.xml":  # as Excel saves a typed =2+3
                data = re.sub(
                    rf'<c r="{where}"([^>]*)>.*?</c>', rf'<c r="{where}"\1><f>2+3</f><v>5</v></c>', data.decode()
                ).encode()
            new.writestr(item, data)
    assert read_report(patched).stored("applications", "disclosed", "natural_person") == 5


def test_a_changed_row_label_is_reported_as_label_mismatch(report: Report, tmp_path: Path) -> None:
    grid = SheetGrid(APPLICATIONS)

    def relabel(workbook: openpyxl.Workbook) -> None:
        label = next(c for c in grid.layout.cells if c.text == "2.其他法律行政法规禁止公开")
        workbook[HEADING_3].cell(*grid.at(label)).value = "2.其他法律法规禁止公开"

    back = edited(report, tmp_path, relabel)
    assert back.imported_labels == {"applications": {"withheld_prohibited_by_law": "2.其他法律法规禁止公开"}}
    assert back.stored("applications", "withheld_prohibited_by_law", "natural_person") == 0
    assert "LABEL_MISMATCH" in {f.code for f in check(back)}


@pytest.mark.parametrize(
    ("table_id", "below"),
    [("applications", ("disclosed", "total")), ("active_disclosure", ("normative_documents", "issued"))],
    ids=["table-3-among-results", "table-2-between-blocks"],
)
def test_rows_inserted_inside_a_table_do_not_shift_the_numbers(
    report: Report, tmp_path: Path, table_id: str, below: tuple[str, str]
) -> None:
    grid = SheetGrid(TEMPLATE_2021.table(table_id))

    def insert(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[TEMPLATE_2021.section(table_id).heading]
        sheet.insert_rows(grid.coordinate(*below)[0] + 1, amount=2)

    assert report_to_dict(edited(report, tmp_path, insert)) == report_to_dict(report)

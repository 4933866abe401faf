"""The exported workbook as a person sees it in Excel: labels, merges, formulas, rules, protection, print."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from export import ExportOptions, write_report
from export.excel.sheet_grid import SheetGrid
from model.errors import ReportFileError
from model.layout import CellRole
from model.report import Report
from model.template import TEMPLATE_2021, CellKind
from tests.factories import consistent_report

TABLES = [t.id for t in TEMPLATE_2021.tables]


def heading(table_id: str) -> str:
    return TEMPLATE_2021.section(table_id).heading


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    """The consistent report's workbook, written once: the tests below only look at it."""
    path = tmp_path_factory.mktemp("excel") / "年报.xlsx"
    write_report(consistent_report(), path, ExportOptions())
    return openpyxl.load_workbook(path)


def table_sheet(workbook: openpyxl.Workbook, table_id: str) -> Worksheet:
    return workbook[heading(table_id)]


def test_sheets_are_meta_the_three_tables_and_the_narrative(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["基本信息", *(heading(t) for t in TABLES), "报告正文"]


def test_meta_sheet_lists_agency_kind_year_date_and_contact(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["基本信息"]
    values = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 8)}
    assert values["机关名称"] == "叶城县科学技术局"
    assert values["机关类型"] == "县级以上人民政府部门"
    assert values["年度"] == 2024
    assert values["成文日期"].date().isoformat() == "2025-01-17"
    assert values["联系方式"] == "联系电话：0998-0000000"


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


def test_labels_are_readable_without_resizing(workbook: openpyxl.Workbook) -> None:
    sheet = table_sheet(workbook, "applications")
    assert sheet.column_dimensions["C"].width >= 25  # the leaf labels of 三
    grid = SheetGrid(TEMPLATE_2021.table("applications"))
    long_row = grid.coordinate("other_unpaid_fee", "natural_person")[0]
    assert sheet.row_dimensions[long_row].height >= 40  # a three-line label gets three lines
    centred = sheet.cell(*grid.coordinate("disclosed", "commercial")).alignment.horizontal
    assert centred == "center"


def test_narrative_sheet_holds_every_section_and_subsection(workbook: openpyxl.Workbook) -> None:
    rows = [tuple(c.value for c in row[:3]) for row in workbook["报告正文"].iter_rows(min_row=3)]
    assert rows[0][0] == "开头语"
    assert ("一、总体情况", None, "2024年度，本局认真贯彻落实《中华人民共和国政府信息公开条例》。") in rows
    assert ("（二）", "依申请公开", "2024年，本局共收到政府信息公开申请9件，均按期答复。") in rows
    assert ("（一）", "存在的主要问题", "公开内容不够全面。\n信息更新不够及时。") in rows
    assert rows[-1][0] == "结束语"


def test_text_that_looks_like_a_formula_is_written_as_text(report: Report, tmp_path: Path) -> None:
    report.meta.contact = "=HYPERLINK(1)"
    report.narrative.set_text("closing", "=1+1")
    path = tmp_path / "r.xlsx"
    write_report(report, path, ExportOptions())
    workbook = openpyxl.load_workbook(path)
    assert workbook["基本信息"]["B7"].data_type == "s"
    closing = next(row[2] for row in workbook["报告正文"].iter_rows() if row[0].value == "结束语")
    assert closing.data_type == "s" and closing.value == "=1+1"


def test_export_through_the_registry_writes_a_workbook(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_report(report, path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "基本信息"


def test_unwritable_target_gives_a_chinese_reason_and_leaves_no_file(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "missing-folder" / "r.xlsx"
    with pytest.raises(ReportFileError, match="保存位置不存在"):
        write_report(report, path, ExportOptions())
    assert not path.exists()

"""Reading workbooks back: our own, ones edited and saved by a person, and ones that are not ours."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from export import ExportOptions, read_report, write_report
from export.excel.sheet_grid import SheetGrid, address
from main import main
from model.carry import start_next_year
from model.checks import check
from model.errors import ReportFileError
from model.files import load_report
from model.report import Meta, Narrative, NarrativeSection, Report, Review, Subsection
from model.serialize import report_to_dict
from model.template import TEMPLATE_2021
from model.values import Invalid
from tests.factories import store_totals

APPLICATIONS = TEMPLATE_2021.table("applications")
HEADING_3 = TEMPLATE_2021.section("applications").heading
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def roundtrip(report: Report, folder: Path) -> Report:
    path = folder / "r.xlsx"
    write_report(report, path, ExportOptions())
    return read_report(path)


def tricky_report() -> Report:
    """Everything the file contract can hold that a spreadsheet might lose."""
    report = Report(
        meta=Meta(agency="某县人民政府办公室", agency_kind="government", year=2023, signatory="某县人民政府"),
        narrative=Narrative(
            preamble="  开头有空格\n第二段  ",
            overview=NarrativeSection(
                intro="总体" * 20000,  # 40 000 characters: more than one Excel cell holds
                subsections=[Subsection(f"小标题{i}", f"第{i}条内容") for i in range(12)],
            ),
            problems=NarrativeSection(subsections=[Subsection("", "无标题的一段"), Subsection("只有标题", "")]),
            other=NarrativeSection(intro="=不是公式"),
            closing="联系电话：0998-0000000",
        ),
    )
    report.set_cell("applications", "new_received", "natural_person", 0)  # 0, not blank
    report.set_cell("applications", "new_received", "total", 5)  # a declared total, parts unfilled
    report.set_cell("applications", "carried_over", "commercial", Invalid("十二"))
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("12345.6789"))
    for column in ("upheld", "corrected", "other", "pending"):
        report.set_cell("review_litigation", "review", column, 1)
    report.set_cell("review_litigation", "review", "total", 3)  # declared, and wrong
    report.set_cell("review_litigation", "litigation_direct", "total", 0)  # equal to nothing: parts unfilled
    return report


def test_a_complete_report_reads_back_unchanged(report: Report, tmp_path: Path) -> None:
    assert report_to_dict(roundtrip(report, tmp_path)) == report_to_dict(report)


def test_unfilled_zero_invalid_declared_totals_fee_and_long_texts_survive(tmp_path: Path) -> None:
    original = tricky_report()
    back = roundtrip(original, tmp_path)
    assert report_to_dict(back) == report_to_dict(original)
    assert back.stored("applications", "new_received", "commercial") is None
    assert back.stored("applications", "new_received", "natural_person") == 0
    assert back.stored("active_disclosure", "administrative_fees", "amount") == Decimal("12345.6789")
    assert back.stored("review_litigation", "review", "total") == 3


def test_an_empty_report_reads_back_empty(tmp_path: Path) -> None:
    assert report_to_dict(roundtrip(Report(), tmp_path)) == report_to_dict(Report())


def test_totals_equal_to_their_parts_come_back_as_computed(report: Report, tmp_path: Path) -> None:
    store_totals(report)
    back = roundtrip(report, tmp_path)
    assert back.stored("applications", "results_total", "total") is None
    assert back.value("applications", "results_total", "total") == report.value(
        "applications", "results_total", "total"
    )


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("seed_*.nianbao.json")), ids=lambda p: p.name[:8])
def test_the_seed_reports_read_back_unchanged_with_their_findings(fixture: Path, tmp_path: Path) -> None:
    original = load_report(fixture)
    original.imported_labels = {}  # the workbook prints statutory labels; a mismatch stays in the source
    back = roundtrip(original, tmp_path)
    assert report_to_dict(back) == report_to_dict(without_totals_equal_to_their_sums(original))
    assert [(f.code, f.location) for f in check(back)] == [(f.code, f.location) for f in check(original)]


def without_totals_equal_to_their_sums(report: Report) -> Report:
    """A declared total equal to its sum becomes a formula in the workbook, and computed again on import."""
    for table in report.template.tables:
        for row_id, column_id in table.total_parts:
            stored = report.stored(table.id, row_id, column_id)
            if stored is not None and stored == report.computed(table.id, row_id, column_id):
                report.set_cell(table.id, row_id, column_id, None)
    return report


def test_last_years_figures_and_reviews_survive_in_a_hidden_sheet(report: Report, tmp_path: Path) -> None:
    this_year = start_next_year(report)
    this_year.reviews.append(Review("DATE_LATE", {"field": "meta.issue_date"}, "经批准延期发布", "f1e2d3"))
    path = tmp_path / "r.xlsx"
    write_report(this_year, path, ExportOptions())
    assert openpyxl.load_workbook(path)["_年报附加数据"].sheet_state == "hidden"
    back = read_report(path)
    assert back.previous == this_year.previous and back.reviews == this_year.reviews


# --- workbooks a person edited -------------------------------------------------------------------


def edited(report: Report, folder: Path, edit: Callable[[openpyxl.Workbook], None]) -> Report:
    """Export, let `edit` change the workbook as a person would in a spreadsheet, save, import."""
    path = folder / "edited.xlsx"
    write_report(report, path, ExportOptions())
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)  # openpyxl, like a script, saves formulas without computed values
    return read_report(path)


def cell_of(workbook: openpyxl.Workbook, row_id: str, column_id: str) -> openpyxl.cell.Cell:
    return workbook[HEADING_3].cell(*SheetGrid(APPLICATIONS).coordinate(row_id, column_id))


def test_a_workbook_without_its_meta_sheet_reads_with_the_default_agency_kind(report: Report, tmp_path: Path) -> None:
    def drop_meta(workbook: openpyxl.Workbook) -> None:
        workbook.remove(workbook[TEMPLATE_2021.meta_title])

    back = edited(report, tmp_path, drop_meta)
    assert (back.meta.agency, back.meta.year) == ("", None)
    assert back.meta.agency_kind == TEMPLATE_2021.agency_kinds[0].id
    assert {f.location.field for f in check(back) if f.code == "MISSING" and f.location.field} >= {"meta.agency"}


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
    ("year", "issued"),
    [
        ("2024年", "2025年1月20日"),
        ("二〇二四年度", "二〇二五年一月二十日"),
        ("２０２４", "2025/1/20"),
        (2024, 20250120),  # typed into a cell without a date format: the cell holds a number
    ],
)
def test_meta_typed_as_text_is_understood(report: Report, tmp_path: Path, year: object, issued: object) -> None:
    def retype(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["基本信息"]
        sheet["B3"] = "乡镇人民政府、街道办事处"
        sheet["B4"] = year
        sheet["B5"] = issued
        sheet["B5"].number_format = "General"

    back = edited(report, tmp_path, retype)
    assert (back.meta.agency_kind, back.meta.year, back.meta.issue_date) == ("township", 2024, date(2025, 1, 20))


@pytest.mark.parametrize(
    ("cell", "typed", "reason"),
    [("B4", "24年", "年度“24年”不是四位年份"), ("B5", "2025年2月30日", "成文日期“2025年2月30日”不是日期")],
)
def test_a_year_or_date_that_cannot_be_read_is_refused_with_the_reason(
    report: Report, tmp_path: Path, cell: str, typed: str, reason: str
) -> None:
    def retype(workbook: openpyxl.Workbook) -> None:
        workbook["基本信息"][cell] = typed

    with pytest.raises(ReportFileError, match=reason):
        edited(report, tmp_path, retype)


def test_a_subsection_row_added_by_hand_joins_its_section(report: Report, tmp_path: Path) -> None:
    def add_row(workbook: openpyxl.Workbook) -> None:
        sheet = workbook["报告正文"]
        row = next(
            r for r in range(1, 40) if sheet.cell(r, 1).value == "（二）" and sheet.cell(r, 2).value == "改进情况"
        )
        sheet.insert_rows(row + 1)
        sheet.cell(row + 1, 1, "（三）")
        sheet.cell(row + 1, 2, "下一步打算")
        sheet.cell(row + 1, 3, "继续做好公开工作。")

    back = edited(report, tmp_path, add_row)
    assert back.narrative.section("problems").subsections[-1] == Subsection("下一步打算", "继续做好公开工作。")
    assert back.narrative.section("other") == report.narrative.section("other")


# --- the command line and the window go through the registry ----------------------------------


def test_convert_and_check_accept_a_workbook(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "年报.xlsx"
    write_report(report, workbook, ExportOptions())
    target = tmp_path / "年报.nianbao.json"
    assert main(["convert", str(workbook), str(target)]) == 0
    assert report_to_dict(read_report(target)) == report_to_dict(report)
    assert main(["check", str(workbook)]) == 0
    assert "0 个错误" in capsys.readouterr().out


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

"""审核汇总.xlsx as the center reads it: every report's row and figures, every finding, what is
missing, and the sums laid out as the statutory tables (formulas here; their values in
test_libreoffice.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from export import ReviewOutcome, ReviewRequest, review_reports
from export.excel.sheet_grid import SheetGrid
from export.review.summary_sheets import SUM_GRID_TOP
from export.review.workbook import FINDINGS_SHEET, MISSING_SHEET, OVERVIEW_SHEET
from model import save_report
from model.report import Report
from model.review import summed_cells
from model.template import TEMPLATE_2021
from tests.export.review.corpus import Batch


@pytest.fixture(scope="module")
def workbook(reviewed: ReviewOutcome) -> openpyxl.Workbook:
    return openpyxl.load_workbook(reviewed.workbook)


def rows(sheet: Worksheet) -> list[dict[str, object]]:
    values = list(sheet.iter_rows(values_only=True))
    header = [str(v) for v in values[0]]
    return [dict(zip(header, row, strict=True)) for row in values[1:]]


def test_the_sheets(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == [
        OVERVIEW_SHEET,
        FINDINGS_SHEET,
        MISSING_SHEET,
        "汇总表二",
        "汇总表三",
        "汇总表四",
        "汇总数据",
    ]


def test_one_row_per_report_worst_first_with_its_figures(workbook: openpyxl.Workbook, reviewed: ReviewOutcome) -> None:
    sheet = workbook[OVERVIEW_SHEET]
    table = rows(sheet)
    assert len(table) == len(reviewed.review.entries)
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
    for row, entry in zip(table, reviewed.review.entries, strict=True):
        summary = entry.summary
        assert row["报告中的机关名称"] == summary.agency
        assert row["单位（名单）"] == (entry.unit.name if entry.unit else "未对应名单")
        assert (row["错误"], row["提醒"]) == summary.counts
        assert row["年度"] == summary.year
        issued = summary.issue_date
        assert row["成文日期"] == (datetime(issued.year, issued.month, issued.day) if issued else None)
        for figure in TEMPLATE_2021.roles.key_figures:
            assert row[figure.label] == summary.key_figures()[figure.id], (summary.file, figure.id)
        assert row["问题代码"] == (" ".join(summary.codes) or None)
    errors = [r["错误"] for r in table]
    assert errors == sorted(errors, reverse=True)


def test_the_late_reports_row_says_by_how_much(workbook: openpyxl.Workbook, batch: Batch) -> None:
    late = next(r for r in rows(workbook[OVERVIEW_SHEET]) if str(r["文件"]).endswith(batch.late.rsplit("/", 1)[1]))
    assert late["是否按时"] == "逾期20天" and late["报送期限"] == datetime(2025, 1, 31)


def test_the_key_figures_of_a_known_report(workbook: openpyxl.Workbook, reviewed: ReviewOutcome, batch: Batch) -> None:
    """00.nianbao.json is the consistent report: 9 new applications, 5 disclosed, 1 carried forward,
    1 review, 0 lawsuits, 12/3/0 decisions."""
    row = next(r for r in rows(workbook[OVERVIEW_SHEET]) if r["文件"] == "00.nianbao.json")
    figures = [row[f.label] for f in TEMPLATE_2021.roles.key_figures]
    assert figures == [9, 5, 1, 1, 0, 12, 3, 0]


def test_one_row_per_finding_with_its_basis(workbook: openpyxl.Workbook, reviewed: ReviewOutcome) -> None:
    table = rows(workbook[FINDINGS_SHEET])
    findings = [(e, f) for e in reviewed.review.entries for f in e.summary.findings]
    assert len(table) == len(findings)
    for row, (entry, finding) in zip(table, findings, strict=True):
        assert (row["机关名称"], row["代码"], row["问题"]) == (entry.name, finding.code, finding.message)
        assert row["类别"] == ("错误" if finding.severity.value == "error" else "提醒")
        assert row["依据"] == finding.basis
    late = next(r for r in table if r["代码"] == "DATE_LATE")
    assert (late["部分"], late["位置"]) == ("基本信息", "成文日期")
    cell = next(r for r in table if r["代码"] == "CARRY_OVER")
    assert cell["部分"] == "三、收到和处理政府信息公开申请情况"
    assert cell["位置"] == "二、上年结转政府信息公开申请数量·自然人"


def test_what_is_missing(workbook: openpyxl.Workbook, batch: Batch) -> None:
    table = rows(workbook[MISSING_SHEET])
    kinds = [(r["类别"], r["单位"]) for r in table]
    assert ("名单中未报送", batch.missing) in kinds
    assert ("未对应名单", "泽普县交通运输局") in kinds
    assert [r["类别"] for r in table].count("重复报送") == 2
    unreadable = next(r for r in table if r["类别"] == "无法读取")
    assert unreadable["文件"] == "损坏的报告.docx" and "Word" in str(unreadable["说明"])
    assert next(r for r in table if r["单位"] == batch.missing)["说明"] == "联系人：张三"


def test_the_data_sheet_holds_every_value_and_who_is_summed(
    workbook: openpyxl.Workbook, reviewed: ReviewOutcome
) -> None:
    sheet = workbook["汇总数据"]
    cells = summed_cells(TEMPLATE_2021)
    data = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(data) == len(reviewed.review.entries)
    for row, entry in zip(data, reviewed.review.entries, strict=True):
        assert row[0] == (1 if entry.included else 0)
        assert list(row[3 : 3 + len(cells)]) == [
            None if v is None else float(v) if not isinstance(v, int) else v for v in entry.summary.values
        ]


def test_the_sum_sheets_are_the_statutory_grids_of_formulas_over_the_data(workbook: openpyxl.Workbook) -> None:
    for table, name in zip(TEMPLATE_2021.tables, ("汇总表二", "汇总表三", "汇总表四"), strict=True):
        sheet = workbook[name]
        grid = SheetGrid(table, top=SUM_GRID_TOP)
        for cell in grid.header_cells():
            assert sheet.cell(*grid.at(cell)).value == (cell.text or None)
        for cell in grid.data_cells():
            formula = str(sheet.cell(*grid.at(cell)).value)
            assert formula.startswith("=SUMPRODUCT('汇总数据'!$A$4:$A$"), formula
        assert str(sheet["B2"].value).startswith("=SUM('汇总数据'!$A$4")


def test_typed_text_is_never_a_formula_in_the_review_workbook(tmp_path: Path, report: Report) -> None:
    """An agency named like a formula stays text in every sheet; the sums stay formulas (issue 18, item 2)."""
    hostile = '=HYPERLINK("http://example.invalid","点此")'
    report.meta.agency = hostile
    folder = tmp_path / "报送"
    folder.mkdir()
    save_report(report, folder / "a.nianbao.json")
    outcome = review_reports(ReviewRequest(inputs=(folder,), out=tmp_path / "审核结果", workers=1))
    book = openpyxl.load_workbook(outcome.workbook)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any(c.value == hostile and c.data_type == "s" for c in cells)
    formulas = [str(c.value) for c in cells if c.data_type == "f"]
    assert not any("HYPERLINK" in f for f in formulas)
    assert any(f.startswith("=SUMPRODUCT(") for f in formulas)

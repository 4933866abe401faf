"""A real spreadsheet program recalculates 审核汇总.xlsx: the 汇总 sheets show the review's sums
cell by cell, and setting a report's 纳入汇总 to 0 takes it out of them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from export import ReviewOutcome
from export.excel.sheet_grid import CHECK_MARK, SheetGrid
from export.review.summary_sheets import SUM_GRID_TOP
from model.report import Number
from model.template import TEMPLATE_2021
from tests.export.excel.test_libreoffice import SOFFICE, recalculated_by_libreoffice

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed here; CI installs it"),
]
SUM_SHEETS = ("汇总表二", "汇总表三", "汇总表四")


def recalculated(source: Path, folder: Path) -> openpyxl.Workbook:
    (path,) = recalculated_by_libreoffice([source], folder)
    return openpyxl.load_workbook(path, data_only=True)


def number(value: object) -> Number | None:
    if isinstance(value, float):
        return int(value) if value.is_integer() else Decimal(repr(value))
    return value if isinstance(value, int) else None


def assert_sums(workbook: openpyxl.Workbook, sums: dict[tuple[str, str, str], Number], count: int) -> None:
    for table, name in zip(TEMPLATE_2021.tables, SUM_SHEETS, strict=True):
        sheet = workbook[name]
        assert sheet["B2"].value == count
        grid = SheetGrid(table, top=SUM_GRID_TOP)
        for row, column in table.cells():
            shown = number(sheet.cell(*grid.coordinate(row.id, column.id)).value)
            assert shown == sums[(table.id, row.id, column.id)], (name, row.id, column.id)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-review")


def test_libreoffice_recalculates_the_same_sums(reviewed: ReviewOutcome, folder: Path) -> None:
    review = reviewed.review
    sums = review.totals()
    assert sums[("applications", "new_received", "total")] > 0  # the batch has figures to sum
    workbook = recalculated(reviewed.workbook, folder)
    assert_sums(workbook, sums, len(review.included))
    sheet = workbook["汇总表三"]
    for check in SheetGrid(TEMPLATE_2021.table("applications"), top=SUM_GRID_TOP).check_rows[0].cells:
        left = sum(sums[("applications", *cell)] for cell in check.left)
        right = sum(sums[("applications", *cell)] for cell in check.right)
        expected = CHECK_MARK if left == right else left - right
        assert sheet.cell(*check.coordinate).value == expected  # 一+二 = 三（七）+四 over the county


def test_a_report_set_to_0_in_the_data_sheet_leaves_the_sums(reviewed: ReviewOutcome, folder: Path) -> None:
    review = reviewed.review
    left_out = next(e for e in review.entries if e.included and e.summary.key_figures()["received"])
    edited = openpyxl.load_workbook(reviewed.workbook)
    data = edited["汇总数据"]
    row = 4 + review.entries.index(left_out)
    assert left_out.summary.file.endswith(str(data.cell(row, 3).value))
    data.cell(row, 1).value = 0
    source = folder / "edited" / "审核汇总.xlsx"
    source.parent.mkdir()
    edited.save(source)
    expected = dict(review.totals())
    for cell, value in zip(expected, left_out.summary.values, strict=True):
        if value is not None:
            expected[cell] -= value
    assert_sums(recalculated(source, folder / "edited"), expected, len(review.included) - 1)

"""export/excel/fee_rows.py: the 信息处理费 of 六 as visible rows of 报告正文, changed there and read back."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from export import ExportOptions, read_report, write_report
from model.errors import ReportFileError
from model.report import Fee, Report
from model.template import TEMPLATE_2021

SPEC = TEMPLATE_2021.fee


def _written(report: Report, tmp_path: Path) -> Path:
    path = tmp_path / "r.xlsx"
    write_report(report, path, ExportOptions())
    return path


def _fee_rows(path: Path) -> dict[str, tuple[int, object]]:
    sheet = openpyxl.load_workbook(path)["报告正文"]
    return {
        str(sheet.cell(row, 2).value): (row, sheet.cell(row, 3).value)
        for row in range(1, sheet.max_row + 1)
        if sheet.cell(row, 1).value == SPEC.label
    }


def _edit(path: Path, label: str, value: object) -> None:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["报告正文"]
    row = _fee_rows(path)[label][0]
    sheet.cell(row, 3).value = value
    workbook.save(path)


def test_the_fee_is_shown_below_six_and_read_back(report: Report, tmp_path: Path) -> None:
    report.fee = Fee(collected=True, amount=Decimal("120.50"), applications=2)
    path = _written(report, tmp_path)
    rows = _fee_rows(path)
    assert {label: value for label, (_, value) in rows.items()} == {
        SPEC.status_label: SPEC.collected_label,
        SPEC.amount_label: "120.5",
        SPEC.applications_label: 2,
    }
    assert sorted(row for row, _ in rows.values()) == [rows[SPEC.status_label][0] + i for i in range(3)]
    assert read_report(path).fee == Fee(True, Decimal("120.5"), 2)


def test_a_fee_changed_in_the_workbook_is_read(report: Report, tmp_path: Path) -> None:
    report.fee = Fee(collected=False)
    path = _written(report, tmp_path)
    _edit(path, SPEC.status_label, SPEC.collected_label)
    _edit(path, SPEC.amount_label, 35.5)  # typed as a number
    _edit(path, SPEC.applications_label, "1")
    back = read_report(path)
    assert back.fee == Fee(True, Decimal("35.5"), 1)
    assert back.narrative == report.narrative  # the rows are no subsection of 六


def test_a_fee_not_stated_stays_not_stated(report: Report, tmp_path: Path) -> None:
    path = _written(report, tmp_path)
    assert {value for _, value in _fee_rows(path).values()} == {None}
    assert read_report(path).fee == Fee()


def test_without_the_rows_the_hidden_sheet_keeps_the_fee(report: Report, tmp_path: Path) -> None:
    report.fee = Fee(collected=True, amount=Decimal("8"), applications=1)
    path = _written(report, tmp_path)
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["报告正文"]
    for row, _ in sorted(_fee_rows(path).values(), reverse=True):
        sheet.delete_rows(row)
    workbook.save(path)
    assert read_report(path).fee == report.fee


@pytest.mark.parametrize(
    ("label", "value"),
    [
        (SPEC.status_label, "也许"),
        (SPEC.amount_label, "一百元"),
        (SPEC.amount_label, -5),
        (SPEC.applications_label, "1.5"),
    ],
)
def test_a_wrong_fee_is_refused_with_its_label(report: Report, tmp_path: Path, label: str, value: object) -> None:
    path = _written(report, tmp_path)
    _edit(path, label, value)
    with pytest.raises(ReportFileError, match=re.escape(label)):
        read_report(path)

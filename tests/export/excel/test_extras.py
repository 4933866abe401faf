"""export/excel/extras.py: last year's figures and reviewed warnings survive in a hidden sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from export import ExportOptions, read_report, write_report
from model.carry import start_next_year
from model.report import Report, Review


def test_last_years_figures_and_reviews_survive_in_a_hidden_sheet(report: Report, tmp_path: Path) -> None:
    this_year = start_next_year(report)
    this_year.reviews.append(Review("DATE_LATE", {"field": "meta.issue_date"}, "经批准延期发布", "f1e2d3"))
    path = tmp_path / "r.xlsx"
    write_report(this_year, path, ExportOptions())
    assert openpyxl.load_workbook(path)["_年报附加数据"].sheet_state == "hidden"
    back = read_report(path)
    assert back.previous == this_year.previous and back.reviews == this_year.reviews

"""export/excel/cells.py: what people typed is written as text, whatever it begins with; only the
workbook's own totals and checks are formulas (issue 18, item 2)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from export import read_report, write_report
from export.excel.cells import Formula, append_row, put
from export.excel.sheet_grid import CHECK_MARK
from model.report import Report
from model.values import Invalid

HOSTILE = ['=HYPERLINK("http://evil.example","点此")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=IF(1,2,3)"]


def _workbook(report: Report, tmp_path: Path) -> openpyxl.Workbook:
    path = tmp_path / "r.xlsx"
    write_report(report, path)
    return openpyxl.load_workbook(path)


def _formulas(workbook: openpyxl.Workbook) -> list[str]:
    return [str(c.value) for ws in workbook for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_put_writes_a_formula_only_when_told() -> None:
    sheet = openpyxl.Workbook().active
    assert sheet is not None
    put(sheet["A1"], "=1+1")
    put(sheet["A2"], Formula("=1+1"))
    assert (sheet["A1"].data_type, sheet["A2"].data_type) == ("s", "f")


@pytest.mark.parametrize("text", HOSTILE)
def test_typed_text_is_text_in_every_sheet(report: Report, tmp_path: Path, text: str) -> None:
    report.meta.agency = text
    report.meta.contact = text
    report.narrative.section("overview").intro = text
    report.narrative.section("overview").subsections[0].title = text
    workbook = _workbook(report, tmp_path)
    titles = {ws.title: ws["A1"] for ws in workbook if ws.sheet_state == "visible"}
    meta, narrative = workbook.worksheets[0], workbook["报告正文"]
    assert meta["A1"].value.startswith(text) and meta["A1"].data_type == "s"
    assert narrative["A1"].value.startswith(text) and narrative["A1"].data_type == "s"
    typed = [c for ws in (meta, narrative) for row in ws.iter_rows() for c in row if c.value == text]
    assert len(typed) >= 4 and all(c.data_type == "s" for c in typed)
    assert all(cell.data_type == "s" for cell in titles.values())
    assert all(f.startswith(("=IF(COUNT(", "=IF(AND(")) or CHECK_MARK in f for f in _formulas(workbook))


@pytest.mark.parametrize("text", HOSTILE)
def test_an_invalid_cell_value_is_text_and_reads_back_as_written(report: Report, tmp_path: Path, text: str) -> None:
    report.set_cell("applications", "new_received", "natural_person", Invalid(text))
    workbook = _workbook(report, tmp_path)
    assert not any(text in f for f in _formulas(workbook))
    back = read_report(tmp_path / "r.xlsx")
    assert back.stored("applications", "new_received", "natural_person") == Invalid(text)


def test_our_totals_and_checks_stay_formulas(report: Report, tmp_path: Path) -> None:
    formulas = _formulas(_workbook(report, tmp_path))
    assert any(f.startswith("=IF(COUNT(") and "SUM(" in f for f in formulas)
    assert any(CHECK_MARK in f for f in formulas)


def test_append_row_writes_like_put() -> None:
    sheet = openpyxl.Workbook().active
    assert sheet is not None
    append_row(sheet, ["=HYPERLINK(1)", 3, Formula("=SUM(B1)"), "a\x00"])
    assert [(c.value, c.data_type) for c in sheet[1]] == [
        ("=HYPERLINK(1)", "s"),
        (3, "n"),
        ("=SUM(B1)", "f"),
        ("a\ufffd", "s"),
    ]

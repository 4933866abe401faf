"""export/excel/text_sheets.py: the 基本信息 and 报告正文 sheets, label beside value; text is never a formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from export import ExportOptions, write_report
from model.report import Report


def test_meta_sheet_lists_agency_kind_year_date_and_contact(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["基本信息"]
    values = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(2, 8)}
    assert values["机关名称"] == "叶城县科学技术局"
    assert values["机关类型"] == "县级以上人民政府部门"
    assert values["年度"] == 2024
    assert values["成文日期"].date().isoformat() == "2025-01-17"
    assert values["联系方式"] == "联系电话：0998-0000000"


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

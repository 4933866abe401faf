"""export/excel/read_text.py: 基本信息 and 报告正文 read back by their labels, as a person typed and edited them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from export import read_report
from model.checks import check
from model.errors import ReportFileError
from model.report import ImportNote, Report, Subsection
from model.template import TEMPLATE_2021, MetaId
from tests.export.corpus.make_corpus import Doc, default_tables, seed, write_xlsx
from tests.export.excel.workbooks import edited


def test_a_workbook_without_its_meta_sheet_reads_agency_and_year_from_its_title_and_guesses_the_kind(
    report: Report, tmp_path: Path
) -> None:
    def drop_meta(workbook: openpyxl.Workbook) -> None:
        workbook.remove(workbook[TEMPLATE_2021.meta_title])

    back = edited(report, tmp_path, drop_meta)
    assert (back.meta.agency, back.meta.year) == (report.meta.agency, report.meta.year)
    assert back.meta.agency_kind == TEMPLATE_2021.agency_kind_of(report.meta.agency)
    assert ImportNote("guessed", MetaId.AGENCY_KIND, found=back.meta.agency_kind) in back.import_notes


def test_a_workbook_without_meta_sheet_or_title_reads_with_the_default_agency_kind(
    report: Report, tmp_path: Path
) -> None:
    def drop_meta_and_text(workbook: openpyxl.Workbook) -> None:
        for name in (TEMPLATE_2021.meta_title, *(s.title for s in workbook.worksheets if "正文" in s.title)):
            workbook.remove(workbook[name])

    back = edited(report, tmp_path, drop_meta_and_text)
    assert (back.meta.agency, back.meta.year) == ("", None)
    assert back.meta.agency_kind == TEMPLATE_2021.agency_kinds[0].id
    assert {f.location.field for f in check(back) if f.code == "MISSING" and f.location.field} >= {"meta.agency"}


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


def test_a_hand_made_workbook_named_after_its_report_gives_agency_and_year(tmp_path: Path) -> None:
    source = seed(2)
    tables = default_tables(source)
    path = tmp_path / "named.xlsx"
    write_xlsx(
        Doc([*(item for t in TEMPLATE_2021.tables for item in (TEMPLATE_2021.section(t.id).heading, tables[t.id]))]),
        path,
    )
    workbook = openpyxl.load_workbook(path)
    workbook.active.title = f"{source.meta.year}年{source.meta.agency}{TEMPLATE_2021.title_suffix}"
    workbook.save(path)
    back = read_report(path)
    assert (back.meta.agency, back.meta.year) == (source.meta.agency, source.meta.year)


def test_a_hand_made_workbook_gives_its_text_by_section_without_its_signature() -> None:
    path = Path(__file__).parents[1] / "corpus" / "files" / "seed2-workbook-web-paste.xlsx"
    back = read_report(path)
    source = seed(2)
    assert back.narrative.section("other").intro == source.narrative.section("other").intro
    title = source.narrative.section("problems").subsections[0].title
    assert back.narrative.section("problems").subsections[0].title.startswith(title)
    assert {f.code for f in check(back)}.isdisjoint({"EMPTY_SECTION", "FEE_NOT_STATED"})

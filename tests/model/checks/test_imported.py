"""model/checks/imported.py and headings.py: what reading a typed document left open, reported as findings."""

from __future__ import annotations

import pytest

from model.checks import check
from model.findings import Location, Severity
from model.report import ImportNote, Report
from model.serialize import report_from_dict, report_to_dict
from model.template import TEMPLATE_2021


def codes(report: Report) -> list[tuple[str, Location, Severity]]:
    wanted = {"TABLE_UNREADABLE", "OLD_FORMAT", "HEADING_MISMATCH"}
    return [(f.code, f.location, f.severity) for f in check(report) if f.code in wanted]


def test_an_unreadable_table_is_one_error_naming_the_table_and_why(report: Report) -> None:
    report.import_notes = [
        ImportNote("unreadable", "applications", reason="第6行第10列的数字“7”对应不到法定表格的行和列")
    ]
    assert codes(report) == [("TABLE_UNREADABLE", Location(table="applications"), Severity.ERROR)]
    message = next(f.message for f in check(report) if f.code == "TABLE_UNREADABLE")
    assert TEMPLATE_2021.section("applications").heading in message and "第6行第10列" in message


def test_an_old_format_table_and_an_old_report_year_are_errors_naming_the_format(report: Report) -> None:
    report.import_notes = [
        ImportNote("old_format", "active_disclosure", found="本年新制作数量"),
        ImportNote("old_format", found="2020"),
    ]
    found = [f for f in check(report) if f.code == "OLD_FORMAT"]
    assert [f.location for f in found] == [Location(table="active_disclosure"), Location(field="meta.year")]
    assert all(f.severity is Severity.ERROR and "〔2019〕60号" in f.message for f in found)
    assert "本年新制作数量" in found[0].message


@pytest.mark.parametrize(
    "heading",
    [
        "二、主动公开政府信息情况：",
        "（二）行政机关主动公开政府信息情况",
        "二、行政机关主动公开政府信息情况",
        "(二) 行政机关主动公开政府信息情况。",
    ],
)
def test_either_wording_of_30hao_and_any_numbering_or_punctuation_is_accepted(report: Report, heading: str) -> None:
    report.import_notes = [ImportNote("heading", "active_disclosure", found=heading)]
    assert codes(report) == []


def test_other_words_in_a_heading_are_a_warning_with_its_basis(report: Report) -> None:
    report.import_notes = [ImportNote("heading", "problems", found="五、存在的问题")]
    found = [f for f in check(report) if f.code == "HEADING_MISMATCH"]
    assert [(f.location, f.severity) for f in found] == [(Location(field="narrative.problems.intro"), Severity.WARNING)]
    assert found[0].basis == TEMPLATE_2021.basis and "五、存在的问题" in found[0].message


def test_a_blank_mark_is_said_in_the_missing_cells_own_words(report: Report) -> None:
    report.set_cell("applications", "disclosed", "research", None)
    report.import_notes = [ImportNote("blank_mark", "applications", found="无", row="disclosed", column="research")]
    missing = [f for f in check(report) if f.code == "MISSING" and f.location.table == "applications"]
    assert len(missing) == 1 and "“无”" in missing[0].message and "0" in missing[0].message


def test_notes_and_a_guessed_kind_survive_the_report_file(report: Report) -> None:
    report.import_notes = [
        ImportNote("unreadable", "applications", reason="why"),
        ImportNote("blank_mark", "applications", found="—", row="disclosed", column="research"),
        ImportNote("guessed", "agency_kind", found="township"),
    ]
    assert report_from_dict(report_to_dict(report)).import_notes == report.import_notes


def test_a_label_differing_only_in_punctuation_or_numbering_is_no_mismatch_even_in_an_old_file(report: Report) -> None:
    report.imported_labels = {
        "applications": {"disclosed": "(一)予以公开", "withheld_prohibited_by_law": "2、其他法律法规禁止公开"}
    }
    found = [f.location.row for f in check(report) if f.code == "LABEL_MISMATCH"]
    assert found == ["withheld_prohibited_by_law"]

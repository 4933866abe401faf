"""export/excel/__init__.py, the .xlsx entry (render, read): what it writes reads back as the same report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from export import ExportOptions, read_report, write_report
from model.checks import check
from model.files import load_report
from model.report import Meta, Narrative, NarrativeSection, Report, Subsection
from model.serialize import report_to_dict
from model.values import Invalid
from tests.factories import store_totals

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


def test_export_by_suffix_writes_a_workbook(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_report(report, path)
    assert openpyxl.load_workbook(path).sheetnames[0] == "基本信息"

"""model/checks/completeness.py: unfilled cells and fields, empty sections, the issue date — one change, its finding."""

from __future__ import annotations

from datetime import date

from model.checks import check
from model.findings import Location
from model.report import Report
from tests.model.checks.changes import APPS, Case, Change, _cell, case_tests


def _meta(**values: object) -> Change:
    def change(r: Report) -> None:
        for key, value in values.items():
            setattr(r.meta, key, value)

    return change


def _clear_other(r: Report) -> None:
    r.narrative.section("other").intro = ""
    r.narrative.section("other").subsections = []


CASES: list[Case] = [
    Case("no agency", _meta(agency=" "), "MISSING", Location(field="meta.agency")),
    Case("no year", _meta(year=None), "MISSING", Location(field="meta.year")),
    Case("no issue date", _meta(issue_date=None), "MISSING", Location(field="meta.issue_date")),
    Case(
        "a cell not filled in",
        _cell(APPS, "withheld_state_secret", "legal_service", None),
        "MISSING",
        Location(APPS, "withheld_state_secret", "legal_service"),
    ),
    Case("issued after 31 January", _meta(issue_date=date(2025, 2, 1)), "DATE_LATE", Location(field="meta.issue_date")),
    Case(
        "issued in the report year",
        _meta(issue_date=date(2024, 12, 31)),
        "DATE_EARLY",
        Location(field="meta.issue_date"),
    ),
    Case("六 empty", _clear_other, "EMPTY_SECTION", Location(field="narrative.other.intro")),
]


test_one_change_gives_the_finding_at_its_location, test_every_message_is_chinese_and_names_something = case_tests(CASES)


def test_absent_totals_are_computed_not_missing(report: Report) -> None:
    assert report.stored(APPS, "results_total", "total") is None
    assert report.value(APPS, "results_total", "total") == 9
    assert report.value(APPS, "new_received", "total") == 9
    assert not [f for f in check(report) if f.code == "MISSING"]


def test_not_filled_in_differs_from_zero(report: Report) -> None:
    report.set_cell(APPS, "other_other", "research", None)
    missing = [f for f in check(report) if f.code == "MISSING"]
    assert [f.location for f in missing] == [Location(APPS, "other_other", "research")]
    report.set_cell(APPS, "other_other", "research", 0)
    assert check(report) == []


def test_missing_cells_of_a_row_are_one_finding_that_names_them(report: Report) -> None:
    for column in ("natural_person", "commercial"):
        report.set_cell(APPS, "disclosed", column, None)
    (finding,) = [f for f in check(report) if f.code == "MISSING"]
    assert "自然人、商业企业未填写" in finding.message
    assert Location(APPS, "disclosed", "commercial") in finding.related


def test_government_deadline_is_31_march(report: Report) -> None:
    report.meta.agency_kind = "government"
    report.meta.issue_date = date(2025, 3, 31)
    assert [f for f in check(report) if f.location.field == "meta.issue_date"] == []
    report.meta.issue_date = date(2025, 4, 1)
    assert [f.code for f in check(report) if f.location.field == "meta.issue_date"] == ["DATE_LATE"]


def test_township_has_no_deadline(report: Report) -> None:
    report.meta.agency_kind = "township"
    report.meta.issue_date = date(2025, 6, 30)
    assert check(report) == []

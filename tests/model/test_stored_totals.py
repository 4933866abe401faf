"""model/stored_totals.py: which totals a file gave as typed, and which of them the parts now decide."""

from __future__ import annotations

from model.report import Meta, Report
from model.stored_totals import stored_totals, superseded_totals
from tests.factories import APPLICANT_COLUMNS


def test_a_typed_total_gives_way_only_when_all_its_parts_are_filled() -> None:
    report = Report(meta=Meta(year=2024))
    report.set_cell("applications", "new_received", "total", 0)
    assert stored_totals(report, "applications") == [("new_received", "total")]
    for column in APPLICANT_COLUMNS[:-1]:
        report.set_cell("applications", "new_received", column, 1)
    assert superseded_totals(report, "applications") == []
    report.set_cell("applications", "new_received", APPLICANT_COLUMNS[-1], 1)
    assert superseded_totals(report, "applications") == [("new_received", "total")]
    assert superseded_totals(report, "active_disclosure") == []

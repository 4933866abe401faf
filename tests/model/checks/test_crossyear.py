"""model/checks/crossyear.py: last year's figures — one change, the finding at its location."""

from __future__ import annotations

from model.checks import check
from model.findings import Location
from model.report import Previous, Report
from tests.factories import consistent_report
from tests.model.checks.changes import APPS, Case, Change, case_tests


def _previous(**values: object) -> Change:
    def change(r: Report) -> None:
        r.previous = Previous(year=2023, **values)  # type: ignore[arg-type]

    return change


CASES: list[Case] = [
    Case(
        "last year's carry-forward differs",
        _previous(carried_forward={"natural_person": 2}),
        "CARRY_OVER",
        Location(APPS, "carried_over", "natural_person"),
    ),
    Case(
        "in force does not follow from last year",
        _previous(in_force={"normative_documents": 1}),
        "IN_FORCE_DRIFT",
        Location("active_disclosure", "normative_documents", "in_force"),
    ),
]


test_one_change_gives_the_finding_at_its_location, test_every_message_is_chinese_and_names_something = case_tests(CASES)


def test_last_year_report_overrides_recorded_previous(report: Report) -> None:
    last = consistent_report()
    last.meta.year = 2023
    last.set_cell(APPS, "carried_forward", "natural_person", 3)
    codes = {f.code for f in check(report, last)}
    assert "CARRY_OVER" in codes

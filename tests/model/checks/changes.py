"""What the rule modules' case lists share: one change to a consistent report, the finding it gives,
the two checks every case goes through, and table 3's id."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest

from model.checks import check
from model.findings import Location, Severity
from model.report import Report

Change = Callable[[Report], None]


class Case(NamedTuple):
    """One change to a consistent report and the finding it must give, where."""

    scenario: str
    change: Change
    code: str
    location: Location


CaseTest = Callable[[Report, Case], None]


def case_tests(cases: list[Case]) -> tuple[CaseTest, CaseTest]:
    """The two tests every rule module runs over its cases, parametrized by them: a module binds
    them to its own test names, so each rule's cases stay in its own test module."""
    over_cases = pytest.mark.parametrize("case", cases, ids=[c.scenario for c in cases])

    @over_cases
    def gives_the_finding_at_its_location(report: Report, case: Case) -> None:
        case.change(report)
        findings = check(report)
        assert (case.code, case.location) in {(f.code, f.location) for f in findings}, findings

    @over_cases
    def every_message_is_chinese(report: Report, case: Case) -> None:
        case.change(report)
        for finding in check(report):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in finding.message)
            assert finding.severity in (Severity.ERROR, Severity.WARNING)

    return gives_the_finding_at_its_location, every_message_is_chinese


def _cell(table: str, row: str, column: str, value: object) -> Change:
    return lambda r: r.set_cell(table, row, column, value)  # type: ignore[arg-type]


APPS = "applications"

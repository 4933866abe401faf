"""What the rule modules' case lists share: one change to a consistent report, the finding it gives,
the two checks every case goes through, and table 3's id."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

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


def assert_found_at(report: Report, case: Case) -> None:
    case.change(report)
    findings = check(report)
    assert (case.code, case.location) in {(f.code, f.location) for f in findings}, findings


def assert_messages_in_chinese(report: Report, case: Case) -> None:
    case.change(report)
    for finding in check(report):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in finding.message)
        assert finding.severity in (Severity.ERROR, Severity.WARNING)


def _cell(table: str, row: str, column: str, value: object) -> Change:
    return lambda r: r.set_cell(table, row, column, value)  # type: ignore[arg-type]


APPS = "applications"

"""model/checks/__init__.py: check() runs every rule, errors first; count_by_severity skips reviewed warnings."""

from __future__ import annotations

from model.checks import check, count_by_severity
from model.findings import Severity
from model.report import Report
from tests.model.checks.changes import APPS


def test_consistent_report_has_no_findings(report: Report) -> None:
    assert check(report) == []


def test_errors_come_before_warnings_and_counts_skip_reviewed(report: Report) -> None:
    report.narrative.section("other").intro = "无。"
    report.set_cell(APPS, "new_received", "total", 1)
    findings = check(report)
    assert [f.severity for f in findings] == [Severity.ERROR, Severity.WARNING]
    assert count_by_severity(findings) == (1, 1)
    assert count_by_severity([findings[0], findings[1].with_review("已核实")]) == (1, 0)

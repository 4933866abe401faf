"""model/checks/__init__.py: check() runs every rule, errors first; count_by_severity skips reviewed warnings."""

from __future__ import annotations

import pytest

from model.checks import check, count_by_severity
from model.findings import Severity
from model.report import Report
from tests.model.checks.changes import APPS, Case
from tests.model.checks.seeds import seed


def test_consistent_report_has_no_findings(report: Report) -> None:
    assert check(report) == []


def test_errors_come_before_warnings_and_counts_skip_reviewed(report: Report) -> None:
    report.narrative.section("other").intro = "无。"
    report.set_cell(APPS, "new_received", "total", 1)
    findings = check(report)
    assert [f.severity for f in findings] == [Severity.ERROR, Severity.WARNING]
    assert count_by_severity(findings) == (1, 1)
    assert count_by_severity([findings[0], findings[1].with_review("已核实")]) == (1, 0)


# The reading rules (issue 14) give their own bases; every other finding cites one.
READING_CODES = {"LABEL_MISMATCH", "TABLE_UNREADABLE", "OLD_FORMAT", "HEADING_MISMATCH"}


def _all_cases() -> list[Case]:
    from tests.model.checks import test_arithmetic, test_completeness, test_crossyear, test_text

    return [c for module in (test_arithmetic, test_completeness, test_crossyear, test_text) for c in module.CASES]


@pytest.mark.parametrize("case", _all_cases(), ids=lambda c: c.scenario)
def test_every_finding_cites_its_basis(report: Report, case: Case) -> None:
    case.change(report)
    report.meta.agency_kind = "government"  # CONTENT_MISSING for 考核、评议、追究 too
    report.narrative.section("problems").subsections[1].text = ""  # EMPTY_SUBSECTION, CONTENT_MISSING
    findings = check(report)
    assert findings
    assert [f.code for f in findings if f.basis is None and f.code not in READING_CODES] == []


@pytest.mark.parametrize("number", range(5))
def test_every_finding_on_the_seeds_cites_its_basis(number: int) -> None:
    findings = check(seed(number))
    assert [f.code for f in findings if not f.basis and f.code not in READING_CODES] == []


def test_a_wrong_sentence_repeated_is_one_finding(report: Report) -> None:
    """A pasted text that repeats one wrong sentence 1,000 times gives one finding, not 1,000 (issue 18:
    a 9 MB text made 150,000 findings and took 33 s)."""
    sentence = "本年度共收到政府信息公开申请99件。"
    report.narrative.section("other").intro = sentence
    once = [f for f in check(report) if f.code == "TEXT_TABLE_MISMATCH"]
    report.narrative.section("other").intro = sentence * 1000
    assert once and [f for f in check(report) if f.code == "TEXT_TABLE_MISMATCH"] == once

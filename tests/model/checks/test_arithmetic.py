"""model/checks/arithmetic.py: totals, balances, values — one change, the finding at its location."""

from __future__ import annotations

import pytest

from model.checks import check
from model.findings import Location, Severity
from model.report import Report
from model.values import Invalid
from tests.model.checks.changes import APPS, Change, _cell

CASES: list[tuple[str, Change, str, Location]] = [
    (
        "a row's 总计 typed wrong",
        _cell(APPS, "new_received", "total", 10),
        "ROW_TOTAL",
        Location(APPS, "new_received", "total"),
    ),
    (
        "a table 4 group's 总计 typed wrong",
        _cell("review_litigation", "review", "total", 3),
        "ROW_TOTAL",
        Location("review_litigation", "review", "total"),
    ),
    (
        "（七）总计 typed wrong",
        _cell(APPS, "results_total", "natural_person", 99),
        "RESULTS_TOTAL",
        Location(APPS, "results_total", "natural_person"),
    ),
    (
        "one more application answered than received",
        _cell(APPS, "disclosed", "research", 1),
        "BALANCE",
        Location(APPS, "carried_forward", "research"),
    ),
    (
        "a negative count",
        _cell("active_disclosure", "administrative_license", "decisions", -1),
        "NEGATIVE",
        Location("active_disclosure", "administrative_license", "decisions"),
    ),
    (
        "a word in a count cell",
        _cell(APPS, "disclosed", "natural_person", Invalid("五")),
        "NOT_INTEGER",
        Location(APPS, "disclosed", "natural_person"),
    ),
    (
        "a fraction in a count cell",
        _cell(APPS, "disclosed", "natural_person", Invalid("2.5")),
        "NOT_INTEGER",
        Location(APPS, "disclosed", "natural_person"),
    ),
    (
        "a word in the fee",
        _cell("active_disclosure", "administrative_fees", "amount", Invalid("无")),
        "NOT_NUMBER",
        Location("active_disclosure", "administrative_fees", "amount"),
    ),
]


@pytest.mark.parametrize(("scenario", "change", "code", "location"), CASES, ids=[c[0] for c in CASES])
def test_one_change_gives_the_finding_at_its_location(
    report: Report, scenario: str, change: Change, code: str, location: Location
) -> None:
    change(report)
    findings = check(report)
    assert (code, location) in {(f.code, f.location) for f in findings}, findings


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_every_message_is_chinese_and_names_something(report: Report, case: tuple[str, Change, str, Location]) -> None:
    _, change, _, _ = case
    change(report)
    for finding in check(report):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in finding.message)
        assert finding.severity in (Severity.ERROR, Severity.WARNING)


def test_balance_message_names_column_rows_and_numbers(report: Report) -> None:
    report.set_cell(APPS, "new_received", "natural_person", 42)  # 一 42 + 二 1 = 43
    report.set_cell(APPS, "disclosed", "natural_person", 39)  # 三（七） 39+1+1 = 41, + 四 1 = 42
    (balance,) = [f for f in check(report) if f.code == "BALANCE" and f.location.column == "natural_person"]
    assert balance.message == "三、收到和处理政府信息公开申请情况：自然人列 一+二=43，三（七）+四=42，相差1"


def test_row_total_message_gives_both_numbers(report: Report) -> None:
    report.set_cell(APPS, "new_received", "total", 10)
    (finding,) = [f for f in check(report) if f.code == "ROW_TOTAL"]
    assert "10" in finding.message and "9" in finding.message and "相差1" in finding.message

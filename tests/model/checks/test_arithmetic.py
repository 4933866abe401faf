"""model/checks/arithmetic.py: totals, balances, values — one change, the finding at its location."""

from __future__ import annotations

from model.checks import check
from model.findings import Location, Severity
from model.report import Report
from model.values import Invalid
from tests.factories import RESULT_ROWS, store_totals
from tests.model.checks.changes import APPS, Case, _cell, case_tests

CASES: list[Case] = [
    Case(
        "a row's 总计 typed wrong",
        _cell(APPS, "new_received", "total", 10),
        "ROW_TOTAL",
        Location(APPS, "new_received", "total"),
    ),
    Case(
        "a table 4 group's 总计 typed wrong",
        _cell("review_litigation", "review", "total", 3),
        "ROW_TOTAL",
        Location("review_litigation", "review", "total"),
    ),
    Case(
        "（七）总计 typed wrong",
        _cell(APPS, "results_total", "natural_person", 99),
        "RESULTS_TOTAL",
        Location(APPS, "results_total", "natural_person"),
    ),
    Case(
        "one more application answered than received",
        _cell(APPS, "disclosed", "research", 1),
        "BALANCE",
        Location(APPS, "carried_forward", "research"),
    ),
    Case(
        "a negative count",
        _cell("active_disclosure", "administrative_license", "decisions", -1),
        "NEGATIVE",
        Location("active_disclosure", "administrative_license", "decisions"),
    ),
    Case(
        "a word in a count cell",
        _cell(APPS, "disclosed", "natural_person", Invalid("五")),
        "NOT_INTEGER",
        Location(APPS, "disclosed", "natural_person"),
    ),
    Case(
        "a fraction in a count cell",
        _cell(APPS, "disclosed", "natural_person", Invalid("2.5")),
        "NOT_INTEGER",
        Location(APPS, "disclosed", "natural_person"),
    ),
    Case(
        "a word in the fee",
        _cell("active_disclosure", "administrative_fees", "amount", Invalid("无")),
        "NOT_NUMBER",
        Location("active_disclosure", "administrative_fees", "amount"),
    ),
]


test_one_change_gives_the_finding_at_its_location, test_every_message_is_chinese_and_names_something = case_tests(CASES)


def test_balance_message_names_column_rows_and_numbers(report: Report) -> None:
    report.set_cell(APPS, "new_received", "natural_person", 42)  # 一 42 + 二 1 = 43
    report.set_cell(APPS, "disclosed", "natural_person", 39)  # 三（七） 39+1+1 = 41, + 四 1 = 42
    (balance,) = [f for f in check(report) if f.code == "BALANCE" and f.location.column == "natural_person"]
    assert balance.message == "三、收到和处理政府信息公开申请情况：自然人列 一+二=43，三（七）+四=42，相差1"


def test_row_total_message_gives_both_numbers(report: Report) -> None:
    report.set_cell(APPS, "new_received", "total", 10)
    (finding,) = [f for f in check(report) if f.code == "ROW_TOTAL"]
    assert "10" in finding.message and "9" in finding.message and "相差1" in finding.message


def test_a_wrong_corner_cell_is_one_results_total(report: Report) -> None:
    store_totals(report)
    report.set_cell(APPS, "results_total", "total", 8)  # its row and its column both add up to 9
    findings = [f for f in check(report) if f.severity is Severity.ERROR]
    assert [(f.code, f.location) for f in findings] == [("RESULTS_TOTAL", Location(APPS, "results_total", "total"))]


def test_the_corner_gives_row_total_when_its_own_row_does_not_add_up() -> None:
    """Only totals filled in, as in seed 004: the 总计 column's results give 4, （七）'s own cells 3."""
    report = Report()
    for column in ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org"):
        report.set_cell(APPS, "results_total", column, 3 if column == "natural_person" else 0)
    for row in RESULT_ROWS:
        report.set_cell(APPS, row, "total", 4 if row == "disclosed" else 0)
    report.set_cell(APPS, "results_total", "total", 4)
    corner = Location(APPS, "results_total", "total")
    assert {f.code for f in check(report) if f.location == corner} == {"ROW_TOTAL"}
    report.set_cell(APPS, "results_total", "total", 5)  # now wrong both ways: one finding
    assert {f.code for f in check(report) if f.location == corner} == {"RESULTS_TOTAL"}


def test_arithmetic_findings_cite_the_table_clause(report: Report) -> None:
    report.set_cell(APPS, "new_received", "total", 10)
    (finding,) = [f for f in check(report) if f.code == "ROW_TOTAL"]
    assert finding.basis == "国办公开办函〔2021〕30号 一（三）"

"""Every finding code: a consistent report, one change, the finding expected at its location."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from model.checks import Severity, check, count_by_severity
from model.findings import Location
from model.report import Previous, Report, Subsection
from model.values import Invalid
from tests.factories import consistent_report

Change = Callable[[Report], None]


def _cell(table: str, row: str, column: str, value: object) -> Change:
    return lambda r: r.set_cell(table, row, column, value)  # type: ignore[arg-type]


def _meta(**values: object) -> Change:
    def change(r: Report) -> None:
        for key, value in values.items():
            setattr(r.meta, key, value)

    return change


def _text(section: str, text: str) -> Change:
    def change(r: Report) -> None:
        r.narrative.section(section).intro = text

    return change


def _previous(**values: object) -> Change:
    def change(r: Report) -> None:
        r.previous = Previous(year=2023, **values)  # type: ignore[arg-type]

    return change


def _clear_other(r: Report) -> None:
    r.narrative.section("other").intro = ""
    r.narrative.section("other").subsections = []


APPS = "applications"
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
    ("no agency", _meta(agency=" "), "MISSING", Location(field="meta.agency")),
    ("no year", _meta(year=None), "MISSING", Location(field="meta.year")),
    ("no issue date", _meta(issue_date=None), "MISSING", Location(field="meta.issue_date")),
    (
        "a cell not filled in",
        _cell(APPS, "withheld_state_secret", "legal_service", None),
        "MISSING",
        Location(APPS, "withheld_state_secret", "legal_service"),
    ),
    (
        "last year's carry-forward differs",
        _previous(carried_forward={"natural_person": 2}),
        "CARRY_OVER",
        Location(APPS, "carried_over", "natural_person"),
    ),
    (
        "in force does not follow from last year",
        _previous(in_force={"normative_documents": 1}),
        "IN_FORCE_DRIFT",
        Location("active_disclosure", "normative_documents", "in_force"),
    ),
    ("issued after 31 January", _meta(issue_date=date(2025, 2, 1)), "DATE_LATE", Location(field="meta.issue_date")),
    (
        "issued in the report year",
        _meta(issue_date=date(2024, 12, 31)),
        "DATE_EARLY",
        Location(field="meta.issue_date"),
    ),
    ("六 silent on the fee", _text("other", "无。"), "FEE_NOT_STATED", Location(field="narrative.other.intro")),
    ("六 empty", _clear_other, "EMPTY_SECTION", Location(field="narrative.other.intro")),
    (
        "text says none received, table says 9",
        _text("overview", "本年度，本局未收到政府信息公开的申请。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "text says 12 received, table says 9",
        _text("overview", "全年共收到政府信息公开申请12件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "text says no review, table has one",
        _text("overview", "本年度未发生政府信息公开行政复议、行政诉讼案件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "text counts two lawsuits, table none",
        _text("overview", "本年度发生政府信息公开行政诉讼2件。"),
        "TEXT_TABLE_MISMATCH",
        Location(field="narrative.overview.intro"),
    ),
    (
        "an outlook dated with the report year",
        _text("problems", "2024年，我局将以区委、区政府重大决策部署为重点。"),
        "YEAR_IN_OUTLOOK",
        Location(field="narrative.problems.intro"),
    ),
    (
        "an imported row label differs",
        lambda r: r.imported_labels.update({APPS: {"withheld_prohibited_by_law": "2.其他法律法规禁止公开"}}),
        "LABEL_MISMATCH",
        Location(APPS, "withheld_prohibited_by_law"),
    ),
]


def test_consistent_report_has_no_findings(report: Report) -> None:
    assert check(report) == []


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
    assert check(report) == []
    report.meta.issue_date = date(2025, 4, 1)
    assert [f.code for f in check(report)] == ["DATE_LATE"]


def test_township_has_no_deadline(report: Report) -> None:
    report.meta.agency_kind = "township"
    report.meta.issue_date = date(2025, 6, 30)
    assert check(report) == []


def test_fee_mentioned_in_a_subsection_counts(report: Report) -> None:
    report.narrative.section("other").intro = ""
    report.narrative.section("other").subsections = [Subsection("信息处理费收取情况", "本年度未收取处理费。")]
    assert check(report) == []


def test_text_agreeing_with_tables_passes(report: Report) -> None:
    report.narrative.section(
        "overview"
    ).intro = "全年共收到政府信息公开申请九件。本年度发生行政复议1件，未发生行政诉讼。"
    assert check(report) == []


def test_last_year_report_overrides_recorded_previous(report: Report) -> None:
    last = consistent_report()
    last.meta.year = 2023
    last.set_cell(APPS, "carried_forward", "natural_person", 3)
    codes = {f.code for f in check(report, last)}
    assert "CARRY_OVER" in codes


def test_errors_come_before_warnings_and_counts_skip_reviewed(report: Report) -> None:
    report.narrative.section("other").intro = "无。"
    report.set_cell(APPS, "new_received", "total", 1)
    findings = check(report)
    assert [f.severity for f in findings] == [Severity.ERROR, Severity.WARNING]
    assert count_by_severity(findings) == (1, 1)
    assert count_by_severity([findings[0], findings[1].with_review("已核实")]) == (1, 0)


def test_fee_amount_is_exact(report: Report) -> None:
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("0.1") + Decimal("0.2"))
    assert report.value("active_disclosure", "administrative_fees", "amount") == Decimal("0.3")

"""The checker: a pure function from a report (and last year's figures) to a list of findings.

Each rule is a small function returning findings; `check` runs them all and marks the warnings a
person has reviewed (model.reviews). Nothing here raises for bad user input: a bad value is a finding.
"""

from __future__ import annotations

from collections.abc import Callable

from model.carry import previous_from_report
from model.checks.arithmetic import check_balance, check_totals, check_values
from model.checks.completeness import check_dates, check_empty_sections, check_missing_cells, check_required_meta
from model.checks.crossyear import check_carry_over, check_in_force
from model.checks.fees import check_fee_notices, check_fee_stated
from model.checks.text import (
    check_imported_labels,
    check_outlook_year,
    check_text_against_tables,
)
from model.findings import Finding, Severity
from model.report import Previous, Report
from model.reviews import apply_reviews

Rule = Callable[[Report], list[Finding]]
CrossYearRule = Callable[[Report, Previous | None], list[Finding]]

RULES: tuple[Rule, ...] = (
    check_required_meta,
    check_dates,
    check_values,
    check_missing_cells,
    check_totals,
    check_balance,
    check_empty_sections,
    check_fee_stated,
    check_fee_notices,
    check_text_against_tables,
    check_outlook_year,
    check_imported_labels,
)
CROSS_YEAR_RULES: tuple[CrossYearRule, ...] = (check_carry_over, check_in_force)


def check(report: Report, last_year: Report | None = None) -> list[Finding]:
    """All findings, errors first, with `reviewed` set where a still-valid review covers a warning.

    `last_year` overrides the figures recorded in `report.previous`.
    """
    previous = previous_from_report(last_year) if last_year is not None else report.previous
    findings = [f for rule in RULES for f in rule(report)]
    findings += [f for rule in CROSS_YEAR_RULES for f in rule(report, previous)]
    findings.sort(key=lambda f: f.severity is not Severity.ERROR)
    return apply_reviews(report, findings)


def count_by_severity(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings), not counting warnings a person has reviewed."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING and f.reviewed is None)
    return errors, warnings


__all__ = ["CROSS_YEAR_RULES", "RULES", "check", "count_by_severity"]

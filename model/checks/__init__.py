"""The checker: a pure function from a report (and last year's figures) to a list of findings.

Each rule is a small function returning findings; `check` runs them all and marks the warnings a
person has reviewed (model.reviews). Nothing here raises for bad user input: a bad value is a finding.
"""

from __future__ import annotations

from collections.abc import Callable

from model.carry import previous_from_report
from model.checks.arithmetic import check_balance, check_totals, check_values
from model.checks.characters import check_unstorable_text
from model.checks.completeness import check_dates, check_empty_sections, check_missing_cells, check_required_meta
from model.checks.content import check_content, check_empty_subsections, check_overview_length
from model.checks.copied import check_copied
from model.checks.crossyear import check_carry_over, check_in_force
from model.checks.fees import check_fee_notices, check_fee_stated
from model.checks.headings import check_headings
from model.checks.imported import check_import_notes
from model.checks.kind import check_kind
from model.checks.statements import check_statements
from model.checks.text import (
    check_imported_labels,
    check_text_against_tables,
)
from model.checks.texts import texts_walked_once
from model.checks.years import check_old_format_cited, check_outlook_year, check_years
from model.findings import Finding, Severity
from model.report import Previous, Report
from model.reviews import apply_reviews
from model.rules import NATIONAL, Rules

Rule = Callable[[Report], list[Finding]]
CrossYearRule = Callable[[Report, Previous | None], list[Finding]]
TunedRule = Callable[[Report, Rules], list[Finding]]  # a rule with a threshold or items local rules set

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
    check_statements,
    check_outlook_year,
    check_years,
    check_old_format_cited,
    check_empty_subsections,
    check_kind,
    check_imported_labels,
    check_unstorable_text,
    check_import_notes,
    check_headings,
)
CROSS_YEAR_RULES: tuple[CrossYearRule, ...] = (check_carry_over, check_in_force)
TUNED_RULES: tuple[TunedRule, ...] = (check_overview_length, check_content)


def check(report: Report, last_year: Report | None = None, rules: Rules = NATIONAL) -> list[Finding]:
    """All findings, errors first, with `reviewed` set where a still-valid review covers a warning.

    `last_year` overrides the figures recorded in `report.previous`; `rules` are the national
    rules unless a local rules file says otherwise (model.rules.load_rules).
    """
    previous = previous_from_report(last_year) if last_year is not None else report.previous
    with texts_walked_once(report):
        findings = [f for rule in RULES for f in rule(report)]
        findings += [f for rule in CROSS_YEAR_RULES for f in rule(report, previous)]
        findings += [f for rule in TUNED_RULES for f in rule(report, rules)]
        findings += check_copied(report, previous, rules)
    findings = rules.apply(list(dict.fromkeys(findings)))  # a text saying one wrong thing twice: one finding
    findings.sort(key=lambda f: f.severity is not Severity.ERROR)
    return apply_reviews(report, findings)


def count_by_severity(findings: list[Finding]) -> tuple[int, int]:
    """(errors, warnings), not counting warnings a person has reviewed."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING and f.reviewed is None)
    return errors, warnings


__all__ = ["CROSS_YEAR_RULES", "RULES", "TUNED_RULES", "check", "count_by_severity"]

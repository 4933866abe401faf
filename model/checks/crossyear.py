"""Rules across years: this year's 上年结转 and 现行有效件数 against last year's report."""

from __future__ import annotations

from model.checks.basis import format_clause
from model.findings import Finding, cell, error, warning
from model.report import Previous, Report
from model.template import column_title, row_short
from model.values import Invalid, format_value


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, Invalid) else None


def check_carry_over(report: Report, previous: Previous | None) -> list[Finding]:
    """CARRY_OVER: this year's 二、上年结转 must equal last year's 四、结转下年度, column by column."""
    if previous is None:
        return []
    roles = report.template.roles
    table_id, row_id = roles.carry_to
    table = report.template.table(table_id)
    heading = report.template.section(table_id).heading
    last_row = report.template.table(roles.carry_from[0]).row(roles.carry_from[1])
    findings = []
    for column in table.block_of(row_id).columns:
        this_year = report.value(table_id, row_id, column.id)
        last_year = _number(previous.carried_forward.get(column.id))
        if this_year is None or last_year is None or this_year == last_year:
            continue
        year = f"{previous.year}年" if previous.year else "上年"
        message = (
            f"{heading}：{column_title(column)}列 {row_short(table.row(row_id))}、上年结转为{format_value(this_year)}，"
            f"但{year}报告的{row_short(last_row)}、结转下年度为{last_year}"
        )
        basis = format_clause(report.template, table_id)
        findings.append(error("CARRY_OVER", cell(table_id, row_id, column.id), message, basis=basis))
    return findings


def check_in_force(report: Report, previous: Previous | None) -> list[Finding]:
    """IN_FORCE_DRIFT: 现行有效件数 should be last year's + 本年制发 − 本年废止."""
    if previous is None:
        return []
    role = report.template.roles.in_force
    table_id, in_force, issued, repealed = role.table, role.in_force, role.issued, role.repealed
    table = report.template.table(table_id)
    heading = report.template.section(table_id).heading
    findings = []
    for row_id in role.rows:
        values = [report.value(table_id, row_id, c) for c in (in_force, issued, repealed)]
        last = _number(previous.in_force.get(row_id))
        if last is None or any(v is None for v in values):
            continue
        now, new, gone = (int(v) for v in values if v is not None)
        expected = last + new - gone
        if now == expected:
            continue
        block = table.block_of(row_id)
        message = (
            f"{heading}：{table.row(row_id).label}的{block.column(in_force).label}为{now}，"
            f"按上年{last}件+{block.column(issued).label}{new}件−{block.column(repealed).label}{gone}件应为{expected}件"
        )
        related = (cell(table_id, row_id, issued), cell(table_id, row_id, repealed))
        basis = format_clause(report.template, table_id)
        findings.append(warning("IN_FORCE_DRIFT", cell(table_id, row_id, in_force), message, related, basis))
    return findings

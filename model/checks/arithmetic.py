"""Rules on the numbers themselves: valid values, totals and the 勾稽关系 balance."""

from __future__ import annotations

from collections.abc import Iterable

from model.checks.basis import format_clause
from model.findings import Finding, cell, error
from model.report import Number, Report
from model.template import CellKind, ColumnSpec, RowSpec, TableSpec, column_title, row_short, row_title
from model.values import MAX_AMOUNT_DIGITS, MAX_EXACT_COUNT, Invalid, beyond_exact, format_value


def _heading(report: Report, table: TableSpec) -> str:
    return report.template.section(table.id).heading


_INVALID_CODES = {CellKind.AMOUNT: "NOT_NUMBER", CellKind.COUNT: "NOT_INTEGER"}


def check_values(report: Report) -> list[Finding]:
    """NEGATIVE for numbers below zero; NOT_INTEGER / NOT_NUMBER for what is no valid number."""
    findings = []
    for table in report.template.tables:
        values = report.tables[table.id]
        for row_id, row_values in values.items():
            block = table.block_of(row_id)
            for column_id, value in row_values.items():
                if value is None or (not isinstance(value, Invalid) and value >= 0):
                    continue
                where = (
                    f"{_heading(report, table)}：{row_title(table.row(row_id))} {column_title(block.column(column_id))}"
                )
                location = cell(table.id, row_id, column_id)
                basis = format_clause(report.template, table.id)
                if isinstance(value, Invalid):
                    kind = block.column(column_id).kind
                    if beyond_exact(value.raw, kind):  # kept as written, never rounded (docs/file-format.md)
                        limit = (
                            f"最多 {MAX_AMOUNT_DIGITS} 位有效数字"
                            if kind is CellKind.AMOUNT
                            else f"最大 {MAX_EXACT_COUNT}"
                        )
                        message = f"{where}：“{value.raw[:40]}”超出可精确保存的范围（{limit}）"
                        findings.append(error(_INVALID_CODES[kind], location, message, basis=basis))
                    elif kind is CellKind.AMOUNT:
                        message = f"{where}：“{value.raw}”不是有效金额"
                        findings.append(error("NOT_NUMBER", location, message, basis=basis))
                    else:
                        message = f"{where}：“{value.raw}”不是整数"
                        findings.append(error("NOT_INTEGER", location, message, basis=basis))
                else:
                    message = f"{where}：不能为负数（{format_value(value)}）"
                    findings.append(error("NEGATIVE", location, message, basis=basis))
    return findings


def _sum_of(values: Iterable[Number | None]) -> Number | None:
    total: Number = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def _gap(a: Number, b: Number) -> Number:
    gap: Number = a - b if a >= b else b - a
    return gap


def _declared(report: Report, table_id: str, row_id: str, column_id: str) -> Number | None:
    value = report.stored(table_id, row_id, column_id)
    return None if isinstance(value, Invalid) else value


def _row_sum(report: Report, table: TableSpec, row: RowSpec, column: ColumnSpec) -> Number | None:
    """The sum of the cells a 总计 column adds up in this row."""
    return _sum_of(report.value(table.id, row.id, p) for p in column.parts)


def _column_sum(report: Report, table: TableSpec, row: RowSpec, column: ColumnSpec) -> Number | None:
    """The sum of the cells a 总计 row adds up in this column."""
    return _sum_of(report.value(table.id, p, column.id) for p in row.parts)


def _column_totals(report: Report, table: TableSpec) -> list[Finding]:
    findings = []
    basis = format_clause(report.template, table.id)
    for block in table.blocks:
        for column in (c for c in block.columns if c.is_total):
            for row in block.rows:
                declared = _declared(report, table.id, row.id, column.id)
                if declared is None:
                    continue
                expected = _row_sum(report, table, row, column)
                if expected is None or expected == declared:
                    continue
                # The corner （七）总计 × 总计 that differs from its column is RESULTS_TOTAL's, once.
                if row.is_total and _column_sum(report, table, row, column) not in (None, declared):
                    continue
                message = (
                    f"{_heading(report, table)}：{row_title(row)}的{column_title(column)}为{format_value(declared)}，"
                    f"各项之和为{format_value(expected)}，相差{format_value(_gap(declared, expected))}"
                )
                related = tuple(cell(table.id, row.id, p) for p in column.parts)
                findings.append(error("ROW_TOTAL", cell(table.id, row.id, column.id), message, related, basis))
    return findings


def _row_totals(report: Report, table: TableSpec) -> list[Finding]:
    findings = []
    basis = format_clause(report.template, table.id)
    for block in table.blocks:
        for row in (r for r in block.rows if r.is_total):
            for column in block.columns:
                declared = _declared(report, table.id, row.id, column.id)
                if declared is None:
                    continue
                expected = _column_sum(report, table, row, column)
                if expected is None or expected == declared:
                    continue
                message = (
                    f"{_heading(report, table)}：{column_title(column)}列 {row_short(row)}为{format_value(declared)}，"
                    f"各项办理结果之和为{format_value(expected)}，相差{format_value(_gap(declared, expected))}"
                )
                related = tuple(cell(table.id, p, column.id) for p in row.parts)
                findings.append(error("RESULTS_TOTAL", cell(table.id, row.id, column.id), message, related, basis))
    return findings


def check_totals(report: Report) -> list[Finding]:
    """ROW_TOTAL for a 总计 column that differs from its row; RESULTS_TOTAL for （七）总计.

    At the corner （七）总计 × 总计 a wrong value is one mistake: RESULTS_TOTAL when it differs from
    the 总计 column's results, ROW_TOTAL only when it agrees with them but not with its own row.
    """
    findings = []
    for table in report.template.tables:
        findings += _column_totals(report, table)
        findings += _row_totals(report, table)
    return findings


def _side(report: Report, table: TableSpec, rows: tuple[RowSpec, ...], column_id: str) -> Number | None:
    return _sum_of(report.value(table.id, r.id, column_id) for r in rows)


def check_balance(report: Report) -> list[Finding]:
    """BALANCE: in every column 一 + 二 = 三（七） + 四 (the statutory 勾稽关系)."""
    findings = []
    for table in report.template.tables:
        for balance in table.balances:
            left = tuple(table.row(r) for r in balance.left)
            right = tuple(table.row(r) for r in balance.right)
            block = table.block_of(balance.left[0])
            for column in block.columns:
                a = _side(report, table, left, column.id)
                b = _side(report, table, right, column.id)
                if a is None or b is None or a == b:
                    continue
                message = (
                    f"{_heading(report, table)}：{column_title(column)}列 {'+'.join(row_short(r) for r in left)}={format_value(a)}，"
                    f"{'+'.join(row_short(r) for r in right)}={format_value(b)}，相差{format_value(_gap(a, b))}"
                )
                locations = [cell(table.id, r.id, column.id) for r in (*left, *right)]
                basis = format_clause(report.template, table.id)  # the table's own 勾稽关系 note
                findings.append(error("BALANCE", locations[-1], message, tuple(locations[:-1]), basis))
    return findings

"""How far a table has been filled in: the window shows “还有 175 格未填” for a table nobody has
started, instead of one error per row."""

from __future__ import annotations

from model.report import Report


def fillable_cells(report: Report, table_id: str) -> list[tuple[str, str]]:
    """(row id, column id) of the cells a person fills in: every cell but the computed totals."""
    table = report.template.table(table_id)
    totals = table.total_parts
    return [(row.id, column.id) for row, column in table.cells() if (row.id, column.id) not in totals]


def unfilled_count(report: Report, table_id: str) -> int:
    """How many of the table's fillable cells hold nothing yet."""
    return sum(report.stored(table_id, *ref) is None for ref in fillable_cells(report, table_id))


def untouched(report: Report, table_id: str) -> bool:
    """Nothing stored in the table at all, not even a total: nobody has started it."""
    return not report.tables.get(table_id)

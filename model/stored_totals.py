"""Totals a file holds as typed (an imported document, an old report): which of them the parts now
decide. Pure functions; the window replaces such a total with the computed sum in the same undo step
as the typing that completed its parts, so a stored 0 never stands against a computed 5."""

from __future__ import annotations

from model.report import Report


def stored_totals(report: Report, table_id: str) -> list[tuple[str, str]]:
    """(row id, column id) of every total cell of the table that holds a typed value."""
    table = report.template.table(table_id)
    return [ref for ref in table.total_parts if report.stored(table_id, *ref) is not None]


def superseded_totals(report: Report, table_id: str) -> list[tuple[str, str]]:
    """Stored totals whose parts are all filled in now: the sum of the parts takes their place."""
    return [ref for ref in stored_totals(report, table_id) if report.computed(table_id, *ref) is not None]

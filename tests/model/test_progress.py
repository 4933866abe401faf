"""model/progress.py: how much of a table is still to fill in, and whether anybody started it."""

from __future__ import annotations

from model.progress import fillable_cells, unfilled_count, untouched
from model.report import Meta, Report
from tests.factories import consistent_report


def test_a_blank_table_counts_every_cell_but_the_totals() -> None:
    report = Report(meta=Meta(year=2025))
    table = report.template.table("applications")
    totals = set(table.total_parts)
    cells = fillable_cells(report, "applications")
    assert cells and not totals & set(cells)
    assert len(cells) + len(totals) == len(list(table.cells()))
    assert unfilled_count(report, "applications") == len(cells)
    assert untouched(report, "applications")
    report.set_cell("applications", *cells[0], 0)
    assert unfilled_count(report, "applications") == len(cells) - 1
    assert not untouched(report, "applications")


def test_a_filled_report_has_nothing_left() -> None:
    report = consistent_report()
    assert all(unfilled_count(report, t.id) == 0 and not untouched(report, t.id) for t in report.template.tables)

"""Starting next year's report from last year's: carry-overs filled in, narrative kept as a draft."""

from __future__ import annotations

import copy

from model.checks.crossyear import CARRY_TO, IN_FORCE, previous_from_report
from model.report import Meta, Report


def start_next_year(last: Report) -> Report:
    """A new report for the year after `last`, with 二、上年结转 and `previous` filled in from it."""
    year = last.meta.year + 1 if last.meta.year is not None else None
    report = Report(
        meta=Meta(
            agency=last.meta.agency,
            agency_kind=last.meta.agency_kind,
            year=year,
            signatory=last.meta.signatory,
            contact=last.meta.contact,
        ),
        narrative=copy.deepcopy(last.narrative),
        template=last.template,
    )
    report.previous = previous_from_report(last)
    table_id, row_id = CARRY_TO
    for column_id, value in report.previous.carried_forward.items():
        if value is not None:
            report.set_cell(table_id, row_id, column_id, value)
    # 现行有效件数 starts from last year's; the IN_FORCE_DRIFT check keeps it honest.
    table_id, in_force_column, _, _ = IN_FORCE
    for row_id, value in report.previous.in_force.items():
        if value is not None:
            report.set_cell(table_id, row_id, in_force_column, value)
    return report

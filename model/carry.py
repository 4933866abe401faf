"""From one year's report to the next: what next year's checks need from it (`previous_from_report`),
and next year's report started from it, carry-overs filled in and the narrative kept as a draft."""

from __future__ import annotations

import copy

from model.fingerprints import fingerprints
from model.report import Meta, MetaValue, NarrativeSection, Previous, Report
from model.template import Carry, MetaFieldSpec


def _carried(spec: MetaFieldSpec, value: MetaValue) -> MetaValue:
    if spec.carry is Carry.NEXT_YEAR:
        return value + 1 if isinstance(value, int) else None
    return value if spec.carry is Carry.SAME else None


def _section_texts(section: NarrativeSection) -> list[str]:
    return [section.intro, *(s.text for s in section.subsections)]


def previous_from_report(last: Report) -> Previous:
    """What the cross-year checks need from last year's report: its carry-forward, its in-force
    counts and the fingerprints of the sentences of 一 and 五 (the parts 30号 forbids repeating)."""
    roles = last.template.roles
    table, row = roles.carry_from
    columns = last.template.table(table).block_of(row).columns
    in_force = roles.in_force
    compared = (roles.overview, roles.problems)
    return Previous(
        year=last.meta.year,
        carried_forward={c.id: last.value(table, row, c.id) for c in columns},
        in_force={r: last.value(in_force.table, r, in_force.in_force) for r in in_force.rows},
        sentences={s: fingerprints(_section_texts(last.narrative.section(s))) for s in compared},
    )


def start_next_year(last: Report) -> Report:
    """A new report for the year after `last`, with 二、上年结转 and `previous` filled in from it."""
    template = last.template
    report = Report(
        meta=Meta({spec.id: _carried(spec, last.meta.get(spec.id)) for spec in template.meta_fields}),
        narrative=copy.deepcopy(last.narrative),
        # Sentences written from last year's tables follow this year's once they are filled in.
        sentence_links=copy.deepcopy(last.sentence_links),
        template=template,
    )
    report.previous = previous_from_report(last)
    table_id, row_id = template.roles.carry_to
    for column_id, value in report.previous.carried_forward.items():
        if value is not None:
            report.set_cell(table_id, row_id, column_id, value)
    # 现行有效件数 starts from last year's; the IN_FORCE_DRIFT check keeps it honest.
    in_force = template.roles.in_force
    for row_id, value in report.previous.in_force.items():
        if value is not None:
            report.set_cell(in_force.table, row_id, in_force.in_force, value)
    return report

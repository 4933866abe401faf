"""KIND_MISMATCH: figures or text that the agency's kind (机关类型) cannot have."""

from __future__ import annotations

from model.checks.basis import GOVERNMENT_CONTENT, LEGISLATION
from model.checks.texts import listed, without_spaces
from model.field_paths import meta_path
from model.findings import Finding, cell, field_at, warning
from model.report import Report
from model.template import MetaId


def _regulations(report: Report) -> list[Finding]:
    """A kind that makes no 规章 (乡镇、街道) reporting some: one finding, at the first such figure."""
    template = report.template
    kind = template.agency_kind(report.meta.agency_kind)
    if kind.makes_regulations:
        return []
    role = template.roles.in_force
    row_id = template.roles.regulations
    table = template.table(role.table)
    block = table.block_of(row_id)
    for column in block.columns:
        value = report.value(role.table, row_id, column.id)
        if value is not None and value > 0:
            message = (
                f"{template.section(role.table).heading}：{kind.label}不制定规章，"
                f"但“{table.row(row_id).label}”的{column.label}为{value}"
            )
            return [warning("KIND_MISMATCH", cell(role.table, row_id, column.id), message, basis=LEGISLATION)]
    return []


def _reports_as_another_kind(report: Report) -> list[Finding]:
    """Informational: a report whose kind need not report 工作考核、社会评议和责任追究 naming all three,
    as a government's does — is 机关类型 right (it sets the deadline and what 一 must cover)?"""
    template = report.template
    kind = template.agency_kind(report.meta.agency_kind)
    if kind.must_report:
        return []
    overview = template.section(template.roles.overview)
    text = without_spaces(report.narrative.section(overview.id).full_text())
    for other in template.agency_kinds:
        if other.must_report and all(item in text for item in other.must_report):
            field = template.meta_field(MetaId.AGENCY_KIND)
            message = (
                f"{template.meta_title}：{overview.heading}报告了{listed(other.must_report)}结果情况，这是{other.label}报告的内容；"
                f"{field.label}是否应为“{other.label}”（现为“{kind.label}”）？"
            )
            return [warning("KIND_MISMATCH", field_at(meta_path(field.id)), message, basis=GOVERNMENT_CONTENT)]
    return []


def check_kind(report: Report) -> list[Finding]:
    """KIND_MISMATCH: a township or street office reporting 规章; a department's 总体情况 reporting
    工作考核、社会评议和责任追究 as a government's does."""
    if report.meta.agency_kind not in {k.id for k in report.template.agency_kinds}:
        return []
    return _regulations(report) + _reports_as_another_kind(report)

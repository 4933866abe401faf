"""Rules on what reading a typed document could not settle (Report.import_notes, written by the importers)."""

from __future__ import annotations

from model.field_paths import meta_path
from model.findings import COMMON_PROBLEM, Finding, Location, error, field_at
from model.report import ImportNote, Report
from model.template import MetaId, Template


def _unreadable(template: Template, note: ImportNote) -> Finding:
    heading = template.section(note.part).heading
    message = (
        f"{heading}：表格的样式无法与法定表格对应，本表的数字均未读取（{note.reason}），请按法定格式整理后重新导入"
    )
    return error("TABLE_UNREADABLE", Location(table=note.part), message, basis=COMMON_PROBLEM)


def _old_format(template: Template, note: ImportNote) -> Finding:
    old = template.superseded[0]
    if not note.part:
        message = (
            f"报告年度为{note.found}年，适用{old.basis}规定的旧格式；本程序按{template.basis}检查，"
            f"{old.last_year}年及以前的报告请勿按新格式导入"
        )
        return error("OLD_FORMAT", field_at(meta_path(MetaId.YEAR)), message, basis=template.basis)
    heading = template.section(note.part).heading
    message = (
        f"{heading}：表格是{old.basis}规定的旧格式（有“{note.found}”），与{template.basis}的表格不同，"
        f"本表的数字均未读取，请按新格式填写"
    )
    return error("OLD_FORMAT", Location(table=note.part), message, basis=template.basis)


def check_import_notes(report: Report) -> list[Finding]:
    """TABLE_UNREADABLE and OLD_FORMAT: a table of an imported document none of whose numbers was read."""
    template = report.template
    tables = {t.id for t in template.tables}
    findings = []
    for note in report.import_notes:
        if note.kind == "unreadable" and note.part in tables:
            findings.append(_unreadable(template, note))
        elif note.kind == "old_format" and template.superseded and (not note.part or note.part in tables):
            findings.append(_old_format(template, note))
    return findings

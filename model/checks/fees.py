"""Rules on the 信息处理费: section 六 states it in words (the fee field, filled in, gives the words),
and says so when applications were dropped for an unpaid fee notice (table 三 （六）2), unless the fee
field states the fee."""

from __future__ import annotations

import re

from model.field_paths import intro_path
from model.findings import Finding, cell, field_at, warning
from model.report import Report
from model.sentences import part_text, standard_sentences
from model.template import Template, row_title

REGULATION = "《中华人民共和国政府信息公开条例》第四十二条"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
# Saying that nothing was charged is a statement too: 未收取、未发生收费、无收费、不收取、没有产生…费.
_NOTHING_CHARGED = re.compile(
    r"(?:未|无|不|没有)(?:发生|产生)?(?:收取|收费)|(?:未|没有)(?:发生|产生)[^。；;\n]{0,8}?费"
)
# Fees that were charged, or notices of them sent: 收费通知, 收取…费 (not 未收取).
_CHARGED = re.compile(r"收费通知|(?<![未无不没])收取[^。；;\n]{0,12}?费")


def _fee_words(template: Template) -> tuple[str, ...]:
    """The fee's name and its short form (信息处理费, 处理费)."""
    label = template.fee.label
    return (label, label[-3:])


def states_fee(template: Template, text: str) -> bool:
    """The text says something about the 信息处理费, be it only that none was charged."""
    return any(word in text for word in _fee_words(template)) or _NOTHING_CHARGED.search(text) is not None


def _section_text(report: Report) -> str:
    return report.narrative.section(report.template.roles.fee_section).full_text()


def check_fee_stated(report: Report) -> list[Finding]:
    """FEE_NOT_STATED: section 六 must say what 信息处理费 was collected. The printed text is what is
    published, so the fee field alone does not state it: filled in, it gives the sentence to insert."""
    template = report.template
    if states_fee(template, _section_text(report)):
        return []
    section = template.section(template.roles.fee_section)
    label = template.fee.label
    statement = part_text(standard_sentences(report)[section.id]) if report.fee.is_stated() else ""
    if statement:
        hint = f"已填写{label}，请用“插入表格数字说明”写入“{statement}”"
    else:
        hint = f"请填写{label}，或写明如“本年度未收取{label}”"
    message = f"{section.heading}：正文没有说明{label}的收取情况（{hint}）"
    basis = f"{REGULATION}；{FEE_MEASURES}；{template.basis}"
    return [warning("FEE_NOT_STATED", field_at(intro_path(section.id)), message, basis=basis)]


def check_fee_notices(report: Report) -> list[Finding]:
    """FEE_NOTICE_NOT_STATED: applications were dropped for an unpaid fee notice, and 六 says nothing of
    fee notices or fees charged (neither in the fee field nor in words)."""
    template = report.template
    table_id, row_id, column_id = template.roles.fee_notices_unpaid
    unpaid = report.value(table_id, row_id, column_id)
    if not unpaid or report.fee.is_stated() or _CHARGED.search(_section_text(report)):
        return []
    section = template.section(template.roles.fee_section)
    row = template.table(table_id).row(row_id)
    number = template.section(table_id).number
    message = (
        f"表{number}“{row_title(row)}”为{unpaid}件，即发出过收费通知，"
        f"但{section.heading}没有说明收费通知及{template.fee.label}的收取情况"
    )
    basis = f"{REGULATION}；{FEE_MEASURES}"
    location = field_at(intro_path(section.id))
    return [warning("FEE_NOTICE_NOT_STATED", location, message, (cell(table_id, row_id, column_id),), basis=basis)]

"""The bases findings cite: the clause a rule enforces, or 常见问题 where none applies.

国办公开办函〔2021〕30号 (the template's `basis`) sets out the report's content in its part 一、报告内容,
whose items （一） … （六） are the report's sections 一 … 六 in order: the clause for a section is
therefore built from the template, never typed again (`format_clause`).
"""

from __future__ import annotations

from model.template import Template

REGULATION = "《中华人民共和国政府信息公开条例》"
DEADLINE = f"{REGULATION}第四十九条"  # 1月31日 / 3月31日
CONTENT = f"{REGULATION}第五十条"  # what a report contains; 第（四）项: 考核、评议、追究 for governments
GOVERNMENT_CONTENT = f"{CONTENT}第（四）项"
DOCUMENT_FORMAT = "GB/T 9704-2012"
ISSUE_DATE = f"{DOCUMENT_FORMAT} 7.3.5"  # 发文机关署名、成文日期和印章
LEGISLATION = "《中华人民共和国立法法》第九十三条"  # who makes 地方政府规章


def format_clause(template: Template, section_id: str) -> str:
    """The clause of the format notice that describes a section: '国办公开办函〔2021〕30号 一（三）'."""
    return f"{template.basis} 一（{template.section(section_id).number}）"

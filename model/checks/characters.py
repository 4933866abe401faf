"""TEXT_REPLACED: text holding characters no file can hold, which saving and exporting replace."""

from __future__ import annotations

from collections.abc import Iterator

from model.characters import REPLACEMENT, unstorable_count
from model.field_paths import PathKind, SubsectionPart, meta_path, parse, text_fields
from model.findings import COMMON_PROBLEM, Finding, Location, cell, field_at, warning
from model.report import Report
from model.template import column_title, row_title
from model.values import Invalid


def _typed_texts(report: Report) -> Iterator[tuple[Location, str, str]]:
    """Every text a person typed: (where, what the field is called, the text)."""
    for spec in report.template.meta_fields:
        value = report.meta.get(spec.id)
        if isinstance(value, str):
            yield field_at(meta_path(spec.id)), spec.label, value
    for path, text in text_fields(report):
        yield field_at(path), _narrative_name(report, path), text
    for table in report.template.tables:
        for row_id, cells in report.tables[table.id].items():
            for column_id, stored in cells.items():
                if isinstance(stored, Invalid):
                    name = f"{row_title(table.row(row_id))} {column_title(table.block_of(row_id).column(column_id))}"
                    yield cell(table.id, row_id, column_id), name, stored.raw


def _narrative_name(report: Report, path: str) -> str:
    parsed = parse(path)
    assert parsed is not None  # text_fields writes only paths it can parse
    if parsed.kind is PathKind.TEXT:
        return next(part.label for part in report.template.texts if part.id == parsed.key)
    heading = report.template.section(parsed.key).heading
    if parsed.kind is PathKind.INTRO:
        return heading
    what = "小标题" if parsed.part is SubsectionPart.TITLE else "内容"
    return f"{heading}第 {parsed.index + 1} 部分的{what}"


def check_unstorable_text(report: Report) -> list[Finding]:
    """TEXT_REPLACED for each field holding characters that saving and exporting replace by �."""
    findings = []
    for location, name, text in _typed_texts(report):
        count = unstorable_count(text)
        if count:
            message = (
                f"{name}中有 {count} 个无法保存的字符（控制字符或残缺的表情符号，多来自粘贴），"
                f"保存和导出时替换为“{REPLACEMENT}”，请检查并改正"
            )
            findings.append(warning("TEXT_REPLACED", location, message, basis=COMMON_PROBLEM))
    return findings

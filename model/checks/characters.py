"""TEXT_REPLACED: text holding characters no file can hold, which saving and exporting replace."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache, partial

from model.characters import REPLACEMENT, unstorable_count
from model.checks.texts import texts
from model.field_paths import PathKind, SubsectionPart, meta_path, parse
from model.findings import COMMON_PROBLEM, Finding, Location, cell, field_at, warning
from model.report import Report
from model.template import TableSpec, column_title, row_title
from model.values import Invalid


@lru_cache(maxsize=1024)
def _unstorable(text: str) -> int:
    """How many characters of a text cannot be stored, counted once per text value (every keystroke)."""
    return unstorable_count(text)


def _typed_texts(report: Report) -> Iterator[tuple[Location, Callable[[], str], str]]:
    """Every text a person typed: (where, what the field is called — named only when needed, the text)."""
    for spec in report.template.meta_fields:
        value = report.meta.get(spec.id)
        if isinstance(value, str):
            yield field_at(meta_path(spec.id)), partial(str, spec.label), value
    for path, text in texts(report):
        yield field_at(path), partial(_narrative_name, report, path), text
    for table in report.template.tables:
        for row_id, cells in report.tables[table.id].items():
            for column_id, stored in cells.items():
                if isinstance(stored, Invalid):
                    yield cell(table.id, row_id, column_id), partial(_cell_name, table, row_id, column_id), stored.raw


def _cell_name(table: TableSpec, row_id: str, column_id: str) -> str:
    return f"{row_title(table.row(row_id))} {column_title(table.block_of(row_id).column(column_id))}"


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
        count = _unstorable(text)
        if count:
            message = (
                f"{name()}中有 {count} 个无法保存的字符（控制字符或残缺的表情符号，多来自粘贴），"
                f"保存和导出时替换为“{REPLACEMENT}”，请检查并改正"
            )
            findings.append(warning("TEXT_REPLACED", location, message, basis=COMMON_PROBLEM))
    return findings

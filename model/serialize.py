"""The report as the JSON document of the public contract (docs/file-format.md), both ways.

Shape errors raise ReportFileError with a one-line Chinese reason. A wrong value inside a table is
not a shape error: it loads as Invalid and the checker reports it, so a person can fix it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from model.characters import storable
from model.dates import MAX_YEAR, MIN_YEAR
from model.errors import ReportFileError
from model.field_paths import (
    META,
    NARRATIVE,
    SubsectionPart,
    intro_path,
    meta_path,
    subsection_path,
    subsections_path,
    text_fields,
    text_path,
)
from model.report import (
    Fee,
    ImportNote,
    Meta,
    MetaValue,
    Narrative,
    NarrativeSection,
    Previous,
    Report,
    Review,
    SentenceLink,
    Subsection,
)
from model.template import TEMPLATES, CellKind, FieldKind, MetaFieldSpec, SectionKind, TableSpec, Template, TextPartSpec
from model.values import CellValue, Invalid, ParseError, coerce_file_value, format_amount, parse_cell

FORMAT_NAME = "gov-info-annual-report"
SCHEMA_VERSION = 1


# --- reading ---------------------------------------------------------------------------------


def _expect(value: object, kind: type | tuple[type, ...], where: str, what: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ReportFileError(f"文件内容不符合年报格式：{where} 应为{what}")
    return value


def _text(data: dict[str, Any], key: str, path: str) -> str:
    """The text under `key`; `path` names it in the message when it is not text."""
    value = data.get(key, "")
    if value is None:
        return ""
    return str(_expect(value, str, path, "文字"))


def _year(raw: object, where: str) -> int | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and len(raw.strip()) <= len(str(MAX_YEAR)) and raw.strip().isdecimal():
        raw = int(raw.strip())  # isdecimal, not isdigit: a superscript ²⁰²⁴ is a digit int() refuses
    if isinstance(raw, bool) or not isinstance(raw, int) or not MIN_YEAR <= raw <= MAX_YEAR:
        raise ReportFileError(f"文件内容不符合年报格式：{where} 应为四位年份，实为“{raw}”")
    return raw


def _date(raw: object, where: str) -> date | None:
    if raw is None or raw == "":
        return None
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise ReportFileError(f"文件内容不符合年报格式：{where} 应为日期（如 2025-01-17），实为“{raw}”") from None


def _choice(raw: object, spec: MetaFieldSpec, where: str) -> str | None:
    if raw is None or raw == "":
        return spec.default
    if not isinstance(raw, str) or raw not in {choice for choice, _ in spec.choices}:
        raise ReportFileError(f"文件内容不符合年报格式：未知的{spec.label} {spec.id} “{raw}”")
    return raw


def _meta_value(data: dict[str, Any], spec: MetaFieldSpec) -> MetaValue:
    where = meta_path(spec.id)
    raw = data.get(spec.id)
    if spec.kind is FieldKind.YEAR:
        return _year(raw, where)
    if spec.kind is FieldKind.DATE:
        return _date(raw, where)
    if spec.kind is FieldKind.CHOICE:
        return _choice(raw, spec, where)
    return "" if raw is None else str(_expect(raw, str, where, "文字"))


def _meta(data: dict[str, Any], template: Template) -> Meta:
    return Meta({spec.id: _meta_value(data, spec) for spec in template.meta_fields})


def _subsection(raw: object, section_id: str, index: int) -> Subsection:
    entry: dict[str, Any] = _expect(raw, dict, subsection_path(section_id, index), "对象")
    title, text = (
        _text(entry, part.value, subsection_path(section_id, index, part))
        for part in (SubsectionPart.TITLE, SubsectionPart.TEXT)
    )
    return Subsection(title, text)


def _section(raw: object, section_id: str) -> NarrativeSection:
    if raw is None:
        return NarrativeSection()
    if isinstance(raw, str):  # a section written as plain text is its intro
        return NarrativeSection(intro=raw)
    data: dict[str, Any] = _expect(raw, dict, text_path(section_id), "对象")
    items = _expect(data.get("subsections", []), list, subsections_path(section_id), "列表")
    subsections = [_subsection(item, section_id, i) for i, item in enumerate(items)]
    return NarrativeSection(_text(data, "intro", intro_path(section_id)), subsections)


def _narrative(data: dict[str, Any], template: Template) -> Narrative:
    return Narrative(
        sections={s.id: _section(data.get(s.id), s.id) for s in template.narrative_sections},
        texts={t.id: _text(data, t.id, text_path(t.id)) for t in template.texts},
    )


def _table(spec: TableSpec, raw: object) -> dict[str, dict[str, CellValue]]:
    data: dict[str, Any] = _expect(raw, dict, f"tables.{spec.id}", "对象")
    values: dict[str, dict[str, CellValue]] = {}
    for row_id, row in data.items():
        if row_id not in {r.id for r in spec.rows}:
            raise ReportFileError(f"文件内容不符合年报格式：表 {spec.id} 中有未知的行 “{row_id}”")
        cells: dict[str, Any] = _expect(row, dict, f"tables.{spec.id}.{row_id}", "对象")
        block = spec.block_of(row_id)
        for column_id, raw_value in cells.items():
            if not spec.has_cell(row_id, column_id):
                raise ReportFileError(f"文件内容不符合年报格式：表 {spec.id} 的行 {row_id} 中有未知的列 “{column_id}”")
            value = coerce_file_value(raw_value, block.column(column_id).kind)
            if value is not None:
                values.setdefault(row_id, {})[column_id] = value
    return values


def _previous(raw: object) -> Previous | None:
    if raw is None:
        return None
    data: dict[str, Any] = _expect(raw, dict, "previous", "对象")
    carried = _expect(data.get("carried_forward", {}), dict, "previous.carried_forward", "对象")
    in_force = _expect(data.get("in_force", {}), dict, "previous.in_force", "对象")
    sentences = _expect(data.get("sentences", {}), dict, "previous.sentences", "对象")
    return Previous(
        year=_year(data.get("year"), "previous.year"),
        carried_forward={k: coerce_file_value(v, CellKind.COUNT) for k, v in carried.items()},
        in_force={k: coerce_file_value(v, CellKind.COUNT) for k, v in in_force.items()},
        sentences={
            str(k): tuple(str(h) for h in _expect(v, list, f"previous.sentences.{k}", "列表"))
            for k, v in sentences.items()
        },
    )


def _reviews(raw: object) -> list[Review]:
    items: list[Any] = _expect(raw if raw is not None else [], list, "reviews", "列表")
    reviews = []
    for i, item in enumerate(items):
        entry: dict[str, Any] = _expect(item, dict, f"reviews[{i}]", "对象")
        location = _expect(entry.get("location", {}), dict, f"reviews[{i}].location", "对象")
        reviews.append(
            Review(
                code=str(entry.get("code", "")),
                location={str(k): str(v) for k, v in location.items()},
                reason=str(entry.get("reason", "")),
                fingerprint=str(entry.get("fingerprint", "")),
            )
        )
    return reviews


_FEE = "fee"  # the structured 信息处理费 of the fee section (docs/file-format.md)
_FEE_KEYS = ("collected", "amount_yuan", "applications_charged")
_LINKS = "sentence_links"


def _fee(raw: object) -> Fee:
    if raw is None:
        return Fee()
    data: dict[str, Any] = _expect(raw, dict, _FEE, "对象")
    collected, amount, applications = (data.get(key) for key in _FEE_KEYS)
    if collected is not None:
        _expect(collected, bool, f"{_FEE}.{_FEE_KEYS[0]}", "true 或 false")
    amount_yuan = _fee_number(amount, CellKind.AMOUNT, 1)
    count = _fee_number(applications, CellKind.COUNT, 2)
    return Fee(
        collected, Decimal(amount_yuan) if amount_yuan is not None else None, int(count) if count is not None else None
    )


def _fee_number(raw: object, kind: CellKind, key: int) -> int | Decimal | None:
    """An amount (元) or a count of the fee field, read exactly; anything else is a shape error."""
    if raw is None or raw == "":
        return None
    try:
        value = parse_cell(str(raw), kind) if isinstance(raw, str | int | float) and not isinstance(raw, bool) else None
    except ParseError:
        value = None
    if value is None or value < 0:
        what = "不小于 0 的金额（元）" if kind is CellKind.AMOUNT else "不小于 0 的整数"
        raise ReportFileError(f"文件内容不符合年报格式：{_FEE}.{_FEE_KEYS[key]} 应为{what}，实为“{raw}”")
    return value


def _links(raw: object) -> dict[str, list[SentenceLink]]:
    data: dict[str, Any] = _expect(raw if raw is not None else {}, dict, _LINKS, "对象")
    links: dict[str, list[SentenceLink]] = {}
    for path, items in data.items():
        entries: list[Any] = _expect(items, list, f"{_LINKS}.{path}", "列表")
        for i, item in enumerate(entries):
            entry: dict[str, Any] = _expect(item, dict, f"{_LINKS}.{path}[{i}]", "对象")
            key, text = (
                str(_expect(entry.get(k, ""), str, f"{_LINKS}.{path}[{i}].{k}", "文字")) for k in ("key", "text")
            )
            links.setdefault(str(path), []).append(SentenceLink(key, text))
    return links


def _imported_labels(raw: object) -> dict[str, dict[str, str]]:
    labels: dict[str, Any] = _expect(raw if raw is not None else {}, dict, "imported_labels", "对象")
    return {
        str(table): {
            str(key): str(_expect(label, str, f"imported_labels.{table}.{key}", "文字"))
            for key, label in _expect(keys, dict, f"imported_labels.{table}", "对象").items()
        }
        for table, keys in labels.items()
    }


def _check_header(data: dict[str, Any]) -> Template:
    if data.get("format") != FORMAT_NAME:
        raise ReportFileError("这不是政府信息公开工作年度报告文件（缺少 format 标记）")
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ReportFileError("文件内容不符合年报格式：schema_version 应为正整数")
    if version > SCHEMA_VERSION:
        raise ReportFileError(f"此文件由更新版本的程序保存（格式版本 {version}），请升级本程序后再打开")
    template_id = str(data.get("template", "2021"))
    if template_id not in TEMPLATES:
        raise ReportFileError(f"不支持的报告格式版本 “{template_id}”，本程序支持：{'、'.join(TEMPLATES)}")
    return TEMPLATES[template_id]


_NOTE_TEXTS = ("kind", "part", "found", "reason")


def _import_notes(raw: object) -> list[ImportNote]:
    items: list[Any] = _expect(raw if raw is not None else [], list, "import_notes", "列表")
    notes = []
    for i, item in enumerate(items):
        entry: dict[str, Any] = _expect(item, dict, f"import_notes[{i}]", "对象")
        texts = {k: str(_expect(entry.get(k, ""), str, f"import_notes[{i}].{k}", "文字")) for k in _NOTE_TEXTS}
        row, column = entry.get("row"), entry.get("column")
        notes.append(
            ImportNote(**texts, row=None if row is None else str(row), column=None if column is None else str(column))
        )
    return notes


def _note_dict(note: ImportNote) -> dict[str, str]:
    data = {k: getattr(note, k) for k in _NOTE_TEXTS}
    data |= {k: v for k in ("row", "column") if (v := getattr(note, k)) is not None}
    return data


def report_from_dict(document: object) -> Report:
    data: dict[str, Any] = _expect(document, dict, "文件顶层", "对象")
    template = _check_header(data)
    tables = _expect(data.get("tables", {}), dict, "tables", "对象")
    for table_id in tables:
        if table_id not in {t.id for t in template.tables}:
            raise ReportFileError(f"文件内容不符合年报格式：未知的表 “{table_id}”")
    return Report(
        meta=_meta(_expect(data.get(META, {}), dict, META, "对象"), template),
        narrative=_narrative(_expect(data.get(NARRATIVE, {}), dict, NARRATIVE, "对象"), template),
        tables={t.id: _table(t, tables.get(t.id, {})) for t in template.tables},
        previous=_previous(data.get("previous")),
        reviews=_reviews(data.get("reviews")),
        imported_labels=_imported_labels(data.get("imported_labels")),
        fee=_fee(data.get(_FEE)),
        sentence_links=_links(data.get(_LINKS)),
        import_notes=_import_notes(data.get("import_notes")),
        template=template,
    )


# --- writing ---------------------------------------------------------------------------------


def _json_value(value: CellValue) -> object:
    if isinstance(value, Decimal):
        return format_amount(value)  # a string keeps the amount exact
    if isinstance(value, Invalid):
        return value.raw
    return value


def _section_dict(section: NarrativeSection) -> dict[str, Any]:
    return {
        "intro": section.intro,
        "subsections": [{"title": s.title, "text": s.text} for s in section.subsections],
    }


def _narrative_dict(report: Report) -> dict[str, Any]:
    """The narrative in print order: the sections and the texts printed before and after them."""
    narrative = report.narrative
    return {
        part.id: narrative.text(part.id)
        if isinstance(part, TextPartSpec)
        else _section_dict(narrative.section(part.id))
        for part in report.template.print_order
        if isinstance(part, TextPartSpec) or part.kind is SectionKind.NARRATIVE
    }


def _meta_json(spec: MetaFieldSpec, value: MetaValue) -> object:
    if spec.kind in (FieldKind.TEXT, FieldKind.MULTILINE):
        return value if isinstance(value, str) else ""
    return value.isoformat() if isinstance(value, date) else value


def _storable_tree(value: object) -> Any:
    """A JSON tree with every string (keys too) as every format can hold it (model.characters)."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable(str(k)): _storable_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable_tree(v) for v in value]
    return value


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as the contract's JSON tree; characters no file can hold are replaced (U+FFFD)."""
    tree: dict[str, Any] = _storable_tree(_report_tree(report))
    return tree


def storable_report(report: Report) -> Report:
    """The report as every format can hold it: `report` itself when no text needs a replacement,
    else a copy whose unstorable characters are U+FFFD (the TEXT_REPLACED warning says where)."""
    tree = _report_tree(report)
    clean = _storable_tree(tree)
    return report if clean == tree else report_from_dict(clean)


def _report_tree(report: Report) -> dict[str, Any]:
    template = report.template
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "template": template.id,
        META: {spec.id: _meta_json(spec, report.meta.get(spec.id)) for spec in template.meta_fields},
        NARRATIVE: _narrative_dict(report),
        "tables": {
            table.id: {
                row.id: {
                    c.id: _json_value(report.tables[table.id][row.id][c.id])
                    for c in table.block_of(row.id).columns
                    if c.id in report.tables[table.id].get(row.id, {})
                }
                for row in table.rows
                if report.tables[table.id].get(row.id)
            }
            for table in report.template.tables
        },
    }
    if report.previous is not None:
        previous = report.previous
        last_year: dict[str, object] = {
            "year": previous.year,
            "carried_forward": {k: _json_value(v) for k, v in previous.carried_forward.items()},
            "in_force": {k: _json_value(v) for k, v in previous.in_force.items()},
        }
        if previous.sentences:
            last_year["sentences"] = {k: list(v) for k, v in previous.sentences.items()}
        data["previous"] = last_year
    if report.reviews:
        data["reviews"] = [
            {"code": r.code, "location": r.location, "reason": r.reason, "fingerprint": r.fingerprint}
            for r in report.reviews
        ]
    if report.imported_labels:
        data["imported_labels"] = report.imported_labels
    if not report.fee.is_empty():
        data[_FEE] = _fee_dict(report.fee)
    if links := _links_dict(report):
        data[_LINKS] = links
    if report.import_notes:
        data["import_notes"] = [_note_dict(n) for n in report.import_notes]
    return data


def _fee_dict(fee: Fee) -> dict[str, object]:
    amount = None if fee.amount is None else format_amount(fee.amount)
    return dict(zip(_FEE_KEYS, (fee.collected, amount, fee.applications), strict=True))


def _links_dict(report: Report) -> dict[str, list[dict[str, str]]]:
    """The links still in force: a sentence a person rewrote (its text no longer found) is plain text."""
    fields = dict(text_fields(report))
    written = {
        path: [
            {"key": link.key, "text": link.text} for link in links if link.text and link.text in fields.get(path, "")
        ]
        for path, links in report.sentence_links.items()
    }
    return {path: links for path, links in written.items() if links}

"""Rules on the narrative: text that contradicts the tables, outlook years, labels (the fee: fees.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from model.checks.texts import texts
from model.findings import COMMON_PROBLEM, Finding, Location, cell, field_at, warning
from model.labels import word_key
from model.numerals import NUMBER_PATTERN, parse_number
from model.report import Number, Report
from model.template import TableSpec, Template, row_title

_NUMBER = rf"\s*({NUMBER_PATTERN})\s*"  # "2件", "2 件", "两件"

_NONE_RECEIVED = re.compile(r"(?:未|没有)(?:收到|受理|接到)[^。；;\n]{0,20}?申请")
_RECEIVED = re.compile(
    r"(?<![未有])(?:收到|受理|接到|新收)[^。；;，,、\d\n]{0,25}?申请[^。；;，,\d\n]{0,6}?"
    + _NUMBER
    + r"(?:件|个|条|份)"
)


@dataclass(frozen=True, eq=False)  # hashed by identity: built once per template, a cache key per text
class _Proceeding:
    """A kind of proceeding the text counts (行政复议, 行政诉讼) and the cells of table 四 that hold it."""

    word: str
    table: str
    rows: tuple[str, ...]
    column: str  # the total
    none_said: re.Pattern[str]
    stated: re.Pattern[str]  # “行政复议2件”, “行政复议案件一起”
    stated_before: re.Pattern[str]  # “1起政府信息公开行政复议案件”

    @property
    def cells(self) -> tuple[Location, ...]:
        return tuple(cell(self.table, r, self.column) for r in self.rows)


_PROCEEDINGS: dict[str, tuple[_Proceeding, ...]] = {}  # template id → its proceedings, built once


def _proceedings(template: Template) -> tuple[_Proceeding, ...]:
    if template.id not in _PROCEEDINGS:
        _PROCEEDINGS[template.id] = _build_proceedings(template)
    return _PROCEEDINGS[template.id]


def _build_proceedings(template: Template) -> tuple[_Proceeding, ...]:
    """One per row group of the proceedings table: a row on its own, or the rows under one heading."""
    table = template.table(template.roles.proceedings)
    total = next(c for c in table.blocks[0].columns if c.is_total)
    groups: dict[str, list[str]] = {}
    for row in table.rows:
        groups.setdefault(row.path[-1] if row.path else row.label, []).append(row.id)
    return tuple(
        _Proceeding(
            word,
            table.id,
            tuple(rows),
            total.id,
            re.compile(r"(?:未|没有|无)[^。；;\n]{0,30}?" + word),
            re.compile(word + r"(?:案件|申请)?(?:共|合计)?" + _NUMBER + r"(?:件|起)"),
            re.compile(r"(?<![\d年月日])" + _NUMBER + r"(?:件|起)(?:政府信息公开)?(?:的)?" + word),
        )
        for word, rows in groups.items()
    )


def _mismatch(path: str, said: str, table_name: str, count: Number, cells: tuple[Location, ...]) -> Finding:
    message = f"正文说“{said.strip()}”，但{table_name}总计为{count}"
    return warning("TEXT_TABLE_MISMATCH", field_at(path), message, cells, COMMON_PROBLEM)


Claims = tuple[tuple[str, int | None], ...]  # (what was said, the number it states; None: “none”)


@lru_cache(maxsize=512)
def _application_claims(text: str) -> Claims:
    """What a text says of the applications received, read once per text value."""
    none = [(m.group(0), None) for m in _NONE_RECEIVED.finditer(text)]
    return (*none, *((m.group(0), parse_number(m.group(1))) for m in _RECEIVED.finditer(text)))


@lru_cache(maxsize=1024)
def _proceeding_claims(proceeding: _Proceeding, text: str) -> Claims:
    """What a text says of one kind of proceeding, read once per text value."""
    none = [(m.group(0), None) for m in proceeding.none_said.finditer(text)]
    matches = [*proceeding.stated.finditer(text), *proceeding.stated_before.finditer(text)]
    return (*none, *((m.group(0), parse_number(m.group(1))) for m in matches))


def _contradicted(path: str, claims: Claims, name: str, count: Number, cells: tuple[Location, ...]) -> list[Finding]:
    """A claim of none while the count is above 0, or of a number other than the count."""
    return [
        _mismatch(path, said, name, count, cells)
        for said, stated in claims
        if (stated is None and count > 0) or (stated is not None and stated != count)
    ]


def _applications_mismatch(report: Report, path: str, text: str) -> list[Finding]:
    if "申请" not in text:
        return []
    table_id, row_id, column_id = report.template.roles.applications_received
    received = report.value(table_id, row_id, column_id)
    claims = _application_claims(text)
    if received is None or not claims:
        return []
    number = report.template.section(table_id).number
    name = f"表{number}“{row_title(report.template.table(table_id).row(row_id))}”"
    return _contradicted(path, claims, name, received, (cell(table_id, row_id, column_id),))


def _proceedings_mismatch(report: Report, path: str, text: str) -> list[Finding]:
    findings = []
    number = report.template.section(report.template.roles.proceedings).number
    for proceeding in _proceedings(report.template):
        if proceeding.word not in text:
            continue
        values = [report.value(proceeding.table, r, proceeding.column) for r in proceeding.rows]
        if any(v is None for v in values):
            continue
        count = sum(int(v) for v in values if v is not None)
        name = f"表{number}{proceeding.word}"
        findings += _contradicted(path, _proceeding_claims(proceeding, text), name, count, proceeding.cells)
    return findings


def check_text_against_tables(report: Report) -> list[Finding]:
    """TEXT_TABLE_MISMATCH: the narrative states application, review or litigation counts the tables deny."""
    findings = []
    for path, text in texts(report):
        if text:
            findings += _applications_mismatch(report, path, text)
            findings += _proceedings_mismatch(report, path, text)
    return findings


def _label_location(table: TableSpec, key: str) -> tuple[Location, str, str] | None:
    """Where an imported label belongs (row or column id), the statutory label as named in a message,
    and the label itself."""
    if any(r.id == key for r in table.rows):
        row = table.row(key)
        return Location(table=table.id, row=key), row_title(row), row.label
    for block in table.blocks:
        for column in block.columns:
            if column.id == key:
                return Location(table=table.id, column=key), column.label, column.label
    return None


def check_imported_labels(report: Report) -> list[Finding]:
    """LABEL_MISMATCH: a row or column label of an imported document says other words than the statutory
    one; punctuation, bracket width and numbering style are no difference (model.labels.word_key), also
    for labels an older version of the importer kept."""
    findings = []
    for table_id, labels in report.imported_labels.items():
        if table_id not in {t.id for t in report.template.tables}:
            continue
        table = report.template.table(table_id)
        heading = report.template.section(table_id).heading
        for key, found in labels.items():
            target = _label_location(table, key)
            if target is None:
                continue
            location, statutory, label = target
            if word_key(found) == word_key(label):
                continue
            message = f"{heading}：导入文件中的“{found}”与法定表格的“{statutory}”不一致"
            findings.append(warning("LABEL_MISMATCH", location, message, basis=report.template.basis))
    return findings

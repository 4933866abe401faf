"""TEXT_TABLE_MISMATCH, widened: statements about the applications, the 现行有效 counts and the
review and litigation results that the tables contradict.

- “所有申请均已办结” while applications are carried forward (三、四 > 0);
- a percentage of a result (“予以公开占51.85%”) that is no ratio of the table's figures;
- a 现行有效 count (“现行有效行政规范性文件393件”) other than table 二's;
- “均获维持” while a case was decided otherwise or is pending in table 四.

What the text says is read once per text (cached); only the comparison with the figures runs on
every keystroke.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from model.checks.texts import texts
from model.findings import COMMON_PROBLEM, Finding, Location, cell, field_at, warning
from model.numerals import NUMBER_PATTERN, parse_number
from model.report import Number, Report
from model.sentences import bare
from model.template import ColumnSpec, TableSpec, Template, row_short

_CLAUSE = r"[^。；;\n]"
_ALL_SETTLED = re.compile(
    rf"(?:所有|全部){_CLAUSE}{{0,15}}?申请{_CLAUSE}{{0,12}}?(?:均|都|已|全部){_CLAUSE}{{0,10}}?(?:办结|办理完成|办理完毕|处理完毕)"
    rf"|申请{_CLAUSE}{{0,10}}?(?:均已|全部|均){_CLAUSE}{{0,6}}?(?:办结|办理完成|办理完毕|处理完毕)"
)
_ALL_UPHELD = re.compile(rf"{_CLAUSE}*?(?:均|全部|都)[^。；;\n，,]{{0,4}}?维持{_CLAUSE}*")  # 均获维持, 均被法院维持
_NAME_SEPARATOR = re.compile(r"[、和及与]")
UPHELD_WORD = "维持"  # in the text (“均获维持”) and in table 四's column label of the upheld results


def _total_column(table: TableSpec, row_id: str) -> ColumnSpec:
    return next(c for c in table.block_of(row_id).columns if c.is_total)


def _mismatch(path: str, said: str, fact: str, cells: tuple[Location, ...]) -> Finding:
    message = f"正文说“{said.strip()}”，但{fact}"
    return warning("TEXT_TABLE_MISMATCH", field_at(path), message, cells, COMMON_PROBLEM)


def _table_name(template: Template, table_id: str) -> str:
    return f"表{template.section(table_id).number}"


# --- “所有申请均已办结” ---------------------------------------------------------------------


@lru_cache(maxsize=512)
def _settled_claims(text: str) -> tuple[str, ...]:
    if "申请" not in text:
        return ()
    # “上年结转的申请均已办结” speaks of last year's applications, not of this year's carried forward
    return tuple(m.group(0) for m in _ALL_SETTLED.finditer(text) if "结转" not in _clause_of(text, m))


def _clause_of(text: str, match: re.Match[str]) -> str:
    """The clause a match ends in, from the last 。；; or line break before it."""
    start = max(text.rfind(mark, 0, match.start()) for mark in "。；;\n") + 1
    return text[start : match.end()]


def _all_settled(report: Report, path: str, text: str) -> list[Finding]:
    claims = _settled_claims(text)
    if not claims:
        return []
    template = report.template
    table_id, row_id = template.roles.carry_from
    table = template.table(table_id)
    total = _total_column(table, row_id)
    forward = report.value(table_id, row_id, total.id)
    if forward is None or forward <= 0:
        return []
    fact = f"{_table_name(template, table_id)}“{row_short(table.row(row_id))}、结转下年度”为{forward}件"
    return [_mismatch(path, said, fact, (cell(table_id, row_id, total.id),)) for said in claims]


# --- percentages of results -------------------------------------------------------------------


@dataclass(frozen=True)
class _Result:
    name: str  # 予以公开, 不予公开 …: a result row, or a group of them, as the text names it
    rows: tuple[str, ...]


_BUILT: dict[tuple[str, str], object] = {}  # (template id, what) → built once per template


def _results(template: Template) -> tuple[tuple[_Result, ...], re.Pattern[str]]:
    key = (template.id, "results")
    if key not in _BUILT:
        _BUILT[key] = _build_results(template)
    return _BUILT[key]  # type: ignore[return-value]


def _build_results(template: Template) -> tuple[tuple[_Result, ...], re.Pattern[str]]:
    table = template.table(template.roles.applications_received[0])
    total_row = next(r for r in table.rows if r.is_total)
    groups: dict[str, list[str]] = {}
    for row_id in total_row.parts:
        row = table.row(row_id)
        name = bare(row.path[-1]) if len(row.path) > 1 else bare(row.label)
        groups.setdefault(name, []).append(row_id)
    results = tuple(_Result(name, tuple(rows)) for name, rows in groups.items())
    names = "|".join(re.escape(r.name) for r in results)
    # “予以公开占51.85%”, “予以公开、部分公开的申请占办理总数的66.7%” (a share of several results)
    # … and only a share: “占”, “比例”, “比重”, “率” (not “予以公开5件，同比增长20%”)
    share = r"[^。；;\n%％]{0,12}?(?:占|比例|比重|率)[^。；;\n%％\d]{0,10}?"
    pattern = re.compile(rf"((?:{names})(?:[、和及与](?:{names}))*){share}(\d+(?:\.\d+)?)\s*[%％]")
    return results, pattern


def _percentages(template: Template, text: str) -> tuple[tuple[str, str, str], ...]:
    if "%" not in text and "％" not in text:
        return ()
    return _percentages_read(_results(template)[1], text)


@lru_cache(maxsize=512)
def _percentages_read(pattern: re.Pattern[str], text: str) -> tuple[tuple[str, str, str], ...]:
    """(what was said, result name, percentage as written) for every result percentage in a text."""
    return tuple((m.group(0), m.group(1), m.group(2)) for m in pattern.finditer(text))


def _ratio_matches(stated: Decimal, part: Number, bases: list[Number]) -> bool:
    exponent = stated.as_tuple().exponent
    tolerance = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)  # one unit of the last digit
    return any(base > 0 and abs(Decimal(part) * 100 / Decimal(base) - stated) <= tolerance for base in bases)


def _percentage_mismatches(report: Report, path: str, text: str) -> list[Finding]:
    said = _percentages(report.template, text)
    if not said:
        return []
    template = report.template
    table_id, received_row, _ = template.roles.applications_received
    table = template.table(table_id)
    total_row = next(r for r in table.rows if r.is_total)
    carried_row = template.roles.carry_to[1]
    column = _total_column(table, received_row).id
    results = {r.name: r for r in _results(template)[0]}
    answered = report.value(table_id, total_row.id, column)
    received = report.value(table_id, received_row, column)
    carried = report.value(table_id, carried_row, column)
    bases = [b for b in (answered, received) if b is not None]
    if received is not None and carried is not None:
        bases.append(received + carried)
    findings = []
    for sentence, named, percentage in said:
        rows = [r for name in _NAME_SEPARATOR.split(named) for r in results[name].rows]
        values = [report.value(table_id, r, column) for r in rows]
        if not bases or any(v is None for v in values):
            continue
        part = sum(v for v in values if v is not None)
        if not _ratio_matches(Decimal(percentage), part, bases):
            cells = tuple(cell(table_id, r, column) for r in rows)
            fact = f"{_table_name(template, table_id)}中{named}为{part}件，办理结果总计{answered}件"
            findings.append(_mismatch(path, sentence, fact, cells))
    return findings


# --- 现行有效 counts -----------------------------------------------------------------------------


def _in_force_pattern(template: Template) -> tuple[re.Pattern[str], dict[str, str]]:
    key = (template.id, "in-force counts")
    if key not in _BUILT:
        _BUILT[key] = _build_in_force_pattern(template)
    return _BUILT[key]  # type: ignore[return-value]


def _build_in_force_pattern(template: Template) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern for “现行有效(的)行政规范性文件393件” and “规章现行有效2件”, and row id by name."""
    role = template.roles.in_force
    table = template.table(role.table)
    names: dict[str, str] = {}
    for row_id in role.rows:
        label = table.row(row_id).label
        names[label] = row_id
        names[label.removeprefix("行政")] = row_id  # 规范性文件 for 行政规范性文件
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    number = rf"\s*(?:共|为|有)?\s*({NUMBER_PATTERN})\s*件"
    pattern = re.compile(rf"现行有效的?({alternatives}){number}|({alternatives})现行有效的?{number}")
    return pattern, names


@lru_cache(maxsize=512)
def _in_force_claims(pattern: re.Pattern[str], text: str) -> tuple[tuple[str, str, int], ...]:
    """(what was said, the row's name, the count) for every 现行有效 count in a text."""
    claims = []
    for m in pattern.finditer(text):
        name, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        stated = parse_number(number)
        if stated is not None:
            claims.append((m.group(0), name, stated))
    return tuple(claims)


def _in_force_mismatches(report: Report, path: str, text: str) -> list[Finding]:
    template = report.template
    role = template.roles.in_force
    findings = []
    if "现行有效" not in text:
        return []
    pattern, names = _in_force_pattern(template)
    for said, name, stated in _in_force_claims(pattern, text):
        row_id = names[name]
        value = report.value(role.table, row_id, role.in_force)
        if value is not None and value != stated:
            table = template.table(role.table)
            column = table.block_of(row_id).column(role.in_force).label
            fact = f"{_table_name(template, role.table)}“{table.row(row_id).label}”的{column}为{value}"
            findings.append(_mismatch(path, said, fact, (cell(role.table, row_id, role.in_force),)))
    return findings


# --- “均获维持” ------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _upheld_claims(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _ALL_UPHELD.finditer(text)) if UPHELD_WORD in text else ()


def _groups(template: Template) -> dict[str, tuple[str, ...]]:
    """Table 四's row groups by the word the text uses (行政复议, 行政诉讼)."""
    table = template.table(template.roles.proceedings)
    groups: dict[str, list[str]] = {}
    for row in table.rows:
        groups.setdefault(row.path[-1] if row.path else row.label, []).append(row.id)
    return {word: tuple(rows) for word, rows in groups.items()}


def _upheld_mismatches(report: Report, path: str, text: str) -> list[Finding]:
    claims = _upheld_claims(text)
    if not claims:
        return []
    template = report.template
    table = template.table(template.roles.proceedings)
    total = _total_column(table, table.rows[0].id)
    others = [c for c in total.parts if UPHELD_WORD not in table.blocks[0].column(c).label]
    groups = _groups(template)
    findings = []
    for said in claims:
        named = [word for word in groups if word in said or word[-2:] in said]
        rows = [r for word in (named or list(groups)) for r in groups[word]]
        cells = [(r, c) for r in rows for c in others if (report.value(table.id, r, c) or 0) > 0]
        if cells:
            listed = "、".join(
                f"{table.row(r).label}{table.blocks[0].column(c).label}{report.value(table.id, r, c)}件"
                for r, c in cells
            )
            fact = f"{_table_name(template, table.id)}中{listed}"
            findings.append(_mismatch(path, said, fact, tuple(cell(table.id, r, c) for r, c in cells)))
    return findings


def check_statements(report: Report) -> list[Finding]:
    """TEXT_TABLE_MISMATCH: settled, percentage, 现行有效 and 维持 statements the tables contradict."""
    findings = []
    for path, text in texts(report):
        if text:
            findings += _all_settled(report, path, text)
            findings += _percentage_mismatches(report, path, text)
            findings += _in_force_mismatches(report, path, text)
            findings += _upheld_mismatches(report, path, text)
    return findings

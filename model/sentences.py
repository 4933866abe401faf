"""Standard sentences from the numbers: what the tables (and the fee field of 六) say, in the plain
style real reports use, so that the text agrees with the tables by construction.

    standard_sentences(report) → {part id: [Sentence, …]}

A part is a table (二 主动公开, 三 依申请公开, 四 复议诉讼) or the fee section (六). A table that is
not completely filled in, or a fee not stated, gives no sentence. Labels come from the template; the
template says which narrative subsection tells which part (`SectionSpec.stated_in`, the fee's
`FeeFieldSpec.subsection`).

A text field may hold a part's sentences *linked* (`Report.sentence_links`): while their text is
found in the field, `follow_tables` rewrites them when the numbers change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from model.field_paths import get_field, part_id, set_field, text_fields
from model.numerals import split_ordinal
from model.report import Number, Report, SentenceLink
from model.template import CellKind, ColumnSpec, RowSpec, TableSpec, Template
from model.values import format_amount

CellRef = tuple[str, str, str]  # (table, row, column)
TEN_THOUSAND_YUAN = "万元"  # the unit of the tables' amounts
_REMARK = re.compile(r"（[^（）]*）$")  # a trailing remark: 部分公开（区分处理的，…）


@dataclass(frozen=True)
class Figure:
    """A number a sentence states: the sum of `cells` (none: a number of the fee field), or, with
    `ratio_of`, that sum as a percentage of the sum of `ratio_of`."""

    value: Number
    cells: tuple[CellRef, ...] = ()
    ratio_of: tuple[CellRef, ...] = ()


@dataclass(frozen=True)
class Sentence:
    key: str  # what it tells, e.g. 'applications.new_received'
    text: str
    figures: tuple[Figure, ...] = ()  # every number in the text, in order

    def __str__(self) -> str:
        return self.text


@dataclass
class _Words:
    """A sentence being written: its text and the figures it states."""

    report: Report
    parts: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def say(self, *text: str) -> _Words:
        self.parts.extend(text)
        return self

    def number(self, figure: Figure, unit: str = "件") -> _Words:
        self.figures.append(figure)
        shown = format_amount(figure.value) if isinstance(figure.value, Decimal) else str(figure.value)
        return self.say(shown, unit)

    def count(self, cells: tuple[CellRef, ...], unit: str = "件") -> _Words:
        return self.number(Figure(_sum(self.report, cells), cells), unit)

    def sentence(self, key: str) -> Sentence:
        return Sentence(key, "".join(self.parts) + "。", tuple(self.figures))


def _value(report: Report, cell: CellRef) -> Number:
    value = report.value(*cell)
    assert value is not None, "sentences are written from filled tables only"
    return value


def _sum(report: Report, cells: tuple[CellRef, ...]) -> Number:
    total: Number = 0
    for cell in cells:
        total += _value(report, cell)
    return total


def bare(label: str) -> str:
    """A label as a sentence says it: '（二）部分公开（区分处理的，…）' → '部分公开', '1.属于国家秘密' → '属于国家秘密'."""
    return _REMARK.sub("", split_ordinal(label)[1]).strip()


def _column_name(column: ColumnSpec) -> str:
    """An applicant column as a sentence says it: '自然人'; a short one qualified: '其他法人或其他组织'."""
    return f"{column.label}{column.path[-1]}" if len(column.label) <= 2 and len(column.path) >= 2 else column.label


def is_filled(report: Report, table: TableSpec) -> bool:
    return all(report.value(table.id, r.id, c.id) is not None for r, c in table.cells())


def _total_column(table: TableSpec) -> ColumnSpec:
    return next(c for c in table.blocks[0].columns if c.is_total)


# --- 三 依申请公开 ----------------------------------------------------------------------------


def _application_sentences(report: Report, table: TableSpec) -> list[Sentence]:
    template = report.template
    _, received_row, total = template.roles.applications_received
    carried_over = template.roles.carry_to[1]
    carried_forward = template.roles.carry_from[1]
    results = next(r for r in table.rows if r.is_total)
    sentences = [_received(report, table, received_row, carried_over, total)]
    if _value(report, (table.id, results.id, total)):
        sentences.append(_results(report, table, results, total))
        sentences.append(_share(report, table, results, total))
    forward = (table.id, carried_forward, total)
    if _value(report, forward):
        sentence = _Words(report).say(bare(table.row(carried_forward).label)).count((forward,))
        sentences.append(sentence.sentence(f"{table.id}.{carried_forward}"))
    return sentences


def _received(report: Report, table: TableSpec, row_id: str, carried_over: str, total: str) -> Sentence:
    received = (table.id, row_id, total)
    words = _Words(report)
    if _value(report, received):
        words.say("本年度共收到政府信息公开申请").count((received,))
        by_kind = [
            (c, (table.id, row_id, c.id))
            for c in table.blocks[0].columns
            if c.id in _total_column(table).parts and _value(report, (table.id, row_id, c.id))
        ]
        if len(by_kind) == 1:
            words.say("，均为", _column_name(by_kind[0][0]), "申请")
        else:
            words.say("，其中")
            for i, (column, cell) in enumerate(by_kind):
                words.say("、" if i else "", _column_name(column), "申请").count((cell,))
    else:
        words.say("本年度未收到政府信息公开申请")
    over = (table.id, carried_over, total)
    if _value(report, over):
        words.say("；上年结转的申请" if _value(report, received) else "，上年结转的申请").count((over,))
    return words.sentence(f"{table.id}.{row_id}")


def _result_groups(table: TableSpec, results: RowSpec) -> list[tuple[str, list[RowSpec]]]:
    """The results by kind: a row on its own (予以公开) or the rows under one heading (不予公开 …)."""
    groups: list[tuple[str, list[RowSpec]]] = []
    for row in (table.row(r) for r in results.parts):
        heading = row.path[-1] if len(row.path) > len(results.path) else row.label
        if groups and groups[-1][0] == heading:
            groups[-1][1].append(row)
        else:
            groups.append((heading, [row]))
    return groups


def _results(report: Report, table: TableSpec, results: RowSpec, total: str) -> Sentence:
    reasons_heading = report.template.roles.stated_reasons[1]
    words = _Words(report).say("本年度办理政府信息公开申请").count(((table.id, results.id, total),))
    words.say("，其中")
    first = True
    for heading, rows in _result_groups(table, results):
        cells = tuple((table.id, r.id, total) for r in rows)
        if not _sum(report, cells):
            continue
        words.say("" if first else "，", bare(heading)).count(cells)
        first = False
        if heading == reasons_heading:
            reasons = [(r, c) for r, c in zip(rows, cells, strict=True) if _value(report, c)]
            words.say("（")
            for i, (row, cell) in enumerate(reasons):
                words.say("、" if i else "", bare(row.label)).count((cell,))
            words.say("）")
    return words.sentence(f"{table.id}.{results.id}")


def _share(report: Report, table: TableSpec, results: RowSpec, total: str) -> Sentence:
    disclosed = [table.row(r) for r in results.parts[:2]]  # 予以公开, 部分公开: the statutory order
    cells = tuple((table.id, r.id, total) for r in disclosed)
    whole = ((table.id, results.id, total),)
    share = Decimal(100 * _sum(report, cells)) / Decimal(_sum(report, whole))
    figure = Figure(share.quantize(Decimal("0.1"), ROUND_HALF_UP), cells, whole)
    words = _Words(report).say("、".join(bare(r.label) for r in disclosed), "的申请占办理总数的")
    return words.number(figure, "%").sentence(f"{table.id}.{results.id}.share")


# --- 二 主动公开 ------------------------------------------------------------------------------


def _active_sentences(report: Report, table: TableSpec) -> list[Sentence]:
    sentences = [_documents(report, table)]
    decisions = [r for b in table.blocks for r in b.rows if r.id not in report.template.roles.in_force.rows]
    counted = [r for r in decisions if table.block_of(r.id).columns[0].kind is CellKind.COUNT]
    if counted:
        sentences.append(_decisions(report, table, counted))
    sentences += [_amount(report, table, r) for r in decisions if r not in counted]
    return sentences


def _documents(report: Report, table: TableSpec) -> Sentence:
    role = report.template.roles.in_force
    words = _Words(report).say("本年度")
    unchanged: list[str] = []
    clauses = 0
    for row in (table.row(r) for r in role.rows):
        issued, repealed, in_force = ((table.id, row.id, c) for c in (role.issued, role.repealed, role.in_force))
        if not _value(report, issued) and not _value(report, repealed):
            if _value(report, in_force):
                words.say("；" if clauses else "", "未制发、废止", row.label, "，现行有效").count((in_force,))
                clauses += 1
            else:
                unchanged.append(row.label)
            continue
        words.say("；" if clauses else "")
        if _value(report, issued):
            words.say("制发", row.label).count((issued,))
        if _value(report, repealed):
            words.say("、" if _value(report, issued) else "", "废止", "" if _value(report, issued) else row.label)
            words.count((repealed,))
        words.say("，现行有效").count((in_force,))
        clauses += 1
    if unchanged:
        words.say("；" if clauses else "", "未制发、废止", "和".join(unchanged))
    return words.sentence(f"{table.id}.{role.in_force}")


def _decisions(report: Report, table: TableSpec, rows: list[RowSpec]) -> Sentence:
    column = table.block_of(rows[0].id).columns[0].id
    made = [(r, (table.id, r.id, column)) for r in rows if _value(report, (table.id, r.id, column))]
    words = _Words(report).say("本年度")
    if made:
        words.say("作出")
        for i, (row, cell) in enumerate(made):
            words.say("、" if i else "", row.label, "决定").count((cell,))
    none = [r.label for r in rows if r not in {m[0] for m in made}]
    if none:
        words.say("，" if made else "", "未作出", "、".join(none), "决定")
    return words.sentence(f"{table.id}.{column}")


def _amount(report: Report, table: TableSpec, row: RowSpec) -> Sentence:
    cell = (table.id, row.id, table.block_of(row.id).columns[0].id)
    words = _Words(report).say("本年度")
    if _value(report, cell):
        words.say(row.label, "金额").count((cell,), TEN_THOUSAND_YUAN)
    else:
        words.say("无", row.label)
    return words.sentence(f"{table.id}.{row.id}")


# --- 四 复议诉讼 ------------------------------------------------------------------------------


def _proceeding_groups(table: TableSpec) -> list[tuple[str, list[RowSpec]]]:
    """One per kind of proceeding: a row on its own (行政复议) or the rows under one heading (行政诉讼)."""
    groups: dict[str, list[RowSpec]] = {}
    for row in table.rows:
        groups.setdefault(row.path[-1] if row.path else row.label, []).append(row)
    return list(groups.items())


def _proceeding_sentences(report: Report, table: TableSpec) -> list[Sentence]:
    total = _total_column(table)
    groups = _proceeding_groups(table)
    cells = {word: tuple((table.id, r.id, total.id) for r in rows) for word, rows in groups}
    if not any(_sum(report, c) for c in cells.values()):
        words = _Words(report).say("本年度未发生因政府信息公开引起的", "、".join(w for w, _ in groups))
        return [words.sentence(f"{table.id}.{total.id}")]
    return [_proceeding(report, table, word, rows, total) for word, rows in groups]


def _proceeding(report: Report, table: TableSpec, word: str, rows: list[RowSpec], total: ColumnSpec) -> Sentence:
    key = f"{table.id}.{rows[0].id}"
    cells = tuple((table.id, r.id, total.id) for r in rows)
    if not _sum(report, cells):
        return _Words(report).say("本年度未发生因政府信息公开引起的", word).sentence(key)
    words = _Words(report).say("本年度发生因政府信息公开引起的", word).count(cells)
    if len(rows) > 1:
        kinds = [(r, c) for r, c in zip(rows, cells, strict=True) if _value(report, c)]
        words.say("（")
        for i, (row, cell) in enumerate(kinds):
            words.say("、" if i else "", row.label).count((cell,))
        words.say("）")
    words.say("，其中")
    outcomes = [(table.id, r.id, c) for c in total.parts for r in rows]
    first = True
    for column_id in total.parts:
        by_outcome = tuple(c for c in outcomes if c[2] == column_id)
        if _sum(report, by_outcome):
            words.say("" if first else "、", table.blocks[0].column(column_id).label).count(by_outcome)
            first = False
    return words.sentence(key)


# --- 六 信息处理费 ----------------------------------------------------------------------------


def _fee_sentences(report: Report, template: Template) -> list[Sentence]:
    fee = report.fee
    key = f"{template.roles.fee_section}.{_FEE_KEY}"
    label = template.fee.label
    if fee.collected is None:
        return []
    if not fee.collected:
        return [_Words(report).say("本年度未收取", label).sentence(key)]
    words = _Words(report).say("本年度")
    if fee.applications is not None:
        words.say("对").number(Figure(fee.applications)).say("政府信息公开申请")
    words.say("收取", label)
    if fee.amount is not None:
        words.say("，共计").number(Figure(fee.amount), "元")
    return [words.sentence(key)]


_FEE_KEY = "fee"


# --- the whole report -------------------------------------------------------------------------


def standard_sentences(report: Report) -> dict[str, list[Sentence]]:
    """Every part's sentences, by part id (each table's id, the fee section's id), in template order;
    an empty list for a table not completely filled in and for a fee not stated."""
    template = report.template
    writers = {
        template.roles.in_force.table: _active_sentences,
        template.roles.applications_received[0]: _application_sentences,
        template.roles.proceedings: _proceeding_sentences,
    }
    sentences: dict[str, list[Sentence]] = {}
    for table in template.tables:
        writer = writers.get(table.id)
        if writer is not None:
            sentences[table.id] = writer(report, table) if is_filled(report, table) else []
    sentences[template.roles.fee_section] = _fee_sentences(report, template)
    return sentences


def part_text(sentences: list[Sentence]) -> str:
    """A part's sentences as they are inserted: one run of text."""
    return "".join(s.text for s in sentences)


def sentences_for(report: Report, section_id: str, subsection_title: str | None = None) -> dict[str, str]:
    """The text of each part a narrative section (or one of its suggested subsections) tells, by part
    id; parts with nothing to say are left out."""
    every = standard_sentences(report)
    parts = report.template.stated_parts(section_id, subsection_title)
    return {part: text for part in parts if (text := part_text(every.get(part, [])))}


# --- linked sentences -------------------------------------------------------------------------


def link(report: Report, path: str, part: str, text: str) -> None:
    """Record that `text`, just put in the field at `path`, is the sentences of `part` and follows the tables."""
    report.sentence_links.setdefault(path, []).append(SentenceLink(part, text))


def live_links(report: Report, path: str, text: str) -> list[SentenceLink]:
    """The links of a field whose sentences are still in its text (the others a person rewrote)."""
    return [linked for linked in report.sentence_links.get(path, []) if linked.text and linked.text in text]


def with_sentences(report: Report, path: str, text: str, parts: dict[str, str]) -> tuple[str, list[SentenceLink]]:
    """The field's text with the parts' sentences added at its end, and its links with theirs: a part
    already linked there is not added twice. A text that ends a sentence goes on in the same paragraph."""
    links = live_links(report, path, text)
    present = {linked.key for linked in links}
    for part, sentences in parts.items():
        if part in present:
            continue
        if text and not text.endswith(("。", "\n")):
            text += "\n"
        text += sentences
        links.append(SentenceLink(part, sentences))
    return text, links


_LAST: dict[str, dict[str, str]] = {}  # the figures' fingerprint → every part's text, for the last report seen


def _part_texts(report: Report) -> dict[str, str]:
    """Every part's text, written again only when a figure changed (this runs on every keystroke)."""
    key = repr((report.template.id, report.tables, report.fee))
    if key not in _LAST:
        _LAST.clear()
        _LAST[key] = {part: part_text(s) for part, s in standard_sentences(report).items()}
    return _LAST[key]


def _follow_moves(report: Report) -> None:
    """A link whose sentences are no longer in its field but in exactly one other field of the same
    section (its subsection was moved, or one before it removed) moves there."""
    fields = dict(text_fields(report))
    for path, links in list(report.sentence_links.items()):
        for linked in list(links):
            if not linked.text or linked.text in fields.get(path, ""):
                continue
            found = [p for p, t in fields.items() if part_id(p) == part_id(path) and linked.text in t]
            if len(found) == 1 and linked not in report.sentence_links.get(found[0], []):
                links.remove(linked)
                report.sentence_links.setdefault(found[0], []).append(linked)
        if not links:
            del report.sentence_links[path]


def follow_tables(report: Report) -> bool:
    """Rewrite every linked sentence still found in its field to what the tables say now; True if
    any text changed. A part with nothing to say (a table no longer filled in) is left as it is."""
    if not report.sentence_links:
        return False
    _follow_moves(report)
    every = _part_texts(report)
    changed = False
    for path, links in report.sentence_links.items():
        try:
            text = str(get_field(report, path) or "")
        except KeyError:
            continue  # the subsection is gone
        rewritten = text
        for i, linked in enumerate(links):
            new = every.get(linked.key, "")
            if new and new != linked.text and linked.text and linked.text in rewritten:
                rewritten = rewritten.replace(linked.text, new, 1)
                links[i] = SentenceLink(linked.key, new)
        if rewritten != text:
            set_field(report, path, rewritten)
            changed = True
    return changed

"""The report being written: meta, narrative, the three tables' values, last year's figures, reviews.

Values are stored as entered; totals are computed from their parts (`Report.value`), and a total
that was entered (e.g. imported) is kept so the checker can compare it with the sum.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Generic, TypeVar

from model.template import TEMPLATE_2021, CellKind, MetaId, TableSpec, Template
from model.values import CellValue, Invalid

Number = int | Decimal


MetaValue = str | int | date | None
T = TypeVar("T", int, date)


class _TextField:
    """A meta field the program reads by name as text ('' when not filled in)."""

    def __init__(self, field_id: str) -> None:
        self.field_id = field_id

    def __get__(self, meta: Meta, owner: type[Meta]) -> str:
        value = meta.get(self.field_id)
        return value if isinstance(value, str) else ""

    def __set__(self, meta: Meta, value: str) -> None:
        meta.set(self.field_id, value)


class _ValueField(Generic[T]):
    """A meta field the program reads by name as a year or a date (None when not filled in)."""

    def __init__(self, field_id: str, kind: type[T]) -> None:
        self.field_id = field_id
        self.kind: type[T] = kind

    def __get__(self, meta: Meta, owner: type[Meta]) -> T | None:
        value = meta.get(self.field_id)
        return value if isinstance(value, self.kind) else None

    def __set__(self, meta: Meta, value: T | None) -> None:
        meta.set(self.field_id, value)


@dataclass(init=False)
class Meta:
    """The meta fields by template id (`model.template.MetaFieldSpec`); absent: not filled in.

    The fields the program uses by name (to title, sign and date a report) have typed attributes;
    any other field the template declares is simply carried in `values`."""

    values: dict[str, MetaValue]

    agency = _TextField(MetaId.AGENCY)
    agency_kind = _TextField(MetaId.AGENCY_KIND)
    year = _ValueField(MetaId.YEAR, int)
    issue_date = _ValueField(MetaId.ISSUE_DATE, date)
    signatory = _TextField(MetaId.SIGNATORY)
    contact = _TextField(MetaId.CONTACT)

    def __init__(self, values: dict[str, MetaValue] | None = None, **fields: MetaValue) -> None:
        self.values = {**(values or {}), **fields}

    def get(self, field_id: str) -> MetaValue:
        return self.values.get(field_id)

    def set(self, field_id: str, value: MetaValue) -> None:
        self.values[field_id] = value


@dataclass
class Subsection:
    title: str = ""
    text: str = ""


@dataclass
class NarrativeSection:
    intro: str = ""
    subsections: list[Subsection] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.intro.strip() and not any(s.text.strip() for s in self.subsections)

    def full_text(self) -> str:
        parts = [self.intro] + [f"{s.title}\n{s.text}" for s in self.subsections]
        return "\n".join(p for p in parts if p)


@dataclass(init=False)
class Narrative:
    """The narrative sections (一, 五, 六) and the report-level texts (开头语, 结束语), by template id."""

    sections: dict[str, NarrativeSection]
    texts: dict[str, str]

    def __init__(
        self,
        sections: dict[str, NarrativeSection] | None = None,
        texts: dict[str, str] | None = None,
        **parts: NarrativeSection | str,
    ) -> None:
        self.sections = dict(sections or {})
        self.texts = dict(texts or {})
        for part_id, part in parts.items():
            if isinstance(part, NarrativeSection):
                self.sections[part_id] = part
            else:
                self.texts[part_id] = part

    def section(self, section_id: str) -> NarrativeSection:
        return self.sections.setdefault(section_id, NarrativeSection())

    def text(self, part_id: str) -> str:
        return self.texts.get(part_id, "")

    def set_text(self, part_id: str, text: str) -> None:
        self.texts[part_id] = text


@dataclass
class Previous:
    """What the cross-year checks need from last year's report."""

    year: int | None = None
    carried_forward: dict[str, CellValue] = field(default_factory=dict)  # column id → value
    in_force: dict[str, CellValue] = field(default_factory=dict)  # active_disclosure row id → value
    # narrative section id → fingerprints of last year's sentences (model.sentences), for COPIED_FROM_LAST_YEAR
    sentences: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Review:
    """A person's decision that a warning is fine, valid while the values it concerns are unchanged."""

    code: str
    location: dict[str, str]
    reason: str
    fingerprint: str


@dataclass
class Fee:
    """The 信息处理费 the fee section (六) states as a fact; None: not stated."""

    collected: bool | None = None
    amount: Decimal | None = None  # in 元 (the tables' amounts are in 万元)
    applications: int | None = None  # how many applications were charged

    def is_stated(self) -> bool:
        return self.collected is not None

    def is_empty(self) -> bool:
        return self.collected is None and self.amount is None and self.applications is None


@dataclass(frozen=True)
class SentenceLink:
    """A sentence written from the tables (model.sentences) inside a text field: while `text` is found
    in the field, the sentence follows the tables; once a person rewrites it, it is plain text."""

    key: str  # the sentence's key (model.sentences.Sentence.key)
    text: str  # the sentence as it stands in the field


@dataclass(frozen=True)
class ImportNote:
    """What reading a typed document could not settle, kept for the checker (model.checks.imported,
    model.checks.headings) and saved with the report, so a converted file keeps its findings.

    kind: "unreadable" (a table whose shape could not be mapped; none of its numbers was read),
    "old_format" (a table or file in the 2019 format), "blank_mark" (a cell typed as “—”, “/” or “无”,
    read as not filled in), "heading" (a section heading worded otherwise than the template's).
    """

    kind: str
    part: str = ""  # the table or section id, "" for the whole file
    found: str = ""  # what the document shows: the heading, the mark, the label that gave the format away
    reason: str = ""  # in Chinese: why the table could not be read
    row: str | None = None
    column: str | None = None


TableValues = dict[str, dict[str, CellValue]]  # row id → column id → value (absent: not filled)


@dataclass
class Report:
    meta: Meta = field(default_factory=Meta)
    narrative: Narrative = field(default_factory=Narrative)
    tables: dict[str, TableValues] = field(default_factory=dict)
    previous: Previous | None = None
    reviews: list[Review] = field(default_factory=list)
    # Labels of an imported document that differ from the statutory ones: table → row/column id → label.
    imported_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    fee: Fee = field(default_factory=Fee)
    # Sentences written from the tables that still follow them: field path → links, in text order.
    sentence_links: dict[str, list[SentenceLink]] = field(default_factory=dict)
    import_notes: list[ImportNote] = field(default_factory=list)
    template: Template = TEMPLATE_2021
    # Computed totals, dropped on every set_cell: change cells only through set_cell.
    _totals: dict[tuple[str, str, str], Number | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for table in self.template.tables:
            self.tables.setdefault(table.id, {})
        for section in self.template.narrative_sections:
            self.narrative.section(section.id)
        for spec in self.template.meta_fields:
            if spec.default is not None and not self.meta.get(spec.id):
                self.meta.set(spec.id, spec.default)

    # --- cells -----------------------------------------------------------------------------

    def stored(self, table_id: str, row_id: str, column_id: str) -> CellValue:
        """The value as entered or read, None when not filled in."""
        return self.tables[table_id].get(row_id, {}).get(column_id)

    def set_cell(self, table_id: str, row_id: str, column_id: str, value: CellValue) -> None:
        if isinstance(value, int) and is_amount(self.template.table(table_id), row_id, column_id):
            value = Decimal(value)
        self._totals.clear()
        row = self.tables[table_id].setdefault(row_id, {})
        if value is None:
            row.pop(column_id, None)
            if not row:
                del self.tables[table_id][row_id]
        else:
            row[column_id] = value

    def computed(self, table_id: str, row_id: str, column_id: str) -> Number | None:
        """The sum of a total cell's parts; None when the cell is no total or a part is not a number."""
        parts = self.template.table(table_id).total_parts.get((row_id, column_id))
        if parts is None:
            return None
        key = (table_id, row_id, column_id)
        if key not in self._totals:
            self._totals[key] = _sum(self.value(table_id, r, c) for r, c in parts)
        return self._totals[key]

    def value(self, table_id: str, row_id: str, column_id: str) -> Number | None:
        """The number to show and print: computed for totals whose parts are all filled in."""
        total = self.computed(table_id, row_id, column_id)
        if total is not None:
            return total
        stored = self.tables[table_id].get(row_id, {}).get(column_id)
        return None if isinstance(stored, Invalid) else stored

    def unfilled_cells(self) -> list[tuple[str, str, str]]:
        """(table, row, column) of every cell that has no value to print."""
        return [
            (table.id, row.id, column.id)
            for table in self.template.tables
            for row, column in table.cells()
            if self.value(table.id, row.id, column.id) is None
        ]

    def shown(self, field_id: str) -> MetaValue:
        """A meta field as printed: its value, or the value of the field its spec falls back to
        when it is empty (落款 left empty is the agency's name)."""
        value = self.meta.get(field_id)
        fallback = self.template.meta_field(field_id).falls_back_to
        return self.meta.get(fallback) if fallback and value in (None, "") else value

    @property
    def signatory(self) -> str:
        """The 落款 as printed."""
        return str(self.shown(MetaId.SIGNATORY) or "")

    @property
    def title(self) -> str:
        return self.template.report_title(self.meta.agency, self.meta.year)


def _sum(values: Iterable[Number | None]) -> Number | None:
    total: Number = 0
    for value in values:
        if value is None:
            return None
        total = total + value
    return total


def is_amount(table: TableSpec, row_id: str, column_id: str) -> bool:
    return table.block_of(row_id).column(column_id).kind is CellKind.AMOUNT

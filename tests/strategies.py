"""Hypothesis strategies for whole reports, walking the template: any meta value, narrative and
cell value the file format can hold (the round-trip properties in tests/export/test_round_trips.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache

from hypothesis import strategies as st

from model.dates import MAX_YEAR, MIN_YEAR
from model.report import Meta, Narrative, NarrativeSection, Report, Subsection
from model.template import TEMPLATE_2021, CellKind, FieldKind, MetaFieldSpec, Template
from model.values import MAX_EXACT_COUNT, CellValue, Invalid, coerce_file_value

# What people type: Chinese, Latin, digits, punctuation, spaces and line breaks (no control characters:
# those are replaced on saving, see TEXT_REPLACED).
ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\u2028\u2029\x85"
) | st.sampled_from("，。、；：“”（）年月日局县政府信息公开 \n")
texts = st.text(ALPHABET, max_size=60)
lines = st.text(ALPHABET.filter(lambda c: c != "\n"), max_size=30)
counts = st.integers(min_value=0, max_value=MAX_EXACT_COUNT) | st.integers(min_value=0, max_value=50)
amounts = st.decimals(min_value=0, max_value=Decimal("99999999.9999"), places=4, allow_nan=False, allow_infinity=False)
SUBSECTIONS = st.lists(st.builds(Subsection, lines, texts), max_size=3)
invalid_raws = lines.filter(
    lambda raw: raw.strip() != "" and isinstance(coerce_file_value(raw, CellKind.COUNT), Invalid)
)


@cache  # a strategy is built once: building one per draw costs more than drawing
def _meta_value(spec: MetaFieldSpec) -> st.SearchStrategy[object]:
    if spec.kind is FieldKind.YEAR:
        return st.none() | st.integers(MIN_YEAR, MAX_YEAR)
    if spec.kind is FieldKind.DATE:
        return st.none() | st.dates(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31))
    if spec.kind is FieldKind.CHOICE:
        return st.sampled_from([choice for choice, _ in spec.choices])
    # A meta field is one value beside its label: the readers trim the spaces around it.
    if spec.kind is FieldKind.MULTILINE:
        return texts.map(str.strip)
    return lines.map(str.strip)


@cache
def _cell(kind: CellKind, invalid: bool) -> st.SearchStrategy[CellValue]:
    number: st.SearchStrategy[CellValue] = counts if kind is CellKind.COUNT else amounts
    return st.none() | number | number | invalid_raws.map(Invalid) if invalid else st.none() | number


@st.composite
def reports(draw: st.DrawFn, template: Template = TEMPLATE_2021, invalid: bool = True) -> Report:
    """Any report; `invalid`: cells may hold invalid values (text kept as read) too."""
    meta = Meta({spec.id: draw(_meta_value(spec)) for spec in template.meta_fields})  # type: ignore[misc]
    sections = {
        section.id: NarrativeSection(draw(texts), draw(st.lists(st.builds(Subsection, lines, texts), max_size=3)))
        for section in template.narrative_sections
    }
    narrative = Narrative(sections=sections, texts={part.id: draw(texts) for part in template.texts})
    report = Report(meta=meta, narrative=narrative, template=template)
    for table in template.tables:
        for row, column in table.cells():
            if draw(st.integers(0, 3)) == 0:
                continue
            report.set_cell(table.id, row.id, column.id, draw(_cell(column.kind, invalid)))
    return report

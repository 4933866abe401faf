"""Importing a workbook: find each statutory table by its labels, then read its cells into a Report.

Each sheet becomes a grid (merged ranges repeat their top-left cell, as Word's merged cells do) cut
into parts at blank rows and section headings; a part is the statutory table whose labels it shows
(a part with too few labels of its own continues the part above it). The table is then read by
export.read_grid, by labels only, wherever it stands and however it is laid out: a sheet this app
wrote, one a person rearranged, or a web page pasted into a spreadsheet. Totals typed as numbers are
kept as declared totals so the checker compares them; totals that are formulas are left to the app.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from export.excel.extras import read_extras
from export.excel.fee_rows import read_fee
from export.excel.read_cells import Entry, Position, SheetCells, read_cached_values, read_cells
from export.excel.read_text import read_meta, read_narrative
from export.read_grid import Grid, GridCell, read_table, recognise
from model.errors import ReportFileError
from model.labels import exact_key, word_key
from model.layout import CellRole, table_layout
from model.report import Report
from model.template import TableSpec, Template


class CachedValues:
    """The values formulas showed when last saved; loaded only if a formula stands in an input cell."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._sheets: dict[str, dict[Position, Entry]] | None = None

    def get(self, sheet: str, position: Position) -> object:
        if self._sheets is None:
            self._sheets = read_cached_values(self._data)
        entry = self._sheets.get(sheet, {}).get(position)
        return None if entry is None else entry.value


def entry_text(entry: Entry | None) -> str:
    """A cell as text: formulas as their text (the reader asks for what they showed), numbers exactly."""
    if entry is None or entry.value is None:
        return ""
    if isinstance(entry.value, float) and not entry.is_formula:
        return repr(entry.value)
    return str(entry.value)


def sheet_grid(sheet: SheetCells) -> Grid:
    """The sheet as a grid of rows 1… and columns 1… (grid index 0 is sheet row/column 1); a merged
    range repeats its top-left cell, except in a slot holding something of its own (a range a program
    forgot to move with inserted rows); a cell's origin is its sheet position."""
    positions = [*sheet.cells, *(end for _, end in sheet.merges)]
    height = max((r for r, _ in positions), default=0)
    width = max((c for _, c in positions), default=0)
    covered: dict[Position, Position] = {}
    for (top, left), (bottom, right) in sheet.merges:
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) not in sheet.cells:
                    covered[(r, c)] = (top, left)
    grid: Grid = []
    for r in range(1, height + 1):
        row = []
        for c in range(1, width + 1):
            origin = covered.get((r, c), (r, c))
            entry = sheet.cells.get(origin)
            row.append(GridCell(entry_text(entry), origin, entry is not None and entry.is_formula))
        grid.append(row)
    return grid


def _texts(row: list[GridCell]) -> list[str]:
    return list(dict.fromkeys(c.text.strip() for c in row if c.text.strip()))


def _is_heading(row: list[GridCell], headings: set[str]) -> bool:
    texts = _texts(row)
    return len(texts) == 1 and word_key(texts[0]) in headings


@dataclass
class _Part:
    table: str | None
    rows: Grid


def _parts(grid: Grid, template: Template) -> list[_Part]:
    """The grid cut at blank rows and section headings, each part with the table it shows; a part
    showing none, or the same table as the part before, continues the part before (not across a heading)."""
    headings = {word_key(s.heading) for s in template.sections}
    headings |= {word_key(s.explanatory_title) for s in template.sections if s.explanatory_title}
    pieces: list[tuple[bool, Grid]] = []  # (a heading stands before it, rows)
    current: Grid = []
    fresh = heading_seen = False
    for row in grid:
        is_heading = _is_heading(row, headings)
        if is_heading or not _texts(row):
            if current:
                pieces.append((fresh, current))
                current = []
            heading_seen = heading_seen or is_heading
            continue
        if not current:
            fresh, heading_seen = heading_seen, False
        current.append(row)
    if current:
        pieces.append((fresh, current))
    parts: list[_Part] = []
    for fresh, rows in pieces:
        table = recognise(rows, template)
        if parts and not fresh and (table is None or table == parts[-1].table) and parts[-1].table is not None:
            parts[-1].rows.extend(rows)
        else:
            parts.append(_Part(table, rows))
    return parts


def _located(sheets: list[SheetCells], template: Template) -> dict[str, tuple[SheetCells, Grid]]:
    """Each statutory table's sheet and rows: the first sheet showing it."""
    found: dict[str, tuple[SheetCells, Grid]] = {}
    for sheet in sheets:
        for part in _parts(sheet_grid(sheet), template):
            if part.table is not None and part.table not in found:
                found[part.table] = (sheet, part.rows)
    return found


def values_of_our_layout(table: TableSpec, rows: Grid) -> frozenset[Position]:
    """Where the data cells are when a part shows the table exactly as this app lays it out (every label
    at its place): whatever they hold is a value, however it reads."""
    layout = table_layout(table)
    labels = [c for c in layout.cells if c.role is not CellRole.DATA and c.text]
    where: dict[str, list[Position]] = {}
    for row in rows:
        for cell in row:
            if cell.text.strip():
                where.setdefault(exact_key(cell.text), []).append(cell.origin)
    votes: Counter[Position] = Counter()
    for label in labels:
        for r, c in set(where.get(exact_key(label.text), ())):
            votes[(r - label.row, c - label.column)] += 1
    if not votes:
        return frozenset()
    (top, left), count = votes.most_common(1)[0]
    if count < len(labels):
        return frozenset()
    return frozenset((top + d.row, left + d.column) for d in layout.data_cells())


def _not_ours(template: Template) -> ReportFileError:
    headings = "、".join(f"“{template.section(t.id).heading}”" for t in template.tables)
    return ReportFileError(f"这不是年报工作簿：找不到{headings}等统计表（请使用本程序导出的 Excel 文件）")


def read_workbook(path: Path, template: Template | None = None) -> Report:
    sheets, data = read_cells(path)
    report = Report() if template is None else Report(template=template)
    template = report.template
    located = _located(sheets, template)
    if not located:
        raise _not_ours(template)
    cached = CachedValues(data)
    for table in template.tables:
        if table.id not in located:
            continue  # a deleted sheet: its cells stay unfilled and the checker says so
        sheet, rows = located[table.id]
        ours = values_of_our_layout(table, rows)
        reading = read_table(table, [rows], template, partial(cached.get, sheet.name), ours)
        for (row_id, column_id), value in reading.values.items():
            report.set_cell(table.id, row_id, column_id, value)
        if reading.labels:
            report.imported_labels[table.id] = reading.labels
        report.import_notes += reading.notes
    report.meta, notes = read_meta(sheets, template)
    report.import_notes = notes + report.import_notes
    report.narrative = read_narrative(sheets, template)
    read_extras(sheets, report)
    fee = read_fee(sheets, template)  # the visible rows, where a person may have changed it
    if fee is not None:
        report.fee = fee
    return report

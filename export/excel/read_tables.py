"""Importing a workbook: find each statutory table by its labels, then read its cells into a Report.

A table is found wherever its labels are, in whichever sheet (sheets may be renamed, reordered, or
moved down a few rows): every label votes for the place the layout's top-left corner must be at,
and the place with most votes wins. Totals typed as numbers are kept as declared totals so the
checker compares them; totals that are formulas are left to the app to compute.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from export.excel.extras import read_extras
from export.excel.fee_rows import read_fee
from export.excel.read_cells import Entry, Position, SheetCells, read_cached_values, read_cells
from export.excel.read_text import read_meta, read_narrative
from export.label_matching import differs
from model.errors import ReportFileError
from model.labels import exact_key
from model.layout import CellRole, LayoutCell, table_layout
from model.report import Report
from model.template import CellKind, TableSpec, Template
from model.values import CellValue, Invalid, coerce_file_value

MIN_LABELS_FOUND = 0.5  # of a table's labels, for its sheet to count as that table


@dataclass(frozen=True)
class TablePlacement:
    sheet: SheetCells
    origin: Position  # the sheet position of the layout's row 0, column 0
    votes: int
    rows: dict[int, int] = field(default_factory=dict)  # layout row → sheet row, when rows moved

    def position(self, cell: LayoutCell) -> Position:
        return self.rows.get(cell.row, self.origin[0] + cell.row), self.origin[1] + cell.column


def _labels(table: TableSpec) -> list[LayoutCell]:
    return [c for c in table_layout(table).cells if c.role is not CellRole.DATA and c.text]


def _best_origin(sheet: SheetCells, labels: list[LayoutCell]) -> tuple[Position, int] | None:
    where: dict[str, list[Position]] = {}
    for position in sheet.cells:
        where.setdefault(exact_key(sheet.text(position)), []).append(position)
    votes: Counter[Position] = Counter()
    for label in labels:
        for row, column in where.get(exact_key(label.text), ()):
            votes[(row - label.row, column - label.column)] += 1
    return votes.most_common(1)[0] if votes else None


def _row_labels(table: TableSpec) -> dict[int, LayoutCell]:
    """Layout row → the innermost row-header cell naming that one row (tables printed downwards)."""
    leaves: dict[int, LayoutCell] = {}
    row_headers = (c for c in table_layout(table).cells if c.role is CellRole.ROW_HEADER and c.rowspan == 1)
    for cell in row_headers:
        if cell.row not in leaves or cell.column > leaves[cell.row].column:
            leaves[cell.row] = cell
    return leaves


def _found_row(sheet: SheetCells, label: LayoutCell, expected: Position) -> int | None:
    """The sheet row holding this row label in its column, the one nearest where it should be."""
    key = exact_key(label.text)
    rows = [r for (r, c) in sheet.cells if c == expected[1] and exact_key(sheet.text((r, c))) == key]
    return min(rows, key=lambda r: abs(r - expected[0])) if rows else None


def _row_map(table: TableSpec, placement: TablePlacement) -> dict[int, int]:
    """Layout row → sheet row, following rows a person inserted or deleted inside the table.

    Each labelled row is found by its label; a row without one (a header) moves with the next
    labelled row below it, the block it heads.
    """
    shifts: dict[int, int] = {}
    for layout_row, label in _row_labels(table).items():
        expected = placement.position(label)
        found = _found_row(placement.sheet, label, expected)
        if found is not None:
            shifts[layout_row] = found - expected[0]
    if not shifts:
        return {}
    n_rows = table_layout(table).n_rows
    mapped: dict[int, int] = {}
    shift = shifts[max(shifts)]  # rows below the last label (none today) move with it
    for layout_row in reversed(range(n_rows)):
        shift = shifts.get(layout_row, shift)
        mapped[layout_row] = placement.origin[0] + layout_row + shift
    return mapped


def locate_table(table: TableSpec, sheets: list[SheetCells]) -> TablePlacement | None:
    labels = _labels(table)
    best: TablePlacement | None = None
    for sheet in sheets:
        found = _best_origin(sheet, labels)
        if found is not None and (best is None or found[1] > best.votes):
            best = TablePlacement(sheet, found[0], found[1])
    if best is None or best.votes < max(2, len(labels) * MIN_LABELS_FOUND):
        return None
    return replace(best, rows=_row_map(table, best))


class CachedValues:
    """The values formulas showed when last saved; loaded only if an input cell holds a formula."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._sheets: dict[str, dict[Position, Entry]] | None = None

    def get(self, sheet: str, position: Position) -> object:
        if self._sheets is None:
            self._sheets = read_cached_values(self._data)
        entry = self._sheets.get(sheet, {}).get(position)
        return None if entry is None else entry.value


def _cell_value(entry: Entry | None, kind: CellKind, is_total: bool, cached: object) -> CellValue:
    if entry is None:
        return None
    if entry.is_formula:
        if is_total:
            return None  # the app computes totals; a formula total declares nothing
        if cached is None:
            return Invalid(str(entry.value))  # a formula nobody calculated: show it, do not guess
        return coerce_file_value(cached, kind)
    return coerce_file_value(entry.value, kind)


def _read_cells(report: Report, table: TableSpec, placement: TablePlacement, cached: CachedValues) -> None:
    for cell in table_layout(table).data_cells():
        assert cell.ref is not None
        row_id, column_id = cell.ref
        position = placement.position(cell)
        entry = placement.sheet.cells.get(position)
        kind = table.block_of(row_id).column(column_id).kind
        lazy = cached.get(placement.sheet.name, position) if entry is not None and entry.is_formula else None
        value = _cell_value(entry, kind, cell.is_total, lazy)
        if value is not None:
            report.set_cell(table.id, row_id, column_id, value)


def _label_ids(table: TableSpec) -> dict[str, str]:
    """Statutory label → the row or column id a LABEL_MISMATCH finding points at."""
    ids = {c.label: c.id for block in table.blocks for c in block.columns}
    ids.update({r.label: r.id for r in table.rows})
    return ids


def _changed_labels(table: TableSpec, placement: TablePlacement) -> dict[str, str]:
    ids = _label_ids(table)
    changed: dict[str, str] = {}
    for cell in _labels(table):
        found = placement.sheet.text(placement.position(cell)).strip()
        if cell.text in ids and found and differs(found, cell.text):
            changed[ids[cell.text]] = found
    return changed


def _not_ours(template: Template) -> ReportFileError:
    headings = "、".join(f"“{template.section(t.id).heading}”" for t in template.tables)
    return ReportFileError(f"这不是年报工作簿：找不到{headings}等统计表（请使用本程序导出的 Excel 文件）")


def read_workbook(path: Path, template: Template | None = None) -> Report:
    sheets, data = read_cells(path)
    report = Report() if template is None else Report(template=template)
    template = report.template
    placements = {t.id: locate_table(t, sheets) for t in template.tables}
    if not any(placements.values()):
        raise _not_ours(template)
    cached = CachedValues(data)
    for table in template.tables:
        placement = placements[table.id]
        if placement is None:
            continue  # a deleted sheet: its cells stay unfilled and the checker says so
        _read_cells(report, table, placement, cached)
        labels = _changed_labels(table, placement)
        if labels:
            report.imported_labels[table.id] = labels
    report.meta = read_meta(sheets, template)
    report.narrative = read_narrative(sheets, template)
    read_extras(sheets, report)
    fee = read_fee(sheets, template)  # the visible rows, where a person may have changed it
    if fee is not None:
        report.fee = fee
    return report

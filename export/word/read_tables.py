"""Reading the statutory tables out of Word tables typed by hand: which table, which row, which column.

Labels are matched tolerantly (export.label_matching) and cells found through the merged layout: a
column's place comes from its header cell, a row's from its own label, so merged and unmerged
row headers, missing numbers and wording variants all read. Blank and "/" are "not filled in".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from export.label_matching import best_match, differs
from export.word.read_body import Grid, GridCell
from model.labels import collapse_spaces, forgiving_key
from model.template import BlockSpec, ColumnSpec, Orientation, TableSpec, Template
from model.values import CellValue, coerce_file_value, is_blank_text, normalize_number_text

MIN_LABELS_TO_RECOGNISE = 3


@dataclass
class ImportedTable:
    values: dict[tuple[str, str], CellValue] = field(default_factory=dict)  # (row id, column id) → value
    labels: dict[str, str] = field(default_factory=dict)  # row or column id → label as found, if it differs


def _header_labels(table: TableSpec) -> set[str]:
    """Keys of the labels printed in a table's header rows: titles, corners, column heads and groups."""
    labels = {forgiving_key(b.title) for b in table.blocks} | {forgiving_key(b.corner) for b in table.blocks}
    for block in table.blocks:
        for column in block.columns:
            labels |= {forgiving_key(p) for p in (*column.path, column.label)}
        if block.orientation is Orientation.ACROSS:
            labels |= {forgiving_key(p) for r in block.rows for p in (*r.path, r.label)}
    return labels - {""}


def _all_labels(table: TableSpec) -> set[str]:
    return _header_labels(table) | {forgiving_key(p) for r in table.rows for p in (*r.path, r.label)}


def classify(grid: Grid, template: Template) -> str | None:
    """The id of the statutory table whose labels this grid shows most of, if it shows enough."""
    keys = {forgiving_key(cell.text) for row in grid for cell in row}
    best: tuple[float, str] | None = None
    for table in template.tables:
        labels = _all_labels(table)
        found = len(labels & keys)
        if found >= MIN_LABELS_TO_RECOGNISE and (best is None or found / len(labels) > best[0]):
            best = (found / len(labels), table.id)
    return best[1] if best else None


def concatenate(grids: list[Grid]) -> Grid:
    """One grid from a table split into several Word tables (each piece's merges kept apart)."""
    joined: Grid = []
    for grid in grids:
        offset = len(joined)
        for row in grid:
            joined.append([GridCell(c.text, (c.origin[0] + offset, c.origin[1])) for c in row])
    return joined


def _distinct(row: list[GridCell]) -> list[tuple[int, GridCell]]:
    """Each printed cell of a grid row once, with the first grid column it covers."""
    seen: set[tuple[int, int]] = set()
    cells = []
    for column, cell in enumerate(row):
        if cell.origin not in seen:
            seen.add(cell.origin)
            cells.append((column, cell))
    return cells


def _is_textual(text: str) -> bool:
    folded = normalize_number_text(text)
    return not is_blank_text(text) and not folded.replace(".", "", 1).lstrip("+-").isdigit()


def _spans(row: list[GridCell]) -> dict[tuple[int, int], tuple[int, int]]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for column, cell in enumerate(row):
        first, _ = spans.get(cell.origin, (column, column))
        spans[cell.origin] = (first, column)
    return spans


class _DownReader:
    """Tables whose data rows run down the page (tables 2 and 3)."""

    def __init__(self, table: TableSpec) -> None:
        self.table = table
        self.headers = _header_labels(table)
        self.positions: dict[str, tuple[int, int]] = {}  # column id → grid columns of its header cell
        self.result = ImportedTable()
        self.unmatched_rows = {r.id: r.label for r in table.rows}

    def _columns(self) -> dict[str, ColumnSpec]:
        return {c.id: c for b in self.table.blocks for c in b.columns}

    def _read_header(self, row: list[GridCell]) -> bool:
        cells = [(c, cell) for c, cell in _distinct(row) if _is_textual(cell.text)]
        if not any(forgiving_key(cell.text) in self.headers for _, cell in cells):
            return False
        columns = self._columns()
        spans = _spans(row)
        group_keys = self.headers - {forgiving_key(c.label) for c in columns.values()}
        for _, cell in cells:
            if forgiving_key(cell.text) in group_keys:
                continue
            match = best_match(cell.text, ((c.id, c.label) for c in columns.values()))
            if match is None:
                continue
            column = columns[match[0]]
            self.positions[column.id] = spans[cell.origin]
            if differs(cell.text, column.label):
                self.result.labels[column.id] = collapse_spaces(cell.text)
        return True

    def _row_label(self, row: list[GridCell]) -> tuple[str, GridCell] | None:
        data_start = min((first for first, _ in self.positions.values()), default=len(row))
        labels = [cell for c, cell in _distinct(row) if c < max(data_start, 1) and _is_textual(cell.text)]
        for cell in reversed(labels):
            match = best_match(cell.text, self.unmatched_rows.items())
            if match is not None:
                return match[0], cell
        return None

    def _read_values(self, row: list[GridCell], row_id: str, label: GridCell) -> None:
        block: BlockSpec = self.table.block_of(row_id)
        after_label = [cell for c, cell in _distinct(row) if cell.origin != label.origin and c > row.index(label)]
        for index, column in enumerate(block.columns):
            span = self.positions.get(column.id)
            if span is not None:
                slots = [row[c] for c in range(span[0], min(span[1] + 1, len(row))) if row[c].origin != label.origin]
                texts = [cell.text for cell in slots if not is_blank_text(cell.text)]
                text = texts[0] if texts else ""
            else:
                text = after_label[index].text if index < len(after_label) else ""
            value = coerce_file_value(text, column.kind)
            if value is not None:
                self.result.values[(row_id, column.id)] = value

    def read(self, grid: Grid) -> ImportedTable:
        for row in grid:
            if self._read_header(row):
                continue
            found = self._row_label(row)
            if found is None:
                continue
            row_id, label = found
            statutory = self.unmatched_rows.pop(row_id)
            if differs(label.text, statutory):
                self.result.labels[row_id] = collapse_spaces(label.text)
            self._read_values(row, row_id, label)
        return self.result


def _read_across(table: TableSpec, grid: Grid) -> ImportedTable:
    """Table 4: one data row under a header naming the three proceedings and their five columns."""
    block = table.blocks[0]
    result = ImportedTable()
    header_cells = [(c, cell) for row in grid for c, cell in _distinct(row) if _is_textual(cell.text)]
    best: dict[str, tuple[float, int, GridCell]] = {}
    for c, cell in header_cells:
        match = best_match(cell.text, ((r.id, r.label) for r in block.rows))
        if match is not None and (match[0] not in best or match[1] > best[match[0]][0]):
            best[match[0]] = (match[1], c, cell)
    starts = {row_id: c for row_id, (_, c, _) in best.items()}
    for row_id, (_, _, cell) in best.items():
        if differs(cell.text, table.row(row_id).label):
            result.labels[row_id] = collapse_spaces(cell.text)
    width = max((len(r) for r in grid), default=0)
    data_rows = [row for row in grid if any(not _is_textual(c.text) and not is_blank_text(c.text) for c in row)]
    data_row = data_rows[-1] if data_rows else (grid[-1] if grid else [])
    ordered = sorted(starts.items(), key=lambda item: item[1])
    for i, (row_id, start) in enumerate(ordered):
        end = ordered[i + 1][1] if i + 1 < len(ordered) else width
        leaves = {}
        for c, cell in header_cells:
            match = best_match(cell.text, ((col.id, col.label) for col in block.columns)) if start <= c < end else None
            if match is not None and match[0] not in leaves:
                leaves[match[0]] = c
                if differs(cell.text, block.column(match[0]).label):
                    result.labels[match[0]] = collapse_spaces(cell.text)
        for index, column in enumerate(block.columns):
            position = leaves.get(column.id, start + index)
            text = data_row[position].text if position < len(data_row) else ""
            value = coerce_file_value(text, column.kind)
            if value is not None:
                result.values[(row_id, column.id)] = value
    return result


def read_table(table: TableSpec, grid: Grid) -> ImportedTable:
    if all(b.orientation is Orientation.ACROSS for b in table.blocks):
        return _read_across(table, grid)
    return _DownReader(table).read(grid)

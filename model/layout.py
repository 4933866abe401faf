"""The printed shape of a statutory table: a grid of cells with merges, derived from the template.

Word, Excel, PDF and the window's grids all draw tables from this one layout, so the merges of the
official tables (the 勾稽 note, 申请人情况 / 法人或其他组织, 三、本年度办理结果 / （三）…, the two header
levels of table 4) are worked out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from model.template import BlockSpec, ColumnSpec, Orientation, RowSpec, TableSpec


class CellRole(Enum):
    TITLE = "title"  # a block title spanning the table (第二十条第（一）项)
    CORNER = "corner"  # the top-left header cell
    COLUMN_HEADER = "column_header"
    ROW_HEADER = "row_header"
    DATA = "data"


@dataclass(frozen=True)
class LayoutCell:
    row: int
    column: int
    role: CellRole
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    ref: tuple[str, str] | None = None  # (row id, column id) of a data cell
    is_total: bool = False


@dataclass(frozen=True)
class TableLayout:
    table_id: str
    n_rows: int
    n_columns: int
    cells: tuple[LayoutCell, ...]
    header_rows: int  # printed rows at the top that repeat on every page (0 for table 2)

    def data_cells(self) -> tuple[LayoutCell, ...]:
        return tuple(c for c in self.cells if c.role is CellRole.DATA)

    def position_of(self, row_id: str, column_id: str) -> tuple[int, int]:
        """Where a data cell is printed (top-left grid position)."""
        for cell in self.cells:
            if cell.ref == (row_id, column_id):
                return cell.row, cell.column
        raise KeyError((row_id, column_id))


def _spans(paths: list[tuple[str, ...]], depth: int) -> list[tuple[int, int, str, int]]:
    """Merge runs of equal header paths at one level: (first index, count, label, levels spanned)."""
    runs: list[tuple[int, int, str, int]] = []
    total_depth = max(len(p) for p in paths)
    i = 0
    while i < len(paths):
        path = paths[i]
        if len(path) <= depth:
            i += 1
            continue
        j = i + 1
        while j < len(paths) and len(paths[j]) > depth and paths[j][: depth + 1] == path[: depth + 1]:
            j += 1
        is_leaf = len(path) == depth + 1
        runs.append((i, j - i, path[depth], total_depth - depth if is_leaf else 1))
        i = j
    return runs


def _down_block(block: BlockSpec, top: int, width: int) -> tuple[list[LayoutCell], int]:
    """Lay out a block whose data rows run down the page; returns its cells and its height."""
    cells: list[LayoutCell] = []
    if block.title:
        cells.append(LayoutCell(top, 0, CellRole.TITLE, block.title, colspan=width))
        top += 1
    col_paths = [(*c.path, c.label) for c in block.columns]
    row_paths = [(*r.path, r.label) for r in block.rows]
    header_h = max(len(p) for p in col_paths)
    header_w = max(len(p) for p in row_paths)
    # A block narrower than the table lets its last column take the spare width (table 2).
    spare = width - header_w - len(block.columns)
    last = len(block.columns) - 1

    def colspan_of(index: int, count: int) -> int:
        return count + (spare if index + count - 1 == last else 0)

    cells.append(LayoutCell(top, 0, CellRole.CORNER, block.corner, rowspan=header_h, colspan=header_w))
    for depth in range(header_h):
        for first, count, label, levels in _spans(col_paths, depth):
            cells.append(
                LayoutCell(
                    top + depth,
                    header_w + first,
                    CellRole.COLUMN_HEADER,
                    label,
                    rowspan=levels,
                    colspan=colspan_of(first, count),
                )
            )
    body = top + header_h
    for depth in range(header_w):
        for first, count, label, levels in _spans(row_paths, depth):
            cells.append(
                LayoutCell(
                    body + first,
                    depth,
                    CellRole.ROW_HEADER,
                    label,
                    rowspan=count,
                    colspan=levels,
                )
            )
    for i, row in enumerate(block.rows):
        for j, column in enumerate(block.columns):
            cells.append(
                LayoutCell(
                    body + i,
                    header_w + j,
                    CellRole.DATA,
                    colspan=colspan_of(j, 1),
                    ref=(row.id, column.id),
                    is_total=row.is_total or column.is_total,
                )
            )
    return cells, (1 if block.title else 0) + header_h + len(block.rows)


def _across_columns(block: BlockSpec) -> list[tuple[RowSpec, ColumnSpec, tuple[str, ...]]]:
    return [(r, c, (*r.path, r.label, *c.path, c.label)) for r in block.rows for c in block.columns]


def _across_block(block: BlockSpec, top: int) -> tuple[list[LayoutCell], int]:
    """Lay out a block whose data rows stand side by side in one printed row (table 4)."""
    leaves = _across_columns(block)
    paths = [p for _, _, p in leaves]
    header_h = max(len(p) for p in paths)
    cells: list[LayoutCell] = []
    for depth in range(header_h):
        for first, count, label, levels in _spans(paths, depth):
            cells.append(
                LayoutCell(
                    top + depth,
                    first,
                    CellRole.COLUMN_HEADER,
                    label,
                    rowspan=levels,
                    colspan=count,
                )
            )
    for j, (row, column, _) in enumerate(leaves):
        cells.append(
            LayoutCell(
                top + header_h,
                j,
                CellRole.DATA,
                ref=(row.id, column.id),
                is_total=row.is_total or column.is_total,
            )
        )
    return cells, header_h + 1


def _block_width(block: BlockSpec) -> int:
    if block.orientation is Orientation.ACROSS:
        return len(block.rows) * len(block.columns)
    return max(len(r.path) + 1 for r in block.rows) + len(block.columns)


def _header_rows(table: TableSpec) -> int:
    """Rows to repeat when the table breaks across pages: the column header of a one-block table."""
    if len(table.blocks) != 1:
        return 0
    block = table.blocks[0]
    if block.orientation is Orientation.ACROSS:
        return max(len(p) for _, _, p in _across_columns(block))
    return max(len(c.path) + 1 for c in block.columns)


def table_layout(table: TableSpec) -> TableLayout:
    width = max(_block_width(b) for b in table.blocks)
    cells: list[LayoutCell] = []
    top = 0
    for block in table.blocks:
        if block.orientation is Orientation.ACROSS:
            block_cells, height = _across_block(block, top)
        else:
            block_cells, height = _down_block(block, top, width)
        cells.extend(block_cells)
        top += height
    return TableLayout(table.id, top, width, tuple(cells), _header_rows(table))

"""A statutory table as printed: column widths, cell text broken into lines, row heights, groups.

One rule for the font size: a table of seven or more columns prints in 小五, others in 五号.
Header labels break between words (商业/企业, not 商业企/业): a label without an ordinal is read as
two-character words, the commonest shape of the statutory labels, and the words are set in as few
and as even lines as the column allows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from export.composition.blocks import Align, Cell, Table
from export.composition.lines import Measure, balanced_lines, break_lines
from export.page_design import (
    PT_PER_MM,
    SIZE_5,
    SIZE_SMALL_5,
    SMALL_TABLE_FROM_COLUMNS,
    TABLE_LINE_PT,
    TEXT_WIDTH_MM,
    mm_twips,
    pt_twips,
)
from model.layout import CellRole, LayoutCell, TableLayout, table_layout
from model.numerals import ordinal
from model.report import Report
from model.template import TableSpec
from model.values import format_value

DATA_COLUMN_MM = 11.6  # three 小五 characters a line: 社会公益组织 wraps into 社会/公益/组织
OUTER_ROW_HEADER_MM = (11.0, 15.0)  # 三、本年度办理结果, （三）不予公开: narrow, their text wraps
CELL_MARGIN_MM = 1.0  # left and right, inside every cell
MIN_ROW_HEIGHT_MM = 6.0
ROW_SLACK_PT = 2.0  # a row is this much taller than its lines, so no word processor needs more


def table_font_size(layout: TableLayout) -> float:
    return SIZE_SMALL_5 if layout.n_columns >= SMALL_TABLE_FROM_COLUMNS else SIZE_5


def column_widths_mm(layout: TableLayout) -> list[float]:
    """Equal columns, except that row-header levels share what the narrow data columns leave."""
    levels = max((c.colspan for c in layout.cells if c.role is CellRole.CORNER), default=0)
    if levels <= 1:
        return [TEXT_WIDTH_MM / layout.n_columns] * layout.n_columns
    data = [DATA_COLUMN_MM] * (layout.n_columns - levels)
    outer = list(OUTER_ROW_HEADER_MM[: levels - 1])
    outer += [OUTER_ROW_HEADER_MM[-1]] * (levels - 1 - len(outer))
    innermost = TEXT_WIDTH_MM - sum(data) - sum(outer)
    return [*outer, innermost, *data]


def label_words(label: str) -> list[str]:
    """Where a header label may break: after its ordinal, then between two-character words."""
    number = ordinal(label)
    rest = label[len(number) :]
    if number and rest[:1] == "、":
        number, rest = number + rest[0], rest[1:]
    words = [number] if number else []
    if any(c.isascii() for c in rest):
        return [*words, rest]
    return [*words, *(rest[i : i + 2] for i in range(0, len(rest), 2))]


def compose_table(report: Report, table: TableSpec) -> Table:
    """The table with the report's values; its labels are broken into lines once per process."""
    frame = _frame(table)
    cells = []
    for cell, inner, labelled in frame.cells:
        if labelled is not None:
            cells.append(labelled)
            continue
        assert cell.ref is not None
        text = format_value(report.value(table.id, *cell.ref))
        lines = tuple(break_lines(text, frame.measure, inner)) if text else ("",)
        cells.append(Cell(cell.row, cell.column, cell.rowspan, cell.colspan, lines, Align.CENTER, True))
    return Table(
        table_id=table.id,
        size=frame.measure.size,
        pitch=frame.pitch,
        widths=frame.widths,
        heights=_row_heights(frame.layout, cells, frame.pitch),
        header_rows=frame.layout.header_rows,
        groups=frame.groups,
        cells=tuple(cells),
    )


@dataclass(frozen=True)
class _Frame:
    """What of a printed table does not depend on the report: sizes, labels in lines, groups."""

    layout: TableLayout
    measure: Measure
    pitch: int
    widths: tuple[float, ...]
    groups: tuple[tuple[int, int], ...]
    cells: tuple[tuple[LayoutCell, float, Cell | None], ...]  # (cell, inner width, the label's Cell)


@functools.cache
def _frame(table: TableSpec) -> _Frame:
    layout = table_layout(table)
    size = table_font_size(layout)
    measure = Measure(size)
    widths_mm = column_widths_mm(layout)
    leaf = max((c.column for c in layout.cells if c.role is CellRole.ROW_HEADER), default=-1)
    cells = []
    for cell in sorted(layout.cells, key=lambda c: (c.row, c.column)):  # reading order
        inner = (sum(widths_mm[cell.column : cell.column + cell.colspan]) - 2 * CELL_MARGIN_MM) * PT_PER_MM
        label = None if cell.ref is not None else _cell(cell, cell.text, measure, inner, leaf)
        cells.append((cell, inner, label))
    return _Frame(
        layout,
        measure,
        pt_twips(TABLE_LINE_PT[size]),
        tuple(w * PT_PER_MM for w in widths_mm),
        _groups(layout),
        tuple(cells),
    )


def _cell(cell: LayoutCell, text: str, measure: Measure, inner: float, leaf: int) -> Cell:
    is_row_label = cell.role is CellRole.ROW_HEADER and cell.column + cell.colspan - 1 == leaf
    if cell.ref is not None or not text:
        lines = [text]
    elif is_row_label or cell.role is CellRole.TITLE or (cell.role is CellRole.CORNER and cell.rowspan == 1):
        lines = break_lines(text, measure, inner)
    else:
        lines = balanced_lines(label_words(text), measure, inner)
    return Cell(cell.row, cell.column, cell.rowspan, cell.colspan, tuple(lines), _alignment(cell), cell.ref is not None)


def _alignment(cell: LayoutCell) -> Align:
    """Labels of single rows read from the left; numbers, column heads and group cells are centred."""
    if cell.role in (CellRole.ROW_HEADER, CellRole.CORNER) and cell.rowspan == 1:
        return Align.LEFT
    if cell.role is CellRole.CORNER:
        return Align.JUSTIFY
    return Align.CENTER


def _row_heights(layout: TableLayout, cells: list[Cell], pitch: int) -> tuple[int, ...]:
    """Each row as tall as its tallest single-row cell; a merged cell's lines share its rows."""
    minimum = mm_twips(MIN_ROW_HEIGHT_MM)
    slack = pt_twips(ROW_SLACK_PT)
    heights = [minimum] * layout.n_rows
    for cell in cells:
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], len(cell.lines) * pitch + slack)
    for cell in cells:
        if cell.rowspan > 1:
            rows = range(cell.row, cell.row + cell.rowspan)
            need = len(cell.lines) * pitch + slack - sum(heights[r] for r in rows)
            if need > 0:
                heights[rows[-1]] += need
    return tuple(heights)


def _groups(layout: TableLayout) -> tuple[tuple[int, int], ...]:
    """Body rows that print together: rows joined by a merged row label below the outermost level,
    and a block's title and header rows with its first row. The outermost merged labels
    (三、本年度办理结果) may break; they print again on the next page. A table without header rows
    to repeat (table 2) never breaks."""
    n = layout.n_rows
    if not layout.header_rows:
        return ((0, n),)
    joined = [False] * n  # joined[r]: row r continues the group of row r - 1
    for cell in layout.cells:
        if cell.rowspan > 1 and (cell.column > 0 or cell.role is CellRole.CORNER):
            for r in range(cell.row + 1, cell.row + cell.rowspan):
                joined[r] = True
        if cell.role in (CellRole.TITLE, CellRole.CORNER, CellRole.COLUMN_HEADER) and cell.row + cell.rowspan < n:
            joined[cell.row + cell.rowspan] = True
    groups: list[tuple[int, int]] = []
    start = layout.header_rows
    for r in range(layout.header_rows + 1, n):
        if not joined[r]:
            groups.append((start, r))
            start = r
    groups.append((start, n))
    return tuple(groups)

"""Column widths of a statutory grid, so the numbers fit the window without scrolling sideways.

Widths are measured in the font's character width: number columns are about four characters wide
(headers such as 社会公益组织 wrap onto two lines, as in the printed table); merged group labels such
as 三、本年度办理结果 get a narrow column; the row labels take what is left, up to one line of text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFontMetrics

from model.layout import CellRole
from ui.grid_cells import GridCells

_PADDING = 14  # cell margins and the grid line


@dataclass(frozen=True)
class _Ems:
    number: float = 4.2  # a number column
    number_max: float = 8.0
    group: float = 3.0  # a merged group label (三、本年度办理结果)
    group_inner: float = 4.2  # a nested group label (（三）不予公开)
    label_min: float = 9.0  # the row labels that reach the numbers
    label_max: float = 26.0


EMS = _Ems()


def column_widths(cells: GridCells, metrics: QFontMetrics, available: int) -> list[int]:
    """Widths for every grid column that fit `available` pixels when the font allows it."""
    em = metrics.horizontalAdvance("中")
    labels = _label_columns(cells)
    widths = [round(em * EMS.number) + _PADDING] * cells.n_columns
    for depth, column in enumerate(labels):
        is_leaf = depth == len(labels) - 1
        ems = EMS.label_min if is_leaf else (EMS.group if depth == 0 else EMS.group_inner)
        widths[column] = round(em * ems) + _PADDING
    spare = available - sum(widths)
    if labels and spare > 0:
        leaf = labels[-1]
        natural = min(_widest_label(cells, leaf, metrics), round(em * EMS.label_max)) + _PADDING
        grow = max(0, min(spare, natural - widths[leaf]))
        widths[leaf] += grow
        spare -= grow
    numbers = [c for c in range(cells.n_columns) if c not in labels]
    if numbers and spare > 0:
        cap = round(em * EMS.number_max) + _PADDING
        share = spare // len(numbers)
        for column in numbers:
            widths[column] = min(widths[column] + share, max(cap, widths[column]))
    return widths


def _label_columns(cells: GridCells) -> list[int]:
    """Grid columns that hold only labels (row headers), left to right."""
    data_columns = {c.column for c in cells.data_cells()}
    return [c for c in range(cells.n_columns) if c not in data_columns]


def _widest_label(cells: GridCells, column: int, metrics: QFontMetrics) -> int:
    """The widest one-line row label that starts in this column and ends there."""
    texts = [
        cell.text
        for row in range(cells.n_rows)
        if (cell := cells.origin_at(row, column)) is not None
        and cell.role is CellRole.ROW_HEADER
        and cell.column + cell.colspan - 1 == column
    ]
    return max((metrics.horizontalAdvance(t) for t in texts), default=0)

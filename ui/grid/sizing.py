"""Column widths of a statutory grid, so the numbers fit the window without scrolling sideways.

Widths are measured in the font's character width: number columns are about four characters wide
(headers such as 社会公益组织 wrap onto two lines, as in the printed table); merged group labels such
as 三、本年度办理结果 get a narrow column; the row labels take what is left, up to one line of text;
then, if there is room, number columns widen together so their headers fit on one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFontMetrics

from model.layout import CellRole
from ui.grid.cells import GridCells

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
        natural = min(_widest_text(cells, leaf, metrics, CellRole.ROW_HEADER), round(em * EMS.label_max)) + _PADDING
        grow = max(0, min(spare, natural - widths[leaf]))
        widths[leaf] += grow
        spare -= grow
    numbers = [c for c in range(cells.n_columns) if c not in labels]
    _widen_numbers_to_one_line_headers(cells, numbers, widths, spare, metrics)
    return widths


def _widen_numbers_to_one_line_headers(
    cells: GridCells, numbers: list[int], widths: list[int], spare: int, metrics: QFontMetrics
) -> None:
    """All number columns at once, so headers such as 社会公益组织 print on one line, or none at all.

    Widening only some, or by less, would break 社会公益组织 as 社会公益组/织 instead of 社会公益/组织.
    """
    if not numbers:
        return
    cap = round(metrics.horizontalAdvance("中") * EMS.number_max) + _PADDING
    target = min(max(_widest_text(cells, c, metrics, CellRole.COLUMN_HEADER) for c in numbers) + _PADDING, cap)
    if sum(max(target - widths[c], 0) for c in numbers) <= spare:
        for column in numbers:
            widths[column] = max(widths[column], target)  # equal widths, as in the printed table


def _widest_text(cells: GridCells, column: int, metrics: QFontMetrics, role: CellRole) -> int:
    """The widest one-line text of a `role` cell that stands in this column alone (a column header)
    or ends in it (a row label)."""
    texts = [
        cell.text
        for row in range(cells.n_rows)
        if (cell := cells.origin_at(row, column)) is not None
        and cell.role is role
        and (cell.colspan == 1 if role is CellRole.COLUMN_HEADER else cell.column + cell.colspan - 1 == column)
    ]
    return max((metrics.horizontalAdvance(t) for t in texts), default=0)


def _label_columns(cells: GridCells) -> list[int]:
    """Grid columns that hold only labels (row headers), left to right."""
    data_columns = {c.column for c in cells.data_cells()}
    return [c for c in range(cells.n_columns) if c not in data_columns]

"""Writing 审核汇总.xlsx in openpyxl's write-only mode, so that its size in memory does not grow with
the number of reports: the long sheets are appended row by row, and the small statutory grids are
drawn cell by cell into a SheetBuffer (with the report workbook's own helpers) and then appended."""

from __future__ import annotations

from collections.abc import Iterable
from copy import copy
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from export.excel.cells import put


def styled(
    sheet: WriteOnlyWorksheet,
    value: object,
    *,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
    number_format: str | None = None,
) -> Cell:
    cell = WriteOnlyCell(sheet)
    put(cell, value)  # typed text stays text (export.excel.cells)
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    return cell


class SheetBuffer:
    """Looks enough like a Worksheet for export.excel.table_sheet's drawing helpers (cell, merge_cells
    and the sheet's settings); `flush` appends the drawn rows to the write-only sheet."""

    PAPERSIZE_A4 = Worksheet.PAPERSIZE_A4

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self._cells: dict[tuple[int, int], Cell] = {}

    def cell(self, row: int, column: int, value: object = None) -> Cell:
        cell = self._cells.get((row, column))
        if cell is None:
            cell = self._cells[(row, column)] = WriteOnlyCell(self.sheet)
        if value is not None:
            cell.value = value
        return cell

    def merge_cells(self, *, start_row: int, start_column: int, end_row: int, end_column: int) -> None:
        """Merge, drawing the top-left cell's border around every cell of the range (in write-only
        mode openpyxl does not)."""
        first = f"{get_column_letter(start_column)}{start_row}"
        self.sheet.merged_cells.add(f"{first}:{get_column_letter(end_column)}{end_row}")
        border = copy(self.cell(start_row, start_column).border)  # the style itself, not its proxy
        for row in range(start_row, end_row + 1):
            for column in range(start_column, end_column + 1):
                if (row, column) != (start_row, start_column):
                    self.cell(row, column).border = border

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sheet, name)

    def rows(self) -> Iterable[list[Cell | None]]:
        if not self._cells:
            return
        last_row = max(r for r, _ in self._cells)
        last_column = max(c for _, c in self._cells)
        for row in range(1, last_row + 1):
            yield [self._cells.get((row, column)) for column in range(1, last_column + 1)]

    def flush(self) -> None:
        for row in self.rows():
            self.sheet.append(row)
        self._cells.clear()

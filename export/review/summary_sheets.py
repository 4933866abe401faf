"""The county's sums: 汇总数据 (one row per report, one column per statutory cell, and 纳入汇总) and
one sheet per statutory table laid out as the official grid, each cell a live SUMPRODUCT over its
column of 汇总数据 weighted by 纳入汇总. The grid, its headers, widths and 勾稽 check rows are the
report workbook's own (export.excel.table_sheet), so the sums read like a report's tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from export.excel import style
from export.excel.cells import Formula, append_row
from export.excel.sheet_grid import SheetGrid, address, differs_from_sum
from export.excel.table_sheet import (
    LANDSCAPE_ABOVE_UNITS,
    column_widths,
    merge_write,
    set_grid_row_heights,
    write_checks,
    write_header,
)
from export.review.sheet_buffer import SheetBuffer, styled
from model.review import Cell, Review, summed_cells
from model.template import TableSpec, column_title, row_title

INCLUDE_TITLE = "纳入汇总"
DATA_HEADER_ROWS = 3  # part, row, column
FIRST_VALUE_COLUMN = 4  # after 纳入汇总, 单位, 文件
SUM_GRID_TOP = 4  # title, count, a blank row, then the grid
COUNT_TITLE = "纳入汇总的报告数"


@dataclass(frozen=True)
class DataSheet:
    """Where 汇总数据 keeps what the sum sheets refer to."""

    name: str
    first_row: int
    last_row: int
    columns: dict[Cell, int]

    def _range(self, column: int) -> str:
        letter = get_column_letter(column)
        return f"'{self.name}'!${letter}${self.first_row}:${letter}${self.last_row}"

    @property
    def include_range(self) -> str:
        return self._range(1)

    def sum_of(self, cell: Cell) -> str:
        return f"=SUMPRODUCT({self.include_range},{self._range(self.columns[cell])})"

    @property
    def count(self) -> str:
        return f"=SUM({self.include_range})"


def data_sheet(name: str, review: Review) -> DataSheet:
    """Where 汇总数据 will hold each cell's column, known before it is written."""
    cells = summed_cells(review.template)
    first = DATA_HEADER_ROWS + 1
    last = max(DATA_HEADER_ROWS + len(review.entries), first)
    return DataSheet(name, first, last, {cell: FIRST_VALUE_COLUMN + i for i, cell in enumerate(cells)})


def _header_row(sheet: WriteOnlyWorksheet, values: Sequence[object]) -> list[object]:
    return [styled(sheet, v, font=style.BOLD, fill=style.HEADER_FILL, alignment=style.CENTRED) for v in values]


def write_data_sheet(sheet: WriteOnlyWorksheet, review: Review, files: Sequence[str], data: DataSheet) -> None:
    """One row per report read (in the review's order), its cells' values, and 纳入汇总 (1 or 0)."""
    template = review.template
    cells = summed_cells(template)
    style.set_column_widths(cast(Worksheet, sheet), [10, 24, 30, *(12 for _ in cells)])
    sheet.row_dimensions[2].height = style.height_for(3)
    sheet.freeze_panes = f"{get_column_letter(FIRST_VALUE_COLUMN)}{data.first_row}"
    rows = {(t.id, r.id): row_title(r) for t in template.tables for r in t.rows}
    columns = {(t.id, r.id, c.id): column_title(c) for t in template.tables for r, c in t.cells()}
    sheet.append(
        _header_row(sheet, [INCLUDE_TITLE, "单位", "文件", *(template.section(t).heading for t, _, _ in cells)])
    )
    sheet.append(_header_row(sheet, ["", "", "", *(rows[(t, r)] for t, r, _ in cells)]))
    sheet.append(_header_row(sheet, ["", "", "", *(columns[cell] for cell in cells)]))
    for entry, file in zip(review.entries, files, strict=True):
        append_row(sheet, [1 if entry.included else 0, entry.name, file, *entry.summary.values])
    choice = DataValidation(type="list", formula1='"1,0"', allow_blank=False, showErrorMessage=True)
    choice.error = "填 1 纳入汇总，填 0 不纳入"
    choice.add(f"A{data.first_row}:A{data.last_row}")
    sheet.data_validations.append(choice)


def write_sum_sheet(target: WriteOnlyWorksheet, review: Review, table: TableSpec, data: DataSheet) -> None:
    buffer = SheetBuffer(target)
    sheet = cast(Worksheet, buffer)  # drawn with the report workbook's helpers, cell by cell
    grid = SheetGrid(table, top=SUM_GRID_TOP)
    title = f"{sheet.title}：{review.template.section(table.id).heading}"
    merge_write(sheet, (1, 1), (1, grid.last_column), title, font=style.HEADING, border=False)
    sheet.cell(2, 1, COUNT_TITLE).font = style.BOLD
    count = sheet.cell(2, 2, data.count)
    count.font = style.BOLD
    for cell in grid.header_cells():
        write_header(sheet, grid, cell)
    for cell in grid.data_cells():
        assert cell.ref is not None
        at = grid.at(cell)
        end = (at[0] + cell.rowspan - 1, at[1] + cell.colspan - 1)
        fill = style.TOTAL_FILL if cell.is_total else None
        merge_write(sheet, at, end, Formula(data.sum_of((table.id, *cell.ref))), fill=fill)
        parts = grid.parts_of(*cell.ref)
        if parts:
            rule = FormulaRule(formula=[differs_from_sum(at, parts)], fill=style.ERROR_FILL)
            sheet.conditional_formatting.add(address(at), rule)
    write_checks(sheet, grid)
    note_row = grid.bottom + len(grid.check_rows) + 2
    note = (
        f"说明：各格为“{data.name}”表中{INCLUDE_TITLE}为 1 的各报告之和，改动该列即重新汇总。"
        "灰色合计格为各报告合计之和，与本表各项之和不一致时标红（某份报告自身合计有误）。"
    )
    merge_write(sheet, (note_row, 1), (note_row, grid.last_column), note, font=style.NOTE, border=False)
    sheet.cell(note_row, 1).alignment = style.LEFT
    widths = column_widths(grid)
    style.set_column_widths(sheet, widths)
    set_grid_row_heights(sheet, grid, widths)
    sheet.row_dimensions[1].height = 28
    sheet.row_dimensions[note_row].height = style.height_for(style.lines_needed(note, sum(widths) * 1.1))
    style.setup_page(
        sheet,
        landscape=sum(widths) > LANDSCAPE_ABOVE_UNITS,
        title_rows=(1, grid.top + grid.layout.header_rows - 1),
        header=title,
    )
    sheet.sheet_view.showGridLines = False
    buffer.flush()

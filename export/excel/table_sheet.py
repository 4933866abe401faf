"""One worksheet per statutory table: the official grid, live totals, 勾稽 check cells, input rules.

Totals are formulas unless the report declares a total that differs from its parts (e.g. one read
from a report filled in only in the 总计 column); such a total is kept as a typed number so nothing
is lost, and conditional formatting marks it when it disagrees with its parts.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from export.excel import style
from export.excel.cells import Formula, put
from export.excel.sheet_grid import CHECK_MARK, Coordinate, SheetGrid, address, differs_from_sum, guarded_sum
from model.layout import CellRole, LayoutCell
from model.report import Report
from model.template import CellKind, TableSpec
from model.values import Invalid

MIN_DATA_WIDTH = 10.0
MIN_HEADER_WIDTH = 8.0
MAX_LEAF_WIDTH = 30.0  # the long （六）1./2. labels wrap onto three lines rather than widen the page
MAX_GROUP_WIDTH = 16.0
LANDSCAPE_ABOVE_UNITS = 130.0

COUNT_RULE = "请填写不小于 0 的整数（件数）；未发生的填 0，不要留空。"
AMOUNT_RULE = "请填写不小于 0 的金额，单位：万元，可带小数；未收费的填 0。"


def write_table_sheet(sheet: Worksheet, report: Report, table: TableSpec) -> None:
    grid = SheetGrid(table)
    heading = report.template.section(table.id).heading
    merge_write(sheet, (1, 1), (1, grid.last_column), heading, font=style.HEADING, border=False)
    for cell in grid.header_cells():
        write_header(sheet, grid, cell)
    for cell in grid.data_cells():
        _write_data(sheet, grid, report, cell)
    write_checks(sheet, grid)
    _write_note(sheet, grid)
    _add_validation(sheet, grid)
    widths = column_widths(grid)
    style.set_column_widths(sheet, widths)
    _set_row_heights(sheet, grid, widths)
    sheet.print_area = f"A1:{address((grid.bottom, grid.last_column))}"
    style.setup_page(
        sheet,
        landscape=sum(widths) > LANDSCAPE_ABOVE_UNITS,
        title_rows=(1, grid.top + grid.layout.header_rows - 1),
        header=report.title,
    )
    sheet.sheet_view.showGridLines = False
    if grid.layout.header_rows:  # keep column and row labels in view while scrolling the numbers
        sheet.freeze_panes = sheet.cell(grid.top + grid.layout.header_rows, first_data_column(grid))
    style.protect(sheet)


def merge_write(
    sheet: Worksheet,
    top_left: Coordinate,
    bottom_right: Coordinate,
    value: object,
    *,
    font: Font = style.PLAIN,
    border: bool = True,
    fill: PatternFill | None = None,
) -> None:
    """Write and style the top-left cell of a range, then merge (openpyxl draws the range's borders)."""
    (r1, c1), (r2, c2) = top_left, bottom_right
    cell = sheet.cell(r1, c1)
    put(cell, value)
    cell.font = font
    cell.alignment = style.CENTRED
    if border:
        cell.border = style.BORDER
    if fill is not None:
        cell.fill = fill
    if (r1, c1) != (r2, c2):
        sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def _span_end(grid: SheetGrid, cell: LayoutCell) -> Coordinate:
    row, column = grid.at(cell)
    return row + cell.rowspan - 1, column + cell.colspan - 1


def write_header(sheet: Worksheet, grid: SheetGrid, cell: LayoutCell) -> None:
    font = style.BOLD if cell.role in (CellRole.TITLE, CellRole.COLUMN_HEADER) else style.PLAIN
    merge_write(sheet, grid.at(cell), _span_end(grid, cell), cell.text, font=font, fill=style.HEADER_FILL)
    if cell.role is CellRole.ROW_HEADER and cell.colspan + cell.column == first_data_column(grid) - 1:
        sheet.cell(*grid.at(cell)).alignment = style.LEFT  # leaf labels read better flush left


def first_data_column(grid: SheetGrid) -> int:
    return min(grid.at(c)[1] for c in grid.data_cells())


def _write_data(sheet: Worksheet, grid: SheetGrid, report: Report, cell: LayoutCell) -> None:
    assert cell.ref is not None
    row_id, column_id = cell.ref
    parts = grid.parts_of(row_id, column_id)
    content = _content(report, grid.table, row_id, column_id, parts)
    fill = style.TOTAL_FILL if cell.is_total else None
    merge_write(sheet, grid.at(cell), _span_end(grid, cell), content, fill=fill)
    target = sheet.cell(*grid.at(cell))
    if cell.is_total:
        sheet.conditional_formatting.add(
            address(grid.at(cell)), FormulaRule(formula=[differs_from_sum(grid.at(cell), parts)], fill=style.ERROR_FILL)
        )
    else:
        target.protection = style.UNLOCKED  # a merged cell is edited through its top-left cell


def _content(report: Report, table: TableSpec, row_id: str, column_id: str, parts: list[Coordinate]) -> object:
    """What goes into a data cell: a number, nothing, an unreadable value as text (whatever it begins
    with: never a formula), or a total's formula."""
    stored = report.stored(table.id, row_id, column_id)
    if parts and (stored is None or stored == report.computed(table.id, row_id, column_id)):
        return Formula(guarded_sum(parts))
    if isinstance(stored, Invalid):
        return stored.raw
    return stored


def write_checks(sheet: Worksheet, grid: SheetGrid) -> None:
    for check_row in grid.check_rows:
        first, last = check_row.label_span
        merge_write(sheet, (check_row.row, first), (check_row.row, last), check_row.label, font=style.BOLD)
        sheet.cell(check_row.row, first).alignment = style.LEFT
        for check in check_row.cells:
            merge_write(sheet, check.coordinate, check.coordinate, Formula(check.formula), font=style.CHECK)
            ref = address(check.coordinate)
            sheet.conditional_formatting.add(
                ref,
                FormulaRule(
                    formula=[f'AND({ref}<>"",{ref}<>"{CHECK_MARK}")'],
                    fill=style.ERROR_FILL,
                    font=Font(color="9C0006", bold=True),
                ),
            )


def _note_row(grid: SheetGrid) -> int:
    return grid.bottom + len(grid.check_rows) + 2


def _note_text(grid: SheetGrid) -> str:
    parts = ["说明：白色单元格供填写（未发生的填 0）。"]
    if grid.table.total_parts:
        parts.append("灰色单元格为合计，由公式自动计算，填写各项后即随之更新。")
    if grid.check_rows:
        parts.append(f"“校验”行显示“{CHECK_MARK}”表示勾稽关系成立，否则显示差额（标红）。")
    parts.append("本表已保护以免误改合计（无密码），如需修改格式可在“审阅”中撤销工作表保护。")
    return "".join(parts)


def _write_note(sheet: Worksheet, grid: SheetGrid) -> None:
    row = _note_row(grid)
    merge_write(sheet, (row, 1), (row, grid.last_column), _note_text(grid), font=style.NOTE, border=False)
    sheet.cell(row, 1).alignment = style.LEFT


def _add_validation(sheet: Worksheet, grid: SheetGrid) -> None:
    rules = {
        CellKind.COUNT: DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", error=COUNT_RULE),
        CellKind.AMOUNT: DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", error=AMOUNT_RULE),
    }
    for rule in rules.values():
        rule.allow_blank = True
        rule.showErrorMessage = True
        rule.errorTitle = "填写有误"
        rule.errorStyle = "stop"
    for cell in grid.data_cells():
        if cell.is_total or cell.ref is None:
            continue
        kind = grid.table.block_of(cell.ref[0]).column(cell.ref[1]).kind
        rules[kind].add(address(grid.at(cell)))
    for rule in rules.values():
        if rule.sqref:
            sheet.add_data_validation(rule)


def column_widths(grid: SheetGrid) -> list[float]:
    """Wide enough for the labels: leaf row labels up to MAX_LEAF_WIDTH, column labels on two lines."""
    first_data = first_data_column(grid)
    widths = [MIN_DATA_WIDTH if c >= first_data else MIN_HEADER_WIDTH for c in range(1, grid.last_column + 1)]
    for cell in grid.header_cells():
        if cell.colspan != 1 or not cell.text:
            continue
        column = grid.at(cell)[1]
        is_leaf_label = cell.role in (CellRole.ROW_HEADER, CellRole.CORNER) and cell.rowspan == 1
        lines = 2 if cell.role is CellRole.COLUMN_HEADER else cell.rowspan
        cap = MAX_LEAF_WIDTH if is_leaf_label else MAX_GROUP_WIDTH
        wanted = style.text_width(cell.text) / lines + 1.5
        widths[column - 1] = max(widths[column - 1], min(cap, wanted))
    return widths


def _set_row_heights(sheet: Worksheet, grid: SheetGrid, widths: list[float]) -> None:
    sheet.row_dimensions[1].height = 28
    set_grid_row_heights(sheet, grid, widths)
    note = _note_row(grid)
    sheet.row_dimensions[note].height = style.height_for(style.lines_needed(_note_text(grid), sum(widths) * 1.1))


def set_grid_row_heights(sheet: Worksheet, grid: SheetGrid, widths: list[float]) -> None:
    """Tall enough for the wrapped header labels (a spanned label shares its height with its rows)."""
    lines: dict[int, int] = {row: 1 for row in range(grid.top, grid.bottom + 1)}
    cells = sorted(grid.header_cells(), key=lambda c: c.rowspan)  # single rows first, then spans
    for cell in cells:
        row, column = grid.at(cell)
        span_width = sum(widths[column - 1 : column - 1 + cell.colspan])
        needed = style.lines_needed(cell.text, span_width)
        rows = range(row, row + cell.rowspan)
        available = sum(lines[r] for r in rows)
        if needed > available:
            lines[rows[-1]] += needed - available
    for row, count in lines.items():
        sheet.row_dimensions[row].height = style.height_for(count)
    for check_row in grid.check_rows:
        sheet.row_dimensions[check_row.row].height = style.height_for(1)

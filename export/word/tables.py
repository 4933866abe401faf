"""The three statutory tables as real Word tables, drawn from the shared layout (model/layout.py)."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from export.page_design import MARGIN_LEFT_MM, MARGIN_RIGHT_MM, PAGE_WIDTH_MM
from export.word.ooxml import add_run, child, mm_twips, new_paragraph
from model.layout import CellRole, LayoutCell, TableLayout
from model.report import Report
from model.values import format_value

TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
DATA_COLUMN_MM = 11.5  # three 小五 characters a line: 社会公益组织 wraps into two lines
OUTER_ROW_HEADER_MM = (11.0, 15.0)  # 三、本年度办理结果, （三）不予公开: narrow, their text wraps
CELL_MARGIN_MM = 1.0
MIN_ROW_HEIGHT_MM = 6.0
BORDER_EIGHTHS_PT = "4"  # a half-point single line, as in the official form


def column_widths_mm(layout: TableLayout) -> list[float]:
    """Equal columns, except that row-header levels share what the data columns leave."""
    levels = max((c.colspan for c in layout.cells if c.role is CellRole.CORNER), default=0)
    if levels <= 1:
        return [TEXT_WIDTH_MM / layout.n_columns] * layout.n_columns
    data = [DATA_COLUMN_MM] * (layout.n_columns - levels)
    outer = list(OUTER_ROW_HEADER_MM[: levels - 1])
    outer += [OUTER_ROW_HEADER_MM[-1]] * (levels - 1 - len(outer))
    innermost = TEXT_WIDTH_MM - sum(data) - sum(outer)
    return [*outer, innermost, *data]


def _coverage(layout: TableLayout) -> list[list[LayoutCell | None]]:
    grid: list[list[LayoutCell | None]] = [[None] * layout.n_columns for _ in range(layout.n_rows)]
    for cell in layout.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.column, cell.column + cell.colspan):
                grid[r][c] = cell
    return grid


def _cell_text(report: Report, table_id: str, cell: LayoutCell) -> str:
    if cell.ref is None:
        return cell.text
    return format_value(report.value(table_id, *cell.ref))


def _alignment(cell: LayoutCell) -> str:
    """Labels of single rows read from the left; numbers, column heads and group cells are centred."""
    if cell.role in (CellRole.ROW_HEADER, CellRole.CORNER) and cell.rowspan == 1:
        return "left"
    if cell.role is CellRole.CORNER:
        return "both"
    return "center"


def _table_properties(widths: list[int]) -> BaseOxmlElement:
    tbl_pr = OxmlElement("w:tblPr")
    child(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
    child(tbl_pr, "w:jc", val="center")
    borders = child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        child(borders, f"w:{side}", val="single", sz=BORDER_EIGHTHS_PT, space="0", color="000000")
    child(tbl_pr, "w:tblLayout", type="fixed")
    margins = child(tbl_pr, "w:tblCellMar")
    for side in ("left", "right"):
        child(margins, f"w:{side}", w=str(mm_twips(CELL_MARGIN_MM)), type="dxa")
    return tbl_pr


def _row_properties(is_header: bool) -> BaseOxmlElement:
    tr_pr = OxmlElement("w:trPr")
    child(tr_pr, "w:cantSplit")
    child(tr_pr, "w:trHeight", val=str(mm_twips(MIN_ROW_HEIGHT_MM)), hRule="atLeast")
    if is_header:
        child(tr_pr, "w:tblHeader")
    return tr_pr


def _table_cell(cell: LayoutCell, width: int, text: str, style_id: str, continues: bool) -> BaseOxmlElement:
    """One w:tc; `continues` marks the lower part of a vertically merged cell (it stays empty)."""
    tc = OxmlElement("w:tc")
    tc_pr = child(tc, "w:tcPr")
    child(tc_pr, "w:tcW", w=str(width), type="dxa")
    if cell.colspan > 1:
        child(tc_pr, "w:gridSpan", val=str(cell.colspan))
    if cell.rowspan > 1:
        merge = child(tc_pr, "w:vMerge")
        if not continues:
            merge.set(qn("w:val"), "restart")
    child(tc_pr, "w:vAlign", val="center")
    paragraph = new_paragraph(style_id)
    child(child(paragraph, "w:pPr"), "w:jc", val=_alignment(cell))
    if text and not continues:
        add_run(paragraph, text)
    tc.append(paragraph)
    return tc


def build_table(report: Report, layout: TableLayout, style_id: str) -> BaseOxmlElement:
    """A w:tbl with the layout's merges; header rows repeat on each page and no row splits."""
    widths = [mm_twips(w) for w in column_widths_mm(layout)]
    table = OxmlElement("w:tbl")
    table.append(_table_properties(widths))
    grid = OxmlElement("w:tblGrid")
    for width in widths:
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), str(width))
        grid.append(column)
    table.append(grid)
    coverage = _coverage(layout)
    for r in range(layout.n_rows):
        row = OxmlElement("w:tr")
        row.append(_row_properties(r < layout.header_rows))
        for c in range(layout.n_columns):
            cell = coverage[r][c]
            if cell is None or cell.column != c:
                continue  # covered by a cell spanning from the left
            width = sum(widths[c : c + cell.colspan])
            text = _cell_text(report, layout.table_id, cell)
            row.append(_table_cell(cell, width, text, style_id, continues=cell.row != r))
        table.append(row)
    return table

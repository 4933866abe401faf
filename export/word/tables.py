"""The composed statutory tables (export.composition.tables) as real Word tables.

Column widths, cell lines (joined by line breaks, so Word wraps nothing itself) and row heights are
the composition's. Every row is cantSplit, the header rows repeat (tblHeader), and the rows of a
group keep with the next row of their group (keepNext on their paragraphs), so Word keeps a group
on one page. Where the composition continues a table on the next page the table is written in
parts: the part on the next page starts after a 1 pt paragraph with a page break before it,
repeats the header rows, and prints again the labels of cells merged across the break.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from export.composition.blocks import Cell, Table
from export.composition.pages import SEPARATOR_TWIPS
from export.composition.tables import CELL_MARGIN_MM
from export.page_design import TWIPS_PER_PT, mm_twips
from export.word.ooxml import child, new_paragraph
from export.word.runs import add_text

BORDER_EIGHTHS_PT = "4"  # a half-point single line, as in the official form


def separator(style_id: str) -> BaseOxmlElement:
    """The 1 pt paragraph that starts a table's continuation on a new page."""
    paragraph = new_paragraph(style_id)
    ppr = child(paragraph, "w:pPr")
    child(ppr, "w:pageBreakBefore")
    child(ppr, "w:spacing", before="0", after="0", line=str(SEPARATOR_TWIPS), lineRule="exact")
    run_pr = child(ppr, "w:rPr")
    child(run_pr, "w:sz", val="2")
    return paragraph


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


def _row_properties(height: int, is_header: bool) -> BaseOxmlElement:
    tr_pr = OxmlElement("w:trPr")
    child(tr_pr, "w:cantSplit")
    child(tr_pr, "w:trHeight", val=str(height), hRule="atLeast")
    if is_header:
        child(tr_pr, "w:tblHeader")
    return tr_pr


def _table_cell(cell: Cell, width: int, style_id: str, merge: str | None, keep: bool) -> BaseOxmlElement:
    """One w:tc; `merge` is None, "restart" or "continue" (the lower part of a merged cell, empty)."""
    tc = OxmlElement("w:tc")
    tc_pr = child(tc, "w:tcPr")
    child(tc_pr, "w:tcW", w=str(width), type="dxa")
    if cell.colspan > 1:
        child(tc_pr, "w:gridSpan", val=str(cell.colspan))
    if merge is not None:
        vmerge = child(tc_pr, "w:vMerge")
        if merge == "restart":
            vmerge.set(qn("w:val"), "restart")
    child(tc_pr, "w:vAlign", val="center")
    paragraph = new_paragraph(style_id)
    ppr = child(paragraph, "w:pPr")
    if keep:
        child(ppr, "w:keepNext")
    child(ppr, "w:jc", val=cell.align.value)
    if merge != "continue":
        for number, line in enumerate(cell.lines):
            if number:
                paragraph.append(OxmlElement("w:r"))
                paragraph[-1].append(OxmlElement("w:br"))
            add_text(paragraph, line, None)
    tc.append(paragraph)
    return tc


def build_table(table: Table, style_id: str, breaks: tuple[int, ...] = ()) -> BaseOxmlElement:
    """A w:tbl of a composed table; at each row of `breaks` the table continues on a new page."""
    widths = [round(w * TWIPS_PER_PT) for w in table.widths]
    element = OxmlElement("w:tbl")
    element.append(_table_properties(widths))
    grid = OxmlElement("w:tblGrid")
    for width in widths:
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), str(width))
        grid.append(column)
    element.append(grid)
    printed = list(range(len(table.heights)))
    group_ends = {end - 1 for _, end in table.groups}
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            by_row.setdefault(r, []).append(cell)
    for r in printed:
        row = OxmlElement("w:tr")
        row.append(_row_properties(table.heights[r], r < table.header_rows))
        keep = r < table.header_rows or r not in group_ends
        for cell in sorted(by_row.get(r, []), key=lambda c: c.column):
            merge = None
            if cell.rowspan > 1:
                merge = "restart" if r == cell.row or r in breaks else "continue"
            width = sum(widths[cell.column : cell.column + cell.colspan])
            tc = _table_cell(cell, width, style_id, merge, keep)
            if r in breaks and not len(row.findall(qn("w:tc"))):
                child(tc.find(qn("w:p")).find(qn("w:pPr")), "w:pageBreakBefore")
            row.append(tc)
        element.append(row)
    return element

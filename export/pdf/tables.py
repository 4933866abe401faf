"""Drawing a composed table part: its rows (with the header rows again on a continuation page), the
cell borders, and each cell's lines; a merged label cut by the page break prints in both parts."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from export.composition.blocks import Align, Cell, TablePart
from export.composition.tables import CELL_MARGIN_MM
from export.fonts import FontRole
from export.page_design import TWIPS_PER_PT
from export.pdf.embedding import PdfFonts
from export.pdf.page import LEFT, y_of

BORDER_PT = 0.5


def draw_table(canvas: Canvas, part: TablePart, fonts: PdfFonts) -> None:
    table = part.table
    rows = part.printed_rows
    tops: dict[int, int] = {}
    y = part.top
    for row in rows:
        tops[row] = y
        y += table.heights[row]
    lefts = [LEFT + sum(table.widths[:c]) for c in range(len(table.widths) + 1)]
    canvas.setLineWidth(BORDER_PT)
    borders = canvas.beginPath()
    text = canvas.beginText()  # one text object, one path for every cell: far fewer PDF operators
    text.setFont(fonts.name(FontRole.TABLE), table.size)
    for cell in table.cells:
        shown = [r for r in range(cell.row, cell.row + cell.rowspan) if r in tops]
        if not shown:
            continue
        top = tops[shown[0]]
        bottom = tops[shown[-1]] + table.heights[shown[-1]]
        x0, x1 = lefts[cell.column], lefts[cell.column + cell.colspan]
        borders.rect(x0, y_of(bottom), x1 - x0, (bottom - top) / TWIPS_PER_PT)
        _cell_text(text, cell, x0, x1, top, bottom, table.size, table.pitch, fonts)
    canvas.drawPath(borders, stroke=1, fill=0)
    canvas.drawText(text)


def _cell_text(
    text: PDFTextObject,
    cell: Cell,
    x0: float,
    x1: float,
    top: int,
    bottom: int,
    size: float,
    pitch: int,
    fonts: PdfFonts,
) -> None:
    margin = CELL_MARGIN_MM * mm
    lines = [line for line in cell.lines if line] if cell.lines != ("",) else []
    first_top = (top + bottom - pitch * len(lines)) / 2  # centred vertically
    for number, line in enumerate(lines):
        line_top = first_top + number * pitch
        y = y_of(round(line_top)) - pitch / TWIPS_PER_PT / 2 - size / 3
        runs = fonts.runs(line, FontRole.TABLE)
        width = sum(stringWidth(piece, font, size) for piece, font in runs)
        spread = cell.align is Align.JUSTIFY and number < len(lines) - 1 and len(line) > 1
        x = x0 + margin if cell.align is Align.LEFT or spread else (x0 + x1 - width) / 2
        text.setTextOrigin(x, y)
        text.setCharSpace((x1 - x0 - 2 * margin - width) / (len(line) - 1) if spread else 0)
        for piece, font in runs:
            if font != text._fontname:
                text.setFont(font, size)
            text.textOut(piece)

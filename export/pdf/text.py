"""Drawing composed lines: each line where the composition put it, justified lines set to the full
width by spreading the space left over evenly between characters (one PDF operator a run)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from export.composition.blocks import Line, Lines, Paragraph
from export.page_design import TEXT_WIDTH_PT, TWIPS_PER_PT
from export.pdf.embedding import PdfFonts
from export.pdf.page import LEFT, y_of

BASELINE_IN_LINE = 0.5  # the baseline sits this far down the line pitch, plus a third of the size
UNDERLINE_DROP = 3.0


def baseline(top: int, pitch: int, size: float) -> float:
    return y_of(top) - pitch / TWIPS_PER_PT * BASELINE_IN_LINE - size / 3


def draw_lines(canvas: Canvas, placed: Lines, fonts: PdfFonts) -> None:
    paragraph = placed.paragraph
    for number in range(placed.first, placed.last):
        top = placed.top + (number - placed.first) * paragraph.pitch
        line = paragraph.lines[number]
        if line.spans:
            _draw_line(canvas, paragraph, line, baseline(top, paragraph.pitch, paragraph.size), fonts)


def _draw_line(canvas: Canvas, paragraph: Paragraph, line: Line, y: float, fonts: PdfFonts) -> None:
    size = paragraph.size
    runs = [(text, font, span.underline) for span in line.spans for text, font in fonts.runs(span.text, span.role)]
    natural = sum(stringWidth(text, font, size) for text, font, _ in runs)
    count = sum(len(text) for text, _, _ in runs)
    left = LEFT + line.left
    if line.justified and count > 1:
        spacing = (TEXT_WIDTH_PT - paragraph.right_indent - line.left + line.hang - natural) / (count - 1)
    else:  # as wide as composed, whatever this font's Latin glyphs measure
        spacing = (line.width - natural) / count if count else 0.0
    text = canvas.beginText(left, y)
    text.setCharSpace(spacing)
    x = left
    for piece, font, underline in runs:
        text.setFont(font, size)
        text.textOut(piece)
        width = stringWidth(piece, font, size) + spacing * len(piece)
        if underline:
            canvas.line(x, y - UNDERLINE_DROP, x + width, y - UNDERLINE_DROP)
        x += width
    canvas.drawText(text)

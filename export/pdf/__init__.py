"""PDF export: the composed report (export.composition) drawn on A4 pages, fonts embedded.

This package is the .pdf entry of export.formats (`render`, `notice`: the ReportWriter protocol; a PDF
is never read back). It makes no layout decision: every line and table row is where the composition
put it, as in the Word file. The print preview shows the same bytes that an export writes.
"""

from __future__ import annotations

import io

from export.composition.blocks import Lines
from export.composition.compose import compose
from export.formats import ExportOptions
from export.pdf.embedding import pdf_fonts
from export.pdf.page import draw_page_number, new_canvas
from export.pdf.signature import draw_seal
from export.pdf.tables import draw_table
from export.pdf.text import draw_lines
from model.report import Report


def render(report: Report, options: ExportOptions) -> bytes:
    """The PDF file's bytes."""
    fonts = pdf_fonts(options.font_scheme)
    composition = compose(report, options.signed_copy)
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, report, fonts)
    for number, page in enumerate(composition.pages, start=1):
        for item in page.items:
            if isinstance(item, Lines):
                draw_seal(canvas, item, fonts)
                draw_lines(canvas, item, fonts)
            else:
                draw_table(canvas, item, fonts)
        draw_page_number(canvas, number, fonts)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def notice(options: ExportOptions) -> str | None:
    """What the user should be told about the PDF's fonts (e.g. none could be embedded), or None."""
    return pdf_fonts(options.font_scheme).notice

"""PDF export: the report on A4 pages in the GB/T 9704 design, with embedded fonts and page numbers.

This package is the .pdf entry of export.formats (`render`, `notice`: the ReportWriter protocol; a PDF
is never read back). The print preview shows the same bytes that an export writes.
"""

from __future__ import annotations

import io

from export.formats import ExportOptions
from export.pdf.embedding import pdf_fonts
from export.pdf.page import page_template
from export.pdf.story import build_story
from model.report import Report


def render(report: Report, options: ExportOptions) -> bytes:
    """The PDF file's bytes."""
    fonts = pdf_fonts(options.font_scheme)
    buffer = io.BytesIO()
    document = page_template(buffer, report, fonts)
    document.build(build_story(report, fonts, document.width, options.signed_copy))
    return buffer.getvalue()


def notice(options: ExportOptions) -> str | None:
    """What the user should be told about the PDF's fonts (e.g. none could be embedded), or None."""
    return pdf_fonts(options.font_scheme).notice

"""The A4 canvas of the PDF: metadata, the text block's position, page numbers (GB/T 9704 7.5)."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from export.fonts import FontRole
from export.page_design import (
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_TOP_MM,
    PAGE_HEIGHT_MM,
    PAGE_NUMBER_GAP_MM,
    PAGE_WIDTH_MM,
    SIZE_4,
    TEXT_WIDTH_PT,
    TWIPS_PER_PT,
    page_number_text,
)
from export.pdf.embedding import PdfFonts
from model.about import APP_NAME, APP_VERSION
from model.report import Report

CREATOR = f"{APP_NAME} {APP_VERSION}"
LEFT = MARGIN_LEFT_MM * mm
TOP = (PAGE_HEIGHT_MM - MARGIN_TOP_MM) * mm  # the text block's top edge, from the page's foot


def y_of(twips: int) -> float:
    """The page coordinate of a point `twips` below the text block's top."""
    return float(TOP - twips / TWIPS_PER_PT)


def new_canvas(buffer: io.BytesIO, report: Report, fonts: PdfFonts) -> Canvas:
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH_MM * mm, PAGE_HEIGHT_MM * mm),
        pageCompression=1,
        # Otherwise reportlab names Helvetica on every page: an unembedded font the PDF never uses.
        initialFontName=fonts.name(FontRole.BODY),
    )
    canvas.setTitle(report.title)
    canvas.setAuthor(report.signatory)
    canvas.setSubject(report.template.basis)
    canvas.setCreator(CREATOR)
    return canvas


def draw_page_number(canvas: Canvas, number: int, fonts: PdfFonts) -> None:
    """— N — below the text block: odd pages right, even pages left, one character in (GB/T 9704 7.5)."""
    text = page_number_text(number)
    baseline = MARGIN_BOTTOM_MM * mm - PAGE_NUMBER_GAP_MM * mm - SIZE_4 * 0.8
    canvas.setFont(fonts.name(FontRole.PAGE_NUMBER), SIZE_4)
    if number % 2:
        canvas.drawRightString(LEFT + TEXT_WIDTH_PT - SIZE_4, baseline, text)
    else:
        canvas.drawString(LEFT + SIZE_4, baseline, text)

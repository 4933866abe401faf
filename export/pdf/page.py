"""The A4 page of the PDF: GB/T 9704 margins, the text block as one frame, page numbers, metadata."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from export.fonts import FontRole
from export.page_design import (
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    SIZE_4,
    page_number_text,
)
from export.pdf.embedding import PdfFonts
from model.about import APP_NAME, APP_VERSION
from model.report import Report

PAGE_NUMBER_GAP_MM = 7.0  # GB/T 9704 7.5: the page number's top edge 7 mm below the text block
CREATOR = f"{APP_NAME} {APP_VERSION}"


def page_template(buffer: io.BytesIO, report: Report, fonts: PdfFonts) -> BaseDocTemplate:
    page_size = (PAGE_WIDTH_MM * mm, PAGE_HEIGHT_MM * mm)
    document = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN_LEFT_MM * mm,
        rightMargin=MARGIN_RIGHT_MM * mm,
        topMargin=MARGIN_TOP_MM * mm,
        bottomMargin=MARGIN_BOTTOM_MM * mm,
        title=report.title,
        author=report.signatory,
        subject=report.template.basis,
        creator=CREATOR,
        pageCompression=1,
        # Otherwise reportlab names Helvetica on every page: an unembedded font the PDF never uses.
        initialFontName=fonts.name(FontRole.BODY),
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )

    def draw_page_number(canvas: Any, doc: BaseDocTemplate) -> None:
        _page_number(canvas, doc, fonts)

    document.addPageTemplates([PageTemplate("page", [frame], onPageEnd=draw_page_number)])
    return document


def _page_number(canvas: Any, document: BaseDocTemplate, fonts: PdfFonts) -> None:
    """— N — below the text block: odd pages right, even pages left, one character in (GB/T 9704 7.5)."""
    number = canvas.getPageNumber()
    text = page_number_text(number)
    baseline = document.bottomMargin - PAGE_NUMBER_GAP_MM * mm - SIZE_4 * 0.8
    canvas.saveState()
    canvas.setFont(fonts.name(FontRole.PAGE_NUMBER), SIZE_4)
    if number % 2:
        canvas.drawRightString(document.leftMargin + document.width - SIZE_4, baseline, text)
    else:
        canvas.drawString(document.leftMargin + SIZE_4, baseline, text)
    canvas.restoreState()

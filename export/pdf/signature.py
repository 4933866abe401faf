"""The seal of the signed copy (GB/T 9704 §7.3.5.1, 加盖印章): a dashed circle where the unit's
seal goes, its top at the empty line below the text, pressing the 落款 and the 成文日期 below its
centre; （单位公章） on its second line marks it. Word draws the same circle (export/word/document.py)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from export.composition.blocks import Lines
from export.composition.compose import SEAL_RADIUS_PT
from export.fonts import FontRole
from export.page_design import SEAL_LABEL, SIZE_3
from export.pdf.embedding import PdfFonts
from export.pdf.page import LEFT, y_of
from export.pdf.text import baseline

SEAL_LINE_PT = 0.6
SEAL_DASH = (3, 3)


def draw_seal(canvas: Canvas, placed: Lines, fonts: PdfFonts) -> None:
    paragraph = placed.paragraph
    if paragraph.seal_centre is None or placed.first > 0:
        return
    centre_x = LEFT + paragraph.seal_centre
    top = y_of(placed.top)
    canvas.saveState()
    canvas.setLineWidth(SEAL_LINE_PT)
    canvas.setStrokeColor(colors.grey)
    canvas.setFillColor(colors.grey)
    canvas.setDash(*SEAL_DASH)
    canvas.circle(centre_x, top - SEAL_RADIUS_PT, SEAL_RADIUS_PT, stroke=1, fill=0)
    canvas.setFont(fonts.name(FontRole.BODY), SIZE_3)
    canvas.drawCentredString(centre_x, baseline(placed.top + paragraph.pitch, paragraph.pitch, SIZE_3), SEAL_LABEL)
    canvas.restoreState()

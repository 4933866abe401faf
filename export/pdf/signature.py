"""The signature block (落款 and 成文日期) and, on the signed paper copy, the lines for signature and seal.

GB/T 9704 7.3.5.1: one empty line below the text, the signatory right-indented two characters, the
date on the next line starting two characters further right; when the date is the longer of the two,
the date is right-indented two characters and the signatory moves left by as much.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer
from typing_extensions import override

from export.fonts import FontRole
from export.page_design import BODY_LINE_PITCH_PT, SEAL_LABEL, SIGNER_LABEL, SIZE_3
from export.pdf.embedding import PdfFonts
from model.dates import chinese_date
from model.report import Report

# The signed paper copy's two additions (local rules ask for the head's signature and the unit's seal).
BLANK_DATE = "　　　　年　　月　　日"  # filled in by hand when the report has no 成文日期 yet

SIGNER_LINE_MM = 30.0
SEAL_DIAMETER_MM = 42.0  # the usual size of a unit's round seal


def signature_block(report: Report, fonts: PdfFonts, text_width: float, signed_copy: bool) -> list[Flowable]:
    signatory = report.signatory
    issue = report.meta.issue_date
    date = chinese_date(issue) if issue is not None else BLANK_DATE
    font = fonts.name(FontRole.BODY)
    signatory_indent, date_indent = _right_indents(
        stringWidth(signatory, font, SIZE_3), stringWidth(date, font, SIZE_3)
    )
    block: list[Flowable] = [
        Spacer(0, BODY_LINE_PITCH_PT),
        _right_aligned(signatory, signatory_indent, fonts),
        _right_aligned(date, date_indent, fonts),
    ]
    if signed_copy:
        block += [Spacer(0, BODY_LINE_PITCH_PT), SignatureAndSeal(fonts, text_width)]
    return block


def _right_indents(signatory_width: float, date_width: float) -> tuple[float, float]:
    """Right indents (points) of the signatory and the date lines."""
    two_chars = 2 * SIZE_3
    if date_width + two_chars <= signatory_width:
        return two_chars, two_chars + signatory_width - (date_width + two_chars)
    return two_chars + date_width + two_chars - signatory_width, two_chars


def _right_aligned(text: str, right_indent: float, fonts: PdfFonts) -> Paragraph:
    style = ParagraphStyle(
        f"signature-{right_indent:.1f}",
        fontName=fonts.name(FontRole.BODY),
        fontSize=SIZE_3,
        leading=BODY_LINE_PITCH_PT,
        alignment=TA_RIGHT,
        rightIndent=max(right_indent, 0.0),
        wordWrap="CJK",
    )
    return Paragraph(fonts.markup(text, FontRole.BODY), style)


class SignatureAndSeal(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """单位负责人（签字）：____ on the left, a dashed circle marked （单位公章） on the right."""

    def __init__(self, fonts: PdfFonts, text_width: float) -> None:
        super().__init__()
        self._font = fonts.name(FontRole.BODY)
        self.width = text_width
        self.height = SEAL_DIAMETER_MM * mm

    @override
    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    @override
    def draw(self) -> None:
        canvas = self.canv
        radius = self.height / 2
        baseline = radius - SIZE_3 / 3
        label_x = 2 * SIZE_3
        line_x = label_x + stringWidth(SIGNER_LABEL, self._font, SIZE_3)
        centre_x = self.width - 2 * SIZE_3 - radius
        canvas.setFont(self._font, SIZE_3)
        canvas.drawString(label_x, baseline, SIGNER_LABEL)
        canvas.setLineWidth(0.6)
        canvas.line(line_x, baseline - 3, line_x + SIGNER_LINE_MM * mm, baseline - 3)
        canvas.setStrokeColor(colors.grey)
        canvas.setFillColor(colors.grey)
        canvas.setDash(3, 3)
        canvas.circle(centre_x, radius, radius, stroke=1, fill=0)
        canvas.drawCentredString(centre_x, baseline, SEAL_LABEL)

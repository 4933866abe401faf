"""The report's content as a flow of reportlab paragraphs and tables, in the outline of the 2021 format.

Title, preamble, sections 一 to 六 (narrative or statutory table, headings from the template), closing,
contact, then the signature block. Fonts, sizes and indents follow export.page_design, as the Word export does.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer
from reportlab.platypus import paragraph as rl_paragraph

from export.fonts import FontRole
from export.page_design import BODY_LINE_PITCH_PT, FIRST_LINE_INDENT_CHARS, SIZE_2, SIZE_3
from export.pdf.embedding import PdfFonts
from export.pdf.signature import signature_block
from export.pdf.tables import build_table
from model.numerals import subsection_number
from model.report import NarrativeSection, Report
from model.template import Placement, SectionKind, SectionSpec, TextPartSpec

TITLE_LEADING_PT = 1.5 * SIZE_2
# Indentation people type themselves; the first-line indent of the style replaces it.
_LEADING_BLANKS = " \t\u3000"
# reportlab's no-line-start list is Japanese; Chinese also keeps these at the end of the line (避头).
_CHINESE_CANNOT_START = "，；：！？》”’…"
# A table without repeated header rows (table 2) may break, but not right after its heading.
MIN_TABLE_START_PT = 6 * BODY_LINE_PITCH_PT


def _follow_chinese_line_breaking() -> None:
    # Both modules hold their own copy: one serves one-font paragraphs, the other mixed ones.
    for module in (rl_textsplit, rl_paragraph):
        module.ALL_CANNOT_START += "".join(c for c in _CHINESE_CANNOT_START if c not in module.ALL_CANNOT_START)


_follow_chinese_line_breaking()


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    body: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle


def make_styles(fonts: PdfFonts) -> Styles:
    body = ParagraphStyle(
        "body",
        fontName=fonts.name(FontRole.BODY),
        fontSize=SIZE_3,
        leading=BODY_LINE_PITCH_PT,
        firstLineIndent=FIRST_LINE_INDENT_CHARS * SIZE_3,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    return Styles(
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=fonts.name(FontRole.TITLE),
            fontSize=SIZE_2,
            leading=TITLE_LEADING_PT,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=BODY_LINE_PITCH_PT,  # one empty line between title and text (GB/T 9704)
        ),
        body=body,
        heading1=ParagraphStyle("heading1", parent=body, fontName=fonts.name(FontRole.HEADING1), keepWithNext=1),
        heading2=ParagraphStyle("heading2", parent=body, fontName=fonts.name(FontRole.HEADING2), keepWithNext=1),
    )


def build_story(report: Report, fonts: PdfFonts, text_width: float, signed_copy: bool) -> list[Flowable]:
    styles = make_styles(fonts)
    story: list[Flowable] = [_title(report, styles.title, fonts, text_width)]
    for part in report.template.print_order:
        if isinstance(part, TextPartSpec):
            story += _paragraphs(report.narrative.text(part.id), styles.body, fonts)
        else:
            story += _section(report, part, styles, fonts, text_width)
    contact = report.meta.contact.strip()
    closing = [report.narrative.text(t.id) for t in report.template.texts if t.placement is Placement.AFTER]
    if contact and not any(contact in text for text in closing):  # a 结束语 that gives it already
        story += _paragraphs(report.meta.contact, styles.body, fonts)
    # The signature never stands alone on a page: it keeps the last paragraph with it.
    last = [story.pop()] if len(story) > 1 and isinstance(story[-1], Paragraph) else []
    story.append(KeepTogether([*last, *signature_block(report, fonts, text_width, signed_copy)]))
    return story


def _title(report: Report, style: ParagraphStyle, fonts: PdfFonts, text_width: float) -> Paragraph:
    """The title on one line if it fits, else broken after the year: 机关名称＋年度 / 政府信息公开工作年度报告."""
    title = report.title
    suffix = report.template.title_suffix
    head = title.removesuffix(suffix)
    fits = stringWidth(title, style.fontName, style.fontSize) <= text_width
    if fits or not head or stringWidth(head, style.fontName, style.fontSize) > text_width:
        return _para(title, style, fonts, FontRole.TITLE)
    markup = fonts.markup(head, FontRole.TITLE) + "<br/>" + fonts.markup(suffix, FontRole.TITLE)
    return Paragraph(markup, style)


def _section(
    report: Report, section: SectionSpec, styles: Styles, fonts: PdfFonts, text_width: float
) -> list[Flowable]:
    heading = _para(section.heading, styles.heading1, fonts, FontRole.HEADING1)
    if section.kind is SectionKind.TABLE:
        table = build_table(report, section.id, fonts, text_width)
        after = Spacer(0, BODY_LINE_PITCH_PT / 2)
        if table.repeatRows:
            # The whole table moves to the next page when it would fit there but not in the space left.
            return [KeepTogether([heading, Spacer(0, SIZE_3 / 2), table]), after]
        return [CondPageBreak(MIN_TABLE_START_PT), heading, Spacer(0, SIZE_3 / 2), table, after]
    return [heading, *_narrative(report.narrative.section(section.id), styles, fonts)]


def _narrative(section: NarrativeSection, styles: Styles, fonts: PdfFonts) -> list[Flowable]:
    flow = _paragraphs(section.intro, styles.body, fonts)
    for number, subsection in enumerate(section.subsections, start=1):
        if subsection.title.strip():
            title = f"{subsection_number(number - 1)}{subsection.title.strip()}"
            flow.append(_para(title, styles.heading2, fonts, FontRole.HEADING2))
        flow += _paragraphs(subsection.text, styles.body, fonts)
    return flow


def _paragraphs(text: str, style: ParagraphStyle, fonts: PdfFonts) -> list[Flowable]:
    lines = (line.strip().lstrip(_LEADING_BLANKS) for line in text.split("\n"))
    return [_para(line, style, fonts, FontRole.BODY) for line in lines if line]


def _para(text: str, style: ParagraphStyle, fonts: PdfFonts, role: FontRole) -> Paragraph:
    return Paragraph(fonts.markup(text, role), style)

"""The report laid out as a 公文 (GB/T 9704-2012) in a python-docx Document: page, styles, text, tables."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from itertools import pairwise

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Mm

from export import page_design as design
from export.page_design import SIGNER_LABEL, FontScheme
from export.word.ooxml import (
    TWIPS_PER_PT,
    ParagraphLook,
    add_paragraph_style,
    add_run,
    child,
    new_paragraph,
    set_document_defaults,
    set_run_fonts,
    set_run_size,
)
from export.word.tables import TEXT_WIDTH_MM, build_table
from model.dates import chinese_date
from model.layout import table_layout
from model.numerals import subsection_number
from model.report import NarrativeSection, Report
from model.template import MetaId, SectionKind, Template, TextPartSpec

CHARS_PER_LINE = 28  # GB/T 9704: 22 lines of 28 characters
TITLE_LINE_PT = 35.0
TABLE_LINE_PT = {design.SIZE_5: 14.0, design.SIZE_SMALL_5: 12.0}
SMALL_TABLE_FROM_COLUMNS = 7  # wider tables use 小五 so that they fit the page width
PAGE_NUMBER_GAP_MM = 7.0  # page number line 7 mm below the text block
RUN_IN_ENDINGS = ("。", "：", ":")  # a subsection title ending so runs into its text
SEAL_ROOM_LINES = 2


def text_width_chars(text: str) -> float:
    """Printed width in body characters: Chinese full, digits and Latin half, plus the quarter
    character Word and WPS insert where Chinese meets digits (autospace)."""
    half = [ord(ch) < 0x2E80 for ch in text]
    boundaries = sum(1 for a, b in pairwise(half) if a != b)
    return sum(0.5 if h else 1.0 for h in half) + 0.25 * boundaries


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []


class _Styles:
    """The document's paragraph styles, created once per document from the font scheme."""

    def __init__(self, document: Document, scheme: FontScheme, template: Template) -> None:
        # 28 characters a line (GB/T 9704): 三号 is a little wider than the text block allows, so
        # characters are set a fraction of a point tighter (Word and LibreOffice both honour it,
        # unlike a character grid).
        tracking = TEXT_WIDTH_MM * design.PT_PER_MM / CHARS_PER_LINE - design.SIZE_3
        body = ParagraphLook(
            scheme.body,
            design.SIZE_3,
            design.BODY_LINE_PITCH_PT,
            "both",
            design.FIRST_LINE_INDENT_CHARS,
            tracking_pt=tracking,
        )
        set_document_defaults(document, body)
        self.scheme = scheme
        self.body = "Normal"
        self.title = add_paragraph_style(
            document, "公文标题", ParagraphLook(scheme.title, design.SIZE_2, TITLE_LINE_PT, "center")
        )
        heading = replace(body, east_asia=scheme.heading1, keep_with_next=True, outline_level=0)
        self.heading1 = add_paragraph_style(document, "一级标题", heading)
        self.heading2 = add_paragraph_style(
            document, "二级标题", replace(heading, east_asia=scheme.heading2, outline_level=1)
        )
        signatory = template.meta_field(MetaId.SIGNATORY).label  # the style is named for what it prints: 落款
        self.signature = add_paragraph_style(document, signatory, replace(body, align="right", first_line_chars=0))
        self.tables = {
            size: add_paragraph_style(
                document, f"表格文字{size:g}磅", ParagraphLook(scheme.table, size, line, "center")
            )
            for size, line in TABLE_LINE_PT.items()
        }
        self.page_number = add_paragraph_style(
            document,
            "页码",
            ParagraphLook(scheme.page_number, design.SIZE_4, design.SIZE_4, "center", latin=scheme.page_number),
        )


class _Body:
    """Appends paragraphs and tables to the document body, before its section properties."""

    def __init__(self, document: Document, styles: _Styles) -> None:
        self.element = document.element.body
        self.sect_pr = self.element.find(qn("w:sectPr"))
        self.styles = styles

    def append(self, element: BaseOxmlElement) -> BaseOxmlElement:
        self.sect_pr.addprevious(element)
        return element

    def paragraph(self, text: str = "", style_id: str | None = None) -> BaseOxmlElement:
        paragraph = new_paragraph(style_id or self.styles.body)
        if text:
            add_run(paragraph, text)
        return self.append(paragraph)

    def text(self, text: str) -> None:
        for line in lines_of(text):
            self.paragraph(line)


def _title(body: _Body, report: Report) -> None:
    """The title, broken after the agency when it is longer than a line (GB/T 9704: 回行词意完整)."""
    paragraph = body.paragraph(style_id=body.styles.title)
    agency = report.meta.agency
    rest = report.title[len(agency) :]
    per_line = TEXT_WIDTH_MM / (design.SIZE_2 / design.PT_PER_MM)
    if agency and text_width_chars(report.title) > per_line:
        add_run(paragraph, agency).append(OxmlElement("w:br"))
        add_run(paragraph, rest)
    else:
        add_run(paragraph, report.title)
    body.paragraph()  # 标题下空一行


def _subsection_heading(body: _Body, number: int, title: str, text: str) -> None:
    heading = f"{subsection_number(number - 1)}{title}"
    lines = lines_of(text)
    if title.endswith(RUN_IN_ENDINGS) and lines:
        paragraph = body.paragraph()
        add_run(paragraph, heading, east_asia=body.styles.scheme.heading2)
        add_run(paragraph, lines[0])
        body.text("\n".join(lines[1:]))
        return
    body.paragraph(heading, body.styles.heading2)
    body.text(text)


def _narrative_section(body: _Body, section: NarrativeSection) -> None:
    body.text(section.intro)
    for number, subsection in enumerate(section.subsections, start=1):
        _subsection_heading(body, number, subsection.title, subsection.text)


def _sections(body: _Body, report: Report) -> None:
    for part in report.template.print_order:
        if isinstance(part, TextPartSpec):
            body.text(report.narrative.text(part.id))
            continue
        body.paragraph(part.heading, body.styles.heading1)
        if part.kind is SectionKind.NARRATIVE:
            _narrative_section(body, report.narrative.section(part.id))
        else:
            layout = table_layout(report.template.table(part.id))
            size = design.SIZE_SMALL_5 if layout.n_columns >= SMALL_TABLE_FROM_COLUMNS else design.SIZE_5
            body.append(build_table(report, layout, body.styles.tables[size]))


def _right_indented(body: _Body, text: str, right_chars: float) -> None:
    paragraph = body.paragraph(text, body.styles.signature)
    right = round(right_chars * design.SIZE_3 * TWIPS_PER_PT)
    child(child(paragraph, "w:pPr"), "w:ind", right=str(right), rightChars=str(round(right_chars * 100)))


def signature_indents(signatory: str, date_text: str, sealed: bool) -> tuple[float, float]:
    """Right indents (in characters) of 发文机关署名 and 成文日期, as GB/T 9704 §7.3.5 lays them out.

    Sealed: the date 右空四字 and the signatory centred over it. Unsealed: the signatory 右空二字 and
    the date's first character two to the right of the signatory's; a longer date goes 右空二字.
    """
    sig, date = text_width_chars(signatory), text_width_chars(date_text)
    if sealed:
        date_right = 4.0
        sig_right = date_right + (date - sig) / 2
        if sig_right < 2:
            sig_right = 2.0
            date_right = sig_right + (sig - date) / 2
        return sig_right, date_right
    sig_right = 2.0
    date_right = sig_right + sig - 2 - date
    if date_right < 2:
        date_right = 2.0
        sig_right = date_right + date + 2 - sig
    return sig_right, date_right


def _signature(body: _Body, report: Report, signed_copy: bool) -> None:
    issue = report.meta.issue_date
    date_text = chinese_date(issue) if issue else ""
    signatory = report.signatory
    body.paragraph()
    if signed_copy:
        body.paragraph(SIGNER_LABEL)
        for _ in range(SEAL_ROOM_LINES):
            body.paragraph()
    sig_right, date_right = signature_indents(signatory, date_text, sealed=signed_copy)
    if signatory:
        _right_indented(body, signatory, sig_right)
    if date_text:
        _right_indented(body, date_text, date_right)


def _page_setup(section: Section) -> None:
    section.page_width, section.page_height = Mm(design.PAGE_WIDTH_MM), Mm(design.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(design.MARGIN_TOP_MM), Mm(design.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(design.MARGIN_LEFT_MM), Mm(design.MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(design.MARGIN_BOTTOM_MM - PAGE_NUMBER_GAP_MM - design.SIZE_4 / design.PT_PER_MM)
    grid = child(section._sectPr, "w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(design.BODY_LINE_PITCH_PT * TWIPS_PER_PT)))


def _page_number(paragraph: BaseOxmlElement, styles: _Styles, odd: bool) -> None:
    """— n — at the foot: odd pages 右空一字, even pages 左空一字 (GB/T 9704 §7.5)."""
    ppr = child(paragraph, "w:pPr")
    indent = str(round(design.SIZE_4 * TWIPS_PER_PT))
    child(ppr, "w:ind", **({"right": indent} if odd else {"left": indent}), firstLine="0", firstLineChars="0")
    child(ppr, "w:jc", val="right" if odd else "left")
    before, _, after = design.page_number_text(0).partition("0")
    add_run(paragraph, before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    number = add_run(field, "1")
    set_run_fonts(child(number, "w:rPr"), styles.scheme.page_number, styles.scheme.page_number)
    set_run_size(child(number, "w:rPr"), design.SIZE_4)
    paragraph.append(field)
    add_run(paragraph, after)


def _footers(document: Document, styles: _Styles) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        paragraph = footer.paragraphs[0]._p
        child(child(paragraph, "w:pPr"), "w:pStyle", val=styles.page_number)
        _page_number(paragraph, styles, odd)


def _properties(document: Document, report: Report) -> None:
    properties = document.core_properties
    properties.title = report.title
    properties.author = report.meta.agency
    properties.last_modified_by = report.meta.agency
    properties.subject = report.template.name
    properties.keywords = report.template.basis
    properties.comments = ""
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now


def build_document(report: Report, scheme: FontScheme, signed_copy: bool) -> Document:
    document = docx.Document()
    styles = _Styles(document, scheme, report.template)
    _page_setup(document.sections[0])
    _footers(document, styles)
    body = _Body(document, styles)
    _title(body, report)
    _sections(body, report)
    body.text(report.meta.contact)
    _signature(body, report, signed_copy)
    _properties(document, report)
    return document

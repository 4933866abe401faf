"""The composed report (export.composition) written as a 公文 (GB/T 9704-2012) in python-docx.

Word makes no layout decision of its own: the title's line breaks, table cell lines and row heights
are the composition's; paragraphs carry the composition's keep rules as Word's own properties (keep
with next, keep lines together, widow control, cantSplit rows, repeated header rows), and a block the
composition starts on a new page gets a page break before it, so that Word and LibreOffice paginate
as our PDF does. Autospace between Chinese and Latin is off, and Latin text is set in Times New Roman
in every font slot, so that every word processor measures lines as the composition does.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import docx
from docx.document import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Mm

from export import page_design as design
from export.composition.blocks import Composition, Kind, Paragraph, Span, Table
from export.composition.compose import BODY, SEAL_RADIUS_PT, compose
from export.composition.compose import signature_indents as composed_indents
from export.fonts import FontRole
from export.page_design import SEAL_LABEL, FontScheme
from export.word.ooxml import (
    ParagraphLook,
    add_paragraph_style,
    add_run,
    child,
    new_paragraph,
    set_document_defaults,
    set_run_fonts,
    set_run_size,
)
from export.word.runs import add_text
from export.word.tables import build_table, separator
from model.report import Report
from model.template import MetaId, Template

VML = "urn:schemas-microsoft-com:vml"
SEAL_COLOUR = "808080"
CORE_PROPERTY_LIMIT = 255  # characters Word accepts in a core property such as the title
# Paragraph properties that come before w:snapToGrid in the schema, in schema order, with their value.
_MEASURING = (("autoSpaceDE", "0"), ("autoSpaceDN", "0"))
_AFTER_AUTOSPACE = {qn(f"w:{tag}") for tag in ("bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "jc", "rPr")}


class _Styles:
    """The document's paragraph styles, created once per document from the font scheme."""

    def __init__(self, document: Document, scheme: FontScheme, template: Template) -> None:
        body = ParagraphLook(
            scheme.body,
            design.SIZE_3,
            design.BODY_LINE_PITCH_PT,
            "both",
            design.FIRST_LINE_INDENT_CHARS,
            tracking_pt=design.BODY_TRACKING_PT,
        )
        set_document_defaults(document, body)
        _measure_as_composed(document.styles["Normal"].element.get_or_add_pPr())
        self.scheme = scheme
        self.body = "Normal"
        self.title = add_paragraph_style(
            document, "公文标题", ParagraphLook(scheme.title, design.SIZE_2, design.TITLE_LINE_PT, "center")
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
            for size, line in design.TABLE_LINE_PT.items()
        }
        self.page_number = add_paragraph_style(
            document,
            "页码",
            ParagraphLook(scheme.page_number, design.SIZE_4, design.SIZE_4, "center", latin=scheme.page_number),
        )

    def of(self, kind: Kind) -> str:
        return {
            Kind.TITLE: self.title,
            Kind.HEADING1: self.heading1,
            Kind.HEADING2: self.heading2,
            Kind.SIGNATORY: self.signature,
            Kind.DATE: self.signature,
        }.get(kind, self.body)

    def font(self, role: FontRole) -> str:
        return {
            FontRole.TITLE: self.scheme.title,
            FontRole.HEADING1: self.scheme.heading1,
            FontRole.HEADING2: self.scheme.heading2,
            FontRole.TABLE: self.scheme.table,
        }.get(role, self.scheme.body)


def _measure_as_composed(ppr: BaseOxmlElement) -> None:
    """No autospace between Chinese and Latin: lines measure as composed (Word honours it; LibreOffice
    7.4 adds its own 0.2 em at each boundary whatever the document says)."""
    anchor = next((e for e in ppr if e.tag in _AFTER_AUTOSPACE), None)
    for tag, value in _MEASURING:
        element = OxmlElement(f"w:{tag}")
        element.set(qn("w:val"), value)
        if anchor is not None:
            anchor.addprevious(element)
        else:
            ppr.append(element)


class _Body:
    """Appends paragraphs and tables to the document body, before its section properties."""

    def __init__(self, document: Document, styles: _Styles) -> None:
        self.element = document.element.body
        self.sect_pr = self.element.find(qn("w:sectPr"))
        self.styles = styles

    def append(self, element: BaseOxmlElement) -> BaseOxmlElement:
        self.sect_pr.addprevious(element)
        return element


def _paragraph(body: _Body, block: Paragraph, page_break: bool) -> None:
    styles = body.styles
    style = styles.of(block.kind)
    element = new_paragraph(style)
    ppr = child(element, "w:pPr")
    if block.keep_with_next:
        child(ppr, "w:keepNext")
    if block.keep_lines:
        child(ppr, "w:keepLines")
    if page_break:
        child(ppr, "w:pageBreakBefore")
    if block.kind in (Kind.SIGNATORY, Kind.DATE):
        right = round(block.right_indent * design.TWIPS_PER_PT)
        chars = round(block.right_indent / design.SIZE_3 * 100)
        child(ppr, "w:ind", right=str(right), rightChars=str(chars))
    if block.kind is Kind.SIGNER:
        child(ppr, "w:jc", val="left")
    if block.seal_centre is not None:
        element.append(_seal(block, styles))
    own = {Kind.TITLE: FontRole.TITLE, Kind.HEADING1: FontRole.HEADING1, Kind.HEADING2: FontRole.HEADING2}
    if block.kind is Kind.TITLE:
        for number, line in enumerate(block.lines):  # the composition's line breaks
            if number:
                element.append(OxmlElement("w:r"))
                element[-1].append(OxmlElement("w:br"))
            add_text(element, line.text, None)
    else:
        for span in block.spans:
            _span(element, span, styles, own.get(block.kind, FontRole.BODY))
    body.append(element)


def _span(paragraph: BaseOxmlElement, span: Span, styles: _Styles, own: FontRole) -> None:
    add_text(paragraph, span.text, None if span.role is own else styles.font(span.role), span.underline)


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _seal(block: Paragraph, styles: _Styles) -> BaseOxmlElement:
    """A dashed circle where the seal goes, hanging from this line, （单位公章） on its second line."""
    assert block.seal_centre is not None
    diameter = 2 * SEAL_RADIUS_PT
    left = block.seal_centre - SEAL_RADIUS_PT
    style = (
        f"position:absolute;margin-left:{left:.1f}pt;margin-top:0;width:{diameter:.1f}pt;height:{diameter:.1f}pt;"
        "z-index:-251658240;mso-position-horizontal-relative:margin;mso-position-vertical-relative:line"
    )
    room = new_paragraph(styles.body)  # the label goes on the circle's second line, where it is wide
    label = new_paragraph(styles.body)
    child(child(label, "w:pPr"), "w:ind", firstLine="0", firstLineChars="0")
    child(child(label, "w:pPr"), "w:jc", val="center")
    run = add_run(label, SEAL_LABEL)
    rpr = OxmlElement("w:rPr")
    rpr.append(_element("w:color", val=SEAL_COLOUR))
    run.insert(0, rpr)
    shape = parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="{VML}"><w:pict>'
        f'<v:oval style="{style}" filled="f" strokecolor="#{SEAL_COLOUR}" strokeweight="0.6pt">'
        '<v:stroke dashstyle="dash"/><v:textbox inset="0,0,0,0">'
        "<w:txbxContent/></v:textbox></v:oval></w:pict></w:r>"
    )
    content = shape.find(".//" + qn("w:txbxContent"))
    content.append(room)
    content.append(label)
    return shape


def _blocks(body: _Body, composition: Composition) -> None:
    for index, block in enumerate(composition.blocks):
        starts_page = index in composition.page_starts
        if isinstance(block, Table):
            if starts_page:
                body.append(separator(body.styles.body))
            breaks = composition.table_breaks.get(index, ())
            body.append(build_table(block, body.styles.tables[block.size], breaks))
        else:
            _paragraph(body, block, starts_page and index > 0)


def signature_indents(signatory: str, date_text: str, sealed: bool) -> tuple[float, float]:
    """Right indents, in characters, of a 发文机关署名 and 成文日期 as the composition places them
    (export.composition.compose.signature_indents), for other documents we write (the center's letters)."""
    sig, date = composed_indents(BODY.width(signatory), BODY.width(date_text) if date_text else None, sealed)
    return sig / design.SIZE_3, date / design.SIZE_3


def _page_setup(section: Section) -> None:
    section.page_width, section.page_height = Mm(design.PAGE_WIDTH_MM), Mm(design.PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(design.MARGIN_TOP_MM), Mm(design.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(design.MARGIN_LEFT_MM), Mm(design.MARGIN_RIGHT_MM)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(design.MARGIN_BOTTOM_MM - design.PAGE_NUMBER_GAP_MM - design.SIZE_4 / design.PT_PER_MM)
    grid = child(section._sectPr, "w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(design.BODY_LINE_PITCH_PT * design.TWIPS_PER_PT)))


def _page_number(paragraph: BaseOxmlElement, styles: _Styles, odd: bool) -> None:
    """— n — at the foot: odd pages 右空一字, even pages 左空一字 (GB/T 9704 §7.5)."""
    ppr = child(paragraph, "w:pPr")
    indent = str(round(design.SIZE_4 * design.TWIPS_PER_PT))
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
    properties.title = report.title[:CORE_PROPERTY_LIMIT]
    properties.author = report.meta.agency[:CORE_PROPERTY_LIMIT]
    properties.last_modified_by = report.meta.agency[:CORE_PROPERTY_LIMIT]
    properties.subject = report.template.name[:CORE_PROPERTY_LIMIT]
    properties.keywords = report.template.basis[:CORE_PROPERTY_LIMIT]
    properties.comments = ""
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties.created = properties.modified = now


def build_document(report: Report, scheme: FontScheme, signed_copy: bool) -> Document:
    document = docx.Document()
    styles = _Styles(document, scheme, report.template)
    _page_setup(document.sections[0])
    _footers(document, styles)
    _blocks(_Body(document, styles), compose(report, signed_copy))
    _properties(document, report)
    return document

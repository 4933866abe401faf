"""Low-level WordprocessingML formatting for the Word export: fonts, paragraph styles, spacing, text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

from export.page_design import LATIN_FONT, TWIPS_PER_PT, pt_twips

# Characters XML 1.0 cannot hold; a stray one in typed text must not make the export fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def twips(points: float) -> str:
    return str(pt_twips(points))


def part_xml(root: etree._Element) -> bytes:
    """A package part's bytes: UTF-8 with a standalone XML declaration."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# Word rejects property elements out of schema order (ECMA-376 transitional, wml.xsd), so new ones
# are inserted at their rank in these sequences (choices share a rank).
_SCHEMA_ORDER = {
    qn("w:pPr"): (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
        "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    qn("w:rPr"): (
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
        "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect "
        "bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
    ),
    qn("w:tcPr"): (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
        "headers cellIns|cellDel|cellMerge tcPrChange"
    ),
    # A choice in the schema; written in the order Word writes it.
    qn(
        "w:trPr"
    ): "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden ins del trPrChange",
    qn("w:tblPr"): (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
        "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"
    ),
    qn("w:sectPr"): (
        "headerReference|footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
        "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
        "sectPrChange"
    ),
}
_RANKS = {
    parent: {qn(f"w:{tag}"): rank for rank, choice in enumerate(order.split()) for tag in choice.split("|")}
    for parent, order in _SCHEMA_ORDER.items()
}
# Properties that lead their element, whatever content follows (a run's w:rPr before its w:t).
_LEADING = {qn("w:p"): qn("w:pPr"), qn("w:r"): qn("w:rPr"), qn("w:tc"): qn("w:tcPr"), qn("w:tr"): qn("w:trPr")}


def child(parent: BaseOxmlElement, tag: str, **attributes: str) -> BaseOxmlElement:
    """The first `tag` child of `parent` (created in schema order when absent), with attributes set."""
    found: BaseOxmlElement | None = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        _insert_in_order(parent, found)
    for name, value in attributes.items():
        found.set(qn(f"w:{name}"), value)
    return found


def _insert_in_order(parent: BaseOxmlElement, element: BaseOxmlElement) -> None:
    if _LEADING.get(parent.tag) == element.tag:
        parent.insert(0, element)
        return
    ranks = _RANKS.get(parent.tag)
    if ranks is not None and element.tag in ranks:
        rank = ranks[element.tag]
        for sibling in parent:
            if ranks.get(sibling.tag, -1) > rank:
                sibling.addprevious(element)
                return
    parent.append(element)


def set_run_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Chinese text in `east_asia`, digits and Latin in `latin`; theme fonts removed so names win."""
    fonts = child(rpr, "w:rFonts")
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def set_run_size(rpr: BaseOxmlElement, points: float) -> None:
    half_points = str(round(points * 2))
    child(rpr, "w:sz", val=half_points)
    child(rpr, "w:szCs", val=half_points)


@dataclass(frozen=True)
class ParagraphLook:
    """How a paragraph style looks: fonts, size, exact line pitch, alignment, indents (in characters)."""

    east_asia: str
    size: float
    line_pt: float
    align: str = "both"  # w:jc value
    first_line_chars: float = 0
    keep_with_next: bool = False
    outline_level: int | None = None
    latin: str = LATIN_FONT
    tracking_pt: float = 0  # added to each character's advance (negative: tighter)


def add_paragraph_style(document: Document, name: str, look: ParagraphLook) -> str:
    """Create a paragraph style (so a person can restyle the whole document in Word); returns its id."""
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    element = style.element
    ppr = element.get_or_add_pPr()
    apply_paragraph_look(ppr, look)
    _apply_run_look(element.get_or_add_rPr(), look)
    return str(style.style_id)


def _apply_run_look(rpr: BaseOxmlElement, look: ParagraphLook) -> None:
    set_run_fonts(rpr, look.east_asia, look.latin)
    if look.tracking_pt:
        child(rpr, "w:spacing", val=str(math.floor(look.tracking_pt * TWIPS_PER_PT)))
    set_run_size(rpr, look.size)


def apply_paragraph_look(ppr: BaseOxmlElement, look: ParagraphLook) -> None:
    if look.keep_with_next:
        child(ppr, "w:keepNext")
    # Exact spacing ignores the document grid, so tables keep their small line pitch.
    child(ppr, "w:snapToGrid", val="0")
    child(ppr, "w:spacing", before="0", after="0", line=twips(look.line_pt), lineRule="exact")
    first_line = round(look.first_line_chars * look.size * TWIPS_PER_PT)
    child(ppr, "w:ind", firstLineChars=str(round(look.first_line_chars * 100)), firstLine=str(first_line))
    child(ppr, "w:jc", val=look.align)
    if look.outline_level is not None:
        child(ppr, "w:outlineLvl", val=str(look.outline_level))


def set_document_defaults(document: Document, look: ParagraphLook) -> None:
    """Normal and the document defaults carry the body look, with Chinese language tagging."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        set_run_fonts(rpr, look.east_asia, look.latin)
        set_run_size(rpr, look.size)
        child(rpr, "w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA")
        ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
        child(ppr, "w:spacing", before="0", after="0", line=twips(look.line_pt), lineRule="exact")
    normal = document.styles["Normal"].element
    apply_paragraph_look(normal.get_or_add_pPr(), look)
    _apply_run_look(normal.get_or_add_rPr(), look)


def add_run(paragraph: BaseOxmlElement, text: str, east_asia: str | None = None) -> BaseOxmlElement:
    """Append a run holding `text` (tabs kept as tabs), optionally in another East Asian font."""
    run = OxmlElement("w:r")
    if east_asia is not None:
        set_run_fonts(child(run, "w:rPr"), east_asia)
    for i, piece in enumerate(xml_safe(text).split("\t")):
        if i:
            run.append(OxmlElement("w:tab"))
        if piece:
            t = OxmlElement("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = piece
            run.append(t)
    paragraph.append(run)
    return run


def new_paragraph(style_id: str) -> BaseOxmlElement:
    paragraph = OxmlElement("w:p")
    child(child(paragraph, "w:pPr"), "w:pStyle", val=style_id)
    return paragraph

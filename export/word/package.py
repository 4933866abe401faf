"""The .docx package around the document: what python-docx's default template leaves that we replace.

The default template is a Mac Word 2010 file: its app.xml names "Microsoft Macintosh Word", it
carries a blank Letter-size thumbnail, a bibliography data store and a second copy of the styles
(stylesWithEffects.xml, which no longer matches ours), its theme has no East Asian fonts and
settings tag theme text as Japanese, so Word sets theme text in MS Mincho, and its font table
lists Mac fonts but none of ours, so WPS reports 缺失字体. `finish_package` gives the package this
program's name, the font scheme's fonts in the theme and the font table, and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.opc.rel import Relationships
from docx.oxml.ns import qn
from lxml import etree

from export.fonts import english_family_name
from export.page_design import LATIN_FONT, FontScheme
from export.word.ooxml import part_xml
from model.about import APP_NAME, APP_VERSION

_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_FONT_ATTRIBUTES = tuple(qn(f"w:{name}") for name in ("ascii", "hAnsi", "eastAsia", "cs"))
_GB2312_CHARSET = "86"  # what Word writes for Chinese fonts, so it substitutes a Chinese one if missing
_ANSI_CHARSET = "00"


def finish_package(document: Document, scheme: FontScheme) -> None:
    """Replace the default template's leftovers; call once the document's content is complete."""
    _drop_leftovers(document)
    _replace_blob(document.part.package.rels, RT.EXTENDED_PROPERTIES, app_properties())
    east_asia_lang = document.settings.element.find(qn("w:themeFontLang"))
    if east_asia_lang is not None:
        east_asia_lang.set(qn("w:eastAsia"), "zh-CN")  # theme text takes the theme's Chinese (Hans) fonts
    theme = _related(document.part.rels, RT.THEME)
    theme_xml = themed(theme.blob, major=scheme.heading1, minor=scheme.body)
    _replace_blob(document.part.rels, RT.THEME, theme_xml)
    fonts = used_fonts(document, theme_xml)
    _replace_blob(
        document.part.rels, RT.FONT_TABLE, font_table(_related(document.part.rels, RT.FONT_TABLE).blob, fonts)
    )


def _drop_leftovers(document: Document) -> None:
    """The thumbnail, the bibliography data store and stylesWithEffects, with the setting that asks
    Word to save a thumbnail again."""
    package_rels: Relationships = document.part.package.rels
    for rid in [rid for rid, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[rid]
    rels: Relationships = document.part.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype in (RT.CUSTOM_XML, _STYLES_WITH_EFFECTS)]:
        del rels[rid]
    preview = document.settings.element.find(qn("w:savePreviewPicture"))
    if preview is not None:
        document.settings.element.remove(preview)


def _related(rels: Relationships, reltype: str) -> Part:
    return next(rel.target_part for rel in rels.values() if rel.reltype == reltype and not rel.is_external)


def _replace_blob(rels: Relationships, reltype: str, blob: bytes) -> None:
    """Point the relationship at a part of the same name and type holding `blob`."""
    rel = next(rel for rel in rels.values() if rel.reltype == reltype and not rel.is_external)
    old = rel.target_part
    new = Part(old.partname, old.content_type, blob, old.package)
    rels.add_relationship(reltype, new, rel.rId)


def app_properties() -> bytes:
    """docProps/app.xml naming this program; page and word counts are left to the word processor."""
    root = etree.Element(f"{{{_EXTENDED}}}Properties", nsmap={None: _EXTENDED})
    etree.SubElement(root, f"{{{_EXTENDED}}}Application").text = f"{APP_NAME} {APP_VERSION}"
    etree.SubElement(root, f"{{{_EXTENDED}}}DocSecurity").text = "0"
    return part_xml(root)


def themed(theme_xml: bytes, major: str, minor: str) -> bytes:
    """The theme with `major` (headings) and `minor` (body) as its East Asian and Chinese fonts, and
    the Latin font of the page design, so that text set in theme fonts is set in ours."""
    root = etree.fromstring(theme_xml)
    for tag, east_asia in (("majorFont", major), ("minorFont", minor)):
        for collection in root.iter(f"{{{_DRAWING}}}{tag}"):
            collection.find(f"{{{_DRAWING}}}latin").set("typeface", LATIN_FONT)
            collection.find(f"{{{_DRAWING}}}ea").set("typeface", east_asia)
            for script_font in collection.iter(f"{{{_DRAWING}}}font"):
                if script_font.get("script") == "Hans":
                    script_font.set("typeface", east_asia)
    return part_xml(root)


def used_fonts(document: Document, theme_xml: bytes) -> list[str]:
    """Every font the document names (text, styles, page numbers) and the theme's Latin and East
    Asian fonts, in first-seen order."""
    elements: list[etree._Element] = [document.element, document.styles.element]
    elements += [section.footer._element for section in document.sections]
    elements += [section.even_page_footer._element for section in document.sections]
    names = [value for element in elements for value in _rfonts_values(element)]
    theme = etree.fromstring(theme_xml)
    for tag in ("latin", "ea"):
        names += [font.get("typeface", "") for font in theme.iter(f"{{{_DRAWING}}}{tag}")]
    return list(dict.fromkeys(name for name in names if name))


def _rfonts_values(element: etree._Element) -> Iterable[str]:
    for fonts in element.iter(qn("w:rFonts")):
        for attribute in _FONT_ATTRIBUTES:
            value = fonts.get(attribute)
            if value:
                yield value


def font_table(font_table_xml: bytes, fonts: list[str]) -> bytes:
    """word/fontTable.xml listing exactly `fonts`: Chinese ones with their English name and the
    GB2312 character set, so that Word and WPS know them (or substitute a Chinese font)."""
    template = etree.fromstring(font_table_xml)
    root = etree.Element(template.tag, nsmap=template.nsmap)
    for key, value in template.attrib.items():
        root.set(key, value)
    for name in fonts:
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        english = english_family_name(name)
        if english is not None:
            etree.SubElement(font, qn("w:altName")).set(qn("w:val"), english)
        etree.SubElement(font, qn("w:charset")).set(qn("w:val"), _ANSI_CHARSET if name.isascii() else _GB2312_CHARSET)
    return part_xml(root)

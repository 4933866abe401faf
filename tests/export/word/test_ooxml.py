"""export/word/ooxml.py: low-level WordprocessingML — property elements inserted in the schema's order
(Word refuses others), run fonts (East Asian and Latin, theme fonts removed) and sizes in half
points, points and millimetres to twips, text XML cannot hold dropped, and paragraph styles and
document defaults that python-docx reads back as they were asked for."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt
from lxml import etree

from export.page_design import LATIN_FONT, mm_twips
from export.word.ooxml import (
    ParagraphLook,
    add_paragraph_style,
    add_run,
    child,
    new_paragraph,
    set_document_defaults,
    set_run_fonts,
    set_run_size,
    twips,
    xml_safe,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
BODY = ParagraphLook(east_asia="仿宋_GB2312", size=16, line_pt=28.95, first_line_chars=2)


def element(tag: str, *children: str) -> BaseOxmlElement:
    parent = OxmlElement(tag)
    for name in children:
        parent.append(OxmlElement(name))
    return parent


def local_names(parent: BaseOxmlElement) -> list[str]:
    return [etree.QName(c).localname for c in parent]


def reopened(document: docx.document.Document) -> docx.document.Document:
    """Saved and opened again, as Word would get it."""
    stream = BytesIO()
    document.save(stream)
    stream.seek(0)
    return docx.Document(stream)


# --- schema order ----------------------------------------------------------------------------------

SCHEMA_CASES = [
    ("w:pPr", ["w:pStyle", "w:jc"], "w:spacing", ["pStyle", "spacing", "jc"]),
    ("w:pPr", ["w:spacing", "w:jc"], "w:keepNext", ["keepNext", "spacing", "jc"]),
    ("w:pPr", ["w:jc"], "w:outlineLvl", ["jc", "outlineLvl"]),
    ("w:pPr", ["w:ind", "w:rPr"], "w:jc", ["ind", "jc", "rPr"]),
    ("w:rPr", ["w:sz", "w:szCs"], "w:rFonts", ["rFonts", "sz", "szCs"]),
    ("w:rPr", ["w:rFonts", "w:lang"], "w:sz", ["rFonts", "sz", "lang"]),
    ("w:rPr", ["w:rFonts", "w:sz"], "w:spacing", ["rFonts", "spacing", "sz"]),
    ("w:tcPr", ["w:tcW", "w:vAlign"], "w:gridSpan", ["tcW", "gridSpan", "vAlign"]),
    ("w:tcPr", ["w:tcW", "w:tcMar"], "w:tcBorders", ["tcW", "tcBorders", "tcMar"]),
    ("w:trPr", ["w:tblHeader"], "w:cantSplit", ["cantSplit", "tblHeader"]),
    ("w:trPr", ["w:cantSplit", "w:tblHeader"], "w:trHeight", ["cantSplit", "trHeight", "tblHeader"]),
    ("w:tblPr", ["w:tblW", "w:tblLook"], "w:jc", ["tblW", "jc", "tblLook"]),
    ("w:tblPr", ["w:tblW"], "w:tblStyle", ["tblStyle", "tblW"]),
    ("w:pPr", ["w:keepNext", "w:snapToGrid", "w:jc"], "w:autoSpaceDE", ["keepNext", "autoSpaceDE", "snapToGrid", "jc"]),
    ("w:pPr", ["w:pStyle", "w:ind"], "w:kinsoku", ["pStyle", "kinsoku", "ind"]),
    ("w:rPr", ["w:rFonts", "w:sz", "w:lang"], "w:u", ["rFonts", "sz", "u", "lang"]),
    ("w:sectPr", ["w:footerReference", "w:pgMar"], "w:pgSz", ["footerReference", "pgSz", "pgMar"]),
    ("w:sectPr", ["w:pgSz", "w:docGrid"], "w:headerReference", ["headerReference", "pgSz", "docGrid"]),
]


@pytest.mark.parametrize(("parent", "present", "added", "order"), SCHEMA_CASES)
def test_a_new_property_goes_where_the_schema_puts_it(
    parent: str, present: list[str], added: str, order: list[str]
) -> None:
    properties = element(parent, *present)
    child(properties, added)
    assert local_names(properties) == order


def test_children_added_in_any_order_end_in_schema_order() -> None:
    ppr = OxmlElement("w:pPr")
    for tag in ("w:outlineLvl", "w:jc", "w:ind", "w:spacing", "w:snapToGrid", "w:keepNext", "w:pStyle"):
        child(ppr, tag)
    assert local_names(ppr) == ["pStyle", "keepNext", "snapToGrid", "spacing", "ind", "jc", "outlineLvl"]


@pytest.mark.parametrize(
    ("parent", "present", "added"),
    [("w:pPr", ["w:jc"], "w:unknownThing"), ("w:r", ["w:t"], "w:br"), ("w:body", ["w:p"], "w:tbl")],
    ids=["unranked-child", "run-content", "another-parent"],
)
def test_what_the_order_does_not_rank_is_appended(parent: str, present: list[str], added: str) -> None:
    properties = element(parent, *present)
    child(properties, added)
    assert local_names(properties)[-1] == etree.QName(qn(added)).localname


@pytest.mark.parametrize(
    ("parent", "present", "added"),
    [
        ("w:r", ["w:t", "w:tab", "w:t"], "w:rPr"),  # the page number's run gets its fonts after its text
        ("w:p", ["w:r", "w:fldSimple"], "w:pPr"),
        ("w:tc", ["w:p"], "w:tcPr"),
        ("w:tr", ["w:tc", "w:tc"], "w:trPr"),
    ],
)
def test_an_elements_own_properties_go_first_whatever_it_holds(parent: str, present: list[str], added: str) -> None:
    container = element(parent, *present)
    child(container, added)
    assert local_names(container) == [
        etree.QName(qn(added)).localname,
        *(etree.QName(qn(p)).localname for p in present),
    ]


def test_child_reuses_the_element_there_and_sets_w_attributes() -> None:
    ppr = element("w:pPr", "w:jc")
    first = child(ppr, "w:jc", val="center")
    again = child(ppr, "w:jc", val="both")
    assert first is again and len(ppr) == 1
    assert again.get(qn("w:val")) == "both"


# --- runs ------------------------------------------------------------------------------------------


def test_run_fonts_name_east_asian_and_latin_and_drop_theme_fonts() -> None:
    rpr = OxmlElement("w:rPr")
    fonts = child(rpr, "w:rFonts", asciiTheme="minorHAnsi", hAnsiTheme="minorHAnsi", eastAsiaTheme="minorEastAsia")
    fonts.set(qn("w:cstheme"), "minorBidi")
    set_run_fonts(rpr, "黑体")
    (only,) = rpr
    assert dict(only.attrib) == {
        qn("w:ascii"): LATIN_FONT,
        qn("w:hAnsi"): LATIN_FONT,
        qn("w:cs"): LATIN_FONT,
        qn("w:eastAsia"): "黑体",
        qn("w:hint"): "eastAsia",
    }
    set_run_fonts(rpr, "楷体_GB2312", latin="Arial")
    assert (only.get(qn("w:eastAsia")), only.get(qn("w:ascii"))) == ("楷体_GB2312", "Arial")


@pytest.mark.parametrize(
    ("points", "half_points"),
    [(22, "44"), (16, "32"), (14, "28"), (10.5, "21"), (9, "18")],
    ids=["二号", "三号", "四号", "五号", "小五"],
)
def test_run_size_is_in_half_points_for_both_scripts(points: float, half_points: str) -> None:
    rpr = element("w:rPr", "w:rFonts", "w:lang")
    set_run_size(rpr, points)
    assert local_names(rpr) == ["rFonts", "sz", "szCs", "lang"]
    assert [rpr.find(qn(t)).get(qn("w:val")) for t in ("w:sz", "w:szCs")] == [half_points, half_points]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("一、总体情况", [("t", "一、总体情况")]),
        ("名称\t叶城县", [("t", "名称"), ("tab", None), ("t", "叶城县")]),
        ("\t落款", [("tab", None), ("t", "落款")]),
        ("甲\t\t", [("t", "甲"), ("tab", None), ("tab", None)]),
        ("  两个空格 ", [("t", "  两个空格 ")]),
        ("联系人\x0b：张三\x00", [("t", "联系人：张三")]),
        ("", []),
    ],
    ids=["plain", "tab", "leading-tab", "trailing-tabs", "spaces-kept", "control-characters", "empty"],
)
def test_a_run_holds_the_text_with_tabs_as_tabs(text: str, pieces: list[tuple[str, str | None]]) -> None:
    paragraph = OxmlElement("w:p")
    run = add_run(paragraph, text)
    assert list(paragraph) == [run]
    assert [(etree.QName(c).localname, c.text) for c in run] == pieces
    assert all(t.get(XML_SPACE) == "preserve" for t in run.iter(qn("w:t")))  # Word keeps the spaces
    etree.fromstring(etree.tostring(paragraph))  # well-formed XML


def test_a_run_in_another_east_asian_font_has_its_properties_first() -> None:
    run = add_run(OxmlElement("w:p"), "（一）", east_asia="楷体_GB2312")
    assert local_names(run) == ["rPr", "t"]
    assert run.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"


def test_a_new_paragraph_has_its_style() -> None:
    paragraph = new_paragraph("BodyText")
    assert local_names(paragraph) == ["pPr"]
    assert paragraph.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val")) == "BodyText"


# --- units and text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "expected"), [(0, "0"), (16, "320"), (28.95, "579"), (10.5, "210"), (0.5, "10"), (-1.5, "-30")]
)
def test_twips_are_twentieths_of_a_point(points: float, expected: str) -> None:
    assert twips(points) == expected


@pytest.mark.parametrize(
    ("mm", "expected"),
    [
        (25.4, 1440),  # an inch
        (210, 11906),  # A4 as Word writes it: 11906 × 16838
        (297, 16838),
        (37, 2098),  # the GB/T 9704 margins as 公文 templates have them
        (28, 1587),
        (26, 1474),
        (35, 1984),
        (156, 8844),  # the text block's width
        (0, 0),
    ],
)
def test_millimetres_to_whole_twips(mm: float, expected: int) -> None:
    assert mm_twips(mm) == expected


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("叶城县科学技术局", "叶城县科学技术局"),
        ("第一段\n第二段\r\n\t缩进", "第一段\n第二段\r\n\t缩进"),  # the three control characters XML allows
        ("甲\x00乙\x01丙\x08丁", "甲乙丙丁"),
        ("换行符\x0b分页\x0c", "换行符分页"),
        ("\x0e\x1f转义", "转义"),
        ("孤立\ud800代理\udfff", "孤立代理"),
        ("非字符\ufffe\uffff", "非字符"),
        ("𠀀 CJK 扩展 B，😀", "𠀀 CJK 扩展 B，😀"),  # astral characters are fine
        ("\x7f\x85", "\x7f\x85"),  # allowed by XML 1.0
    ],
    ids=[
        "cjk",
        "allowed-controls",
        "c0",
        "vertical-tab-form-feed",
        "c0-high",
        "surrogates",
        "non-characters",
        "astral",
        "del-nel",
    ],
)
def test_xml_safe_drops_only_what_xml_cannot_hold(text: str, safe: str) -> None:
    assert xml_safe(text) == safe


# --- styles on a python-docx document --------------------------------------------------------------


def test_a_paragraph_style_reads_back_as_asked() -> None:
    document = docx.Document()
    heading = ParagraphLook(
        east_asia="黑体", size=16, line_pt=28.95, align="center", keep_with_next=True, outline_level=0
    )
    style_id = add_paragraph_style(document, "一级标题", heading)
    paragraph = document.add_paragraph("一、总体情况", style="一级标题")
    style = reopened(document).styles["一级标题"]
    assert style.style_id == style_id == paragraph.style.style_id
    assert style.type == WD_STYLE_TYPE.PARAGRAPH
    assert style.base_style.name == "Normal"
    assert style.quick_style
    assert style.font.size == Pt(16)
    assert style.font.name == LATIN_FONT
    assert style.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    fmt = style.paragraph_format
    assert (fmt.line_spacing, fmt.space_before, fmt.space_after) == (Pt(28.95), 0, 0)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert fmt.keep_with_next is True
    assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def test_the_body_style_indents_two_characters_on_an_exact_pitch() -> None:
    document = docx.Document()
    add_paragraph_style(document, "正文", BODY)
    style = reopened(document).styles["正文"]
    fmt = style.paragraph_format
    assert fmt.first_line_indent == Pt(2 * 16)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert not fmt.keep_with_next
    ppr = style.element.pPr
    assert ppr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"  # follows the font size in Word
    assert ppr.find(qn("w:spacing")).get(qn("w:lineRule")) == "exact"
    assert ppr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    assert ppr.find(qn("w:outlineLvl")) is None


@pytest.mark.parametrize(("tracking", "val"), [(0, None), (-0.3, "-6"), (-0.33, "-7"), (0.5, "10")])
def test_tracking_is_rounded_down_to_whole_twips_so_text_never_runs_wider(tracking: float, val: str | None) -> None:
    document = docx.Document()
    add_paragraph_style(document, "表格", ParagraphLook(east_asia="仿宋", size=9, line_pt=12, tracking_pt=tracking))
    spacing = document.styles["表格"].element.rPr.find(qn("w:spacing"))
    assert (None if spacing is None else spacing.get(qn("w:val"))) == val


def test_styles_keep_their_properties_in_schema_order() -> None:
    document = docx.Document()
    look = ParagraphLook(
        east_asia="仿宋", size=9, line_pt=12, align="center", keep_with_next=True, outline_level=1, tracking_pt=-0.5
    )
    add_paragraph_style(document, "表格", look)
    element = document.styles["表格"].element
    assert local_names(element.pPr) == ["keepNext", "snapToGrid", "spacing", "ind", "jc", "outlineLvl"]
    assert local_names(element.rPr) == ["rFonts", "spacing", "sz", "szCs"]


def test_document_defaults_carry_the_body_look_in_chinese() -> None:
    document = docx.Document()
    set_document_defaults(document, BODY)
    saved = reopened(document)
    defaults = saved.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:eastAsiaTheme")) is None and fonts.get(qn("w:asciiTheme")) is None  # names win
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
    assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    assert {k: spacing.get(qn(f"w:{k}")) for k in ("before", "after", "line", "lineRule")} == {
        "before": "0",
        "after": "0",
        "line": "579",
        "lineRule": "exact",
    }
    normal = saved.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.paragraph_format.line_spacing == Pt(28.95)
    assert normal.paragraph_format.first_line_indent == Pt(32)

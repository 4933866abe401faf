"""The .docx package as a whole (export/word/package.py, embedded.py): every XML part in the element
order of ECMA-376 (transitional), this program named in app.xml, no parts left over from python-docx's
default template, the font scheme's fonts in the theme and the font table, A4, and an embedded report
that holds only what is published.

The element orders below are transcribed from the schema (wml.xsd, dml-main.xsd, shared-customXmlDataProperties.xsd),
independently of the ones export/word/ooxml.py inserts by, for every parent element the exported parts use.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from export import ExportOptions
from export.fonts import FAMILY_NAMES
from export.page_design import FONT_SCHEMES, LATIN_FONT, FontScheme
from export.word import read, render
from export.word.embedded import PART_NAME
from model.about import APP_NAME, APP_VERSION
from model.files import load_report
from model.report import Report, Review
from model.serialize import report_to_dict

FIXTURES = Path(__file__).parents[2] / "fixtures"
SEEDS = sorted(FIXTURES.glob("seed_*.nianbao.json"))
NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "ds": "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
}
ANY = "*"  # any content allowed at this place of the sequence (paragraphs, runs, text)


def _names(text: str) -> list[str]:
    return text.split()


# Parent → its children's sequence; names in one string are a choice and share a rank.
SCHEMA: dict[str, list[str]] = {
    "w:document": ["w:background", "w:body"],
    "w:body": [ANY, "w:sectPr"],
    "w:p": ["w:pPr", ANY],
    "w:r": ["w:rPr", ANY],
    "w:tbl": ["w:tblPr", "w:tblGrid", "w:tr"],
    "w:tblGrid": ["w:gridCol", "w:tblGridChange"],
    "w:tr": ["w:tblPrEx", "w:trPr", "w:tc"],
    "w:tc": ["w:tcPr", ANY],
    "w:pPr": _names(
        "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
        "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
        "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd w:snapToGrid "
        "w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc w:textDirection "
        "w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr w:sectPr w:pPrChange"
    ),
    "w:rPr": _names(
        "w:ins w:del w:moveFrom w:moveTo w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike "
        "w:dstrike w:outline w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden "
        "w:color w:spacing w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd "
        "w:fitText w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath w:rPrChange"
    ),
    "w:sectPr": [
        "w:headerReference|w:footerReference",
        *_names(
            "w:footnotePr w:endnotePr w:type w:pgSz w:pgMar w:paperSrc w:pgBorders w:lnNumType w:pgNumType "
            "w:cols w:formProt w:vAlign w:noEndnote w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid "
            "w:printerSettings w:sectPrChange"
        ),
    ],
    "w:tblPr": _names(
        "w:tblStyle w:tblpPr w:tblOverlap w:bidiVisual w:tblStyleRowBandSize w:tblStyleColBandSize w:tblW "
        "w:jc w:tblCellSpacing w:tblInd w:tblBorders w:shd w:tblLayout w:tblCellMar w:tblLook w:tblCaption "
        "w:tblDescription w:tblPrChange"
    ),
    "w:trPr": [
        "w:cnfStyle|w:divId|w:gridBefore|w:gridAfter|w:wBefore|w:wAfter|w:cantSplit|w:trHeight|w:tblHeader"
        "|w:tblCellSpacing|w:jc|w:hidden",
        "w:ins|w:del",
        "w:trPrChange",
    ],
    "w:tcPr": _names(
        "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar w:textDirection "
        "w:tcFitText w:vAlign w:hideMark w:headers w:cellIns|w:cellDel|w:cellMerge w:tcPrChange"
    ),
    "w:tblBorders": ["w:top", "w:left|w:start", "w:bottom", "w:right|w:end", "w:insideH", "w:insideV"],
    "w:tcBorders": [
        "w:top",
        "w:left|w:start",
        "w:bottom",
        "w:right|w:end",
        "w:insideH",
        "w:insideV",
        "w:tl2br",
        "w:tr2bl",
    ],
    "w:tblCellMar": ["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"],
    "w:styles": ["w:docDefaults", "w:latentStyles", "w:style"],
    "w:docDefaults": ["w:rPrDefault", "w:pPrDefault"],
    "w:rPrDefault": ["w:rPr"],
    "w:pPrDefault": ["w:pPr"],
    "w:style": _names(
        "w:name w:aliases w:basedOn w:next w:link w:autoRedefine w:hidden w:uiPriority w:semiHidden "
        "w:unhideWhenUsed w:qFormat w:locked w:personal w:personalCompose w:personalReply w:rsid w:pPr "
        "w:rPr w:tblPr w:trPr w:tcPr w:tblStylePr"
    ),
    "w:tblStylePr": ["w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"],
    "w:settings": _names(
        "w:writeProtection w:view w:zoom w:removePersonalInformation w:removeDateAndTime "
        "w:doNotDisplayPageBoundaries w:displayBackgroundShape w:printPostScriptOverText "
        "w:printFractionalCharacterWidth w:printFormsData w:embedTrueTypeFonts w:embedSystemFonts "
        "w:saveSubsetFonts w:saveFormsData w:mirrorMargins w:alignBordersAndEdges w:bordersDoNotSurroundHeader "
        "w:bordersDoNotSurroundFooter w:gutterAtTop w:hideSpellingErrors w:hideGrammaticalErrors "
        "w:activeWritingStyle w:proofState w:formsDesign w:attachedTemplate w:linkStyles "
        "w:stylePaneFormatFilter w:stylePaneSortMethod w:documentType w:mailMerge w:revisionView "
        "w:trackRevisions w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride "
        "w:styleLockTheme w:styleLockQFSet w:defaultTabStop w:autoHyphenation w:consecutiveHyphenLimit "
        "w:hyphenationZone w:doNotHyphenateCaps w:showEnvelope w:summaryLength w:clickAndTypeStyle "
        "w:defaultTableStyle w:evenAndOddHeaders w:bookFoldRevPrinting w:bookFoldPrinting "
        "w:bookFoldPrintingSheets w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing "
        "w:displayHorizontalDrawingGridEvery w:displayVerticalDrawingGridEvery "
        "w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin w:drawingGridVerticalOrigin "
        "w:doNotShadeFormData w:noPunctuationKerning w:characterSpacingControl w:printTwoOnOne "
        "w:strictFirstAndLastChars w:noLineBreaksAfter w:noLineBreaksBefore w:savePreviewPicture "
        "w:doNotValidateAgainstSchema w:saveInvalidXml w:ignoreMixedContent w:alwaysShowPlaceholderText "
        "w:doNotDemarcateInvalidXml w:saveXmlDataOnly w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags "
        "w:alwaysMergeEmptyNamespace w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat "
        "w:docVars w:rsids m:mathPr w:attachedSchema w:themeFontLang w:clrSchemeMapping "
        "w:doNotIncludeSubdocsInStats w:doNotAutoCompressPictures w:forceUpgrade w:captions "
        "w:readModeInkLockDown w:smartTagType sl:schemaLibrary w:shapeDefaults w:doNotEmbedSmartTags "
        "w:decimalSymbol w:listSeparator"
    ),
    "w:fonts": ["w:font"],
    "w:font": _names(
        "w:altName w:panose1 w:charset w:family w:notTrueType w:pitch w:sig w:embedRegular w:embedBold "
        "w:embedItalic w:embedBoldItalic"
    ),
    "a:fontScheme": ["a:majorFont", "a:minorFont", "a:extLst"],
    "a:majorFont": ["a:latin", "a:ea", "a:cs", "a:font", "a:extLst"],
    "a:minorFont": ["a:latin", "a:ea", "a:cs", "a:font", "a:extLst"],
    "ds:datastoreItem": ["ds:schemaRefs"],
    "ds:schemaRefs": ["ds:schemaRef"],
}


def _clark(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


RANKS = {
    _clark(parent): {
        (ANY if name == ANY else _clark(name)): rank
        for rank, choice in enumerate(sequence)
        for name in choice.split("|")
    }
    for parent, sequence in SCHEMA.items()
}


def out_of_order(root: etree._Element) -> list[str]:
    """Where a child stands before one the schema puts ahead of it, or is not in the schema's sequence."""
    problems: list[str] = []
    for parent in root.iter():
        ranks = RANKS.get(parent.tag)  # type: ignore[arg-type]  # comments have a function as tag
        if ranks is None:
            continue
        last = -1
        for element in parent.iterchildren(tag=etree.Element):
            if etree.QName(element).namespace not in NS.values():
                continue  # extensions (w14, mc) are placed by markup compatibility, not by the sequence
            rank = ranks.get(element.tag, ranks.get(ANY))
            path = root.getroottree().getpath(element)
            if rank is None:
                problems.append(f"{path}: not a child the schema allows here")
            elif rank < last:
                problems.append(f"{path}: out of schema order")
            else:
                last = rank
    return problems


@cache
def exported(seed: Path, options: ExportOptions) -> bytes:
    return render(load_report(seed), options)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


SEED_IDS = [s.name.split(".")[0] for s in SEEDS]
ALL_OPTIONS = [
    ExportOptions(font_scheme=scheme, signed_copy=signed) for scheme in FONT_SCHEMES for signed in (False, True)
]
OPTION_IDS = [f"{o.font_scheme}{'-signed' if o.signed_copy else ''}" for o in ALL_OPTIONS]


# --- schema order ----------------------------------------------------------------------------------


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=OPTION_IDS)
@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_every_xml_part_is_in_schema_order(seed: Path, options: ExportOptions) -> None:
    problems = {
        name: out_of_order(etree.fromstring(blob))
        for name, blob in parts(exported(seed, options)).items()
        if name.endswith(".xml")
    }
    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize(
    ("xml", "problem"),
    [
        ("<w:r {ns}><w:t>1</w:t><w:rPr/></w:r>", "out of schema order"),  # the footers' page number, once
        ("<w:pPr {ns}><w:jc/><w:spacing/></w:pPr>", "out of schema order"),
        ("<w:rPr {ns}><w:sz/><w:rFonts/></w:rPr>", "out of schema order"),
        ("<w:sectPr {ns}><w:pgSz/><w:footerReference/></w:sectPr>", "out of schema order"),
        ("<w:tcPr {ns}><w:vAlign/><w:tcW/></w:tcPr>", "out of schema order"),
        ("<w:tblPr {ns}><w:tblGrid/></w:tblPr>", "not a child the schema allows here"),
    ],
)
def test_the_order_check_finds_misplaced_elements(xml: str, problem: str) -> None:
    root = etree.fromstring(xml.format(ns=f'xmlns:w="{NS["w"]}"'))
    (found,) = out_of_order(root)
    assert found.endswith(problem)


def test_elements_in_schema_order_pass_the_check() -> None:
    xml = '<w:sectPr xmlns:w="{w}"><w:headerReference/><w:footerReference/><w:headerReference/><w:pgSz/><w:docGrid/></w:sectPr>'
    assert out_of_order(etree.fromstring(xml.format(w=NS["w"]))) == []


# --- the package -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def package() -> dict[str, bytes]:
    return parts(exported(SEEDS[0], ExportOptions(font_scheme="standard", signed_copy=True)))


def test_app_properties_name_this_program_and_its_version(package: dict[str, bytes]) -> None:
    app = etree.fromstring(package["docProps/app.xml"])
    application = app.find("{*}Application")
    assert application is not None and application.text == f"{APP_NAME} {APP_VERSION}"
    assert b"Microsoft" not in package["docProps/app.xml"]
    assert app.find("{*}Pages") is None  # counts of a blank template are not ours to claim


def test_no_part_is_left_over_from_the_default_template(package: dict[str, bytes]) -> None:
    assert sorted(package) == [
        "[Content_Types].xml",
        "_rels/.rels",
        "customXml/_rels/nianbao-report.xml.rels",
        "customXml/itemProps1.xml",
        "customXml/nianbao-report.xml",
        "docProps/app.xml",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/footer2.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/styles.xml",
        "word/theme/theme1.xml",
        "word/webSettings.xml",
    ]
    for relationships in ("_rels/.rels", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        assert not re.search(rb"thumbnail|jpeg|stylesWithEffects|bibliography", package[relationships])
    assert b"savePreviewPicture" not in package["word/settings.xml"]


def test_every_page_size_in_the_package_is_a4(package: dict[str, bytes]) -> None:
    sizes = [
        (size.get(f"{{{NS['w']}}}w"), size.get(f"{{{NS['w']}}}h"))
        for name, blob in package.items()
        if name.endswith(".xml")
        for size in etree.fromstring(blob).iter(f"{{{NS['w']}}}pgSz")
    ]
    assert sizes == [("11906", "16838")]  # 210 × 297 mm in twips


def _theme_fonts(package: dict[str, bytes]) -> dict[str, dict[str, str]]:
    theme = etree.fromstring(package["word/theme/theme1.xml"])
    found: dict[str, dict[str, str]] = {}
    for collection in ("majorFont", "minorFont"):
        fonts = theme.find(f".//a:{collection}", NS)
        assert fonts is not None
        found[collection] = {
            "latin": fonts.find("a:latin", NS).get("typeface"),
            "ea": fonts.find("a:ea", NS).get("typeface"),
            "Hans": fonts.find("a:font[@script='Hans']", NS).get("typeface"),
        }
    return found


@pytest.mark.parametrize("scheme", FONT_SCHEMES.values(), ids=list(FONT_SCHEMES))
def test_the_themes_chinese_fonts_are_the_schemes(scheme: FontScheme) -> None:
    package = parts(exported(SEEDS[1], ExportOptions(font_scheme=scheme.id)))
    assert _theme_fonts(package) == {
        "majorFont": {"latin": LATIN_FONT, "ea": scheme.heading1, "Hans": scheme.heading1},
        "minorFont": {"latin": LATIN_FONT, "ea": scheme.body, "Hans": scheme.body},
    }
    settings = etree.fromstring(package["word/settings.xml"])
    language = settings.find("w:themeFontLang", NS)
    assert language is not None and language.get(f"{{{NS['w']}}}eastAsia") == "zh-CN"  # not ja-JP: no MS Mincho


def _named_fonts(package: dict[str, bytes]) -> set[str]:
    names: set[str] = set()
    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
        for fonts in etree.fromstring(package[name]).iter(f"{{{NS['w']}}}rFonts"):
            names |= {fonts.get(f"{{{NS['w']}}}{a}") for a in ("ascii", "hAnsi", "eastAsia", "cs")} - {None}
    return names


@pytest.mark.parametrize("scheme", FONT_SCHEMES.values(), ids=list(FONT_SCHEMES))
def test_the_font_table_lists_the_fonts_the_document_names_and_no_other(scheme: FontScheme) -> None:
    package = parts(exported(SEEDS[2], ExportOptions(font_scheme=scheme.id)))
    table = etree.fromstring(package["word/fontTable.xml"])
    listed = {font.get(f"{{{NS['w']}}}name"): font for font in table.findall("w:font", NS)}
    theme = {font for fonts in _theme_fonts(package).values() for font in fonts.values()}
    assert set(listed) == _named_fonts(package) | theme
    used = {scheme.title, scheme.body, scheme.heading1, scheme.heading2, scheme.page_number, scheme.table}
    assert used <= set(listed)
    assert not {"ＭＳ 明朝", "ＭＳ ゴシック", "Cambria", "Calibri"} & set(listed)
    for family in used:
        font = listed[family]
        assert font.find("w:charset", NS).get(f"{{{NS['w']}}}val") == "86"  # GB2312: a Chinese font
        alt = font.find("w:altName", NS)
        assert alt is not None and alt.get(f"{{{NS['w']}}}val") in FAMILY_NAMES[family]


# --- the embedded report ---------------------------------------------------------------------------


def _reviewed(seed: Path) -> Report:
    report = load_report(seed)
    report.reviews = [Review("CARRY_OVER", {"table": "applications"}, "经主任同意，差额为上年误报", "0" * 64)]
    report.imported_labels = {"applications": {"natural_person": "自然人（个人）"}}
    return report


def test_the_embedded_report_leaves_out_reviews_and_imported_labels(tmp_path: Path) -> None:
    data = render(_reviewed(SEEDS[0]), ExportOptions())
    embedded = etree.fromstring(parts(data)[PART_NAME.lstrip("/")])
    stored = json.loads(embedded.text)
    assert "经主任同意" not in embedded.text
    assert not stored.get("reviews") and not stored.get("imported_labels")


@pytest.mark.parametrize("seed", SEEDS, ids=SEED_IDS)
def test_everything_else_comes_back_exactly(tmp_path: Path, seed: Path) -> None:
    report = _reviewed(seed)
    path = tmp_path / "年报.docx"
    path.write_bytes(render(report, ExportOptions(signed_copy=True)))
    back = report_to_dict(read(path))
    expected = report_to_dict(report)
    for private in ("reviews", "imported_labels"):
        expected.pop(private, None)
        back.pop(private, None)
    assert back == expected
    assert back.get("previous") == report_to_dict(load_report(seed)).get("previous")  # kept: see docs/file-format.md

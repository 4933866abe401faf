"""export/word/embedded.py: the exact report carried inside a .docx, and the fingerprint of the visible text
that says whether it may still be trusted.

The embedded copy survives saving and reopening field for field (unfilled cells, exact fees, the five
real seeds). The fingerprint stays the same when only runs, spaces, line breaks or empty paragraphs
change, and lapses as soon as a word a reader sees changes. A damaged, foreign, oversized or hostile
custom XML part is passed over, never trusted and never a crash.
"""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from export.word.embedded import (
    MAX_EMBEDDED_BYTES,
    NAMESPACE,
    PART_NAME,
    embed_report,
    embedded_report,
    published_copy,
    visible_fingerprint,
)
from model.files import load_report, report_json
from model.report import Report, Review
from model.serialize import report_to_dict

FIXTURES = Path(__file__).parents[2] / "fixtures"
SEEDS = sorted(FIXTURES.glob("seed_*.nianbao.json"))


def _visible(report: Report) -> Document:
    """A small document showing some of the report, as the export would."""
    document = docx.Document()
    document.add_paragraph(report.title)
    document.add_paragraph("根据《中华人民共和国政府信息公开条例》规定，现发布本机关2024年政府信息公开工作年度报告。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "自然人", "商业企业"
    table.cell(1, 0).text, table.cell(1, 1).text = "7", "2"
    document.add_paragraph(report.signatory)
    return document


def _saved(document: Document, path: Path) -> Document:
    document.save(str(path))
    return docx.Document(str(path))


def _exported(report: Report, tmp_path: Path) -> Path:
    document = _visible(report)
    embed_report(document, report)
    path = tmp_path / "年报.docx"
    document.save(str(path))
    return path


# --- the round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name.split(".")[0] for s in SEEDS])
def test_each_real_seed_comes_back_exactly(tmp_path: Path, seed: Path) -> None:
    report = load_report(seed)
    reopened = docx.Document(str(_exported(report, tmp_path)))
    embedded = embedded_report(reopened)
    assert embedded is not None
    assert report_to_dict(embedded.report) == report_to_dict(published_copy(report))
    assert embedded.fingerprint == visible_fingerprint(reopened)


def test_unfilled_cells_and_exact_fees_survive(tmp_path: Path, report: Report) -> None:
    report.set_cell("applications", "carried_over", "research", None)
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("0.0350"))
    embedded = embedded_report(docx.Document(str(_exported(report, tmp_path))))
    assert embedded is not None
    assert embedded.report.stored("applications", "carried_over", "research") is None
    assert embedded.report.stored("applications", "carried_over", "commercial") == 0
    assert embedded.report.stored("active_disclosure", "administrative_fees", "amount") == Decimal("0.035")


def test_a_document_without_an_embedded_report_has_none(tmp_path: Path, report: Report) -> None:
    assert embedded_report(_saved(_visible(report), tmp_path / "手写.docx")) is None


def test_the_embedded_part_is_custom_xml_that_word_keeps(tmp_path: Path, report: Report) -> None:
    with zipfile.ZipFile(_exported(report, tmp_path)) as package:
        blob = package.read(PART_NAME.lstrip("/"))
        relationships = package.read("word/_rels/document.xml.rels").decode()
    assert NAMESPACE.encode() in blob
    assert RELATIONSHIP_TYPE.CUSTOM_XML in relationships
    assert report.meta.agency.encode() in blob  # the report file itself, readable


# --- the fingerprint --------------------------------------------------------------------------


def _fingerprint_after(report: Report, tmp_path: Path, change: object) -> tuple[str, str]:
    """(fingerprint stored at export, fingerprint of the document after `change` and a save)."""
    document = docx.Document(str(_exported(report, tmp_path)))
    change(document)  # type: ignore[operator]
    reopened = _saved(document, tmp_path / "改过.docx")
    embedded = embedded_report(reopened)
    assert embedded is not None  # Word keeps the part; only the fingerprint tells
    return embedded.fingerprint, visible_fingerprint(reopened)


def _split_runs(document: Document) -> None:
    paragraph = document.paragraphs[0]
    text = paragraph.text
    paragraph.clear()
    for half in (text[:5], text[5:]):
        paragraph.add_run(half).bold = True


def _respace(document: Document) -> None:
    paragraph = document.paragraphs[0]
    paragraph.text = " " + paragraph.text.replace("2024", " 2024 ") + "\u3000"


def _line_break(document: Document) -> None:
    paragraph = document.paragraphs[0]
    text = paragraph.text
    paragraph.clear()
    paragraph.add_run(text[:10]).add_break()
    paragraph.add_run(text[10:])


def _empty_paragraphs(document: Document) -> None:
    document.add_paragraph("")
    document.paragraphs[0].insert_paragraph_before("   ")


@pytest.mark.parametrize("change", [_split_runs, _respace, _line_break, _empty_paragraphs])
def test_the_fingerprint_is_blind_to_runs_spaces_and_line_breaks(
    tmp_path: Path, report: Report, change: object
) -> None:
    stored, now = _fingerprint_after(report, tmp_path, change)
    assert stored == now


def _one_character(document: Document) -> None:
    paragraph = document.paragraphs[0]
    paragraph.text = paragraph.text.replace("2024", "2025")


def _a_table_number(document: Document) -> None:
    document.tables[0].cell(1, 0).text = "8"


def _a_new_paragraph(document: Document) -> None:
    document.add_paragraph("补充说明：本报告已经局务会审议。")


def _two_paragraphs_joined(document: Document) -> None:
    first, second = document.paragraphs[0], document.paragraphs[1]
    first.add_run(second.text)
    second._p.getparent().remove(second._p)


def _paragraphs_swapped(document: Document) -> None:
    first, second = document.paragraphs[0], document.paragraphs[1]
    first.text, second.text = second.text, first.text


@pytest.mark.parametrize(
    "change", [_one_character, _a_table_number, _a_new_paragraph, _two_paragraphs_joined, _paragraphs_swapped]
)
def test_the_fingerprint_lapses_when_the_visible_text_changes(tmp_path: Path, report: Report, change: object) -> None:
    stored, now = _fingerprint_after(report, tmp_path, change)
    assert stored != now


def test_the_fingerprint_is_a_sha256_hex_digest(report: Report) -> None:
    fingerprint = visible_fingerprint(_visible(report))
    assert len(fingerprint) == 64 and int(fingerprint, 16) >= 0
    assert visible_fingerprint(_visible(report)) == fingerprint  # the same text, the same digest


# --- parts that are not to be trusted ------------------------------------------------------------


def _with_part(document: Document, blob: bytes, name: str = PART_NAME) -> Document:
    part = Part(PackURI(name), "application/xml", blob, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_XML)
    return document


def _wrapped(text: str, namespace: str = NAMESPACE) -> bytes:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><report xmlns="{namespace}" fingerprint="x">{escaped}</report>'.encode()
    )


def _newer(report: Report) -> str:
    data = json.loads(report_json(report))
    data["schema_version"] = 999
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    "blob",
    [
        pytest.param(b"<not xml", id="not-xml"),
        pytest.param(_wrapped("{", NAMESPACE), id="damaged-json"),
        pytest.param(_wrapped(""), id="empty"),
        pytest.param(b'<?xml version="1.0"?><ds:datastoreItem xmlns:ds="urn:x"/>', id="another-programs-part"),
        pytest.param(_wrapped('{"format": "gov-info-annual-report"}', "urn:someone-else"), id="foreign-namespace"),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<report xmlns="urn:gov-info-annual-report:docx-embedded-report">&x;</report>',
            id="external-entity",
        ),
        pytest.param(
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
            b'<report xmlns="urn:gov-info-annual-report:docx-embedded-report">&d;&d;&d;&d;</report>',
            id="entity-expansion",
        ),
    ],
)
def test_a_part_that_is_no_readable_report_of_ours_is_passed_over(report: Report, blob: bytes) -> None:
    assert embedded_report(_with_part(_visible(report), blob)) is None


def test_a_report_saved_by_a_newer_version_is_passed_over(report: Report) -> None:
    assert embedded_report(_with_part(_visible(report), _wrapped(_newer(report)))) is None


def test_an_oversized_part_is_passed_over(report: Report) -> None:
    padded = report_json(report) + " " * MAX_EMBEDDED_BYTES
    assert embedded_report(_with_part(_visible(report), _wrapped(padded))) is None
    assert embedded_report(_with_part(_visible(report), _wrapped(report_json(report)))) is not None


def test_a_readable_report_after_an_unreadable_part_is_found(report: Report) -> None:
    document = _with_part(_visible(report), b"<not xml", "/customXml/item1.xml")
    document = _with_part(document, _wrapped(report_json(report)))
    embedded = embedded_report(document)
    assert embedded is not None and embedded.report.meta.agency == report.meta.agency


def test_the_published_copy_leaves_out_reviews_and_imported_labels_and_the_report_as_it_was(report: Report) -> None:
    report.reviews = [Review("CARRY_OVER", {"table": "applications"}, "主任同意", "0" * 64)]
    report.imported_labels = {"applications": {"natural_person": "个人"}}
    published = published_copy(report)
    assert (published.reviews, published.imported_labels) == ([], {})
    assert len(report.reviews) == 1 and report.imported_labels  # the open report keeps its own
    assert report_to_dict(published) == {
        k: v for k, v in report_to_dict(report).items() if k not in ("reviews", "imported_labels")
    }

"""export/word/__init__.py, the .docx entry (render, read): its own export reads back exactly, and once
someone edits the visible text, what the document now shows is read."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import docx

from export import ExportOptions, read_report, write_report
from model.report import NarrativeSection, Report, Subsection
from model.serialize import report_to_dict
from model.template import TEMPLATE_2021


def _round_trip(report: Report, tmp_path: Path, options: ExportOptions | None = None) -> Report:
    path = tmp_path / "年报.docx"
    write_report(report, path, options)
    return read_report(path)


def _without_embedded_report(path: Path) -> Path:
    """The same document as a program that drops custom XML parts would save it."""
    stripped = path.with_name("stripped.docx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*customXml[^>]*/>", b"", data)
            if not item.filename.startswith("customXml/"):
                target.writestr(item, data)
    return stripped


def _values(report: Report) -> dict[tuple[str, str, str], object]:
    return {(t.id, r.id, c.id): report.value(t.id, r.id, c.id) for t in TEMPLATE_2021.tables for r, c in t.cells()}


def _unusual_report(report: Report) -> Report:
    """Unfilled cells, an exact fee, multi-paragraph text, empty sections, a government agency."""
    report.set_cell("applications", "carried_over", "research", None)
    report.set_cell("applications", "results_total", "total", 9)
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("0.125"))
    report.meta.agency_kind = "government"
    report.meta.signatory = "叶城县人民政府办公室"
    report.narrative.sections["problems"] = NarrativeSection()
    report.narrative.sections["other"] = NarrativeSection(subsections=[Subsection("", "第一段。\n\n第三段。")])
    report.narrative.set_text("closing", "本报告电子版可在县政府门户网站下载。")
    return report


def test_own_export_reads_back_exactly(report: Report, tmp_path: Path) -> None:
    assert report_to_dict(_round_trip(report, tmp_path)) == report_to_dict(report)


def test_unfilled_cells_exact_fee_and_empty_sections_survive(report: Report, tmp_path: Path) -> None:
    unusual = _unusual_report(report)
    back = _round_trip(unusual, tmp_path, ExportOptions(signed_copy=True))
    assert report_to_dict(back) == report_to_dict(unusual)
    assert back.stored("applications", "carried_over", "research") is None
    assert back.stored("applications", "carried_over", "commercial") == 0
    assert back.stored("active_disclosure", "administrative_fees", "amount") == Decimal("0.125")


def test_own_export_reads_from_its_visible_content_alone(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "年报.docx"
    write_report(report, path)
    back = read_report(_without_embedded_report(path))
    assert report_to_dict(back)["meta"] == report_to_dict(report)["meta"]
    assert report_to_dict(back)["narrative"] == report_to_dict(report)["narrative"]
    assert _values(back) == _values(report)
    assert back.imported_labels == {}


def test_a_document_edited_after_export_reads_what_it_now_shows(report: Report, tmp_path: Path) -> None:
    report.meta.agency_kind = "township"
    path = tmp_path / "年报.docx"
    write_report(report, path)
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text == "将政务公开工作纳入年度考核。")
    paragraph.runs[0].text = "将政务公开工作纳入绩效考核。"
    document.save(str(path))
    back = read_report(path)
    assert back.narrative.section("overview").subsections[4].text == "将政务公开工作纳入绩效考核。"
    assert back.meta.agency_kind == "township"  # not visible on the page: kept from the export

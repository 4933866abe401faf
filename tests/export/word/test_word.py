"""Importing .docx files: this app's exports exactly, and reports typed by hand following the official form."""

from __future__ import annotations

import re
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx

from export import ExportOptions, read_report, write_report
from model.checks import check
from model.report import NarrativeSection, Report, Subsection
from model.serialize import report_to_dict
from model.template import TEMPLATE_2021, row_title
from model.values import Invalid
from tests.export.word.samples import half_width, seed_like_document

APPLICATIONS = TEMPLATE_2021.table("applications")


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


def test_seed_002_like_document_with_half_width_numbers_and_a_wording_variant(tmp_path: Path) -> None:
    variant = "2.其他法律法规禁止公开"

    def typed(row: object) -> str:
        label = row.label  # type: ignore[attr-defined]
        return variant if row.id == "withheld_prohibited_by_law" else half_width(label)  # type: ignore[attr-defined]

    report = read_report(seed_like_document(tmp_path / "002.docx", row_label=typed))
    assert (report.meta.agency, report.meta.year) == ("攀枝花市东区科学技术局", 2024)
    assert report.meta.issue_date == date(2025, 1, 9)
    assert report.meta.signatory == ""
    assert all(report.stored("applications", r.id, c.id) == 0 for r, c in APPLICATIONS.cells())
    labels = report.imported_labels["applications"]
    assert labels["withheld_prohibited_by_law"] == variant
    assert labels["disclosed"] == half_width(APPLICATIONS.row("disclosed").label).strip()
    mismatches = [f for f in check(report) if f.code == "LABEL_MISMATCH"]
    assert any(variant in f.message for f in mismatches)
    assert len(mismatches) == len(labels)


def test_seed_002_like_narrative_is_split_by_headings(tmp_path: Path) -> None:
    report = read_report(seed_like_document(tmp_path / "002.docx"))
    overview = report.narrative.section("overview")
    assert [s.title for s in overview.subsections] == ["主动公开情况。", "依申请公开情况"]
    assert overview.subsections[0].text == "2024年，我局共主动公开政府信息50余条。"
    assert overview.subsections[1].text == "2024年我局未收到依申请公开。"
    assert report.narrative.text("preamble") == "根据《中华人民共和国政府信息公开条例》编制本报告。"
    assert report.narrative.section("other").intro == "本年度未收取信息处理费，无其他需要报告事项。"
    assert report.narrative.section("problems").subsections[0].title == "信息公开内容不够全面。"


def test_seed_004_like_table_filled_only_in_the_total_column(tmp_path: Path) -> None:
    only_totals = lambda row_id, column_id: "0" if column_id == "total" else ""  # noqa: E731
    path = seed_like_document(tmp_path / "004.docx", applications=only_totals, review=only_totals, merged=False)
    report = read_report(path)
    for row, column in APPLICATIONS.cells():
        expected = 0 if column.id == "total" else None
        assert report.stored("applications", row.id, column.id) == expected, (row_title(row), column.label)
    assert report.stored("review_litigation", "litigation_after_review", "total") == 0
    assert report.stored("review_litigation", "review", "upheld") is None
    missing = {f.location.column for f in check(report) if f.code == "MISSING" and f.location.table == "applications"}
    assert "natural_person" in missing
    assert report.imported_labels == {}


def test_typed_numbers_slashes_and_text_in_cells(tmp_path: Path) -> None:
    typed = {
        ("new_received", "natural_person"): "１２",
        ("new_received", "commercial"): "/",
        ("carried_over", "other_org"): "两件",
    }
    path = seed_like_document(tmp_path / "typed.docx", applications=lambda r, c: typed.get((r, c), "0"))
    report = read_report(path)
    assert report.stored("applications", "new_received", "natural_person") == 12
    assert report.stored("applications", "new_received", "commercial") is None
    assert report.stored("applications", "carried_over", "other_org") == Invalid("两件")


def test_review_and_litigation_cells_are_found_under_their_groups(tmp_path: Path) -> None:
    columns = [c.id for c in TEMPLATE_2021.table("review_litigation").blocks[0].columns]
    rows = [r.id for r in TEMPLATE_2021.table("review_litigation").rows]
    number = lambda r, c: str(rows.index(r) * 10 + columns.index(c))  # noqa: E731
    for merged in (True, False):
        report = read_report(seed_like_document(tmp_path / f"t4-{merged}.docx", review=number, merged=merged))
        for r in rows:
            for c in columns:
                assert report.stored("review_litigation", r, c) == int(number(r, c)), (merged, r, c)

"""export/word/read_text.py: a hand-typed report's text split into its sections by their headings."""

from __future__ import annotations

from pathlib import Path

import docx

from export import ExportOptions, read_report, write_report
from model.report import ImportNote
from tests.export.word.samples import seed_like_document
from tests.factories import consistent_report


def test_seed_002_like_narrative_is_split_by_headings(tmp_path: Path) -> None:
    report = read_report(seed_like_document(tmp_path / "002.docx"))
    overview = report.narrative.section("overview")
    assert [s.title for s in overview.subsections] == ["主动公开情况。", "依申请公开情况"]
    assert overview.subsections[0].text == "2024年，我局共主动公开政府信息50余条。"
    assert overview.subsections[1].text == "2024年我局未收到依申请公开。"
    assert report.narrative.text("preamble") == "根据《中华人民共和国政府信息公开条例》编制本报告。"
    assert report.narrative.section("other").intro == "本年度未收取信息处理费，无其他需要报告事项。"
    assert report.narrative.section("problems").subsections[0].title == "信息公开内容不够全面。"


def test_an_exported_report_edited_in_word_keeps_its_chosen_kind_not_a_guess(tmp_path: Path) -> None:
    report = consistent_report()
    report.meta.agency_kind = "government"  # chosen, though the name says otherwise
    path = tmp_path / "edited.docx"
    write_report(report, path, ExportOptions())
    document = docx.Document(str(path))
    document.add_paragraph("在 Word 中补充的一句话。")
    document.save(str(path))
    back = read_report(path)
    assert back.meta.agency_kind == "government"
    assert not [n for n in back.import_notes if n.kind == "guessed"]
    assert ImportNote("guessed", "agency_kind", found="department") not in back.import_notes


def test_a_typed_report_records_its_kind_as_guessed_from_the_name(tmp_path: Path) -> None:
    report = read_report(seed_like_document(tmp_path / "002.docx"))
    assert ImportNote("guessed", "agency_kind", found=report.meta.agency_kind) in report.import_notes

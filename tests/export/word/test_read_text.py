"""export/word/read_text.py: a hand-typed report's text split into its sections by their headings."""

from __future__ import annotations

from pathlib import Path

from export import read_report
from tests.export.word.samples import seed_like_document


def test_seed_002_like_narrative_is_split_by_headings(tmp_path: Path) -> None:
    report = read_report(seed_like_document(tmp_path / "002.docx"))
    overview = report.narrative.section("overview")
    assert [s.title for s in overview.subsections] == ["主动公开情况。", "依申请公开情况"]
    assert overview.subsections[0].text == "2024年，我局共主动公开政府信息50余条。"
    assert overview.subsections[1].text == "2024年我局未收到依申请公开。"
    assert report.narrative.text("preamble") == "根据《中华人民共和国政府信息公开条例》编制本报告。"
    assert report.narrative.section("other").intro == "本年度未收取信息处理费，无其他需要报告事项。"
    assert report.narrative.section("problems").subsections[0].title == "信息公开内容不够全面。"

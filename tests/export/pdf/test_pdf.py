"""export/pdf/__init__.py, the .pdf entry (render): fonts embedded, a small file, written by its suffix."""

from __future__ import annotations

from pathlib import Path

import pytest

from export import PDF, ExportOptions, write_report
from export.pdf.embedding import pdf_fonts
from model.report import Report, Subsection
from tests.export.pdf.poppler import _poppler, needs_poppler
from tests.factories import consistent_report

pytestmark = needs_poppler


def test_fonts_are_embedded_when_a_truetype_cjk_font_is_installed(published: Path) -> None:
    if not pdf_fonts("auto").embedded:
        pytest.skip("no TrueType CJK font on this machine")
    rows = _poppler("pdffonts", published).splitlines()[2:]
    assert rows, "the PDF names no font"
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", f"font not embedded: {row}"


def test_full_report_stays_under_300_kb(published_text: str) -> None:
    report = _long_report(published_text, distinct_characters=600)
    assert len(PDF.render(report, ExportOptions(signed_copy=True))) < 300 * 1024


def _long_report(printed: str, distinct_characters: int) -> Report:
    """A report with this many distinct Chinese characters, labels included (real ones have 400-550)."""
    used = {c for c in printed if ord(c) >= 0x4E00}
    level_1 = bytes(range(0xB0, 0xD7))  # GB2312 level 1: the common characters
    chars = [bytes([high, low]).decode("gb2312") for high in level_1 for low in range(0xA1, 0xFF)]
    text = "".join([c for c in chars if c not in used][: distinct_characters - len(used)])
    paragraphs = "\n".join(text[i : i + 120] + "。" for i in range(0, len(text), 120))
    report = consistent_report()
    report.narrative.section("overview").subsections.append(Subsection("其他工作", paragraphs))
    return report


def test_export_by_suffix_writes_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    write_report(consistent_report(), path)
    assert path.read_bytes().startswith(b"%PDF-")


def test_latin_text_is_set_in_times_new_roman_or_its_metric_twin(published: Path) -> None:
    fonts = pdf_fonts("auto")
    if fonts.latin is None:
        pytest.skip("neither Times New Roman nor Liberation Serif is installed")
    names = _poppler("pdffonts", published)
    assert "TimesNewRoman" in names.replace(" ", "") or "LiberationSerif" in names

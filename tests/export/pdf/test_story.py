"""The PDF export as a reader sees it: A4 pages, embedded fonts, the statutory labels in reading order."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from export import PDF, ExportOptions, write_report
from export.page_design import SEAL_LABEL, SIGNER_LABEL
from export.pdf.fonts import pdf_fonts
from model.errors import ReportFileError
from model.layout import CellRole, table_layout
from model.report import Report, Subsection
from model.template import TEMPLATE_2021
from tests.factories import consistent_report

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _poppler(tool: str, pdf: Path) -> str:
    # -raw: text in the order it is drawn, i.e. cell by cell, row by row, as a screen reader reads it.
    args = ["-raw", str(pdf), "-"] if tool == "pdftotext" else [str(pdf)]
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    write_report(consistent_report(), path, ExportOptions())
    return path


@pytest.fixture(scope="module")
def published_text(published: Path) -> str:
    return _poppler("pdftotext", published)


def _flat(text: str) -> str:
    return "".join(text.split())


def _assert_in_order(text: str, labels: list[str]) -> None:
    flat = _flat(text)
    position = 0
    for label in labels:
        found = flat.find(_flat(label), position)
        assert found >= 0, f"{label!r} missing or out of order"
        position = found + len(_flat(label))


def test_pages_are_a4(published: Path) -> None:
    info = _poppler("pdfinfo", published)
    assert "Page size:       595.276 x 841.89 pts (A4)" in info


def test_fonts_are_embedded_when_a_truetype_cjk_font_is_installed(published: Path) -> None:
    if not pdf_fonts("auto").embedded:
        pytest.skip("no TrueType CJK font on this machine")
    rows = _poppler("pdffonts", published).splitlines()[2:]
    assert rows, "the PDF names no font"
    for row in rows:
        columns = row.split()
        assert columns[-5] == "yes", f"font not embedded: {row}"


def test_title_sections_and_signature_read_in_order(published_text: str) -> None:
    report = consistent_report()
    headings = [section.heading for section in TEMPLATE_2021.sections]
    _assert_in_order(
        published_text,
        [report.title, report.narrative.text("preamble")[:20], *headings, "叶城县科学技术局", "2025年1月17日"],
    )


def test_subsections_are_numbered_by_position(published_text: str) -> None:
    _assert_in_order(published_text, ["（一）主动公开", "（二）依申请公开", "（五）监督保障", "（一）存在的主要问题"])


def test_table_3_row_labels_read_in_statutory_order(published_text: str) -> None:
    table = TEMPLATE_2021.table("applications")
    _assert_in_order(published_text, [table.note, "自然人", "商业企业", *[row.label for row in table.rows]])


def test_every_label_of_the_three_tables_is_printed(published_text: str) -> None:
    flat = _flat(published_text)
    for table in TEMPLATE_2021.tables:
        for cell in table_layout(table).cells:
            if cell.role is not CellRole.DATA:
                assert _flat(cell.text) in flat, cell.text


def test_table_3_stays_on_one_page(published: Path) -> None:
    labels = [row.label for row in TEMPLATE_2021.table("applications").rows]
    pages = _poppler("pdftotext", published).split("\f")
    holding = [i for i, page in enumerate(pages) if _flat(labels[0]) in _flat(page)]
    assert len(holding) == 1
    assert all(_flat(label) in _flat(pages[holding[0]]) for label in labels)


def test_values_are_printed_with_totals_computed(published_text: str) -> None:
    lines = published_text.split()
    # 一、本年新收: 7 natural persons, 2 firms, 总计 9 (never entered: computed from its parts).
    start = lines.index("一、本年新收政府信息公开申请数量")
    assert lines[start + 1 : start + 8] == ["7", "2", "0", "0", "0", "0", "9"]
    assert "1.25" in lines  # the fee in 万元, exactly as entered


def test_pages_are_numbered_with_dashes(published: Path) -> None:
    pages = _poppler("pdftotext", published).split("\f")
    numbered = [page for page in pages if page.strip()]
    for number, page in enumerate(numbered, start=1):
        assert f"— {number} —" in page


def test_published_copy_has_no_signature_lines(published_text: str) -> None:
    assert SIGNER_LABEL.rstrip("：") not in published_text
    assert SEAL_LABEL.strip("（）") not in published_text


def test_signed_copy_adds_signature_and_seal_below_the_date(tmp_path: Path, published_text: str) -> None:
    path = tmp_path / "signed.pdf"
    write_report(consistent_report(), path, ExportOptions(signed_copy=True))
    text = _poppler("pdftotext", path)
    _assert_in_order(text, ["2025年1月17日", SIGNER_LABEL.rstrip("："), SEAL_LABEL.strip("（）")])
    # Everything before the additions is the published text, unchanged.
    before = text[: text.index(SIGNER_LABEL[:4])]
    assert _flat(published_text).startswith(_flat(before).rstrip())


def test_long_title_breaks_after_the_year(published_text: str) -> None:
    lines = [line for line in published_text.splitlines() if line.strip()]
    assert lines[:2] == ["叶城县科学技术局2024年", TEMPLATE_2021.title_suffix]


def test_text_with_markup_characters_is_printed_verbatim(tmp_path: Path) -> None:
    report = consistent_report()
    report.narrative.section("other").intro = "收费标准见<附件>&说明，未收取信息处理费。"
    path = tmp_path / "r.pdf"
    write_report(report, path, ExportOptions())
    assert "收费标准见<附件>&说明" in _poppler("pdftotext", path)


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


def test_export_through_the_registry_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    write_report(consistent_report(), path)
    assert path.read_bytes().startswith(b"%PDF-")


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="保存位置不存在"):
        write_report(consistent_report(), tmp_path / "无此文件夹" / "r.pdf", ExportOptions())


def test_file_held_open_elsewhere_leaves_the_previous_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(b"previous")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")  # what Windows says when Acrobat holds the file

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ReportFileError, match="没有权限写入") as caught:
        write_report(consistent_report(), target, ExportOptions())
    assert "r.pdf" in str(caught.value)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


@pytest.mark.parametrize(
    ("preamble", "closing", "printed"),
    [
        ("", "", 1),  # the contact line after the text
        ("如有疑问，请拨打联系电话：0998-0000000。", "", 2),  # the opening text naming it does not replace it
        ("", "联系电话：0998-0000000", 1),  # a 结束语 that gives it already: not printed again
    ],
)
def test_the_contact_line_prints_once_after_the_text(tmp_path: Path, preamble: str, closing: str, printed: int) -> None:
    report = consistent_report()  # contact: 联系电话：0998-0000000
    report.narrative.set_text("preamble", preamble)
    report.narrative.set_text("closing", closing)
    path = tmp_path / "r.pdf"
    write_report(report, path)
    assert _flat(_poppler("pdftotext", path)).count("0998-0000000") == printed

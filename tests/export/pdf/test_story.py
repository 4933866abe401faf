"""export/pdf/story.py: the content in reading order: title, sections, tables, text, contact line, signature."""

from __future__ import annotations

from pathlib import Path

import pytest

from export import ExportOptions, write_report
from export.page_design import SEAL_LABEL, SIGNER_LABEL
from model.layout import CellRole, table_layout
from model.template import TEMPLATE_2021
from tests.export.pdf.poppler import _assert_in_order, _flat, _poppler, needs_poppler
from tests.factories import consistent_report

pytestmark = needs_poppler


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


def test_table_3_splits_only_between_groups_with_its_header_again(published: Path) -> None:
    table = TEMPLATE_2021.table("applications")
    pages = [_flat(page) for page in _poppler("pdftotext", published).split("\f")]
    holding = [page for page in pages if any(_flat(row.label) in page for row in table.rows)]
    for page in holding:
        assert _flat("申请人情况") in page and _flat("商业企业") in page  # the header rows, on every page
    groups = {}
    for row in table.rows:
        if len(row.path) > 1:
            groups.setdefault(row.path[1], []).append(row.label)
    for labels in groups.values():  # each （三）… group whole on one page
        assert any(all(_flat(label) in page for label in labels) for page in holding), labels


def test_values_are_printed_with_totals_computed(published_text: str) -> None:
    lines = published_text.split()
    # 一、本年新收: 7 natural persons, 2 firms, 总计 9 (never entered: computed from its parts).
    start = lines.index("一、本年新收政府信息公开申请数量")
    assert lines[start + 1 : start + 8] == ["7", "2", "0", "0", "0", "0", "9"]
    assert "1.25" in lines  # the fee in 万元, exactly as entered


def test_published_copy_has_no_signature_lines(published_text: str) -> None:
    assert SIGNER_LABEL.rstrip("：") not in published_text
    assert SEAL_LABEL.strip("（）") not in published_text


def test_signed_copy_adds_signature_and_seal_below_the_date(tmp_path: Path, published_text: str) -> None:
    path = tmp_path / "signed.pdf"
    write_report(consistent_report(), path, ExportOptions(signed_copy=True))
    text = _poppler("pdftotext", path)
    _assert_in_order(text, [SEAL_LABEL.strip("（）"), "2025年1月17日", SIGNER_LABEL.rstrip("：")])
    # Everything before the additions is the published text, unchanged.
    before = text[: text.index(SEAL_LABEL[:4])]
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

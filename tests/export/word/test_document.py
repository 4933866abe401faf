"""export/word/document.py: the .docx as a reader sees it: page, fonts, headings, text, tables, signature, footer."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from export import ExportOptions, default_file_name, write_report
from export import page_design as design
from export.composition.compose import compose
from model.layout import CellRole, table_layout
from model.report import Report
from model.template import TEMPLATE_2021, SectionKind
from model.values import Invalid
from tests.export.options import STANDARD, WINDOWS


def _export(report: Report, tmp_path: Path, options: ExportOptions = STANDARD) -> docx.document.Document:
    path = tmp_path / default_file_name(report, ".docx")
    write_report(report, path, options)
    return docx.Document(str(path))


def _east_asia(element: object) -> str:
    fonts = element.find(qn("w:rPr")).find(qn("w:rFonts"))  # type: ignore[attr-defined]
    return str(fonts.get(qn("w:eastAsia")))


def _paragraph(document: docx.document.Document, text: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in document.paragraphs if p.text == text)


def test_page_is_a4_with_gbt9704_margins(report: Report, tmp_path: Path) -> None:
    section = _export(report, tmp_path).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert [round(m.mm) for m in margins] == [37, 28, 26, 35]


@pytest.mark.parametrize(
    ("options", "title_font", "body_font", "heading2_font"),
    [(STANDARD, "方正小标宋简体", "仿宋_GB2312", "楷体_GB2312"), (WINDOWS, "宋体", "仿宋", "楷体")],
)
def test_fonts_follow_the_scheme_as_east_asian_fonts(
    report: Report, tmp_path: Path, options: ExportOptions, title_font: str, body_font: str, heading2_font: str
) -> None:
    document = _export(report, tmp_path, options)
    title = document.paragraphs[0]
    assert title.text.replace("\n", "") == report.title
    assert title.style.paragraph_format.alignment == 1  # centred
    assert _east_asia(title.style.element) == title_font
    assert title.style.font.size == Pt(design.SIZE_2)
    normal = document.styles["Normal"]
    assert _east_asia(normal.element) == body_font
    assert normal.font.name == design.LATIN_FONT  # digits and Latin
    assert normal.font.size == Pt(design.SIZE_3)
    assert normal.paragraph_format.line_spacing == Pt(design.BODY_LINE_PITCH_PT)
    assert normal.paragraph_format.first_line_indent == Pt(2 * design.SIZE_3)
    assert _east_asia(_paragraph(document, "（一）主动公开").style.element) == heading2_font


def test_every_section_heading_is_printed_in_order_in_heiti(report: Report, tmp_path: Path) -> None:
    document = _export(report, tmp_path)
    headings = [p for p in document.paragraphs if p.style.name == "一级标题"]
    assert [p.text for p in headings] == [s.heading for s in TEMPLATE_2021.sections]
    assert _east_asia(headings[0].style.element) == "黑体"


def test_a_subsection_title_ending_in_a_full_stop_runs_into_its_text(report: Report, tmp_path: Path) -> None:
    report.narrative.section("overview").subsections[0].title = "主动公开情况。"
    document = _export(report, tmp_path)
    paragraph = _paragraph(document, "（一）主动公开情况。全年主动公开政府信息56条。")
    assert paragraph.runs[0].text == "（一）主动公开情况。"
    assert _east_asia(paragraph.runs[0]._r) == "楷体_GB2312"


def test_multi_paragraph_text_becomes_separate_paragraphs(report: Report, tmp_path: Path) -> None:
    texts = [p.text for p in _export(report, tmp_path).paragraphs]
    assert texts.index("公开内容不够全面。") + 1 == texts.index("信息更新不够及时。")


def _printed_grid(table: docx.table.Table) -> list[list[object]]:
    return [[table.cell(r, c)._tc for c in range(len(table.columns))] for r in range(len(table.rows))]


@pytest.mark.parametrize("table_id", [t.id for t in TEMPLATE_2021.tables])
def test_tables_have_the_official_merges_and_labels(report: Report, tmp_path: Path, table_id: str) -> None:
    document = _export(report, tmp_path)
    tables = [s.id for s in TEMPLATE_2021.sections if s.kind is SectionKind.TABLE]
    table = document.tables[tables.index(table_id)]
    layout = table_layout(TEMPLATE_2021.table(table_id))
    grid = _printed_grid(table)
    assert (len(grid), len(grid[0])) == (layout.n_rows, layout.n_columns)
    composition = compose(report, signed_copy=False)
    breaks = {
        row
        for index, rows in composition.table_breaks.items()
        if getattr(composition.blocks[index], "table_id", None) == table_id
        for row in rows
    }
    for cell in layout.cells:
        # A label merged across a page break starts again, printed again, on the next page.
        starts = [cell.row, *(b for b in sorted(breaks) if cell.row < b < cell.row + cell.rowspan)]
        for start, end in zip(starts, [*starts[1:], cell.row + cell.rowspan], strict=True):
            origin = grid[start][cell.column]
            covered = {(r, c) for r in range(start, end) for c in range(cell.column, cell.column + cell.colspan)}
            assert all(grid[r][c] is origin for r, c in covered), cell
            if start > cell.row:
                assert table.cell(start, cell.column).text.replace("\n", "") == cell.text
        if cell.role is not CellRole.DATA:
            assert table.cell(cell.row, cell.column).text.replace("\n", "") == cell.text  # composed line breaks
        else:
            expected = report.value(table_id, *cell.ref)  # type: ignore[misc]
            assert table.cell(cell.row, cell.column).text == ("" if expected is None else str(expected))
    rows = table._tbl.tr_lst
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    repeated = [tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
    assert repeated == [i < layout.header_rows for i in range(layout.n_rows)]


def _cell_text(document: docx.document.Document, table_id: str, row_id: str, column_id: str) -> str:
    tables = [s.id for s in TEMPLATE_2021.sections if s.kind is SectionKind.TABLE]
    layout = table_layout(TEMPLATE_2021.table(table_id))
    return str(document.tables[tables.index(table_id)].cell(*layout.position_of(row_id, column_id)).text)


def test_totals_are_printed_zero_is_zero_and_unfilled_or_invalid_cells_are_empty(
    report: Report, tmp_path: Path
) -> None:
    report.set_cell("applications", "carried_over", "research", None)
    report.set_cell("review_litigation", "review", "other", Invalid("两件"))
    document = _export(report, tmp_path)
    assert _cell_text(document, "applications", "results_total", "total") == "9"
    assert _cell_text(document, "applications", "new_received", "research") == "0"
    assert _cell_text(document, "applications", "carried_over", "research") == ""
    assert _cell_text(document, "review_litigation", "review", "other") == ""
    assert _cell_text(document, "active_disclosure", "administrative_fees", "amount") == "1.25"
    assert "两件" not in "".join(c.text for t in document.tables for row in t.rows for c in row.cells)


def test_numbers_are_centred_in_a_small_font(report: Report, tmp_path: Path) -> None:
    document = _export(report, tmp_path)
    cell = document.tables[1].cell(*table_layout(TEMPLATE_2021.table("applications")).position_of("disclosed", "total"))
    paragraph = cell.paragraphs[0]
    assert paragraph.alignment == 1
    assert paragraph.style.font.size == Pt(design.SIZE_SMALL_5)


def test_signature_and_date_close_the_document_right_aligned(report: Report, tmp_path: Path) -> None:
    paragraphs = [p for p in _export(report, tmp_path).paragraphs if p.text]
    signatory, issued = paragraphs[-2:]
    assert (signatory.text, issued.text) == ("叶城县科学技术局", "2025年1月17日")
    assert signatory.style.paragraph_format.alignment == 2
    assert signatory.paragraph_format.right_indent > issued.paragraph_format.right_indent


def test_signed_copy_leaves_room_for_signature_and_seal(report: Report, tmp_path: Path) -> None:
    document = _export(report, tmp_path, ExportOptions(signed_copy=True))
    texts = [p.text for p in document.paragraphs]
    assert texts[-4:] == ["叶城县科学技术局", "2025年1月17日", "", "单位负责人（签字）：" + "\u3000" * 6]
    ovals = document.element.body.findall(".//{urn:schemas-microsoft-com:vml}oval")
    assert len(ovals) == 1 and "（单位公章）" in "".join(ovals[0].itertext())  # the seal, over 落款 and date


def test_page_numbers_are_dashed_fields_alternating_at_the_foot(report: Report, tmp_path: Path) -> None:
    document = _export(report, tmp_path)
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        paragraph = footer.paragraphs[0]
        assert "".join(t.text for t in paragraph._p.iter(qn("w:t"))) == "— 1 —"
        assert paragraph._p.find(qn("w:fldSimple")).get(qn("w:instr")).strip() == "PAGE"
        assert paragraph.style.font.size == Pt(design.SIZE_4)
        assert _east_asia(paragraph.style.element) == "宋体"
    assert section.footer.paragraphs[0].alignment == 2  # odd pages: right
    assert section.even_page_footer.paragraphs[0].alignment == 0  # even pages: left
    assert section.footer_distance < Mm(design.MARGIN_BOTTOM_MM)


def test_document_properties_name_the_report_and_agency(report: Report, tmp_path: Path) -> None:
    properties = _export(report, tmp_path).core_properties
    assert (properties.title, properties.author) == (report.title, "叶城县科学技术局")


def test_text_with_characters_xml_cannot_hold_still_exports(report: Report, tmp_path: Path) -> None:
    report.narrative.set_text("closing", "联系人：张三\x0b\x00")
    document = _export(report, tmp_path)
    assert "联系人：张三\ufffd\ufffd" in [p.text for p in document.paragraphs]  # replaced visibly (TEXT_REPLACED)


def test_an_empty_report_exports(tmp_path: Path) -> None:
    document = _export(Report(), tmp_path)
    assert len(document.tables) == 3


def test_fee_keeps_its_decimals(report: Report, tmp_path: Path) -> None:
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("0.0350"))
    assert _cell_text(_export(report, tmp_path), "active_disclosure", "administrative_fees", "amount") == "0.035"

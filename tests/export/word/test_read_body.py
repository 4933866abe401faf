"""export/word/read_body.py: walking what a .docx shows: paragraph text as a reader sees it (runs joined, tabs
and line breaks kept, deletions and field codes left out), the body's paragraphs and tables in order
(content controls opened up), and each table as a grid in which merged cells (gridSpan across, vMerge
down, gridBefore) repeat their text and share one origin.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from export.read_grid import GridCell
from export.word.read_body import (
    Paragraph,
    Table,
    all_paragraph_texts,
    body_items,
    open_document,
    paragraph_text,
    table_grid,
)
from model.errors import ReportFileError
from model.layout import table_layout
from model.template import TEMPLATE_2021
from tests.export.word.samples import add_table, zeros

W = nsdecls("w")


def _xml(text: str) -> BaseOxmlElement:
    return parse_xml(text.replace("W_NS", W))


def _p(inner: str) -> str:
    return f"<w:p W_NS>{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p>{_r(text)}</w:p></w:tc>"


def _tbl(*rows: str) -> BaseOxmlElement:
    return _xml(f"<w:tbl W_NS><w:tblPr/><w:tblGrid/>{''.join(rows)}</w:tbl>")


def _tr(*cells: str, properties: str = "") -> str:
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def _texts(grid: list[list[GridCell]]) -> list[list[str]]:
    return [[cell.text for cell in row] for row in grid]


def _origins(grid: list[list[GridCell]]) -> list[list[tuple[int, int]]]:
    return [[cell.origin for cell in row] for row in grid]


def _document(*elements: BaseOxmlElement) -> Document:
    document = docx.Document()
    body = document.element.body
    for element in elements:
        body.insert(len(body) - 1, element)  # before the section properties
    return document


# --- paragraph text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("inner", "text"),
    [
        (_r("政府") + _r("信息") + _r("公开"), "政府信息公开"),  # Word splits runs anywhere
        (_r("联系电话：") + "<w:r><w:tab/></w:r>" + _r("0998"), "联系电话：\t0998"),
        (_r("第一行") + "<w:r><w:br/></w:r>" + _r("第二行"), "第一行\n第二行"),
        (_r("甲") + "<w:r><w:cr/></w:r>" + _r("乙"), "甲\n乙"),
        (_r("保留") + "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>", "保留"),  # a tracked deletion
        ('<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' + _r("1"), "1"),  # a field's code
        ("<w:r><w:t/></w:r>", ""),
        (_r("  前后空格  "), "  前后空格  "),
        ("", ""),
    ],
)
def test_paragraph_text_is_what_a_reader_sees(inner: str, text: str) -> None:
    assert paragraph_text(_xml(_p(inner))) == text


def test_all_paragraphs_in_reading_order_table_cells_included() -> None:
    document = _document(
        _xml(_p(_r("开头"))),
        _tbl(_tr(_tc("甲"), _tc("乙")), _tr(_tc("丙"), _tc("丁"))),
        _xml(_p(_r("结尾"))),
    )
    assert list(all_paragraph_texts(document)) == ["开头", "甲", "乙", "丙", "丁", "结尾"]


# --- the body in order ------------------------------------------------------------------------


def test_body_items_are_the_top_level_paragraphs_and_tables_in_order() -> None:
    document = _document(
        _xml(_p(_r("三、收到和处理政府信息公开申请情况"))),
        _tbl(_tr(_tc("自然人"), _tc("7"))),
        _xml(_p("")),
        _xml(_p(_r("四、政府信息公开行政复议、行政诉讼情况"))),
    )
    items = list(body_items(document.element.body))
    assert items == [
        Paragraph("三、收到和处理政府信息公开申请情况"),
        Table([[GridCell("自然人", (0, 0)), GridCell("7", (0, 1))]]),
        Paragraph(""),
        Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
    ]


def test_content_controls_are_opened_up_in_the_body_rows_and_cells() -> None:
    sdt_cell = f"<w:sdt><w:sdtPr/><w:sdtContent>{_tc('乙')}</w:sdtContent></w:sdt>"
    sdt_row = f"<w:sdt><w:sdtPr/><w:sdtContent>{_tr(_tc('丙'), _tc('丁'))}</w:sdtContent></w:sdt>"
    table = f"<w:tbl><w:tblPr/><w:tblGrid/>{_tr(_tc('甲'), sdt_cell)}{sdt_row}</w:tbl>"
    control = _xml(f"<w:sdt W_NS><w:sdtPr/><w:sdtContent><w:p>{_r('表前')}</w:p>{table}</w:sdtContent></w:sdt>")
    items = list(body_items(_document(control, _xml(_p(_r("表后")))).element.body))
    assert items[0] == Paragraph("表前")
    assert isinstance(items[1], Table) and _texts(items[1].grid) == [["甲", "乙"], ["丙", "丁"]]
    assert items[2] == Paragraph("表后")


def test_an_empty_content_control_yields_nothing() -> None:
    assert list(body_items(_document(_xml("<w:sdt W_NS><w:sdtPr/></w:sdt>")).element.body)) == []


# --- tables as grids --------------------------------------------------------------------------


def test_a_cell_spanning_columns_repeats_in_every_slot_with_one_origin() -> None:
    grid = table_grid(
        _tbl(_tr(_tc("申请人情况", '<w:gridSpan w:val="3"/>')), _tr(_tc("自然人"), _tc("商业企业"), _tc("总计")))
    )
    assert _texts(grid) == [["申请人情况"] * 3, ["自然人", "商业企业", "总计"]]
    assert _origins(grid) == [[(0, 0)] * 3, [(1, 0), (1, 1), (1, 2)]]


def test_a_cell_merged_down_is_the_cell_above_in_every_row_it_covers() -> None:
    grid = table_grid(
        _tbl(
            _tr(_tc("三、本年度办理结果", '<w:vMerge w:val="restart"/>'), _tc("（一）予以公开")),
            _tr(_tc("", "<w:vMerge/>"), _tc("（二）部分公开")),
            _tr(_tc("", '<w:vMerge w:val="continue"/>'), _tc("（七）总计")),
            _tr(_tc("四、结转下年度继续办理"), _tc("")),
        )
    )
    assert [row[0].text for row in grid] == ["三、本年度办理结果"] * 3 + ["四、结转下年度继续办理"]
    assert [row[0].origin for row in grid] == [(0, 0)] * 3 + [(3, 0)]
    assert grid[1][1] == GridCell("（二）部分公开", (1, 1))


def test_a_new_vertical_merge_starts_a_new_cell() -> None:
    grid = table_grid(
        _tbl(
            _tr(_tc("（三）不予公开", '<w:vMerge w:val="restart"/>')),
            _tr(_tc("", "<w:vMerge/>")),
            _tr(_tc("（四）无法提供", '<w:vMerge w:val="restart"/>')),
            _tr(_tc("", "<w:vMerge/>")),
        )
    )
    assert [row[0].origin for row in grid] == [(0, 0), (0, 0), (2, 0), (2, 0)]


def test_a_merge_down_below_a_shorter_row_is_a_cell_of_its_own() -> None:
    grid = table_grid(_tbl(_tr(_tc("甲")), _tr(_tc("乙"), _tc("丙", "<w:vMerge/>"))))
    assert grid[1][1] == GridCell("丙", (1, 1))


def test_skipped_grid_columns_before_a_row_are_empty_cells() -> None:
    grid = table_grid(
        _tbl(_tr(_tc("甲"), _tc("乙"), _tc("丙")), _tr(_tc("丁"), properties='<w:gridBefore w:val="2"/>'))
    )
    assert _texts(grid)[1] == ["", "", "丁"]
    assert _origins(grid)[1] == [(1, 0), (1, 1), (1, 2)]


@pytest.mark.parametrize(
    ("span", "width"),
    [("2", 2), ("1", 1), ("0", 1), ("-5", 1), ("两", 1), ("", 1), ("100000000", 64)],
)
def test_odd_or_hostile_column_spans_give_a_sane_grid(span: str, width: int) -> None:
    grid = table_grid(_tbl(_tr(_tc("甲", f'<w:gridSpan w:val="{span}"/>'), _tc("乙"))))
    assert _texts(grid) == [["甲"] * width + ["乙"]]


@pytest.mark.parametrize(
    ("before", "skipped"),
    [("2", 2), ("0", 0), ("-5", 0), ("两", 0), ("", 0), ("100000000", 64)],
)
def test_odd_or_hostile_skipped_columns_give_a_sane_grid(before: str, skipped: int) -> None:
    grid = table_grid(_tbl(_tr(_tc("乙"), properties=f'<w:gridBefore w:val="{before}"/>')))
    assert _texts(grid) == [[""] * skipped + ["乙"]]


def test_a_table_inside_a_cell_is_part_of_that_cell_not_rows_of_the_outer_table() -> None:
    inner = f"<w:tbl><w:tblPr/><w:tblGrid/>{_tr(_tc('内1'))}{_tr(_tc('内2'))}</w:tbl>"
    outer = _tbl(_tr(f"<w:tc><w:tcPr/><w:p>{_r('外')}</w:p>{inner}<w:p/></w:tc>", _tc("5")))
    grid = table_grid(outer)
    assert len(grid) == 1
    assert _texts(grid) == [["外\n内1\n内2\n", "5"]]


def _changed(old: str) -> str:
    """What Word writes for a tracked change of a cell's properties: `old` is what they were before."""
    return f'<w:tcPrChange w:id="1" w:author="科员"><w:tcPr>{old}</w:tcPr></w:tcPrChange>'


def test_properties_before_a_tracked_change_are_not_the_cells() -> None:
    """修订: Word keeps a cell's and a row's old properties beside the current ones; the table is as it is now."""
    row_change = '<w:trPrChange w:id="2" w:author="科员"><w:trPr><w:gridBefore w:val="2"/></w:trPr></w:trPrChange>'
    grid = table_grid(
        _tbl(
            _tr(_tc("甲", _changed('<w:gridSpan w:val="3"/>')), _tc("乙")),
            _tr(_tc("1"), _tc("2", _changed("<w:vMerge/>"))),
            _tr(_tc("丙"), properties=row_change),
        )
    )
    assert _texts(grid) == [["甲", "乙"], ["1", "2"], ["丙"]]


def test_a_nested_tables_spans_and_rows_are_not_the_outer_tables() -> None:
    row = _tr(_tc("内", '<w:gridSpan w:val="5"/>'), properties='<w:gridBefore w:val="3"/>')
    inner = f"<w:tbl><w:tblPr/><w:tblGrid/>{row}</w:tbl>"
    grid = table_grid(_tbl(_tr(f"<w:tc><w:tcPr/>{inner}<w:p/></w:tc>", _tc("5"))))
    assert _texts(grid) == [["内\n", "5"]]


@pytest.mark.parametrize("table_id", [t.id for t in TEMPLATE_2021.tables])
@pytest.mark.parametrize("merged", [True, False])
def test_a_statutory_table_typed_in_word_reads_as_its_printed_grid(tmp_path: Path, table_id: str, merged: bool) -> None:
    document = docx.Document()
    document.add_paragraph("表前")
    add_table(document, table_id, zeros, merged=merged)
    document.add_paragraph("表后")
    path = tmp_path / "表格.docx"
    document.save(str(path))
    items = list(body_items(open_document(path).element.body))
    assert [type(i) for i in items] == [Paragraph, Table, Paragraph]
    grid = items[1].grid  # type: ignore[union-attr]
    layout = table_layout(TEMPLATE_2021.table(table_id))
    assert len(grid) == layout.n_rows
    assert all(len(row) == layout.n_columns for row in grid)
    for cell in layout.cells:
        expected_text = "0" if cell.ref is not None else cell.text
        covered = [
            (r, c)
            for r in range(cell.row, cell.row + cell.rowspan)
            for c in range(cell.column, cell.column + cell.colspan)
        ]
        if merged:
            assert {grid[r][c].origin for r, c in covered} == {(cell.row, cell.column)}, cell
            assert {grid[r][c].text for r, c in covered} == {expected_text}, cell
        else:
            assert {grid[r][c].origin for r, c in covered} == set(covered), cell
            assert grid[cell.row][cell.column].text == expected_text, cell


# --- opening ------------------------------------------------------------------------------------


def test_a_missing_file_is_a_chinese_reason(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="找不到文件"):
        open_document(tmp_path / "不存在.docx")


def test_a_file_that_is_no_word_document_is_a_chinese_reason(tmp_path: Path) -> None:
    path = tmp_path / "年报.docx"
    path.write_text("不是 Word 文档", encoding="utf-8")
    with pytest.raises(ReportFileError, match="Word 文档"):
        open_document(path)

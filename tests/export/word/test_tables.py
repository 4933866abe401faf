"""export/word/tables.py: the statutory tables as Word tables built from the shared layout.

Column widths fill the text block (equal columns for tables 2 and 4; narrow group labels, a wide leaf
label and equal number columns for table 3); merges come from the layout (gridSpan across, vMerge down
with empty continuations); header rows repeat on every page and no row splits; labels are verbatim,
numbers centred, single-row labels left-aligned. Read back with export/word/read_body.py, every table is the
layout's grid again.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from export.composition.tables import DATA_COLUMN_MM, OUTER_ROW_HEADER_MM, column_widths_mm, compose_table
from export.page_design import MARGIN_LEFT_MM, MARGIN_RIGHT_MM, PAGE_WIDTH_MM, TEXT_WIDTH_MM, mm_twips
from export.word.read_body import table_grid
from export.word.tables import build_table
from model.layout import CellRole, TableLayout, table_layout
from model.report import Report
from model.template import TEMPLATE_2021, BlockSpec, ColumnSpec, RowSpec, TableSpec
from model.values import Invalid

TABLE_IDS = [t.id for t in TEMPLATE_2021.tables]


def _layout(table_id: str) -> TableLayout:
    return table_layout(TEMPLATE_2021.table(table_id))


def _table(report: Report, table_id: str) -> BaseOxmlElement:
    composed = compose_table(report, TEMPLATE_2021.table(table_id))
    return build_table(composed, "TableText")


def _rows(tbl: BaseOxmlElement) -> list[BaseOxmlElement]:
    return tbl.findall(qn("w:tr"))


def _cells(tr: BaseOxmlElement) -> list[BaseOxmlElement]:
    return tr.findall(qn("w:tc"))


def _property(tc: BaseOxmlElement, tag: str, attribute: str = "w:val") -> str | None:
    element = tc.find(qn("w:tcPr")).find(qn(tag))
    return None if element is None else element.get(qn(attribute))


def _text(tc: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


# --- column widths ----------------------------------------------------------------------------


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_columns_fill_the_text_block_between_the_margins(table_id: str) -> None:
    widths = column_widths_mm(_layout(table_id))
    assert len(widths) == _layout(table_id).n_columns
    assert sum(widths) == pytest.approx(PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) == TEXT_WIDTH_MM
    assert all(w > 0 for w in widths)


@pytest.mark.parametrize("table_id", ["active_disclosure", "review_litigation"])
def test_tables_with_one_label_column_or_none_have_equal_columns(table_id: str) -> None:
    widths = column_widths_mm(_layout(table_id))
    assert max(widths) == pytest.approx(min(widths))


def test_table_3_has_narrow_group_labels_a_wide_leaf_label_and_equal_number_columns() -> None:
    group, inner, leaf, *numbers = column_widths_mm(_layout("applications"))
    assert (group, inner) == OUTER_ROW_HEADER_MM  # 三、本年度办理结果 and （三）不予公开 wrap
    assert numbers == [DATA_COLUMN_MM] * 7
    assert leaf == pytest.approx(TEXT_WIDTH_MM - group - inner - 7 * DATA_COLUMN_MM)
    assert leaf > 3 * max(group, inner, DATA_COLUMN_MM)


def test_deeper_row_labels_take_the_innermost_group_width_for_every_extra_level() -> None:
    deep = TableSpec(
        id="deep",
        blocks=(
            BlockSpec(
                corner="项目",
                columns=(ColumnSpec("a", "件数"), ColumnSpec("b", "金额")),
                rows=(RowSpec("x", "1.甲", ("一、大类", "（一）中类", "（1）小类")),),
            ),
        ),
    )
    widths = column_widths_mm(table_layout(deep))
    assert widths[:3] == [OUTER_ROW_HEADER_MM[0], OUTER_ROW_HEADER_MM[1], OUTER_ROW_HEADER_MM[1]]
    assert widths[4:] == [DATA_COLUMN_MM, DATA_COLUMN_MM]
    assert sum(widths) == pytest.approx(TEXT_WIDTH_MM)


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_the_word_grid_and_table_width_match_the_column_widths(report: Report, table_id: str) -> None:
    tbl = _table(report, table_id)
    expected = [mm_twips(w) for w in column_widths_mm(_layout(table_id))]
    grid = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    assert grid == expected
    table_width = tbl.find(qn("w:tblPr")).find(qn("w:tblW"))
    assert int(table_width.get(qn("w:w"))) == sum(expected)
    layout_type = tbl.find(qn("w:tblPr")).find(qn("w:tblLayout")).get(qn("w:type"))
    assert layout_type == "fixed"  # Word must not re-measure the columns from their text
    for tr in _rows(tbl):  # each cell is as wide as the grid columns it spans
        column = 0
        for tc in _cells(tr):
            span = int(_property(tc, "w:gridSpan") or 1)
            assert int(_property(tc, "w:tcW", "w:w") or 0) == sum(expected[column : column + span])
            column += span
        assert column == len(expected)


# --- merges, repeated headers, rows -----------------------------------------------------------


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_merges_come_from_the_layout(report: Report, table_id: str) -> None:
    layout = _layout(table_id)
    rows = _rows(_table(report, table_id))
    assert len(rows) == layout.n_rows
    for cell in layout.cells:
        tr = rows[cell.row]
        starts, column = {}, 0
        for tc in _cells(tr):
            starts[column] = tc
            column += int(_property(tc, "w:gridSpan") or 1)
        origin = starts[cell.column]
        assert int(_property(origin, "w:gridSpan") or 1) == cell.colspan
        if cell.rowspan == 1:
            assert origin.find(qn("w:tcPr")).find(qn("w:vMerge")) is None
            continue
        assert _property(origin, "w:vMerge") == "restart"
        for below in range(cell.row + 1, cell.row + cell.rowspan):
            column, continuation = 0, None
            for tc in _cells(rows[below]):
                if column == cell.column:
                    continuation = tc
                column += int(_property(tc, "w:gridSpan") or 1)
            assert continuation is not None, (cell.text, below)
            merge = continuation.find(qn("w:tcPr")).find(qn("w:vMerge"))
            assert merge is not None and merge.get(qn("w:val")) is None  # "continue"
            assert _text(continuation) == ""  # the text is printed once, in the first row


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_read_back_every_table_is_the_layouts_grid_with_its_labels(report: Report, table_id: str) -> None:
    layout = _layout(table_id)
    grid = table_grid(_table(report, table_id))
    for cell in layout.cells:
        covered = {
            (r, c)
            for r in range(cell.row, cell.row + cell.rowspan)
            for c in range(cell.column, cell.column + cell.colspan)
        }
        assert {grid[r][c].origin for r, c in covered} == {(cell.row, cell.column)}, cell
        if cell.role is not CellRole.DATA:
            assert grid[cell.row][cell.column].text.replace("\n", "") == cell.text  # composed line breaks


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_header_rows_repeat_on_every_page_and_no_row_splits(report: Report, table_id: str) -> None:
    layout = _layout(table_id)
    for index, tr in enumerate(_rows(_table(report, table_id))):
        properties = tr.find(qn("w:trPr"))
        assert (properties.find(qn("w:tblHeader")) is not None) == (index < layout.header_rows), index
        assert properties.find(qn("w:cantSplit")) is not None
        height = properties.find(qn("w:trHeight"))
        assert height.get(qn("w:hRule")) == "atLeast"  # a row grows with its text


def test_table_3_repeats_its_three_header_rows_and_table_2_none() -> None:
    assert _layout("applications").header_rows == 3
    assert _layout("active_disclosure").header_rows == 0


# --- text and alignment -----------------------------------------------------------------------


def _data_tc(report: Report, table_id: str, row_id: str, column_id: str) -> BaseOxmlElement:
    layout = _layout(table_id)
    row, column = layout.position_of(row_id, column_id)
    tr = _rows(_table(report, table_id))[row]
    position = 0
    for tc in _cells(tr):
        if position == column:
            return tc
        position += int(_property(tc, "w:gridSpan") or 1)
    raise AssertionError((row_id, column_id))


@pytest.mark.parametrize(
    ("table_id", "row_id", "column_id", "value", "printed"),
    [
        ("applications", "new_received", "natural_person", 7, "7"),
        ("applications", "new_received", "research", 0, "0"),  # zero is printed
        ("applications", "new_received", "legal_service", None, ""),  # not filled in: empty
        ("applications", "carried_over", "other_org", Invalid("两件"), ""),  # no number: empty
        ("active_disclosure", "administrative_fees", "amount", Decimal("0.0350"), "0.035"),
    ],
)
def test_values_are_printed_as_the_report_holds_them(
    report: Report, table_id: str, row_id: str, column_id: str, value: object, printed: str
) -> None:
    report.set_cell(table_id, row_id, column_id, value)  # type: ignore[arg-type]
    assert _text(_data_tc(report, table_id, row_id, column_id)) == printed


def test_totals_are_printed_computed(report: Report) -> None:
    assert _text(_data_tc(report, "applications", "new_received", "total")) == "9"
    assert _text(_data_tc(report, "applications", "results_total", "total")) == "9"
    report.set_cell("applications", "new_received", "research", None)
    assert _text(_data_tc(report, "applications", "new_received", "total")) == ""


def _alignment(tc: BaseOxmlElement) -> str:
    return str(tc.find(qn("w:p")).find(qn("w:pPr")).find(qn("w:jc")).get(qn("w:val")))


def _label_tcs(report: Report, table_id: str, text: str) -> list[BaseOxmlElement]:
    return [tc for tr in _rows(_table(report, table_id)) for tc in _cells(tr) if _text(tc) == text]


@pytest.mark.parametrize(
    ("table_id", "text", "alignment"),
    [
        ("applications", "1.属于国家秘密", "left"),  # a single-row label reads from the left
        ("applications", "一、本年新收政府信息公开申请数量", "left"),
        ("applications", "三、本年度办理结果", "center"),  # a group label merged down
        ("applications", "（三）不予公开", "center"),
        ("applications", "自然人", "center"),  # column heads
        ("applications", TEMPLATE_2021.table("applications").note, "both"),  # the corner note, justified
        ("active_disclosure", "信息内容", "left"),  # the corner of each of the four blocks
        ("review_litigation", "行政复议", "center"),
    ],
)
def test_labels_are_aligned_as_on_the_official_form(report: Report, table_id: str, text: str, alignment: str) -> None:
    found = _label_tcs(report, table_id, text)
    assert found and {_alignment(tc) for tc in found} == {alignment}


def test_numbers_are_centred_in_the_given_paragraph_style(report: Report) -> None:
    tc = _data_tc(report, "applications", "disclosed", "natural_person")
    assert _alignment(tc) == "center"
    style = tc.find(qn("w:p")).find(qn("w:pPr")).find(qn("w:pStyle"))
    assert style is not None and style.get(qn("w:val")) == "TableText"


def test_a_built_table_opens_in_word(report: Report, tmp_path: Path) -> None:
    document = docx.Document()
    body = document.element.body
    body.insert(len(body) - 1, _table(report, "applications"))
    path = tmp_path / "表三.docx"
    document.save(str(path))
    (table,) = docx.Document(str(path)).tables
    layout = _layout("applications")
    assert (len(table.rows), len(table.columns)) == (layout.n_rows, layout.n_columns)
    assert table.cell(*layout.position_of("new_received", "natural_person")).text == "7"

"""The printed layout of each statutory table reproduces the official merges and header levels."""

from __future__ import annotations

from model.layout import CellRole, table_layout
from model.template import TEMPLATE_2021


def test_table_3_layout_has_the_official_merges() -> None:
    layout = table_layout(TEMPLATE_2021.table("applications"))
    spans = {c.text: (c.row, c.column, c.rowspan, c.colspan) for c in layout.cells if c.role is not CellRole.DATA}
    assert layout.n_rows == 28 and layout.n_columns == 10 and layout.header_rows == 3
    assert spans[TEMPLATE_2021.table("applications").note] == (0, 0, 3, 3)
    assert spans["申请人情况"] == (0, 3, 1, 7)
    assert spans["自然人"] == (1, 3, 2, 1)
    assert spans["法人或其他组织"] == (1, 4, 1, 5)
    assert spans["总计"] == (1, 9, 2, 1)
    assert spans["三、本年度办理结果"] == (5, 0, 22, 1)
    assert spans["（三）不予公开"] == (7, 1, 8, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (3, 0, 1, 3)
    assert spans["（一）予以公开"] == (5, 1, 1, 2)
    assert len(layout.data_cells()) == 25 * 7


def test_table_4_layout_is_one_row_of_15_under_two_header_levels() -> None:
    layout = table_layout(TEMPLATE_2021.table("review_litigation"))
    assert (layout.n_rows, layout.n_columns, layout.header_rows) == (4, 15, 3)
    headers = {
        (c.text, c.row, c.column): (c.rowspan, c.colspan) for c in layout.cells if c.role is CellRole.COLUMN_HEADER
    }
    assert headers[("行政复议", 0, 0)] == (1, 5)
    assert headers[("行政诉讼", 0, 5)] == (1, 10)
    assert headers[("结果维持", 1, 0)] == (2, 1)
    assert headers[("未经复议直接起诉", 1, 5)] == (1, 5)
    assert headers[("复议后起诉", 1, 10)] == (1, 5)
    assert layout.position_of("litigation_after_review", "total") == (3, 14)


def test_table_2_blocks_stack_with_their_titles() -> None:
    layout = table_layout(TEMPLATE_2021.table("active_disclosure"))
    titles = [c.text for c in layout.cells if c.role is CellRole.TITLE]
    assert titles == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    fee = next(c for c in layout.cells if c.ref == ("administrative_fees", "amount"))
    assert fee.colspan == 3  # a one-column block spans the width of the three-column one


def test_every_layout_covers_its_grid_exactly_once() -> None:
    for table in TEMPLATE_2021.tables:
        layout = table_layout(table)
        covered: list[tuple[int, int]] = []
        for c in layout.cells:
            covered += [(r, k) for r in range(c.row, c.row + c.rowspan) for k in range(c.column, c.column + c.colspan)]
        assert sorted(covered) == [(r, k) for r in range(layout.n_rows) for k in range(layout.n_columns)], table.id

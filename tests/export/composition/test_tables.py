"""export/composition/tables.py: one font-size rule, header labels broken between words, row groups."""

from __future__ import annotations

import pytest

from export.composition.lines import Measure
from export.composition.tables import compose_table, label_words, table_font_size
from export.page_design import SIZE_5, SIZE_SMALL_5, TEXT_WIDTH_PT
from model.layout import table_layout
from model.template import TEMPLATE_2021, TableSpec
from tests.factories import consistent_report


@pytest.mark.parametrize("table", TEMPLATE_2021.tables, ids=lambda t: t.id)
def test_tables_fill_the_text_width(table: TableSpec) -> None:
    composed = compose_table(consistent_report(), table)
    assert sum(composed.widths) == pytest.approx(TEXT_WIDTH_PT)


def test_one_font_size_rule_seven_columns_or_more_print_small() -> None:
    sizes = {t.id: table_font_size(table_layout(t)) for t in TEMPLATE_2021.tables}
    assert sizes == {"active_disclosure": SIZE_5, "applications": SIZE_SMALL_5, "review_litigation": SIZE_SMALL_5}


@pytest.mark.parametrize(
    ("label", "words"),
    [
        ("商业企业", ["商业", "企业"]),
        ("社会公益组织", ["社会", "公益", "组织"]),
        ("（三）不予公开", ["（三）", "不予", "公开"]),
    ],
)
def test_header_labels_break_between_words(label: str, words: list[str]) -> None:
    assert label_words(label) == words


def test_column_headers_of_table_3_wrap_between_words() -> None:
    composed = compose_table(consistent_report(), TEMPLATE_2021.table("applications"))
    lines = {"".join(c.lines): c.lines for c in composed.cells}
    assert lines["商业企业"] == ("商业", "企业")
    assert lines["科研机构"] == ("科研", "机构")
    assert lines["社会公益组织"] == ("社会", "公益", "组织")
    assert lines["自然人"] == ("自然人",)
    for cell in composed.cells:
        size = Measure(composed.size)
        width = sum(composed.widths[cell.column : cell.column + cell.colspan])
        assert all(size.width(line) <= width for line in cell.lines)


def test_table_3_groups_keep_each_merged_label_whole() -> None:
    table = TEMPLATE_2021.table("applications")
    composed = compose_table(consistent_report(), table)
    layout = table_layout(table)
    starts = {start for start, _ in composed.groups}
    for cell in layout.cells:
        if cell.rowspan > 1 and cell.column > 0:
            assert not starts & set(range(cell.row + 1, cell.row + cell.rowspan)), cell.text
    assert composed.groups[0][0] == layout.header_rows and composed.groups[-1][1] == layout.n_rows


def test_a_table_without_repeated_header_never_splits() -> None:
    composed = compose_table(consistent_report(), TEMPLATE_2021.table("active_disclosure"))
    assert composed.groups == ((0, len(composed.heights)),)

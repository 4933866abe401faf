"""ui/grid/sizing.py: column widths of a statutory grid for the width the window offers.

What a person sees: the numbers fit without sideways scrolling when the window allows it, all number
columns are equally wide as in the printed table, row labels get room first (up to one line), then
headers such as 社会公益组织 go onto one line; the columns never shrink below a readable minimum.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from model.template import TEMPLATE_2021
from ui.grid.cells import GridCells
from ui.grid.sizing import EMS, column_widths

TABLE_IDS = [t.id for t in TEMPLATE_2021.tables]
AVAILABLE = [0, 300, 600, 700, 800, 900, 1000, 1106, 1300, 1600, 2400]
TEXT_MARGINS = 2 * 5  # the delegate's left and right text padding inside a cell (ui/grid/delegate.py)


@pytest.fixture
def metrics(qapp: QApplication) -> QFontMetrics:
    return QFontMetrics(qapp.font())


def _cells(table_id: str) -> GridCells:
    return GridCells(TEMPLATE_2021.table(table_id))


def _number_columns(cells: GridCells) -> list[int]:
    return sorted({c.column for c in cells.data_cells()})


def _leaf_label_column(cells: GridCells) -> int:
    return min(_number_columns(cells)) - 1


@pytest.mark.parametrize("table_id", TABLE_IDS)
@pytest.mark.parametrize("available", AVAILABLE)
def test_columns_fit_the_window_whenever_the_minimum_does(metrics: QFontMetrics, table_id: str, available: int) -> None:
    cells = _cells(table_id)
    minimum = sum(column_widths(cells, metrics, 0))
    widths = column_widths(cells, metrics, available)
    assert len(widths) == cells.n_columns
    assert sum(widths) <= max(available, minimum)


@pytest.mark.parametrize("table_id", TABLE_IDS)
@pytest.mark.parametrize("available", AVAILABLE)
def test_number_columns_are_equally_wide_as_in_the_printed_table(
    metrics: QFontMetrics, table_id: str, available: int
) -> None:
    cells = _cells(table_id)
    widths = column_widths(cells, metrics, available)
    assert len({widths[c] for c in _number_columns(cells)}) == 1


@pytest.mark.parametrize("table_id", TABLE_IDS)
def test_a_wider_window_never_makes_a_column_narrower(metrics: QFontMetrics, table_id: str) -> None:
    cells = _cells(table_id)
    previous = column_widths(cells, metrics, 0)
    for available in range(0, 2500, 25):
        widths = column_widths(cells, metrics, available)
        assert all(now >= before for now, before in zip(widths, previous, strict=True)), available
        previous = widths


def test_the_minimum_gives_numbers_about_four_characters_and_the_row_labels_nine(metrics: QFontMetrics) -> None:
    em = metrics.horizontalAdvance("中")
    widths = column_widths(_cells("applications"), metrics, 0)
    group, inner, leaf, *numbers = widths
    assert all(em * EMS.number <= w < em * (EMS.number + 2) for w in numbers)
    assert em * EMS.label_min <= leaf < em * (EMS.label_min + 2)
    # 三、本年度办理结果 and （三）不予公开 are merged down many rows: narrow columns, their text wraps.
    assert group < inner < leaf
    assert group < numbers[0]


def test_row_labels_get_room_before_the_number_headers_widen(metrics: QFontMetrics) -> None:
    cells = _cells("applications")
    base = column_widths(cells, metrics, 0)
    leaf, first_number = _leaf_label_column(cells), _number_columns(cells)[0]
    seen_label_growth_first = False
    for available in range(sum(base), sum(base) + 1200, 10):
        widths = column_widths(cells, metrics, available)
        if widths[first_number] > base[first_number]:
            assert seen_label_growth_first, "number columns widened while the row labels were still cramped"
            assert widths[leaf] == column_widths(cells, metrics, 10_000)[leaf]
            return
        seen_label_growth_first = seen_label_growth_first or widths[leaf] > base[leaf]
    pytest.fail("the number columns never widened")


@pytest.mark.parametrize(
    "label",
    [
        "5.要求行政机关确认或重新出具已获取信息",
        "一、本年新收政府信息公开申请数量",
        "3.补正后申请内容仍不明确",
    ],
)
def test_on_a_1366_screen_table_3s_labels_print_on_one_line(metrics: QFontMetrics, label: str) -> None:
    cells = _cells("applications")
    (cell,) = [c for c in cells.layout.cells if c.text == label]
    widths = column_widths(cells, metrics, 1106)  # 1366 less the window frame and the side panel
    room = sum(widths[cell.column : cell.column + cell.colspan])
    assert metrics.horizontalAdvance(label) + TEXT_MARGINS <= room


def test_a_very_long_row_label_wraps_instead_of_taking_the_whole_window(metrics: QFontMetrics) -> None:
    cells = _cells("applications")
    longest = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    widths = column_widths(cells, metrics, 5000)
    leaf = widths[_leaf_label_column(cells)]
    assert leaf < metrics.horizontalAdvance(longest)
    assert leaf <= metrics.horizontalAdvance("中") * (EMS.label_max + 2)


def test_with_room_every_number_header_of_table_3_prints_on_one_line(metrics: QFontMetrics) -> None:
    cells = _cells("applications")
    widths = column_widths(cells, metrics, 1600)
    for header in ("社会公益组织", "法律服务机构", "商业企业", "自然人"):
        (cell,) = [c for c in cells.layout.cells if c.text == header]
        assert metrics.horizontalAdvance(header) + TEXT_MARGINS <= widths[cell.column], header


def test_without_room_for_all_of_them_no_number_header_is_widened(metrics: QFontMetrics) -> None:
    # Widening some (or all by less) would break 社会公益组织 as 社会公益组/织 instead of 社会公益/组织.
    cells = _cells("applications")
    base = column_widths(cells, metrics, 0)
    roomy = column_widths(cells, metrics, 10_000)
    numbers, leaf = _number_columns(cells), _leaf_label_column(cells)
    just_short = sum(base) + (roomy[leaf] - base[leaf]) + sum(roomy[c] - base[c] for c in numbers) - 1
    widths = column_widths(cells, metrics, just_short)
    assert [widths[c] for c in numbers] == [base[c] for c in numbers]
    widths = column_widths(cells, metrics, just_short + 1)
    assert [widths[c] for c in numbers] == [roomy[c] for c in numbers]


def test_number_columns_are_never_wider_than_eight_characters(metrics: QFontMetrics) -> None:
    em = metrics.horizontalAdvance("中")
    for table_id in TABLE_IDS:
        cells = _cells(table_id)
        widths = column_widths(cells, metrics, 10_000)
        assert all(widths[c] <= em * (EMS.number_max + 2) for c in _number_columns(cells)), table_id


def test_a_larger_font_gives_wider_columns(qapp: QApplication) -> None:
    small, large = QFont(qapp.font()), QFont(qapp.font())
    small.setPointSize(9)
    large.setPointSize(18)
    cells = _cells("applications")
    narrow = column_widths(cells, QFontMetrics(small), 0)
    wide = column_widths(cells, QFontMetrics(large), 0)
    assert all(w > n for w, n in zip(wide, narrow, strict=True))

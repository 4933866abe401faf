"""ui/grid/frozen.py: the column headers of a long table kept in sight over its grid (like Excel's 冻结窗格).

The frozen view sits over the top of the grid's viewport, exactly as tall as the header rows, with the
grid's column widths and row heights and the header merges; it scrolls sideways with the grid but never
down, and it is only a picture: no focus, no selection, no editing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from model.report import Report
from ui.document import ReportDocument
from ui.grid.delegate import GridDelegate
from ui.grid.frozen import FrozenHeader
from ui.grid.model import GridModel


class Frozen:
    """Table 3 in a plain table view that is smaller than the table, with its headers frozen."""

    def __init__(self, qtbot: QtBot, report: Report, table_id: str = "applications") -> None:
        self.grid = QTableView()
        self.model = GridModel(ReportDocument(report), table_id, self.grid)  # lives as long as its view
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(GridDelegate(self.grid))
        self.grid.horizontalHeader().hide()
        self.grid.verticalHeader().hide()
        # As GridView: the frozen view scrolls by pixels and takes the grid's scroll value as it is.
        self.grid.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        self.grid.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        for row, column, rowspan, colspan in self.model.merges():
            self.grid.setSpan(row, column, rowspan, colspan)
        for column in range(self.model.columnCount()):
            self.grid.setColumnWidth(column, 90 + 10 * column)
        for row in range(self.model.rowCount()):
            self.grid.setRowHeight(row, 24 + row % 3)
        self.rows = self.model.cells.layout.header_rows
        self.header = FrozenHeader(self.grid, self.model, self.rows)
        qtbot.addWidget(self.grid)
        self.grid.resize(500, 300)
        self.grid.show()
        qtbot.waitExposed(self.grid)
        self.header.follow()

    def header_height(self) -> int:
        return sum(self.grid.rowHeight(r) for r in range(self.rows))


@pytest.fixture
def frozen(qtbot: QtBot, report: Report) -> Frozen:
    return Frozen(qtbot, report)


def test_it_covers_exactly_the_header_rows_at_the_top_of_the_grid(frozen: Frozen) -> None:
    viewport = frozen.grid.viewport().geometry()
    geometry = frozen.header.geometry()
    assert (geometry.x(), geometry.y(), geometry.width()) == (viewport.x(), viewport.y(), viewport.width())
    assert geometry.height() == frozen.header_height() == frozen.header.height_of_rows()
    assert frozen.header.isVisible()


def test_it_takes_the_grids_column_widths_and_header_row_heights(frozen: Frozen) -> None:
    columns = range(frozen.model.columnCount())
    assert [frozen.header.columnWidth(c) for c in columns] == [frozen.grid.columnWidth(c) for c in columns]
    rows = range(frozen.rows)
    assert [frozen.header.rowHeight(r) for r in rows] == [frozen.grid.rowHeight(r) for r in rows]


def test_it_follows_the_grid_when_a_header_row_grows(frozen: Frozen) -> None:
    frozen.grid.setRowHeight(1, 60)
    frozen.grid.setColumnWidth(3, 150)
    frozen.header.follow()
    assert frozen.header.height() == frozen.header_height()
    assert frozen.header.rowHeight(1) == 60
    assert frozen.header.columnWidth(3) == 150


def test_the_header_merges_are_kept_and_nothing_below_them(frozen: Frozen) -> None:
    for row, column, rowspan, colspan in frozen.model.merges():
        spans = (frozen.header.rowSpan(row, column), frozen.header.columnSpan(row, column))
        assert spans == ((rowspan, colspan) if row < frozen.rows else (1, 1)), (row, column)


def test_it_scrolls_sideways_with_the_grid(frozen: Frozen) -> None:
    bar = frozen.grid.horizontalScrollBar()
    assert bar.maximum() > 0, "the grid should be narrower than table 3"
    bar.setValue(bar.maximum() // 2)
    assert frozen.header.horizontalScrollBar().value() == bar.maximum() // 2
    assert frozen.header.indexAt(QPoint(1, 1)).column() == frozen.grid.indexAt(QPoint(1, 1)).column()


def test_the_headers_stay_in_sight_while_the_rows_scroll_down(frozen: Frozen) -> None:
    frozen.grid.verticalScrollBar().setValue(frozen.grid.verticalScrollBar().maximum())
    top_left = QPoint(1, 1)
    assert frozen.grid.indexAt(top_left).row() >= frozen.rows  # the grid shows data rows up there ...
    assert frozen.header.indexAt(top_left).row() == 0  # ... under the frozen headers
    on_top = frozen.grid.childAt(frozen.grid.viewport().geometry().topLeft() + QPoint(5, 5))
    assert on_top is frozen.header.viewport()


def test_it_has_no_scroll_bars_of_its_own(frozen: Frozen) -> None:
    assert not frozen.header.horizontalScrollBar().isVisible()
    assert not frozen.header.verticalScrollBar().isVisible()


def test_clicking_it_neither_selects_nor_edits_nor_takes_focus(frozen: Frozen) -> None:
    frozen.grid.setFocus()
    current = frozen.grid.currentIndex()
    for point in (QPoint(20, 5), QPoint(200, frozen.header_height() - 3)):
        QTest.mouseClick(frozen.header.viewport(), Qt.MouseButton.LeftButton, pos=point)
        QTest.mouseDClick(frozen.header.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert not frozen.header.selectionModel().hasSelection()
    assert frozen.header.state() != QTableView.State.EditingState
    assert not frozen.header.hasFocus()
    assert frozen.grid.currentIndex() == current


def test_it_shows_the_same_model_so_it_never_goes_stale(frozen: Frozen) -> None:
    index = frozen.model.index(0, 3)
    assert frozen.header.model() is frozen.grid.model()
    assert frozen.header.model().data(index) == "申请人情况"


def test_table_4_freezes_its_three_header_rows(qtbot: QtBot, report: Report) -> None:
    frozen = Frozen(qtbot, report, "review_litigation")
    assert frozen.rows == 3
    assert frozen.header.height() == frozen.header_height()

"""ui/grid/delegate.py: how one grid cell is drawn and edited, on a plain QTableView over the grid model.

Drawn: the faint 未填 hint in a cell nobody filled in (never in a 0 or a total), finding colours that stay
visible under the selection, the table's lines, label padding, and row heights shared by merged labels.
Edited: a centred frameless editor; Enter/Tab (Shift: back) commit and then ask to move, a refused
value keeps the editor open with the text selected, Escape abandons the edit.
"""

from __future__ import annotations

from collections import Counter
from math import ceil

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from model.report import Report
from ui.document import ReportDocument
from ui.grid import style
from ui.grid.delegate import GridDelegate
from ui.grid.model import GridModel

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


class Grid:
    """A grid model shown in a plain table view that uses the delegate, as GridView does."""

    def __init__(self, qtbot: QtBot, report: Report, table_id: str = "applications") -> None:
        self.report = report
        self.view = QTableView()
        self.model = GridModel(ReportDocument(report), table_id, self.view)  # lives as long as its view
        self.delegate = GridDelegate(self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setShowGrid(False)
        for row, column, rowspan, colspan in self.model.merges():
            self.view.setSpan(row, column, rowspan, colspan)
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, 80)
        for row in range(self.model.rowCount()):
            self.view.setRowHeight(row, 30)
        qtbot.addWidget(self.view)
        self.view.resize(1000, 1000)
        self.view.show()
        qtbot.waitExposed(self.view)

    def at(self, row_id: str, column_id: str) -> QModelIndex:
        return self.model.index_of(row_id, column_id)

    def label(self, text: str) -> QModelIndex:
        (index,) = [
            self.model.index(r, c)
            for r in range(self.model.rowCount())
            for c in range(self.model.columnCount())
            if self.model.ref(self.model.index(r, c)) is None and self.model.data(self.model.index(r, c)) == text
        ]
        return index

    def image(self, index: QModelIndex) -> QImage:
        return self.view.viewport().grab(self.view.visualRect(index)).toImage()

    def edit(self, index: QModelIndex) -> QLineEdit:
        self.view.setCurrentIndex(index)
        assert self.view.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None)
        editor = self.view.findChild(QLineEdit)
        assert editor is not None
        return editor

    def editing(self) -> bool:
        return self.view.state() == QAbstractItemView.State.EditingState


@pytest.fixture
def grid(qtbot: QtBot, report: Report) -> Grid:
    return Grid(qtbot, report)


def _interior(image: QImage) -> list[QColor]:
    """The cell's pixels inside its lines."""
    return [image.pixelColor(x, y) for y in range(1, image.height() - 1) for x in range(1, image.width() - 1)]


def _background(image: QImage) -> str:
    return Counter(c.name() for c in _interior(image)).most_common(1)[0][0]


def _ink(image: QImage) -> list[QColor]:
    background = _background(image)
    return [c for c in _interior(image) if c.name() != background]


# --- drawing ---------------------------------------------------------------------------------


def test_a_cell_nobody_filled_in_shows_a_faint_hint_not_a_number(qtbot: QtBot, report: Report) -> None:
    report.set_cell("applications", "new_received", "research", None)
    grid = Grid(qtbot, report)
    ink = _ink(grid.image(grid.at("new_received", "research")))
    assert ink, "the 未填 hint is drawn"
    assert min(c.lightness() for c in ink) >= style.HINT_TEXT.lightness() - 20  # faint grey, never black


def test_zero_is_drawn_as_a_dark_number_without_the_hint(grid: Grid) -> None:
    assert grid.report.stored("applications", "new_received", "research") == 0
    ink = _ink(grid.image(grid.at("new_received", "research")))
    assert min(c.lightness() for c in ink) < 60


def test_a_total_that_cannot_be_computed_yet_stays_blank_without_a_hint(qtbot: QtBot, report: Report) -> None:
    report.set_cell("applications", "new_received", "research", None)
    grid = Grid(qtbot, report)
    image = grid.image(grid.at("new_received", "total"))
    assert _background(image) == style.TOTAL_BACKGROUND.name()
    assert _ink(image) == []


def test_an_error_colours_the_cell_and_stays_visible_when_selected(qtbot: QtBot, report: Report) -> None:
    report.set_cell("applications", "new_received", "research", 1)  # unbalances 科研机构
    grid = Grid(qtbot, report)
    wrong, fine = grid.at("new_received", "research"), grid.at("new_received", "social_welfare")
    assert _background(grid.image(wrong)) == style.ERROR_BACKGROUND.name()
    assert _background(grid.image(fine)) == QColor("white").name()
    selection = grid.view.selectionModel()
    for index in (wrong, fine):
        selection.select(index, selection.SelectionFlag.Select)
    selected_wrong, selected_fine = _background(grid.image(wrong)), _background(grid.image(fine))
    assert selected_wrong != style.ERROR_BACKGROUND.name()  # the selection shows ...
    assert selected_wrong != selected_fine  # ... and so does the error underneath it


def _column(image: QImage, x: int) -> set[str]:
    return {image.pixelColor(x, y).name() for y in range(1, image.height() - 1)}


def _row(image: QImage, y: int) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(1, image.width() - 1)}


def test_every_cell_draws_its_right_and_bottom_line(grid: Grid) -> None:
    image = grid.image(grid.at("disclosed", "research"))
    lines = {style.GRID_LINES.name()}
    assert _column(image, image.width() - 1) == lines
    assert _row(image, image.height() - 1) == lines
    # Top and left belong to the neighbours' right and bottom lines, so they are not drawn twice.
    assert style.GRID_LINES.name() not in _column(image, 0)
    assert style.GRID_LINES.name() not in _row(image, 0)


def test_the_first_row_and_column_close_the_table_at_the_top_and_left(grid: Grid) -> None:
    image = grid.image(grid.model.index(0, 0))  # the corner note
    lines = {style.GRID_LINES.name()}
    assert _column(image, 0) == lines
    assert _row(image, 0) == lines


def test_row_labels_keep_clear_of_the_lines(grid: Grid) -> None:
    image = grid.image(grid.label("1.属于国家秘密"))
    background = _background(image)
    inked = [x for y in range(1, image.height() - 1) for x in range(1, image.width() - 1)
             if image.pixelColor(x, y).name() != background]  # fmt: skip
    assert inked and min(inked) >= 4
    assert max(inked) <= image.width() - 5


def _hint_size(delegate: GridDelegate, index: QModelIndex, width: int) -> tuple[int, int]:
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, width, 30)
    size = delegate.sizeHint(option, index)
    return size.width(), size.height()


def test_a_label_merged_down_many_rows_shares_its_height_among_them(grid: Grid) -> None:
    merged = grid.label("三、本年度办理结果")  # 22 rows tall
    alone = GridDelegate()  # not in a table view: no merges known
    width, height = _hint_size(alone, merged, 50)
    shared_width, shared_height = _hint_size(grid.delegate, merged, 50)
    assert shared_width == width
    assert shared_height == ceil(height / 22)


def test_a_narrower_cell_asks_for_more_lines(grid: Grid) -> None:
    label = grid.label("5.要求行政机关确认或重新出具已获取信息")
    _, wide = _hint_size(grid.delegate, label, 600)
    _, narrow = _hint_size(grid.delegate, label, 120)
    assert narrow >= 3 * wide // 2


def test_a_cell_of_no_width_asks_for_its_text_on_one_line(grid: Grid) -> None:
    label = grid.label("5.要求行政机关确认或重新出具已获取信息")
    width, _ = _hint_size(grid.delegate, label, 0)
    text_width = grid.view.fontMetrics().horizontalAdvance("5.要求行政机关确认或重新出具已获取信息")
    assert width >= text_width


# --- editing ---------------------------------------------------------------------------------


def test_the_editor_is_a_frameless_line_centred_like_the_number(grid: Grid) -> None:
    editor = grid.edit(grid.at("new_received", "commercial"))
    assert not editor.hasFrame()
    assert editor.alignment() & Qt.AlignmentFlag.AlignHCenter
    assert editor.text() == "2"


@pytest.mark.parametrize(
    ("key", "modifier", "move"),
    [
        (Qt.Key.Key_Return, NONE, (1, 0)),
        (Qt.Key.Key_Enter, NONE, (1, 0)),  # the keypad's Enter
        (Qt.Key.Key_Return, SHIFT, (-1, 0)),
        (Qt.Key.Key_Enter, SHIFT, (-1, 0)),
        (Qt.Key.Key_Tab, NONE, (0, 1)),
        (Qt.Key.Key_Tab, SHIFT, (0, -1)),
        (Qt.Key.Key_Backtab, SHIFT, (0, -1)),  # what most platforms send for Shift+Tab
        (Qt.Key.Key_Backtab, NONE, (0, -1)),
    ],
)
def test_enter_and_tab_commit_the_value_then_ask_to_move(
    qtbot: QtBot, grid: Grid, key: Qt.Key, modifier: Qt.KeyboardModifier, move: tuple[int, int]
) -> None:
    editor = grid.edit(grid.at("new_received", "commercial"))
    editor.setText("12")
    stored_when_asked: list[object] = []
    grid.delegate.moveRequested.connect(
        lambda *_: stored_when_asked.append(grid.report.stored("applications", "new_received", "commercial"))
    )
    with qtbot.waitSignal(grid.delegate.moveRequested) as asked:
        QTest.keyClick(editor, key, modifier)
    assert tuple(asked.args) == move
    assert stored_when_asked == [12]  # committed before the move is asked for
    assert not grid.editing()


def test_a_refused_value_keeps_the_editor_open_with_the_text_selected(qtbot: QtBot, grid: Grid) -> None:
    editor = grid.edit(grid.at("new_received", "commercial"))
    editor.setText("两件")
    editor.deselect()
    with qtbot.assertNotEmitted(grid.delegate.moveRequested), qtbot.waitSignal(grid.model.message):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert grid.editing()
    assert editor.selectedText() == "两件"  # typing again replaces it
    assert grid.report.stored("applications", "new_received", "commercial") == 2
    editor.setText("3")
    with qtbot.waitSignal(grid.delegate.moveRequested):
        QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert grid.report.stored("applications", "new_received", "commercial") == 3


def test_escape_abandons_the_edit_without_moving(qtbot: QtBot, grid: Grid) -> None:
    editor = grid.edit(grid.at("new_received", "commercial"))
    editor.setText("99")
    with qtbot.assertNotEmitted(grid.delegate.moveRequested):
        QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert not grid.editing()
    assert grid.report.stored("applications", "new_received", "commercial") == 2


def test_other_keys_are_typed_into_the_editor(qtbot: QtBot, grid: Grid) -> None:
    editor = grid.edit(grid.at("new_received", "commercial"))
    editor.clear()
    with qtbot.assertNotEmitted(grid.delegate.moveRequested):
        QTest.keyClicks(editor, "1,5")
        QTest.keyClick(editor, Qt.Key.Key_Left)  # moves the caret, as in any text field
    assert (editor.text(), editor.cursorPosition()) == ("1,5", 2)
    assert grid.editing()


def test_clearing_the_editor_and_pressing_enter_leaves_the_cell_not_filled_in(qtbot: QtBot, grid: Grid) -> None:
    editor = grid.edit(grid.at("new_received", "commercial"))
    editor.clear()
    with qtbot.waitSignal(grid.delegate.moveRequested):
        QTest.keyClick(editor, Qt.Key.Key_Return)
    assert grid.report.stored("applications", "new_received", "commercial") is None

"""The grid as a person uses it: typing, moving with Enter/Tab, Delete, the clipboard, undo."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QVBoxLayout, QWidget

from model.report import Report
from ui.document import ReportDocument
from ui.grid import style
from ui.grid.frozen import FrozenHeader
from ui.grid.view import GridView

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def view(qtbot, report: Report) -> GridView:
    return _shown(qtbot, GridView(ReportDocument(report), "applications"))


def _shown(qtbot, view: GridView) -> GridView:
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    return view


def _value(view: GridView, row_id: str, column_id: str) -> object:
    return view.document.report.stored("applications", row_id, column_id)


def _shown_text(view: GridView, row_id: str, column_id: str) -> object:
    return view.grid.data(view.grid.index_of(row_id, column_id))


def _at(view: GridView, row_id: str, column_id: str) -> QModelIndex:
    return view.grid.index_of(row_id, column_id)


def _type(view: GridView, text: str) -> None:
    """Keys as a person types them: the first opens the editor, the rest go to it."""
    QTest.keyClick(view, text[0])
    editor = view.findChild(QLineEdit)
    assert editor is not None, "typing on a cell should open its editor"
    QTest.keyClicks(editor, text[1:])


def _press(view: GridView, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    editor = view.findChild(QLineEdit) if view.state() == QAbstractItemView.State.EditingState else None
    QTest.keyClick(editor or view, key, modifier)


def test_typing_on_a_selected_cell_replaces_it_and_enter_moves_down(view: GridView) -> None:
    view.select_cell("new_received", "natural_person")
    _type(view, "12")
    _press(view, Qt.Key.Key_Return)
    assert _value(view, "new_received", "natural_person") == 12  # not 712: typing overwrites
    assert _shown_text(view, "new_received", "total") == "14"
    assert view.currentIndex() == _at(view, "carried_over", "natural_person")


def test_a_typed_value_colours_the_cells_it_unbalances(view: GridView) -> None:
    view.select_cell("carried_over", "research")
    _type(view, "5")
    _press(view, Qt.Key.Key_Tab)
    background = view.grid.data(_at(view, "carried_over", "research"), Qt.ItemDataRole.BackgroundRole)
    assert background.color() == style.ERROR_BACKGROUND  # 一 + 二 no longer equals 三（七） + 四
    assert _shown_text(view, "carried_over", "total") == "6"


def test_tab_moves_right_over_the_computed_total_to_the_next_row(view: GridView) -> None:
    view.select_cell("new_received", "other_org")
    _press(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == _at(view, "carried_over", "natural_person")
    _press(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.currentIndex() == _at(view, "new_received", "other_org")


def test_tab_while_editing_commits_and_moves_right(view: GridView) -> None:
    view.select_cell("disclosed", "research")
    _type(view, "3")
    _press(view, Qt.Key.Key_Tab)
    assert _value(view, "disclosed", "research") == 3
    assert view.currentIndex() == _at(view, "disclosed", "social_welfare")
    assert view.state() != QAbstractItemView.State.EditingState


def test_shift_enter_moves_up_and_enter_passes_over_the_total_row(view: GridView) -> None:
    view.select_cell("other_other", "commercial")
    _press(view, Qt.Key.Key_Return)
    assert view.currentIndex() == _at(view, "carried_forward", "commercial")
    _press(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.currentIndex() == _at(view, "other_other", "commercial")


def test_tab_at_the_last_cell_lets_focus_move_on(qtbot, report: Report) -> None:
    window = QWidget()
    layout = QVBoxLayout(window)
    view = GridView(ReportDocument(report), "review_litigation")
    after = QLineEdit()
    layout.addWidget(view)
    layout.addWidget(after)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view.select_cell("litigation_after_review", "pending")
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert window.focusWidget() is after
    assert view.currentIndex() == view.grid.index_of("litigation_after_review", "pending")


def test_f2_edits_in_place_and_a_refused_value_keeps_the_editor_open(qtbot, view: GridView) -> None:
    view.select_cell("new_received", "commercial")
    _press(view, Qt.Key.Key_F2)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = view.findChild(QLineEdit)
    assert editor.text() == "2"
    editor.setText("两件")
    with qtbot.waitSignal(view.message) as said:
        _press(view, Qt.Key.Key_Return)
    assert "“两件”不是数字" in said.args[0]
    assert view.state() == QAbstractItemView.State.EditingState
    assert _value(view, "new_received", "commercial") == 2


def test_f2_puts_the_caret_after_the_number_as_in_excel(qtbot, view: GridView) -> None:
    view.select_cell("new_received", "commercial")  # holds 2
    _press(view, Qt.Key.Key_F2)
    editor = view.findChild(QLineEdit)
    assert not editor.hasSelectedText()
    assert editor.cursorPosition() == len(editor.text())
    QTest.keyClick(editor, "0")
    _press(view, Qt.Key.Key_Return)
    assert _value(view, "new_received", "commercial") == 20


def test_typing_on_a_total_changes_nothing_and_says_why(qtbot, view: GridView) -> None:
    view.select_cell("new_received", "total")
    with qtbot.waitSignal(view.message) as said:
        QTest.keyClick(view, "5")
    assert "自动计算" in said.args[0]
    assert view.state() != QAbstractItemView.State.EditingState


def _select(view: GridView, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
    """A range selected as with the mouse or Shift+arrows: current cell top-left."""
    view.setCurrentIndex(top_left)
    view.selectionModel().select(
        QItemSelection(top_left, bottom_right), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def test_delete_clears_the_selection_in_one_undo_step(view: GridView) -> None:
    _select(view, _at(view, "new_received", "natural_person"), _at(view, "carried_over", "commercial"))
    _press(view, Qt.Key.Key_Delete)
    assert _value(view, "new_received", "natural_person") is None
    assert _value(view, "carried_over", "commercial") is None
    assert _shown_text(view, "new_received", "total") == ""
    view.document.undo_stack.undo()
    assert _value(view, "new_received", "natural_person") == 7
    assert _value(view, "carried_over", "commercial") == 0


def test_copy_puts_the_range_on_the_clipboard_as_excel_does(view: GridView) -> None:
    _select(view, _at(view, "new_received", "other_org"), _at(view, "carried_over", "total"))
    QTest.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "0\t9\r\n0\t1\r\n"


def test_pasting_a_block_from_excel_fills_it_in_one_undo_step(view: GridView) -> None:
    QGuiApplication.clipboard().setText("1,234\t２\r\n3\t4\r\n")
    view.select_cell("disclosed", "natural_person")
    QTest.keyClick(view, Qt.Key.Key_V, CTRL)
    assert _value(view, "disclosed", "natural_person") == 1234
    assert _value(view, "disclosed", "commercial") == 2
    assert _value(view, "partially_disclosed", "natural_person") == 3
    assert _value(view, "partially_disclosed", "commercial") == 4
    assert _shown_text(view, "disclosed", "total") == "1236"
    view.document.undo_stack.undo()
    assert _value(view, "disclosed", "natural_person") == 5
    assert _value(view, "partially_disclosed", "commercial") == 1


def test_a_bad_block_changes_nothing_and_names_the_cell(qtbot, view: GridView) -> None:
    QGuiApplication.clipboard().setText("1\t2\n3\tabc\n")
    view.select_cell("disclosed", "natural_person")
    with qtbot.waitSignal(view.message) as said:
        QTest.keyClick(view, Qt.Key.Key_V, CTRL)
    assert said.args[0] == "粘贴未执行：第2行第2列“abc”不是数字"
    assert _value(view, "disclosed", "natural_person") == 5
    assert view.document.undo_stack.count() == 0


def test_a_row_pasted_with_its_total_skips_the_total_and_says_so(qtbot, view: GridView) -> None:
    QGuiApplication.clipboard().setText("1\t1\t1\t1\t1\t1\t99\r\n")
    view.select_cell("other_other", "natural_person")
    with qtbot.waitSignal(view.message) as said:
        QTest.keyClick(view, Qt.Key.Key_V, CTRL)
    assert "跳过1个" in said.args[0]
    assert _shown_text(view, "other_other", "total") == "6"


def test_one_value_pasted_into_a_selection_fills_it(view: GridView) -> None:
    QGuiApplication.clipboard().setText("0\r\n")
    _select(
        view, _at(view, "withheld_state_secret", "natural_person"), _at(view, "withheld_query_matters", "other_org")
    )
    view.paste()
    assert view.document.report.value("applications", "withheld_state_secret", "total") == 0
    assert view.document.report.value("applications", "withheld_third_party", "natural_person") == 0


def test_select_cell_selects_scrolls_to_and_focuses_the_data_cell(view: GridView) -> None:
    view.select_cell("carried_forward", "legal_service")
    index = _at(view, "carried_forward", "legal_service")
    assert view.currentIndex() == index
    assert view.selectionModel().selectedIndexes() == [index]
    assert view.viewport().rect().intersects(view.visualRect(index))
    assert view.hasFocus()


def test_table_3_fits_a_1366_wide_screen_without_scrolling_sideways(qtbot, report: Report) -> None:
    view = _shown(qtbot, GridView(ReportDocument(report), "applications"))
    view.resize(1366 - 260, 600)  # the window's frame, a side panel and margins take the rest
    qtbot.wait(1)
    assert view.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("table_id", ["active_disclosure", "review_litigation"])
def test_the_other_tables_show_their_merges_and_start_on_the_first_cell(qtbot, report: Report, table_id: str) -> None:
    view = _shown(qtbot, GridView(ReportDocument(report), table_id))
    first = view.grid.cells.data_cells()[0]
    assert view.currentIndex() == view.grid.index(first.row, first.column)
    for row, column, rowspan, colspan in view.grid.merges():
        assert (view.rowSpan(row, column), view.columnSpan(row, column)) == (rowspan, colspan)


def test_arrow_keys_step_into_the_merged_number_cells_of_table_2(qtbot, report: Report) -> None:
    view = _shown(qtbot, GridView(ReportDocument(report), "active_disclosure"))
    view.select_cell("normative_documents", "in_force")
    QTest.keyClick(view, Qt.Key.Key_Down)  # over the 第二十条第（五）项 title and header rows
    assert view.grid.ref(view.currentIndex()) == ("administrative_license", "decisions")


def test_enter_in_the_one_row_of_table_4_goes_on_to_the_right(qtbot, report: Report) -> None:
    view = _shown(qtbot, GridView(ReportDocument(report), "review_litigation"))
    view.select_cell("review", "pending")
    _type(view, "2")
    _press(view, Qt.Key.Key_Return)
    assert view.document.report.value("review_litigation", "review", "total") == 3
    assert view.grid.ref(view.currentIndex()) == ("litigation_direct", "upheld")


def test_cut_copies_then_empties_the_cells(view: GridView) -> None:
    view.select_cell("new_received", "commercial")
    QTest.keyClick(view, Qt.Key.Key_X, CTRL)
    assert QGuiApplication.clipboard().text() == "2"
    assert _value(view, "new_received", "commercial") is None
    view.select_cell("carried_over", "commercial")
    QTest.keyClick(view, Qt.Key.Key_V, CTRL)
    assert _value(view, "carried_over", "commercial") == 2


def test_repainting_a_grid_many_times_does_not_wear_out_none(view: GridView) -> None:
    # PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and aborts the interpreter
    # after a few repaints of table 3; pyproject.toml pins PySide6 below 6.12 for that reason.
    before = sys.getrefcount(None)
    for _ in range(10):
        view.viewport().repaint()
    assert sys.getrefcount(None) >= before - 100


def test_column_headers_stay_in_sight_while_the_rows_scroll(qtbot, report: Report) -> None:
    view = _shown(qtbot, GridView(ReportDocument(report), "applications"))
    view.resize(1000, 400)
    view.select_cell("carried_forward", "research")
    assert view.verticalScrollBar().value() > 0
    header_height = sum(view.rowHeight(r) for r in range(3))
    frozen = view.findChild(FrozenHeader)
    assert frozen is not None and frozen.isVisible() and frozen.height() == header_height
    for _ in range(20):  # back up the column: no cell may hide under the frozen headers
        QTest.keyClick(view, Qt.Key.Key_Up)
        assert view.visualRect(view.currentIndex()).top() >= header_height
    assert view.grid.ref(view.currentIndex()) == ("withheld_state_secret", "research")

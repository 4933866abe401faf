"""A total a file holds as typed (seed_004 has only totals): shown as typed and marked, replaced by the
sum when its parts are typed (one undo step, said in the status bar), and clearable with Delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from model import load_report
from tests.factories import APPLICANT_COLUMNS
from tests.ui.pages import APPLICATIONS_TAB, grid
from ui.document import ReportDocument
from ui.grid import style
from ui.main_window import MainWindow

SEED_004 = Path(__file__).parents[2] / "fixtures" / "seed_004.nianbao.json"


def only_totals(window: MainWindow) -> None:
    window.set_document(ReportDocument(load_report(SEED_004)))
    window.show_tab(APPLICATIONS_TAB)


def test_a_stored_total_is_shown_as_typed_and_marked(window: MainWindow) -> None:
    only_totals(window)
    view = grid(window)
    total = view.grid.index_of("new_received", "total")
    assert view.grid.data(total) == "0"
    assert view.grid.data(total, Qt.ItemDataRole.ToolTipRole) == style.STORED_TOTAL_TOOLTIP
    assert view.grid.data(total, Qt.ItemDataRole.FontRole).italic()


def test_typing_the_parts_replaces_the_stored_total_in_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    only_totals(window)
    view = grid(window)
    for column, value in zip(APPLICANT_COLUMNS, ("5", "0", "0", "0", "0", "0"), strict=True):
        assert view.grid.setData(view.grid.index_of("new_received", column), value)
    document = window.document
    assert document.report.stored("applications", "new_received", "total") is None
    assert view.grid.data(view.grid.index_of("new_received", "total")) == "5"
    assert not [f for f in document.findings if f.location.row == "new_received" and f.code == "ROW_TOTAL"]
    assert "原为0，现为各项之和5" in window.statusBar().currentMessage()
    window.undo_action.trigger()  # the last part and the replaced total come back together
    assert document.report.stored("applications", "new_received", "total") == 0
    assert document.report.stored("applications", "new_received", APPLICANT_COLUMNS[-1]) is None


def test_delete_clears_a_stored_total_and_typing_there_says_how(window: MainWindow, qtbot: QtBot) -> None:
    only_totals(window)
    view = grid(window)
    view.select_cell("carried_over", "total")
    qtbot.keyClicks(view, "3")
    assert "按 Delete 清除" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.document.report.stored("applications", "carried_over", "total") is None
    window.undo_action.trigger()
    assert window.document.report.stored("applications", "carried_over", "total") == 0

"""Undo and redo show what they changed (its tab, the cell or field selected, the status bar says
what); 添加小节 brings the new subsection into view with the cursor in it; a deleted subsection is
named and comes back with undo."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.forms.editing import narrative_form
from tests.ui.pages import APPLICATIONS_TAB, grid
from ui.main_window import MainWindow

OVERVIEW_TAB = 1


def test_undo_of_a_cell_on_another_tab_goes_there_and_selects_it(window: MainWindow) -> None:
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    window.show_tab(0)
    window.undo_action.trigger()
    assert window.tabs.currentIndex() == APPLICATIONS_TAB
    view = grid(window)
    assert view.grid.ref(view.currentIndex()) == ("carried_over", "commercial")
    assert window.statusBar().currentMessage() == "已撤销：编辑单元格"
    window.show_tab(0)
    window.redo_action.trigger()
    assert window.tabs.currentIndex() == APPLICATIONS_TAB
    assert window.statusBar().currentMessage().startswith("已重做")


def test_undo_of_a_field_goes_to_the_field(window: MainWindow, qtbot: QtBot) -> None:
    form = narrative_form(window, "overview")
    editor = form.editors["narrative.overview.intro"]
    editor.setPlainText("改过的正文")
    window.show_tab(APPLICATIONS_TAB)
    window.undo_action.trigger()
    assert window.tabs.currentIndex() == OVERVIEW_TAB
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.editors["narrative.overview.intro"])


def test_a_new_subsection_is_scrolled_to_and_focused(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1000, 500)
    window.show_tab(OVERVIEW_TAB)
    form = narrative_form(window, "overview")
    form.add_subsection("")
    title = form.editors["narrative.overview.subsections[5].title"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    qtbot.waitUntil(lambda: not title.visibleRegion().isEmpty())
    assert form.verticalScrollBar().value() > 0


def test_deleting_a_subsection_names_it_and_undo_brings_it_back(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab(OVERVIEW_TAB)
    form = narrative_form(window, "overview")
    form.remove_subsection(2)
    assert window.statusBar().currentMessage() == "已删除小节“（三）政府信息管理”，可撤销（Ctrl+Z）"
    assert [s.title for s in window.document.report.narrative.section("overview").subsections][2] != "政府信息管理"
    window.undo_action.trigger()
    assert window.document.report.narrative.section("overview").subsections[2].title == "政府信息管理"
    title = form.editors["narrative.overview.subsections[2].title"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)

"""成文日期 as people type it: the usual ways of writing a date, a calendar where the report's dates
fall, 今天, Tab that always leaves, and a date that can be cleared."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.forms.editing import meta_form
from ui.forms.editors import FieldDateEdit
from ui.main_window import MainWindow


def issue_date(window: MainWindow) -> FieldDateEdit:
    editor = meta_form(window).editors["issue_date"]
    assert isinstance(editor, FieldDateEdit)
    return editor


def retype(qtbot: QtBot, editor: FieldDateEdit, text: str) -> None:
    editor.line.setFocus()
    editor.line.selectAll()
    qtbot.keyClick(editor.line, Qt.Key.Key_Delete)
    for char in text:  # QTest types Latin-1 only: CJK characters go in as an input method would put them
        if char.isascii():
            qtbot.keyClicks(editor.line, char)
        else:
            editor.line.insert(char)


@pytest.mark.parametrize("typed", ["2026-1-15", "2026/1/15", "2026.1.15", "2026年1月15日", "20260115"])
def test_a_date_typed_as_people_write_it_is_taken_on_tab(window: MainWindow, qtbot: QtBot, typed: str) -> None:
    editor = issue_date(window)
    retype(qtbot, editor, typed)
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    assert window.document.report.meta.issue_date == date(2026, 1, 15)
    assert editor.line.text() == "2026年1月15日"
    assert QApplication.focusWidget() is not editor.line


def test_a_text_that_is_no_date_stays_and_is_explained_and_tab_still_leaves(window: MainWindow, qtbot: QtBot) -> None:
    editor = issue_date(window)
    retype(qtbot, editor, "2026")
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not editor.line
    assert editor.line.text() == "2026"
    assert window.document.report.meta.issue_date == date(2025, 1, 17)
    assert "不是日期" in window.statusBar().currentMessage()


def test_an_empty_field_lets_tab_leave_and_clearing_empties_the_date(window: MainWindow, qtbot: QtBot) -> None:
    editor = issue_date(window)
    retype(qtbot, editor, "")
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    assert window.document.report.meta.issue_date is None
    assert QApplication.focusWidget() is not editor.line
    editor.line.setFocus()
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)  # empty and left empty: Tab leaves again
    assert QApplication.focusWidget() is not editor.line
    window.undo_action.trigger()
    assert window.document.report.meta.issue_date == date(2025, 1, 17)


def test_the_calendar_opens_in_january_after_the_report_year_and_today_is_one_click(window: MainWindow) -> None:
    editor = issue_date(window)
    editor.line.clear()
    assert editor.commit_edit()
    editor._calendar_menu.aboutToShow.emit()
    assert (editor.calendar.yearShown(), editor.calendar.monthShown()) == (2025, 1)  # a 2024 report
    editor.today_button.click()
    assert window.document.report.meta.issue_date == date.today()

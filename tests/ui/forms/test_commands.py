"""ui/forms/commands.py: typing in a field is one undo step, re-checked after each keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.forms.editing import codes_at, meta_form, narrative_form, type_text
from ui.forms.editors import FieldLineEdit, FieldTextEdit
from ui.main_window import MainWindow


def test_typing_the_agency_rechecks_and_is_one_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    window.document.undo_stack.clear()
    agency = meta_form(window).editors["agency"]
    assert isinstance(agency, FieldLineEdit)
    agency.selectAll()
    qtbot.keyClick(agency, Qt.Key.Key_Delete)
    assert "MISSING" in codes_at(window, "meta.agency")
    assert window.counts_label.text().startswith("1 个错误")
    type_text(agency, "泽普县教育局")
    assert window.document.report.meta.agency == "泽普县教育局"
    assert "MISSING" not in codes_at(window, "meta.agency")
    assert window.document.undo_stack.count() == 1  # delete + six keystrokes merged
    qtbot.keyClick(agency, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the document's undo
    assert window.document.report.meta.agency == "叶城县科学技术局"
    assert agency.text() == "叶城县科学技术局"
    qtbot.keyClick(agency, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert agency.text() == "泽普县教育局"


def test_narrative_text_edit_is_undoable_and_rechecked(window: MainWindow, qtbot: QtBot) -> None:
    form = narrative_form(window, "other")
    intro = form.editors["narrative.other.intro"]
    assert isinstance(intro, FieldTextEdit)
    intro.selectAll()
    qtbot.keyClick(intro, Qt.Key.Key_Delete)
    assert {"FEE_NOT_STATED", "EMPTY_SECTION"} <= codes_at(window, "narrative.other.intro")
    type_text(intro, "本年度未收取信息处理费。")
    assert codes_at(window, "narrative.other.intro") == set()
    window.undo_action.trigger()
    assert intro.toPlainText() == "本年度未收取信息处理费。"  # one step: delete + typing merged
    window.undo_action.trigger()
    assert window.document.report.narrative.section("other").intro == "本年度未收取信息处理费。"

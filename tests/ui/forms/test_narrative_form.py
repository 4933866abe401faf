"""ui/forms/narrative_form.py: subsections added, renamed, moved, removed; the report-level texts placed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from model.template import TEMPLATE_2021
from tests.ui.forms.editing import narrative_form, type_text
from ui.forms.editors import FieldLineEdit
from ui.main_window import MainWindow


def test_subsections_add_rename_move_remove_undo(window: MainWindow, qtbot: QtBot) -> None:
    form = narrative_form(window, "problems")
    problems = window.document.report.narrative.section("problems")
    form.add_subsection("")
    assert len(problems.subsections) == 3
    title = form.editors["narrative.problems.subsections[2].title"]
    assert isinstance(title, FieldLineEdit)
    assert QApplication.focusWidget() is title  # a blank subsection: type its title first
    type_text(title, "下一步工作")
    assert problems.subsections[2].title == "下一步工作"
    form.move_subsection(2, -1)
    assert [s.title for s in problems.subsections] == ["存在的主要问题", "下一步工作", "改进情况"]
    form.remove_subsection(0)
    assert [s.title for s in problems.subsections] == ["下一步工作", "改进情况"]
    renamed = form.editors["narrative.problems.subsections[0].title"]
    assert isinstance(renamed, FieldLineEdit) and renamed.text() == "下一步工作"
    for _ in range(3):
        window.undo_action.trigger()
    assert [s.title for s in problems.subsections] == ["存在的主要问题", "改进情况", ""]
    window.undo_action.trigger()
    assert len(problems.subsections) == 2
    assert "narrative.problems.subsections[2].title" not in form.editors


def test_add_menu_offers_the_templates_titles_not_yet_used(window: MainWindow) -> None:
    form = narrative_form(window, "overview")
    menu = form._add_button.menu()
    menu.aboutToShow.emit()
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    suggested = TEMPLATE_2021.section("overview").suggested_subsections
    assert all(title in enabled and not enabled[title] for title in suggested)  # all five present already
    form.remove_subsection(4)
    menu.aboutToShow.emit()
    enabled = {a.text(): a.isEnabled() for a in menu.actions() if a.text()}
    assert enabled[suggested[4]]


def test_preamble_on_tab_one_and_closing_on_tab_six(window: MainWindow) -> None:
    assert "narrative.preamble" in narrative_form(window, "overview").editors
    assert "narrative.closing" in narrative_form(window, "other").editors

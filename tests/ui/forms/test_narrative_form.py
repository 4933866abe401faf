"""The 基本信息 and narrative tabs: typing edits the report, re-checks it, and undoes in one step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from model.template import TEMPLATE_2021
from ui.forms.editors import FieldComboBox, FieldDateEdit, FieldLineEdit, FieldTextEdit
from ui.forms.meta_form import MetaForm
from ui.forms.narrative_form import NarrativeForm
from ui.main_window import MainWindow


def meta_form(window: MainWindow) -> MetaForm:
    form = window.page(0)
    assert isinstance(form, MetaForm)
    return form


def narrative_form(window: MainWindow, section_id: str) -> NarrativeForm:
    index = next(i for i, s in enumerate(TEMPLATE_2021.sections) if s.id == section_id) + 1
    form = window.page(index)
    assert isinstance(form, NarrativeForm)
    return form


def codes_at(window: MainWindow, field: str) -> set[str]:
    return {f.code for f in window.document.findings if f.location.field == field}


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does: one committed character at a time."""
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def type_into(widget: FieldLineEdit | FieldTextEdit, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


def test_meta_form_shows_template_labels_and_agency_kinds(window: MainWindow) -> None:
    form = meta_form(window)
    kind = form.editors["agency_kind"]
    assert isinstance(kind, FieldComboBox)
    assert [kind.itemText(i) for i in range(kind.count())] == [k.label for k in TEMPLATE_2021.agency_kinds]
    texts = " ".join(label.text() for label in form.findChildren(QLabel))
    for spec in TEMPLATE_2021.meta_fields:
        assert spec.label in texts


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


def test_leaving_a_field_ends_its_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    window.document.undo_stack.clear()
    form = meta_form(window)
    signatory, agency = form.editors["signatory"], form.editors["agency"]
    assert isinstance(signatory, FieldLineEdit) and isinstance(agency, FieldLineEdit)
    type_into(signatory, "叶城县")
    agency.setFocus()
    type_into(signatory, "科技局")
    assert window.document.report.meta.signatory == "叶城县科技局"
    assert window.document.undo_stack.count() == 2
    window.undo_action.trigger()
    assert window.document.report.meta.signatory == "叶城县"


def test_issue_date_before_year_end_is_an_error_shown_on_the_tab(window: MainWindow) -> None:
    issue = meta_form(window).editors["issue_date"]
    assert isinstance(issue, FieldDateEdit)
    issue.setDate(QDate(2024, 12, 20))
    assert window.document.report.meta.issue_date == date(2024, 12, 20)
    assert "DATE_EARLY" in codes_at(window, "meta.issue_date")
    assert window.tabs.tabText(0) == "基本信息 (1)"
    window.undo_action.trigger()
    assert issue.date() == QDate(2025, 1, 17)
    assert window.tabs.tabText(0) == "基本信息"


def test_agency_kind_choice_is_stored_as_its_id(window: MainWindow) -> None:
    kind = meta_form(window).editors["agency_kind"]
    assert isinstance(kind, FieldComboBox)
    kind.setCurrentIndex(kind.findData("township"))
    assert window.document.report.meta.agency_kind == "township"
    window.undo_action.trigger()
    assert window.document.report.meta.agency_kind == "department"
    assert kind.currentData() == "department"


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

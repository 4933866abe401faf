"""ui/forms/editors.py: field editors store what the report holds; leaving a field ends its undo step."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from tests.ui.forms.editing import codes_at, meta_form, type_text
from ui.forms.editors import FieldComboBox, FieldDateEdit, FieldLineEdit, FieldTextEdit
from ui.main_window import MainWindow


def type_into(widget: FieldLineEdit | FieldTextEdit, text: str) -> None:
    widget.setFocus()
    type_text(widget, text)


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
    issue.line.setText("2024-12-20")
    assert issue.commit_edit()
    assert window.document.report.meta.issue_date == date(2024, 12, 20)
    assert "DATE_EARLY" in codes_at(window, "meta.issue_date")
    assert window.tabs.tabText(0) == "基本信息 (1)"
    window.undo_action.trigger()
    assert issue.line.text() == "2025年1月17日"
    assert window.tabs.tabText(0) == "基本信息"


def test_agency_kind_choice_is_stored_as_its_id(window: MainWindow) -> None:
    kind = meta_form(window).editors["agency_kind"]
    assert isinstance(kind, FieldComboBox)
    kind.setCurrentIndex(kind.findData("township"))
    assert window.document.report.meta.agency_kind == "township"
    window.undo_action.trigger()
    assert window.document.report.meta.agency_kind == "department"
    assert kind.currentData() == "department"

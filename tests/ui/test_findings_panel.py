"""ui/findings_panel.py: findings grouped by section; double-click or Enter jumps; reviewing a warning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from model import Severity
from tests.ui.pages import APPLICATIONS_TAB, grid, report_with_drift, select_in_panel
from ui.document import ReportDocument
from ui.forms.meta_form import MetaForm
from ui.main_window import MainWindow


def test_double_click_in_panel_jumps_to_the_cell(window: MainWindow, qtbot: QtBot) -> None:
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    finding = next(f for f in window.document.findings if f.location.table == "applications")
    window.findings_panel.select_finding(finding)
    item = window.findings_panel.tree.currentItem()
    window.findings_panel.tree.itemDoubleClicked.emit(item, 1)
    assert window.tabs.currentIndex() == APPLICATIONS_TAB
    view = grid(window)
    assert view.grid.ref(view.currentIndex()) == (finding.location.row, finding.location.column)


def test_enter_in_panel_jumps_to_the_field_and_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    window.document.report.meta.agency = ""
    window.document.notify_changed()
    select_in_panel(window, "MISSING")
    window.show_tab(5)
    qtbot.keyClick(window.findings_panel.tree, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    form = window.page(0)
    assert isinstance(form, MetaForm)
    assert QApplication.focusWidget() is form.editors["agency"]


def test_review_is_undoable_and_errors_cannot_be_reviewed(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.set_document(ReportDocument(report_with_drift()))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("核实无误", True))
    select_in_panel(window, "IN_FORCE_DRIFT")
    window.findings_panel._review_button.click()
    assert window.document.report.reviews
    window.undo_action.trigger()
    assert not window.document.report.reviews
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    select_in_panel(window, "BALANCE")
    assert not window.findings_panel._review_button.isEnabled()


def test_findings_are_grouped_by_section_in_template_order(window: MainWindow) -> None:
    window.document.report.meta.agency = ""
    window.document.report.narrative.section("other").intro = ""
    window.document.notify_changed()
    tree = window.findings_panel.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups[0].startswith("基本信息") and groups[-1].startswith("六、其他需要报告的事项")
    assert all(f.severity in (Severity.ERROR, Severity.WARNING) for f in window.document.findings)

"""ui/findings_panel.py: findings grouped by section; double-click or Enter jumps; reviewing a warning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from model import Severity
from model.findings import error, field_at
from model.report import Meta, Report
from tests.factories import APPLICANT_COLUMNS
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


def test_one_line_per_finding_without_the_section_name(window: MainWindow) -> None:
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])
    lines = window.findings_panel.lines()
    assert lines and not any(line.startswith("三、收到和处理") for line in lines)
    assert window.findings_panel.tree.topLevelItem(0).text(0).startswith("三、收到和处理政府信息公开申请情况")


def test_a_whole_row_left_empty_is_one_short_line(window: MainWindow) -> None:
    for column in APPLICANT_COLUMNS:
        window.document.report.set_cell("applications", "new_received", column, None)
    window.document.notify_changed()
    assert "一、本年新收政府信息公…：6 格未填" in window.findings_panel.lines()
    item = window.findings_panel.tree.topLevelItem(0).child(0)
    assert "商业企业" in item.toolTip(1)  # the full message is one hover away


def test_the_basis_of_a_finding_is_shown(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    finding = error("MISSING", field_at("meta.agency"), "基本信息：机关名称未填写", basis="国办公开办函〔2021〕30号 一")
    window.findings_panel.show_findings([finding])
    item = window.findings_panel.tree.topLevelItem(0).child(0)
    assert item.text(1) == "机关名称未填写"
    assert item.text(2) == "国办公开办函〔2021〕30号 一" and "依据：国办公开办函" in item.toolTip(1)


def test_filter_by_severity_and_a_clear_all_clear(window: MainWindow) -> None:
    panel = window.findings_panel
    assert panel._stack.currentWidget() is panel.all_clear and panel.all_clear.text() == "✓ 未发现问题"
    window.set_document(ReportDocument(report_with_drift()))  # one warning
    window.document.set_cells("applications", [("carried_over", "commercial", 4)])  # two errors
    assert len(panel.lines()) == 3
    panel.filter.setCurrentIndex(1)
    assert len(panel.lines()) == 2
    panel.filter.setCurrentIndex(2)
    assert len(panel.lines()) == 1
    window.undo_action.trigger()
    panel.filter.setCurrentIndex(1)
    assert panel._stack.currentWidget() is panel.all_clear


def test_a_blank_report_shows_progress_not_errors_until_a_table_is_started(window: MainWindow) -> None:
    window.set_document(ReportDocument(Report(meta=Meta(agency="叶城县科学技术局", year=2025))))
    lines = window.findings_panel.lines()
    assert "还有 144 格未填" in lines and not any("格未填" in line and "：" in line for line in lines)
    assert window.tabs.tabText(APPLICATIONS_TAB) == "三、依申请公开"
    assert "还有 144 格未填" in window.tabs.tabToolTip(APPLICATIONS_TAB)
    window.document.set_cells("applications", [("new_received", "natural_person", 1)])
    assert window.tabs.tabText(APPLICATIONS_TAB).startswith("三、依申请公开 (")
    assert "还有 144 格未填" not in window.findings_panel.lines()
    assert "还有 10 格未填" in window.findings_panel.lines()  # 二 not started yet
    window.check_all()
    assert not [line for line in window.findings_panel.lines() if line.startswith("还有")]

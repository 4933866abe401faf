"""The main window as the UI tests reach it: a grid page, a finding in the panel, a report with a warning."""

from __future__ import annotations

from model import Finding, Report
from model.report import Previous
from tests.factories import consistent_report
from ui.grid.view import GridView
from ui.main_window import MainWindow

APPLICATIONS_TAB = 3


def grid(window: MainWindow, index: int = APPLICATIONS_TAB) -> GridView:
    view = window.page(index)
    assert isinstance(view, GridView)
    return view


def select_in_panel(window: MainWindow, code: str) -> Finding:
    finding = next(f for f in window.document.findings if f.code == code)
    assert window.findings_panel.select_finding(finding)
    return finding


def report_with_drift() -> Report:
    report = consistent_report()  # 5 in force; last year 3 + 2 issued - 1 repealed = 4: a warning
    report.previous = Previous(year=2023, in_force={"normative_documents": 3})
    return report

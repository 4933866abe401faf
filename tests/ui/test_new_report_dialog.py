"""ui/new_report_dialog.py: a new report, from last year's file or explaining why not."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from model import save_report
from tests.factories import consistent_report
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.new_report_dialog import NewReportDialog


def test_new_report_from_last_year_fills_carry_overs(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    last = tmp_path / "2024.nianbao.json"
    save_report(consistent_report(), last)
    dialog = NewReportDialog(window)
    qtbot.addWidget(dialog)
    dialog.set_last_year_file(last)
    assert (dialog.agency.text(), dialog.year.value()) == ("叶城县科学技术局", 2025)
    dialog.accept()
    assert dialog.report is not None
    window.set_document(ReportDocument(dialog.report))
    report = window.document.report
    assert report.meta.year == 2025
    assert report.stored("applications", "carried_over", "natural_person") == 1  # last year's 结转下年度
    assert report.stored("active_disclosure", "normative_documents", "in_force") == 5
    assert report.narrative.section("overview").subsections[0].title == "主动公开"


def test_new_report_dialog_explains_an_unreadable_last_year_file(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nianbao.json"
    bad.write_text("{", encoding="utf-8")
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    dialog.set_last_year_file(bad)
    dialog.accept()
    assert dialog.report is None and "已损坏" in dialog.error.text() and "JSON" not in dialog.error.text()

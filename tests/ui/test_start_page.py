"""The start page when no report is open: 以上年报告为基础新建 first, 新建, 打开, and recent reports with
agency, year and when they were saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from model import save_report
from model.report import Report
from ui.main_window import MainWindow
from ui.new_report_dialog import NewReportDialog
from ui.settings import Settings


@pytest.fixture
def fresh(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    window = MainWindow(Settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    return window


def _with_recent(qtbot: QtBot, tmp_path: Path, report: Report, *also: Path) -> tuple[MainWindow, Path]:
    """A window whose recent reports are last year's report, saved, and then `also`."""
    path = tmp_path / "叶城2024.nianbao.json"
    save_report(report, path)
    settings = Settings(tmp_path)
    for recent in (path, *also):
        settings.add_recent(recent)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    return window, path


def test_a_window_without_a_report_shows_the_start_page(fresh: MainWindow) -> None:
    page = fresh.start_page
    assert not fresh.has_report() and fresh.pages.currentWidget() is page
    buttons = [page.from_last_year, page.new_blank, page.open_file]
    assert [b.text() for b in buttons] == ["以上年报告为基础新建(&L)…", "新建空白报告(&N)…", "打开报告(&O)…"]
    assert page.from_last_year.hasFocus()
    assert not fresh.findings_panel.isVisible() and not fresh.exports.preview_action.isEnabled()
    assert page.no_recent.isVisible()


def test_recent_reports_show_agency_year_and_when_saved(qtbot: QtBot, tmp_path: Path, report: Report) -> None:
    window, path = _with_recent(qtbot, tmp_path, report, tmp_path / "已删除.nianbao.json")
    recent = window.start_page.recent
    gone, kept = recent.topLevelItem(0), recent.topLevelItem(1)
    assert [kept.text(i) for i in range(2)] == ["叶城县科学技术局", "2024年"]
    assert kept.text(2).startswith("20") and "年" in kept.text(2) and kept.text(3) == path.name
    assert gone.text(2) == "找不到这个文件" and gone.isDisabled()
    recent.itemActivated.emit(kept, 0)
    assert window.has_report() and window.document.path == path.resolve()
    assert window.exports.preview_action.isEnabled() and window.findings_panel.isVisibleTo(window)


def test_from_last_year_proposes_the_newest_recent_report(
    qtbot: QtBot, tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, path = _with_recent(qtbot, tmp_path, report)
    seen: list[tuple[bool, str, int]] = []

    def exec_dialog(dialog: NewReportDialog) -> int:
        seen.append((dialog.from_last_year.isChecked(), dialog.last_year_path.text(), dialog.year.value()))
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(NewReportDialog, "exec", exec_dialog)
    window.start_page.from_last_year.click()
    assert seen == [(True, str(path.resolve()), 2025)]
    assert window.has_report() and window.document.report.meta.year == 2025
    assert window.document.report.meta.agency == "叶城县科学技术局"


def test_a_report_started_from_last_year_opens_without_red_errors(
    qtbot: QtBot, tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = _with_recent(qtbot, tmp_path, report)
    monkeypatch.setattr(NewReportDialog, "exec", lambda dialog: dialog.accept() or QDialog.DialogCode.Accepted.value)
    window.new_from_last_year()
    assert window.document.report.stored("applications", "carried_over", "natural_person") is not None  # carried
    assert not [f for f in window.shown_findings() if f.code == "MISSING"]
    assert any(line.startswith("还有") for line in window.findings_panel.lines())
    window.check_all()
    assert [f for f in window.shown_findings() if f.code == "MISSING"]

"""Every window and dialog fits a 1366×768 laptop screen with a taskbar (1366×728 available), its
buttons on screen; the main window remembers where it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from export import PDF, ExportOptions
from model.report import Meta, Report
from ui.document import ReportDocument
from ui.export_step import ExportStep
from ui.help import HelpDialog
from ui.main_window import MainWindow, unsaved_box
from ui.new_report_dialog import NewReportDialog
from ui.printing import LoadedPdf, PreviewDialog
from ui.review_dialog import ReviewDialog
from ui.screen import FRAME_ALLOWANCE
from ui.settings import Settings

LAPTOP = QRect(0, 0, 1366, 728)


@pytest.fixture(autouse=True)
def laptop_screen(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr("ui.screen.available_area", lambda _widget=None: QRect(LAPTOP))
    monkeypatch.setattr("ui.printing.available_area", lambda _widget=None: QRect(LAPTOP))
    yield


def assert_fits(widget: QWidget) -> None:
    """The window with its frame fits the free screen, and every visible button lies inside it."""
    widget.show()
    QApplication.processEvents()
    assert widget.width() + FRAME_ALLOWANCE.width() <= LAPTOP.width(), widget.windowTitle()
    assert widget.height() + FRAME_ALLOWANCE.height() <= LAPTOP.height(), widget.windowTitle()
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            corner = button.mapTo(widget, button.rect().bottomRight())
            assert widget.rect().contains(corner), f"{widget.windowTitle()}: {button.text()} is off-screen"
    widget.close()


def blank() -> ReportDocument:
    """A report nobody filled in: the longest list of errors the export step can show."""
    return ReportDocument(Report(meta=Meta(year=2025)))


DIALOGS: dict[str, Callable[[QWidget, Report], QWidget]] = {
    "导出前检查": lambda parent, _r: ExportStep(parent, blank(), "导出", offers_copies=True),
    "打印预览": lambda parent, report: PreviewDialog(
        parent, LoadedPdf(PDF.render(report, ExportOptions())), report.title, "字体提示" * 40
    ),
    "新建报告": lambda parent, _r: NewReportDialog(parent),
    "使用说明": lambda parent, _r: HelpDialog(parent),
    "批量审核": lambda parent, _r: ReviewDialog(parent, "", lambda *_: None),
    "保存更改": lambda parent, _r: unsaved_box(parent, "叶城县科学技术局2024年政府信息公开工作年度报告.nianbao.json"),
}


def test_the_main_window_fits_the_first_time(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(Settings(tmp_path))
    qtbot.addWidget(window)
    assert_fits(window)


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_fits(qtbot: QtBot, report: Report, name: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = DIALOGS[name](parent, report)
    assert_fits(dialog)


def test_the_main_window_opens_where_it_was_closed(qtbot: QtBot, tmp_path: Path) -> None:
    first = MainWindow(Settings(tmp_path))
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the test screen (offscreen: 800×800)
    first.close()
    second = MainWindow(Settings(tmp_path))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)

"""Fixtures shared by the window tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from model.report import Report
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, report: Report, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr("ui.main_window.ask_unsaved", lambda *_: QMessageBox.StandardButton.Discard)
    main = MainWindow(Settings(tmp_path))
    main.set_document(ReportDocument(report))
    qtbot.addWidget(main)
    main.show()
    return main


# What the offscreen test platform itself says, about no code of ours.
PLATFORM_NOISE = ("This plugin does not support",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every window test fails when Qt prints a warning (pytest-qt's log capture sees each one):
    a warning such as “commitData called with an editor that does not belong to this view” is a defect."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*PLATFORM_NOISE))

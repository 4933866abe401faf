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

"""ui/app.py: an unexpected error is explained in Chinese, logged, and the report autosaved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import consistent_report
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.settings import Settings


def test_an_unexpected_error_is_explained_in_chinese_and_autosaved(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.app import report_unexpected
    from ui.autosave import Autosaver

    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path))
    main = MainWindow(Settings(tmp_path), Autosaver(tmp_path), ReportDocument(consistent_report()))
    qtbot.addWidget(main)
    main.document.set_cells("applications", [("carried_over", "commercial", 4)])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    try:
        raise RuntimeError("测试用的意外")
    except RuntimeError as error:
        report_unexpected(main, RuntimeError, error, error.__traceback__)
    assert shown and "意外的问题" in shown[0] and "自动保存" in shown[0]
    assert main.autosaver is not None and main.autosaver.path.exists()
    assert "RuntimeError" in (tmp_path / "nianbao.log").read_text(encoding="utf-8")
    main.document.undo_stack.setClean()


def test_qt_own_dialogs_speak_chinese(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app)
    try:
        assert translators, "qtbase_zh_CN not found in PySide6's bundled translations"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"
    finally:
        for translator in translators:
            app.removeTranslator(translator)

"""ui/check_rules.py: 检查 → 地方检查规则… changes what the open report is checked with, and is remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from model import NATIONAL
from tests.factories import consistent_report
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.settings import Settings

EXAMPLE = Path(__file__).parents[2] / "docs" / "local-rules.example.toml"


def _menu_action(window: MainWindow, text: str) -> QAction:
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.text().startswith(text):
                return action
    pytest.fail(f"no menu item {text}")


def _local_items(window: MainWindow) -> list[str]:
    return [f.message for f in window.document.findings if "某市" in f.message]


def test_choosing_a_rules_file_rechecks_and_is_remembered(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _local_items(window) == []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(EXAMPLE), ""))
    _menu_action(window, "地方检查规则").trigger()
    assert len(_local_items(window)) == 2  # 六 lacks both items the example requires
    assert window.check_rules.rules.name in window.statusBar().currentMessage()

    again = MainWindow(Settings(tmp_path))  # the window fixture's settings folder
    qtbot.addWidget(again)
    again.set_document(ReportDocument(consistent_report()))
    assert len(_local_items(again)) == 2

    _menu_action(again, "恢复全国通用规则").trigger()
    assert again.check_rules.rules is NATIONAL and _local_items(again) == []


def test_a_bad_rules_file_is_refused_and_changes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[severity]\nNO_SUCH = "off"\n', encoding="utf-8")
    warned: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    _menu_action(window, "地方检查规则").trigger()
    assert warned and "NO_SUCH" in warned[0]
    assert window.check_rules.rules is NATIONAL
